//! The top bar's part of the connection: Connect to PingOne while the console shows this
//! browser's applications; PingOne, the environment ID, who is signed on and Sign Off while
//! connected.

use leptos::prelude::*;

use crate::components::connection::connect_dialog::ConnectDialog;
use crate::components::shared::site_base::use_site_base;
use crate::state::use_app_state;

#[component]
pub fn ConnectionBar() -> impl IntoView {
    let state = use_app_state();
    match state.remote() {
        None => {
            let open = RwSignal::new(false);
            view! {
                <button type="button" class="button button--small topbar__connect" on:click=move |_| open.set(true)>
                    // On a narrow screen "to PingOne" is read, not shown: the status message then
                    // fits beside the button instead of over it.
                    "Connect"<span class="topbar__connect-more">" to PingOne"</span>
                </button>
                <Show when=move || open.get()>
                    <ConnectDialog on_closed=Callback::new(move |()| open.set(false)) />
                </Show>
            }
            .into_any()
        }
        Some(remote) => {
            let site = use_site_base();
            let applications_page = site.href("/applications");
            let environment_id = remote.environment_id();
            view! {
                <span class="topbar__connection">
                    <span class="topbar__platform">"PingOne"</span>
                    <span class="topbar__environment" title="Environment ID">{environment_id}</span>
                    {move || remote.administrator.get().map(|name| view! { <span class="topbar__administrator">{name}</span> })}
                </span>
                <button
                    type="button"
                    class="button button--small topbar__connect"
                    on:click=move |_| state.sign_off(&applications_page)
                >
                    "Sign Off"
                </button>
            }
            .into_any()
        }
    }
}
