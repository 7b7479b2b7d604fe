//! Reading an import file: the envelope, then every application by the rules the UI applies
//! (names, types, auth methods, secrets, times). A problem with the file as a whole refuses it;
//! a problem with one application marks that entry invalid, with the reason, and the rest of
//! the file is still previewed.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::format::{
    AUTH_METHOD_NAMES, FORMAT_NAME, FORMAT_VERSION, FileApplication, FilePreviousSecret,
    FileSecret, TYPE_NAMES, fingerprint_of,
};
use crate::domain::{
    ApplicationName, ApplicationType, ClientId, ClientSecret, MAX_RETENTION_DAYS, PreviousSecret,
    SecretValue, TokenEndpointAuthMethod, direction_controls_spelled_out,
};
use crate::random::{SECRET_ALPHABET, SECRET_LENGTH};

/// Files larger than this are refused before they are read: 10,000 applications with both
/// secrets take about 5 MB, so 20 MB leaves room while keeping a stray video out of memory.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
/// Longer values are not secrets this console could have written or would accept by hand.
const MAX_SECRET_LENGTH: usize = 512;
const MAX_CLIENT_ID_LENGTH: usize = 128;

/// Why a file cannot be imported at all, in words for the administrator: the parser's own
/// message (such as "EOF while parsing a value at line 1 column 0") is not shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportFileError {
    #[error(
        "This file is {bytes} bytes; files larger than {MAX_FILE_BYTES} bytes (20 MB) are not read."
    )]
    TooLarge { bytes: u64 },
    #[error("This file is empty. Choose a file exported by Client Secret Console.")]
    Empty,
    #[error(
        "This file is not JSON{near}, so it cannot be an export. Choose a file exported by Client Secret Console."
    )]
    NotJson {
        /// " (it stops making sense near line 12)" for a file of several lines, else empty.
        near: String,
    },
    #[error(
        "This file is not an export of Client Secret Console applications. Choose a file made with Export."
    )]
    NotAnExport,
    #[error(
        "This file was exported by a newer version of the console (format version {found}; this version reads up to {FORMAT_VERSION}). Nothing was imported."
    )]
    NewerVersion { found: u64 },
}

/// The secrets an entry brings, if the file holds any for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportedSecrets {
    /// The file was exported with secrets: exactly these (the previous one only while valid).
    Included {
        current: ClientSecret,
        previous: Option<PreviousSecret>,
    },
    /// No secret in the file for an application that uses one.
    Absent,
    /// The application uses no client secret (not OIDC, or auth method None).
    NotApplicable,
}

/// A valid application from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedApplication {
    pub client_id: ClientId,
    pub name: ApplicationName,
    pub kind: ApplicationType,
    pub enabled: bool,
    pub auth_method: TokenEndpointAuthMethod,
    pub created_at: DateTime<Utc>,
    pub revision: u64,
    pub secrets: ImportedSecrets,
    /// The file held a previous secret that had expired by the time it was read.
    pub dropped_expired_previous: bool,
    /// The fingerprint the entry was exported with, kept only when the entry no longer matches
    /// it: it was edited after export (by hand, most likely).
    pub edited_after_export: Option<String>,
}

/// One entry of the file's `applications`, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileEntry {
    Valid(ImportedApplication),
    Invalid {
        /// As much of the entry as could be read, to name it in the preview.
        client_id: Option<String>,
        name: Option<String>,
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportFile {
    pub entries: Vec<FileEntry>,
}

/// Refuses a file by its size alone, before any of it is read.
pub fn check_file_size(bytes: u64) -> Result<(), ImportFileError> {
    if bytes > MAX_FILE_BYTES {
        return Err(ImportFileError::TooLarge { bytes });
    }
    Ok(())
}

#[derive(Deserialize)]
struct EnvelopeIn<'a> {
    format: Option<String>,
    version: Option<u64>,
    #[serde(borrow)]
    applications: Option<Vec<&'a RawValue>>,
}

