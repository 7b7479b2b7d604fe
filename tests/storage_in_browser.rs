//! The repository against the browser's real localStorage.
#![cfg(target_arch = "wasm32")]

mod common;

use std::convert::Infallible;

use chrono::{TimeZone, Utc};
use client_secret_console::domain::{
    Application, ApplicationName, ApplicationType, ClientId, Retention, SecretValue,
};
use client_secret_console::storage::{
    ApplicationRepository, BrowserLocalStorage, CURRENT_SCHEMA, INDEX_KEY, RecordProblem,
    SaveError, record_key,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn repository() -> ApplicationRepository {
    ApplicationRepository::new(Box::new(
        BrowserLocalStorage::open().expect("test browser allows localStorage"),
    ))
}

fn application(id: &str, name: &str, kind: ApplicationType) -> Application {
    let created = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    Application::create(
        ClientId::new(id),
        ApplicationName::parse(name).unwrap(),
        kind,
        created,
        || Ok::<_, Infallible>(SecretValue::new(format!("{id}-first-secret"))),
    )
    .unwrap()
}

#[wasm_bindgen_test]
fn applications_round_trip_through_local_storage() {
    common::clear_app_storage();
    let repository = repository();
    let mut portal = application("portal", "Portal", ApplicationType::OidcWebApp);
    repository.add(&portal).unwrap();
    repository
        .add(&application("hr", "HR", ApplicationType::Saml))
        .unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
    portal
        .rotate_secret(SecretValue::new("second".into()), Retention::SevenDays, now)
        .unwrap();
    repository.save(&portal, 1).unwrap();

    let loaded = repository.load_all();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.applications.len(), 2);
    assert_eq!(loaded.applications[0], portal);
    let raw = common::local_storage()
        .get_item(&record_key(&ClientId::new("portal")))
        .unwrap()
        .unwrap();
    assert!(raw.contains("\"rev\":2"), "{raw}");
}

#[wasm_bindgen_test]
fn the_index_lists_exactly_the_stored_records() {
    common::clear_app_storage();
    let repository = repository();
    for id in ["a", "b", "c"] {
        repository
            .add(&application(id, id, ApplicationType::Worker))
            .unwrap();
    }
    let index = common::local_storage()
        .get_item(INDEX_KEY)
        .unwrap()
        .unwrap();
    assert_eq!(index, r#"["a","b","c"]"#);
    for id in ["a", "b", "c"] {
        assert!(
            common::local_storage()
                .get_item(&record_key(&ClientId::new(id)))
                .unwrap()
                .is_some()
        );
    }
}

#[wasm_bindgen_test]
fn an_unreadable_record_is_kept_reported_and_not_overwritten() {
    common::clear_app_storage();
    let repository = repository();
    repository
        .add(&application("good", "Good", ApplicationType::Worker))
        .unwrap();
    repository
        .add(&application("bad", "Bad", ApplicationType::Worker))
        .unwrap();
    let bad_key = record_key(&ClientId::new("bad"));
    common::local_storage()
        .set_item(&bad_key, "{\"schema\":1,\"rev\":")
        .unwrap();

    let loaded = repository.load_all();
    assert_eq!(loaded.applications.len(), 1);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].key, bad_key);
    assert!(matches!(
        loaded.problems[0].problem,
        RecordProblem::InvalidJson(_)
    ));

    let mut replacement = application("bad", "Bad", ApplicationType::Worker);
    replacement
        .rotate_secret(
            SecretValue::new("x".into()),
            Retention::DoNotRetain,
            Utc::now(),
        )
        .unwrap();
    assert!(matches!(
        repository.save(&replacement, 1),
        Err(SaveError::Unreadable(_))
    ));
    assert_eq!(
        common::local_storage()
            .get_item(&bad_key)
            .unwrap()
            .as_deref(),
        Some("{\"schema\":1,\"rev\":")
    );
}

#[wasm_bindgen_test]
fn a_record_from_a_newer_version_is_kept_and_named() {
    common::clear_app_storage();
    let repository = repository();
    repository
        .add(&application("future", "Future", ApplicationType::Worker))
        .unwrap();
    let key = record_key(&ClientId::new("future"));
    let newer = common::local_storage()
        .get_item(&key)
        .unwrap()
        .unwrap()
        .replacen(
            &format!("\"schema\":{CURRENT_SCHEMA}"),
            &format!("\"schema\":{}", CURRENT_SCHEMA + 1),
            1,
        );
    common::local_storage().set_item(&key, &newer).unwrap();
    let loaded = repository.load_all();
    assert_eq!(
        loaded.problems[0].problem,
        RecordProblem::NewerSchema {
            found: CURRENT_SCHEMA + 1
        }
    );
    assert_eq!(common::local_storage().get_item(&key).unwrap(), Some(newer));
}
