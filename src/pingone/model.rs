//! PingOne's JSON for applications, their secrets and its refusals, read into the domain's types
//! and written back, with no browser in sight so every mapping is tested on the host.
//!
//! PingOne has no PATCH: a PUT replaces the whole application and clears any optional attribute
//! left out. So an application is kept as the whole JSON object it was read as, and an update is
//! that object with one attribute changed and the read-only ones dropped. Secrets never reach an
//! error's text: errors name fields, never values, and PingOne's own messages pass through a
//! filter that hides anything as long as a secret or a token.
//!
//! The object is kept as its attributes' raw JSON text (`RawObject`), never as a
//! `serde_json::Value`: reading only the attributes the console shows, each into its own type,
//! keeps the generic JSON tree (and its tens of kilobytes of wasm) out of the bundle, as the
//! stored records do (storage/record.rs).

use std::collections::BTreeMap;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::domain::{
    Application, ApplicationName, ApplicationType, ClientId, ClientSecret, PreviousSecret,
    SecretValue, TokenEndpointAuthMethod, direction_controls_spelled_out,
};

/// A JSON object as its attributes' raw text, in name order.
type RawObject = BTreeMap<String, Box<RawValue>>;

/// Attributes PingOne sets itself: ignored in a PUT body, so never sent back.
const READ_ONLY_ATTRIBUTES: [&str; 6] = [
    "id",
    "environment",
    "createdAt",
    "updatedAt",
    "_links",
    "_embedded",
];

/// PingOne's names of the token endpoint auth methods.
const AUTH_METHOD_NAMES: [(TokenEndpointAuthMethod, &str); 5] = [
    (TokenEndpointAuthMethod::None, "NONE"),
    (
        TokenEndpointAuthMethod::ClientSecretBasic,
        "CLIENT_SECRET_BASIC",
    ),
    (
        TokenEndpointAuthMethod::ClientSecretPost,
        "CLIENT_SECRET_POST",
    ),
    (
        TokenEndpointAuthMethod::ClientSecretJwt,
        "CLIENT_SECRET_JWT",
    ),
    (TokenEndpointAuthMethod::PrivateKeyJwt, "PRIVATE_KEY_JWT"),
];

/// PingOne's OpenID Connect application types.
const OIDC_TYPE_NAMES: [(ApplicationType, &str); 6] = [
    (ApplicationType::OidcWebApp, "WEB_APP"),
    (ApplicationType::Native, "NATIVE_APP"),
    (ApplicationType::SinglePage, "SINGLE_PAGE_APP"),
    (ApplicationType::Worker, "WORKER"),
    (ApplicationType::Service, "SERVICE"),
    (ApplicationType::Custom, "CUSTOM_APP"),
];

/// Why a piece of PingOne's answer could not be read. Names fields and PingOne's type names,
/// never a value that could be a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("PingOne's answer is not {what} the console can read.")]
    NotAnObject { what: &'static str },
    #[error("PingOne's {what} has no \"{field}\".")]
    MissingField {
        what: &'static str,
        field: &'static str,
    },
    #[error("PingOne's {what} has a \"{field}\" that is not {expected}.")]
    WrongType {
        what: &'static str,
        field: &'static str,
        expected: &'static str,
    },
    #[error("PingOne's application has a {field} this console does not know: {value}.")]
    UnknownValue { field: &'static str, value: String },
    /// A kind of application the console does not manage: PingOne's own portal and console
    /// applications, and links to external sites. A list leaves these out.
    #[error("The console does not manage PingOne applications of type {kind} ({protocol}).")]
    NotManaged { kind: String, protocol: String },
    #[error(
        "PingOne's application has a name the console cannot show: it is blank or longer than {max} characters.",
        max = ApplicationName::MAX_CHARS
    )]
    InvalidName,
}

/// One application as PingOne returned it: the whole JSON object is kept, since an update (PUT)
/// replaces the application whole and must send back every attribute the console does not show.
#[derive(Debug, Clone)]
pub struct RemoteApplication {
    raw: RawObject,
    id: String,
    name: ApplicationName,
    kind: ApplicationType,
    enabled: bool,
    auth_method: TokenEndpointAuthMethod,
    created_at: DateTime<Utc>,
}

const APPLICATION: &str = "application";

