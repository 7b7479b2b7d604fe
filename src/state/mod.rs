//! The application-state service: the one place that turns user intent into stored change.
//!
//! Components read its signals and call its commands. Each command takes the cross-tab lock,
//! re-reads the freshest record, checks it is the state the user was looking at, asks the
//! domain to apply the change, writes it, and only then updates the signals: a write that
//! fails leaves the screen exactly as it was. Changes made by other tabs arrive through the
//! `storage` event and replace the affected application in place.

mod activity;
mod commands;
mod exchange;
mod remote;
mod rotation;
mod settings;
mod sync;

use std::collections::HashSet;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::browser::after_paint::when_idle_after_next_paint;
use crate::demo;
use crate::domain::{
    ActivityEvent, Application, ClientId, Clock, ConsoleSettings, RotationOverview,
    pending_expiries,
};
use crate::storage::{ApplicationRepository, LoadedActivity, StorageProblem};

pub use commands::CommandError;
pub use exchange::{Export, ImportReport};
pub use remote::{ConnectionStatus, Remote, SecretRead, SecretsReading};

/// A message for the role="status" live region; `sequence` makes a repeated text announce again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Announcement {
    pub sequence: u64,
    pub text: String,
}

#[derive(Clone, Copy)]
pub struct AppState {
    applications: RwSignal<Vec<Application>>,
    /// Applications this tab saw disappear from storage, deleted here or in another tab.
    deleted: RwSignal<HashSet<ClientId>>,
    problems: RwSignal<Vec<StorageProblem>>,
    storage_warning: RwSignal<Option<String>>,
    /// Why the last change's activity event was not recorded, until one is recorded again.
    unrecorded_activity: RwSignal<Option<String>>,
    /// The stored activity log, read after the first paint (`None` until then).
    activity_log: RwSignal<Option<LoadedActivity>>,
    /// Expiries of previous secrets no change has recorded yet; follows `now` and the list.
    pending_expiries: Memo<Vec<ActivityEvent>>,
    announcement: RwSignal<Announcement>,
    /// Said after the next announcement: how a change's outcome was learnt (a lost answer).
    announcement_note: StoredValue<Option<&'static str>>,
    /// The PingOne environment the applications come from; `None`: this browser's storage.
    remote: Option<Remote>,
    now: RwSignal<DateTime<Utc>>,
    settings: RwSignal<ConsoleSettings>,
    rotation_overview: Memo<RotationOverview>,
    /// What changed in `applications` since the rotation overview last looked at them.
    shown_changes: StoredValue<ShownChanges>,
    repository: StoredValue<ApplicationRepository, LocalStorage>,
    clock: StoredValue<Rc<dyn Clock>, LocalStorage>,
}

impl AppState {
    /// Loads everything from `repository`, seeding the demo applications on a first visit.
    /// `storage_warning` says why changes will not outlive the page, when that is so.
    pub fn start(
        repository: ApplicationRepository,
        clock: Rc<dyn Clock>,
        storage_warning: Option<String>,
    ) -> Self {
        Self::start_with(repository, clock, storage_warning, true)
    }

    fn start_with(
        repository: ApplicationRepository,
        clock: Rc<dyn Clock>,
        storage_warning: Option<String>,
        seed_when_empty: bool,
    ) -> Self {
        let now = clock.now();
        let mut loaded = repository.load_all();
        let mut warning = storage_warning;
        if loaded.is_empty && seed_when_empty {
            match seed_demo(&repository, now) {
                Ok(()) => loaded = repository.load_all(),
                Err(message) => warning = Some(message),
            }
        }
        let settings = repository.settings().load();
        loaded.problems.extend(settings.problem);
        let settings = RwSignal::new(settings.settings);
        let applications = RwSignal::new(loaded.applications);
        let now_signal = RwSignal::new(now);
        let shown_changes = StoredValue::new(ShownChanges::Any);
        let pending = Memo::new(move |_| {
            let now = now_signal.get();
            applications.with(|applications| pending_expiries(applications, now))
        });
        Self {
            applications,
            deleted: RwSignal::new(HashSet::new()),
            problems: RwSignal::new(loaded.problems),
            storage_warning: RwSignal::new(warning),
            unrecorded_activity: RwSignal::new(None),
            activity_log: RwSignal::new(None),
            pending_expiries: pending,
            announcement: RwSignal::new(Announcement::default()),
            announcement_note: StoredValue::new(None),
            remote: None,
            now: now_signal,
            settings,
            rotation_overview: rotation::overview_memo(
                applications,
                shown_changes,
                settings,
                now_signal,
            ),
            shown_changes,
            repository: StoredValue::new_local(repository),
            clock: StoredValue::new_local(clock),
        }
    }

    /// The console connected to a PingOne environment. `repository` holds what the console
    /// keeps about that environment (its activity log and settings, under keys of its own:
    /// `storage::NamespacedStore`), never an application: those arrive once `remote` has signed
    /// on and read them, and this browser's applications are neither read nor written.
    pub fn start_connected(
        repository: ApplicationRepository,
        clock: Rc<dyn Clock>,
        remote: Remote,
    ) -> Self {
        let mut state = Self::start_with(repository, clock, None, false);
        state.remote = Some(remote);
        state
    }

    /// Where the repository's `key` really is in localStorage: connected, under the
    /// environment's prefix. Write markers (`WriteLog::wrote`) must name that key.
    pub(crate) fn stored_key(&self, key: &str) -> String {
        match self.remote {
            Some(remote) => crate::storage::environment_key(&remote.environment_id(), key),
            None => key.to_owned(),
        }
    }

