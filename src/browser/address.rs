//! The page's own address: where it is (for the sign-on's Redirect URI and the page to return
//! to), leaving it for the authorization server, and taking the sign-on's answer (`code`,
//! `state`) out of it without a new history entry, so the code is never bookmarked, shared or
//! sent back with Back.

/// This page's origin, e.g. `https://console.example.com`.
pub fn origin() -> Option<String> {
    web_sys::window()?.location().origin().ok()
}

/// The query string without its `?` (empty when there is none).
pub fn query() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .map(|search| search.trim_start_matches('?').to_owned())
        .unwrap_or_default()
}

/// The path, query and fragment: the page to come back to.
pub fn path_and_query() -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!(
        "{}{}{}",
        location.pathname().ok()?,
        location.search().ok()?,
        location.hash().ok()?
    ))
}

/// Replaces the address with `path` (same origin) without adding a history entry.
pub fn replace_with(path: &str) {
    if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("The browser did not leave for the sign-on page.")]
pub struct CannotLeave;

/// Leaves the page for `url` (the authorization server, or this site again).
pub fn go_to(url: &str) -> Result<(), CannotLeave> {
    web_sys::window()
        .ok_or(CannotLeave)?
        .location()
        .assign(url)
        .map_err(|_| CannotLeave)
}
