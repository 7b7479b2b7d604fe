//! The browser's `localStorage` as a `RecordStore`.
//!
//! Reaching `localStorage` can itself throw: blocked cookies, some private modes, or a permission
//! the user revokes while the page is open, after which the `window.localStorage` getter throws.
//! gloo-storage's accessors read that getter on every call and `expect_throw` when it throws,
//! which would tear through the wasm mid-command. So every path here first asks the getter
//! through web-sys, where a refusal is a typed error, and reaches gloo only once it answered:
//! - `open` probes once; on failure the app falls back to memory with its warning.
//! - `keys` re-probes, then lists the keys in one `Object.keys` (only a key JSON cannot carry
//!   falls back to counting and listing them through gloo, `LocalStorage::length` and `raw`).
//! - `set` re-probes, so a revoked permission makes the command fail with a clear message, then
//!   writes through web-sys: gloo's `set` would JSON-encode the already encoded record a second
//!   time, and its error conversion panics on a thrown value that is not an `Error`.
//! - `get` reads through web-sys on the handle `open` got, with no probe (reading is harmless and
//!   runs once per record on load): gloo's `get` parses into a typed value and drops the text,
//!   but a record that cannot be read must be kept and reported byte for byte.

use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::JsCast;

use super::{InMemoryStore, RecordStore, WriteError};

/// Why this browser gives the page no localStorage.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "This browser does not allow the console to use its storage ({0}). Changes cannot be saved and will be lost when the page closes."
)]
pub struct StorageUnavailable(String);

#[derive(Debug)]
pub struct BrowserLocalStorage {
    storage: web_sys::Storage,
}

impl BrowserLocalStorage {
    pub fn open() -> Result<Self, StorageUnavailable> {
        reachable_storage().map(|storage| Self { storage })
    }
}

/// The browser's localStorage, or, when the browser refuses it, a store in memory and the
/// warning that changes will not outlive the page.
pub fn local_storage_or_memory() -> (Box<dyn RecordStore>, Option<String>) {
    match BrowserLocalStorage::open() {
        Ok(storage) => (Box::new(storage), None),
        Err(unavailable) => (
            Box::new(InMemoryStore::new()),
            Some(unavailable.to_string()),
        ),
    }
}

/// `window.localStorage`, asked through web-sys so that a refusal is a value, not a throw.
fn reachable_storage() -> Result<web_sys::Storage, StorageUnavailable> {
    let window = web_sys::window().ok_or_else(|| StorageUnavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageUnavailable("localStorage is missing".into())),
        Err(error) => Err(StorageUnavailable(describe(&error))),
    }
}

/// The same check before a write or a listing, as the error those report.
fn still_reachable() -> Result<web_sys::Storage, WriteError> {
    reachable_storage().map_err(|StorageUnavailable(reason)| WriteError::Refused(reason))
}

impl RecordStore for BrowserLocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, WriteError> {
        self.storage
            .get_item(key)
            .map_err(|error| WriteError::Refused(describe(&error)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        still_reachable()?.set_item(key, value).map_err(|error| {
            if is_quota_error(&error) {
                WriteError::QuotaExceeded
            } else {
                WriteError::Refused(describe(&error))
            }
        })
    }

    fn remove(&self, key: &str) -> Result<(), WriteError> {
        self.storage
            .remove_item(key)
            .map_err(|error| WriteError::Refused(describe(&error)))
    }

    fn keys(&self) -> Result<Vec<String>, WriteError> {
        let storage = still_reachable()?;
        // One crossing into the wasm for all of them (12,000 keys with 10,000 applications and a
        // full log) instead of a call and a string each. `Object.keys` leaves out a key named
        // like a method of Storage or Object ("length", "key", "toString"), which none of ours
        // is; JSON that serde refuses (a key with a lone surrogate, written by some other page
        // of the origin) takes the slow way.
        let listed = js_sys::JSON::stringify(&js_sys::Object::keys(&storage))
            .ok()
            .and_then(|text| text.as_string())
            .and_then(|text| serde_json::from_str(&text).ok());
        Ok(listed.unwrap_or_else(keys_one_by_one))
    }
}

/// Every key, asked for one at a time.
fn keys_one_by_one() -> Vec<String> {
    // The getter just answered, so gloo's accessors (which expect_throw on it) cannot throw.
    let storage = LocalStorage::raw();
    (0..LocalStorage::length())
        .filter_map(|index| storage.key(index).ok().flatten())
        .collect()
}

fn is_quota_error(error: &wasm_bindgen::JsValue) -> bool {
    error
        .dyn_ref::<js_sys::Error>()
        .is_some_and(|error| error.name() == "QuotaExceededError")
}

fn describe(error: &wasm_bindgen::JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => error.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}