impl RemoteApplication {
    /// Reads one application's JSON text. Needs `id`, `name`, `protocol` (and for OpenID
    /// Connect `type` and `tokenEndpointAuthMethod`), `enabled` and `createdAt`.
    pub fn from_json(json: &str) -> Result<Self, ModelError> {
        let raw = object(json, "an application")?;
        let id = text(&raw, APPLICATION, "id")?;
        let name = ApplicationName::from_stored(&text(&raw, APPLICATION, "name")?)
            .map_err(|_| ModelError::InvalidName)?;
        let kind = application_type(&raw)?;
        let enabled = match raw.get("enabled") {
            Some(value) => serde_json::from_str::<bool>(value.get())
                .map_err(|_| wrong_type(APPLICATION, "enabled", "true or false"))?,
            None => return Err(missing(APPLICATION, "enabled")),
        };
        let auth_method = if kind.is_oidc() {
            let method = text(&raw, APPLICATION, "tokenEndpointAuthMethod")?;
            AUTH_METHOD_NAMES
                .iter()
                .find(|(_, name)| *name == method)
                .map(|(method, _)| *method)
                .ok_or_else(|| ModelError::UnknownValue {
                    field: "token endpoint authentication method",
                    value: safe_text(&method),
                })?
        } else {
            kind.default_auth_method()
        };
        let created_at = time(&raw, APPLICATION, "createdAt")?;
        Ok(Self {
            raw,
            id,
            name,
            kind,
            enabled,
            auth_method,
            created_at,
        })
    }

    /// PingOne's ID of the application, which is also its OAuth client ID.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The application as the console's views and rules see it. PingOne does not say when the
    /// current secret was made, so its creation time is unknown here.
    pub fn to_domain(&self, secret: Option<&RemoteSecret>, revision: u64) -> Application {
        Application::restore(
            ClientId::new(self.id.clone()),
            self.name.clone(),
            self.kind,
            self.enabled,
            self.auth_method,
            self.created_at,
            revision,
            secret.map(|secret| ClientSecret {
                value: secret.current.clone(),
                created_at: None,
            }),
            secret
                .and_then(|secret| secret.previous.as_ref())
                .map(|previous| PreviousSecret {
                    value: previous.value.clone(),
                    expires_at: previous.expires_at,
                    last_used: previous.last_used,
                }),
        )
    }

    /// The body of a PUT that renames the application and changes nothing else.
    pub fn renamed(&self, name: &str) -> String {
        self.replacement("name", serde_json::to_string(name).unwrap_or_default())
    }

    /// The body of a PUT that enables or disables the application and changes nothing else.
    pub fn with_enabled(&self, enabled: bool) -> String {
        self.replacement("enabled", enabled.to_string())
    }

    /// The body of a PUT that changes the token endpoint auth method and nothing else.
    pub fn with_auth_method(&self, method: TokenEndpointAuthMethod) -> String {
        let name = AUTH_METHOD_NAMES
            .iter()
            .find(|(candidate, _)| *candidate == method)
            .map_or("", |(_, name)| name);
        self.replacement("tokenEndpointAuthMethod", format!("\"{name}\""))
    }

    /// The application as read, less its read-only attributes, with `attribute` set to the
    /// JSON text `value`.
    fn replacement(&self, attribute: &str, value: String) -> String {
        let mut body = self.raw.clone();
        for read_only in READ_ONLY_ATTRIBUTES {
            body.remove(read_only);
        }
        if let Ok(value) = RawValue::from_string(value) {
            body.insert(attribute.to_owned(), value);
        }
        // A map of names to JSON texts always serialises.
        serde_json::to_string(&body).unwrap_or_default()
    }
}

/// The console's type for a PingOne application, from its `protocol` and `type`.
fn application_type(raw: &RawObject) -> Result<ApplicationType, ModelError> {
    let protocol = text(raw, APPLICATION, "protocol")?;
    let not_managed = || ModelError::NotManaged {
        kind: safe_text(&text(raw, APPLICATION, "type").unwrap_or_else(|_| "unknown".to_owned())),
        protocol: safe_text(&protocol),
    };
    match protocol.as_str() {
        "SAML" => Ok(ApplicationType::Saml),
        "WS_FED" => Ok(ApplicationType::WsFederation),
        "OPENID_CONNECT" => {
            let kind = text(raw, APPLICATION, "type")?;
            OIDC_TYPE_NAMES
                .iter()
                .find(|(_, name)| *name == kind.as_str())
                .map(|(kind, _)| *kind)
                .ok_or_else(not_managed)
        }
        _ => Err(not_managed()),
    }
}

