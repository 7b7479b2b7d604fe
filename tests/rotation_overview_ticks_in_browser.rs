//! The rotation overview across ticks of `now`: a tick that reaches no change keeps the overview
//! without a pass over the applications, so the change it waits for must include one a command
//! brought after the last full pass. Its own page (a test binary of its own): it runs the state's
//! background ticks, which must not reach other tests.
#![cfg(target_arch = "wasm32")]

mod common;

use std::convert::Infallible;
use std::rc::Rc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use client_secret_console::domain::{
    Application, ApplicationName, ApplicationType, ClientId, CustomRetention, DurationUnit,
    FixedClock, Retention, RotationOverview, RotationPolicy, SecretValue,
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

fn start_with_clock(applications: &[Application]) -> (Owner, AppState, Rc<FixedClock>) {
    common::clear_app_storage();
    let repository = ApplicationRepository::new(Box::new(
        BrowserLocalStorage::open().expect("test browser allows localStorage"),
    ));
    for application in applications {
        repository.add(application).unwrap();
    }
    let owner = Owner::new();
    let clock = Rc::new(FixedClock::at(now()));
    let state = owner.with(|| AppState::start(repository, clock.clone(), None));
    (owner, state, clock)
}

/// Waits past the next once-a-second tick of `now`.
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1_200)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer resolves");
}

#[wasm_bindgen_test]
async fn ticks_keep_the_overview_until_a_rotation_started_after_the_last_full_pass_ends() {
    // The full pass at start-up finds the next change 61 days away ("other" becomes due).
    let (owner, state, clock) =
        start_with_clock(&[application("fresh", 10), application("other", 20)]);
    owner.with(|| state.run_in_background());
    let overview = state.rotation_overview();
    assert!(overview.get_untracked().in_progress.is_empty());

    // Replaced in place: its previous secret's expiry, an hour away, is now the next change.
    let one_hour = Retention::Custom(CustomRetention::new(1, DurationUnit::Hours).unwrap());
    state
        .rotate_secret(ClientId::new("other"), 1, one_hour)
        .await
        .unwrap();
    assert_eq!(overview.get_untracked().in_progress.len(), 1);

    clock.advance(Duration::minutes(59));
    next_tick().await;
    assert_eq!(
        overview.get_untracked().in_progress.len(),
        1,
        "59 minutes on, the rotation is still in progress"
    );
    clock.advance(Duration::minutes(2));
    next_tick().await;
    let after_expiry = overview.get_untracked();
    assert!(
        after_expiry.in_progress.is_empty(),
        "the rotation ended at its expiry, though the last full pass saw no change for 61 days"
    );
    let expected = state.applications().with_untracked(|applications| {
        RotationOverview::of(
            applications,
            RotationPolicy::default(),
            now() + Duration::minutes(61),
        )
    });
    assert_eq!(after_expiry, expected);
    drop(owner);
}
