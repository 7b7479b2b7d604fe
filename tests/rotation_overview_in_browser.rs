//! The rotation overview the state service keeps follows a command at once, without the tick
//! of `now` that does a full pass: the command's change updates only that application's entries,
//! and the result must be the overview a full pass gives. Real localStorage and Web Locks, a
//! fixed clock, no background ticks.
#![cfg(target_arch = "wasm32")]

mod common;

use std::convert::Infallible;
use std::rc::Rc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use client_secret_console::domain::{
    Application, ApplicationName, ApplicationType, ClientId, FixedClock, Retention,
    RotationOverview, RotationPolicy, SecretValue,
};
use client_secret_console::state::AppState;
use client_secret_console::storage::{ApplicationRepository, BrowserLocalStorage};
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

/// An OIDC web app whose secret is `age_days` old (due under the default 90-day policy past 81).
fn application(id: &str, age_days: i64) -> Application {
    Application::create(
        ClientId::new(id),
        ApplicationName::parse(id).unwrap(),
        ApplicationType::OidcWebApp,
        now() - Duration::days(age_days),
        || Ok::<_, Infallible>(SecretValue::new(format!("{id}-first-secret-value"))),
    )
    .unwrap()
}

fn start(applications: &[Application]) -> (Owner, AppState) {
    common::clear_app_storage();
    let repository = ApplicationRepository::new(Box::new(
        BrowserLocalStorage::open().expect("test browser allows localStorage"),
    ));
    for application in applications {
        repository.add(application).unwrap();
    }
    let owner = Owner::new();
    let clock = Rc::new(FixedClock::at(now()));
    let state = owner.with(|| AppState::start(repository, clock, None));
    (owner, state)
}

fn full_pass(state: &AppState) -> RotationOverview {
    state.applications().with_untracked(|applications| {
        RotationOverview::of(applications, RotationPolicy::default(), now())
    })
}

#[wasm_bindgen_test]
async fn rotating_and_revoking_update_the_overview_as_a_full_pass_would() {
    let (_owner, state) = start(&[
        application("overdue", 120),
        application("due", 85),
        application("fresh", 10),
        application("also-overdue", 120),
    ]);
    let overview = state.rotation_overview();
    assert_eq!(overview.get_untracked().due_count(), 3);

    let overdue = ClientId::new("overdue");
    state
        .rotate_secret(overdue.clone(), 1, Retention::SevenDays)
        .await
        .unwrap();
    let after_rotation = overview.get_untracked();
    assert_eq!(
        after_rotation.due_count(),
        2,
        "the rotated secret is no longer due"
    );
    assert_eq!(
        after_rotation.in_progress.len(),
        1,
        "its previous secret is retained"
    );
    assert_eq!(after_rotation, full_pass(&state));

    state.revoke_previous_secret(overdue, 2).await.unwrap();
    let after_revoke = overview.get_untracked();
    assert!(
        after_revoke.in_progress.is_empty(),
        "the revoked secret's rotation ended"
    );
    assert_eq!(after_revoke, full_pass(&state));
}
