//! Copying text to the system clipboard (`navigator.clipboard.writeText`).

use wasm_bindgen_futures::JsFuture;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "The browser did not allow copying to the clipboard. Reveal the value and copy it by hand."
)]
pub struct ClipboardError;

pub async fn copy_text(text: &str) -> Result<(), ClipboardError> {
    let clipboard = web_sys::window()
        .ok_or(ClipboardError)?
        .navigator()
        .clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ClipboardError)
}
