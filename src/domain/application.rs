//! An application registered with the identity platform, and the commands that change it:
//! rename, enable or disable, change its token endpoint auth method, rotate its client secret
//! with a retention period, and revoke the previous secret.
//!
//! Every change bumps the revision and drops a stored previous secret that has expired, so the
//! record never carries an expired secret past the change that follows its expiry: that change
//! is where the activity log records the expiry, exactly once.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::retention::Retention;
use super::rotation_policy::{RotationPolicy, RotationStatus};
use super::secret::{ClientSecret, PreviousSecret, SecretCheck, SecretValue};

/// The public identifier of an application; also its key in storage and its URL segment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClientId(String);

impl ClientId {
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ClientId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The kinds of application an administrator can add.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ApplicationType {
    #[serde(rename = "web")]
    OidcWebApp,
    #[serde(rename = "native")]
    Native,
    #[serde(rename = "spa")]
    SinglePage,
    #[serde(rename = "worker")]
    Worker,
    #[serde(rename = "saml")]
    Saml,
    #[serde(rename = "wsfed")]
    WsFederation,
    /// PingOne's SERVICE applications; never added in this browser.
    #[serde(rename = "service")]
    Service,
    /// PingOne's CUSTOM_APP applications; never added in this browser.
    #[serde(rename = "custom")]
    Custom,
}

impl ApplicationType {
    /// The types an administrator can add in this browser.
    pub const ALL: [ApplicationType; 6] = [
        ApplicationType::OidcWebApp,
        ApplicationType::Native,
        ApplicationType::SinglePage,
        ApplicationType::Worker,
        ApplicationType::Saml,
        ApplicationType::WsFederation,
    ];

    /// Every type an application can have, including those only a PingOne environment holds:
    /// what the Type filter can choose from.
    pub const EVERY: [ApplicationType; 8] = [
        ApplicationType::OidcWebApp,
        ApplicationType::Native,
        ApplicationType::SinglePage,
        ApplicationType::Worker,
        ApplicationType::Service,
        ApplicationType::Custom,
        ApplicationType::Saml,
        ApplicationType::WsFederation,
    ];

    /// The name the console shows for this type.
    pub fn label(self) -> &'static str {
        match self {
            ApplicationType::OidcWebApp => "OIDC Web App",
            ApplicationType::Native => "Native",
            ApplicationType::SinglePage => "Single-Page",
            ApplicationType::Worker => "Worker",
            ApplicationType::Saml => "SAML Application",
            ApplicationType::WsFederation => "WS-Federation",
            ApplicationType::Service => "Service",
            ApplicationType::Custom => "Custom",
        }
    }

    pub fn is_oidc(self) -> bool {
        !matches!(self, ApplicationType::Saml | ApplicationType::WsFederation)
    }

    /// Whether a client secret given to this kind of application would be readable by its
    /// users: a single-page app's code runs in their browsers, a native app is installed on
    /// their devices. Such an application is given a secret only after a warning.
    pub fn exposes_secrets(self) -> bool {
        matches!(self, ApplicationType::SinglePage | ApplicationType::Native)
    }

    /// A single-page app runs in the browser and cannot keep a secret, so it is a public client.
    pub fn default_auth_method(self) -> TokenEndpointAuthMethod {
        match self {
            ApplicationType::SinglePage => TokenEndpointAuthMethod::None,
            _ => TokenEndpointAuthMethod::ClientSecretBasic,
        }
    }
}

/// How the application authenticates at the token endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenEndpointAuthMethod {
    #[serde(rename = "basic")]
    ClientSecretBasic,
    #[serde(rename = "post")]
    ClientSecretPost,
    #[serde(rename = "jwt")]
    ClientSecretJwt,
    #[serde(rename = "none")]
    None,
    /// Authenticates with a JWT signed by its own private key: no client secret. Set in PingOne;
    /// this browser's auth method form does not offer it.
    #[serde(rename = "private_key_jwt")]
    PrivateKeyJwt,
}

impl TokenEndpointAuthMethod {
    pub fn label(self) -> &'static str {
        match self {
            TokenEndpointAuthMethod::ClientSecretBasic => "Client Secret Basic",
            TokenEndpointAuthMethod::ClientSecretPost => "Client Secret Post",
            TokenEndpointAuthMethod::ClientSecretJwt => "Client Secret JWT",
            TokenEndpointAuthMethod::None => "None",
            TokenEndpointAuthMethod::PrivateKeyJwt => "Private Key JWT",
        }
    }

    pub fn uses_secret(self) -> bool {
        !matches!(
            self,
            TokenEndpointAuthMethod::None | TokenEndpointAuthMethod::PrivateKeyJwt
        )
    }
}

/// A validated application name: something visible, of a sensible length, with no character
/// that changes the direction of text (a spoofing vector: "Mobile Banking" + U+202E + "gnp.exe"
/// displays as "Mobile Bankingexe.png"). Stored names are validated again when read, so a
/// hand-edited record cannot smuggle in a blank one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ApplicationName {
    /// As shown and searched: a stored name's direction controls are spelled out (`[U+202E]`).
    text: String,
    /// Lower-cased once here, so searching 10,000 names allocates nothing per keystroke.
    folded: String,
    /// The name as stored, when it was stored before direction controls were refused and so
    /// differs from `text`: written back as it was, since only a rename may change a name.
    stored: Option<Box<str>>,
}

/// Reading from storage: a name stored before direction controls were refused is still read.
impl TryFrom<String> for ApplicationName {
    type Error = NameError;

    fn try_from(text: String) -> Result<Self, NameError> {
        Self::from_stored(&text)
    }
}

impl From<ApplicationName> for String {
    fn from(name: ApplicationName) -> Self {
        name.stored.map_or(name.text, String::from)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("Enter a name for the application.")]
    Empty,
    #[error("The name can be at most {max} characters long; this one has {actual}.", max = ApplicationName::MAX_CHARS)]
    TooLong { actual: usize },
    #[error(
        "The name contains an invisible character that changes the direction of text (U+{code:04X}). Remove it."
    )]
    DirectionControl { code: u32 },
}

impl ApplicationName {
    pub const MAX_CHARS: usize = 256;

