//! The export file's shape, version 2, written and read field by field (see README.md,
//! "Export and import file format"). Names are spelled out and times are RFC 3339 so that an
//! administrator can read and review a file; the stored records stay compact.
//!
//! Version 2 adds each entry's `fingerprint`: what the entry said when it was exported. A file
//! edited by hand keeps its revisions, so only the fingerprint tells an edit of the file from a
//! change made in a console since (version 1 files, without it, are still read).

use chrono::{DateTime, Datelike, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{Application, ApplicationType, TokenEndpointAuthMethod};

/// The value of the envelope's `format` field: what tells this file from any other JSON.
pub const FORMAT_NAME: &str = "client-secret-console.applications";
/// The envelope version this build writes and the newest it reads.
pub const FORMAT_VERSION: u64 = 2;

/// The envelope as written. Reading goes through `validate`, which is lenient about nothing.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Envelope<'a> {
    format: &'static str,
    version: u64,
    exported_at: String,
    includes_secrets: bool,
    applications: Vec<FileApplication<'a>>,
}

/// One application in the file. Shared by writing and reading, so the two cannot drift.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct FileApplication<'a> {
    #[serde(borrow)]
    pub client_id: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    pub name: std::borrow::Cow<'a, str>,
    #[serde(rename = "type", borrow)]
    pub kind: std::borrow::Cow<'a, str>,
    pub enabled: bool,
    /// Only for OIDC applications: the others have no token endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none", borrow)]
    pub token_endpoint_auth_method: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow)]
    pub created_at: std::borrow::Cow<'a, str>,
    pub revision: u64,
    /// Present only in a file exported with secrets, for an application that has one.
    #[serde(default, skip_serializing_if = "Option::is_none", borrow)]
    pub client_secret: Option<FileSecret<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none", borrow)]
    pub previous_client_secret: Option<FilePreviousSecret<'a>>,
    /// What the entry said when exported (`fingerprint_of`); absent in version 1 files.
    #[serde(default, skip_serializing_if = "Option::is_none", borrow)]
    pub fingerprint: Option<std::borrow::Cow<'a, str>>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct FileSecret<'a> {
    #[serde(borrow)]
    pub value: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    pub created_at: std::borrow::Cow<'a, str>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct FilePreviousSecret<'a> {
    #[serde(borrow)]
    pub value: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    pub expires_at: std::borrow::Cow<'a, str>,
}

/// The file's names for the application types, stable whatever the UI calls them.
pub(super) const TYPE_NAMES: [(ApplicationType, &str); 6] = [
    (ApplicationType::OidcWebApp, "oidc-web-app"),
    (ApplicationType::Native, "native"),
    (ApplicationType::SinglePage, "single-page"),
    (ApplicationType::Worker, "worker"),
    (ApplicationType::Saml, "saml"),
    (ApplicationType::WsFederation, "ws-federation"),
];

/// The OpenID Connect Dynamic Client Registration names of the methods.
pub(super) const AUTH_METHOD_NAMES: [(TokenEndpointAuthMethod, &str); 4] = [
    (
        TokenEndpointAuthMethod::ClientSecretBasic,
        "client_secret_basic",
    ),
    (
        TokenEndpointAuthMethod::ClientSecretPost,
        "client_secret_post",
    ),
    (
        TokenEndpointAuthMethod::ClientSecretJwt,
        "client_secret_jwt",
    ),
    (TokenEndpointAuthMethod::None, "none"),
];

fn name_of<T: PartialEq + Copy>(names: &[(T, &'static str)], value: T) -> &'static str {
    names
        .iter()
        .find(|(candidate, _)| *candidate == value)
        .map_or("", |(_, name)| name)
}

pub(super) fn timestamp(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// The export of `applications`, pretty-printed. Without `include_secrets` no secret value is
/// in it; an expired previous secret is never in it (it no longer exists).
pub fn export_json(
    applications: &[Application],
    include_secrets: bool,
    now: DateTime<Utc>,
) -> String {
    let applications = applications
        .iter()
        .map(|application| {
            let mut entry = file_application(application, include_secrets, now);
            entry.fingerprint = Some(fingerprint_of(&entry).into());
            entry
        })
        .collect();
    let envelope = Envelope {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        exported_at: timestamp(now),
        includes_secrets: include_secrets,
        applications,
    };
    // Strings, numbers and booleans always serialise; an empty text would be refused on import.
    serde_json::to_string_pretty(&envelope).unwrap_or_default()
}

/// The entry an export writes for `application`, without its fingerprint.
fn file_application(
    application: &Application,
    include_secrets: bool,
    now: DateTime<Utc>,
) -> FileApplication<'_> {
    // The format gives every secret a creation time: one whose age is unknown (only a PingOne
    // application's, never exported) is left out with its previous secret, as without secrets.
    let secret = application
        .client_secret()
        .ok()
        .filter(|_| include_secrets)
        .and_then(|secret| Some((&secret.value, secret.created_at?)));
    FileApplication {
        client_id: application.client_id.as_str().into(),
        // As stored: an export changes nothing, and an import refuses what Add would refuse.
        name: application.name().stored_text().into(),
        kind: name_of(&TYPE_NAMES, application.kind).into(),
        enabled: application.enabled(),
        token_endpoint_auth_method: application
            .kind
            .is_oidc()
            .then(|| name_of(&AUTH_METHOD_NAMES, application.auth_method()).into()),
        created_at: timestamp(application.created_at).into(),
        revision: application.revision(),
        client_secret: secret.map(|(value, created_at)| FileSecret {
            value: value.expose().into(),
            created_at: timestamp(created_at).into(),
        }),
        previous_client_secret: application
            .previous_secret(now)
            .filter(|_| secret.is_some())
            .map(|previous| FilePreviousSecret {
                value: previous.value.expose().into(),
                expires_at: timestamp(previous.expires_at).into(),
            }),
        fingerprint: None,
    }
}

/// A hash (64-bit FNV-1a, as 16 hex digits) of an entry's fields as written, each length-prefixed
/// so no two entries run together. Not a signature: whoever edits a file can recompute it; it
/// only tells an entry edited after export from one as exported. The previous secret is left
/// out, since it can expire (and leave the export) with no change to the application; a file
/// without secrets has none to hash.
pub(super) fn fingerprint_of(entry: &FileApplication) -> String {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let revision = entry.revision.to_string();
    let secret = entry.client_secret.as_ref();
    let fields = [
        Some(&*entry.client_id),
        Some(&*entry.name),
        Some(&*entry.kind),
        Some(if entry.enabled { "true" } else { "false" }),
        entry.token_endpoint_auth_method.as_deref(),
        Some(&*entry.created_at),
        Some(revision.as_str()),
        secret.map(|secret| &*secret.value),
        secret.map(|secret| &*secret.created_at),
    ];
    let mut hash = OFFSET_BASIS;
    for field in fields {
        let (length, bytes) = field.map_or((u64::MAX, &[][..]), |text| {
            (text.len() as u64, text.as_bytes())
        });
        for byte in length.to_le_bytes().iter().chain(bytes) {
            hash = (hash ^ u64::from(*byte)).wrapping_mul(PRIME);
        }
    }
    format!("{hash:016x}")
}

/// Whether `application` is still what an export recorded as `fingerprint`, with or without
/// secrets (an entry's own fields say which, and an edit may have removed its secret).
pub(super) fn still_as_exported(
    application: &Application,
    fingerprint: &str,
    now: DateTime<Utc>,
) -> bool {
    [true, false].into_iter().any(|include_secrets| {
        fingerprint_of(&file_application(application, include_secrets, now)) == fingerprint
    })
}

/// `client-secret-console-YYYY-MM-DD.json`, by the UTC date of `now`. Written out rather than
/// with chrono's `format("%Y-%m-%d")`, whose strftime parser and formatter cost ~8 KB of wasm.
pub fn export_file_name(now: DateTime<Utc>) -> String {
    format!(
        "client-secret-console-{:04}-{:02}-{:02}.json",
        now.year(),
        now.month(),
        now.day()
    )
}
