//! The activity log's stored form: a ring of one key per event slot plus a small head key.
//!
//! Recording an event writes the head (`{"schema":1,"next":N}`, the next sequence number) and
//! then one slot (`…activity.<N mod CAP>`), whatever the number of events or applications: no
//! write ever rewrites the log. The log keeps the most recent `ACTIVITY_CAP` events; older ones
//! are overwritten as the ring comes round. The head is written first, so a failure between the
//! two writes only loses that one event: the slot still holds an entry whose sequence number
//! is outside the window the head names, which is never shown.
//!
//! Same rules as records: every entry and the head name their `schema`; a slot that cannot be
//! read (damaged, or from a newer schema) is reported with its raw text and kept byte for byte,
//! so the ring skips it rather than overwrite it; a head that cannot be read stops recording
//! (reported, kept) but the events are still shown; fields the head's schema does not define are
//! carried when it is rewritten. Entries are never rewritten.
//!
//! Schema history:
//! - 1: head `{"schema":1,"next":N}`; entry `{"schema":1,"seq","at" (ms),"id","name",
//!   "k" (kind), …kind fields}` with kinds `created` (`type`), `renamed` (`from`, `to`),
//!   `enabled`, `disabled`, `auth` (`from`, `to`), `generated` (`keep`: `1d` `7d` `30d`, `c<N>d`
//!   or `c<N>h` for a custom retention, `none`; `replaced`: true when an unexpired previous
//!   secret was replaced), `revoked`, `expired`, `deleted`, `imported`. Still written for
//!   every application event and for the head, so builds reading schema 1 keep reading them.
//! - 2: adds console events, which have no application: entry `{"schema":2,"seq",
//!   "at","k":"policy","from","to"}` without `id` and `name`, `from` and `to` the rotation
//!   interval in days or `null` for no rotation policy. Only console entries are written as
//!   schema 2; a build reading schema 1 reports them as newer and keeps them, and its ring skips
//!   them. An application entry of schema 2 reads like one of schema 1.
//! - 3 (current): adds looking at secret material, application entries `{"schema":3,…,
//!   "k":"revealed"|"copied","of":"current"|"previous"|"command"}` (the current or previous
//!   client secret, or the token request command), and the console entry `{"schema":3,"seq",
//!   "at","k":"exported","count":N}` of an export with client secrets. Each entry is written
//!   under the schema its kind first appeared in (`first_schema`), so a build reading schema 1
//!   or 2 reads every entry it can, and reports the new kinds as newer (kept, skipped by its
//!   ring) rather than as damaged. An entry of an older kind reads alike under every schema.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::domain::{
    ActivityEvent, ActivityKind, ActivitySubject, ApplicationName, ApplicationType, ClientId,
    CustomRetention, DurationUnit, Retention, RotationInterval, RotationPolicy, SecretAccess,
    SecretMaterial, TokenEndpointAuthMethod,
};

use super::record::{named_schema, raw_fields, with_carried_fields};
use super::{RecordProblem, RecordStore, StorageProblem, WriteError};

/// How many events the log keeps; older ones are dropped as new ones are recorded.
pub const ACTIVITY_CAP: u64 = 2_000;
/// The newest activity schema this build reads and writes (for the kinds it introduced; see the
/// schema history above).
pub const ACTIVITY_SCHEMA: u64 = 3;
/// The schema of the head, which schemas 2 and 3 left unchanged.
const HEAD_SCHEMA: u64 = 1;
pub const ACTIVITY_PREFIX: &str = "client-secret-console.v1.activity.";
pub const ACTIVITY_HEAD_KEY: &str = "client-secret-console.v1.activity.head";

/// The key of the slot that holds event number `sequence`.
pub fn activity_slot_key(sequence: u64) -> String {
    format!("{ACTIVITY_PREFIX}{}", sequence % ACTIVITY_CAP)
}

pub fn is_activity_key(key: &str) -> bool {
    key.starts_with(ACTIVITY_PREFIX)
}

/// Why a part of the stored log could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActivityProblem {
    #[error("this part of the activity log is not valid JSON ({0})")]
    InvalidJson(String),
    #[error("this part of the activity log does not have the expected shape ({0})")]
    WrongShape(String),
    #[error(
        "this part of the activity log was written by a newer version of the console (schema {found}, this version reads up to {newest})"
    )]
    NewerSchema { found: u64, newest: u64 },
}

/// Why an event was not recorded; the sentence completes "its activity event could not be
/// recorded: …".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordActivityError {
    #[error("the browser's storage for this site is full")]
    Full,
    #[error("the browser refused to store it ({0})")]
    Refused(String),
    #[error("the stored activity log is unreadable, so it was left untouched")]
    Unreadable,
    #[error("the activity log was written by a newer version of the console")]
    NewerSchema,
}

impl From<WriteError> for RecordActivityError {
    fn from(error: WriteError) -> Self {
        match error {
            WriteError::QuotaExceeded => RecordActivityError::Full,
            WriteError::Refused(reason) => RecordActivityError::Refused(reason),
        }
    }
}

/// One recording attempt: the keys it wrote (also when it failed part-way) and its result.
#[derive(Debug)]
pub struct Recording {
    pub written: Vec<String>,
    /// The event's sequence number.
    pub result: Result<u64, RecordActivityError>,
}

/// The log as stored: events by sequence number, and what could not be read.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LoadedActivity {
    pub events: BTreeMap<u64, ActivityEvent>,
    pub problems: Vec<StorageProblem>,
    /// The sequence number the next event gets; every event below `next - ACTIVITY_CAP` is gone.
    pub next: u64,
}

impl LoadedActivity {
    /// Whether events were recorded that the log no longer keeps.
    pub fn older_events_dropped(&self) -> bool {
        self.next > ACTIVITY_CAP
    }

    /// Adds an event recorded (here or in another tab) and forgets those the ring overwrote.
    pub fn insert(&mut self, sequence: u64, event: ActivityEvent) {
        self.next = self.next.max(sequence + 1);
        self.events.insert(sequence, event);
        let oldest_kept = self.next.saturating_sub(ACTIVITY_CAP);
        self.events = self.events.split_off(&oldest_kept);
    }
}

/// The log over the repository's store. Its callers hold the cross-tab lock while recording.
pub struct ActivityLog<'a> {
    store: &'a dyn RecordStore,
}

impl<'a> ActivityLog<'a> {
    pub(super) fn new(store: &'a dyn RecordStore) -> Self {
        Self { store }
    }

