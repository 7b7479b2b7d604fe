//! The commands: add an application, rotate its secret, revoke its previous secret.

use leptos::prelude::WithValue;

use crate::browser::locks::{LockError, with_exclusive_lock};
use crate::domain::{
    Application, ApplicationName, ApplicationType, ClientId, NameError, Retention, RotationOutcome,
    SecretError,
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
    #[error("This application is no longer in storage.")]
    Missing,
    #[error("The stored data for this application is unreadable, so it was left untouched: {}.", .0.problem)]
    Unreadable(StorageProblem),
    #[error("The stored console settings are unreadable, so they were left untouched and cannot be changed: {}.", .0.problem)]
    SettingsUnreadable(StorageProblem),
    #[error(transparent)]
    Name(#[from] NameError),
    #[error(transparent)]
    Secret(#[from] SecretError),
    #[error(transparent)]
    Random(#[from] RandomError),
    #[error(transparent)]
    Save(SaveError),
    #[error(transparent)]
    Lock(#[from] LockError),
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
        self.change(client_id, seen_revision, move |application, now| {
            Ok(application.rotate_secret(random::generate_secret()?, retention, now)?)
        })
        .await
    }

    /// Revokes the previous secret, if the application is still at `seen_revision`.
    pub async fn revoke_previous_secret(
        self,
        client_id: ClientId,
        seen_revision: u64,
    ) -> Result<(), CommandError> {
        self.change(client_id, seen_revision, |application, now| {
            Ok(application.revoke_previous_secret(now)?)
        })
        .await
    }

    /// Lock, re-read, check the revision the user saw, apply, write, then show.
    async fn change<T: 'static>(
        self,
        client_id: ClientId,
        seen_revision: u64,
        apply: impl FnOnce(&mut Application, chrono::DateTime<chrono::Utc>) -> Result<T, CommandError>
        + 'static,
    ) -> Result<T, CommandError> {
        with_exclusive_lock(move |written| {
            let stored = self
                .repository
                .with_value(|repository| repository.load(&client_id));
            let stored = match stored {
                Ok(Some(stored)) => stored,
                Ok(None) => return Err(CommandError::Missing),
                Err(problem) => return Err(CommandError::Unreadable(problem)),
            };
            if stored.revision() != seen_revision {
                self.show_stored(stored);
                return Err(CommandError::ChangedElsewhere);
            }
            let mut changed = stored.clone();
            let outcome = apply(&mut changed, self.current_time())?;
            let saved = self
                .repository
                .with_value(|repository| repository.save(&changed, stored.revision()));
            if let Err(error) = saved {
                return Err(error.into());
            }
            written.wrote(record_key(&changed.client_id));
            self.show_stored(changed);
            Ok(outcome)
        })
        .await?
    }
}
