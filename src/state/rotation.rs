//! The rotation overview as state: one memo for the whole console, so the navigation's count
//! and the Secret Rotation page share it. A policy change is a full pass over the applications,
//! and so is a tick of `now` that reaches the overview's next change (a previous secret expires,
//! a secret becomes due); other ticks keep it, so a second at 10,000 applications costs no pass.
//! A command's change to one application only updates that application's entries
//! (`RotationOverview::replace`), so a rotation at 10,000 applications costs no pass either.

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
    // The policy and time the previous overview was computed for, and the first instant at
    // which time alone may change it.
    let computed_for = StoredValue::new(None::<(RotationPolicy, DateTime<Utc>)>);
    let next_change = StoredValue::new(None::<DateTime<Utc>>);
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
        // Time moved forward (or not at all) without reaching a change: what the previous
        // overview says still holds, and a tick is no pass over the applications.
        let still_holds = basis.is_some_and(|(basis_policy, basis_now)| {
            basis_policy == policy
                && basis_now <= now
                && next_change
                    .try_get_value()
                    .flatten()
                    .is_none_or(|change| now < change)
        });
        applications.with(|applications| match (previous, changes) {
            (Some(previous), ShownChanges::ReplacedInPlace(positions)) if still_holds => {
                let mut overview = previous.clone();
                for position in positions {
                    overview.replace(applications, position, policy, now);
                    let changes_at = applications.get(position).and_then(|application| {
                        RotationOverview::next_change_of(application, policy, now)
                    });
                    next_change.update_value(|next| {
                        *next = next.take().into_iter().chain(changes_at).min();
                    });
                }
                overview
            }
            _ => {
                next_change.set_value(RotationOverview::next_change(applications, policy, now));
                RotationOverview::of(applications, policy, now)
            }
        })
    })
}
