//! The mounted app in a real browser: the secret sections and the confirmation gating.
#![cfg(target_arch = "wasm32")]

mod common;

use std::convert::Infallible;
use std::rc::Rc;

use chrono::{TimeZone, Utc};
use client_secret_console::components::App;
use client_secret_console::domain::{
    Application, ApplicationName, ApplicationType, ClientId, CustomRetention, DurationUnit,
    FixedClock, Retention, SecretValue,
};
use client_secret_console::storage::{ApplicationRepository, InMemoryStore};
use leptos::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{HtmlButtonElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn application(id: &str, kind: ApplicationType) -> Application {
    let created = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
    Application::create(
        ClientId::new(id),
        ApplicationName::parse(&format!("App {id}")).unwrap(),
        kind,
        created,
        || Ok::<_, Infallible>(SecretValue::new(format!("{id}-current-secret"))),
    )
    .unwrap()
}

/// Mounts the app at `path` over `applications`, with the clock at 2026-11-23 12:00 UTC.
async fn mount_app(
    path: &str,
    applications: Vec<Application>,
) -> (web_sys::HtmlElement, impl Drop) {
    let repository = ApplicationRepository::new(Box::new(InMemoryStore::new()));
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

fn confirm_button(root: &web_sys::Element) -> HtmlButtonElement {
    let dialog = common::query(root, "dialog[open]").expect("a dialog is open");
    common::find_by_text(&dialog, "button", "Confirm")
        .expect("Confirm button")
        .unchecked_into()
}

use wasm_bindgen::JsCast;

#[wasm_bindgen_test]
async fn confirm_stays_disabled_until_the_acknowledgement_is_ticked() {
    let (root, _mounted) = mount_app(
        "/applications/web-1/configuration",
        vec![application("web-1", ApplicationType::OidcWebApp)],
    )
    .await;
    common::find_by_text(&root, "button", "Generate New Secret")
        .expect("Generate button")
        .click();
    common::settle().await;

    assert!(
        confirm_button(&root).disabled(),
        "Confirm must wait for the acknowledgement"
    );
    let checkbox: HtmlInputElement = common::query(&root, "dialog[open] input[type=checkbox]")
        .unwrap()
        .unchecked_into();
    checkbox.click();
    common::settle().await;
    assert!(
        !confirm_button(&root).disabled(),
        "ticked and a valid choice: Confirm works"
    );
    checkbox.click();
    common::settle().await;
    assert!(
        confirm_button(&root).disabled(),
        "unticking disables Confirm again"
    );
}

#[wasm_bindgen_test]
async fn an_invalid_custom_duration_keeps_confirm_disabled_with_a_message() {
    let (root, _mounted) = mount_app(
        "/applications/web-2/configuration",
        vec![application("web-2", ApplicationType::OidcWebApp)],
    )
    .await;
    common::find_by_text(&root, "button", "Generate New Secret")
        .unwrap()
        .click();
    common::settle().await;
    common::find_by_text(&root, "dialog[open] label", "Retain for custom duration")
        .unwrap()
        .click();
    common::settle().await;
    let amount: HtmlInputElement = common::query(&root, "dialog[open] input[inputmode=numeric]")
        .unwrap()
        .unchecked_into();
    amount.set_value("31");
    amount
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    common::query(&root, "dialog[open] input[type=checkbox]")
        .unwrap()
        .click();
    common::settle().await;
    assert!(confirm_button(&root).disabled());
    let message = common::query(&root, "#custom-duration-error")
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(message.contains("at most 30 days"), "{message}");

    amount.set_value("30");
    amount
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    common::settle().await;
    assert!(!confirm_button(&root).disabled());
}

#[wasm_bindgen_test]
async fn non_oidc_applications_have_no_client_secret_region() {
    let (root, _mounted) = mount_app(
        "/applications/saml-1/configuration",
        vec![application("saml-1", ApplicationType::Saml)],
    )
    .await;
    let text = root.text_content().unwrap_or_default();
    assert!(
        text.contains("Client secrets apply only to OIDC-based applications."),
        "{text}"
    );
    assert!(common::query(&root, "section[aria-labelledby=client-secret-heading]").is_none());
    assert!(common::find_by_text(&root, "button", "Generate New Secret").is_none());
}

#[wasm_bindgen_test]
async fn oidc_applications_show_a_masked_secret_that_show_reveals() {
    let (root, _mounted) = mount_app(
        "/applications/web-3/configuration",
        vec![application("web-3", ApplicationType::OidcWebApp)],
    )
    .await;
    let region = common::query(&root, "section[aria-labelledby=client-secret-heading]")
        .expect("Client Secret region");
    assert!(
        common::query(&region, "code").is_none(),
        "masked by default"
    );
    assert!(
        !region
            .text_content()
            .unwrap_or_default()
            .contains("web-3-current-secret")
    );
    common::query(&region, "button[aria-label='Show client secret']")
        .unwrap()
        .click();
    common::settle().await;
    assert_eq!(
        common::query(&region, "code")
            .unwrap()
            .text_content()
            .as_deref(),
        Some("web-3-current-secret")
    );
}

#[wasm_bindgen_test]
async fn the_previous_secret_region_shows_only_while_a_previous_secret_is_valid() {
    let mut rotated = application("web-4", ApplicationType::OidcWebApp);
    let rotated_at = Utc.with_ymd_and_hms(2026, 11, 23, 11, 0, 0).unwrap();
    rotated
        .rotate_secret(
            SecretValue::new("web-4-new".into()),
            Retention::Custom(CustomRetention::new(2, DurationUnit::Hours).unwrap()),
            rotated_at,
        )
        .unwrap();
    let mut expired = application("web-5", ApplicationType::OidcWebApp);
    expired
        .rotate_secret(
            SecretValue::new("web-5-new".into()),
            Retention::Custom(CustomRetention::new(1, DurationUnit::Hours).unwrap()),
            rotated_at,
        )
        .unwrap();

    let (root, mounted) = mount_app("/applications/web-4/configuration", vec![rotated]).await;
    let region = common::query(&root, "section[aria-labelledby=previous-secret-heading]")
        .expect("Previous region while valid");
    let time = common::query(&region, "time").unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2026-11-23T13:00:00Z")
    );
    drop(mounted);

    let (root, _mounted) = mount_app("/applications/web-5/configuration", vec![expired]).await;
    assert!(
        common::query(&root, "section[aria-labelledby=client-secret-heading]").is_some(),
        "the app itself is shown"
    );
    assert!(common::query(&root, "section[aria-labelledby=previous-secret-heading]").is_none());
}
