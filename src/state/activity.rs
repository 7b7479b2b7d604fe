//! The activity log in the state service: read once after the first paint, kept current by
//! this tab's commands and other tabs' `storage` events, and shown merged with the expiries of
//! previous secrets that no change has recorded yet.

use leptos::prelude::*;

use crate::browser::locks::WriteLog;
use crate::domain::{ActivityEvent, ClientId, activity_of, merge_activity};

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

    /// Records `events` in order, after the change they describe was saved. One that cannot be
    /// recorded is reported (the change stands) and the rest are not tried.
    pub(super) fn record_activity(&self, written: &mut WriteLog, events: Vec<ActivityEvent>) {
        for event in events {
            let recording = self
                .repository
                .with_value(|repository| repository.activity().record(&event));
            for key in recording.written {
                written.wrote(key);
            }
            match recording.result {
                Ok(sequence) => self.show_recorded(sequence, event),
                Err(error) => {
                    self.unrecorded_activity.set(Some(format!(
                        "The change was saved, but its activity event could not be recorded: {error}."
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
