//! Reading a file the user picked in a file field (`Blob.text()`), after checking its size, so
//! a huge file is refused before any of it is in memory.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("The browser could not read this file ({0}). Choose it again.")]
pub struct FileReadError(String);

/// The first file chosen in `input`, if any.
pub fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    input.files()?.get(0)
}

/// The size of `file` in bytes, known without reading it.
pub fn file_size(file: &web_sys::File) -> u64 {
    file.size() as u64
}

/// The whole file as text (UTF-8; invalid bytes become U+FFFD, which validation then refuses).
pub async fn read_text(file: &web_sys::File) -> Result<String, FileReadError> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|error| FileReadError(describe(&error)))?;
    text.as_string()
        .ok_or_else(|| FileReadError("its contents are not text".into()))
}

fn describe(error: &wasm_bindgen::JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => "unknown error".into(),
    }
}