    /// Trims surrounding white space; a name with no visible character is empty; a character
    /// that changes the direction of text is refused.
    pub fn parse(text: &str) -> Result<Self, NameError> {
        let trimmed = trimmed_within_limits(text)?;
        if let Some(control) = trimmed
            .chars()
            .find(|&character| is_direction_control(character))
        {
            return Err(NameError::DirectionControl {
                code: u32::from(control),
            });
        }
        Ok(Self::shown_as_is(trimmed))
    }

    /// A name read from storage or the activity log. One stored before direction controls were
    /// refused is kept, and shown with each control spelled out, so it cannot reorder what is
    /// displayed around it nor pass for another name.
    pub fn from_stored(text: &str) -> Result<Self, NameError> {
        let trimmed = trimmed_within_limits(text)?;
        Ok(match direction_controls_spelled_out(trimmed) {
            Cow::Borrowed(_) => Self::shown_as_is(trimmed),
            Cow::Owned(shown) => Self {
                folded: shown.to_lowercase(),
                text: shown,
                stored: Some(trimmed.into()),
            },
        })
    }

    fn shown_as_is(trimmed: &str) -> Self {
        Self {
            text: trimmed.to_owned(),
            folded: trimmed.to_lowercase(),
            stored: None,
        }
    }

    /// The name as shown: never with a character that changes the direction of text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The name as stored, which an export writes: for a name stored before direction
    /// controls were refused, with them (an import then refuses it and says why).
    pub fn stored_text(&self) -> &str {
        self.stored.as_deref().unwrap_or(&self.text)
    }

    /// The name lower-cased, as search and the name order compare it.
    pub fn folded(&self) -> &str {
        &self.folded
    }
}

/// Surrounding white space trimmed; refused if nothing visible is left or it is too long.
fn trimmed_within_limits(text: &str) -> Result<&str, NameError> {
    let trimmed = text.trim();
    if !trimmed.chars().any(is_visible) {
        return Err(NameError::Empty);
    }
    let actual = trimmed.chars().count();
    if actual > ApplicationName::MAX_CHARS {
        return Err(NameError::TooLong { actual });
    }
    Ok(trimmed)
}

/// `text` with each character that changes the direction of text written out as `[U+202E]`,
/// so it shows what it holds: for a name that is no `ApplicationName` (an invalid import entry).
pub fn direction_controls_spelled_out(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_direction_control) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for character in text.chars() {
        if is_direction_control(character) {
            shown.push_str(&format!("[U+{:04X}]", u32::from(character)));
        } else {
            shown.push(character);
        }
    }
    Cow::Owned(shown)
}

/// The embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069) of the Unicode
/// bidirectional algorithm: they reorder the text after them. The marks (U+200E, U+200F) only
/// set the direction of neutral characters and are allowed, as right-to-left names need them.
fn is_direction_control(character: char) -> bool {
    matches!(character, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// White space, controls and the invisible formatting characters (zero-width, bidi marks).
fn is_visible(character: char) -> bool {
    !(character.is_whitespace()
        || character.is_control()
        || matches!(character, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'))
}

/// Why an application has no client secret to show or rotate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoSecretReason {
    NotOidc,
    PublicClient,
    /// It proves itself with a JWT signed by its own private key.
    PrivateKeyJwt,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error("Client secrets apply only to OIDC-based applications.")]
    NotOidc,
    #[error(
        "This application is a public client (token endpoint auth method None) and has no client secret."
    )]
    PublicClient,
    #[error(
        "This application authenticates with a private key JWT (token endpoint auth method Private Key JWT) and has no client secret."
    )]
    PrivateKeyJwt,
    #[error("There is no previous client secret to revoke: it has expired or was already revoked.")]
    NoPreviousSecret,
    #[error("The newly generated secret matched an existing one; nothing was changed. Try again.")]
    RepeatedSecret,
}

impl From<NoSecretReason> for SecretError {
    fn from(reason: NoSecretReason) -> Self {
        match reason {
            NoSecretReason::NotOidc => SecretError::NotOidc,
            NoSecretReason::PublicClient => SecretError::PublicClient,
            NoSecretReason::PrivateKeyJwt => SecretError::PrivateKeyJwt,
        }
    }
}

/// Why an edit was refused. Asking for what is already so is a refusal, not a silent no-op, so a
/// second click from a stale view is caught instead of being applied twice.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("The application already has this name, so nothing was changed.")]
    SameName,
    #[error("The application is already enabled, so nothing was changed.")]
    AlreadyEnabled,
    #[error("The application is already disabled, so nothing was changed.")]
    AlreadyDisabled,
    #[error("The token endpoint authentication method is already {}, so nothing was changed.", .0.label())]
    SameAuthMethod(TokenEndpointAuthMethod),
    #[error(
        "Client secrets apply only to OIDC-based applications. This application has no token endpoint authentication method to change."
    )]
    NotOidc,
}

/// What a change of token endpoint auth method did to the client secrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretsAfterMethodChange {
    /// Between two secret methods the secrets stay as they were.
    Kept,
    /// To None: the current secret, and the previous one if it was still valid, are gone.
    Removed { unexpired_previous_removed: bool },
    /// From None: a new current secret, with no previous secret.
    Generated,
}

/// What a change of token endpoint auth method did, for the announcement and the activity log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuthMethodChange {
    pub from: TokenEndpointAuthMethod,
    pub to: TokenEndpointAuthMethod,
    pub secrets: SecretsAfterMethodChange,
}

/// What a rotation did, for the confirmation message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RotationOutcome {
    pub previous_expires_at: Option<DateTime<Utc>>,
    pub replaced_unexpired_previous: bool,
}

/// An application and its secrets.
///
/// The fields that carry invariants are private: a secret exists only for OIDC confidential
/// clients, there is at most one previous secret, and `revision` grows with every change so
/// concurrent writers can detect each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    pub client_id: ClientId,
    name: ApplicationName,
    pub kind: ApplicationType,
    enabled: bool,
    auth_method: TokenEndpointAuthMethod,
    pub created_at: DateTime<Utc>,
    revision: u64,
    current_secret: Option<ClientSecret>,
    previous_secret: Option<PreviousSecret>,
}