/// One page of `GET /environments/{envID}/applications`: the applications the console manages
/// (PingOne's own portal and console applications and external links are left out) and the
/// address of the next page, should PingOne ever page this list.
pub fn applications_page(
    json: &str,
) -> Result<(Vec<RemoteApplication>, Option<String>), ModelError> {
    const LIST: &str = "list of applications";
    let page = object(json, "a list of applications")?;
    // An environment without applications may leave `_embedded` out.
    let entries: Vec<Box<RawValue>> = match page.get("_embedded") {
        None => Vec::new(),
        Some(embedded) => {
            let embedded = object(embedded.get(), "a list of applications")?;
            match embedded.get("applications") {
                None => Vec::new(),
                Some(entries) => serde_json::from_str(entries.get())
                    .map_err(|_| wrong_type(LIST, "_embedded.applications", "a list"))?,
            }
        }
    };
    let mut applications = Vec::with_capacity(entries.len());
    for entry in entries {
        match RemoteApplication::from_json(entry.get()) {
            Ok(application) => applications.push(application),
            Err(ModelError::NotManaged { .. }) => {}
            Err(error) => return Err(error),
        }
    }
    #[derive(Deserialize)]
    struct Links {
        next: Option<Link>,
    }
    #[derive(Deserialize)]
    struct Link {
        href: Option<String>,
    }
    let next = page
        .get("_links")
        .and_then(|links| serde_json::from_str::<Links>(links.get()).ok())
        .and_then(|links| links.next)
        .and_then(|next| next.href);
    Ok((applications, next))
}

/// An application's secrets as `GET …/applications/{appID}/secret` returns them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteSecret {
    pub current: SecretValue,
    pub previous: Option<RemotePrevious>,
}

/// The previous secret, present while it has not expired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemotePrevious {
    pub value: SecretValue,
    pub expires_at: DateTime<Utc>,
    /// Only once a client authenticated with it.
    pub last_used: Option<DateTime<Utc>>,
}

impl RemoteSecret {
    /// Reads the secret resource's JSON text.
    pub fn from_json(json: &str) -> Result<Self, ModelError> {
        const SECRET: &str = "client secret";
        const PREVIOUS: &str = "previous client secret";
        let raw = object(json, "a client secret")?;
        let current = SecretValue::new(text(&raw, SECRET, "secret")?);
        let previous = match raw.get("previous").filter(|value| value.get() != "null") {
            None => None,
            Some(previous) => {
                let previous = object(previous.get(), "a previous client secret")
                    .map_err(|_| wrong_type(SECRET, "previous", "a set of fields"))?;
                Some(RemotePrevious {
                    value: SecretValue::new(text(&previous, PREVIOUS, "secret")?),
                    expires_at: time(&previous, PREVIOUS, "expiresAt")?,
                    last_used: match previous
                        .get("lastUsed")
                        .filter(|value| value.get() != "null")
                    {
                        None => None,
                        Some(_) => Some(time(&previous, PREVIOUS, "lastUsed")?),
                    },
                })
            }
        };
        Ok(Self { current, previous })
    }
}

/// The body of `POST …/secret`: the old secret stays valid as the previous one until
/// `previous_expires_at`; without one, no body is sent and the old secret stops working at once.
pub fn generate_secret_body(previous_expires_at: Option<DateTime<Utc>>) -> Option<String> {
    previous_expires_at.map(|expires_at| {
        let expires_at = expires_at.to_rfc3339_opts(SecondsFormat::Millis, true);
        format!(r#"{{"previous":{{"expiresAt":"{expires_at}"}}}}"#)
    })
}

/// A refusal: PingOne's message and its Correlation ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PingOneError {
    pub status: u16,
    /// PingOne's code, such as `INVALID_DATA` or `ACCESS_FAILED`.
    pub code: Option<String>,
    pub message: String,
    /// The messages of the error's details, such as which attribute was refused.
    pub details: Vec<String>,
    /// The response's `Correlation-Id` header: what PingOne's support asks for.
    pub correlation_id: Option<String>,
}

/// The error an answer with HTTP `status` and `body` says. Only PingOne's `code`, `message` and
/// the details' messages are taken from the body, never the body itself (a proxy's page can
/// say anything), and anything in them as long as a secret or a token is hidden.
pub fn error_from_response(
    status: u16,
    body: &str,
    correlation_id: Option<String>,
) -> PingOneError {
    #[derive(Deserialize)]
    struct ErrorBody {
        code: Option<String>,
        message: Option<String>,
        #[serde(default)]
        details: Vec<Detail>,
    }
    #[derive(Deserialize)]
    struct Detail {
        message: Option<String>,
    }
    // Anything that is not PingOne's error shape reads as no body at all.
    let parsed = serde_json::from_str::<ErrorBody>(body).ok();
    let shown = |text: Option<String>| {
        text.map(|text| text.trim().to_owned())
            .filter(|text| !text.is_empty())
            .map(|text| safe_text(&text))
    };
    let (code, message, details) = match parsed {
        Some(body) => (
            shown(body.code),
            shown(body.message),
            body.details
                .into_iter()
                .filter_map(|detail| shown(detail.message))
                .collect(),
        ),
        None => (None, None, Vec::new()),
    };
    PingOneError {
        status,
        code,
        message: message.unwrap_or_else(|| status_message(status)),
        details,
        correlation_id,
    }
}

