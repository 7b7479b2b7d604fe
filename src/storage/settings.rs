//! The stored form of the console-wide settings, under a key of its own, and the only code
//! that knows it. The same rules as records: it names its `schema`; a newer schema is refused,
//! never rewritten; text that cannot be read is reported with its raw text and never
//! overwritten (the defaults apply meanwhile, and changes are refused); fields this version does
//! not define are carried through rewrites. Nothing stored means the defaults (a first visit).
//!
//! Schema history:
//! - 1 (current): `{"schema":1,"endpoint":"https://…","policy":90}`; `endpoint` is absent until
//!   one is set, `policy` is `null` for "no rotation policy".

use serde::{Deserialize, Serialize};

use crate::domain::{ConsoleSettings, RotationInterval, RotationPolicy, TokenEndpoint};

use super::record::{RecordProblem, named_schema, raw_fields, with_carried_fields};
use super::repository::{SaveError, StorageProblem};
use super::{RecordStore, WriteError};

pub const SETTINGS_KEY: &str = "client-secret-console.v1.settings";
/// The settings schema this build writes.
pub const SETTINGS_SCHEMA: u64 = 1;
const FIELDS: &[&str] = &["schema", "endpoint", "policy"];

#[derive(Serialize, Deserialize)]
struct Stored {
    schema: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    endpoint: Option<TokenEndpoint>,
    /// Days between rotations; `None` (JSON `null`) is no policy. Required: a record without
    /// it is damaged, not a choice.
    #[serde(deserialize_with = "present_or_null")]
    policy: Option<u16>,
}

/// Deserialises an `Option` that must be present (`null` allowed): with `deserialize_with`,
/// serde no longer treats a missing field as `None`.
fn present_or_null<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<u16>, D::Error> {
    Option::deserialize(deserializer)
}

/// The settings in effect, and why the stored ones could not be used, if so.
#[derive(Debug, Default)]
pub struct LoadedSettings {
    pub settings: ConsoleSettings,
    pub problem: Option<StorageProblem>,
}

/// Reads and writes the settings in the store an `ApplicationRepository` owns.
pub struct SettingsRepository<'a> {
    pub(super) store: &'a dyn RecordStore,
}

impl SettingsRepository<'_> {
    pub fn load(&self) -> LoadedSettings {
        match self.read() {
            Ok((settings, _)) => LoadedSettings {
                settings,
                problem: None,
            },
            Err(problem) => LoadedSettings {
                settings: ConsoleSettings::default(),
                problem: Some(problem),
            },
        }
    }

    /// Writes `settings`, carrying over unknown stored fields; refused while the stored text is
    /// unreadable, so it is never overwritten.
    pub fn save(&self, settings: &ConsoleSettings) -> Result<(), SaveError> {
        let (_, existing) = self
            .read()
            .map_err(|problem| SaveError::Unreadable(problem.problem))?;
        self.store
            .set(SETTINGS_KEY, &encode(settings, existing.as_deref()))?;
        Ok(())
    }

    /// The stored settings (defaults when nothing is stored) and the stored text.
    fn read(&self) -> Result<(ConsoleSettings, Option<String>), StorageProblem> {
        let problem = |raw: Option<String>, problem| StorageProblem {
            key: SETTINGS_KEY.into(),
            raw,
            problem,
        };
        let raw = self.store.get(SETTINGS_KEY).map_err(|error: WriteError| {
            problem(None, RecordProblem::WrongShape(error.to_string()))
        })?;
        let Some(raw) = raw else {
            return Ok((ConsoleSettings::default(), None));
        };
        match decode(&raw) {
            Ok(settings) => Ok((settings, Some(raw))),
            Err(detail) => Err(problem(Some(raw), detail)),
        }
    }
}

fn decode(text: &str) -> Result<ConsoleSettings, RecordProblem> {
    let schema = match raw_fields(text) {
        Ok(fields) => named_schema(&fields),
        Err(error) if error.is_syntax() || error.is_eof() => {
            return Err(RecordProblem::InvalidJson(error.to_string()));
        }
        Err(error) => return Err(RecordProblem::WrongShape(error.to_string())),
    };
    match schema {
        Some(SETTINGS_SCHEMA) => {}
        Some(found) if found > SETTINGS_SCHEMA => {
            return Err(RecordProblem::NewerSettings { found });
        }
        Some(found) => {
            return Err(RecordProblem::WrongShape(format!("unknown schema {found}")));
        }
        None => return Err(RecordProblem::WrongShape("no schema".into())),
    }
    let stored: Stored =
        serde_json::from_str(text).map_err(|error| RecordProblem::WrongShape(error.to_string()))?;
    let rotation_policy = match stored.policy {
        None => RotationPolicy::NoPolicy,
        Some(days) => RotationPolicy::Every(
            RotationInterval::days(days)
                .map_err(|error| RecordProblem::WrongShape(error.to_string()))?,
        ),
    };
    Ok(ConsoleSettings {
        token_endpoint: stored.endpoint,
        rotation_policy,
    })
}