impl Application {
    /// A new application with the type's default auth method; `secret` is consulted only when
    /// that method uses a secret.
    pub fn create<E>(
        client_id: ClientId,
        name: ApplicationName,
        kind: ApplicationType,
        now: DateTime<Utc>,
        secret: impl FnOnce() -> Result<SecretValue, E>,
    ) -> Result<Self, E> {
        let auth_method = kind.default_auth_method();
        let current_secret = if kind.is_oidc() && auth_method.uses_secret() {
            Some(ClientSecret {
                value: secret()?,
                created_at: Some(now),
            })
        } else {
            None
        };
        Ok(Self {
            client_id,
            name,
            kind,
            enabled: true,
            auth_method,
            created_at: now,
            revision: 1,
            current_secret,
            previous_secret: None,
        })
    }

    /// Rebuilds an application from stored parts, restoring the invariants a hand-edited
    /// record may break: no secret where none applies, no previous secret without a current one.
    #[allow(clippy::too_many_arguments)] // Mirrors the stored record field by field.
    pub fn restore(
        client_id: ClientId,
        name: ApplicationName,
        kind: ApplicationType,
        enabled: bool,
        auth_method: TokenEndpointAuthMethod,
        created_at: DateTime<Utc>,
        revision: u64,
        current_secret: Option<ClientSecret>,
        previous_secret: Option<PreviousSecret>,
    ) -> Self {
        let secret_applies = kind.is_oidc() && auth_method.uses_secret();
        let current_secret = current_secret.filter(|_| secret_applies);
        let previous_secret = previous_secret.filter(|_| current_secret.is_some());
        Self {
            client_id,
            name,
            kind,
            enabled,
            auth_method,
            created_at,
            revision,
            current_secret,
            previous_secret,
        }
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn name(&self) -> &ApplicationName {
        &self.name
    }

    pub fn enabled(&self) -> bool {
        self.enabled
    }

    pub fn auth_method(&self) -> TokenEndpointAuthMethod {
        self.auth_method
    }

    /// Renames the application; returns the name it had.
    pub fn rename(
        &mut self,
        name: ApplicationName,
        now: DateTime<Utc>,
    ) -> Result<ApplicationName, EditError> {
        // As stored: a name kept from before direction controls were refused can be renamed
        // to the text it is shown as.
        if name.stored_text() == self.name.stored_text() {
            return Err(EditError::SameName);
        }
        let previous_name = std::mem::replace(&mut self.name, name);
        self.record_change(now);
        Ok(previous_name)
    }

    /// Enables or disables the application.
    pub fn set_enabled(&mut self, enabled: bool, now: DateTime<Utc>) -> Result<(), EditError> {
        match (self.enabled, enabled) {
            (true, true) => Err(EditError::AlreadyEnabled),
            (false, false) => Err(EditError::AlreadyDisabled),
            _ => {
                self.enabled = enabled;
                self.record_change(now);
                Ok(())
            }
        }
    }

    /// Switches the token endpoint auth method of an OIDC application. Between the secret methods
    /// the secrets stay; to None removes the current and previous secrets; from None to a secret
    /// method asks `new_secret` for a new current secret (and no previous one).
    pub fn change_auth_method<E: From<EditError>>(
        &mut self,
        new_method: TokenEndpointAuthMethod,
        new_secret: impl FnOnce() -> Result<SecretValue, E>,
        now: DateTime<Utc>,
    ) -> Result<AuthMethodChange, E> {
        if !self.kind.is_oidc() {
            return Err(EditError::NotOidc.into());
        }
        let from = self.auth_method;
        if new_method == from {
            return Err(EditError::SameAuthMethod(from).into());
        }
        let secrets = match (from.uses_secret(), new_method.uses_secret()) {
            (true, false) => {
                let unexpired_previous_removed = self.previous_secret(now).is_some();
                self.current_secret = None;
                self.previous_secret = None;
                SecretsAfterMethodChange::Removed {
                    unexpired_previous_removed,
                }
            }
            (false, true) => {
                self.current_secret = Some(ClientSecret {
                    value: new_secret()?,
                    created_at: Some(now),
                });
                self.previous_secret = None;
                SecretsAfterMethodChange::Generated
            }
            _ => SecretsAfterMethodChange::Kept,
        };
        self.auth_method = new_method;
        self.record_change(now);
        Ok(AuthMethodChange {
            from,
            to: new_method,
            secrets,
        })
    }

    /// When the stored previous secret expired, if it has: it stays in the record (invisible)
    /// until the next change, which is when its expiry is recorded as an activity event.
    pub fn expired_previous_secret_at(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.previous_secret
            .as_ref()
            .filter(|previous| !previous.is_valid_at(now))
            .map(|previous| previous.expires_at)
    }

    /// Every change ends here: a new revision, and no expired secret carried past it.
    fn record_change(&mut self, now: DateTime<Utc>) {
        if self.expired_previous_secret_at(now).is_some() {
            self.previous_secret = None;
        }
        self.revision += 1;
    }

    /// The current secret, or why there is none.
    pub fn client_secret(&self) -> Result<&ClientSecret, NoSecretReason> {
        if !self.kind.is_oidc() {
            return Err(NoSecretReason::NotOidc);
        }
        self.current_secret.as_ref().ok_or(match self.auth_method {
            TokenEndpointAuthMethod::PrivateKeyJwt => NoSecretReason::PrivateKeyJwt,
            _ => NoSecretReason::PublicClient,
        })
    }

    /// The previous secret if it is still valid at `now`; an expired one does not exist.
    pub fn previous_secret(&self, now: DateTime<Utc>) -> Option<&PreviousSecret> {
        self.previous_secret
            .as_ref()
            .filter(|previous| previous.is_valid_at(now))
    }

    /// The stored previous secret whatever its expiry, for persistence only.
    pub fn stored_previous_secret(&self) -> Option<&PreviousSecret> {
        self.previous_secret.as_ref()
    }

    /// Replaces the current secret with `new_secret`. With a retention of duration d the old one
    /// becomes the previous secret until `now + d`, replacing any existing previous secret at
    /// once; with `DoNotRetain` there is no previous secret afterwards.
    pub fn rotate_secret(
        &mut self,
        new_secret: SecretValue,
        retention: Retention,
        now: DateTime<Utc>,
    ) -> Result<RotationOutcome, SecretError> {
        let current = self.client_secret()?;
        let repeats_previous = self
            .previous_secret(now)
            .is_some_and(|previous| previous.value == new_secret);
        if current.value == new_secret || repeats_previous {
            return Err(SecretError::RepeatedSecret);
        }
        let replaced_unexpired_previous = self.previous_secret(now).is_some();
        let old = self.current_secret.replace(ClientSecret {
            value: new_secret,
            created_at: Some(now),
        });
        self.previous_secret = match (retention.previous_expires_at(now), old) {
            (Some(expires_at), Some(old)) => Some(PreviousSecret {
                value: old.value,
                expires_at,
                last_used: None,
            }),
            _ => None,
        };
        self.record_change(now);
        Ok(RotationOutcome {
            previous_expires_at: self
                .previous_secret
                .as_ref()
                .map(|previous| previous.expires_at),
            replaced_unexpired_previous,
        })
    }

    /// Removes the previous secret for good.
    pub fn revoke_previous_secret(&mut self, now: DateTime<Utc>) -> Result<(), SecretError> {
        self.client_secret()?;
        if self.previous_secret(now).is_none() {
            return Err(SecretError::NoPreviousSecret);
        }
        self.previous_secret = None;
        self.record_change(now);
        Ok(())
    }

    /// Which of this application's secrets `candidate` is at `now`. Both comparisons are made,
    /// in constant time each; an expired or revoked previous secret is not valid.
    pub fn check_secret(&self, candidate: &SecretValue, now: DateTime<Utc>) -> SecretCheck {
        let Ok(current) = self.client_secret() else {
            return SecretCheck::NotValid;
        };
        let is_current = current.value == *candidate;
        let previous = self
            .previous_secret(now)
            .filter(|previous| previous.value == *candidate);
        match (is_current, previous) {
            (true, _) => SecretCheck::Current,
            (false, Some(previous)) => SecretCheck::Previous {
                expires_at: previous.expires_at,
            },
            (false, None) => SecretCheck::NotValid,
        }
    }

    /// Where the current secret stands against `policy`; `None` without a secret, without a
    /// policy, or when the secret's age is unknown (see [`Application::secret_age_unknown`]).
    pub fn rotation_status(
        &self,
        policy: RotationPolicy,
        now: DateTime<Utc>,
    ) -> Option<RotationStatus> {
        let created_at = self.client_secret().ok()?.created_at?;
        policy.status(created_at, now)
    }

    /// Whether the application has a current secret whose creation time nobody knows (PingOne
    /// does not say): it is never counted due, since its age would be a guess.
    pub fn secret_age_unknown(&self) -> bool {
        self.client_secret()
            .is_ok_and(|secret| secret.created_at.is_none())
    }

    /// This application with its current secret known to have been made at `created_at` (a
    /// PingOne secret this console generated, which it remembers); without a current secret,
    /// unchanged.
    pub fn with_secret_created_at(mut self, created_at: DateTime<Utc>) -> Self {
        if let Some(secret) = &mut self.current_secret {
            secret.created_at = Some(created_at);
        }
        self
    }

    /// Whether `query` (already lower-cased) matches the name or the client ID.
    pub fn matches_search(&self, lowercase_query: &str) -> bool {
        let query = lowercase_query.as_bytes();
        lowercase_query.is_empty()
            || self.name.folded.contains(lowercase_query)
            || self
                .client_id
                .as_str()
                .as_bytes()
                .windows(query.len())
                .any(|window| window.eq_ignore_ascii_case(query))
    }
}

#[cfg(test)]
impl Application {
    /// This application as PingOne would show it: the same secrets, but nobody knows when the
    /// current one was made.
    pub(crate) fn with_secret_age_unknown(mut self) -> Self {
        if let Some(secret) = &mut self.current_secret {
            secret.created_at = None;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CustomRetention, DurationUnit};
    use chrono::{Duration, TimeZone};
    use std::convert::Infallible;

    fn hours(amount: u32) -> Retention {
        Retention::Custom(CustomRetention::new(amount, DurationUnit::Hours).unwrap())
    }

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, hour, 0, 0).unwrap()
    }

