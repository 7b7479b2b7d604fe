//! The applications of a PingOne environment, behind the same commands as this browser's.
//!
//! When the console is connected, `AppState` holds a `Remote` and each command comes here
//! instead of going to storage. A change here is asynchronous over a network, so it is built
//! for what a network does: it re-reads the application (and its secret) first and asks again
//! when it is no longer what the administrator saw; it sends the change once; and when the
//! answer never arrives, it reads again and says whether the change went through, never
//! sending it a second time. PingOne replaces an application whole on update, so an update
//! sends back the application exactly as just read with one attribute changed.
//!
//! While connected, the repository `AppState` holds is the environment's own corner of
//! localStorage (activity and settings only): this browser's stored applications are never
//! read or written.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use chrono::{DateTime, Utc};

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::digest::sha256;
use crate::browser::leave_warning::PendingChange;
use crate::browser::locks::with_exclusive_lock;
use crate::domain::{
    ActivityEvent, ActivityKind, Application, ApplicationName, AuthMethodChange, ClientId,
    Connection, Retention, RotationOutcome, SecretValue, SecretsAfterMethodChange,
    TokenEndpointAuthMethod,
};
use crate::pingone::api::{ApiError, PingOneApi};
use crate::pingone::model::{RemoteApplication, RemoteSecret};
use crate::pingone::session::Session;
use crate::pingone::sign_on::{self, SignOnError};
use crate::storage::{GENERATED_SECRETS_KEY, GeneratedSecret, fingerprint_of_digest};

use super::commands::generate_secret;
use super::{AppState, CommandError};

/// Where the connection stands, for the top bar and the pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnectionStatus {
    /// Redeeming the sign-on's code.
    SigningOn,
    /// Reading the environment's applications.
    Loading,
    Ready,
    /// PingOne no longer accepts the token (or a silent sign-on was refused): Sign On again.
    SessionEnded(String),
    /// The sign-on or the first read failed.
    Failed(String),
}

/// Whether an application's secret has been read from PingOne.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretRead {
    Reading,
    Read,
    Failed(String),
}

/// What the views may know of the connection (never the token).
#[derive(Clone, Copy)]
pub struct Remote {
    pub status: RwSignal<ConnectionStatus>,
    pub administrator: RwSignal<Option<String>>,
    pub secret_reads: RwSignal<HashMap<ClientId, SecretRead>>,
    /// How far the Secret Rotation page's reading of every secret has gone (`None`: not begun).
    pub secrets_reading: RwSignal<Option<SecretsReading>>,
    home: StoredValue<Rc<RemoteHome>, LocalStorage>,
}

struct RemoteHome {
    connection: Connection,
    redirect_uri: String,
    api: RefCell<Option<PingOneApi>>,
    /// Each application as last read, with its secret once read: what an update starts from.
    as_read: RefCell<HashMap<ClientId, (RemoteApplication, Option<RemoteSecret>)>>,
    /// Secrets this console is known to have generated, and when: the current secret of an
    /// application shown with this value gets that age.
    known_ages: RefCell<HashMap<ClientId, (SecretValue, DateTime<Utc>)>>,
}

impl Remote {
    pub fn new(connection: Connection, redirect_uri: String, status: ConnectionStatus) -> Self {
        Self {
            status: RwSignal::new(status),
            administrator: RwSignal::new(None),
            secret_reads: RwSignal::new(HashMap::new()),
            secrets_reading: RwSignal::new(None),
            home: StoredValue::new_local(Rc::new(RemoteHome {
                connection,
                redirect_uri,
                api: RefCell::new(None),
                as_read: RefCell::new(HashMap::new()),
                known_ages: RefCell::new(HashMap::new()),
            })),
        }
    }

    pub fn environment_id(&self) -> String {
        self.home
            .with_value(|home| home.connection.environment_id().to_owned())
    }

    /// The environment's token endpoint, the Token Request's default.
    pub fn token_endpoint(&self) -> String {
        self.home
            .with_value(|home| home.connection.token_endpoint())
    }

    fn home(&self) -> Rc<RemoteHome> {
        self.home.get_value()
    }

    fn api(&self) -> Result<PingOneApi, CommandError> {
        self.home()
            .api
            .borrow()
            .clone()
            .ok_or(CommandError::PingOne(ApiError::SessionExpired))
    }
}

