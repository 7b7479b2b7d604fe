//! SHA-256 through the browser's Web Crypto (`crypto.subtle.digest`): the PKCE code challenge
//! (RFC 7636, S256) without shipping a hash implementation in the bundle.

use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "This browser offers no Web Crypto here (it needs a secure https page, or http on localhost), so it cannot sign on."
)]
pub struct DigestUnavailable;

/// The SHA-256 of `message`.
pub async fn sha256(message: &[u8]) -> Result<Vec<u8>, DigestUnavailable> {
    let subtle = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .map(|crypto| crypto.subtle())
        .filter(|subtle| !JsValue::from(subtle).is_undefined())
        .ok_or(DigestUnavailable)?;
    let digest = subtle
        .digest_with_str_and_u8_array("SHA-256", message)
        .map_err(|_| DigestUnavailable)?;
    let bytes: ArrayBuffer = JsFuture::from(digest)
        .await
        .map_err(|_| DigestUnavailable)?
        .dyn_into()
        .map_err(|_| DigestUnavailable)?;
    Ok(Uint8Array::new(&bytes).to_vec())
}