    fn secret(text: &str) -> SecretValue {
        SecretValue::new(text.to_owned())
    }

    fn app(kind: ApplicationType) -> Application {
        let name = ApplicationName::parse("Portal").unwrap();
        Application::create(ClientId::new("client-1"), name, kind, at(0), || {
            Ok::<_, Infallible>(secret("first"))
        })
        .unwrap()
    }

    #[test]
    fn oidc_confidential_apps_start_with_a_secret_and_no_previous() {
        for kind in [
            ApplicationType::OidcWebApp,
            ApplicationType::Native,
            ApplicationType::Worker,
        ] {
            let app = app(kind);
            assert_eq!(
                app.client_secret().map(|s| s.value.expose().to_owned()),
                Ok("first".into())
            );
            assert!(app.previous_secret(at(0)).is_none());
        }
    }

    #[test]
    fn saml_and_ws_federation_have_no_secret_because_they_are_not_oidc() {
        for kind in [ApplicationType::Saml, ApplicationType::WsFederation] {
            let mut app = app(kind);
            assert_eq!(app.client_secret(), Err(NoSecretReason::NotOidc));
            assert_eq!(
                app.rotate_secret(secret("x"), Retention::DoNotRetain, at(1)),
                Err(SecretError::NotOidc)
            );
        }
    }

    #[test]
    fn only_apps_running_on_their_users_devices_expose_secrets() {
        let exposing: Vec<_> = ApplicationType::ALL
            .into_iter()
            .filter(|kind| kind.exposes_secrets())
            .collect();
        assert_eq!(
            exposing,
            [ApplicationType::Native, ApplicationType::SinglePage]
        );
    }

    #[test]
    fn single_page_apps_default_to_auth_method_none_and_have_no_secret() {
        let mut app = app(ApplicationType::SinglePage);
        assert_eq!(app.auth_method(), TokenEndpointAuthMethod::None);
        assert_eq!(app.client_secret(), Err(NoSecretReason::PublicClient));
        assert_eq!(
            app.rotate_secret(secret("x"), Retention::DoNotRetain, at(1)),
            Err(SecretError::PublicClient)
        );
    }

