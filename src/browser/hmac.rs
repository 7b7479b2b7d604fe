//! HMAC-SHA-256 through the browser's Web Crypto (`crypto.subtle`), which signs client
//! assertions (HS256) without shipping a hash implementation in the bundle.
//!
//! Web Crypto exists only in secure contexts (https, or http on the loopback host); elsewhere
//! signing fails with a typed error rather than a panic.

use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, HmacImportParams};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SigningError {
    #[error(
        "This browser offers no Web Crypto here (it needs a secure https page), so the client assertion cannot be signed."
    )]
    Unavailable,
    #[error("The browser could not sign the client assertion ({0}).")]
    Failed(String),
}

/// The HMAC-SHA-256 of `message` under `key`.
pub async fn hmac_sha256(key: &[u8], message: &[u8]) -> Result<Vec<u8>, SigningError> {
    let subtle = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .map(|crypto| crypto.subtle())
        .filter(|subtle| !JsValue::from(subtle).is_undefined())
        .ok_or(SigningError::Unavailable)?;
    let algorithm = HmacImportParams::new("HMAC", &JsValue::from_str("SHA-256"));
    let usages = Array::of1(&JsValue::from_str("sign"));
    let key_data = Uint8Array::from(key);
    let imported = subtle
        .import_key_with_object("raw", &key_data, &algorithm, false, &usages)
        .map_err(failed)?;
    let key: CryptoKey = JsFuture::from(imported)
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    let signed = subtle
        .sign_with_str_and_u8_array("HMAC", &key, message)
        .map_err(failed)?;
    let signature: ArrayBuffer = JsFuture::from(signed)
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    Ok(Uint8Array::new(&signature).to_vec())
}

fn failed(error: JsValue) -> SigningError {
    let detail = match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => error.as_string().unwrap_or_else(|| "unknown error".into()),
    };
    SigningError::Failed(detail)
}
