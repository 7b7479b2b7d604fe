//! A `RecordStore` inside another under a key prefix of its own: what the console keeps about a
//! PingOne environment (its activity log, its settings) sits in the same localStorage as this
//! browser's applications, under keys those never use, so neither can touch the other.

use super::{RecordStore, WriteError};

pub struct NamespacedStore {
    inner: Box<dyn RecordStore>,
    prefix: String,
}

impl NamespacedStore {
    /// The store of the PingOne environment `environment_id` inside `inner`.
    pub fn for_environment(inner: Box<dyn RecordStore>, environment_id: &str) -> Self {
        Self {
            inner,
            prefix: environment_prefix(environment_id),
        }
    }

    fn key(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }
}

/// Where `key` of the environment `environment_id`'s store really is in localStorage: what the
/// cross-tab write markers must name (`browser::locks`).
pub fn environment_key(environment_id: &str, key: &str) -> String {
    format!("{}{key}", environment_prefix(environment_id))
}

fn environment_prefix(environment_id: &str) -> String {
    format!("client-secret-console.pingone.{environment_id}/")
}

impl RecordStore for NamespacedStore {
    fn get(&self, key: &str) -> Result<Option<String>, WriteError> {
        self.inner.get(&self.key(key))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        self.inner.set(&self.key(key), value)
    }

    fn remove(&self, key: &str) -> Result<(), WriteError> {
        self.inner.remove(&self.key(key))
    }

    fn keys(&self) -> Result<Vec<String>, WriteError> {
        Ok(self
            .inner
            .keys()?
            .into_iter()
            .filter_map(|key| key.strip_prefix(&self.prefix).map(str::to_owned))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::storage::InMemoryStore;

    #[test]
    fn the_environments_keys_never_meet_this_browsers() {
        let underneath = Rc::new(InMemoryStore::new());
        underneath
            .set("client-secret-console.v1.index", "browser")
            .unwrap();
        let environment = NamespacedStore::for_environment(Box::new(underneath.clone()), "env-1");
        assert_eq!(
            environment.get("client-secret-console.v1.index").unwrap(),
            None
        );
        environment
            .set("client-secret-console.v1.index", "environment")
            .unwrap();
        assert_eq!(
            environment.keys().unwrap(),
            vec!["client-secret-console.v1.index".to_owned()]
        );
        assert_eq!(
            underneath
                .get("client-secret-console.v1.index")
                .unwrap()
                .as_deref(),
            Some("browser")
        );
        environment
            .remove("client-secret-console.v1.index")
            .unwrap();
        assert_eq!(underneath.keys().unwrap().len(), 1);
    }
}