    #[test]
    fn rotating_with_retention_keeps_the_old_secret_until_creation_plus_retention() {
        let mut app = app(ApplicationType::OidcWebApp);
        let outcome = app
            .rotate_secret(secret("second"), Retention::SevenDays, at(1))
            .unwrap();
        assert_eq!(app.client_secret().unwrap().value, secret("second"));
        assert_eq!(app.client_secret().unwrap().created_at, Some(at(1)));
        let previous = app.previous_secret(at(1)).unwrap();
        assert_eq!(previous.value, secret("first"));
        assert_eq!(previous.expires_at, at(1) + Duration::days(7));
        assert_eq!(outcome.previous_expires_at, Some(at(1) + Duration::days(7)));
        assert!(!outcome.replaced_unexpired_previous);
    }

    #[test]
    fn previous_secret_disappears_exactly_at_expires_at() {
        let mut app = app(ApplicationType::Worker);
        app.rotate_secret(secret("second"), hours(1), at(1))
            .unwrap();
        assert!(
            app.previous_secret(at(2) - Duration::milliseconds(1))
                .is_some()
        );
        assert!(app.previous_secret(at(2)).is_none());
        assert_eq!(
            app.revoke_previous_secret(at(2)),
            Err(SecretError::NoPreviousSecret)
        );
    }

    #[test]
    fn rotating_without_retention_leaves_no_previous_secret() {
        let mut app = app(ApplicationType::OidcWebApp);
        app.rotate_secret(secret("second"), Retention::OneDay, at(1))
            .unwrap();
        let outcome = app
            .rotate_secret(secret("third"), Retention::DoNotRetain, at(2))
            .unwrap();
        assert!(app.stored_previous_secret().is_none());
        assert_eq!(outcome.previous_expires_at, None);
        assert!(outcome.replaced_unexpired_previous);
    }

    #[test]
    fn rotating_while_a_previous_secret_exists_replaces_it_at_once() {
        let mut app = app(ApplicationType::Native);
        app.rotate_secret(secret("second"), Retention::ThirtyDays, at(1))
            .unwrap();
        let outcome = app
            .rotate_secret(secret("third"), Retention::OneDay, at(2))
            .unwrap();
        let previous = app.previous_secret(at(2)).unwrap();
        assert_eq!(previous.value, secret("second"));
        assert_eq!(previous.expires_at, at(2) + Duration::days(1));
        assert!(outcome.replaced_unexpired_previous);
    }

    #[test]
    fn revoking_removes_the_previous_secret_for_good() {
        let mut app = app(ApplicationType::OidcWebApp);
        app.rotate_secret(secret("second"), Retention::SevenDays, at(1))
            .unwrap();
        app.revoke_previous_secret(at(2)).unwrap();
        assert!(app.previous_secret(at(2)).is_none());
        assert!(app.stored_previous_secret().is_none());
        assert_eq!(
            app.revoke_previous_secret(at(3)),
            Err(SecretError::NoPreviousSecret)
        );
    }

    #[test]
    fn every_change_increases_the_revision() {
        let mut app = app(ApplicationType::OidcWebApp);
        let start = app.revision();
        app.rotate_secret(secret("second"), Retention::SevenDays, at(1))
            .unwrap();
        assert_eq!(app.revision(), start + 1);
        app.revoke_previous_secret(at(1)).unwrap();
        assert_eq!(app.revision(), start + 2);
        let _ = app.revoke_previous_secret(at(1));
        assert_eq!(
            app.revision(),
            start + 2,
            "a refused command changes nothing"
        );
    }

    #[test]
    fn a_generated_secret_equal_to_a_live_one_is_refused() {
        let mut app = app(ApplicationType::OidcWebApp);
        assert_eq!(
            app.rotate_secret(secret("first"), Retention::DoNotRetain, at(1)),
            Err(SecretError::RepeatedSecret)
        );
        app.rotate_secret(secret("second"), Retention::OneDay, at(1))
            .unwrap();
        assert_eq!(
            app.rotate_secret(secret("first"), Retention::DoNotRetain, at(2)),
            Err(SecretError::RepeatedSecret)
        );
    }

    fn name(text: &str) -> ApplicationName {
        ApplicationName::parse(text).unwrap()
    }

    fn no_secret() -> Result<SecretValue, EditError> {
        panic!("no secret may be generated here")
    }

    #[test]
    fn renaming_changes_the_name_bumps_the_revision_and_returns_the_old_name() {
        let mut app = app(ApplicationType::OidcWebApp);
        let old = app.rename(name("  Customer Portal "), at(1)).unwrap();
        assert_eq!(old.as_str(), "Portal");
        assert_eq!(app.name().as_str(), "Customer Portal");
        assert_eq!(app.revision(), 2);
        assert!(
            app.matches_search("customer"),
            "search follows the new name"
        );
    }

    #[test]
    fn renaming_to_the_same_name_is_refused_and_changes_nothing() {
        let mut app = app(ApplicationType::OidcWebApp);
        let before = app.clone();
        assert_eq!(app.rename(name(" Portal"), at(1)), Err(EditError::SameName));
        assert_eq!(app, before);
        assert!(
            app.rename(name("portal"), at(1)).is_ok(),
            "a change of case is a rename"
        );
    }

    #[test]
    fn enabling_and_disabling_bump_the_revision_and_a_repeat_is_refused() {
        let mut app = app(ApplicationType::Worker);
        assert!(app.enabled());
        assert_eq!(app.set_enabled(true, at(1)), Err(EditError::AlreadyEnabled));
        app.set_enabled(false, at(1)).unwrap();
        assert!(!app.enabled());
        assert_eq!(app.revision(), 2);
        assert_eq!(
            app.set_enabled(false, at(2)),
            Err(EditError::AlreadyDisabled)
        );
        assert_eq!(app.revision(), 2, "the refused repeat changed nothing");
        app.set_enabled(true, at(2)).unwrap();
        assert_eq!(app.revision(), 3);
    }

    #[test]
    fn between_secret_methods_the_secrets_stay() {
        let mut app = app(ApplicationType::OidcWebApp);
        app.rotate_secret(secret("second"), Retention::SevenDays, at(1))
            .unwrap();
        let change = app
            .change_auth_method(TokenEndpointAuthMethod::ClientSecretJwt, no_secret, at(2))
            .unwrap();
        assert_eq!(
            change,
            AuthMethodChange {
                from: TokenEndpointAuthMethod::ClientSecretBasic,
                to: TokenEndpointAuthMethod::ClientSecretJwt,
                secrets: SecretsAfterMethodChange::Kept,
            }
        );
        assert_eq!(app.auth_method(), TokenEndpointAuthMethod::ClientSecretJwt);
        assert_eq!(app.client_secret().unwrap().value, secret("second"));
        assert_eq!(app.previous_secret(at(2)).unwrap().value, secret("first"));
        assert_eq!(app.revision(), 3);
    }