    /// Every kept event and a report of every part that could not be read. Reads the head and
    /// each slot once; writes nothing.
    pub fn load(&self) -> LoadedActivity {
        let mut loaded = LoadedActivity::default();
        let head = self.read_head();
        let slots = self.read_slots();
        loaded.next = match head {
            Ok(Some(next)) => next,
            Ok(None) => recovered_next(&slots),
            Err(problem) => {
                loaded.problems.push(problem);
                recovered_next(&slots)
            }
        };
        let oldest_kept = loaded.next.saturating_sub(ACTIVITY_CAP);
        for slot in slots {
            match slot {
                Ok((sequence, event)) if (oldest_kept..loaded.next).contains(&sequence) => {
                    loaded.events.insert(sequence, event);
                }
                // Overwritten by a later turn of the ring, or never committed by the head.
                Ok(_) => {}
                Err(problem) => loaded.problems.push(problem),
            }
        }
        loaded
    }

    /// The event in the slot under `key`, if it holds one; for following other tabs.
    pub fn read_slot(&self, key: &str) -> Result<Option<(u64, ActivityEvent)>, StorageProblem> {
        self.read(key, decode_entry)
    }

    /// Decodes the text under `key`, or reports it with its raw text.
    fn read<T>(
        &self,
        key: &str,
        decode: impl FnOnce(&str) -> Result<T, ActivityProblem>,
    ) -> Result<Option<T>, StorageProblem> {
        let problem = |raw: Option<String>, problem: ActivityProblem| StorageProblem {
            key: key.to_owned(),
            raw,
            problem: RecordProblem::Activity(problem),
        };
        let Some(raw) = self
            .store
            .get(key)
            .map_err(|error| problem(None, ActivityProblem::WrongShape(error.to_string())))?
        else {
            return Ok(None);
        };
        match decode(&raw) {
            Ok(value) => Ok(Some(value)),
            Err(reason) => Err(problem(Some(raw), reason)),
        }
    }

    /// Records `event` as the next one: head first, then its slot. A slot that holds
    /// unreadable data is skipped, never overwritten.
    pub fn record(&self, event: &ActivityEvent) -> Recording {
        let mut written = Vec::new();
        let result = self.record_into(event, &mut written);
        Recording { written, result }
    }

    fn record_into(
        &self,
        event: &ActivityEvent,
        written: &mut Vec<String>,
    ) -> Result<u64, RecordActivityError> {
        let head_text = self.store.get(ACTIVITY_HEAD_KEY)?;
        let mut sequence = match head_text.as_deref().map(decode_head) {
            Some(Ok(next)) => next,
            Some(Err(ActivityProblem::NewerSchema { .. })) => {
                return Err(RecordActivityError::NewerSchema);
            }
            Some(Err(_)) => return Err(RecordActivityError::Unreadable),
            None => recovered_next(&self.read_slots()),
        };
        let skipped_all = sequence + ACTIVITY_CAP;
        while self.read_slot(&activity_slot_key(sequence)).is_err() {
            sequence += 1;
            if sequence == skipped_all {
                return Err(RecordActivityError::Unreadable);
            }
        }
        written.push(ACTIVITY_HEAD_KEY.to_owned());
        self.store.set(
            ACTIVITY_HEAD_KEY,
            &encode_head(sequence + 1, head_text.as_deref()),
        )?;
        let key = activity_slot_key(sequence);
        written.push(key.clone());
        self.store.set(&key, &encode_entry(sequence, event))?;
        Ok(sequence)
    }

    fn read_head(&self) -> Result<Option<u64>, StorageProblem> {
        self.read(ACTIVITY_HEAD_KEY, decode_head)
    }

    fn read_slots(&self) -> Vec<Result<(u64, ActivityEvent), StorageProblem>> {
        (0..ACTIVITY_CAP)
            .filter_map(|slot| self.read_slot(&activity_slot_key(slot)).transpose())
            .collect()
    }
}

/// Without a readable head, the log continues after the newest entry its slots hold.
fn recovered_next(slots: &[Result<(u64, ActivityEvent), StorageProblem>]) -> u64 {
    slots
        .iter()
        .filter_map(|slot| slot.as_ref().ok())
        .map(|(sequence, _)| sequence + 1)
        .max()
        .unwrap_or(0)
}

#[derive(Serialize, Deserialize)]
struct Head {
    schema: u64,
    next: u64,
}

const HEAD_FIELDS: &[&str] = &["schema", "next"];

#[derive(Serialize)]
struct Entry {
    schema: u64,
    seq: u64,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    at: DateTime<Utc>,
    /// Both for an application event, neither for a console event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<ClientId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<ApplicationName>,
    /// Who did it, when the console knows: the signed-on PingOne administrator. Written only
    /// in an environment's log (`NamespacedStore`), which no build before it ever reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    by: Option<String>,
    #[serde(flatten)]
    kind: StoredKind,
}

#[derive(Serialize)]
#[serde(tag = "k", rename_all = "lowercase")]
enum StoredKind {
    Created {
        #[serde(rename = "type")]
        kind: ApplicationType,
    },
    Renamed {
        from: ApplicationName,
        to: ApplicationName,
    },
    Enabled,
    Disabled,
    Auth {
        from: TokenEndpointAuthMethod,
        to: TokenEndpointAuthMethod,
    },
    Generated {
        #[serde(with = "retention_code")]
        keep: Retention,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        replaced: bool,
    },
    Revoked,
    Expired,
    Deleted,
    Imported,
    /// A console event (schema 2).
    Policy {
        #[serde(with = "policy_code")]
        from: RotationPolicy,
        #[serde(with = "policy_code")]
        to: RotationPolicy,
    },
    /// Schema 3.
    Revealed {
        of: StoredMaterial,
    },
    /// Schema 3.
    Copied {
        of: StoredMaterial,
    },
    /// An export with client secrets, a console event (schema 3).
    Exported {
        count: u64,
    },
}

impl StoredKind {
    /// The schema this kind first appeared in, which its entries are written under: a build
    /// that reads an older schema reports them as newer instead of as damaged.
    fn first_schema(&self) -> u64 {
        match self {
            StoredKind::Policy { .. } => 2,
            StoredKind::Revealed { .. }
            | StoredKind::Copied { .. }
            | StoredKind::Exported { .. } => 3,
            _ => 1,
        }
    }

    /// Whether the kind is a console event, which names no application.
    fn is_console_wide(&self) -> bool {
        matches!(
            self,
            StoredKind::Policy { .. } | StoredKind::Exported { .. }
        )
    }
}

