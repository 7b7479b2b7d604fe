//! A `RecordStore` in memory: for tests, and for sessions where localStorage is blocked.

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::{RecordStore, WriteError};

#[derive(Debug, Default)]
pub struct InMemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
    refuse_writes: Option<WriteError>,
}

impl InMemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store whose every write fails with `error`, as a full or blocked localStorage does.
    pub fn refusing_writes(error: WriteError) -> Self {
        Self {
            entries: RefCell::default(),
            refuse_writes: Some(error),
        }
    }

    /// Puts raw text in place, bypassing the repository: how tests plant damaged records.
    pub fn insert_raw(&self, key: &str, value: &str) {
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
    }
}

impl RecordStore for InMemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, WriteError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        if let Some(error) = &self.refuse_writes {
            return Err(error.clone());
        }
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), WriteError> {
        if let Some(error) = &self.refuse_writes {
            return Err(error.clone());
        }
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, WriteError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}

/// A store a test keeps a handle on after handing it to a repository.
#[cfg(test)]
impl RecordStore for std::rc::Rc<InMemoryStore> {
    fn get(&self, key: &str) -> Result<Option<String>, WriteError> {
        self.as_ref().get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        self.as_ref().set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), WriteError> {
        self.as_ref().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, WriteError> {
        self.as_ref().keys()
    }
}