/// What an answer without a message of PingOne's means.
fn status_message(status: u16) -> String {
    match status {
        400 => "PingOne refused the request as invalid (HTTP 400).".to_owned(),
        401 => {
            "PingOne no longer accepts the sign-on: the session has ended (HTTP 401).".to_owned()
        }
        403 => {
            "PingOne refused: the signed-on administrator is not permitted to do this (HTTP 403)."
                .to_owned()
        }
        404 => "PingOne did not find it: it may have been deleted (HTTP 404).".to_owned(),
        429 => "PingOne is limiting requests: too many were sent (HTTP 429).".to_owned(),
        500..=599 => format!("PingOne could not answer (HTTP {status})."),
        _ => format!("PingOne answered with HTTP {status}."),
    }
}

impl std::fmt::Display for PingOneError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        for detail in &self.details {
            write!(f, " {detail}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PingOneError {}

/// The shortest run of secret-like characters hidden from an error's text: PingOne's secrets
/// have at least 64 characters and tokens hundreds, while its IDs (UUIDs) have 36.
const LONGEST_SHOWN_WORD: usize = 39;
/// Longer messages are cut: an error is read in an alert, not a document.
const MAX_MESSAGE_CHARS: usize = 500;

/// `text` as an error may show it: runs of the characters secrets and tokens are made of
/// (letters, digits, `-._~`) too long for a word or an ID replaced by "[hidden]", direction
/// controls spelled out, length capped.
fn safe_text(text: &str) -> String {
    /// Moves `run` to the end of `safe`, hidden if it is too long to be a word or an ID (a
    /// full stop after it is punctuation, and stays).
    fn flush(run: &mut String, safe: &mut String) {
        let word = run.trim_end_matches('.');
        if word.chars().count() > LONGEST_SHOWN_WORD {
            safe.push_str("[hidden]");
            safe.push_str(&run[word.len()..]);
        } else {
            safe.push_str(run);
        }
        run.clear();
    }
    let mut safe = String::with_capacity(text.len());
    let mut run = String::new();
    for character in text.chars() {
        if character.is_ascii_alphanumeric() || "-._~".contains(character) {
            run.push(character);
        } else {
            flush(&mut run, &mut safe);
            safe.push(character);
        }
    }
    flush(&mut run, &mut safe);
    let safe = direction_controls_spelled_out(&safe).into_owned();
    match safe.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((cut, _)) => format!("{}…", &safe[..cut]),
        None => safe,
    }
}

fn missing(what: &'static str, field: &'static str) -> ModelError {
    ModelError::MissingField { what, field }
}

fn wrong_type(what: &'static str, field: &'static str, expected: &'static str) -> ModelError {
    ModelError::WrongType {
        what,
        field,
        expected,
    }
}

/// The JSON object `json`, as its attributes' raw text.
fn object(json: &str, what: &'static str) -> Result<RawObject, ModelError> {
    serde_json::from_str(json).map_err(|_| ModelError::NotAnObject { what })
}

/// The value at `field` of `raw` as a `T`, `None` when it is absent or null.
fn attribute<T: DeserializeOwned>(
    raw: &RawObject,
    what: &'static str,
    field: &'static str,
    expected: &'static str,
) -> Result<Option<T>, ModelError> {
    match raw.get(field) {
        None => Ok(None),
        Some(value) => serde_json::from_str::<Option<T>>(value.get())
            .map_err(|_| wrong_type(what, field, expected)),
    }
}

/// The non-empty text at `field` of `raw`.
fn text(raw: &RawObject, what: &'static str, field: &'static str) -> Result<String, ModelError> {
    attribute::<String>(raw, what, field, "text")?
        .filter(|text| !text.is_empty())
        .ok_or_else(|| missing(what, field))
}

/// The RFC 3339 date and time at `field` of `raw`.
fn time(
    raw: &RawObject,
    what: &'static str,
    field: &'static str,
) -> Result<DateTime<Utc>, ModelError> {
    DateTime::parse_from_rfc3339(&text(raw, what, field)?)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|_| wrong_type(what, field, "a date and time"))
}

