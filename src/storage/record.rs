//! The stored form of one application, and the only code that knows it.
//!
//! A record is compact JSON (short keys, millisecond timestamps) because 10,000 applications
//! must fit the origin's localStorage quota. Every record names its `schema` under that exact
//! key in every version, so any build can tell a newer record from a damaged one: a newer one is
//! refused, never rewritten, and an older tab cannot destroy data a newer version wrote.
//!
//! Older schemas are read through a migration into the domain and rewritten in the current
//! schema only when the application next changes (reading never writes). Fields a schema does
//! not define are carried through every rewrite, whatever schema they were found in: a field a
//! later minor version added is never dropped by this one.
//!
//! Schema history:
//! - 1: `{"schema":1,"rev","name","type","enabled","auth","created","secret":{"value","created"},
//!   "previous":{"value","expires"}}`.
//! - 2 (current): the same facts in ~60 fewer bytes for an application with both secrets:
//!   `{"schema":2,"rev","name","type","on","auth","at","s":[value,created],"p":[value,expires]}`.
//!   `created` is `null` for a secret whose creation time is unknown; this browser never writes
//!   one (every secret it makes has a time, and a PingOne application's is never stored here),
//!   and a build that predates unknown ages reports such a record rather than rewriting it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use serde_json::value::RawValue;

use super::settings::SETTINGS_SCHEMA;

use crate::domain::{
    Application, ApplicationName, ApplicationType, ClientId, ClientSecret, PreviousSecret,
    SecretValue, TokenEndpointAuthMethod,
};

/// The record schema this build writes.
pub const CURRENT_SCHEMA: u64 = 2;

/// Why a stored record could not be used. The message says what the user should know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordProblem {
    #[error("its data is not valid JSON ({0})")]
    InvalidJson(String),
    #[error("its data does not have the expected shape ({0})")]
    WrongShape(String),
    #[error(
        "it was written by a newer version of the console (schema {found}, this version reads up to {CURRENT_SCHEMA})"
    )]
    NewerSchema { found: u64 },
    #[error("the index lists it but its record is missing")]
    MissingRecord,
    #[error("its record exists but the index does not list it")]
    NotInIndex,
    #[error("the list of applications (index) is unreadable ({0})")]
    UnreadableIndex(String),
    /// Part of the activity log, not an application's record.
    #[error(transparent)]
    Activity(#[from] super::activity::ActivityProblem),
    #[error(
        "the console settings were written by a newer version of the console (settings schema {found}, this version reads up to {SETTINGS_SCHEMA})"
    )]
    NewerSettings { found: u64 },
}

/// Schema 2, the current one. Fields it does not define are ignored when reading (which keeps
/// the first load of 10,000 records fast) and recovered from the stored text when writing.
mod current {
    use super::*;

    pub const FIELDS: &[&str] = &[
        "schema", "rev", "name", "type", "on", "auth", "at", "s", "p",
    ];

    /// A previous secret as `[value, milliseconds]`.
    #[derive(Serialize, Deserialize)]
    pub struct TimedSecret(
        pub SecretValue,
        #[serde(with = "chrono::serde::ts_milliseconds")] pub DateTime<Utc>,
    );

    /// The current secret as `[value, milliseconds]`, or `[value, null]` when its creation time
    /// is unknown.
    #[derive(Serialize, Deserialize)]
    pub struct CurrentSecret(
        pub SecretValue,
        #[serde(with = "chrono::serde::ts_milliseconds_option")] pub Option<DateTime<Utc>>,
    );

    #[derive(Serialize, Deserialize)]
    pub struct Record {
        pub schema: u64,
        pub rev: u64,
        pub name: ApplicationName,
        #[serde(rename = "type")]
        pub kind: ApplicationType,
        pub on: bool,
        pub auth: TokenEndpointAuthMethod,
        #[serde(with = "chrono::serde::ts_milliseconds")]
        pub at: DateTime<Utc>,
        /// The current secret and when it was created.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub s: Option<CurrentSecret>,
        /// The previous secret and when it expires.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub p: Option<TimedSecret>,
    }

    impl Record {
        pub fn of(application: &Application) -> Record {
            Record {
                schema: 2,
                rev: application.revision(),
                name: application.name().clone(),
                kind: application.kind,
                on: application.enabled(),
                auth: application.auth_method(),
                at: application.created_at,
                s: application
                    .client_secret()
                    .ok()
                    .map(|secret| CurrentSecret(secret.value.clone(), secret.created_at)),
                p: application
                    .stored_previous_secret()
                    .map(|previous| TimedSecret(previous.value.clone(), previous.expires_at)),
            }
        }