impl AppState {
    /// The PingOne connection, when the console is connected.
    pub fn remote(&self) -> Option<Remote> {
        self.remote
    }

    /// Redeems the sign-on's code, then reads the environment's applications.
    pub async fn finish_sign_on(self, code: String, verifier: String) {
        let Some(remote) = self.remote else { return };
        let home = remote.home();
        let clock = self.clock.get_value();
        let signed_on = sign_on::redeem(
            home.connection.clone(),
            &home.redirect_uri,
            &code,
            &verifier,
            clock.as_ref(),
        )
        .await;
        match signed_on {
            Ok(session) => self.signed_on(remote, session).await,
            Err(error) => remote
                .status
                .set(ConnectionStatus::Failed(error.to_string())),
        }
    }

    async fn signed_on(self, remote: Remote, session: Session) {
        remote
            .administrator
            .set(Some(session.administrator.clone()));
        *remote.home().api.borrow_mut() = Some(PingOneApi::new(session));
        remote.status.set(ConnectionStatus::Loading);
        self.reload_remote_applications().await;
    }

    /// Reads every application of the environment and shows them.
    pub async fn reload_remote_applications(self) {
        let Some(remote) = self.remote else { return };
        let Ok(api) = remote.api() else { return };
        match api.applications().await {
            Ok(applications) => {
                let home = remote.home();
                let mut as_read = home.as_read.borrow_mut();
                let shown = applications
                    .into_iter()
                    .map(|application| {
                        let client_id = ClientId::new(application.id());
                        let domain = application.to_domain(None, 1);
                        as_read.insert(client_id, (application, None));
                        domain
                    })
                    .collect();
                drop(as_read);
                remote.secret_reads.set(HashMap::new());
                self.change_shown(|applications| *applications = shown);
                remote.status.set(ConnectionStatus::Ready);
            }
            Err(error) => self.remote_failed(remote, error),
        }
    }

    /// Reads the application's secret from PingOne (once per page load unless asked again).
    pub fn read_remote_secret(self, client_id: ClientId, again: bool) {
        let Some(remote) = self.remote else { return };
        let known = remote
            .secret_reads
            .with_untracked(|reads| reads.get(&client_id).cloned());
        if matches!(known, Some(SecretRead::Reading))
            || (!again && matches!(known, Some(SecretRead::Read)))
        {
            return;
        }
        let uses_secret = self.applications.with_untracked(|applications| {
            applications
                .iter()
                .find(|app| app.client_id == client_id)
                .is_some_and(|app| app.kind.is_oidc() && app.auth_method().uses_secret())
        });
        if !uses_secret {
            return;
        }
        spawn_local(async move {
            self.read_one_remote_secret(remote, client_id).await;
        });
    }

    /// Puts a freshly read secret into the shown application, keeping its revision.
    fn show_remote_secret(
        &self,
        remote: Remote,
        client_id: &ClientId,
        secret: Option<RemoteSecret>,
    ) {
        let home = remote.home();
        let mut as_read = home.as_read.borrow_mut();
        let Some((application, read_secret)) = as_read.get_mut(client_id) else {
            return;
        };
        *read_secret = secret;
        let revision = self
            .application_untracked(client_id)
            .map_or(1, |app| app.revision());
        let shown = remote.shown_application(application, read_secret.as_ref(), revision);
        drop(as_read);
        self.show_stored(shown);
    }

    fn application_untracked(&self, client_id: &ClientId) -> Option<Application> {
        self.applications.with_untracked(|applications| {
            applications
                .iter()
                .find(|app| &app.client_id == client_id)
                .cloned()
        })
    }

    fn remote_failed(&self, remote: Remote, error: ApiError) {
        let message = error.to_string();
        match error {
            ApiError::SessionExpired => remote.status.set(ConnectionStatus::SessionEnded(message)),
            _ => remote.status.set(ConnectionStatus::Failed(message)),
        }
    }

    /// Signs on again (after the session ended), coming back to the page that is open.
    pub async fn sign_on_again(self) -> Result<(), SignOnError> {
        let Some(remote) = self.remote else {
            return Ok(());
        };
        let home = remote.home();
        let return_to = crate::browser::address::path_and_query().unwrap_or_else(|| "/".into());
        sign_on::start_sign_on(&home.connection, &home.redirect_uri, &return_to, false).await
    }

