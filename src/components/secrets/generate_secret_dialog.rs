//! Generate New Secret: choose how long the current secret survives (the dialog says until when,
//! and what becomes of an existing previous secret), acknowledge, confirm.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::{ClientId, Retention, RetentionError};
use crate::state::use_app_state;

use crate::components::secrets::retention_picker::RetentionPicker;
use crate::components::shared::confirm_dialog::{ConfirmDialog, action_taken};
use crate::components::shared::outside_change::use_seen_application;
use crate::components::shared::time_text::{local_date_time, machine_time, rotation_announcement};

#[component]
pub fn GenerateSecretDialog(client_id: ClientId, on_closed: Callback<()>) -> impl IntoView {
    let state = use_app_state();
    let seen = use_seen_application(client_id.clone());
    let (retention, set_retention) = signal(Err::<Retention, _>(RetentionError::Empty));
    let acting_on = client_id.clone();
    let subject = client_id.clone();
    let action = Action::new_local(move |_: &()| {
        let client_id = acting_on.clone();
        let chosen = retention.get_untracked();
        let seen_revision = seen.revision.get_untracked();
        async move {
            let retention = chosen.map_err(|error| error.to_string())?;
            let outcome = state
                .rotate_secret(client_id, seen_revision, retention)
                .await
                .map_err(|error| error.to_string())?;
            state.announce(rotation_announcement(outcome));
            Ok(())
        }
    });

    // Frozen while the action runs and after it succeeded: the rotation's own new previous
    // secret must not appear as a warning in the dialog that is closing.
    let replaced_previous = Memo::new(move |shown: Option<&Option<DateTime<Utc>>>| match shown {
        Some(shown) if action_taken(action) => *shown,
        _ => {
            let now = state.now().get();
            state
                .application(&client_id)
                .and_then(|app| app.previous_secret(now).map(|previous| previous.expires_at))
        }
    });

    // Until when the current secret would be kept: `None` while the choice is invalid, `Some(None)`
    // when it stops working at once. The sentence is rebuilt only when that kind changes; its
    // time follows the clock and the choice in place.
    let kept_until = Memo::new(move |_| {
        let now = state.now().get();
        retention
            .get()
            .ok()
            .map(|retention| retention.previous_expires_at(now))
    });
    let retained = Memo::new(move |_| kept_until.get().map(|until| until.is_some()));
    let kept_until = move || kept_until.get().flatten();

    view! {
        <ConfirmDialog
            title="Generate New Secret"
            application=subject
            action
            ready=Signal::derive(move || retention.with(Result::is_ok))
            outside_change=seen.notice
            on_closed
        >
            <p>"A new client secret replaces the current one. The retention setting cannot be changed afterwards."</p>
            {move || {
                replaced_previous
                    .get()
                    .map(|expires_at| {
                        view! {
                            <p class="notice notice--warning">
                                "This application already has a previous secret, expiring "
                                <time datetime=machine_time(expires_at)>{local_date_time(expires_at)}</time>
                                ". When you confirm, that previous secret stops working at once "
                                {move || match retained.get() {
                                    Some(false) => "and so does the current secret.",
                                    _ => "and the current secret becomes the previous secret.",
                                }}
                            </p>
                        }
                    })
            }}
            <RetentionPicker retention=set_retention />
            {move || retained.get().map(|retained| if retained {
                view! {
                    <p class="retention__preview">
                        "The current secret will keep working as the previous secret until "
                        <time datetime=move || kept_until().map(machine_time)>{move || kept_until().map(local_date_time)}</time>
                        "."
                    </p>
                }
                .into_any()
            } else {
                view! { <p class="retention__preview">"The current secret will stop working at once."</p> }.into_any()
            })}
        </ConfirmDialog>
    }
}