        pub fn into_application(self, client_id: &ClientId) -> Application {
            Application::restore(
                client_id.clone(),
                self.name,
                self.kind,
                self.on,
                self.auth,
                self.at,
                self.rev,
                self.s
                    .map(|CurrentSecret(value, created_at)| ClientSecret { value, created_at }),
                self.p.map(|TimedSecret(value, expires_at)| PreviousSecret {
                    value,
                    expires_at,
                    last_used: None,
                }),
            )
        }
    }
}

/// Schema 1, as the first version wrote it; read and migrated, never written.
mod v1 {
    use super::*;

    pub const FIELDS: &[&str] = &[
        "schema", "rev", "name", "type", "enabled", "auth", "created", "secret", "previous",
    ];

    /// Schema 1 to 2 is a renaming: every fact carries over unchanged, so a schema 1 record is
    /// rewritten as schema 2 text, field by raw field, and read by the one current decoder
    /// (a second derived reader for a shape only old data has cost ~3 KB of wasm).
    pub fn as_current_text(fields: &Fields) -> Result<String, RecordProblem> {
        let field = |fields: &Fields, name: &str| {
            fields
                .get(name)
                .map(|raw| raw.get().to_owned())
                .ok_or_else(|| RecordProblem::WrongShape(format!("missing field `{name}`")))
        };
        let timed = |name: &str, time: &str| -> Result<Option<String>, RecordProblem> {
            let Some(raw) = fields.get(name).filter(|raw| raw.get() != "null") else {
                return Ok(None);
            };
            let secret = raw_fields(raw.get())
                .map_err(|error| RecordProblem::WrongShape(format!("`{name}`: {error}")))?;
            Ok(Some(format!(
                "[{},{}]",
                field(&secret, "value")?,
                field(&secret, time)?
            )))
        };
        let mut text = format!(
            "{{\"schema\":2,\"rev\":{},\"name\":{},\"type\":{},\"on\":{},\"auth\":{},\"at\":{}",
            field(fields, "rev")?,
            field(fields, "name")?,
            field(fields, "type")?,
            field(fields, "enabled")?,
            field(fields, "auth")?,
            field(fields, "created")?,
        );
        for (key, secret) in [
            ("s", timed("secret", "created")?),
            ("p", timed("previous", "expires")?),
        ] {
            if let Some(secret) = secret {
                text.push_str(&format!(",\"{key}\":{secret}"));
            }
        }
        text.push('}');
        Ok(text)
    }
}

/// A stored JSON object's fields by name, each kept as its raw text.
pub(super) type Fields = BTreeMap<String, Box<RawValue>>;

/// The fields of a stored JSON object; one reader shared by records, the activity log and the
/// settings for everything off the happy path (the schema, carried fields, old schemas).
pub(super) fn raw_fields(text: &str) -> serde_json::Result<Fields> {
    serde_json::from_str(text)
}

/// The `schema` a stored object names, when it names one as a whole number: how any build
/// tells a newer version's data from damaged data.
pub(super) fn named_schema(fields: &Fields) -> Option<u64> {
    fields.get("schema")?.get().parse().ok()
}

/// Decodes a record's text, of the current or any older schema, into an application.
pub fn decode(client_id: &ClientId, text: &str) -> Result<Application, RecordProblem> {
    Ok(read_current(text)?.into_application(client_id))
}

/// Encodes `application` in the current schema, carrying over every field of `existing_text`
/// that its own schema does not define.
pub fn encode(application: &Application, existing_text: Option<&str>) -> String {
    // Serialising strings, numbers and booleans cannot fail; an empty object would be refused on read.
    let known = serde_json::to_string(&current::Record::of(application))
        .unwrap_or_else(|_| String::from("{}"));
    let carried = existing_text.map(undefined_fields).unwrap_or_default();
    with_carried_fields(known, carried)
}

/// Appends `carried` to the JSON object `known`, after its own fields, so the schema stays
/// first and no known field is shadowed.
pub(super) fn with_carried_fields(known: String, carried: Vec<(String, Box<RawValue>)>) -> String {
    if carried.is_empty() {
        return known;
    }
    let mut text = known;
    text.pop();
    for (key, value) in carried {
        text.push(',');
        text.push_str(&serde_json::to_string(&key).unwrap_or_default());
        text.push(':');
        text.push_str(value.get());
    }
    text.push('}');
    text
}

