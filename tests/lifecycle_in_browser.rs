//! The lifecycle views mounted in a real browser: the list follows the address's query, the
//! Enabled switch saves quick toggles in order, rename validates inline, and the auth method
//! select is offered only where it applies.
#![cfg(target_arch = "wasm32")]

mod common;

use std::convert::Infallible;
use std::rc::Rc;

use chrono::{TimeZone, Utc};
use client_secret_console::components::App;
use client_secret_console::domain::{
    Application, ApplicationName, ApplicationType, ClientId, FixedClock, SecretValue,
};
use client_secret_console::storage::{ApplicationRepository, BrowserLocalStorage};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

fn repository() -> ApplicationRepository {
    ApplicationRepository::new(Box::new(
        BrowserLocalStorage::open().expect("test browser allows localStorage"),
    ))
}

fn application(id: &str, name: &str, kind: ApplicationType, created_day: u32) -> Application {
    let created = Utc
        .with_ymd_and_hms(2026, 11, created_day, 9, 0, 0)
        .unwrap();
    Application::create(
        ClientId::new(id),
        ApplicationName::parse(name).unwrap(),
        kind,
        created,
        || Ok::<_, Infallible>(SecretValue::new(format!("{id}-current-secret"))),
    )
    .unwrap()
}

fn sample() -> Vec<Application> {
    vec![
        application("worker-old", "Zulu Worker", ApplicationType::Worker, 1),
        application("web", "Alpha Web", ApplicationType::OidcWebApp, 2),
        application("worker-new", "Mike Worker", ApplicationType::Worker, 3),
        application("saml", "Bravo SAML", ApplicationType::Saml, 4),
    ]
}

/// Mounts the app at `path` over `applications` stored in a clean localStorage.
async fn mount_app(
    path: &str,
    applications: Vec<Application>,
) -> (web_sys::HtmlElement, impl Drop) {
    common::clear_app_storage();
    let repository = repository();
    for application in &applications {
        repository.add(application).unwrap();
    }
    let clock = Rc::new(FixedClock::at(
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap(),
    ));
    common::set_url(path);
    let root = common::mount_point();
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <App repository clock /> });
    common::settle().await;
    (root, handle)
}

fn listed_ids(root: &web_sys::Element) -> Vec<String> {
    let rows = root
        .query_selector_all(".app-list [data-client-id]")
        .unwrap();
    (0..rows.length())
        .filter_map(|index| rows.item(index))
        .map(|row| {
            row.unchecked_into::<web_sys::Element>()
                .get_attribute("data-client-id")
                .unwrap_or_default()
        })
        .collect()
}

fn count_line(root: &web_sys::Element) -> String {
    common::query(root, ".list-count")
        .and_then(|line| line.text_content())
        .unwrap_or_default()
}

fn stored(client_id: &str) -> Application {
    repository()
        .load(&ClientId::new(client_id))
        .unwrap()
        .expect("the application is stored")
}

#[wasm_bindgen_test]
async fn the_list_shows_what_the_address_query_says() {
    let (root, _mounted) = mount_app("/applications?type=worker&sort=newest", sample()).await;
    assert_eq!(listed_ids(&root), ["worker-new", "worker-old"]);
    assert_eq!(count_line(&root), "2 of 4 applications match");
}

#[wasm_bindgen_test]
async fn unknown_values_in_the_address_show_the_whole_list_by_name() {
    let (root, _mounted) =
        mount_app("/applications?type=mainframe&status=x&sort=y", sample()).await;
    assert_eq!(
        listed_ids(&root),
        ["web", "saml", "worker-new", "worker-old"]
    );
    assert_eq!(count_line(&root), "4 applications");
}

#[wasm_bindgen_test]
async fn choosing_a_status_filter_puts_it_in_the_address() {
    let mut applications = sample();
    applications[0].set_enabled(false, Utc::now()).unwrap();
    let (root, _mounted) = mount_app("/applications", applications).await;
    let select: web_sys::HtmlSelectElement = common::query(&root, "#list-filter-status")
        .unwrap()
        .unchecked_into();
    select.set_value("disabled");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    common::settle().await;
    assert_eq!(listed_ids(&root), ["worker-old"]);
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert_eq!(search, "?status=disabled");
}

#[wasm_bindgen_test]
async fn two_quick_toggles_of_enabled_are_both_saved_in_order() {
    let (root, _mounted) = mount_app("/applications/web/overview", sample()).await;
    let before = stored("web").revision();
    let switch: HtmlInputElement = common::query(&root, "input[role=switch]")
        .unwrap()
        .unchecked_into();
    switch.click();
    switch.click();
    common::settle().await;
    common::settle().await;
    let after = stored("web");
    assert!(after.enabled(), "off then on ends on");
    assert_eq!(after.revision(), before + 2, "both toggles were saved");
    assert!(switch.checked());
}

#[wasm_bindgen_test]
async fn renaming_to_a_blank_name_is_refused_inline_and_saves_nothing() {
    let (root, _mounted) = mount_app("/applications/web/overview", sample()).await;
    common::find_by_text(&root, "button", "Rename Application")
        .unwrap()
        .click();
    common::settle().await;
    let field: HtmlInputElement = common::query(&root, "dialog[open] input[type=text]")
        .unwrap()
        .unchecked_into();
    assert_eq!(field.value(), "Alpha Web");
    field.set_value("   ");
    field
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    common::find_by_text(&root, "dialog[open] button", "Save")
        .unwrap()
        .click();
    common::settle().await;
    let error = common::query(&root, "#name-error")
        .and_then(|error| error.text_content())
        .unwrap_or_default();
    assert_eq!(error, "Enter a name for the application.");
    assert_eq!(stored("web").name().as_str(), "Alpha Web");
}

#[wasm_bindgen_test]
async fn the_auth_method_select_is_offered_only_to_oidc_applications() {
    let (root, mounted) = mount_app("/applications/web/configuration", sample()).await;
    assert!(common::query(&root, "#auth-method").is_some());
    drop(mounted);
    let (root, _mounted) = mount_app("/applications/saml/configuration", sample()).await;
    assert!(common::query(&root, "#auth-method").is_none());
}
