//! Revoke Previous Client Secret: an irreversible action behind the shared confirmation.

use leptos::prelude::*;

use crate::domain::ClientId;
use crate::state::use_app_state;

use crate::components::shared::confirm_dialog::{ConfirmDialog, action_taken};
use crate::components::shared::outside_change::use_seen_application;

#[component]
pub fn RevokePreviousDialog(client_id: ClientId, on_closed: Callback<()>) -> impl IntoView {
    let state = use_app_state();
    let seen = use_seen_application(client_id.clone());
    let subject = client_id.clone();
    let has_previous = {
        let client_id = client_id.clone();
        move || {
            let now = state.now().get();
            state
                .application(&client_id)
                .is_some_and(|app| app.previous_secret(now).is_some())
        }
    };
    let action = Action::new_local(move |_: &()| {
        let client_id = client_id.clone();
        let seen_revision = seen.revision.get_untracked();
        async move {
            state
                .revoke_previous_secret(client_id, seen_revision)
                .await
                .map_err(|error| error.to_string())?;
            state.announce("Previous client secret revoked. Only the current secret is valid now.");
            Ok(())
        }
    });
    let ready = Signal::derive(has_previous.clone());
    // A revoke that just succeeded also leaves nothing to revoke: that is not news to this user.
    let moot = move || !has_previous() && !action_taken(action);

    view! {
        <ConfirmDialog
            title="Revoke Previous Client Secret"
            action
            ready
            outside_change=seen.notice
            on_closed
            application=subject
            destructive=true
        >
            <p>
                <strong>"This action cannot be undone."</strong>
                " Applications still using the previous secret will fail to authenticate until they use the current one."
            </p>
            <Show when=moot>
                <p class="notice notice--warning">"There is no longer a previous secret to revoke: it expired or was removed."</p>
            </Show>
        </ConfirmDialog>
    }
}