/// Parses as the current schema on the happy path; only a record that fails that is looked at
/// again, to migrate it or to say why it cannot be used.
fn read_current(text: &str) -> Result<current::Record, RecordProblem> {
    let error = match serde_json::from_str::<current::Record>(text) {
        Ok(record) if record.schema == CURRENT_SCHEMA => return Ok(record),
        Ok(_) => None,
        Err(error) if error.is_syntax() || error.is_eof() => {
            return Err(RecordProblem::InvalidJson(error.to_string()));
        }
        Err(error) => Some(error.to_string()),
    };
    let fields = raw_fields(text).unwrap_or_default();
    match named_schema(&fields) {
        Some(1) => v1::as_current_text(&fields).and_then(|migrated| {
            serde_json::from_str::<current::Record>(&migrated)
                .map_err(|error| RecordProblem::WrongShape(error.to_string()))
        }),
        Some(found) if found > CURRENT_SCHEMA => Err(RecordProblem::NewerSchema { found }),
        Some(CURRENT_SCHEMA) => Err(RecordProblem::WrongShape(error.unwrap_or_default())),
        Some(found) => Err(RecordProblem::WrongShape(format!("unknown schema {found}"))),
        None => Err(RecordProblem::WrongShape(
            error.unwrap_or_else(|| "no schema".into()),
        )),
    }
}

