//! A panic anywhere shows the fatal-error banner that index.html ships, instead of a dead page.
//! Its own test binary (and page): after the deliberate panic this WebAssembly instance has
//! trapped once, which no other test should have to run beside.
#![cfg(target_arch = "wasm32")]

mod common;

use client_secret_console::browser::panic::show_panics_on_the_page;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// The banner exactly as the shipped page has it.
fn banner_from_index_html() -> &'static str {
    const INDEX_HTML: &str = include_str!("../index.html");
    let start = INDEX_HTML
        .find("<div id=\"fatal-error\"")
        .expect("index.html has the fatal-error banner");
    let length = INDEX_HTML[start..]
        .find("</div>")
        .expect("the banner element is closed")
        + "</div>".len();
    &INDEX_HTML[start..start + length]
}

#[wasm_bindgen_test]
async fn a_panic_in_an_event_callback_unhides_the_readable_banner() {
    common::mount_point().set_inner_html(banner_from_index_html());
    let banner: HtmlElement = common::document()
        .get_element_by_id("fatal-error")
        .expect("banner mounted")
        .unchecked_into();
    assert!(banner.hidden(), "hidden while all is well");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));

    show_panics_on_the_page();
    let panics =
        Closure::once_into_js(|| -> () { panic!("a deliberate panic with secret-looking text") });
    web_sys::window()
        .expect("window")
        .set_timeout_with_callback_and_timeout_and_arguments_0(panics.unchecked_ref(), 0)
        .expect("setTimeout");
    common::settle().await;

    assert!(!banner.hidden(), "the panic showed the banner");
    let text = banner.text_content().unwrap_or_default();
    assert!(text.contains("Reload the page to continue"), "{text}");
    assert!(
        !text.contains("secret-looking"),
        "the page never quotes the panic message"
    );
}