    /// Keeps `now` current (for expiry and countdowns) and follows changes made in other tabs.
    pub fn run_in_background(self) {
        let tick = move || {
            if let Some(clock) = self.clock.try_get_value() {
                self.now.set(clock.now());
            }
        };
        if let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_secs(1)) {
            on_cleanup(move || handle.clear());
        }
        if self.remote.is_none() {
            sync::follow_other_tabs(self);
        }
        // The first list paint does not need the log.
        when_idle_after_next_paint(move || self.load_activity_once());
    }

    pub fn applications(&self) -> ReadSignal<Vec<Application>> {
        self.applications.read_only()
    }

    /// The application with `client_id`, tracked.
    pub fn application(&self, client_id: &ClientId) -> Option<Application> {
        self.applications.with(|applications| {
            applications
                .iter()
                .find(|app| &app.client_id == client_id)
                .cloned()
        })
    }

    /// Whether `client_id` was deleted (here or in another tab) since this page loaded, tracked:
    /// a view of it says so and offers the way back to the list.
    pub fn was_deleted(&self, client_id: &ClientId) -> bool {
        self.deleted.with(|deleted| deleted.contains(client_id))
    }

    pub fn now(&self) -> ReadSignal<DateTime<Utc>> {
        self.now.read_only()
    }

    pub fn problems(&self) -> ReadSignal<Vec<StorageProblem>> {
        self.problems.read_only()
    }

    /// Why changes will not outlive the page, or why the last change's activity event could not
    /// be recorded (the change itself was saved).
    pub fn storage_warning(&self) -> Signal<Option<String>> {
        let (blocked, unrecorded) = (self.storage_warning, self.unrecorded_activity);
        Signal::derive(move || blocked.get().or_else(|| unrecorded.get()))
    }

    pub fn announcement(&self) -> ReadSignal<Announcement> {
        self.announcement.read_only()
    }

    pub fn announce(&self, text: impl Into<String>) {
        let mut text = text.into();
        if let Some(note) = self
            .announcement_note
            .try_update_value(Option::take)
            .flatten()
        {
            text = format!("{text} {note}");
        }
        self.announcement.update(|announcement| {
            announcement.sequence += 1;
            announcement.text = text;
        });
    }

    /// The clock's time now, for a value that must not be a second stale (an assertion's `iat`).
    pub fn current_time(&self) -> DateTime<Utc> {
        self.clock.with_value(|clock| clock.now())
    }

    /// Takes an application that is no longer stored off the screen, and remembers it was deleted.
    fn show_deleted(&self, client_id: &ClientId) {
        self.change_shown(|applications| applications.retain(|app| &app.client_id != client_id));
        if !self
            .deleted
            .with_untracked(|deleted| deleted.contains(client_id))
        {
            self.deleted.update(|deleted| {
                deleted.insert(client_id.clone());
            });
        }
    }

    /// Puts a freshly read application in place of the one shown (or adds it).
    fn show_stored(&self, stored: Application) {
        if self
            .deleted
            .with_untracked(|deleted| deleted.contains(&stored.client_id))
        {
            self.deleted.update(|deleted| {
                deleted.remove(&stored.client_id);
            });
        }
        let position = self.applications.with_untracked(|applications| {
            applications
                .iter()
                .position(|app| app.client_id == stored.client_id)
        });
        match position {
            Some(position) => {
                self.shown_changes
                    .update_value(|changes| changes.replaced(position));
                self.applications
                    .update(|applications| applications[position] = stored);
            }
            None => self.change_shown(|applications| applications.push(stored)),
        }
    }

    /// Every change to the shown applications other than one replaced in place (`show_stored`)
    /// goes through here, so the views that follow them incrementally know to look at them all.
    fn change_shown(&self, change: impl FnOnce(&mut Vec<Application>)) {
        self.shown_changes.set_value(ShownChanges::Any);
        self.applications.update(change);
    }
}

/// What changed in the shown applications since a view that follows them incrementally (the
/// rotation overview) last looked: only some replaced in place, or anything (an addition, a
/// removal, a reload), which needs a full pass.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ShownChanges {
    ReplacedInPlace(Vec<usize>),
    Any,
}

impl ShownChanges {
    /// Beyond this many replacements a full pass is as cheap as applying them one by one.
    const MOST_REPLACED: usize = 64;

    fn replaced(&mut self, position: usize) {
        match self {
            ShownChanges::ReplacedInPlace(positions) if positions.len() < Self::MOST_REPLACED => {
                positions.push(position);
            }
            _ => *self = ShownChanges::Any,
        }
    }
}

fn seed_demo(repository: &ApplicationRepository, now: DateTime<Utc>) -> Result<(), String> {
    let demo = demo::demo_applications(now).map_err(|error| error.to_string())?;
    demo.iter()
        .try_for_each(|(application, _)| repository.add(application))
        .map_err(|error| format!("The demo applications could not be saved: {error}"))?;
    let mut history: Vec<&ActivityEvent> = demo.iter().flat_map(|(_, events)| events).collect();
    history.sort_by_key(|event| event.at);
    // The demo's history is a courtesy: without it the applications still work.
    for event in history {
        if repository.activity().record(event).result.is_err() {
            break;
        }
    }
    Ok(())
}

pub fn provide_app_state(state: AppState) {
    provide_context(state);
}

/// The app's state service. Fails loudly, in this one place, if `App` did not provide it.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