/// Reads and validates a whole file; `now` decides which previous secrets have expired.
pub fn parse_import_file(text: &str, now: DateTime<Utc>) -> Result<ImportFile, ImportFileError> {
    check_file_size(text.len() as u64)?;
    if text.trim().is_empty() {
        return Err(ImportFileError::Empty);
    }
    let envelope: EnvelopeIn = serde_json::from_str(text).map_err(|error| {
        if error.is_syntax() || error.is_eof() {
            let several_lines = text.trim_end().contains('\n');
            ImportFileError::NotJson {
                near: if several_lines {
                    format!(" (it stops making sense near line {})", error.line())
                } else {
                    String::new()
                },
            }
        } else {
            ImportFileError::NotAnExport
        }
    })?;
    if envelope.format.as_deref() != Some(FORMAT_NAME) {
        return Err(ImportFileError::NotAnExport);
    }
    match envelope.version {
        Some(found) if found > FORMAT_VERSION => {
            return Err(ImportFileError::NewerVersion { found });
        }
        Some(1..) => {}
        _ => return Err(ImportFileError::NotAnExport),
    }
    let applications = envelope.applications.ok_or(ImportFileError::NotAnExport)?;
    let mut entries: Vec<FileEntry> = applications
        .iter()
        .map(|raw| read_entry(raw, now))
        .collect();
    mark_duplicate_client_ids(&mut entries);
    Ok(ImportFile { entries })
}

fn read_entry(raw: &RawValue, now: DateTime<Utc>) -> FileEntry {
    let invalid = |reason: String| {
        // Whatever identifies the entry, read leniently so an invalid one can still be named:
        // the entry's fields as raw JSON (the reader storage also uses), then the two strings.
        let fields =
            serde_json::from_str::<BTreeMap<String, Box<RawValue>>>(raw.get()).unwrap_or_default();
        // Shown in the preview, so spelled out: a refused name must not reorder it either.
        let label = |field: &str| {
            fields
                .get(field)
                .and_then(|raw| serde_json::from_str::<String>(raw.get()).ok())
                .map(|text| direction_controls_spelled_out(&text).into_owned())
        };
        FileEntry::Invalid {
            client_id: label("clientId"),
            name: label("name"),
            reason,
        }
    };
    match serde_json::from_str::<FileApplication>(raw.get()) {
        Ok(entry) => match validate_entry(&entry, now) {
            Ok(application) => FileEntry::Valid(application),
            Err(reason) => invalid(reason),
        },
        Err(_) => invalid(unreadable_entry_reason(raw)),
    }
}

/// Every field an entry may have, and the ones it must have.
const ENTRY_FIELDS: [&str; 10] = [
    "clientId",
    "name",
    "type",
    "enabled",
    "tokenEndpointAuthMethod",
    "createdAt",
    "revision",
    "clientSecret",
    "previousClientSecret",
    "fingerprint",
];
const REQUIRED_ENTRY_FIELDS: [&str; 6] = [
    "clientId",
    "name",
    "type",
    "enabled",
    "createdAt",
    "revision",
];

