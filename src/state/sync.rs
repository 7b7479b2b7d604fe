//! Following changes other tabs make: the browser fires `storage` in every other tab of the
//! origin after a write, and the affected application (or, for the index, everything) is
//! re-read so an open panel or dialog shows the new state without a reload. An application
//! that disappears is remembered as deleted, so its open views can say so. The console settings
//! have a key of their own and are re-read the same way.

use leptos::prelude::*;

use std::collections::HashSet;

use crate::domain::ClientId;
use crate::storage::{
    ACTIVITY_HEAD_KEY, INDEX_KEY, SETTINGS_KEY, client_id_of_key, is_activity_key,
};

use super::AppState;

pub(super) fn follow_other_tabs(state: AppState) {
    let listener = window_event_listener(leptos::ev::storage, move |event| match event.key() {
        Some(key) => match client_id_of_key(&key) {
            Some(client_id) => state.reload_one(&key, &client_id),
            None if key == INDEX_KEY => state.reload_all(),
            // The head only moves the window; the slot written after it brings the event.
            None if key == ACTIVITY_HEAD_KEY => {}
            None if is_activity_key(&key) => state.reload_activity_slot(&key),
            None if key == SETTINGS_KEY => state.reload_settings(),
            None => {}
        },
        // A null key means the whole storage was cleared.
        None => {
            state.reload_all();
            if state.activity_log.with_untracked(Option::is_some) {
                state.reload_activity();
            }
        }
    });
    on_cleanup(move || listener.remove());
}

impl AppState {
    fn reload_all(&self) {
        let loaded = self
            .repository
            .with_value(|repository| repository.load_all());
        // A record that became unreadable is not deleted: it is reported instead.
        let mut still_stored: HashSet<ClientId> = loaded
            .applications
            .iter()
            .map(|app| app.client_id.clone())
            .collect();
        still_stored.extend(
            loaded
                .problems
                .iter()
                .filter(|problem| problem.raw.is_some())
                .filter_map(|problem| client_id_of_key(&problem.key)),
        );
        let gone: Vec<ClientId> = self.applications.with_untracked(|shown| {
            shown
                .iter()
                .map(|app| &app.client_id)
                .filter(|id| !still_stored.contains(id))
                .cloned()
                .collect()
        });
        for client_id in &gone {
            self.show_deleted(client_id);
        }
        self.change_shown(|shown| *shown = loaded.applications);
        self.problems.set(loaded.problems);
        self.reload_settings();
    }

    fn reload_one(&self, key: &str, client_id: &ClientId) {
        let loaded = self
            .repository
            .with_value(|repository| repository.load(client_id));
        self.problems
            .update(|problems| problems.retain(|problem| problem.key != key));
        match loaded {
            Ok(Some(application)) => self.show_stored(application),
            Ok(None) => self.show_deleted(client_id),
            Err(problem) => {
                self.change_shown(|applications| {
                    applications.retain(|app| &app.client_id != client_id)
                });
                self.problems.update(|problems| problems.push(problem));
            }
        }
    }
}
