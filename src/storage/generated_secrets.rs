//! When this console generated each application's current secret in a PingOne environment.
//! PingOne does not say when a secret was made, so the console remembers it itself, in the
//! environment's own store (`NamespacedStore`), under one key: a JSON map
//! `{"<application ID>": {"fingerprint": "<16 hex>", "at": <ms since the epoch>}}`. The
//! fingerprint (the first 16 hex characters of the secret's SHA-256) tells whether the secret
//! PingOne now holds is still the one generated then; the secret itself is never stored.
//! Same rules as the other stored objects: text that cannot be read is kept and never
//! overwritten (every age is then unknown, as without it), and fields of an entry this version
//! does not define are carried through rewrites.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{RecordStore, WriteError};

pub const GENERATED_SECRETS_KEY: &str = "client-secret-console.v1.generated-secrets";
/// Hex characters of the SHA-256 kept: 64 bits, enough to tell secrets apart, and nothing that
/// helps guess one.
const FINGERPRINT_LENGTH: usize = 16;

/// One generation: which secret (by fingerprint) and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneratedSecret {
    pub fingerprint: String,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub at: DateTime<Utc>,
}

/// Why a generation was not remembered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RememberError {
    #[error(
        "What this browser remembers about generated secrets is unreadable, so it was left untouched."
    )]
    Unreadable,
    #[error(transparent)]
    Store(#[from] WriteError),
}

/// The fingerprint of a secret from its SHA-256 `digest`: its first 16 hex characters.
pub fn fingerprint_of_digest(digest: &[u8]) -> String {
    digest
        .iter()
        .flat_map(|byte| [byte >> 4, byte & 0x0f])
        .take(FINGERPRINT_LENGTH)
        .map(|nibble| char::from_digit(u32::from(nibble), 16).unwrap_or('0'))
        .collect()
}

/// The remembered generation of `application_id`'s secret, if any (none when unreadable).
pub fn generated_secret(store: &dyn RecordStore, application_id: &str) -> Option<GeneratedSecret> {
    let entries = read(store).ok()?;
    serde_json::from_str(entries.get(application_id)?.get()).ok()
}

/// Remembers that `application_id`'s secret is now `generated`, in place of an older one;
/// refused, without a write, while the stored text cannot be read.
pub fn remember_generated_secret(
    store: &dyn RecordStore,
    application_id: &str,
    generated: &GeneratedSecret,
) -> Result<(), RememberError> {
    let mut entries = read(store).map_err(|()| RememberError::Unreadable)?;
    // Fields of the entry this version does not define are carried (as raw JSON text).
    let mut entry: BTreeMap<String, Box<RawValue>> = entries
        .remove(application_id)
        .and_then(|carried| serde_json::from_str(carried.get()).ok())
        .unwrap_or_default();
    let fields = serde_json::to_string(generated)
        .and_then(|text| serde_json::from_str::<BTreeMap<String, Box<RawValue>>>(&text))
        .map_err(|error| WriteError::Refused(error.to_string()))?;
    entry.extend(fields);
    let entry = serde_json::to_string(&entry)
        .and_then(RawValue::from_string)
        .map_err(|error| WriteError::Refused(error.to_string()))?;
    entries.insert(application_id.to_owned(), entry);
    let text =
        serde_json::to_string(&entries).map_err(|error| WriteError::Refused(error.to_string()))?;
    store.set(GENERATED_SECRETS_KEY, &text)?;
    Ok(())
}

/// Every entry as stored (nothing stored: none); `Err` when the text is not such a map.
fn read(store: &dyn RecordStore) -> Result<BTreeMap<String, Box<RawValue>>, ()> {
    match store.get(GENERATED_SECRETS_KEY) {
        Ok(None) => Ok(BTreeMap::new()),
        Ok(Some(text)) => serde_json::from_str(&text).map_err(|_| ()),
        Err(_) => Err(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::InMemoryStore;
    use chrono::TimeZone;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, hour, 0, 0).unwrap()
    }

    fn generated(fingerprint: &str, hour: u32) -> GeneratedSecret {
        GeneratedSecret {
            fingerprint: fingerprint.into(),
            at: at(hour),
        }
    }

    #[test]
    fn a_fingerprint_is_the_first_16_hex_characters_of_the_digest() {
        // SHA-256("abc")
        let digest = [
            0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae,
            0x22, 0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61,
            0xf2, 0x00, 0x15, 0xad,
        ];
        assert_eq!(fingerprint_of_digest(&digest), "ba7816bf8f01cfea");
    }

    #[test]
    fn a_generation_is_remembered_per_application_and_replaced_by_the_next() {
        let store = InMemoryStore::new();
        assert_eq!(generated_secret(&store, "app-1"), None);
        remember_generated_secret(&store, "app-1", &generated("00112233aabbccdd", 1)).unwrap();
        remember_generated_secret(&store, "app-2", &generated("ffeeddccbbaa9988", 2)).unwrap();
        remember_generated_secret(&store, "app-1", &generated("0123456789abcdef", 3)).unwrap();
        assert_eq!(
            generated_secret(&store, "app-1"),
            Some(generated("0123456789abcdef", 3))
        );
        assert_eq!(
            generated_secret(&store, "app-2"),
            Some(generated("ffeeddccbbaa9988", 2))
        );
        let stored = store.get(GENERATED_SECRETS_KEY).unwrap().unwrap();
        assert_eq!(
            stored,
            format!(
                r#"{{"app-1":{{"at":{},"fingerprint":"0123456789abcdef"}},"app-2":{{"at":{},"fingerprint":"ffeeddccbbaa9988"}}}}"#,
                at(3).timestamp_millis(),
                at(2).timestamp_millis()
            )
        );
    }

    #[test]
    fn unreadable_text_is_kept_never_overwritten() {
        let store = InMemoryStore::new();
        store.insert_raw(GENERATED_SECRETS_KEY, "{damaged");
        assert_eq!(generated_secret(&store, "app-1"), None);
        assert_eq!(
            remember_generated_secret(&store, "app-1", &generated("0123456789abcdef", 1)),
            Err(RememberError::Unreadable)
        );
        assert_eq!(
            store.get(GENERATED_SECRETS_KEY).unwrap().as_deref(),
            Some("{damaged")
        );
    }

    #[test]
    fn an_entry_this_version_cannot_read_is_none_and_unknown_fields_are_carried() {
        let store = InMemoryStore::new();
        store.insert_raw(
            GENERATED_SECRETS_KEY,
            r#"{"app-1":{"fingerprint":7},"app-2":{"fingerprint":"aa","at":1,"by":"Ada"}}"#,
        );
        assert_eq!(generated_secret(&store, "app-1"), None);
        remember_generated_secret(&store, "app-2", &generated("0123456789abcdef", 1)).unwrap();
        let stored: serde_json::Value =
            serde_json::from_str(&store.get(GENERATED_SECRETS_KEY).unwrap().unwrap()).unwrap();
        assert_eq!(stored["app-2"]["by"], "Ada");
        assert_eq!(stored["app-1"]["fingerprint"], 7);
        assert_eq!(
            generated_secret(&store, "app-2"),
            Some(generated("0123456789abcdef", 1))
        );
    }
}
