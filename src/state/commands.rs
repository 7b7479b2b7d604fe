//! The commands: add, rename, enable or disable, change the auth method of, and delete an
//! application; rotate its secret and revoke its previous secret.

use leptos::prelude::WithValue;

use crate::browser::locks::{LockError, with_exclusive_lock};
use crate::domain::{
    Application, ApplicationName, ApplicationType, AuthMethodChange, ClientId, EditError,
    NameError, Retention, RotationOutcome, SecretError, TokenEndpointAuthMethod,
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

    /// Renames the application, if it is still at `seen_revision`; the name is validated as
    /// when adding.
    pub async fn rename_application(
        self,
        client_id: ClientId,
        seen_revision: u64,
        name_text: String,
    ) -> Result<(), CommandError> {
        let name = ApplicationName::parse(&name_text)?;
        self.change(client_id, seen_revision, move |application, now| {
            application.rename(name, now)?;
            Ok(())
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
        self.change(client_id, seen_revision, move |application, now| {
            Ok(application.set_enabled(enabled, now)?)
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
        self.change(client_id, seen_revision, move |application, now| {
            application.change_auth_method(method, || Ok(random::generate_secret()?), now)
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
        with_exclusive_lock(move |written| {
            let stored = self.fresh(&client_id, seen_revision)?;
            let deleted = self
                .repository
                .with_value(|repository| repository.delete(&client_id, stored.revision()));
            // Also after a failure part-way: the record may be gone with the index unchanged.
            written.wrote(record_key(&client_id));
            written.wrote(INDEX_KEY);
            deleted?;
            self.show_deleted(&client_id);
            Ok(())
        })
        .await?
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
            let stored = self.fresh(&client_id, seen_revision)?;
            let mut changed = stored.clone();
            let outcome = apply(&mut changed, self.current_time())?;
            self.repository
                .with_value(|repository| repository.save(&changed, stored.revision()))?;
            written.wrote(record_key(&changed.client_id));
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