    #[test]
    fn changing_to_none_removes_the_current_and_previous_secrets() {
        let mut app = app(ApplicationType::Native);
        app.rotate_secret(secret("second"), Retention::ThirtyDays, at(1))
            .unwrap();
        let change = app
            .change_auth_method(TokenEndpointAuthMethod::None, no_secret, at(2))
            .unwrap();
        assert_eq!(
            change.secrets,
            SecretsAfterMethodChange::Removed {
                unexpired_previous_removed: true
            }
        );
        assert_eq!(app.client_secret(), Err(NoSecretReason::PublicClient));
        assert!(app.stored_previous_secret().is_none());
    }

    #[test]
    fn changing_from_none_generates_a_new_secret_without_a_previous_one() {
        let mut app = app(ApplicationType::SinglePage);
        let change = app
            .change_auth_method(
                TokenEndpointAuthMethod::ClientSecretPost,
                || Ok::<_, EditError>(secret("fresh")),
                at(3),
            )
            .unwrap();
        assert_eq!(change.secrets, SecretsAfterMethodChange::Generated);
        let current = app.client_secret().unwrap();
        assert_eq!(
            (&current.value, current.created_at),
            (&secret("fresh"), Some(at(3)))
        );
        assert!(app.previous_secret(at(3)).is_none());
    }

    #[test]
    fn a_failing_secret_source_leaves_the_auth_method_unchanged() {
        #[derive(Debug, PartialEq)]
        enum Failure {
            NoEntropy,
            Edit(EditError),
        }
        impl From<EditError> for Failure {
            fn from(error: EditError) -> Self {
                Failure::Edit(error)
            }
        }
        let mut app = app(ApplicationType::SinglePage);
        let before = app.clone();
        let result = app.change_auth_method(
            TokenEndpointAuthMethod::ClientSecretBasic,
            || Err(Failure::NoEntropy),
            at(1),
        );
        assert_eq!(result, Err(Failure::NoEntropy));
        assert_eq!(app, before);
    }

    #[test]
    fn the_same_auth_method_or_a_non_oidc_application_is_refused() {
        let mut app = app(ApplicationType::OidcWebApp);
        assert_eq!(
            app.change_auth_method(TokenEndpointAuthMethod::ClientSecretBasic, no_secret, at(1)),
            Err(EditError::SameAuthMethod(
                TokenEndpointAuthMethod::ClientSecretBasic
            ))
        );
        for kind in [ApplicationType::Saml, ApplicationType::WsFederation] {
            let mut app = self::app(kind);
            let before = app.clone();
            let refused = app.change_auth_method(TokenEndpointAuthMethod::None, no_secret, at(1));
            assert_eq!(refused, Err(EditError::NotOidc));
            assert!(
                EditError::NotOidc
                    .to_string()
                    .starts_with("Client secrets apply only to OIDC-based applications.")
            );
            assert_eq!(app, before);
        }
    }

    #[test]
    fn a_change_after_the_previous_secret_expired_drops_it_from_the_record() {
        let mut app = app(ApplicationType::OidcWebApp);
        app.rotate_secret(secret("second"), hours(1), at(1))
            .unwrap();
        assert_eq!(app.expired_previous_secret_at(at(2)), Some(at(2)));
        assert!(
            app.stored_previous_secret().is_some(),
            "kept until the next change"
        );
        app.rename(name("Renamed"), at(3)).unwrap();
        assert!(app.stored_previous_secret().is_none());
        assert_eq!(app.expired_previous_secret_at(at(3)), None);
    }

    #[test]
    fn service_and_custom_applications_are_oidc_with_a_secret_and_no_warning() {
        for kind in [ApplicationType::Service, ApplicationType::Custom] {
            let app = app(kind);
            assert!(kind.is_oidc());
            assert!(!kind.exposes_secrets());
            assert_eq!(
                app.auth_method(),
                TokenEndpointAuthMethod::ClientSecretBasic
            );
            assert!(app.client_secret().is_ok());
            assert!(!ApplicationType::ALL.contains(&kind), "not added here");
            assert!(ApplicationType::EVERY.contains(&kind));
        }
        assert_eq!(ApplicationType::Service.label(), "Service");
        assert_eq!(ApplicationType::Custom.label(), "Custom");
        assert!(
            ApplicationType::ALL
                .iter()
                .all(|kind| ApplicationType::EVERY.contains(kind))
        );
    }

    #[test]
    fn private_key_jwt_uses_no_secret_and_says_why_there_is_none() {
        let method = TokenEndpointAuthMethod::PrivateKeyJwt;
        assert!(!method.uses_secret());
        assert_eq!(method.label(), "Private Key JWT");
        let mut app = app(ApplicationType::Worker);
        let change = app.change_auth_method(method, no_secret, at(1)).unwrap();
        assert_eq!(
            change.secrets,
            SecretsAfterMethodChange::Removed {
                unexpired_previous_removed: false
            }
        );
        assert_eq!(app.client_secret(), Err(NoSecretReason::PrivateKeyJwt));
        assert_eq!(
            app.rotate_secret(secret("x"), Retention::DoNotRetain, at(2)),
            Err(SecretError::PrivateKeyJwt)
        );
    }

    #[test]
    fn a_secret_of_unknown_age_has_no_rotation_status() {
        let known = app(ApplicationType::Worker);
        assert!(!known.secret_age_unknown());
        let unknown = known.with_secret_age_unknown();
        assert!(unknown.secret_age_unknown());
        let policy = RotationPolicy::Every(crate::domain::RotationInterval::days(1).unwrap());
        assert_eq!(
            unknown.rotation_status(policy, at(0) + Duration::days(999)),
            None
        );
        assert!(!app(ApplicationType::Saml).secret_age_unknown());
    }