/// Why an entry cannot be read as an application at all, said in words rather than with the
/// parser's message ("invalid type: string \"yes\", expected a boolean at line 1 column 60").
fn unreadable_entry_reason(raw: &RawValue) -> String {
    let Ok(fields) = serde_json::from_str::<BTreeMap<String, Box<RawValue>>>(raw.get()) else {
        return "The entry is not an application: it should be a set of fields such as \"clientId\" and \"name\" in braces.".into();
    };
    if let Some(unknown) = fields
        .keys()
        .find(|field| !ENTRY_FIELDS.contains(&field.as_str()))
    {
        return format!("The entry has a field this console does not know: \"{unknown}\".");
    }
    if let Some(missing) = REQUIRED_ENTRY_FIELDS
        .iter()
        .find(|field| !fields.contains_key(**field))
    {
        return format!("The entry has no \"{missing}\".");
    }
    let misfit = fields.iter().find_map(|(field, value)| {
        let text = value.get();
        let optional = !REQUIRED_ENTRY_FIELDS.contains(&field.as_str());
        let (fits, expected) = match field.as_str() {
            "enabled" => (serde_json::from_str::<bool>(text).is_ok(), "true or false"),
            "revision" => (
                serde_json::from_str::<u64>(text).is_ok(),
                "a whole number of 1 or more",
            ),
            "clientSecret" => (
                serde_json::from_str::<Option<FileSecret>>(text).is_ok(),
                "a \"value\" and a \"createdAt\" in braces",
            ),
            "previousClientSecret" => (
                serde_json::from_str::<Option<FilePreviousSecret>>(text).is_ok(),
                "a \"value\" and an \"expiresAt\" in braces",
            ),
            _ if optional => (
                serde_json::from_str::<Option<String>>(text).is_ok(),
                "text in quotes",
            ),
            _ => (
                serde_json::from_str::<String>(text).is_ok(),
                "text in quotes",
            ),
        };
        (!fits).then(|| format!("The \"{field}\" must be {expected}."))
    });
    misfit.unwrap_or_else(|| "The entry cannot be read as an application.".into())
}

fn validate_entry(
    entry: &FileApplication,
    now: DateTime<Utc>,
) -> Result<ImportedApplication, String> {
    let client_id = parse_client_id(&entry.client_id)?;
    let name = ApplicationName::parse(&entry.name).map_err(|error| error.to_string())?;
    let kind = parse_named(&TYPE_NAMES, &entry.kind, "type")?;
    let auth_method = match (&entry.token_endpoint_auth_method, kind.is_oidc()) {
        (Some(method), true) => parse_named(&AUTH_METHOD_NAMES, method, "tokenEndpointAuthMethod")?,
        (None, true) => return Err("An OIDC application needs a tokenEndpointAuthMethod.".into()),
        (Some(_), false) => {
            return Err(format!(
                "A {} has no token endpoint, so it cannot have a tokenEndpointAuthMethod.",
                kind.label()
            ));
        }
        (None, false) => kind.default_auth_method(),
    };
    let created_at = parse_time(&entry.created_at, "createdAt")?;
    if entry.revision == 0 {
        return Err("The revision must be 1 or more.".into());
    }
    let uses_secret = kind.is_oidc() && auth_method.uses_secret();
    let (secrets, dropped_expired_previous) = match (&entry.client_secret, uses_secret) {
        (Some(_), false) if !kind.is_oidc() => {
            return Err("Client secrets apply only to OIDC-based applications.".into());
        }
        (Some(_), false) => {
            return Err(
                "An application with token endpoint auth method none has no client secret.".into(),
            );
        }
        (None, _) if entry.previous_client_secret.is_some() => {
            return Err("A previous client secret needs a current client secret.".into());
        }
        (None, false) => (ImportedSecrets::NotApplicable, false),
        (None, true) => (ImportedSecrets::Absent, false),
        (Some(current), true) => {
            let (current, current_created_at) = parse_current_secret(current, created_at)?;
            let previous = entry
                .previous_client_secret
                .as_ref()
                .map(|previous| parse_previous_secret(previous, &current, current_created_at))
                .transpose()?;
            let dropped = previous
                .as_ref()
                .is_some_and(|previous| !previous.is_valid_at(now));
            let previous = previous.filter(|previous| previous.is_valid_at(now));
            (ImportedSecrets::Included { current, previous }, dropped)
        }
    };
    let edited_after_export = entry
        .fingerprint
        .as_deref()
        .filter(|&exported| exported != fingerprint_of(entry))
        .map(str::to_owned);
    Ok(ImportedApplication {
        edited_after_export,
        client_id,
        name,
        kind,
        enabled: entry.enabled,
        auth_method,
        created_at,
        revision: entry.revision,
        secrets,
        dropped_expired_previous,
    })
}

