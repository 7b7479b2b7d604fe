//! The browser's `localStorage` as a `RecordStore`.
//!
//! Reaching `localStorage` can itself throw (blocked cookies, some private modes). This goes
//! through web-sys rather than gloo-storage because gloo's accessors panic (`expect_throw`)
//! in exactly that case; here every failure is a typed error, `open` is probed once, and the
//! app falls back to memory with a warning instead of dying.

use wasm_bindgen::JsCast;

use super::{RecordStore, WriteError};

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
        let window = web_sys::window().ok_or_else(|| StorageUnavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(Self { storage }),
            Ok(None) => Err(StorageUnavailable("localStorage is missing".into())),
            Err(error) => Err(StorageUnavailable(describe(&error))),
        }
    }
}

impl RecordStore for BrowserLocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, WriteError> {
        self.storage
            .get_item(key)
            .map_err(|error| WriteError::Refused(describe(&error)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        self.storage.set_item(key, value).map_err(|error| {
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
        let length = self
            .storage
            .length()
            .map_err(|error| WriteError::Refused(describe(&error)))?;
        let mut keys = Vec::with_capacity(length as usize);
        for index in 0..length {
            if let Ok(Some(key)) = self.storage.key(index) {
                keys.push(key);
            }
        }
        Ok(keys)
    }
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
