//! The Applications list in a real browser: after a new sort or filter every row shows its own
//! application's name, type, client ID, link (with the list's query) and status, and nothing of
//! the application that stood in its place before.
#![cfg(target_arch = "wasm32")]

mod common;

use std::convert::Infallible;
use std::rc::Rc;

use chrono::{Duration, TimeZone, Utc};
use client_secret_console::components::App;
use client_secret_console::domain::{
    Application, ApplicationName, ApplicationType, ClientId, CustomRetention, DurationUnit,
    FixedClock, Retention, SecretValue,
};
use client_secret_console::storage::{ApplicationRepository, InMemoryStore};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

fn application(id: &str, name: &str, kind: ApplicationType, days_old: i64) -> Application {
    Application::create(
        ClientId::new(id),
        ApplicationName::parse(name).unwrap(),
        kind,
        now() - Duration::days(days_old),
        || Ok::<_, Infallible>(SecretValue::new(format!("{id}-current-secret"))),
    )
    .unwrap()
}

/// Alpha (SAML, no secret), Bravo (OIDC Web App, mid-rotation), Charlie (Worker), created 1, 2
/// and 3 days ago.
fn sample() -> Vec<Application> {
    let mut bravo = application("bravo-id", "Bravo", ApplicationType::OidcWebApp, 2);
    bravo
        .rotate_secret(
            SecretValue::new("bravo-new-secret".to_owned()),
            Retention::Custom(CustomRetention::new(7, DurationUnit::Days).unwrap()),
            now() - Duration::hours(1),
        )
        .unwrap();
    vec![
        application("charlie-id", "Charlie", ApplicationType::Worker, 3),
        bravo,
        application("alpha-id", "Alpha", ApplicationType::Saml, 1),
    ]
}

async fn mount_list(applications: Vec<Application>) -> (HtmlElement, impl Drop) {
    let repository = ApplicationRepository::new(Box::new(InMemoryStore::new()));
    for application in &applications {
        repository.add(application).unwrap();
    }
    let clock = Rc::new(FixedClock::at(now()));
    common::set_url("/applications");
    let root = common::mount_point();
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <App repository clock /> });
    common::settle().await;
    (root, handle)
}

/// What each row shows and links to: (name, type badge, client ID, data-client-id, href, status).
fn rows(root: &Element) -> Vec<[String; 6]> {
    let links = root.query_selector_all(".app-list .app-row").unwrap();
    (0..links.length())
        .filter_map(|index| links.item(index))
        .map(JsCast::unchecked_into::<HtmlElement>)
        .map(|link| {
            let text = |selector: &str| {
                common::query(&link, selector)
                    .and_then(|element| element.text_content())
                    .unwrap_or_default()
            };
            [
                text(".app-row__name"),
                text(".app-row > .badge"),
                text(".app-row__id"),
                link.get_attribute("data-client-id").unwrap_or_default(),
                link.get_attribute("href").unwrap_or_default(),
                text(".app-row__status"),
            ]
        })
        .collect()
}

async fn choose(root: &Element, label: &str, value: &str) {
    let select: HtmlSelectElement = root
        .query_selector(&format!("#list-filter-{}", label.to_lowercase()))
        .unwrap()
        .expect("the filter select")
        .unchecked_into();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    common::settle().await;
}

#[wasm_bindgen_test]
async fn after_a_new_sort_every_row_shows_its_own_application() {
    let (root, _handle) = mount_list(sample()).await;
    let by_name = rows(&root);
    assert_eq!(
        by_name
            .iter()
            .map(|row| row[0].as_str())
            .collect::<Vec<_>>(),
        ["Alpha", "Bravo", "Charlie"]
    );
    choose(&root, "Sort", "newest").await;
    let newest = rows(&root);
    assert_eq!(
        newest.iter().map(|row| row[0].as_str()).collect::<Vec<_>>(),
        ["Alpha", "Bravo", "Charlie"],
        "created 1, 2 and 3 days ago"
    );
    choose(&root, "Sort", "oldest-secret").await;
    let oldest_secret = rows(&root);
    // Charlie's secret is the oldest, Bravo's the newest (rotated an hour ago), Alpha has none.
    assert_eq!(
        oldest_secret
            .iter()
            .map(|row| row[0].as_str())
            .collect::<Vec<_>>(),
        ["Charlie", "Bravo", "Alpha"]
    );
    for row in &oldest_secret {
        let original = by_name
            .iter()
            .find(|original| original[0] == row[0])
            .expect("the same applications");
        // The link is the application's own, with the list's new query.
        let (link, original_link) = (&row[4], &original[4]);
        assert_eq!(link, &format!("{original_link}?sort=oldest-secret"));
        let (mut row, mut original) = (row.clone(), original.clone());
        row[4].clear();
        original[4].clear();
        assert_eq!(row, original, "{} shows only its own data", row[0]);
    }
    let charlie = &oldest_secret[0];
    assert_eq!(charlie[1], "Worker");
    assert_eq!(charlie[2], "charlie-id");
    assert_eq!(charlie[3], "charlie-id");
    assert!(
        charlie[4].starts_with("/applications/charlie-id"),
        "{}",
        charlie[4]
    );
    assert!(
        charlie[4].ends_with("?sort=oldest-secret"),
        "{}",
        charlie[4]
    );
    assert_eq!(charlie[5], "");
}

#[wasm_bindgen_test]
async fn a_filter_leaves_only_the_matching_rows_and_their_status() {
    let (root, _handle) = mount_list(sample()).await;
    choose(&root, "Status", "rotation-in-progress").await;
    let shown = rows(&root);
    assert_eq!(shown.len(), 1);
    let bravo = &shown[0];
    assert_eq!(bravo[0], "Bravo");
    assert_eq!(bravo[1], "OIDC Web App");
    assert_eq!(bravo[3], "bravo-id");
    assert!(bravo[5].starts_with("Rotation in progress"), "{}", bravo[5]);
    assert!(bravo[5].contains("Previous secret expires"), "{}", bravo[5]);

    choose(&root, "Status", "").await;
    let all = rows(&root);
    assert_eq!(all.len(), 3);
    assert_eq!(all[0][0], "Alpha");
    assert_eq!(all[0][5], "", "the status Bravo had in that place is gone");
    assert_eq!(all[1][0], "Bravo");
    assert!(
        all[1][5].starts_with("Rotation in progress"),
        "{}",
        all[1][5]
    );
}