/// A client ID is a storage key and a URL segment: URL-unreserved characters only.
fn parse_client_id(text: &str) -> Result<ClientId, String> {
    let well_formed = !text.is_empty()
        && text.len() <= MAX_CLIENT_ID_LENGTH
        && text.bytes().all(|byte| SECRET_ALPHABET.contains(&byte));
    if !well_formed {
        return Err(format!(
            "The client ID must be 1 to {MAX_CLIENT_ID_LENGTH} characters from A-Z a-z 0-9 - . _ ~."
        ));
    }
    Ok(ClientId::new(text))
}

fn parse_named<T: Copy>(names: &[(T, &str)], text: &str, field: &str) -> Result<T, String> {
    names
        .iter()
        .find(|(_, name)| *name == text)
        .map(|(value, _)| *value)
        .ok_or_else(|| {
            let expected: Vec<&str> = names.iter().map(|(_, name)| *name).collect();
            format!("The {field} must be one of {}.", expected.join(", "))
        })
}

fn parse_time(text: &str, field: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|_| format!("The {field} must be an RFC 3339 time such as 2026-12-01T09:30:00Z."))
}

/// The rules `random.rs` generates by: at least 64 URL-unreserved characters.
fn parse_secret_value(text: &str, which: &str) -> Result<SecretValue, String> {
    let length = text.chars().count();
    if !(SECRET_LENGTH..=MAX_SECRET_LENGTH).contains(&length) {
        return Err(format!(
            "The {which} must be {SECRET_LENGTH} to {MAX_SECRET_LENGTH} characters long; this one has {length}."
        ));
    }
    if !text.bytes().all(|byte| SECRET_ALPHABET.contains(&byte)) {
        return Err(format!(
            "The {which} may contain only the characters A-Z a-z 0-9 - . _ ~."
        ));
    }
    Ok(SecretValue::new(text.to_owned()))
}

/// The current secret and its creation time, which a file always gives.
fn parse_current_secret(
    secret: &FileSecret,
    app_created_at: DateTime<Utc>,
) -> Result<(ClientSecret, DateTime<Utc>), String> {
    let value = parse_secret_value(&secret.value, "client secret")?;
    let created_at = parse_time(&secret.created_at, "clientSecret.createdAt")?;
    if created_at < app_created_at {
        return Err("The client secret cannot be older than the application.".into());
    }
    let secret = ClientSecret {
        value,
        created_at: Some(created_at),
    };
    Ok((secret, created_at))
}

/// A previous secret exists from the rotation that replaced it (the current secret's creation)
/// for at most the longest retention.
fn parse_previous_secret(
    previous: &FilePreviousSecret,
    current: &ClientSecret,
    current_created_at: DateTime<Utc>,
) -> Result<PreviousSecret, String> {
    let value = parse_secret_value(&previous.value, "previous client secret")?;
    let expires_at = parse_time(&previous.expires_at, "previousClientSecret.expiresAt")?;
    if value == current.value {
        return Err("The previous client secret is the same as the current one.".into());
    }
    if expires_at <= current_created_at
        || expires_at > current_created_at + Duration::days(i64::from(MAX_RETENTION_DAYS))
    {
        return Err(format!(
            "The previous client secret must expire after the current one was created and at most {MAX_RETENTION_DAYS} days after."
        ));
    }
    Ok(PreviousSecret {
        value,
        expires_at,
        last_used: None,
    })
}

/// Every entry sharing a client ID with another is invalid: which one is meant cannot be told.
fn mark_duplicate_client_ids(entries: &mut [FileEntry]) {
    let mut counts: HashMap<ClientId, usize> = HashMap::new();
    for entry in entries.iter() {
        if let FileEntry::Valid(application) = entry {
            *counts.entry(application.client_id.clone()).or_default() += 1;
        }
    }
    for entry in entries.iter_mut() {
        let FileEntry::Valid(application) = entry else {
            continue;
        };
        let count = counts.get(&application.client_id).copied().unwrap_or(1);
        if count > 1 {
            *entry = FileEntry::Invalid {
                client_id: Some(application.client_id.to_string()),
                name: Some(application.name.as_str().to_owned()),
                reason: format!("The client ID appears {count} times in the file."),
            };
        }
    }
}