    /// Re-reads the application (and, `with_secret`, its secret), and checks it is still what
    /// the administrator saw at `seen_revision`; a different one is shown at once.
    async fn remote_fresh(
        self,
        remote: Remote,
        client_id: &ClientId,
        seen_revision: u64,
        with_secret: bool,
    ) -> Result<(PingOneApi, RemoteApplication, Option<RemoteSecret>), CommandError> {
        let api = remote.api()?;
        let shown = self
            .application_untracked(client_id)
            .ok_or(CommandError::Missing)?;
        let fresh = self
            .remote_call(remote, api.application(client_id.as_str()))
            .await?;
        let Some(fresh) = fresh else {
            remote.home().as_read.borrow_mut().remove(client_id);
            self.show_deleted(client_id);
            return Err(CommandError::Missing);
        };
        let secret = if with_secret {
            let secret = self
                .remote_call(remote, api.secret(client_id.as_str()))
                .await?;
            self.learn_secret_age(remote, client_id, secret.as_ref())
                .await;
            secret
        } else {
            remote
                .home()
                .as_read
                .borrow()
                .get(client_id)
                .and_then(|(_, secret)| secret.clone())
        };
        let fresh_domain = remote.shown_application(&fresh, secret.as_ref(), shown.revision());
        remote
            .home()
            .as_read
            .borrow_mut()
            .insert(client_id.clone(), (fresh.clone(), secret.clone()));
        if shown.revision() != seen_revision || fresh_domain != shown {
            let newer = remote.shown_application(
                &fresh,
                secret.as_ref(),
                shown.revision().max(seen_revision) + 1,
            );
            self.show_stored(newer);
            return Err(CommandError::ChangedElsewhere);
        }
        Ok((api, fresh, secret))
    }

    /// Awaits a call, noting an ended session for the top bar.
    async fn remote_call<T>(
        &self,
        remote: Remote,
        call: impl std::future::Future<Output = Result<T, ApiError>>,
    ) -> Result<T, CommandError> {
        call.await
            .map_err(|error| self.remote_refusal(remote, error))
    }

    /// Shows what PingOne now holds for the application, one revision on.
    fn show_remote(
        &self,
        remote: Remote,
        application: RemoteApplication,
        secret: Option<RemoteSecret>,
    ) {
        let client_id = ClientId::new(application.id());
        let revision = self
            .application_untracked(&client_id)
            .map_or(1, |app| app.revision() + 1);
        let shown = remote.shown_application(&application, secret.as_ref(), revision);
        remote
            .home()
            .as_read
            .borrow_mut()
            .insert(client_id, (application, secret));
        self.show_stored(shown);
    }

    // The commands as `AppState` dispatches them while connected: a change on its way to PingOne
    // holds a `PendingChange` (leaving the page asks first), and what went through is recorded.

    pub(super) async fn remote_rotate_secret(
        self,
        remote: Remote,
        client_id: ClientId,
        seen_revision: u64,
        retention: Retention,
    ) -> Result<RotationOutcome, CommandError> {
        let _pending = PendingChange::begin();
        let outcome = self
            .rotate_on_pingone(remote, client_id.clone(), seen_revision, retention)
            .await?;
        let kind = ActivityKind::SecretGenerated {
            retention,
            replaced_unexpired_previous: outcome.replaced_unexpired_previous,
        };
        self.record_remote(self.application_untracked(&client_id), kind)
            .await;
        Ok(outcome)
    }

    pub(super) async fn remote_revoke_previous_secret(
        self,
        remote: Remote,
        client_id: ClientId,
        seen_revision: u64,
    ) -> Result<(), CommandError> {
        let _pending = PendingChange::begin();
        self.revoke_on_pingone(remote, client_id.clone(), seen_revision)
            .await?;
        let kind = ActivityKind::PreviousSecretRevoked;
        self.record_remote(self.application_untracked(&client_id), kind)
            .await;
        Ok(())
    }

