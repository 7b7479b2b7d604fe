//! The PingOne connection's settings (region, IDs, URLs: never a token), remembered in
//! localStorage under a key of their own so the Connect dialog is filled in on the next visit.
//! Same rules as the other stored objects: text that cannot be read is kept and reported, and
//! never overwritten (the dialog starts empty and Sign On then does not remember).

use crate::domain::Connection;

use super::{RecordStore, WriteError};

pub const CONNECTION_KEY: &str = "client-secret-console.v1.connection";

/// What is remembered: nothing, a connection, or text this build cannot read (kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RememberedConnection {
    None,
    Connection(Connection),
    Unreadable,
}

pub fn remembered_connection(store: &dyn RecordStore) -> RememberedConnection {
    match store.get(CONNECTION_KEY) {
        Ok(None) => RememberedConnection::None,
        Ok(Some(text)) => match serde_json::from_str(&text) {
            Ok(connection) => RememberedConnection::Connection(connection),
            Err(_) => RememberedConnection::Unreadable,
        },
        Err(_) => RememberedConnection::Unreadable,
    }
}

/// Remembers `connection`, unless what is stored cannot be read (it is kept as it is).
pub fn remember_connection(
    store: &dyn RecordStore,
    connection: &Connection,
) -> Result<(), WriteError> {
    if remembered_connection(store) == RememberedConnection::Unreadable {
        return Ok(());
    }
    let text = serde_json::to_string(connection)
        .map_err(|error| WriteError::Refused(error.to_string()))?;
    store.set(CONNECTION_KEY, &text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ConnectionForm, Region};
    use crate::storage::InMemoryStore;

    fn connection() -> Connection {
        ConnectionForm {
            region: Region::Canada,
            environment_id: "3f5b1a2e-8c4d-4e6f-9a1b-2c3d4e5f6a7b".into(),
            client_id: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d".into(),
            ..ConnectionForm::default()
        }
        .validate()
        .unwrap()
    }

    #[test]
    fn a_remembered_connection_comes_back_without_any_token() {
        let store = InMemoryStore::new();
        assert_eq!(remembered_connection(&store), RememberedConnection::None);
        remember_connection(&store, &connection()).unwrap();
        assert_eq!(
            remembered_connection(&store),
            RememberedConnection::Connection(connection())
        );
        let stored = store.get(CONNECTION_KEY).unwrap().unwrap();
        assert!(!stored.to_lowercase().contains("token\""));
    }

    #[test]
    fn unreadable_settings_are_kept_not_overwritten() {
        let store = InMemoryStore::new();
        store.insert_raw(CONNECTION_KEY, "{damaged");
        assert_eq!(
            remembered_connection(&store),
            RememberedConnection::Unreadable
        );
        remember_connection(&store, &connection()).unwrap();
        assert_eq!(
            store.get(CONNECTION_KEY).unwrap().as_deref(),
            Some("{damaged")
        );
    }
}