fn encode(settings: &ConsoleSettings, existing_text: Option<&str>) -> String {
    let stored = Stored {
        schema: SETTINGS_SCHEMA,
        endpoint: settings.token_endpoint.clone(),
        policy: match settings.rotation_policy {
            RotationPolicy::NoPolicy => None,
            RotationPolicy::Every(interval) => Some(interval.in_days()),
        },
    };
    // Serialising strings and numbers cannot fail.
    let known = serde_json::to_string(&stored).unwrap_or_default();
    let carried = existing_text
        .and_then(|text| raw_fields(text).ok())
        .unwrap_or_default()
        .into_iter()
        .filter(|(key, _)| !FIELDS.contains(&key.as_str()))
        .collect();
    with_carried_fields(known, carried)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::InMemoryStore;

    fn chosen() -> ConsoleSettings {
        ConsoleSettings {
            token_endpoint: Some(
                TokenEndpoint::parse("https://auth.example.com/as/token").unwrap(),
            ),
            rotation_policy: RotationPolicy::Every(RotationInterval::days(30).unwrap()),
        }
    }

    /// Exactly what this build writes for `chosen()`. A format change fails here first: bump
    /// `SETTINGS_SCHEMA`, keep this text as the older schema's fixture and keep it decoding.
    const SCHEMA_1_AS_WRITTEN: &str =
        r#"{"schema":1,"endpoint":"https://auth.example.com/as/token","policy":30}"#;

    fn repository(store: &InMemoryStore) -> SettingsRepository<'_> {
        SettingsRepository { store }
    }

    #[test]
    fn nothing_stored_means_no_endpoint_and_a_ninety_day_policy() {
        let store = InMemoryStore::new();
        let loaded = repository(&store).load();
        assert_eq!(loaded.settings, ConsoleSettings::default());
        assert_eq!(loaded.settings.token_endpoint, None);
        assert_eq!(
            loaded.settings.rotation_policy,
            RotationPolicy::Every(RotationInterval::days(90).unwrap())
        );
        assert!(loaded.problem.is_none());
    }

    #[test]
    fn this_build_writes_the_frozen_schema_and_reads_it_back() {
        let store = InMemoryStore::new();
        repository(&store).save(&chosen()).unwrap();
        assert_eq!(
            store.get(SETTINGS_KEY).unwrap().as_deref(),
            Some(SCHEMA_1_AS_WRITTEN)
        );
        assert_eq!(decode(SCHEMA_1_AS_WRITTEN), Ok(chosen()));
    }

    #[test]
    fn no_policy_is_stored_as_null_and_an_absent_endpoint_is_left_out() {
        let store = InMemoryStore::new();
        let settings = ConsoleSettings {
            token_endpoint: None,
            rotation_policy: RotationPolicy::NoPolicy,
        };
        repository(&store).save(&settings).unwrap();
        assert_eq!(
            store.get(SETTINGS_KEY).unwrap().as_deref(),
            Some(r#"{"schema":1,"policy":null}"#)
        );
        assert_eq!(repository(&store).load().settings, settings);
    }

    #[test]
    fn fields_this_version_does_not_know_survive_a_rewrite() {
        let store = InMemoryStore::new();
        store.insert_raw(
            SETTINGS_KEY,
            r#"{"schema":1,"policy":90,"theme":{"dark":true},"endpoint":"https://old.example/t"}"#,
        );
        repository(&store).save(&chosen()).unwrap();
        assert_eq!(
            store.get(SETTINGS_KEY).unwrap().as_deref(),
            Some(
                r#"{"schema":1,"endpoint":"https://auth.example.com/as/token","policy":30,"theme":{"dark":true}}"#
            )
        );
    }

    #[test]
    fn unreadable_settings_are_reported_kept_and_never_overwritten() {
        for (raw, newer) in [
            ("{not json", false),
            (r#"{"schema":1,"policy":0}"#, false),
            (
                r#"{"schema":1,"policy":90,"endpoint":"http://evil.example/t"}"#,
                false,
            ),
            (r#"{"schema":1}"#, false),
            (r#"[1]"#, false),
            (r#"{"schema":2,"policy":90}"#, true),
        ] {
            let store = InMemoryStore::new();
            store.insert_raw(SETTINGS_KEY, raw);
            let loaded = repository(&store).load();
            assert_eq!(loaded.settings, ConsoleSettings::default(), "{raw}");
            let problem = loaded.problem.expect(raw);
            assert_eq!(problem.key, SETTINGS_KEY);
            assert_eq!(problem.raw.as_deref(), Some(raw));
            assert_eq!(
                matches!(problem.problem, RecordProblem::NewerSettings { found: 2 }),
                newer,
                "{raw}"
            );
            assert!(matches!(
                repository(&store).save(&chosen()),
                Err(SaveError::Unreadable(_))
            ));
            assert_eq!(store.get(SETTINGS_KEY).unwrap().as_deref(), Some(raw));
        }
    }

    #[test]
    fn a_refused_write_is_an_error() {
        let store = InMemoryStore::refusing_writes(WriteError::QuotaExceeded);
        assert_eq!(
            repository(&store).save(&chosen()),
            Err(SaveError::Store(WriteError::QuotaExceeded))
        );
    }
}
