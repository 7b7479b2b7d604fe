//! Panics become a visible, readable message instead of a dead page. The console still gets the
//! details (the panic message and location, with the browser's stack trace of the call); the page
//! gets a plain sentence with no data in it, since a panic message could quote a value.

use wasm_bindgen::{JsCast, JsValue};

pub fn show_panics_on_the_page() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
        show_fatal_error();
    }));
}

fn show_fatal_error() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(banner) = document
        .get_element_by_id("fatal-error")
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    banner.set_hidden(false);
}
