//! Connecting the console to a PingOne environment: the Connect to PingOne dialog, the top
//! bar's part (Connect, or the environment with Sign Off), and what the pages say while signing
//! on, when a sign-on was refused and when the session ends.

pub mod connect_dialog;
pub mod connection_alerts;
pub mod connection_bar;

use leptos::prelude::*;

/// The Redirect URI this console signs on with: its own address at the site's root, which the
/// administrator registers in PingOne.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RedirectUri(pub String);

pub fn provide_redirect_uri(redirect_uri: RedirectUri) {
    provide_context(redirect_uri);
}

pub fn use_redirect_uri() -> String {
    use_context::<RedirectUri>()
        .map(|uri| uri.0)
        .unwrap_or_default()
}