/// The fields of a stored record that its schema does not define, by name. One whose name the
/// current schema has since taken cannot be kept beside it and is dropped.
fn undefined_fields(text: &str) -> Vec<(String, Box<RawValue>)> {
    let Ok(fields) = raw_fields(text) else {
        return Vec::new();
    };
    let defined = match named_schema(&fields) {
        Some(1) => v1::FIELDS,
        _ => current::FIELDS,
    };
    fields
        .into_iter()
        .filter(|(key, _)| {
            !defined.contains(&key.as_str()) && !current::FIELDS.contains(&key.as_str())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Retention;
    use chrono::TimeZone;
    use serde_json::{Map, Value};
    use std::convert::Infallible;

    fn sample() -> Application {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap();
        let mut app = Application::create(
            ClientId::new("id-1"),
            ApplicationName::parse("Portal \"<b>\"").unwrap(),
            ApplicationType::OidcWebApp,
            now,
            || Ok::<_, Infallible>(SecretValue::new("a".repeat(64))),
        )
        .unwrap();
        app.rotate_secret(SecretValue::new("b".repeat(64)), Retention::SevenDays, now)
            .unwrap();
        app
    }

    #[test]
    fn a_record_round_trips_every_field() {
        let app = sample();
        let text = encode(&app, None);
        assert_eq!(decode(&app.client_id, &text), Ok(app));
    }

    #[test]
    fn a_record_is_compact() {
        let text = encode(&sample(), None);
        assert!(text.len() < 300, "{} bytes: {text}", text.len());
    }

    #[test]
    fn fields_this_version_does_not_know_survive_a_rewrite() {
        let app = sample();
        let mut value: Value = serde_json::from_str(&encode(&app, None)).unwrap();
        value["labels"] = serde_json::json!(["prod", {"team": "identity"}]);
        let with_unknown = value.to_string();
        let rewritten: Value = serde_json::from_str(&encode(&app, Some(&with_unknown))).unwrap();
        assert_eq!(
            rewritten["labels"],
            serde_json::json!(["prod", {"team": "identity"}])
        );
    }

    /// Exactly what this build writes for `sample()`. A change to the format fails here first:
    /// bump `CURRENT_SCHEMA`, freeze this text as the next older schema's fixture and keep it
    /// decoding, so the next version always reads what this one wrote.
    fn schema_2_as_written() -> String {
        let (a, b) = ("a".repeat(64), "b".repeat(64));
        format!(
            "{{\"schema\":2,\"rev\":2,\"name\":\"Portal \\\"<b>\\\"\",\"type\":\"web\",\"on\":true,\"auth\":\"basic\",\"at\":1795426200000,\"s\":[\"{b}\",1795426200000],\"p\":[\"{a}\",1796031000000]}}"
        )
    }

    /// What the first version (schema 1) wrote for `sample()`: its encoder's output, frozen.
    fn schema_1_as_written() -> String {
        let (a, b) = ("a".repeat(64), "b".repeat(64));
        format!(
            "{{\"schema\":1,\"rev\":2,\"name\":\"Portal \\\"<b>\\\"\",\"type\":\"web\",\"enabled\":true,\"auth\":\"basic\",\"created\":1795426200000,\"secret\":{{\"value\":\"{b}\",\"created\":1795426200000}},\"previous\":{{\"value\":\"{a}\",\"expires\":1796031000000}}}}"
        )
    }

    #[test]
    fn this_build_writes_the_frozen_current_schema() {
        assert_eq!(encode(&sample(), None), schema_2_as_written());
    }

    #[test]
    fn every_schema_ever_written_reads_back_as_the_same_application() {
        for text in [schema_1_as_written(), schema_2_as_written()] {
            assert_eq!(
                decode(&ClientId::new("id-1"), &text),
                Ok(sample()),
                "{text}"
            );
        }
    }

    #[test]
    fn a_stored_secret_reads_with_its_creation_time() {
        for text in [schema_1_as_written(), schema_2_as_written()] {
            let app = decode(&ClientId::new("id-1"), &text).unwrap();
            assert_eq!(
                app.client_secret().map(|secret| secret.created_at),
                Ok(Some(Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap())),
                "{text}"
            );
        }
    }

    #[test]
    fn a_secret_of_unknown_age_is_written_with_a_null_time_and_read_back_so() {
        let known = sample();
        let unknown = known.clone().with_secret_age_unknown();
        let text = encode(&unknown, None);
        assert!(
            text.contains(&format!("\"s\":[\"{}\",null]", "b".repeat(64))),
            "{text}"
        );
        assert_eq!(decode(&known.client_id, &text), Ok(unknown));
    }

    #[test]
    fn a_schema_1_record_is_rewritten_in_the_current_schema_with_its_unknown_fields() {
        let mut stored: Value = serde_json::from_str(&schema_1_as_written()).unwrap();
        stored["labels"] = serde_json::json!(["prod", {"team": "identity"}]);
        stored["owner"] = serde_json::json!("ops@example.com");
        let stored = stored.to_string();
        let app = decode(&ClientId::new("id-1"), &stored).unwrap();

        let rewritten = encode(&app, Some(&stored));

        assert!(rewritten.starts_with("{\"schema\":2,"), "{rewritten}");
        let fields: Map<String, Value> = serde_json::from_str(&rewritten).unwrap();
        let mut names: Vec<&str> = fields.keys().map(String::as_str).collect();
        names.sort_unstable();
        assert_eq!(
            names,
            [
                "at", "auth", "labels", "name", "on", "owner", "p", "rev", "s", "schema", "type"
            ],
            "schema 1's own fields were migrated, not copied: {rewritten}"
        );
        assert_eq!(
            fields["labels"],
            serde_json::json!(["prod", {"team": "identity"}])
        );
        assert_eq!(fields["owner"], serde_json::json!("ops@example.com"));
        assert_eq!(decode(&ClientId::new("id-1"), &rewritten), Ok(app));
    }

    #[test]
    fn a_damaged_schema_1_record_is_the_wrong_shape() {
        let text = schema_1_as_written().replace("\"enabled\":true", "\"enabled\":\"yes\"");
        assert!(matches!(
            decode(&ClientId::new("id-1"), &text),
            Err(RecordProblem::WrongShape(_))
        ));
    }

    #[test]
    fn a_schema_1_record_missing_a_field_names_the_schema_1_field() {
        let text = schema_1_as_written().replace("\"enabled\":true,", "");
        assert_eq!(
            decode(&ClientId::new("id-1"), &text),
            Err(RecordProblem::WrongShape("missing field `enabled`".into()))
        );
    }

    #[test]
    fn invalid_json_is_reported_as_such() {
        assert!(matches!(
            decode(&ClientId::new("x"), "{\"schema\":2,"),
            Err(RecordProblem::InvalidJson(_))
        ));
        assert!(matches!(
            decode(&ClientId::new("x"), "not json"),
            Err(RecordProblem::InvalidJson(_))
        ));
    }

    #[test]
    fn valid_json_of_the_wrong_shape_is_reported_as_such() {
        for text in [
            "[]",
            "42",
            "{}",
            "{\"schema\":2,\"name\":\"x\"}",
            "{\"schema\":1,\"name\":\"x\"}",
            "{\"schema\":0}",
            "{\"schema\":\"1\"}",
        ] {
            assert!(
                matches!(
                    decode(&ClientId::new("x"), text),
                    Err(RecordProblem::WrongShape(_))
                ),
                "{text}"
            );
        }
    }

    #[test]
    fn a_record_with_a_blank_name_is_the_wrong_shape() {
        let text = encode(&sample(), None).replace("Portal \\\"<b>\\\"", " ");
        assert!(
            matches!(
                decode(&ClientId::new("id-1"), &text),
                Err(RecordProblem::WrongShape(_))
            ),
            "{text}"
        );
    }

    #[test]
    fn a_newer_schema_is_refused_and_named() {
        let text = encode(&sample(), None).replacen("\"schema\":2", "\"schema\":7", 1);
        assert_eq!(
            decode(&ClientId::new("id-1"), &text),
            Err(RecordProblem::NewerSchema { found: 7 })
        );
    }
}