    pub(super) async fn remote_rename(
        self,
        remote: Remote,
        client_id: ClientId,
        seen_revision: u64,
        name: ApplicationName,
    ) -> Result<(), CommandError> {
        let _pending = PendingChange::begin();
        let from = self
            .application_untracked(&client_id)
            .map(|app| app.name().clone());
        let check_name = name.clone();
        self.update_on_pingone(
            remote,
            client_id.clone(),
            seen_revision,
            move |application, now| Ok(application.rename(check_name, now).map(|_| ())?),
            move |application| application.renamed(name.as_str()),
        )
        .await?;
        let renamed = self.application_untracked(&client_id);
        if let (Some(from), Some(to)) = (from, renamed.as_ref().map(|app| app.name().clone())) {
            self.record_remote(renamed, ActivityKind::Renamed { from, to })
                .await;
        }
        Ok(())
    }

    pub(super) async fn remote_set_enabled(
        self,
        remote: Remote,
        client_id: ClientId,
        seen_revision: u64,
        enabled: bool,
    ) -> Result<(), CommandError> {
        let _pending = PendingChange::begin();
        self.update_on_pingone(
            remote,
            client_id.clone(),
            seen_revision,
            move |application, now| Ok(application.set_enabled(enabled, now)?),
            move |application| application.with_enabled(enabled),
        )
        .await?;
        let kind = match enabled {
            true => ActivityKind::Enabled,
            false => ActivityKind::Disabled,
        };
        self.record_remote(self.application_untracked(&client_id), kind)
            .await;
        Ok(())
    }

    pub(super) async fn remote_change_auth_method(
        self,
        remote: Remote,
        client_id: ClientId,
        seen_revision: u64,
        method: TokenEndpointAuthMethod,
    ) -> Result<AuthMethodChange, CommandError> {
        let _pending = PendingChange::begin();
        let change = self
            .change_auth_method_on_pingone(remote, client_id.clone(), seen_revision, method)
            .await?;
        let kind = ActivityKind::AuthMethodChanged {
            from: change.from,
            to: change.to,
        };
        self.record_remote(self.application_untracked(&client_id), kind)
            .await;
        Ok(change)
    }

    pub(super) async fn remote_delete(
        self,
        remote: Remote,
        client_id: ClientId,
        seen_revision: u64,
    ) -> Result<(), CommandError> {
        let _pending = PendingChange::begin();
        let deleted = self.application_untracked(&client_id);
        self.delete_on_pingone(remote, client_id, seen_revision)
            .await?;
        self.record_remote(deleted, ActivityKind::Deleted).await;
        Ok(())
    }

    async fn rotate_on_pingone(
        self,
        remote: Remote,
        client_id: ClientId,
        seen_revision: u64,
        retention: Retention,
    ) -> Result<RotationOutcome, CommandError> {
        let (api, application, secret) = self
            .remote_fresh(remote, &client_id, seen_revision, true)
            .await?;
        let now = self.current_time();
        // The domain's rules first (OIDC, a secret method); the new value comes from PingOne.
        let mut check = application.to_domain(secret.as_ref(), 1);
        let placeholder = crate::random::generate_secret()?;
        let outcome = check.rotate_secret(placeholder, retention, now)?;
        let expires_at = retention.previous_expires_at(now);
        match api.generate_secret(client_id.as_str(), expires_at).await {
            Ok(generated) => {
                self.remember_generated_secret(remote, &client_id, &generated.current, now);
                let outcome = RotationOutcome {
                    previous_expires_at: generated.previous.as_ref().map(|p| p.expires_at),
                    ..outcome
                };
                self.show_remote(remote, application, Some(generated));
                Ok(outcome)
            }
            Err(ApiError::NoAnswer) => {
                // Settled by reading, never by sending again.
                let before = secret.as_ref().map(|secret| secret.current.clone());
                let after = self
                    .remote_call(remote, api.secret(client_id.as_str()))
                    .await
                    .map_err(|_| CommandError::Unsettled)?;
                let went_through = after.as_ref().map(|secret| secret.current.clone()) != before;
                let previous_expires_at = after
                    .as_ref()
                    .and_then(|secret| secret.previous.as_ref().map(|p| p.expires_at));
                if let Some(after) = after.as_ref().filter(|_| went_through) {
                    self.remember_generated_secret(remote, &client_id, &after.current, now);
                }
                self.show_remote(remote, application, after);
                if went_through {
                    self.note_lost_answer();
                    Ok(RotationOutcome {
                        previous_expires_at,
                        ..outcome
                    })
                } else {
                    Err(CommandError::NotApplied)
                }
            }
            Err(error) => Err(self.remote_refusal(remote, error)),
        }
    }

