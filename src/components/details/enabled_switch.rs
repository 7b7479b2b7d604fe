//! The Enabled switch: each toggle is saved at once and announced. Toggles made while a save
//! is running are queued as the state wanted last, and saved on top of this tab's own write, so
//! quick toggles are neither lost nor applied to a state someone else has changed since.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::{Application, ClientId};
use crate::state::{AppState, use_app_state};

#[component]
pub fn EnabledSwitch(application: Memo<Application>) -> impl IntoView {
    let state = use_app_state();
    let client_id = application.with_untracked(|app| app.client_id.clone());
    // The state the user asked for last, until it is saved (or refused).
    let wanted = RwSignal::new(None::<bool>);
    let failure = RwSignal::new(None::<String>);
    let saving = StoredValue::new(false);
    let shown = move || {
        wanted
            .get()
            .unwrap_or_else(|| application.with(Application::enabled))
    };
    let toggle = move |_| {
        let desired = !shown();
        wanted.set(Some(desired));
        failure.set(None);
        if !saving.get_value() {
            saving.set_value(true);
            let seen_revision = application.with_untracked(Application::revision);
            spawn_local(save_wanted(
                state,
                client_id.clone(),
                seen_revision,
                wanted,
                failure,
                saving,
            ));
        }
    };

    view! {
        <div class="switch-field">
            <label class="switch">
                <input type="checkbox" role="switch" prop:checked=shown on:change=toggle aria-describedby="enabled-hint" />
                <span class="switch__track" aria-hidden="true"></span>
                <span class="switch__label">"Enabled"</span>
            </label>
            <p id="enabled-hint" class="switch-field__hint">
                {move || if shown() { "Users can sign on to this application." } else { "Sign-on to this application is refused." }}
            </p>
            {move || failure.get().map(|message| view! { <p class="notice notice--error" role="alert">{message}</p> })}
        </div>
    }
}

/// Saves `wanted` until storage agrees with it. The first save is checked against the revision
/// the user toggled on; each later one against this tab's own previous write.
async fn save_wanted(
    state: AppState,
    client_id: ClientId,
    mut basis: u64,
    wanted: RwSignal<Option<bool>>,
    failure: RwSignal<Option<String>>,
    saving: StoredValue<bool>,
) {
    while let Some(desired) = wanted.try_get_untracked().flatten() {
        if stored(state, &client_id).map(|app| app.enabled()) == Some(desired) {
            wanted.try_set(None);
            break;
        }
        match state.set_enabled(client_id.clone(), basis, desired).await {
            Ok(()) => {
                state.announce(if desired {
                    "Application enabled."
                } else {
                    "Application disabled."
                });
                match stored(state, &client_id) {
                    Some(saved) => basis = saved.revision(),
                    None => break,
                }
            }
            Err(error) => {
                wanted.try_set(None);
                failure.try_set(Some(error.to_string()));
                break;
            }
        }
    }
    saving.try_set_value(false);
}

fn stored(state: AppState, client_id: &ClientId) -> Option<Application> {
    state.applications().with_untracked(|applications| {
        applications
            .iter()
            .find(|app| &app.client_id == client_id)
            .cloned()
    })
}
