//! The console-wide settings as state: the token endpoint and the rotation policy, their
//! commands, and following other tabs' changes to them.
//!
//! A change to the rotation policy is recorded in the activity log as a console event, after
//! the settings were saved and under the same lock, as the application commands do: a failed
//! save records nothing, and an event that cannot be recorded is reported while the change
//! stands.

use leptos::prelude::*;

use crate::browser::locks::with_exclusive_lock;
use crate::domain::{ActivityEvent, ConsoleSettings, RotationPolicy, TokenEndpoint};
use crate::storage::SETTINGS_KEY;

use super::{AppState, CommandError};

impl AppState {
    /// The token endpoint requests are built for, if one was set; connected to PingOne, the
    /// environment's own `/as/token` until another is set.
    pub fn token_endpoint(&self) -> Signal<Option<TokenEndpoint>> {
        let settings = self.settings;
        let environment_default = self
            .remote
            .and_then(|remote| TokenEndpoint::parse(&remote.token_endpoint()).ok());
        Memo::new(move |_| {
            settings
                .with(|settings| settings.token_endpoint.clone())
                .or_else(|| environment_default.clone())
        })
        .into()
    }

    /// The rotation policy every application is measured against.
    pub fn rotation_policy(&self) -> Signal<RotationPolicy> {
        let settings = self.settings;
        Memo::new(move |_| settings.with(|settings| settings.rotation_policy)).into()
    }

    /// Stores the token endpoint (`None` removes it) for the whole console.
    pub async fn set_token_endpoint(
        self,
        endpoint: Option<TokenEndpoint>,
    ) -> Result<(), CommandError> {
        self.change_settings(
            move |settings| settings.token_endpoint = endpoint,
            |_, _, _| None,
        )
        .await
    }

    /// Stores the rotation policy for the whole console and records its change (setting the
    /// same policy again records nothing).
    pub async fn set_rotation_policy(self, policy: RotationPolicy) -> Result<(), CommandError> {
        self.change_settings(
            move |settings| settings.rotation_policy = policy,
            |before, after, now| {
                ActivityEvent::rotation_policy_changed(
                    now,
                    before.rotation_policy,
                    after.rotation_policy,
                )
            },
        )
        .await
    }

    /// Lock, re-read (so a change another tab made to another setting is kept), apply, write
    /// only if something changed, record the change's activity event (from the settings as
    /// stored and as saved), then show.
    async fn change_settings(
        self,
        apply: impl FnOnce(&mut ConsoleSettings) + 'static,
        event_of: impl FnOnce(
            &ConsoleSettings,
            &ConsoleSettings,
            chrono::DateTime<chrono::Utc>,
        ) -> Option<ActivityEvent>
        + 'static,
    ) -> Result<(), CommandError> {
        with_exclusive_lock(move |written| {
            let stored = self
                .repository
                .with_value(|repository| repository.settings().load());
            if let Some(problem) = stored.problem {
                return Err(CommandError::SettingsUnreadable(problem));
            }
            let mut changed = stored.settings.clone();
            apply(&mut changed);
            if changed != stored.settings {
                self.repository
                    .with_value(|repository| repository.settings().save(&changed))
                    .map_err(CommandError::Save)?;
                written.wrote(self.stored_key(SETTINGS_KEY));
                let events = event_of(&stored.settings, &changed, self.current_time());
                self.record_activity(written, events.into_iter().collect());
            }
            self.settings.set(changed);
            Ok(())
        })
        .await?
    }

    /// Re-reads the settings (another tab changed them), reporting them if unreadable.
    pub(super) fn reload_settings(&self) {
        let loaded = self
            .repository
            .with_value(|repository| repository.settings().load());
        self.problems.update(|problems| {
            problems.retain(|problem| problem.key != SETTINGS_KEY);
            problems.extend(loaded.problem);
        });
        self.settings.set(loaded.settings);
    }
}