    async fn revoke_on_pingone(
        self,
        remote: Remote,
        client_id: ClientId,
        seen_revision: u64,
    ) -> Result<(), CommandError> {
        let (api, application, secret) = self
            .remote_fresh(remote, &client_id, seen_revision, true)
            .await?;
        let mut check = application.to_domain(secret.as_ref(), 1);
        check.revoke_previous_secret(self.current_time())?;
        match api.delete_previous_secret(client_id.as_str()).await {
            Ok(()) => {
                // PingOne's answer (204) says it is gone: shown without reading again.
                let after = secret.map(|secret| RemoteSecret {
                    previous: None,
                    ..secret
                });
                self.show_remote(remote, application, after);
                Ok(())
            }
            Err(ApiError::NoAnswer) => {
                let after = self
                    .remote_call(remote, api.secret(client_id.as_str()))
                    .await
                    .map_err(|_| CommandError::Unsettled)?;
                let went_through = after
                    .as_ref()
                    .is_some_and(|secret| secret.previous.is_none());
                self.show_remote(remote, application, after);
                if went_through {
                    self.note_lost_answer();
                    Ok(())
                } else {
                    Err(CommandError::NotApplied)
                }
            }
            Err(error) => Err(self.remote_refusal(remote, error)),
        }
    }

    /// An update of one attribute: re-read, let the domain check it (`check`), send the
    /// application whole with it (`body`), show PingOne's copy.
    async fn update_on_pingone(
        self,
        remote: Remote,
        client_id: ClientId,
        seen_revision: u64,
        check: impl FnOnce(&mut Application, DateTime<Utc>) -> Result<(), CommandError>,
        body: impl FnOnce(&RemoteApplication) -> String,
    ) -> Result<(), CommandError> {
        let (api, application, secret) = self
            .remote_fresh(remote, &client_id, seen_revision, false)
            .await?;
        check(
            &mut application.to_domain(secret.as_ref(), 1),
            self.current_time(),
        )?;
        let body = body(&application);
        self.replace_remote(remote, api, &client_id, &body, secret)
            .await
    }

    async fn change_auth_method_on_pingone(
        self,
        remote: Remote,
        client_id: ClientId,
        seen_revision: u64,
        method: TokenEndpointAuthMethod,
    ) -> Result<AuthMethodChange, CommandError> {
        let (api, application, secret) = self
            .remote_fresh(remote, &client_id, seen_revision, false)
            .await?;
        let mut check = application.to_domain(secret.as_ref(), 1);
        let change = check.change_auth_method(method, generate_secret, self.current_time())?;
        let body = application.with_auth_method(method);
        // Between two secret methods the secrets stay as shown; to a secret method from one
        // without, PingOne's secret is read afresh.
        let kept = match change.secrets {
            SecretsAfterMethodChange::Kept => secret,
            _ => None,
        };
        self.replace_remote(remote, api, &client_id, &body, kept)
            .await?;
        if change.secrets == SecretsAfterMethodChange::Generated {
            remote.secret_reads.update(|reads| {
                reads.remove(&client_id);
            });
            self.read_remote_secret(client_id, true);
        }
        Ok(change)
    }

    async fn delete_on_pingone(
        self,
        remote: Remote,
        client_id: ClientId,
        seen_revision: u64,
    ) -> Result<(), CommandError> {
        let (api, _, _) = self
            .remote_fresh(remote, &client_id, seen_revision, false)
            .await?;
        match api.delete_application(client_id.as_str()).await {
            Ok(()) => {}
            Err(ApiError::NoAnswer) => {
                let after = self
                    .remote_call(remote, api.application(client_id.as_str()))
                    .await
                    .map_err(|_| CommandError::Unsettled)?;
                if let Some(application) = after {
                    let secret = remote
                        .home()
                        .as_read
                        .borrow()
                        .get(&client_id)
                        .and_then(|(_, secret)| secret.clone());
                    self.show_remote(remote, application, secret);
                    return Err(CommandError::NotApplied);
                }
                self.note_lost_answer();
            }
            Err(error) => return Err(self.remote_refusal(remote, error)),
        }
        remote.home().as_read.borrow_mut().remove(&client_id);
        self.show_deleted(&client_id);
        Ok(())
    }

