//! The activity log in the state service: read once after the first paint, kept current by
//! this tab's commands and other tabs' `storage` events, and shown merged with the expiries of
//! previous secrets that no change has recorded yet.
//!
//! Looking at a secret (Show, Copy) and exporting with secrets change nothing, yet are recorded:
//! who saw a secret is an audit's first question. The look is not held up by its record: the
//! secret shows at once and the event follows under the cross-tab lock, as a command's does.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::locks::{WriteLog, with_exclusive_lock};
use crate::domain::{
    ActivityEvent, ActivityKind, ClientId, SecretAccess, SecretMaterial, activity_of,
    merge_activity,
};

use super::AppState;

impl AppState {
    /// Every event the log keeps, plus pending expiries, newest first; each names its
    /// application, or the console for a change to a console-wide setting. Reads the stored log now if it was not read yet.
    pub fn activity(&self) -> Memo<Vec<ActivityEvent>> {
        self.load_activity_once();
        let (log, pending) = (self.activity_log, self.pending_expiries);
        Memo::new(move |_| {
            log.with(|log| {
                pending.with(|pending| match log {
                    Some(log) => merge_activity(log.events.values(), pending),
                    None => merge_activity([].iter(), pending),
                })
            })
        })
    }

    /// The events of one application, newest first; deleted applications keep theirs.
    /// Console events belong to no application, so they are never among them.
    pub fn activity_for(&self, client_id: ClientId) -> Memo<Vec<ActivityEvent>> {
        let all = self.activity();
        Memo::new(move |_| all.with(|events| activity_of(events, &client_id)))
    }

    /// Whether events were recorded that the log no longer keeps (it keeps the most recent
    /// `storage::ACTIVITY_CAP`).
    pub fn older_activity_dropped(&self) -> Signal<bool> {
        self.load_activity_once();
        let log = self.activity_log;
        Signal::derive(move || {
            log.with(|log| log.as_ref().is_some_and(|log| log.older_events_dropped()))
        })
    }

    pub(super) fn load_activity_once(&self) {
        if self.activity_log.with_untracked(Option::is_none) {
            self.reload_activity();
        }
    }

    /// Reads the whole stored log again and reports what in it cannot be read.
    pub(super) fn reload_activity(&self) {
        let loaded = self
            .repository
            .with_value(|repository| repository.activity().load());
        self.problems.update(|problems| {
            problems.retain(|problem| !problem.concerns_activity());
            problems.extend(loaded.problems.iter().cloned());
        });
        self.activity_log.set(Some(loaded));
    }

    /// Another tab wrote the activity slot `key`: show its event, or report it unreadable.
    pub(super) fn reload_activity_slot(&self, key: &str) {
        if self.activity_log.with_untracked(Option::is_none) {
            return;
        }
        let slot = self
            .repository
            .with_value(|repository| repository.activity().read_slot(key));
        self.problems
            .update(|problems| problems.retain(|problem| problem.key != key));
        match slot {
            Ok(Some((sequence, event))) => self.show_recorded(sequence, event),
            Ok(None) => {}
            Err(problem) => self.problems.update(|problems| problems.push(problem)),
        }
    }

    /// Records that the administrator looked at `material` of the application `client_id`
    /// (revealed or copied it) now. Called once the secret is on screen or on the clipboard;
    /// an event that cannot be recorded is reported. Nothing is recorded for an application
    /// that is no longer shown.
    pub async fn record_secret_access(
        self,
        client_id: ClientId,
        material: SecretMaterial,
        access: SecretAccess,
    ) {
        let now = self.current_time();
        let kind = ActivityKind::SecretAccessed { material, access };
        let event = self.applications.with_untracked(|applications| {
            applications
                .iter()
                .find(|application| application.client_id == client_id)
                .map(|application| ActivityEvent::of(application, now, kind))
        });
        if let Some(event) = event {
            self.record_look(event, "The secret was shown or copied")
                .await;
        }
    }

    /// What a view of `material` of `client_id` calls on each reveal or copy: records it
    /// (`record_secret_access`) without holding up what the view shows.
    pub fn secret_access_recorder(
        self,
        client_id: ClientId,
        material: SecretMaterial,
    ) -> Callback<SecretAccess> {
        Callback::new(move |access| {
            spawn_local(self.record_secret_access(client_id.clone(), material, access));
        })
    }

    /// Records an export that included the client secrets of `applications` applications,
    /// once the file was handed to the browser.
    pub async fn record_export_with_secrets(self, applications: usize) {
        let count = u64::try_from(applications).unwrap_or(u64::MAX);
        let event = ActivityEvent::exported_with_secrets(self.current_time(), count);
        self.record_look(event, "The export was downloaded").await;
    }

    /// Records `event`, of something already done (`done` says what), under the lock.
    async fn record_look(self, event: ActivityEvent, done: &'static str) {
        let recorded =
            with_exclusive_lock(move |written| self.record_events(written, vec![event], done))
                .await;
        if recorded.is_err() {
            self.unrecorded_activity.try_set(Some(format!(
                "{done}, but its activity event could not be recorded: the browser could not coordinate with other open tabs."
            )));
        }
    }

    /// Records `events` in order, after the change they describe was saved. One that cannot be
    /// recorded is reported (the change stands) and the rest are not tried.
    pub(super) fn record_activity(&self, written: &mut WriteLog, events: Vec<ActivityEvent>) {
        self.record_events(written, events, "The change was saved");
    }

    /// Records `events` in order, after what they describe was done (`done` says what, for the
    /// report of an event that cannot be recorded, after which the rest are not tried).
    fn record_events(&self, written: &mut WriteLog, events: Vec<ActivityEvent>, done: &str) {
        let actor = self
            .remote
            .and_then(|remote| remote.administrator.get_untracked());
        for mut event in events {
            event.actor = actor.clone();
            let recording = self
                .repository
                .with_value(|repository| repository.activity().record(&event));
            for key in recording.written {
                written.wrote(self.stored_key(&key));
            }
            match recording.result {
                Ok(sequence) => self.show_recorded(sequence, event),
                Err(error) => {
                    self.unrecorded_activity.set(Some(format!(
                        "{done}, but its activity event could not be recorded: {error}."
                    )));
                    return;
                }
            }
        }
        if self.unrecorded_activity.with_untracked(Option::is_some) {
            self.unrecorded_activity.set(None);
        }
    }

    fn show_recorded(&self, sequence: u64, event: ActivityEvent) {
        if self.activity_log.with_untracked(Option::is_some) {
            self.activity_log.update(|log| {
                if let Some(log) = log {
                    log.insert(sequence, event);
                }
            });
        }
    }
}
