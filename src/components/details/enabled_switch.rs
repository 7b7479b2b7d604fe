//! The Enabled switch: each toggle is saved at once and announced. Toggles made while a save is
//! running are queued and saved in order, each on top of this tab's own previous write, so quick
//! toggles are neither lost nor applied to a state someone else has changed since.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::leave_warning::PendingChange;
use crate::domain::{Application, ClientId};
use crate::state::{AppState, use_app_state};

#[component]
pub fn EnabledSwitch(application: Memo<Application>) -> impl IntoView {
    let state = use_app_state();
    let client_id = application.with_untracked(|app| app.client_id.clone());
    // The states the user asked for, oldest first, until each is saved (or one is refused).
    let queued = RwSignal::new(Vec::<bool>::new());
    let failure = RwSignal::new(None::<String>);
    let saving = StoredValue::new(false);
    let shown = move || {
        queued
            .with(|queued| queued.last().copied())
            .unwrap_or_else(|| application.with(Application::enabled))
    };
    let toggle = move |_| {
        let desired = !shown();
        queued.update(|queued| queued.push(desired));
        failure.set(None);
        if !saving.get_value() {
            saving.set_value(true);
            let seen_revision = application.with_untracked(Application::revision);
            let queue = SaveQueue {
                state,
                client_id: client_id.clone(),
                queued,
                failure,
                saving,
            };
            spawn_local(queue.save_in_order(seen_revision));
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

struct SaveQueue {
    state: AppState,
    client_id: ClientId,
    queued: RwSignal<Vec<bool>>,
    failure: RwSignal<Option<String>>,
    saving: StoredValue<bool>,
}

impl SaveQueue {
    /// Saves the queued states in order. The first is checked against the revision the user
    /// toggled on; each later one against this tab's own previous write. A refusal (another tab
    /// changed the application meanwhile) drops the rest: they were decided on a stale state.
    async fn save_in_order(self, mut basis: u64) {
        // Queued toggles are changes on their way too: leaving asks until the last is saved.
        let _pending = PendingChange::begin();
        while let Some(desired) = self.next() {
            match self
                .state
                .set_enabled(self.client_id.clone(), basis, desired)
                .await
            {
                Ok(()) => {
                    self.state.announce(if desired {
                        "Application enabled."
                    } else {
                        "Application disabled."
                    });
                    self.queued.try_update(|queued| queued.remove(0));
                    match self.stored_revision() {
                        Some(revision) => basis = revision,
                        None => break,
                    }
                }
                Err(error) => {
                    self.queued.try_set(Vec::new());
                    self.failure.try_set(Some(error.to_string()));
                    break;
                }
            }
        }
        self.saving.try_set_value(false);
    }

    fn next(&self) -> Option<bool> {
        self.queued
            .try_with_untracked(|queued| queued.first().copied())
            .flatten()
    }

    fn stored_revision(&self) -> Option<u64> {
        self.state.applications().with_untracked(|applications| {
            applications
                .iter()
                .find(|app| app.client_id == self.client_id)
                .map(Application::revision)
        })
    }
}