    /// Sends the whole application back with one attribute changed, then shows PingOne's copy.
    async fn replace_remote(
        self,
        remote: Remote,
        api: PingOneApi,
        client_id: &ClientId,
        body: &str,
        secret: Option<RemoteSecret>,
    ) -> Result<(), CommandError> {
        match api.replace_application(client_id.as_str(), body).await {
            Ok(updated) => {
                self.show_remote(remote, updated, secret);
                Ok(())
            }
            Err(ApiError::NoAnswer) => {
                let after = self
                    .remote_call(remote, api.application(client_id.as_str()))
                    .await
                    .map_err(|_| CommandError::Unsettled)?
                    .ok_or(CommandError::Missing)?;
                let expected = RemoteApplication::from_json(body).ok();
                let went_through = expected.is_some_and(|expected| {
                    expected.to_domain(secret.as_ref(), 1) == after.to_domain(secret.as_ref(), 1)
                });
                self.show_remote(remote, after, secret);
                if went_through {
                    self.note_lost_answer();
                    Ok(())
                } else {
                    Err(CommandError::NotApplied)
                }
            }
            Err(error) => Err(self.remote_refusal(remote, error)),
        }
    }

    fn remote_refusal(&self, remote: Remote, error: ApiError) -> CommandError {
        if error == ApiError::SessionExpired {
            remote
                .status
                .set(ConnectionStatus::SessionEnded(error.to_string()));
        }
        CommandError::PingOne(error)
    }

    /// Records what was done in the environment's activity log (this browser, this
    /// environment), after PingOne holds it. A failure to record is reported as for this
    /// browser's changes; the change stands.
    async fn record_remote(self, application: Option<Application>, kind: ActivityKind) {
        let Some(application) = application else {
            return;
        };
        let event = ActivityEvent::of(&application, self.current_time(), kind);
        let _ =
            with_exclusive_lock(move |written| self.record_activity(written, vec![event])).await;
    }

    /// The next announcement (the command's own) says how its outcome was learnt.
    fn note_lost_answer(&self) {
        self.announcement_note.set_value(Some(
            "PingOne's answer was lost on the way; reading the application again shows the change went through.",
        ));
    }
}

impl AppState {
    /// The connection remembered from the last visit, to fill in the Connect dialog.
    pub fn remembered_connection(&self) -> crate::storage::RememberedConnection {
        self.repository
            .with_value(|repository| repository.remembered_connection())
    }

    /// Remembers `connection` (never a token) and leaves for PingOne's sign-on page; the
    /// browser comes back to the page that is open now.
    pub async fn connect(
        self,
        connection: Connection,
        redirect_uri: String,
    ) -> Result<(), SignOnError> {
        // Not remembering is a lost convenience, not a reason to stop.
        let _ = self
            .repository
            .with_value(|repository| repository.remember_connection(&connection));
        let return_to = crate::browser::address::path_and_query().unwrap_or_else(|| "/".into());
        sign_on::start_sign_on(&connection, &redirect_uri, &return_to, false).await
    }

    /// Ends the connection in this tab and goes back to this browser's applications, which
    /// were never touched meanwhile. The tokens go with the page.
    pub fn sign_off(self, applications_page: &str) {
        sign_on::forget_connected_tab();
        let _ = crate::browser::address::go_to(applications_page);
    }
}

/// How many secrets the Secret Rotation page reads at once: a few, so a large environment is
/// read quickly without a burst PingOne's rate limit would refuse.
const SECRETS_READ_AT_ONCE: usize = 4;

/// How far the reading of every secret has gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SecretsReading {
    /// Secrets read or given up on.
    pub done: usize,
    pub total: usize,
    /// Of those done, the ones that could not be read.
    pub failed: usize,
}

impl SecretsReading {
    pub fn finished(&self) -> bool {
        self.done >= self.total
    }
}

