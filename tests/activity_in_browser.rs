//! Deleting applications and recording activity against the browser's real localStorage,
//! through the state service's commands: quota exceeded while recording, a corrupt log entry,
//! a deletion or an event arriving from another tab, and looking at a secret or exporting with
//! secrets, recorded after the fact.
#![cfg(target_arch = "wasm32")]

mod common;

use std::convert::Infallible;
use std::rc::Rc;

use chrono::{TimeZone, Utc};
use client_secret_console::domain::{
    ActivityEvent, ActivityKind, ActivitySubject, Application, ApplicationName, ApplicationType,
    ClientId, FixedClock, RotationInterval, RotationPolicy, SecretAccess, SecretMaterial,
    SecretValue,
};
use client_secret_console::state::{AppState, CommandError};
use client_secret_console::storage::{
    ACTIVITY_HEAD_KEY, ApplicationRepository, BrowserLocalStorage, INDEX_KEY, RecordProblem,
    SETTINGS_KEY, activity_slot_key, record_key,
};
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn repository() -> ApplicationRepository {
    ApplicationRepository::new(Box::new(
        BrowserLocalStorage::open().expect("test browser allows localStorage"),
    ))
}

fn application(id: &str, name: &str) -> Application {
    Application::create(
        ClientId::new(id),
        ApplicationName::parse(name).unwrap(),
        ApplicationType::OidcWebApp,
        Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap(),
        || Ok::<_, Infallible>(SecretValue::new(format!("{id}-first-secret"))),
    )
    .unwrap()
}

/// The state service over real localStorage holding `applications`, as a page would start it.
/// One page runs every scenario in turn on one start: the write markers of one scenario's
/// commands stay in the lock manager for seconds, so clearing storage between scenarios would
/// make the next command wait for writes that were wiped.
fn start(applications: &[Application]) -> (Owner, AppState) {
    common::clear_app_storage();
    let repository = repository();
    for application in applications {
        repository.add(application).unwrap();
    }
    let owner = Owner::new();
    let state = owner.with(|| AppState::start(repository, clock(), None));
    (owner, state)
}

fn clock() -> Rc<FixedClock> {
    Rc::new(FixedClock::at(
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap(),
    ))
}

/// Another page of the same origin opened now, following storage events like a real tab.
fn open_another_page(owner: &Owner) -> AppState {
    owner.with(|| {
        let page = AppState::start(repository(), clock(), None);
        page.run_in_background();
        page
    })
}

/// What the browser fires in every other page after a write to `key`.
fn storage_event_for(key: &str) {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(key));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

fn stored(key: &str) -> Option<String> {
    common::local_storage().get_item(key).unwrap()
}

fn kinds(events: &[ActivityEvent]) -> Vec<ActivityKind> {
    events.iter().map(|event| event.kind.clone()).collect()
}

#[wasm_bindgen_test]
async fn delete_and_activity_work_on_real_local_storage() {
    let (owner, state) = start(&[
        application("cmd", "Alpha"),
        application("a", "Alpha"),
        application("b", "Beta"),
        application("corrupt", "Gamma"),
        application("quota", "Portal A"),
    ]);
    every_command_records_its_event_after_the_change_is_saved(&owner, state).await;
    a_deletion_and_an_event_from_another_tab_show_here(&owner, state).await;
    deleting_removes_the_record_and_index_entry_and_records_the_deletion(&owner, state).await;
    a_corrupt_activity_entry_is_kept_reported_and_skipped(&owner).await;
    quota_exceeded_while_recording_an_event_keeps_the_change_and_reports_it(state).await;
    a_rotation_policy_change_is_recorded_as_a_console_event_after_the_save(&owner, state).await;
    looking_at_a_secret_and_exporting_with_secrets_are_recorded_without_it(&owner, state).await;
}

