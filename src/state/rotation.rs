//! The rotation overview as state: one memo for the whole console, so the navigation's count
//! and the Secret Rotation page share a single pass over the applications per tick of `now`.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::{Application, ConsoleSettings, RotationOverview};

use super::AppState;

impl AppState {
    /// The rotations in progress and the secrets due, following the applications, the
    /// policy (in this tab or another) and the clock.
    pub fn rotation_overview(&self) -> Memo<RotationOverview> {
        self.rotation_overview
    }
}

pub(super) fn overview_memo(
    applications: RwSignal<Vec<Application>>,
    settings: RwSignal<ConsoleSettings>,
    now: RwSignal<DateTime<Utc>>,
) -> Memo<RotationOverview> {
    Memo::new(move |_| {
        let policy = settings.with(|settings| settings.rotation_policy);
        let now = now.get();
        applications.with(|applications| RotationOverview::of(applications, policy, now))
    })
}
