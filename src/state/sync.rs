//! Following changes other tabs make: the browser fires `storage` in every other tab of the
//! origin after a write, and the affected application (or, for the index, everything) is
//! re-read so an open panel or dialog shows the new state without a reload. The console
//! settings have a key of their own and are re-read the same way.

use leptos::prelude::*;

use crate::storage::{INDEX_KEY, SETTINGS_KEY, client_id_of_key};

use super::AppState;

pub(super) fn follow_other_tabs(state: AppState) {
    let listener = window_event_listener(leptos::ev::storage, move |event| match event.key() {
        Some(key) => match client_id_of_key(&key) {
            Some(client_id) => state.reload_one(&key, &client_id),
            None if key == INDEX_KEY => state.reload_all(),
            None if key == SETTINGS_KEY => state.reload_settings(),
            None => {}
        },
        // A null key means the whole storage was cleared.
        None => state.reload_all(),
    });
    on_cleanup(move || listener.remove());
}

impl AppState {
    fn reload_all(&self) {
        let loaded = self
            .repository
            .with_value(|repository| repository.load_all());
        self.applications.set(loaded.applications);
        self.problems.set(loaded.problems);
        self.reload_settings();
    }

    fn reload_one(&self, key: &str, client_id: &crate::domain::ClientId) {
        let loaded = self
            .repository
            .with_value(|repository| repository.load(client_id));
        self.problems
            .update(|problems| problems.retain(|problem| problem.key != key));
        match loaded {
            Ok(Some(application)) => self.show_stored(application),
            Ok(None) => self
                .applications
                .update(|applications| applications.retain(|app| &app.client_id != client_id)),
            Err(problem) => {
                self.applications
                    .update(|applications| applications.retain(|app| &app.client_id != client_id));
                self.problems.update(|problems| problems.push(problem));
            }
        }
    }
}