/// The secret material of a `revealed` or `copied` entry.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum StoredMaterial {
    Current,
    Previous,
    Command,
}

impl From<SecretMaterial> for StoredMaterial {
    fn from(material: SecretMaterial) -> Self {
        match material {
            SecretMaterial::ClientSecret => StoredMaterial::Current,
            SecretMaterial::PreviousClientSecret => StoredMaterial::Previous,
            SecretMaterial::TokenRequestCommand => StoredMaterial::Command,
        }
    }
}

impl From<StoredMaterial> for SecretMaterial {
    fn from(material: StoredMaterial) -> Self {
        match material {
            StoredMaterial::Current => SecretMaterial::ClientSecret,
            StoredMaterial::Previous => SecretMaterial::PreviousClientSecret,
            StoredMaterial::Command => SecretMaterial::TokenRequestCommand,
        }
    }
}

impl From<&ActivityKind> for StoredKind {
    fn from(kind: &ActivityKind) -> Self {
        match kind.clone() {
            ActivityKind::Created { kind } => StoredKind::Created { kind },
            ActivityKind::Renamed { from, to } => StoredKind::Renamed { from, to },
            ActivityKind::Enabled => StoredKind::Enabled,
            ActivityKind::Disabled => StoredKind::Disabled,
            ActivityKind::AuthMethodChanged { from, to } => StoredKind::Auth { from, to },
            ActivityKind::SecretGenerated {
                retention,
                replaced_unexpired_previous,
            } => StoredKind::Generated {
                keep: retention,
                replaced: replaced_unexpired_previous,
            },
            ActivityKind::PreviousSecretRevoked => StoredKind::Revoked,
            ActivityKind::PreviousSecretExpired => StoredKind::Expired,
            ActivityKind::Deleted => StoredKind::Deleted,
            ActivityKind::Imported => StoredKind::Imported,
            ActivityKind::RotationPolicyChanged { from, to } => StoredKind::Policy { from, to },
            ActivityKind::SecretAccessed { material, access } => {
                let of = material.into();
                match access {
                    SecretAccess::Revealed => StoredKind::Revealed { of },
                    SecretAccess::Copied => StoredKind::Copied { of },
                }
            }
            ActivityKind::ExportedWithSecrets { applications } => StoredKind::Exported {
                count: applications,
            },
        }
    }
}

impl From<StoredKind> for ActivityKind {
    fn from(kind: StoredKind) -> Self {
        match kind {
            StoredKind::Created { kind } => ActivityKind::Created { kind },
            StoredKind::Renamed { from, to } => ActivityKind::Renamed { from, to },
            StoredKind::Enabled => ActivityKind::Enabled,
            StoredKind::Disabled => ActivityKind::Disabled,
            StoredKind::Auth { from, to } => ActivityKind::AuthMethodChanged { from, to },
            StoredKind::Generated { keep, replaced } => ActivityKind::SecretGenerated {
                retention: keep,
                replaced_unexpired_previous: replaced,
            },
            StoredKind::Revoked => ActivityKind::PreviousSecretRevoked,
            StoredKind::Expired => ActivityKind::PreviousSecretExpired,
            StoredKind::Deleted => ActivityKind::Deleted,
            StoredKind::Imported => ActivityKind::Imported,
            StoredKind::Policy { from, to } => ActivityKind::RotationPolicyChanged { from, to },
            StoredKind::Revealed { of } => ActivityKind::SecretAccessed {
                material: of.into(),
                access: SecretAccess::Revealed,
            },
            StoredKind::Copied { of } => ActivityKind::SecretAccessed {
                material: of.into(),
                access: SecretAccess::Copied,
            },
            StoredKind::Exported { count } => ActivityKind::ExportedWithSecrets {
                applications: count,
            },
        }
    }
}

/// An entry as read: the kind's fields side by side and kept as raw JSON until the kind (`k`)
/// says which ones it has and what they are. Deriving `Deserialize` for `Entry` instead (an
/// internally tagged enum flattened into a struct) buffers every field in serde's `Content` and
/// cost ~20 KB of wasm. Fields a kind does not have are ignored, as serde ignores unknown fields.
#[derive(Deserialize)]
struct ReadEntry {
    schema: u64,
    seq: u64,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    at: DateTime<Utc>,
    #[serde(default)]
    id: Option<ClientId>,
    #[serde(default)]
    name: Option<ApplicationName>,
    #[serde(default)]
    by: Option<String>,
    k: String,
    #[serde(default, rename = "type", deserialize_with = "present")]
    kind: Option<Box<RawValue>>,
    #[serde(default, deserialize_with = "present")]
    from: Option<Box<RawValue>>,
    #[serde(default, deserialize_with = "present")]
    to: Option<Box<RawValue>>,
    #[serde(default, deserialize_with = "present")]
    keep: Option<Box<RawValue>>,
    #[serde(default)]
    replaced: bool,
    #[serde(default, deserialize_with = "present")]
    of: Option<Box<RawValue>>,
    #[serde(default, deserialize_with = "present")]
    count: Option<Box<RawValue>>,
}

/// A field that is there, even as `null` (a policy's "no rotation policy"); `None` only when absent.
fn present<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Box<RawValue>>, D::Error> {
    Box::<RawValue>::deserialize(deserializer).map(Some)
}

/// The kind field `name`, read by `read` from its raw JSON.
fn kind_field<T>(
    raw: Option<&RawValue>,
    name: &str,
    read: impl FnOnce(&str) -> serde_json::Result<T>,
) -> Result<T, ActivityProblem> {
    let raw = raw.ok_or_else(|| ActivityProblem::WrongShape(format!("missing field `{name}`")))?;
    read(raw.get()).map_err(|error| ActivityProblem::WrongShape(error.to_string()))
}

/// The kind field `name` as a `T`.
fn kind_value<T: serde::de::DeserializeOwned>(
    raw: Option<&RawValue>,
    name: &str,
) -> Result<T, ActivityProblem> {
    kind_field(raw, name, |text| serde_json::from_str(text))
}

