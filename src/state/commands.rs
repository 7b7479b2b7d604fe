//! The commands: add, rename, enable or disable, change the auth method of, and delete an
//! application; rotate its secret and revoke its previous secret.
//!
//! Each records what it did in the activity log after its change was saved, under the same
//! lock: a failed change records nothing, and an event that cannot be recorded is reported
//! while the change stands.

use leptos::prelude::WithValue;

use crate::browser::locks::{LockError, with_exclusive_lock};
use crate::domain::{
    ActivityEvent, ActivityKind, Application, ApplicationName, ApplicationType, AuthMethodChange,
    ClientId, EditError, NameError, Retention, RotationOutcome, SecretError,
    TokenEndpointAuthMethod,
};
use crate::random::{self, RandomError};
use crate::storage::{INDEX_KEY, SaveError, StorageProblem, record_key};

use super::AppState;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error(
        "This application was changed in another tab or window while you were looking at it. Review its current state and confirm again."
    )]
    ChangedElsewhere,
    #[error("This application was deleted, so nothing was changed.")]
    Missing,
    #[error("The stored data for this application is unreadable, so it was left untouched: {}.", .0.problem)]
    Unreadable(StorageProblem),
    #[error("The stored console settings are unreadable, so they were left untouched and cannot be changed: {}.", .0.problem)]
    SettingsUnreadable(StorageProblem),
    #[error(transparent)]
    Name(#[from] NameError),
    #[error(transparent)]
    Edit(#[from] EditError),
    #[error(transparent)]
    Secret(#[from] SecretError),
    #[error(transparent)]
    Random(#[from] RandomError),
    #[error(transparent)]
    Save(SaveError),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(transparent)]
    PingOne(crate::pingone::api::ApiError),
    #[error(
        "No answer came back from PingOne, and reading the application again shows the change did not go through: nothing was changed. Confirm again to retry."
    )]
    NotApplied,
    #[error(
        "No answer came back from PingOne, and reading the application again failed too, so it is not known whether the change went through. Reload the page and look before trying again."
    )]
    Unsettled,
}

impl CommandError {
    /// PingOne's Correlation ID, when PingOne refused the change.
    pub fn correlation_id(&self) -> Option<&str> {
        match self {
            CommandError::PingOne(error) => error.correlation_id(),
            _ => None,
        }
    }
}

/// A new secret, its failure as a `CommandError`.
pub(super) fn generate_secret() -> Result<crate::domain::SecretValue, CommandError> {
    Ok(random::generate_secret()?)
}

impl From<SaveError> for CommandError {
    fn from(error: SaveError) -> Self {
        match error {
            SaveError::Conflict { .. } => CommandError::ChangedElsewhere,
            other => CommandError::Save(other),
        }
    }
}

impl AppState {
    /// Validates and stores a new application; returns its client ID.
    pub async fn add_application(
        self,
        name_text: String,
        kind: ApplicationType,
    ) -> Result<ClientId, CommandError> {
        let name = ApplicationName::parse(&name_text)?;
        with_exclusive_lock(move |written| {
            let now = self.current_time();
            let application = Application::create(
                random::generate_client_id()?,
                name,
                kind,
                now,
                random::generate_secret,
            )?;
            let added = self
                .repository
                .with_value(|repository| repository.add(&application));
            // Also after a failure part-way: the record may be written without the index.
            written.wrote(record_key(&application.client_id));
            written.wrote(INDEX_KEY);
            added?;
            let client_id = application.client_id.clone();
            let kind = ActivityKind::Created { kind };
            self.record_activity(written, vec![ActivityEvent::of(&application, now, kind)]);
            self.show_stored(application);
            Ok(client_id)
        })
        .await?
    }

    /// Replaces the current secret, if the application is still at `seen_revision`.
    pub async fn rotate_secret(
        self,
        client_id: ClientId,
        seen_revision: u64,
        retention: Retention,
    ) -> Result<RotationOutcome, CommandError> {
        if let Some(remote) = self.remote {
            return self
                .remote_rotate_secret(remote, client_id, seen_revision, retention)
                .await;
        }
        self.change(client_id, seen_revision, move |application, now| {
            let outcome = application.rotate_secret(random::generate_secret()?, retention, now)?;
            let kind = ActivityKind::SecretGenerated {
                retention,
                replaced_unexpired_previous: outcome.replaced_unexpired_previous,
            };
            Ok((outcome, kind))
        })
        .await
    }

    /// Revokes the previous secret, if the application is still at `seen_revision`.
    pub async fn revoke_previous_secret(
        self,
        client_id: ClientId,
        seen_revision: u64,
    ) -> Result<(), CommandError> {
        if let Some(remote) = self.remote {
            return self
                .remote_revoke_previous_secret(remote, client_id, seen_revision)
                .await;
        }
        self.change(client_id, seen_revision, |application, now| {
            application.revoke_previous_secret(now)?;
            Ok(((), ActivityKind::PreviousSecretRevoked))
        })
        .await
    }

