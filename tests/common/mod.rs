//! Helpers shared by the browser tests: a clean localStorage, a mount point, waiting for the
//! reactive system, and finding elements.

#![allow(dead_code)] // Each test crate uses a different subset of these helpers.

use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, HtmlElement, Storage};

pub fn document() -> Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect("tests run in a browser page")
}

pub fn local_storage() -> Storage {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .expect("the test browser has localStorage")
}

/// Removes everything this app stores, so each test starts from a first visit.
pub fn clear_app_storage() {
    let storage = local_storage();
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|index| storage.key(index).ok().flatten())
        .collect();
    for key in keys
        .iter()
        .filter(|key| key.starts_with("client-secret-console."))
    {
        storage.remove_item(key).expect("removing a test key");
    }
}

/// A fresh element to mount into, so tests never replace `<body>`.
pub fn mount_point() -> HtmlElement {
    let element: HtmlElement = document()
        .create_element("div")
        .expect("create div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&element)
        .expect("append mount point");
    element
}

/// Lets timers, microtasks and Leptos effects run.
pub async fn settle() {
    for _ in 0..3 {
        let promise = Promise::new(&mut |resolve, _| {
            web_sys::window()
                .expect("window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .expect("setTimeout");
        });
        JsFuture::from(promise).await.expect("timer resolves");
    }
}

pub fn query(root: &Element, selector: &str) -> Option<HtmlElement> {
    root.query_selector(selector)
        .expect("valid selector")
        .map(JsCast::unchecked_into)
}

/// The first element matching `selector` whose text contains `text`.
pub fn find_by_text(root: &Element, selector: &str, text: &str) -> Option<HtmlElement> {
    let nodes = root.query_selector_all(selector).expect("valid selector");
    (0..nodes.length())
        .filter_map(|index| nodes.item(index))
        .map(JsCast::unchecked_into::<HtmlElement>)
        .find(|element| element.text_content().unwrap_or_default().contains(text))
}

pub fn set_url(path: &str) {
    web_sys::window()
        .expect("window")
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .expect("replaceState");
}