/// The applications whose secret is still to be read: OIDC, a method that uses a secret, and
/// neither read nor being read.
fn secrets_to_read(
    applications: &[Application],
    reads: &HashMap<ClientId, SecretRead>,
) -> VecDeque<ClientId> {
    applications
        .iter()
        .filter(|app| app.kind.is_oidc() && app.auth_method().uses_secret())
        .filter(|app| {
            !matches!(
                reads.get(&app.client_id),
                Some(SecretRead::Read | SecretRead::Reading)
            )
        })
        .map(|app| app.client_id.clone())
        .collect()
}

impl Remote {
    /// The application as PingOne holds it, with the age of its current secret when this
    /// console generated that secret (`known_ages`); otherwise the age is unknown.
    fn shown_application(
        &self,
        application: &RemoteApplication,
        secret: Option<&RemoteSecret>,
        revision: u64,
    ) -> Application {
        let shown = application.to_domain(secret, revision);
        let known = self
            .home()
            .known_ages
            .borrow()
            .get(&shown.client_id)
            .cloned();
        match (known, secret) {
            (Some((value, at)), Some(secret)) if secret.current == value => {
                shown.with_secret_created_at(at)
            }
            _ => shown,
        }
    }
}

impl AppState {
    /// Reads the secret of every application that uses one and has not been read yet, a few at
    /// a time, counting progress in `Remote::secrets_reading`. An ended session stops it (the
    /// rest count as not read); Read Again calls this again for what is left.
    pub fn read_all_remote_secrets(self) {
        let Some(remote) = self.remote else { return };
        if remote
            .secrets_reading
            .with_untracked(|reading| reading.is_some_and(|reading| !reading.finished()))
        {
            return;
        }
        let queue = self.applications.with_untracked(|applications| {
            remote
                .secret_reads
                .with_untracked(|reads| secrets_to_read(applications, reads))
        });
        let total = queue.len();
        remote.secrets_reading.set(Some(SecretsReading {
            done: 0,
            total,
            failed: 0,
        }));
        let queue = Rc::new(RefCell::new(queue));
        for _ in 0..SECRETS_READ_AT_ONCE.min(total) {
            let queue = Rc::clone(&queue);
            spawn_local(async move {
                loop {
                    let next = queue.borrow_mut().pop_front();
                    let Some(client_id) = next else { break };
                    let known = remote
                        .secret_reads
                        .with_untracked(|reads| reads.get(&client_id).cloned());
                    // Read meanwhile (its Configuration tab): nothing to do.
                    let failed = match known {
                        Some(SecretRead::Read | SecretRead::Reading) => false,
                        _ => {
                            let read = self.read_one_remote_secret(remote, client_id).await;
                            matches!(read, SecretRead::Failed(_))
                        }
                    };
                    let session_ended = failed
                        && remote.status.with_untracked(|status| {
                            matches!(status, ConnectionStatus::SessionEnded(_))
                        });
                    // Every read after an ended session would be refused as well.
                    let given_up = match session_ended {
                        true => queue.borrow_mut().drain(..).count(),
                        false => 0,
                    };
                    remote.secrets_reading.update(|reading| {
                        if let Some(reading) = reading {
                            reading.done += 1 + given_up;
                            reading.failed += usize::from(failed) + given_up;
                        }
                    });
                }
            });
        }
    }

    /// Reads the application's secret now and shows it (with its age, when this console
    /// generated it); what the read came to is also in `Remote::secret_reads`.
    async fn read_one_remote_secret(self, remote: Remote, client_id: ClientId) -> SecretRead {
        remote.secret_reads.update(|reads| {
            reads.insert(client_id.clone(), SecretRead::Reading);
        });
        let read = async {
            let api = remote.api()?;
            self.remote_call(remote, api.secret(client_id.as_str()))
                .await
        }
        .await;
        let outcome = match read {
            Ok(secret) => {
                self.learn_secret_age(remote, &client_id, secret.as_ref())
                    .await;
                self.show_remote_secret(remote, &client_id, secret);
                SecretRead::Read
            }
            Err(error) => SecretRead::Failed(error.to_string()),
        };
        remote.secret_reads.update(|reads| {
            reads.insert(client_id, outcome.clone());
        });
        outcome
    }