async fn looking_at_a_secret_and_exporting_with_secrets_are_recorded_without_it(
    owner: &Owner,
    state: AppState,
) {
    let id = ClientId::new("a");
    let of_a = owner.with(|| state.activity_for(id.clone()));
    let activity = owner.with(|| state.activity());
    let before = of_a.get_untracked().len();

    state
        .record_secret_access(
            id.clone(),
            SecretMaterial::ClientSecret,
            SecretAccess::Revealed,
        )
        .await;
    state
        .record_secret_access(
            id.clone(),
            SecretMaterial::TokenRequestCommand,
            SecretAccess::Copied,
        )
        .await;
    state
        .record_secret_access(
            ClientId::new("gone"),
            SecretMaterial::ClientSecret,
            SecretAccess::Copied,
        )
        .await;
    let export = state.export(true);
    state.record_export_with_secrets(export.count).await;

    let events = of_a.get_untracked();
    assert_eq!(
        events.len(),
        before + 2,
        "nothing for an application not shown"
    );
    assert_eq!(
        kinds(&events[..2]),
        [
            ActivityKind::SecretAccessed {
                material: SecretMaterial::TokenRequestCommand,
                access: SecretAccess::Copied,
            },
            ActivityKind::SecretAccessed {
                material: SecretMaterial::ClientSecret,
                access: SecretAccess::Revealed,
            },
        ]
    );
    let newest = &activity.get_untracked()[0];
    assert_eq!(newest.subject, ActivitySubject::Console);
    assert_eq!(
        newest.kind,
        ActivityKind::ExportedWithSecrets {
            applications: export.count as u64
        }
    );
    let log = repository().activity().load();
    let next = log.next;
    let entries: Vec<String> = (next - 3..next)
        .filter_map(|sequence| stored(&activity_slot_key(sequence)))
        .collect();
    assert_eq!(entries.len(), 3);
    assert!(
        entries[0].contains(r#""schema":3"#)
            && entries[0].contains(r#""k":"revealed","of":"current""#)
    );
    assert!(
        entries[2].contains(r#""k":"exported","count":"#),
        "{}",
        entries[2]
    );
    let secret = state
        .application(&id)
        .and_then(|app| {
            app.client_secret()
                .ok()
                .map(|s| s.value.expose().to_owned())
        })
        .unwrap();
    for entry in &entries {
        assert!(!entry.contains(&secret), "{entry}");
    }
}

async fn deleting_removes_the_record_and_index_entry_and_records_the_deletion(
    owner: &Owner,
    state: AppState,
) {
    let activity = owner.with(|| state.activity_for(ClientId::new("b")));

    state
        .delete_application(ClientId::new("b"), 1)
        .await
        .unwrap();

    assert_eq!(stored(&record_key(&ClientId::new("b"))), None);
    assert_eq!(
        stored(INDEX_KEY).as_deref(),
        Some(r#"["a","corrupt","quota"]"#)
    );
    assert!(stored(&record_key(&ClientId::new("a"))).is_some());
    assert!(state.was_deleted(&ClientId::new("b")));
    assert_eq!(state.applications().get_untracked().len(), 3);
    let events = activity.get_untracked();
    assert_eq!(kinds(&events), [ActivityKind::Deleted]);
    assert!(matches!(
        &events[0].subject,
        ActivitySubject::Application { name, .. } if name.as_str() == "Beta"
    ));

    let refused = state
        .rename_application(ClientId::new("b"), 1, "Gamma".into())
        .await;
    assert_eq!(refused, Err(CommandError::Missing));
    assert_eq!(
        CommandError::Missing.to_string(),
        "This application was deleted, so nothing was changed."
    );
    assert_eq!(kinds(&activity.get_untracked()), [ActivityKind::Deleted]);
}

async fn every_command_records_its_event_after_the_change_is_saved(owner: &Owner, state: AppState) {
    let activity = owner.with(|| state.activity());
    let id = ClientId::new("cmd");

    state
        .rename_application(id.clone(), 1, "Alpha Two".into())
        .await
        .unwrap();
    state.set_enabled(id.clone(), 2, false).await.unwrap();
    assert!(matches!(
        state.set_enabled(id.clone(), 3, false).await,
        Err(CommandError::Edit(_))
    ));
    assert_eq!(
        state.set_enabled(id.clone(), 2, true).await,
        Err(CommandError::ChangedElsewhere),
        "a second toggle from the stale view is caught by the revision"
    );

    let events = activity.get_untracked();
    assert_eq!(
        kinds(&events),
        [
            ActivityKind::Disabled,
            ActivityKind::Renamed {
                from: ApplicationName::parse("Alpha").unwrap(),
                to: ApplicationName::parse("Alpha Two").unwrap(),
            },
        ],
        "newest first, nothing for the refusals"
    );
    assert!(stored(ACTIVITY_HEAD_KEY).is_some());
    assert!(
        stored(&activity_slot_key(1))
            .unwrap()
            .contains("\"k\":\"disabled\"")
    );
}

async fn a_deletion_and_an_event_from_another_tab_show_here(owner: &Owner, elsewhere: AppState) {
    let here = open_another_page(owner);
    let activity = owner.with(|| here.activity_for(ClientId::new("a")));
    assert!(activity.get_untracked().is_empty());

    elsewhere
        .set_enabled(ClientId::new("a"), 1, false)
        .await
        .unwrap();
    let next = repository().activity().load().next;
    storage_event_for(ACTIVITY_HEAD_KEY);
    storage_event_for(&activity_slot_key(next - 1));
    storage_event_for(&record_key(&ClientId::new("a")));

    assert_eq!(kinds(&activity.get_untracked()), [ActivityKind::Disabled]);
    assert_eq!(
        here.application(&ClientId::new("a"))
            .map(|app| app.enabled()),
        Some(false)
    );
    elsewhere
        .delete_application(ClientId::new("cmd"), 3)
        .await
        .unwrap();
    storage_event_for(&record_key(&ClientId::new("cmd")));
    storage_event_for(INDEX_KEY);
    assert!(here.was_deleted(&ClientId::new("cmd")));
    assert_eq!(
        here.set_enabled(ClientId::new("cmd"), 3, true).await,
        Err(CommandError::Missing),
        "an open dialog about it cannot act on it"
    );
}

/// Fills this origin's localStorage until it refuses even one more character.
fn fill_storage() -> Vec<String> {
    let storage = common::local_storage();
    let mut keys = Vec::new();
    for size in [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16, 1] {
        let filler = "x".repeat(size);
        loop {
            let key = format!("client-secret-console.test-filler.{}", keys.len());
            if storage.set_item(&key, &filler).is_err() {
                break;
            }
            keys.push(key);
        }
    }
    keys
}

async fn quota_exceeded_while_recording_an_event_keeps_the_change_and_reports_it(state: AppState) {
    let recorded_before = repository().activity().load().events.len();
    let fillers = fill_storage();

    // The same length of name, so the record's rewrite fits where a new event does not.
    let renamed = state
        .rename_application(ClientId::new("quota"), 1, "Portal B".into())
        .await;

    for key in &fillers {
        common::local_storage().remove_item(key).unwrap();
    }
    assert_eq!(renamed, Ok(()), "the change stands");
    assert!(
        stored(&record_key(&ClientId::new("quota")))
            .unwrap()
            .contains("Portal B")
    );
    assert_eq!(
        state.storage_warning().get_untracked().as_deref(),
        Some(
            "The change was saved, but its activity event could not be recorded: the browser's storage for this site is full."
        )
    );
    assert_eq!(
        repository().activity().load().events.len(),
        recorded_before,
        "no half-recorded event"
    );

    state
        .set_enabled(ClientId::new("quota"), 2, false)
        .await
        .unwrap();
    assert_eq!(
        state.storage_warning().get_untracked(),
        None,
        "the warning goes once events are recorded again"
    );
}

async fn a_corrupt_activity_entry_is_kept_reported_and_skipped(owner: &Owner) {
    let next = repository().activity().load().next;
    let damaged = activity_slot_key(next);
    common::local_storage()
        .set_item(&damaged, "{\"schema\":1,\"seq\":")
        .unwrap();
    // A page opened after the damage reads the whole log.
    let page = open_another_page(owner);
    let activity = owner.with(|| page.activity());

    page.set_enabled(ClientId::new("corrupt"), 1, false)
        .await
        .unwrap();

    assert_eq!(stored(&damaged).as_deref(), Some("{\"schema\":1,\"seq\":"));
    assert_eq!(
        stored(&activity_slot_key(next + 1)).map(|text| text.contains("\"k\":\"disabled\"")),
        Some(true),
        "the ring skipped the damaged slot"
    );
    assert_eq!(kinds(&activity.get_untracked())[0], ActivityKind::Disabled);
    let problems: Vec<_> = page
        .problems()
        .get_untracked()
        .into_iter()
        .filter(|problem| problem.concerns_activity())
        .collect();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].key, damaged);
    assert!(problems[0].concerns_activity());
    assert!(matches!(problems[0].problem, RecordProblem::Activity(_)));
    assert_eq!(problems[0].raw.as_deref(), Some("{\"schema\":1,\"seq\":"));
}

async fn a_rotation_policy_change_is_recorded_as_a_console_event_after_the_save(
    owner: &Owner,
    state: AppState,
) {
    let activity = owner.with(|| state.activity());
    let of_cmd = owner.with(|| state.activity_for(ClientId::new("cmd")));
    let cmd_events_before = of_cmd.get_untracked();
    let thirty_days = RotationPolicy::Every(RotationInterval::days(30).unwrap());

    state.set_rotation_policy(thirty_days).await.unwrap();

    assert!(stored(SETTINGS_KEY).unwrap().contains("30"));
    let events = activity.get_untracked();
    assert_eq!(events[0].subject, ActivitySubject::Console);
    assert_eq!(
        events[0].kind,
        ActivityKind::RotationPolicyChanged {
            from: RotationPolicy::default(),
            to: thirty_days,
        }
    );
    let sequence = repository().activity().load().next - 1;
    let entry = stored(&activity_slot_key(sequence)).unwrap();
    assert!(
        entry.contains(r#""schema":2"#) && entry.contains(r#""k":"policy","from":90,"to":30"#),
        "{entry}"
    );
    assert!(!entry.contains(r#""id""#), "{entry}");

    state.set_rotation_policy(thirty_days).await.unwrap();
    assert_eq!(
        activity.get_untracked().len(),
        events.len(),
        "the same policy again records nothing"
    );
    assert_eq!(
        of_cmd.get_untracked(),
        cmd_events_before,
        "a console event is in no application's activity"
    );
}
