//! The stored form of one application, and the only code that knows it.
//!
//! A record is compact JSON (short keys, millisecond timestamps) because 10,000 applications
//! must fit the origin's localStorage quota. Every record names its `schema`: one newer than
//! this build understands is refused, never rewritten, so an older tab cannot destroy data a
//! newer version wrote. Fields this build does not know are carried through every rewrite.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::domain::{
    Application, ApplicationName, ApplicationType, ClientId, ClientSecret, PreviousSecret,
    SecretValue, TokenEndpointAuthMethod,
};

/// The record schema this build writes.
pub const CURRENT_SCHEMA: u64 = 1;

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
}

#[derive(Serialize, Deserialize)]
struct StoredSecret {
    value: SecretValue,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    created: DateTime<Utc>,
}

#[derive(Serialize, Deserialize)]
struct StoredPreviousSecret {
    value: SecretValue,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    expires: DateTime<Utc>,
}

#[derive(Serialize, Deserialize)]
struct StoredApplication {
    schema: u64,
    rev: u64,
    name: ApplicationName,
    #[serde(rename = "type")]
    kind: ApplicationType,
    enabled: bool,
    auth: TokenEndpointAuthMethod,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    created: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    secret: Option<StoredSecret>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    previous: Option<StoredPreviousSecret>,
    /// Fields written by a later minor change, kept verbatim.
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// Reads the schema alone, to tell a newer version's record from a damaged one.
#[derive(Deserialize)]
struct SchemaOnly {
    schema: Option<u64>,
}

/// Decodes a record's text into an application.
pub fn decode(client_id: &ClientId, text: &str) -> Result<Application, RecordProblem> {
    Ok(parse(client_id, text)?.0)
}

/// Encodes `application`, carrying over the fields of `existing_text` this build does not know.
pub fn encode(application: &Application, existing_text: Option<&str>) -> String {
    let unknown = existing_text
        .and_then(|text| parse(&application.client_id, text).ok())
        .map(|(_, unknown)| unknown)
        .unwrap_or_default();
    let stored = StoredApplication {
        schema: CURRENT_SCHEMA,
        rev: application.revision(),
        name: application.name.clone(),
        kind: application.kind,
        enabled: application.enabled,
        auth: application.auth_method,
        created: application.created_at,
        secret: application.client_secret().ok().map(|secret| StoredSecret {
            value: secret.value.clone(),
            created: secret.created_at,
        }),
        previous: application
            .stored_previous_secret()
            .map(|previous| StoredPreviousSecret {
                value: previous.value.clone(),
                expires: previous.expires_at,
            }),
        unknown,
    };
    // Serialising plain strings, numbers and maps cannot fail; an empty object would be refused on read.
    serde_json::to_string(&stored).unwrap_or_else(|_| String::from("{}"))
}

/// Parses once on the happy path; only a record that fails is looked at again to say why.
fn parse(
    client_id: &ClientId,
    text: &str,
) -> Result<(Application, Map<String, Value>), RecordProblem> {
    let stored: StoredApplication = match serde_json::from_str(text) {
        Ok(stored) => stored,
        Err(error) if error.is_syntax() || error.is_eof() => {
            return Err(RecordProblem::InvalidJson(error.to_string()));
        }
        Err(error) => {
            return Err(match serde_json::from_str::<SchemaOnly>(text) {
                Ok(SchemaOnly {
                    schema: Some(found),
                }) if found > CURRENT_SCHEMA => RecordProblem::NewerSchema { found },
                _ => RecordProblem::WrongShape(error.to_string()),
            });
        }
    };
    match stored.schema {
        CURRENT_SCHEMA => {}
        found if found > CURRENT_SCHEMA => return Err(RecordProblem::NewerSchema { found }),
        found => return Err(RecordProblem::WrongShape(format!("unknown schema {found}"))),
    }
    let application = Application::restore(
        client_id.clone(),
        stored.name,
        stored.kind,
        stored.enabled,
        stored.auth,
        stored.created,
        stored.rev,
        stored.secret.map(|secret| ClientSecret {
            value: secret.value,
            created_at: secret.created,
        }),
        stored.previous.map(|previous| PreviousSecret {
            value: previous.value,
            expires_at: previous.expires,
        }),
    );
    Ok((application, stored.unknown))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Retention;
    use chrono::{Duration, TimeZone};
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
        app.rotate_secret(
            SecretValue::new("b".repeat(64)),
            Retention::RetainFor(Duration::days(7)),
            now,
        )
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
        assert!(text.len() < 360, "{} bytes: {text}", text.len());
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

    #[test]
    fn invalid_json_is_reported_as_such() {
        assert!(matches!(
            decode(&ClientId::new("x"), "{\"schema\":1,"),
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
            "{\"schema\":1,\"name\":\"x\"}",
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
        let text = encode(&sample(), None).replacen("\"schema\":1", "\"schema\":7", 1);
        assert_eq!(
            decode(&ClientId::new("id-1"), &text),
            Err(RecordProblem::NewerSchema { found: 7 })
        );
    }
}
