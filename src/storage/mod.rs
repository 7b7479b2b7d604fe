//! Persistence: where applications live between visits, and how damage is contained.
//!
//! `RecordStore` is the seam to the outside: a flat map of string keys to string values, with
//! `local_storage::BrowserLocalStorage` for the real browser and `memory::InMemoryStore` for
//! tests and for sessions where the browser refuses storage. `ApplicationRepository` holds all
//! the rules over any store: the record format and its versions (`record`), the index, and the
//! promise that a record it cannot read is left exactly where it is and reported. The activity
//! log (`activity`) and the console-wide settings (`settings`) live in the same store under their
//! own keys, by the same rules, and so are the PingOne connection's settings (`connection`) and,
//! in an environment's own store, when this console generated its secrets (`generated_secrets`).

mod activity;
mod connection;
mod generated_secrets;
mod local_storage;
mod memory;
mod namespaced;
mod record;
mod repository;
mod settings;

pub use activity::{
    ACTIVITY_CAP, ACTIVITY_HEAD_KEY, ACTIVITY_PREFIX, ACTIVITY_SCHEMA, ActivityLog,
    ActivityProblem, LoadedActivity, RecordActivityError, Recording, activity_slot_key,
    is_activity_key,
};
pub use connection::{
    CONNECTION_KEY, RememberedConnection, remember_connection, remembered_connection,
};
pub use generated_secrets::{
    GENERATED_SECRETS_KEY, GeneratedSecret, RememberError, fingerprint_of_digest,
};
pub use local_storage::{BrowserLocalStorage, StorageUnavailable, local_storage_or_memory};
pub use memory::InMemoryStore;
pub use namespaced::{NamespacedStore, environment_key};
pub use record::{CURRENT_SCHEMA, RecordProblem};
pub use repository::{
    ApplicationRepository, BatchError, INDEX_KEY, KEY_PREFIX, LoadedApplications, SaveError,
    StorageProblem, client_id_of_key, record_key,
};
pub use settings::{LoadedSettings, SETTINGS_KEY, SETTINGS_SCHEMA, SettingsRepository};

/// A flat string key-value store, the shape of `window.localStorage`.
pub trait RecordStore {
    fn get(&self, key: &str) -> Result<Option<String>, WriteError>;
    fn set(&self, key: &str, value: &str) -> Result<(), WriteError>;
    /// Removes `key`; removing a key that is not there is not an error.
    fn remove(&self, key: &str) -> Result<(), WriteError>;
    /// Every key currently stored, in no particular order.
    fn keys(&self) -> Result<Vec<String>, WriteError>;
}

/// Why the store refused an operation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    #[error("The browser's storage for this site is full, so the change was not saved.")]
    QuotaExceeded,
    #[error("The browser refused to save the change ({0}).")]
    Refused(String),
}