    /// Learns whether `secret` is one this console generated (its fingerprint is the one
    /// remembered for the application), and when; only hashes when something is remembered.
    async fn learn_secret_age(
        &self,
        remote: Remote,
        client_id: &ClientId,
        secret: Option<&RemoteSecret>,
    ) {
        let Some(secret) = secret else { return };
        let known = remote
            .home()
            .known_ages
            .borrow()
            .get(client_id)
            .is_some_and(|(value, _)| *value == secret.current);
        if known {
            return;
        }
        let Some(remembered) = self
            .repository
            .with_value(|repository| repository.generated_secret(client_id.as_str()))
        else {
            return;
        };
        let Ok(digest) = sha256(secret.current.expose().as_bytes()).await else {
            return;
        };
        if fingerprint_of_digest(&digest) == remembered.fingerprint {
            remote
                .home()
                .known_ages
                .borrow_mut()
                .insert(client_id.clone(), (secret.current.clone(), remembered.at));
        }
    }

    /// Notes that this console generated `secret` at `at` (before PingOne answered, so its age
    /// is never under-stated): shown at once, and remembered in the environment's own store by
    /// its fingerprint, never the secret. Not remembering only leaves the age unknown next time.
    fn remember_generated_secret(
        &self,
        remote: Remote,
        client_id: &ClientId,
        secret: &SecretValue,
        at: DateTime<Utc>,
    ) {
        remote
            .home()
            .known_ages
            .borrow_mut()
            .insert(client_id.clone(), (secret.clone(), at));
        let state = *self;
        let application_id = client_id.as_str().to_owned();
        let secret = secret.clone();
        spawn_local(async move {
            let Ok(digest) = sha256(secret.expose().as_bytes()).await else {
                return;
            };
            let generated = GeneratedSecret {
                fingerprint: fingerprint_of_digest(&digest),
                at,
            };
            let _ = with_exclusive_lock(move |written| {
                let remembered = state.repository.with_value(|repository| {
                    repository.remember_generated_secret(&application_id, &generated)
                });
                written.wrote(state.stored_key(GENERATED_SECRETS_KEY));
                remembered
            })
            .await;
        });
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::{ApplicationType, ClientSecret};

    fn app(id: &str, kind: ApplicationType, method: TokenEndpointAuthMethod) -> Application {
        Application::restore(
            ClientId::new(id),
            ApplicationName::parse(id).unwrap(),
            kind,
            true,
            method,
            Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap(),
            1,
            Some(ClientSecret {
                value: SecretValue::new(format!("{id}-secret")),
                created_at: None,
            }),
            None,
        )
    }

    #[test]
    fn every_secret_using_application_not_yet_read_is_read() {
        let applications = [
            app(
                "basic",
                ApplicationType::OidcWebApp,
                TokenEndpointAuthMethod::ClientSecretBasic,
            ),
            app("saml", ApplicationType::Saml, TokenEndpointAuthMethod::None),
            app(
                "none",
                ApplicationType::SinglePage,
                TokenEndpointAuthMethod::None,
            ),
            app(
                "jwt",
                ApplicationType::Worker,
                TokenEndpointAuthMethod::PrivateKeyJwt,
            ),
            app(
                "read",
                ApplicationType::Worker,
                TokenEndpointAuthMethod::ClientSecretPost,
            ),
            app(
                "reading",
                ApplicationType::Worker,
                TokenEndpointAuthMethod::ClientSecretPost,
            ),
            app(
                "failed",
                ApplicationType::Worker,
                TokenEndpointAuthMethod::ClientSecretPost,
            ),
        ];
        let reads = HashMap::from([
            (ClientId::new("read"), SecretRead::Read),
            (ClientId::new("reading"), SecretRead::Reading),
            (ClientId::new("failed"), SecretRead::Failed("lost".into())),
        ]);
        let queue: Vec<ClientId> = secrets_to_read(&applications, &reads).into();
        assert_eq!(queue, [ClientId::new("basic"), ClientId::new("failed")]);
    }

    #[test]
    fn reading_is_finished_once_every_secret_is_done() {
        let reading = SecretsReading {
            done: 3,
            total: 12,
            failed: 1,
        };
        assert!(!reading.finished());
        assert!(
            SecretsReading {
                done: 12,
                ..reading
            }
            .finished()
        );
        assert!(SecretsReading::default().finished());
    }
}
