//! Panics become a visible, readable message instead of a dead page. The console still gets the
//! details (console_error_panic_hook); the page gets a plain sentence with no data in it, since a
//! panic message could quote a value.

use wasm_bindgen::JsCast;

pub fn show_panics_on_the_page() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
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