    #[test]
    fn a_remembered_creation_time_gives_a_secret_of_unknown_age_its_age() {
        let policy = RotationPolicy::Every(crate::domain::RotationInterval::days(1).unwrap());
        let unknown = app(ApplicationType::Worker).with_secret_age_unknown();
        let known = unknown.clone().with_secret_created_at(at(3));
        assert!(!known.secret_age_unknown());
        assert_eq!(known.client_secret().unwrap().created_at, Some(at(3)));
        assert_eq!(
            known.client_secret().unwrap().value,
            unknown.client_secret().unwrap().value
        );
        assert!(
            known
                .rotation_status(policy, at(3) + Duration::days(2))
                .is_some()
        );
        let saml = app(ApplicationType::Saml);
        assert_eq!(saml.clone().with_secret_created_at(at(3)), saml);
    }

    #[test]
    fn restore_drops_secrets_that_cannot_apply() {
        let name = ApplicationName::parse("SAML").unwrap();
        let current = Some(ClientSecret {
            value: secret("s"),
            created_at: Some(at(0)),
        });
        let previous = Some(PreviousSecret {
            value: secret("p"),
            expires_at: at(5),
            last_used: None,
        });
        let app = Application::restore(
            ClientId::new("c"),
            name,
            ApplicationType::Saml,
            true,
            TokenEndpointAuthMethod::ClientSecretBasic,
            at(0),
            3,
            current,
            previous,
        );
        assert_eq!(app.client_secret(), Err(NoSecretReason::NotOidc));
        assert!(app.stored_previous_secret().is_none());
    }

    #[test]
    fn names_are_trimmed_and_must_have_a_visible_character() {
        assert_eq!(
            ApplicationName::parse("  Portal  ").unwrap().as_str(),
            "Portal"
        );
        for blank in ["", "   ", "\u{200B}\u{200B}", "\t\n", "\u{202E}\u{FEFF}"] {
            assert_eq!(
                ApplicationName::parse(blank),
                Err(NameError::Empty),
                "{blank:?}"
            );
        }
        assert!(ApplicationName::parse("שלום \u{200F}app").is_ok());
        assert!(ApplicationName::parse("<script>alert(1)</script>").is_ok());
        assert!(ApplicationName::parse("🔐 Vault").is_ok());
    }

    #[test]
    fn names_with_a_character_that_changes_text_direction_are_refused_naming_it() {
        for code in [
            0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
        ] {
            let control = char::from_u32(code).unwrap();
            assert_eq!(
                ApplicationName::parse(&format!("Mobile Banking{control}gnp.exe")),
                Err(NameError::DirectionControl { code }),
                "U+{code:04X}"
            );
        }
        assert_eq!(
            ApplicationName::parse("Mobile Banking\u{202E}gnp.exe")
                .unwrap_err()
                .to_string(),
            "The name contains an invisible character that changes the direction of text (U+202E). Remove it."
        );
        // The neighbours of both ranges are no direction controls.
        for allowed in [
            '\u{2029}', '\u{202F}', '\u{2065}', '\u{206A}', '\u{200E}', '\u{200F}',
        ] {
            assert!(
                ApplicationName::parse(&format!("Portal{allowed}EU")).is_ok(),
                "U+{:04X}",
                u32::from(allowed)
            );
        }
    }

    #[test]
    fn a_stored_name_with_a_direction_control_is_read_shown_spelled_out_and_written_back_unchanged()
    {
        let stored = "\"Mobile Banking\u{202E}gnp.exe\"";
        let name: ApplicationName = serde_json::from_str(stored).unwrap();
        assert_eq!(name.as_str(), "Mobile Banking[U+202E]gnp.exe");
        assert_eq!(name.folded(), "mobile banking[u+202e]gnp.exe");
        assert_eq!(name.stored_text(), "Mobile Banking\u{202E}gnp.exe");
        assert_eq!(serde_json::to_string(&name).unwrap(), stored);
        let plain: ApplicationName = serde_json::from_str("\"Portal\"").unwrap();
        assert_eq!((plain.as_str(), plain.stored_text()), ("Portal", "Portal"));
    }

    #[test]
    fn a_stored_name_with_a_direction_control_can_be_renamed_to_the_text_it_is_shown_as() {
        let mut app = app(ApplicationType::Worker);
        app.name = ApplicationName::from_stored("Mobile Banking\u{2067}gnp.exe").unwrap();
        let shown = ApplicationName::parse(app.name().as_str()).unwrap();
        assert_eq!(shown.as_str(), "Mobile Banking[U+2067]gnp.exe");
        assert!(app.rename(shown, at(1)).is_ok());
        assert_eq!(app.name().stored_text(), "Mobile Banking[U+2067]gnp.exe");
    }

    #[test]
    fn names_longer_than_the_limit_are_rejected_with_their_length() {
        let long = "x".repeat(10_000);
        assert_eq!(
            ApplicationName::parse(&long),
            Err(NameError::TooLong { actual: 10_000 })
        );
        assert!(ApplicationName::parse(&"é".repeat(ApplicationName::MAX_CHARS)).is_ok());
    }

    /// A tiny deterministic generator (xorshift64*), so a failing sequence can be replayed.
    struct Xorshift(u64);

