//! What the pages say about the connection: a sign-on that was refused or cancelled (role
//! alert), signing on and reading the environment (role status), a session that ended (role
//! alert with Sign On, the page kept) and a failed first read.

use leptos::prelude::*;

use crate::state::{ConnectionStatus, use_app_state};

#[component]
pub fn ConnectionAlerts(
    /// Why a sign-on that just came back did not connect.
    refusal: Option<String>,
) -> impl IntoView {
    let state = use_app_state();
    let refusal = refusal.map(|reason| {
        view! {
            <div class="alert" role="alert">
                <p><strong>"Not connected to PingOne."</strong>" "{reason}</p>
            </div>
        }
    });
    let remote = state.remote();
    let sign_on = Action::new_local(move |_: &()| async move {
        state
            .sign_on_again()
            .await
            .map_err(|error| error.to_string())
    });
    let status = move || {
        let remote = remote?;
        Some(match remote.status.get() {
            ConnectionStatus::SigningOn => view! {
                <p class="notice" role="status">"Signing on to PingOne…"</p>
            }
            .into_any(),
            ConnectionStatus::Loading => view! {
                <p class="notice" role="status">"Reading the environment's applications from PingOne…"</p>
            }
            .into_any(),
            ConnectionStatus::Ready => ().into_any(),
            ConnectionStatus::SessionEnded(reason) | ConnectionStatus::Failed(reason) => view! {
                <div class="alert" role="alert">
                    <p>{reason}</p>
                    <button
                        type="button"
                        class="button button--small button--primary"
                        disabled=move || sign_on.pending().get()
                        on:click=move |_| { sign_on.dispatch(()); }
                    >
                        "Sign On"
                    </button>
                    {move || sign_on.value().get().and_then(Result::err).map(|message| view! { <p>{message}</p> })}
                </div>
            }
            .into_any(),
        })
    };
    view! {
        {refusal}
        {status}
    }
}
