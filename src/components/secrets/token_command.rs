//! The generated token request command: shown masked (only the secret or assertion hidden) until
//! Show and masked again after 30 seconds, as a revealed secret is; copied for real by Copy
//! Command; for a client assertion, when it expires and a way to make a new one. Each reveal and
//! each copy is recorded in the activity log, since the command carries the secret.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clipboard::copy_text;
use crate::domain::SecretAccess;
use crate::state::use_app_state;

use crate::components::shared::reveal_button::RevealButton;
use crate::components::shared::time_text::{local_date_time, machine_time};

#[component]
pub fn TokenCommand(
    masked: String,
    command: String,
    assertion_expires_at: Option<DateTime<Utc>>,
    on_new_assertion: Callback<()>,
    /// Runs after each reveal and each copy that reached the clipboard.
    on_access: Callback<SecretAccess>,
) -> impl IntoView {
    let state = use_app_state();
    let revealed = RwSignal::new(false);
    let copy_failure = RwSignal::new(None::<String>);
    let shown = {
        let command = command.clone();
        move || {
            if revealed.get() {
                command.clone()
            } else {
                masked.clone()
            }
        }
    };
    let copy = move |_| {
        let command = command.clone();
        spawn_local(async move {
            match copy_text(&command).await {
                Ok(()) => {
                    copy_failure.try_set(None);
                    state.announce("The token request command was copied to the clipboard.");
                    on_access.run(SecretAccess::Copied);
                }
                Err(error) => {
                    copy_failure.try_set(Some(error.to_string()));
                }
            }
        });
    };
    view! {
        <pre class="command"><code translate="no">{shown}</code></pre>
        {assertion_expires_at.map(|expires_at| view! {
            <p class="card__text">
                "The client assertion is accepted until "
                <time datetime=machine_time(expires_at)>{local_date_time(expires_at)}</time>
                " and only once; make a new one for each try."
            </p>
        })}
        <div class="card__actions command__actions">
            <RevealButton revealed what="command" on_reveal=Callback::new(move |()| on_access.run(SecretAccess::Revealed)) />
            <button type="button" class="button button--small" on:click=copy>"Copy Command"</button>
            {assertion_expires_at.map(|_| view! {
                <button type="button" class="button button--small" on:click=move |_| on_new_assertion.run(())>
                    "New Assertion"
                </button>
            })}
        </div>
        {move || copy_failure.get().map(|message| view! { <p class="field__error" role="alert">{message}</p> })}
    }
}