    impl Xorshift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn below(&mut self, bound: u64) -> u64 {
            self.next() % bound
        }
    }

    #[test]
    fn random_command_sequences_keep_the_invariants() {
        for seed in 1..=200u64 {
            let mut random = Xorshift(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
            let mut app = app(ApplicationType::OidcWebApp);
            let mut now = at(0);
            for step in 0..200 {
                // Time mostly moves forward, sometimes far, sometimes not at all.
                now += Duration::minutes(
                    random.below(3 * 24 * 60) as i64 * i64::from(random.below(4) == 0),
                );
                let before = app.clone();
                let retention = match random.below(5) {
                    0 => Retention::DoNotRetain,
                    1 => Retention::OneDay,
                    2 => Retention::ThirtyDays,
                    _ => hours(1 + random.below(720) as u32),
                };
                let methods = [
                    TokenEndpointAuthMethod::ClientSecretBasic,
                    TokenEndpointAuthMethod::ClientSecretPost,
                    TokenEndpointAuthMethod::ClientSecretJwt,
                    TokenEndpointAuthMethod::None,
                ];
                let result = match random.below(8) {
                    0 | 1 => app.revoke_previous_secret(now).map_err(|_| ()),
                    2 => app.set_enabled(random.below(2) == 0, now).map_err(|_| ()),
                    3 => app
                        .rename(name(&format!("App {}", random.below(3))), now)
                        .map(|_| ())
                        .map_err(|_| ()),
                    4 => app
                        .change_auth_method(
                            methods[random.below(4) as usize],
                            || Ok::<_, EditError>(secret(&format!("m{seed}-{step}"))),
                            now,
                        )
                        .map(|_| ())
                        .map_err(|_| ()),
                    _ => app
                        .rotate_secret(secret(&format!("s{seed}-{step}")), retention, now)
                        .map(|_| ())
                        .map_err(|_| ()),
                };
                let context = format!("seed {seed} step {step}");
                match result {
                    Ok(()) => {
                        assert_eq!(
                            app.revision(),
                            before.revision() + 1,
                            "{context}: a change bumps the revision"
                        );
                        assert_eq!(
                            app.expired_previous_secret_at(now),
                            None,
                            "{context}: no expired secret is carried past a change"
                        );
                    }
                    Err(_) => {
                        assert_eq!(app, before, "{context}: a refused command changes nothing")
                    }
                }
                if let Some(previous) = app.previous_secret(now) {
                    assert!(
                        previous.expires_at > now,
                        "{context}: never an expired previous secret"
                    );
                    assert!(
                        previous.expires_at <= now + Duration::days(30),
                        "{context}: never retained past 30 days"
                    );
                    assert_ne!(
                        Some(&previous.value),
                        app.client_secret().ok().map(|current| &current.value),
                        "{context}"
                    );
                }
                assert_eq!(
                    app.client_secret().is_ok(),
                    app.auth_method().uses_secret(),
                    "{context}: an OIDC app has a current secret exactly when its method uses one"
                );
                if app.client_secret().is_err() {
                    assert!(app.stored_previous_secret().is_none(), "{context}");
                }
            }
        }
    }

    #[test]
    fn checking_tells_the_current_secret_from_the_previous_one() {
        let mut app = app(ApplicationType::OidcWebApp);
        app.rotate_secret(secret("second"), Retention::SevenDays, at(1))
            .unwrap();
        assert_eq!(
            app.check_secret(&secret("second"), at(2)),
            SecretCheck::Current
        );
        assert_eq!(
            app.check_secret(&secret("first"), at(2)),
            SecretCheck::Previous {
                expires_at: at(1) + Duration::days(7)
            }
        );
        assert_eq!(
            app.check_secret(&secret("secon"), at(2)),
            SecretCheck::NotValid
        );
        assert_eq!(
            app.check_secret(&secret("second "), at(2)),
            SecretCheck::NotValid
        );
        assert_eq!(
            app.check_secret(&SecretValue::new("s".repeat(1 << 20)), at(2)),
            SecretCheck::NotValid
        );
    }

    #[test]
    fn an_expired_or_revoked_previous_secret_is_not_valid() {
        let mut app = app(ApplicationType::Worker);
        app.rotate_secret(
            secret("second"),
            Retention::Custom(CustomRetention::new(1, DurationUnit::Hours).unwrap()),
            at(1),
        )
        .unwrap();
        assert_eq!(
            app.check_secret(&secret("first"), at(2)),
            SecretCheck::NotValid
        );
        let mut revoked = app.clone();
        revoked.revoke_previous_secret(at(1)).unwrap();
        assert_eq!(
            revoked.check_secret(&secret("first"), at(1)),
            SecretCheck::NotValid
        );
    }

    #[test]
    fn another_applications_secret_is_not_valid() {
        let portal = app(ApplicationType::OidcWebApp);
        let other = Application::create(
            ClientId::new("client-2"),
            ApplicationName::parse("Other").unwrap(),
            ApplicationType::OidcWebApp,
            at(0),
            || Ok::<_, Infallible>(secret("other-secret")),
        )
        .unwrap();
        let others_secret = &other.client_secret().unwrap().value;
        assert_eq!(
            portal.check_secret(others_secret, at(1)),
            SecretCheck::NotValid
        );
        assert_eq!(
            app(ApplicationType::Saml).check_secret(&secret("first"), at(1)),
            SecretCheck::NotValid,
            "an application without secrets accepts none"
        );
    }

    #[test]
    fn rotation_status_follows_the_current_secrets_age() {
        let policy = RotationPolicy::Every(crate::domain::RotationInterval::days(30).unwrap());
        let mut app = app(ApplicationType::OidcWebApp);
        assert!(matches!(
            app.rotation_status(policy, at(0) + Duration::days(30)),
            Some(RotationStatus::Overdue { .. })
        ));
        app.rotate_secret(
            secret("second"),
            Retention::DoNotRetain,
            at(0) + Duration::days(30),
        )
        .unwrap();
        assert!(matches!(
            app.rotation_status(policy, at(0) + Duration::days(30)),
            Some(RotationStatus::NotDue { .. })
        ));
        assert_eq!(app.rotation_status(RotationPolicy::NoPolicy, at(0)), None);
    }

    #[test]
    fn applications_without_a_secret_are_never_due() {
        let policy = RotationPolicy::Every(crate::domain::RotationInterval::days(1).unwrap());
        for kind in [
            ApplicationType::SinglePage,
            ApplicationType::Saml,
            ApplicationType::WsFederation,
        ] {
            assert_eq!(
                app(kind).rotation_status(policy, at(0) + Duration::days(999)),
                None
            );
        }
    }

    #[test]
    fn search_matches_name_or_client_id_case_insensitively() {
        let app = app(ApplicationType::OidcWebApp);
        assert!(app.matches_search("port"));
        assert!(app.matches_search("client-1"));
        assert!(app.matches_search(""));
        assert!(!app.matches_search("billing"));
    }

    #[test]
    fn search_folds_non_ascii_names_and_upper_case_client_ids() {
        let app = Application::create(
            ClientId::new("0BADC0DE-Upper"),
            ApplicationName::parse("Ärzte-Portal ÖSTERREICH").unwrap(),
            ApplicationType::Worker,
            Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap(),
            || Ok::<_, Infallible>(SecretValue::new("s".into())),
        )
        .unwrap();
        assert!(app.matches_search("ärzte"));
        assert!(app.matches_search("österreich"));
        assert!(app.matches_search("0badc0de-upper"));
        assert!(!app.matches_search("0badc0de-upper-and-longer-than-the-id"));
        assert_eq!(
            app.name().as_str(),
            "Ärzte-Portal ÖSTERREICH",
            "the name keeps its case"
        );
    }
}
