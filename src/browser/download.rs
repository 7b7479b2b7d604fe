//! Saving text as a file the user downloads, without any network request.

use wasm_bindgen::JsCast;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("The browser did not allow the download.")]
pub struct DownloadError;

pub fn download_text_file(file_name: &str, contents: &str) -> Result<(), DownloadError> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or(DownloadError)?;
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| DownloadError)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadError)?;
    let anchor = document
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or(DownloadError)?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
