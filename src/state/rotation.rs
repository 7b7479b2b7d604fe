//! The rotation overview as state: one memo for the whole console, so the navigation's count
//! and the Secret Rotation page share it. A tick of `now` or a policy change is a full pass over
//! the applications; a command's change to one application only updates that application's
//! entries (`RotationOverview::replace`), so a rotation at 10,000 applications costs no pass.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::{Application, ConsoleSettings, RotationOverview, RotationPolicy};

use super::{AppState, ShownChanges};

impl AppState {
    /// The rotations in progress and the secrets due, following the applications, the
    /// policy (in this tab or another) and the clock.
    pub fn rotation_overview(&self) -> Memo<RotationOverview> {
        self.rotation_overview
    }
}

pub(super) fn overview_memo(
    applications: RwSignal<Vec<Application>>,
    shown_changes: StoredValue<ShownChanges>,
    settings: RwSignal<ConsoleSettings>,
    now: RwSignal<DateTime<Utc>>,
) -> Memo<RotationOverview> {
    // The policy and time the previous overview was computed for.
    let computed_for = StoredValue::new(None::<(RotationPolicy, DateTime<Utc>)>);
    Memo::new(move |previous: Option<&RotationOverview>| {
        let policy = settings.with(|settings| settings.rotation_policy);
        let now = now.get();
        let basis = computed_for
            .try_update_value(|computed_for| computed_for.replace((policy, now)))
            .flatten();
        let changes = shown_changes
            .try_update_value(|changes| {
                std::mem::replace(changes, ShownChanges::ReplacedInPlace(Vec::new()))
            })
            .unwrap_or(ShownChanges::Any);
        applications.with(|applications| match (previous, changes) {
            (Some(previous), ShownChanges::ReplacedInPlace(positions))
                if basis == Some((policy, now)) =>
            {
                let mut overview = previous.clone();
                for position in positions {
                    overview.replace(applications, position, policy, now);
                }
                overview
            }
            _ => RotationOverview::of(applications, policy, now),
        })
    })
}
