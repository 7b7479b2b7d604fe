//! The tab's `sessionStorage`, for what must survive the sign-on round trip to PingOne and back
//! (the PKCE verifier, the `state`, the page to return to) and whether this tab is connected.
//! Never a token: tokens live in memory only. Every failure is `None` or an error, never a panic:
//! a browser that refuses storage signs on without returning to the same page.

/// The value under `key`, if the browser has one and lets the page read it.
pub fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Reads and removes the value under `key`: what is taken cannot be replayed.
pub fn take(key: &str) -> Option<String> {
    let storage = storage()?;
    let value = storage.get_item(key).ok().flatten();
    let _ = storage.remove_item(key);
    value
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("This browser refused to keep the sign-on's state for the round trip to PingOne.")]
pub struct SessionStorageRefused;

pub fn write(key: &str, value: &str) -> Result<(), SessionStorageRefused> {
    storage()
        .ok_or(SessionStorageRefused)?
        .set_item(key, value)
        .map_err(|_| SessionStorageRefused)
}

pub fn remove(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}