    /// Renames the application, if it is still at `seen_revision`; the name is validated as
    /// when adding.
    pub async fn rename_application(
        self,
        client_id: ClientId,
        seen_revision: u64,
        name_text: String,
    ) -> Result<(), CommandError> {
        let name = ApplicationName::parse(&name_text)?;
        if let Some(remote) = self.remote {
            return self
                .remote_rename(remote, client_id, seen_revision, name)
                .await;
        }
        self.change(client_id, seen_revision, move |application, now| {
            let from = application.rename(name, now)?;
            let to = application.name().clone();
            Ok(((), ActivityKind::Renamed { from, to }))
        })
        .await
    }

    /// Enables or disables the application, if it is still at `seen_revision`.
    pub async fn set_enabled(
        self,
        client_id: ClientId,
        seen_revision: u64,
        enabled: bool,
    ) -> Result<(), CommandError> {
        if let Some(remote) = self.remote {
            return self
                .remote_set_enabled(remote, client_id, seen_revision, enabled)
                .await;
        }
        self.change(client_id, seen_revision, move |application, now| {
            application.set_enabled(enabled, now)?;
            let kind = match enabled {
                true => ActivityKind::Enabled,
                false => ActivityKind::Disabled,
            };
            Ok(((), kind))
        })
        .await
    }

    /// Switches the token endpoint auth method, if the application is still at `seen_revision`;
    /// from None a new secret is generated, to None the secrets are removed.
    pub async fn change_auth_method(
        self,
        client_id: ClientId,
        seen_revision: u64,
        method: TokenEndpointAuthMethod,
    ) -> Result<AuthMethodChange, CommandError> {
        if let Some(remote) = self.remote {
            return self
                .remote_change_auth_method(remote, client_id, seen_revision, method)
                .await;
        }
        self.change(client_id, seen_revision, move |application, now| {
            let change = application.change_auth_method(method, generate_secret, now)?;
            let kind = ActivityKind::AuthMethodChanged {
                from: change.from,
                to: change.to,
            };
            Ok((change, kind))
        })
        .await
    }

    /// Deletes the application, if it is still at `seen_revision`: its record, then its index
    /// entry (see `ApplicationRepository::delete` for why in that order).
    pub async fn delete_application(
        self,
        client_id: ClientId,
        seen_revision: u64,
    ) -> Result<(), CommandError> {
        if let Some(remote) = self.remote {
            return self.remote_delete(remote, client_id, seen_revision).await;
        }
        with_exclusive_lock(move |written| {
            let stored = self.fresh(&client_id, seen_revision)?;
            let now = self.current_time();
            let deleted = self
                .repository
                .with_value(|repository| repository.delete(&client_id, stored.revision()));
            // Also after a failure part-way: the record may be gone with the index unchanged.
            written.wrote(record_key(&client_id));
            written.wrote(INDEX_KEY);
            deleted?;
            let events = ActivityEvent::expiry_before_change(&stored, now)
                .into_iter()
                .chain([ActivityEvent::of(&stored, now, ActivityKind::Deleted)])
                .collect();
            self.record_activity(written, events);
            self.show_deleted(&client_id);
            Ok(())
        })
        .await?
    }

    /// Lock, re-read, check the revision the user saw, apply, write, record what `apply` says
    /// happened (after the expiry of a previous secret the change drops), then show.
    async fn change<T: 'static>(
        self,
        client_id: ClientId,
        seen_revision: u64,
        apply: impl FnOnce(
            &mut Application,
            chrono::DateTime<chrono::Utc>,
        ) -> Result<(T, ActivityKind), CommandError>
        + 'static,
    ) -> Result<T, CommandError> {
        with_exclusive_lock(move |written| {
            let stored = self.fresh(&client_id, seen_revision)?;
            let now = self.current_time();
            let mut changed = stored.clone();
            let (outcome, kind) = apply(&mut changed, now)?;
            self.repository
                .with_value(|repository| repository.save(&changed, stored.revision()))?;
            written.wrote(record_key(&changed.client_id));
            let events = ActivityEvent::expiry_before_change(&stored, now)
                .into_iter()
                .chain([ActivityEvent::of(&changed, now, kind)])
                .collect();
            self.record_activity(written, events);
            self.show_stored(changed);
            Ok(outcome)
        })
        .await?
    }

    /// The stored application, if it is still the state the user saw (`seen_revision`). A newer
    /// one is shown at once; a missing one is remembered as deleted.
    fn fresh(&self, client_id: &ClientId, seen_revision: u64) -> Result<Application, CommandError> {
        let stored = self
            .repository
            .with_value(|repository| repository.load(client_id));
        match stored {
            Ok(Some(stored)) if stored.revision() == seen_revision => Ok(stored),
            Ok(Some(stored)) => {
                self.show_stored(stored);
                Err(CommandError::ChangedElsewhere)
            }
            Ok(None) => {
                self.show_deleted(client_id);
                Err(CommandError::Missing)
            }
            Err(problem) => Err(CommandError::Unreadable(problem)),
        }
    }
}