impl ReadEntry {
    fn stored_kind(&self) -> Result<StoredKind, ActivityProblem> {
        let from = || self.from.as_deref();
        let to = || self.to.as_deref();
        let policy = |raw, name| {
            kind_field(raw, name, |text| {
                policy_code::deserialize(&mut serde_json::Deserializer::from_str(text))
            })
        };
        Ok(match self.k.as_str() {
            "created" => StoredKind::Created {
                kind: kind_value(self.kind.as_deref(), "type")?,
            },
            "renamed" => StoredKind::Renamed {
                from: kind_value(from(), "from")?,
                to: kind_value(to(), "to")?,
            },
            "enabled" => StoredKind::Enabled,
            "disabled" => StoredKind::Disabled,
            "auth" => StoredKind::Auth {
                from: kind_value(from(), "from")?,
                to: kind_value(to(), "to")?,
            },
            "generated" => StoredKind::Generated {
                keep: kind_field(self.keep.as_deref(), "keep", |text| {
                    retention_code::deserialize(&mut serde_json::Deserializer::from_str(text))
                })?,
                replaced: self.replaced,
            },
            "revoked" => StoredKind::Revoked,
            "expired" => StoredKind::Expired,
            "deleted" => StoredKind::Deleted,
            "imported" => StoredKind::Imported,
            "policy" => StoredKind::Policy {
                from: policy(from(), "from")?,
                to: policy(to(), "to")?,
            },
            "revealed" => StoredKind::Revealed {
                of: kind_value(self.of.as_deref(), "of")?,
            },
            "copied" => StoredKind::Copied {
                of: kind_value(self.of.as_deref(), "of")?,
            },
            "exported" => StoredKind::Exported {
                count: kind_value(self.count.as_deref(), "count")?,
            },
            other => {
                return Err(ActivityProblem::WrongShape(format!(
                    "unknown event kind {other:?}"
                )));
            }
        })
    }
}