/// Two readings of an application are equal when their JSON texts are (tests compare them).
#[cfg(test)]
impl PartialEq for RemoteApplication {
    fn eq(&self, other: &Self) -> bool {
        serde_json::to_string(&self.raw).ok() == serde_json::to_string(&other.raw).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use serde_json::{Value, json};

    /// The readers take JSON text; the tests write it with `json!`.
    fn application(value: Value) -> Result<RemoteApplication, ModelError> {
        RemoteApplication::from_json(&value.to_string())
    }

    fn secret_of(value: Value) -> Result<RemoteSecret, ModelError> {
        RemoteSecret::from_json(&value.to_string())
    }

    fn page_of(value: Value) -> Result<(Vec<RemoteApplication>, Option<String>), ModelError> {
        applications_page(&value.to_string())
    }

    /// A PUT body, to look into.
    fn body(text: String) -> Value {
        serde_json::from_str(&text).unwrap()
    }

    const SECRET: &str = "Q2x~iEnT.sEcReT-0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP";
    const OLD_SECRET: &str = "oLd~SeCrEt.0123456789-abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJKLMNOPQR";

    fn web_app() -> Value {
        json!({
            "_links": {"self": {"href": "https://api.pingone.eu/v1/environments/e/applications/a"}},
            "environment": {"id": "7c5e1a2b-0000-4000-8000-000000000001"},
            "id": "9a8b7c6d-1111-4222-8333-444455556666",
            "name": "Payroll Portal",
            "description": "Kept on every update",
            "enabled": true,
            "type": "WEB_APP",
            "protocol": "OPENID_CONNECT",
            "createdAt": "2026-10-01T08:00:00.000Z",
            "updatedAt": "2026-11-20T10:30:00.000Z",
            "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC",
            "redirectUris": ["https://payroll.example.com/callback"],
            "grantTypes": ["AUTHORIZATION_CODE"],
            "corsSettings": {"behavior": "ALLOW_SPECIFIC_ORIGINS", "origins": ["https://a.example"]},
            "pkceEnforcement": "OPTIONAL"
        })
    }

    fn with(mut value: Value, field: &str, replacement: Value) -> Value {
        value[field] = replacement;
        value
    }

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, day, hour, 0, 0).unwrap()
    }

    #[test]
    fn an_application_is_read_with_its_id_name_type_and_method() {
        let remote = application(web_app()).unwrap();
        assert_eq!(remote.id(), "9a8b7c6d-1111-4222-8333-444455556666");
        let app = remote.to_domain(None, 7);
        assert_eq!(app.client_id.as_str(), remote.id());
        assert_eq!(app.name().as_str(), "Payroll Portal");
        assert_eq!(app.kind, ApplicationType::OidcWebApp);
        assert!(app.enabled());
        assert_eq!(
            app.auth_method(),
            TokenEndpointAuthMethod::ClientSecretBasic
        );
        assert_eq!(
            app.created_at,
            Utc.with_ymd_and_hms(2026, 10, 1, 8, 0, 0).unwrap()
        );
        assert_eq!(app.revision(), 7);
    }

    #[test]
    fn every_oidc_type_maps_to_the_consoles_type() {
        for (pingone, console) in [
            ("WEB_APP", ApplicationType::OidcWebApp),
            ("NATIVE_APP", ApplicationType::Native),
            ("SINGLE_PAGE_APP", ApplicationType::SinglePage),
            ("WORKER", ApplicationType::Worker),
            ("SERVICE", ApplicationType::Service),
            ("CUSTOM_APP", ApplicationType::Custom),
        ] {
            let remote = application(with(web_app(), "type", json!(pingone)));
            assert_eq!(remote.map(|remote| remote.kind), Ok(console), "{pingone}");
        }
    }

    #[test]
    fn saml_and_ws_federation_follow_the_protocol_whatever_the_type() {
        for (protocol, console) in [
            ("SAML", ApplicationType::Saml),
            ("WS_FED", ApplicationType::WsFederation),
        ] {
            for kind in [json!("WEB_APP"), json!("CUSTOM_APP"), Value::Null] {
                let mut value = with(web_app(), "protocol", json!(protocol));
                value["type"] = kind.clone();
                let remote = application(value).unwrap();
                assert_eq!(remote.kind, console, "{protocol} {kind}");
                assert!(remote.to_domain(None, 1).client_secret().is_err());
            }
        }
    }

    #[test]
    fn every_auth_method_maps_to_the_consoles_method_and_back() {
        for (pingone, console) in [
            ("NONE", TokenEndpointAuthMethod::None),
            (
                "CLIENT_SECRET_BASIC",
                TokenEndpointAuthMethod::ClientSecretBasic,
            ),
            (
                "CLIENT_SECRET_POST",
                TokenEndpointAuthMethod::ClientSecretPost,
            ),
            (
                "CLIENT_SECRET_JWT",
                TokenEndpointAuthMethod::ClientSecretJwt,
            ),
            ("PRIVATE_KEY_JWT", TokenEndpointAuthMethod::PrivateKeyJwt),
        ] {
            let value = with(web_app(), "tokenEndpointAuthMethod", json!(pingone));
            let remote = application(value).unwrap();
            assert_eq!(remote.auth_method, console, "{pingone}");
            assert_eq!(
                body(remote.with_auth_method(console))["tokenEndpointAuthMethod"],
                json!(pingone)
            );
        }
    }

    #[test]
    fn applications_the_console_does_not_manage_are_named_and_left_out_of_a_list() {
        let portal = with(web_app(), "type", json!("PING_ONE_PORTAL"));
        assert_eq!(
            application(portal.clone()),
            Err(ModelError::NotManaged {
                kind: "PING_ONE_PORTAL".into(),
                protocol: "OPENID_CONNECT".into(),
            })
        );
        let mut link = with(web_app(), "protocol", json!("EXTERNAL_LINK"));
        link.as_object_mut().unwrap().remove("type");
        let page = json!({
            "_embedded": {"applications": [portal, web_app(), link]},
            "count": 3,
        });
        let (applications, next) = page_of(page).unwrap();
        assert_eq!(applications.len(), 1);
        assert_eq!(next, None);
    }

    #[test]
    fn a_page_gives_its_applications_and_the_next_pages_address() {
        let page = json!({
            "_links": {
                "self": {"href": "https://api.pingone.eu/v1/environments/e/applications"},
                "next": {"href": "https://api.pingone.eu/v1/environments/e/applications?cursor=2"}
            },
            "_embedded": {"applications": [web_app(), with(web_app(), "id", json!("b"))]},
        });
        let (applications, next) = page_of(page).unwrap();
        let ids: Vec<&str> = applications.iter().map(RemoteApplication::id).collect();
        assert_eq!(ids, ["9a8b7c6d-1111-4222-8333-444455556666", "b"]);
        assert_eq!(
            next.as_deref(),
            Some("https://api.pingone.eu/v1/environments/e/applications?cursor=2")
        );
        assert_eq!(
            page_of(json!({"count": 0, "size": 0})),
            Ok((Vec::new(), None))
        );
        assert!(page_of(json!({"_embedded": {"applications": {}}})).is_err());
        assert!(page_of(json!([])).is_err());
    }

    #[test]
    fn an_application_without_what_the_console_needs_is_refused_naming_the_field() {
        for (field, expected) in [
            ("id", missing(APPLICATION, "id")),
            ("name", missing(APPLICATION, "name")),
            ("enabled", missing(APPLICATION, "enabled")),
            ("protocol", missing(APPLICATION, "protocol")),
            ("type", missing(APPLICATION, "type")),
            (
                "tokenEndpointAuthMethod",
                missing(APPLICATION, "tokenEndpointAuthMethod"),
            ),
            ("createdAt", missing(APPLICATION, "createdAt")),
        ] {
            let mut value = web_app();
            value.as_object_mut().unwrap().remove(field);
            assert_eq!(application(value), Err(expected), "{field}");
        }
        assert_eq!(
            application(with(web_app(), "enabled", json!("yes"))),
            Err(wrong_type(APPLICATION, "enabled", "true or false"))
        );
        assert_eq!(
            application(with(web_app(), "name", json!("   "))),
            Err(ModelError::InvalidName)
        );
        assert_eq!(
            application(with(
                web_app(),
                "tokenEndpointAuthMethod",
                json!("TLS_CLIENT_AUTH")
            ))
            .map_err(|error| error.to_string()),
            Err("PingOne's application has a token endpoint authentication method this console does not know: TLS_CLIENT_AUTH.".into())
        );
        assert_eq!(
            application(json!("an application")),
            Err(ModelError::NotAnObject {
                what: "an application"
            })
        );
    }

    #[test]
    fn a_name_with_a_direction_control_is_shown_spelled_out() {
        let value = with(web_app(), "name", json!("Mobile Banking\u{202E}gnp.exe"));
        let app = application(value).unwrap().to_domain(None, 1);
        assert_eq!(app.name().as_str(), "Mobile Banking[U+202E]gnp.exe");
    }

    #[test]
    fn an_update_body_keeps_every_attribute_but_the_read_only_ones() {
        let remote = application(web_app()).unwrap();
        let mut expected = web_app();
        for read_only in ["_links", "environment", "id", "createdAt", "updatedAt"] {
            expected.as_object_mut().unwrap().remove(read_only);
        }
        expected["name"] = json!("Payroll");
        assert_eq!(body(remote.renamed("Payroll")), expected);

        let disabled = body(remote.with_enabled(false));
        assert_eq!(disabled["enabled"], json!(false));
        assert_eq!(disabled["name"], json!("Payroll Portal"));
        assert_eq!(disabled["description"], json!("Kept on every update"));
        assert_eq!(disabled["corsSettings"], web_app()["corsSettings"]);

        let method = body(remote.with_auth_method(TokenEndpointAuthMethod::ClientSecretPost));
        assert_eq!(
            method["tokenEndpointAuthMethod"],
            json!("CLIENT_SECRET_POST")
        );
        assert_eq!(method["redirectUris"], web_app()["redirectUris"]);
        assert!(method.get("id").is_none() && method.get("_links").is_none());
    }

    #[test]
    fn attributes_the_console_has_never_heard_of_are_sent_back_unchanged() {
        let value = with(
            web_app(),
            "mobile",
            json!({"bundleId": "com.example", "integrityDetection": {"mode": "ENABLED"}}),
        );
        let remote = application(value).unwrap();
        assert_eq!(
            body(remote.with_enabled(false))["mobile"],
            json!({"bundleId": "com.example", "integrityDetection": {"mode": "ENABLED"}})
        );
    }

    #[test]
    fn a_secret_without_a_previous_one_is_read() {
        let secret = secret_of(json!({
            "environment": {"id": "e"},
            "secret": SECRET,
            "_links": {}
        }))
        .unwrap();
        assert_eq!(secret.current, SecretValue::new(SECRET.into()));
        assert_eq!(secret.previous, None);
        let app = application(web_app()).unwrap().to_domain(Some(&secret), 1);
        let current = app.client_secret().unwrap();
        assert_eq!(current.value.expose(), SECRET);
        assert_eq!(current.created_at, None, "PingOne does not say");
        assert!(app.secret_age_unknown());
    }

    #[test]
    fn a_secret_with_a_previous_one_and_its_last_use_is_read() {
        let secret = secret_of(json!({
            "secret": SECRET,
            "previous": {
                "secret": OLD_SECRET,
                "expiresAt": "2026-12-08T09:00:00.000Z",
                "lastUsed": "2026-12-01T10:00:00Z"
            }
        }))
        .unwrap();
        assert_eq!(
            secret.previous,
            Some(RemotePrevious {
                value: SecretValue::new(OLD_SECRET.into()),
                expires_at: at(8, 9),
                last_used: Some(at(1, 10)),
            })
        );
        let app = application(web_app()).unwrap().to_domain(Some(&secret), 1);
        let previous = app.previous_secret(at(2, 0)).unwrap();
        assert_eq!(previous.last_used, Some(at(1, 10)));
        assert_eq!(previous.expires_at, at(8, 9));
    }

    #[test]
    fn a_previous_secret_never_used_has_no_last_use() {
        let secret = secret_of(json!({
            "secret": SECRET,
            "previous": {"secret": OLD_SECRET, "expiresAt": "2026-12-08T09:00:00Z"}
        }))
        .unwrap();
        assert_eq!(
            secret.previous.map(|previous| previous.last_used),
            Some(None)
        );
    }

    #[test]
    fn a_damaged_secret_is_refused_without_its_value_in_the_message() {
        for value in [
            json!({"secret": 42}),
            json!({"previous": {"secret": OLD_SECRET}}),
            json!({"secret": SECRET, "previous": {"secret": OLD_SECRET}}),
            json!({"secret": SECRET, "previous": {"secret": OLD_SECRET, "expiresAt": SECRET}}),
            json!({"secret": SECRET, "previous": {"secret": OLD_SECRET, "expiresAt": "2026-12-08T09:00:00Z", "lastUsed": OLD_SECRET}}),
            json!({"secret": SECRET, "previous": OLD_SECRET}),
            json!(SECRET),
        ] {
            let error = secret_of(value.clone()).unwrap_err();
            let message = error.to_string();
            assert!(
                !message.contains(SECRET) && !message.contains(OLD_SECRET),
                "{message}"
            );
            assert!(!format!("{error:?}").contains(OLD_SECRET), "{error:?}");
        }
        assert_eq!(
            secret_of(json!({"secret": SECRET, "previous": {"secret": OLD_SECRET}}))
                .unwrap_err()
                .to_string(),
            "PingOne's previous client secret has no \"expiresAt\"."
        );
    }

    #[test]
    fn a_secrets_debug_output_never_contains_it() {
        let secret = secret_of(json!({
            "secret": SECRET,
            "previous": {"secret": OLD_SECRET, "expiresAt": "2026-12-08T09:00:00Z"}
        }))
        .unwrap();
        let debug = format!("{secret:?}");
        assert!(
            !debug.contains(SECRET) && !debug.contains(OLD_SECRET),
            "{debug}"
        );
    }

    #[test]
    fn generating_with_a_retention_sends_the_previous_secrets_expiry_in_milliseconds() {
        let expires_at = at(8, 9) + chrono::Duration::microseconds(123_456);
        assert_eq!(
            generate_secret_body(Some(expires_at)).as_deref(),
            Some(r#"{"previous":{"expiresAt":"2026-12-08T09:00:00.123Z"}}"#)
        );
        assert_eq!(generate_secret_body(None), None);
    }

    #[test]
    fn an_error_body_gives_pingones_code_message_and_details() {
        let body = json!({
            "id": "5c1d0a4e-0000-4000-8000-00000000000a",
            "code": "INVALID_DATA",
            "message": "The request could not be completed. One or more validation errors were in the request.",
            "details": [
                {"code": "INVALID_VALUE", "target": "name", "message": "Name must be unique."},
                {"code": "OUT_OF_RANGE", "target": "previous.expiresAt", "message": "Expiry must be at most 30 days ahead."}
            ]
        })
        .to_string();
        let error = error_from_response(
            400,
            &body,
            Some("c0ffee00-1111-4222-8333-444455556666".into()),
        );
        assert_eq!(
            error,
            PingOneError {
                status: 400,
                code: Some("INVALID_DATA".into()),
                message: "The request could not be completed. One or more validation errors were in the request.".into(),
                details: vec![
                    "Name must be unique.".into(),
                    "Expiry must be at most 30 days ahead.".into()
                ],
                correlation_id: Some("c0ffee00-1111-4222-8333-444455556666".into()),
            }
        );
        assert_eq!(
            error.to_string(),
            "The request could not be completed. One or more validation errors were in the request. Name must be unique. Expiry must be at most 30 days ahead."
        );
    }

    #[test]
    fn an_error_without_a_body_says_what_its_status_means() {
        let error = error_from_response(403, "", None);
        assert_eq!(error.code, None);
        assert!(error.details.is_empty());
        assert_eq!(
            error.to_string(),
            "PingOne refused: the signed-on administrator is not permitted to do this (HTTP 403)."
        );
        for (status, start) in [
            (401, "PingOne no longer accepts the sign-on"),
            (404, "PingOne did not find it"),
            (429, "PingOne is limiting requests"),
            (503, "PingOne could not answer (HTTP 503)"),
            (418, "PingOne answered with HTTP 418"),
        ] {
            assert!(
                error_from_response(status, "", None)
                    .message
                    .starts_with(start),
                "{status}"
            );
        }
    }

    #[test]
    fn a_body_that_is_not_json_is_never_shown() {
        let page =
            "<html><body>Bad gateway: upstream said Authorization: Bearer eyJhbGciOi</body></html>";
        let error = error_from_response(502, page, Some("abc".into()));
        assert_eq!(error.message, "PingOne could not answer (HTTP 502).");
        assert_eq!(error.code, None);
        assert_eq!(error.correlation_id.as_deref(), Some("abc"));
        let error = error_from_response(400, r#"{"message": 42, "details": "x"}"#, None);
        assert_eq!(
            error.message,
            "PingOne refused the request as invalid (HTTP 400)."
        );
        assert!(error.details.is_empty());
    }

    #[test]
    fn a_secret_or_token_in_pingones_message_is_hidden() {
        let token = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImRlZmF1bHQifQ.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLXRoYXQtaXMtbG9uZw";
        let body = json!({
            "code": "INVALID_VALUE",
            "message": format!("Secret {SECRET} is not valid for token {token}."),
            "details": [{"message": format!("Previous {OLD_SECRET} expired; application 9a8b7c6d-1111-4222-8333-444455556666.")}]
        })
        .to_string();
        let text = error_from_response(400, &body, None).to_string();
        for hidden in [SECRET, OLD_SECRET, token, "eyJzdWIiOiJhZG1pbiJ9"] {
            assert!(!text.contains(hidden), "{text}");
        }
        assert_eq!(
            text,
            "Secret [hidden] is not valid for token [hidden]. Previous [hidden] expired; application 9a8b7c6d-1111-4222-8333-444455556666."
        );
    }

    #[test]
    fn a_long_or_direction_changing_message_is_tamed() {
        let body =
            json!({"message": format!("{} \u{202E}gnp.exe", "word ".repeat(200))}).to_string();
        let message = error_from_response(400, &body, None).message;
        assert_eq!(message.chars().count(), MAX_MESSAGE_CHARS + 1);
        assert!(message.ends_with('…'));
        let body = json!({"message": "Bad\u{202E}gnp.exe"}).to_string();
        assert_eq!(
            error_from_response(400, &body, None).message,
            "Bad[U+202E]gnp.exe"
        );
    }
}
