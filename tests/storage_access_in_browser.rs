//! The browser refusing localStorage, for real: the `window.localStorage` getter throws, either
//! before the console starts (blocked cookies, some private modes) or after it loaded (the user
//! blocks storage for the site while the page is open). The console must keep working in memory
//! or refuse the change with a clear message, and never panic. Its own test binary (and page):
//! the getter is replaced on the page's window.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::Cell;
use std::convert::Infallible;
use std::rc::Rc;

use chrono::{TimeZone, Utc};
use client_secret_console::components::App;
use client_secret_console::domain::{
    Application, ApplicationName, ApplicationType, ClientId, FixedClock, SecretValue,
};
use client_secret_console::storage::{
    ApplicationRepository, BrowserLocalStorage, local_storage_or_memory, record_key,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlButtonElement};

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    static PANICKED: Cell<bool> = const { Cell::new(false) };
}

/// Records any panic, so a test can say none happened (a panic in a callback would otherwise
/// only reach the console).
fn record_panics() {
    std::panic::set_hook(Box::new(|info| {
        PANICKED.with(|panicked| panicked.set(true));
        console_error_panic_hook::hook(info);
    }));
}

/// From now on `window.localStorage` throws a SecurityError, as when the browser blocks storage.
fn block_local_storage() {
    js_sys::Function::new_no_args(
        "window.__localStorageGetter = Object.getOwnPropertyDescriptor(window, 'localStorage') \
           ?? Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage'); \
         Object.defineProperty(window, 'localStorage', { configurable: true, get() { \
           throw new DOMException('The user blocked storage for this site.', 'SecurityError'); } });",
    )
    .call0(&wasm_bindgen::JsValue::UNDEFINED)
    .expect("the getter is replaced");
}

/// Gives the page its own `localStorage` back.
fn unblock_local_storage() {
    js_sys::Function::new_no_args(
        "Object.defineProperty(window, 'localStorage', window.__localStorageGetter);",
    )
    .call0(&wasm_bindgen::JsValue::UNDEFINED)
    .expect("the getter is restored");
}

fn clock() -> Rc<FixedClock> {
    Rc::new(FixedClock::at(
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap(),
    ))
}

fn text_of(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_getter_that_throws_at_start_leaves_the_console_in_memory_with_its_warning() {
    record_panics();
    block_local_storage();
    let opened = BrowserLocalStorage::open();
    let (store, storage_warning) = local_storage_or_memory();
    let repository = ApplicationRepository::new(store);
    common::set_url("/applications");
    let root = common::mount_point();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <App repository clock=clock() storage_warning /> }
    });
    common::settle().await;
    unblock_local_storage();

    let error = opened.expect_err("the probe reports the refusal");
    assert!(
        error.to_string().contains("blocked storage"),
        "the reason is named: {error}"
    );
    let warning = common::query(&root, "[role=alert]").expect("a storage warning");
    let warning = text_of(&warning);
    assert!(
        warning.contains("Changes cannot be saved"),
        "the warning says what it means: {warning}"
    );
    assert!(
        text_of(&root).contains("Customer Portal"),
        "the demo applications are there, in memory"
    );
    assert!(!PANICKED.with(Cell::get), "nothing panicked");
}

#[wasm_bindgen_test]
async fn a_getter_that_starts_throwing_after_load_makes_a_rotation_fail_with_a_message_and_no_panic()
 {
    record_panics();
    common::clear_app_storage();
    let client_id = ClientId::new("web-blocked");
    let application = Application::create(
        client_id.clone(),
        ApplicationName::parse("Blocked Later").unwrap(),
        ApplicationType::OidcWebApp,
        Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
        || Ok::<_, Infallible>(SecretValue::new("the-stored-secret".into())),
    )
    .unwrap();
    let store = BrowserLocalStorage::open().expect("storage is allowed at first");
    let repository = ApplicationRepository::new(Box::new(store));
    repository.add(&application).unwrap();
    let stored_before = common::local_storage()
        .get_item(&record_key(&client_id))
        .unwrap();
    common::set_url("/applications/web-blocked/configuration");
    let root = common::mount_point();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <App repository clock=clock() /> }
    });
    common::settle().await;

    block_local_storage();
    common::find_by_text(&root, "button", "Generate New Secret")
        .expect("Generate button")
        .click();
    common::settle().await;
    common::query(&root, "dialog[open] input[type=checkbox]")
        .expect("acknowledgement")
        .click();
    common::settle().await;
    let dialog = common::query(&root, "dialog[open]").expect("the dialog is open");
    common::find_by_text(&dialog, "button", "Confirm")
        .expect("Confirm")
        .unchecked_into::<HtmlButtonElement>()
        .click();
    common::settle().await;
    common::settle().await;
    unblock_local_storage();

    let failure = common::query(&root, "dialog[open] [role=alert]")
        .map(|alert| text_of(&alert))
        .unwrap_or_default();
    assert!(
        failure.contains("refused to save the change")
            && failure.contains("blocked storage for this site"),
        "the dialog says why nothing changed: {failure:?}"
    );
    assert_eq!(
        common::local_storage()
            .get_item(&record_key(&client_id))
            .unwrap(),
        stored_before,
        "the stored record is unchanged"
    );
    assert!(
        !text_of(&root).contains("New client secret generated"),
        "no success is announced"
    );
    assert!(!PANICKED.with(Cell::get), "nothing panicked");
}