/// A retention as a short code: `1d`, `7d`, `30d`, `c14d`, `c36h`, `none`.
mod retention_code {
    use super::*;
    use serde::{Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(
        retention: &Retention,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let code = match retention {
            Retention::OneDay => "1d".to_owned(),
            Retention::SevenDays => "7d".to_owned(),
            Retention::ThirtyDays => "30d".to_owned(),
            Retention::Custom(custom) => match custom.unit() {
                DurationUnit::Days => format!("c{}d", custom.amount()),
                DurationUnit::Hours => format!("c{}h", custom.amount()),
            },
            Retention::DoNotRetain => "none".to_owned(),
        };
        serializer.serialize_str(&code)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Retention, D::Error> {
        let code = String::deserialize(deserializer)?;
        let custom = |digits: &str, unit| {
            digits
                .parse()
                .ok()
                .and_then(|amount| CustomRetention::new(amount, unit).ok())
                .map(Retention::Custom)
        };
        let retention = match code.as_str() {
            "1d" => Some(Retention::OneDay),
            "7d" => Some(Retention::SevenDays),
            "30d" => Some(Retention::ThirtyDays),
            "none" => Some(Retention::DoNotRetain),
            other => other.strip_prefix('c').and_then(|rest| {
                rest.strip_suffix('d')
                    .and_then(|digits| custom(digits, DurationUnit::Days))
                    .or_else(|| {
                        rest.strip_suffix('h')
                            .and_then(|digits| custom(digits, DurationUnit::Hours))
                    })
            }),
        };
        retention.ok_or_else(|| D::Error::custom(format!("unknown retention {code:?}")))
    }
}

/// A rotation policy as the interval in days, or `null` for no rotation policy.
mod policy_code {
    use super::*;
    use serde::{Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(
        policy: &RotationPolicy,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match policy {
            RotationPolicy::NoPolicy => serializer.serialize_none(),
            RotationPolicy::Every(interval) => serializer.serialize_u16(interval.in_days()),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<RotationPolicy, D::Error> {
        match Option::<u16>::deserialize(deserializer)? {
            None => Ok(RotationPolicy::NoPolicy),
            Some(days) => RotationInterval::days(days)
                .map(RotationPolicy::Every)
                .map_err(|_| D::Error::custom(format!("rotation interval {days} out of range"))),
        }
    }
}

fn encode_entry(sequence: u64, event: &ActivityEvent) -> String {
    let (id, name) = match &event.subject {
        ActivitySubject::Application { client_id, name } => {
            (Some(client_id.clone()), Some(name.clone()))
        }
        ActivitySubject::Console => (None, None),
    };
    let kind = StoredKind::from(&event.kind);
    let entry = Entry {
        schema: kind.first_schema(),
        seq: sequence,
        at: event.at,
        id,
        name,
        by: event.actor.clone(),
        kind,
    };
    // Serialising strings, numbers and booleans cannot fail; an empty object would be refused on read.
    serde_json::to_string(&entry).unwrap_or_else(|_| String::from("{}"))
}

fn encode_head(next: u64, existing_text: Option<&str>) -> String {
    let known = serde_json::to_string(&Head {
        schema: HEAD_SCHEMA,
        next,
    })
    .unwrap_or_else(|_| String::from("{}"));
    let carried = existing_text
        .and_then(|text| raw_fields(text).ok())
        .unwrap_or_default()
        .into_iter()
        .filter(|(key, _)| !HEAD_FIELDS.contains(&key.as_str()))
        .collect();
    with_carried_fields(known, carried)
}

/// Parses `text` as `T` of a schema from 1 to `newest`, or says why it cannot be used.
fn decode_versioned<T: for<'de> Deserialize<'de>>(
    text: &str,
    newest: u64,
    schema_of: impl Fn(&T) -> u64,
) -> Result<T, ActivityProblem> {
    let error = match serde_json::from_str::<T>(text) {
        Ok(value) if (1..=newest).contains(&schema_of(&value)) => return Ok(value),
        Ok(_) => String::new(),
        Err(error) if error.is_syntax() || error.is_eof() => {
            return Err(ActivityProblem::InvalidJson(error.to_string()));
        }
        Err(error) => error.to_string(),
    };
    match raw_fields(text).ok().as_ref().and_then(named_schema) {
        Some(found) if found > newest => Err(ActivityProblem::NewerSchema { found, newest }),
        Some(found) if !(1..=newest).contains(&found) => Err(ActivityProblem::WrongShape(format!(
            "unknown schema {found}"
        ))),
        _ => Err(ActivityProblem::WrongShape(error)),
    }
}

fn decode_head(text: &str) -> Result<u64, ActivityProblem> {
    decode_versioned::<Head>(text, HEAD_SCHEMA, |head| head.schema).map(|head| head.next)
}

fn decode_entry(text: &str) -> Result<(u64, ActivityEvent), ActivityProblem> {
    let entry = decode_versioned::<ReadEntry>(text, ACTIVITY_SCHEMA, |entry| entry.schema)?;
    let kind = entry.stored_kind()?;
    if entry.schema < kind.first_schema() {
        return Err(ActivityProblem::WrongShape(format!(
            "event kind {:?} is not in schema {}",
            entry.k, entry.schema
        )));
    }
    let subject = match (entry.id, entry.name) {
        (Some(client_id), Some(name)) if !kind.is_console_wide() => {
            ActivitySubject::Application { client_id, name }
        }
        (None, None) if kind.is_console_wide() => ActivitySubject::Console,
        _ => {
            return Err(ActivityProblem::WrongShape(String::from(
                "an application event needs \"id\" and \"name\", a console event has neither",
            )));
        }
    };
    let event = ActivityEvent {
        at: entry.at,
        subject,
        kind: kind.into(),
        actor: entry.by,
    };
    Ok((entry.seq, event))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Application, RetentionChoice, SecretValue};
    use crate::storage::InMemoryStore;
    use chrono::{Duration, TimeZone};
    use std::cell::{Cell, RefCell};
    use std::convert::Infallible;

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
    }

    fn name(text: &str) -> ApplicationName {
        ApplicationName::parse(text).unwrap()
    }

    fn event(kind: ActivityKind) -> ActivityEvent {
        ActivityEvent {
            at: at(),
            actor: None,
            subject: ActivitySubject::Application {
                client_id: ClientId::new("id-1"),
                name: name("Portal \"<b>\""),
            },
            kind,
        }
    }

    fn every(days: u16) -> RotationPolicy {
        RotationPolicy::Every(RotationInterval::days(days).unwrap())
    }

    /// One console event of every form: from one interval to another, to and from none.
    fn every_console_kind() -> Vec<ActivityEvent> {
        [
            (every(90), every(30)),
            (every(30), RotationPolicy::NoPolicy),
            (RotationPolicy::NoPolicy, every(3650)),
            (every(3650), every(1)),
        ]
        .into_iter()
        .map(|(from, to)| ActivityEvent::rotation_policy_changed(at(), from, to).unwrap())
        .collect()
    }

    /// One event of every kind schema 3 added: each secret material revealed and copied (about
    /// an application), and an export with client secrets (about the console).
    fn every_schema_3_kind() -> Vec<ActivityEvent> {
        let materials = [
            SecretMaterial::ClientSecret,
            SecretMaterial::PreviousClientSecret,
            SecretMaterial::TokenRequestCommand,
        ];
        let mut events: Vec<ActivityEvent> = materials
            .into_iter()
            .flat_map(|material| {
                [SecretAccess::Revealed, SecretAccess::Copied]
                    .map(|access| event(ActivityKind::SecretAccessed { material, access }))
            })
            .collect();
        events.push(ActivityEvent::exported_with_secrets(at(), 12));
        events
    }

    /// Exactly what this build writes for `every_schema_3_kind()` after `every_console_kind()`.
    const SCHEMA_3_AS_WRITTEN: [&str; 7] = [
        r#"{"schema":3,"seq":19,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"revealed","of":"current"}"#,
        r#"{"schema":3,"seq":20,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"copied","of":"current"}"#,
        r#"{"schema":3,"seq":21,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"revealed","of":"previous"}"#,
        r#"{"schema":3,"seq":22,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"copied","of":"previous"}"#,
        r#"{"schema":3,"seq":23,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"revealed","of":"command"}"#,
        r#"{"schema":3,"seq":24,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"copied","of":"command"}"#,
        r#"{"schema":3,"seq":25,"at":1795426200000,"k":"exported","count":12}"#,
    ];

    /// Exactly what this build writes for `every_console_kind()` after `every_kind()`: the only
    /// entries of schema 2.
    const SCHEMA_2_AS_WRITTEN: [&str; 4] = [
        r#"{"schema":2,"seq":15,"at":1795426200000,"k":"policy","from":90,"to":30}"#,
        r#"{"schema":2,"seq":16,"at":1795426200000,"k":"policy","from":30,"to":null}"#,
        r#"{"schema":2,"seq":17,"at":1795426200000,"k":"policy","from":null,"to":3650}"#,
        r#"{"schema":2,"seq":18,"at":1795426200000,"k":"policy","from":3650,"to":1}"#,
    ];

    /// One event of every kind, with every retention code.
    fn every_kind() -> Vec<ActivityEvent> {
        let custom = |text: &str, unit| RetentionChoice::Custom.resolve(text, unit).unwrap();
        let generated = |retention, replaced_unexpired_previous| ActivityKind::SecretGenerated {
            retention,
            replaced_unexpired_previous,
        };
        [
            ActivityKind::Created {
                kind: ApplicationType::OidcWebApp,
            },
            ActivityKind::Renamed {
                from: name("Old"),
                to: name("Portal \"<b>\""),
            },
            ActivityKind::Enabled,
            ActivityKind::Disabled,
            ActivityKind::AuthMethodChanged {
                from: TokenEndpointAuthMethod::ClientSecretBasic,
                to: TokenEndpointAuthMethod::None,
            },
            generated(Retention::OneDay, false),
            generated(Retention::SevenDays, true),
            generated(Retention::ThirtyDays, false),
            generated(custom("14", DurationUnit::Days), false),
            generated(custom("36", DurationUnit::Hours), true),
            generated(Retention::DoNotRetain, true),
            ActivityKind::PreviousSecretRevoked,
            ActivityKind::PreviousSecretExpired,
            ActivityKind::Deleted,
            ActivityKind::Imported,
        ]
        .into_iter()
        .map(event)
        .collect()
    }

    /// Exactly what this build writes for `every_kind()`, slot by slot: application events are
    /// still written as schema 1. A change to the format fails here first: bump
    /// `ACTIVITY_SCHEMA`, keep this text decoding as the older schema's fixture, and read it
    /// through a migration.
    const SCHEMA_1_AS_WRITTEN: [&str; 15] = [
        r#"{"schema":1,"seq":0,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"created","type":"web"}"#,
        r#"{"schema":1,"seq":1,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"renamed","from":"Old","to":"Portal \"<b>\""}"#,
        r#"{"schema":1,"seq":2,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"enabled"}"#,
        r#"{"schema":1,"seq":3,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"disabled"}"#,
        r#"{"schema":1,"seq":4,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"auth","from":"basic","to":"none"}"#,
        r#"{"schema":1,"seq":5,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"generated","keep":"1d"}"#,
        r#"{"schema":1,"seq":6,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"generated","keep":"7d","replaced":true}"#,
        r#"{"schema":1,"seq":7,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"generated","keep":"30d"}"#,
        r#"{"schema":1,"seq":8,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"generated","keep":"c14d"}"#,
        r#"{"schema":1,"seq":9,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"generated","keep":"c36h","replaced":true}"#,
        r#"{"schema":1,"seq":10,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"generated","keep":"none","replaced":true}"#,
        r#"{"schema":1,"seq":11,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"revoked"}"#,
        r#"{"schema":1,"seq":12,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"expired"}"#,
        r#"{"schema":1,"seq":13,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"deleted"}"#,
        r#"{"schema":1,"seq":14,"at":1795426200000,"id":"id-1","name":"Portal \"<b>\"","k":"imported"}"#,
    ];

    fn record_all(log: &ActivityLog, events: &[ActivityEvent]) {
        for event in events {
            log.record(event).result.unwrap();
        }
    }

    fn every_fixture() -> impl Iterator<Item = &'static str> {
        SCHEMA_1_AS_WRITTEN
            .into_iter()
            .chain(SCHEMA_2_AS_WRITTEN)
            .chain(SCHEMA_3_AS_WRITTEN)
    }

    #[test]
    fn this_build_writes_the_frozen_activity_format() {
        let store = InMemoryStore::new();
        let log = ActivityLog::new(&store);
        record_all(&log, &every_kind());
        record_all(&log, &every_console_kind());
        record_all(&log, &every_schema_3_kind());
        for (sequence, expected) in every_fixture().enumerate() {
            assert_eq!(
                store
                    .get(&activity_slot_key(sequence as u64))
                    .unwrap()
                    .as_deref(),
                Some(expected)
            );
        }
        assert_eq!(
            store.get(ACTIVITY_HEAD_KEY).unwrap().as_deref(),
            Some(r#"{"schema":1,"next":26}"#),
            "the head keeps schema 1, so builds reading schema 1 keep recording"
        );
    }

    #[test]
    fn the_frozen_format_reads_back_as_the_same_events_in_order() {
        let store = InMemoryStore::new();
        for (sequence, text) in every_fixture().enumerate() {
            store.insert_raw(&activity_slot_key(sequence as u64), text);
        }
        store.insert_raw(ACTIVITY_HEAD_KEY, r#"{"schema":1,"next":26}"#);
        let loaded = ActivityLog::new(&store).load();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let events: Vec<ActivityEvent> = loaded.events.into_values().collect();
        let mut expected = every_kind();
        expected.extend(every_console_kind());
        expected.extend(every_schema_3_kind());
        assert_eq!(events, expected);
        assert!(!ActivityLog::new(&store).load().older_events_dropped());
    }

    #[test]
    fn a_schema_1_log_alone_still_reads_back() {
        let store = InMemoryStore::new();
        for (sequence, text) in SCHEMA_1_AS_WRITTEN.iter().enumerate() {
            store.insert_raw(&activity_slot_key(sequence as u64), text);
        }
        store.insert_raw(ACTIVITY_HEAD_KEY, r#"{"schema":1,"next":15}"#);
        let loaded = ActivityLog::new(&store).load();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(
            loaded.events.into_values().collect::<Vec<_>>(),
            every_kind()
        );
    }

    #[test]
    fn a_console_event_costs_as_few_bytes_as_an_application_event() {
        let store = InMemoryStore::new();
        let log = ActivityLog::new(&store);
        record_all(&log, &every_kind()[..1]);
        let counting = Counting {
            inner: &store,
            sets: Cell::new(0),
            bytes: Cell::new(0),
        };
        ActivityLog::new(&counting)
            .record(&every_console_kind()[0])
            .result
            .unwrap();
        assert_eq!(counting.sets.get(), 2, "the head and one slot");
        assert!(counting.bytes.get() < 200, "{} B", counting.bytes.get());
    }

    #[test]
    fn an_entry_names_an_application_exactly_when_its_kind_has_one_under_a_schema_with_the_kind() {
        for text in [
            // A console kind under schema 1, which has none.
            r#"{"schema":1,"seq":0,"at":1,"k":"policy","from":90,"to":30}"#,
            // A console kind naming an application.
            r#"{"schema":2,"seq":0,"at":1,"id":"a","name":"A","k":"policy","from":90,"to":30}"#,
            // An application kind without its application, or with half of it.
            r#"{"schema":2,"seq":0,"at":1,"k":"enabled"}"#,
            r#"{"schema":1,"seq":0,"at":1,"id":"a","k":"enabled"}"#,
            // An interval out of range.
            r#"{"schema":2,"seq":0,"at":1,"k":"policy","from":0,"to":30}"#,
            r#"{"schema":2,"seq":0,"at":1,"k":"policy","from":90,"to":3651}"#,
            // A schema 3 kind under an older schema.
            r#"{"schema":2,"seq":0,"at":1,"id":"a","name":"A","k":"revealed","of":"current"}"#,
            r#"{"schema":2,"seq":0,"at":1,"k":"exported","count":3}"#,
            // A look at a secret without its application, or without what was looked at.
            r#"{"schema":3,"seq":0,"at":1,"k":"copied","of":"current"}"#,
            r#"{"schema":3,"seq":0,"at":1,"id":"a","name":"A","k":"copied"}"#,
            r#"{"schema":3,"seq":0,"at":1,"id":"a","name":"A","k":"revealed","of":"token"}"#,
            // An export naming an application, or without its count.
            r#"{"schema":3,"seq":0,"at":1,"id":"a","name":"A","k":"exported","count":3}"#,
            r#"{"schema":3,"seq":0,"at":1,"k":"exported"}"#,
            r#"{"schema":3,"seq":0,"at":1,"k":"exported","count":-1}"#,
        ] {
            assert!(
                matches!(decode_entry(text), Err(ActivityProblem::WrongShape(_))),
                "{text}"
            );
        }
        for schema in ["\"schema\":2", "\"schema\":3"] {
            let later = SCHEMA_1_AS_WRITTEN[2].replacen("\"schema\":1", schema, 1);
            assert_eq!(
                decode_entry(&later).map(|(_, event)| event),
                Ok(event(ActivityKind::Enabled)),
                "an application entry of {schema} reads like one of schema 1"
            );
        }
    }

    #[test]
    fn a_build_reading_schema_2_reports_the_schema_3_kinds_as_newer_and_reads_the_rest() {
        // What an older build's `decode_entry` does: decode up to its own newest schema.
        let older_build = |text: &str| {
            decode_versioned::<ReadEntry>(text, 2, |entry| entry.schema).map(|entry| entry.k)
        };
        for text in SCHEMA_3_AS_WRITTEN {
            assert_eq!(
                older_build(text).err(),
                Some(ActivityProblem::NewerSchema {
                    found: 3,
                    newest: 2
                }),
                "{text}"
            );
        }
        for text in SCHEMA_1_AS_WRITTEN.into_iter().chain(SCHEMA_2_AS_WRITTEN) {
            assert!(older_build(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn the_log_keeps_only_the_most_recent_events_up_to_the_cap() {
        let store = InMemoryStore::new();
        let log = ActivityLog::new(&store);
        for minute in 0..ACTIVITY_CAP + 5 {
            let mut numbered = event(ActivityKind::Enabled);
            numbered.at += Duration::minutes(minute as i64);
            log.record(&numbered).result.unwrap();
        }
        let loaded = log.load();
        assert_eq!(loaded.events.len() as u64, ACTIVITY_CAP);
        assert_eq!(loaded.events.keys().next(), Some(&5));
        assert_eq!(
            loaded.events.values().next().map(|event| event.at),
            Some(at() + Duration::minutes(5))
        );
        assert!(loaded.older_events_dropped());
        assert_eq!(
            store.keys().unwrap().len() as u64,
            ACTIVITY_CAP + 1,
            "one key per slot plus the head, however many were recorded"
        );
    }

    /// Counts what is written through it.
    struct Counting<'a> {
        inner: &'a InMemoryStore,
        sets: Cell<usize>,
        bytes: Cell<usize>,
    }

    impl RecordStore for Counting<'_> {
        fn get(&self, key: &str) -> Result<Option<String>, WriteError> {
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
            self.sets.set(self.sets.get() + 1);
            self.bytes.set(self.bytes.get() + key.len() + value.len());
            self.inner.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), WriteError> {
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, WriteError> {
            self.inner.keys()
        }
    }

    /// (writes, bytes) of recording one more event into a log that holds `already` events.
    fn cost_of_one_event_after(already: u64) -> (usize, usize) {
        let store = InMemoryStore::new();
        let log = ActivityLog::new(&store);
        for _ in 0..already {
            log.record(&event(ActivityKind::Enabled)).result.unwrap();
        }
        let counting = Counting {
            inner: &store,
            sets: Cell::new(0),
            bytes: Cell::new(0),
        };
        ActivityLog::new(&counting)
            .record(&event(ActivityKind::Disabled))
            .result
            .unwrap();
        (counting.sets.get(), counting.bytes.get())
    }

    #[test]
    fn recording_one_event_writes_the_same_few_bytes_at_10_and_at_2000_events() {
        let (sets_at_10, bytes_at_10) = cost_of_one_event_after(10);
        let (sets_at_cap, bytes_at_cap) = cost_of_one_event_after(ACTIVITY_CAP);
        assert_eq!((sets_at_10, sets_at_cap), (2, 2), "the head and one slot");
        // Only the digits of the sequence numbers and the slot key grow.
        assert!(
            bytes_at_cap.abs_diff(bytes_at_10) <= 8,
            "{bytes_at_10} B at 10 events, {bytes_at_cap} B at {ACTIVITY_CAP}"
        );
        assert!(bytes_at_cap < 200, "{bytes_at_cap} B for one event");
    }

    /// Chromium counts keys and values in UTF-16 against its 10 MiB per origin; 10,000
    /// applications take 5.02 MiB (README), so a full log must stay under 2 MiB for the whole to
    /// stay under 70%.
    #[test]
    fn a_full_log_of_typical_events_takes_under_a_mebibyte() {
        let store = InMemoryStore::new();
        let log = ActivityLog::new(&store);
        for number in 0..ACTIVITY_CAP {
            log.record(&ActivityEvent {
                at: at() + Duration::minutes(number as i64),
                actor: None,
                subject: ActivitySubject::Application {
                    client_id: ClientId::new(format!("0f3c1a2b-1234-4abc-8def-{number:012}")),
                    name: name(&format!("Customer Portal {number}")),
                },
                kind: ActivityKind::SecretGenerated {
                    retention: Retention::SevenDays,
                    replaced_unexpired_previous: true,
                },
            })
            .result
            .unwrap();
        }
        let utf16_bytes: usize = store
            .keys()
            .unwrap()
            .iter()
            .map(|key| 2 * (key.len() + store.get(key).unwrap().unwrap_or_default().len()))
            .sum();
        assert!(
            utf16_bytes < 1 << 20,
            "{utf16_bytes} B for {ACTIVITY_CAP} events"
        );
    }

    #[test]
    fn an_unreadable_entry_is_reported_kept_byte_for_byte_and_skipped_by_the_ring() {
        let store = InMemoryStore::new();
        let log = ActivityLog::new(&store);
        record_all(&log, &every_kind()[..3]);
        let damaged = activity_slot_key(3);
        store.insert_raw(&damaged, "{\"schema\":1,\"seq\":");

        let recorded = log.record(&event(ActivityKind::Deleted)).result;

        assert_eq!(
            recorded,
            Ok(4),
            "the damaged slot is skipped, not overwritten"
        );
        assert_eq!(
            store.get(&damaged).unwrap().as_deref(),
            Some("{\"schema\":1,\"seq\":")
        );
        let loaded = log.load();
        assert_eq!(loaded.events.len(), 4);
        assert_eq!(loaded.problems.len(), 1);
        let problem = &loaded.problems[0];
        assert_eq!(problem.key, damaged);
        assert_eq!(problem.raw.as_deref(), Some("{\"schema\":1,\"seq\":"));
        assert!(problem.concerns_activity());
        assert!(matches!(
            problem.problem,
            RecordProblem::Activity(ActivityProblem::InvalidJson(_))
        ));
    }

    #[test]
    fn an_entry_of_the_wrong_shape_or_a_newer_schema_is_refused_and_named() {
        for fixture in [
            SCHEMA_1_AS_WRITTEN[0],
            SCHEMA_2_AS_WRITTEN[0],
            SCHEMA_3_AS_WRITTEN[0],
        ] {
            let newer = fixture
                .replacen("\"schema\":1", "\"schema\":4", 1)
                .replacen("\"schema\":2", "\"schema\":4", 1)
                .replacen("\"schema\":3", "\"schema\":4", 1);
            assert_eq!(
                decode_entry(&newer),
                Err(ActivityProblem::NewerSchema {
                    found: 4,
                    newest: 3
                })
            );
        }
        for text in [
            "[]",
            "{}",
            r#"{"schema":1,"seq":0,"at":1,"id":"a","name":"A","k":"exploded"}"#,
            r#"{"schema":1,"seq":0,"at":1,"id":"a","name":" ","k":"enabled"}"#,
            r#"{"schema":1,"seq":0,"at":1,"id":"a","name":"A","k":"generated","keep":"c31d"}"#,
            r#"{"schema":1,"seq":0,"at":1,"id":"a","name":"A","k":"generated"}"#,
            r#"{"schema":1,"seq":0,"at":1,"id":"a","name":"A","k":"renamed","from":"B"}"#,
            r#"{"schema":1,"seq":0,"at":1,"id":"a","name":"A","k":"auth","from":"basic","to":"x"}"#,
            r#"{"schema":1,"seq":0,"at":1,"id":"a","name":"A","k":"created","type":null}"#,
            r#"{"schema":2,"seq":0,"at":1,"k":"policy","to":30}"#,
            r#"{"schema":2,"seq":0,"at":1,"k":"policy","from":null,"to":0}"#,
            r#"{"schema":0,"seq":0,"at":1,"id":"a","name":"A","k":"enabled"}"#,
        ] {
            assert!(
                matches!(decode_entry(text), Err(ActivityProblem::WrongShape(_))),
                "{text}"
            );
        }
    }

    #[test]
    fn a_head_from_a_newer_schema_or_unreadable_stops_recording_but_events_still_show() {
        for (head, refusal) in [
            (r#"{"schema":2,"next":3}"#, RecordActivityError::NewerSchema),
            ("{\"next\":", RecordActivityError::Unreadable),
        ] {
            let store = InMemoryStore::new();
            let log = ActivityLog::new(&store);
            record_all(&log, &every_kind()[..3]);
            store.insert_raw(ACTIVITY_HEAD_KEY, head);

            let recording = log.record(&event(ActivityKind::Deleted));

            assert_eq!(recording.result, Err(refusal));
            assert!(recording.written.is_empty());
            assert_eq!(store.get(ACTIVITY_HEAD_KEY).unwrap().as_deref(), Some(head));
            let loaded = log.load();
            assert_eq!(loaded.events.len(), 3, "{head}");
            assert_eq!(loaded.problems.len(), 1);
            assert_eq!(loaded.problems[0].raw.as_deref(), Some(head));
        }
    }

    #[test]
    fn fields_a_newer_minor_version_added_to_the_head_are_carried() {
        let store = InMemoryStore::new();
        store.insert_raw(ACTIVITY_HEAD_KEY, r#"{"schema":1,"next":0,"owner":"ops"}"#);
        ActivityLog::new(&store)
            .record(&event(ActivityKind::Enabled))
            .result
            .unwrap();
        assert_eq!(
            store.get(ACTIVITY_HEAD_KEY).unwrap().as_deref(),
            Some(r#"{"schema":1,"next":1,"owner":"ops"}"#)
        );
    }

    /// A store whose writes to slot keys fail, as a full localStorage does for a new key.
    struct SlotWritesFail<'a>(&'a InMemoryStore, RefCell<Vec<String>>);

    impl RecordStore for SlotWritesFail<'_> {
        fn get(&self, key: &str) -> Result<Option<String>, WriteError> {
            self.0.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
            self.1.borrow_mut().push(key.to_owned());
            if key == ACTIVITY_HEAD_KEY {
                self.0.set(key, value)
            } else {
                Err(WriteError::QuotaExceeded)
            }
        }
        fn remove(&self, key: &str) -> Result<(), WriteError> {
            self.0.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, WriteError> {
            self.0.keys()
        }
    }

    #[test]
    fn a_slot_write_that_fails_after_the_head_loses_only_that_event() {
        let store = InMemoryStore::new();
        record_all(&ActivityLog::new(&store), &every_kind()[..2]);
        let failing = SlotWritesFail(&store, RefCell::default());

        let recording = ActivityLog::new(&failing).record(&event(ActivityKind::Deleted));

        assert_eq!(recording.result, Err(RecordActivityError::Full));
        assert_eq!(
            recording.written,
            [ACTIVITY_HEAD_KEY.to_owned(), activity_slot_key(2)]
        );
        let loaded = ActivityLog::new(&store).load();
        assert!(loaded.problems.is_empty());
        assert_eq!(loaded.events.len(), 2);
        assert_eq!(
            ActivityLog::new(&store)
                .record(&event(ActivityKind::Enabled))
                .result,
            Ok(3)
        );
    }

    #[test]
    fn without_a_head_the_log_continues_after_its_newest_entry() {
        let store = InMemoryStore::new();
        let log = ActivityLog::new(&store);
        record_all(&log, &every_kind()[..3]);
        store.remove(ACTIVITY_HEAD_KEY).unwrap();
        assert_eq!(log.load().events.len(), 3);
        assert_eq!(log.record(&event(ActivityKind::Deleted)).result, Ok(3));
    }

    #[test]
    fn no_encoded_event_contains_a_secret() {
        let secrets = [
            "first-secret-value",
            "second-secret-value",
            "third-secret-value",
        ];
        let mut application = Application::create(
            ClientId::new("id-1"),
            name("Portal"),
            ApplicationType::OidcWebApp,
            at(),
            || Ok::<_, Infallible>(SecretValue::new(secrets[0].into())),
        )
        .unwrap();
        let mut events = vec![ActivityEvent::of(
            &application,
            at(),
            ActivityKind::Created {
                kind: application.kind,
            },
        )];
        let outcome = application
            .rotate_secret(
                SecretValue::new(secrets[1].into()),
                Retention::SevenDays,
                at(),
            )
            .unwrap();
        events.push(ActivityEvent::of(
            &application,
            at(),
            ActivityKind::SecretGenerated {
                retention: Retention::SevenDays,
                replaced_unexpired_previous: outcome.replaced_unexpired_previous,
            },
        ));
        let change = application
            .change_auth_method(
                TokenEndpointAuthMethod::None,
                || Ok::<_, crate::domain::EditError>(SecretValue::new(secrets[2].into())),
                at(),
            )
            .unwrap();
        events.push(ActivityEvent::auth_method_changed(
            &application,
            at(),
            change,
        ));
        events.extend(every_kind());
        events.extend(every_schema_3_kind());
        let store = InMemoryStore::new();
        record_all(&ActivityLog::new(&store), &events);

        for key in store.keys().unwrap() {
            let text = store.get(&key).unwrap().unwrap_or_default();
            for secret in secrets {
                assert!(!text.contains(secret), "{key}: {text}");
            }
        }
    }
}
