//! The file format, its validation and the outcome rules, end to end on the host.

use chrono::{DateTime, TimeZone, Utc};
use serde_json::{Value, json};
use std::convert::Infallible;

use super::*;
use crate::domain::{
    Application, ApplicationName, ApplicationType, ClientId, Retention, SecretValue,
    TokenEndpointAuthMethod,
};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap()
}

fn secret(letter: char) -> SecretValue {
    SecretValue::new(letter.to_string().repeat(64))
}

fn app(id: &str, kind: ApplicationType) -> Application {
    Application::create(
        ClientId::new(id),
        ApplicationName::parse(&format!("App {id}")).unwrap(),
        kind,
        at(1),
        || Ok::<_, Infallible>(secret('a')),
    )
    .unwrap()
}

/// A worker rotated on day 10 with 7 days' retention: current `b`, previous `a` until day 17.
fn rotated(id: &str) -> Application {
    let mut application = app(id, ApplicationType::Worker);
    application
        .rotate_secret(secret('b'), Retention::SevenDays, at(10))
        .unwrap();
    application
}

fn export_value(applications: &[Application], include_secrets: bool, now: DateTime<Utc>) -> Value {
    serde_json::from_str(&export_json(applications, include_secrets, now)).unwrap()
}

fn parse(value: &Value, now: DateTime<Utc>) -> Result<ImportFile, ImportFileError> {
    parse_import_file(&value.to_string(), now)
}

fn envelope(applications: Value) -> Value {
    json!({"format": FORMAT_NAME, "version": 1, "exportedAt": "2026-11-12T09:00:00.000Z",
           "includesSecrets": true, "applications": applications})
}

/// The one entry of a file holding `entry`, which must be invalid; its reason.
fn invalid_reason(entry: Value) -> String {
    let file = parse(&envelope(json!([entry])), at(12)).unwrap();
    match &file.entries[0] {
        FileEntry::Invalid { reason, .. } => reason.clone(),
        FileEntry::Valid(_) => panic!("expected invalid: {entry}"),
    }
}

fn valid_entry() -> Value {
    export_value(&[rotated("c-1")], true, at(12))["applications"][0].clone()
}

fn plan_against(file: &ImportFile, stored: &[Application], now: DateTime<Utc>) -> ImportPlan {
    ImportPlan::new(
        file,
        |id| match stored.iter().find(|app| &app.client_id == id) {
            Some(app) => StoredState::Readable(app),
            None => StoredState::Absent,
        },
        now,
    )
}

fn outcomes(plan: &ImportPlan) -> Vec<&'static str> {
    plan.rows.iter().map(|row| row.outcome.label()).collect()
}

#[test]
fn an_export_has_the_documented_envelope_and_readable_fields() {
    let value = export_value(
        &[rotated("c-1"), app("s-1", ApplicationType::Saml)],
        true,
        at(12),
    );
    assert_eq!(value["format"], "client-secret-console.applications");
    assert_eq!(value["version"], 2);
    assert_eq!(value["exportedAt"], "2026-11-12T09:00:00.000Z");
    assert_eq!(value["includesSecrets"], true);
    let worker = &value["applications"][0];
    assert_eq!(worker["clientId"], "c-1");
    assert_eq!(worker["type"], "worker");
    assert_eq!(worker["tokenEndpointAuthMethod"], "client_secret_basic");
    assert_eq!(worker["createdAt"], "2026-11-01T09:00:00.000Z");
    assert_eq!(worker["revision"], 2);
    assert_eq!(worker["clientSecret"]["value"], "b".repeat(64));
    assert_eq!(
        worker["clientSecret"]["createdAt"],
        "2026-11-10T09:00:00.000Z"
    );
    assert_eq!(
        worker["previousClientSecret"]["expiresAt"],
        "2026-11-17T09:00:00.000Z"
    );
    let saml = &value["applications"][1];
    assert_eq!(saml["type"], "saml");
    assert!(saml.get("tokenEndpointAuthMethod").is_none());
    assert!(saml.get("clientSecret").is_none());
    let fingerprint = worker["fingerprint"].as_str().unwrap();
    assert!(fingerprint.len() == 16 && fingerprint.bytes().all(|byte| byte.is_ascii_hexdigit()));
}

#[test]
fn an_export_without_secrets_holds_no_secret_value_anywhere() {
    let text = export_json(&[rotated("c-1")], false, at(12));
    assert!(!text.contains(&"a".repeat(64)) && !text.contains(&"b".repeat(64)));
    assert!(!text.contains("clientSecret") && !text.contains("previousClientSecret"));
    assert!(text.contains("\"includesSecrets\": false"));
}

#[test]
fn an_expired_previous_secret_is_never_exported() {
    let value = export_value(&[rotated("c-1")], true, at(20));
    assert!(
        value["applications"][0]
            .get("previousClientSecret")
            .is_none()
    );
}

#[test]
fn the_file_name_carries_the_utc_date() {
    assert_eq!(
        export_file_name(at(23)),
        "client-secret-console-2026-11-23.json"
    );
}

#[test]
fn the_file_name_pads_a_single_digit_month_and_day_and_uses_the_utc_day() {
    let late_evening_utc = Utc.with_ymd_and_hms(2027, 1, 5, 23, 59, 59).unwrap();
    assert_eq!(
        export_file_name(late_evening_utc),
        "client-secret-console-2027-01-05.json"
    );
}

#[test]
fn an_export_with_secrets_reads_back_as_the_same_applications() {
    let originals = [
        rotated("c-1"),
        app("s-1", ApplicationType::Saml),
        app("p-1", ApplicationType::SinglePage),
    ];
    let file = parse(&export_value(&originals, true, at(12)), at(12)).unwrap();
    let plan = plan_against(&file, &[], at(12));
    assert_eq!(outcomes(&plan), ["New", "New", "New"]);
    for (row, original) in plan.rows.iter().zip(&originals) {
        let write = row.write.as_ref().unwrap();
        let imported = write.to_application(None, at(12), || -> Result<SecretValue, Infallible> {
            panic!("no secret is generated when the file has them")
        });
        assert_eq!(imported.as_ref(), Ok(original));
        assert!(row.notes.is_empty());
    }
}

#[test]
fn the_same_file_against_the_same_store_is_unchanged() {
    let originals = [rotated("c-1"), app("s-1", ApplicationType::Saml)];
    for include_secrets in [true, false] {
        let file = parse(&export_value(&originals, include_secrets, at(12)), at(12)).unwrap();
        let plan = plan_against(&file, &originals, at(12));
        assert_eq!(
            outcomes(&plan),
            ["Unchanged", "Unchanged"],
            "{include_secrets}"
        );
        assert!(plan.writes(true).is_empty());
    }
}

#[test]
fn a_new_application_without_secrets_gets_a_fresh_one_and_the_preview_says_so() {
    let file = parse(&export_value(&[rotated("c-1")], false, at(12)), at(12)).unwrap();
    let plan = plan_against(&file, &[], at(12));
    assert_eq!(plan.rows[0].notes, [Note::NewSecretGenerated]);
    let imported = plan.rows[0]
        .write
        .as_ref()
        .unwrap()
        .to_application(None, at(12), || Ok::<_, Infallible>(secret('z')))
        .unwrap();
    assert_eq!(imported.client_secret().unwrap().value, secret('z'));
    assert_eq!(imported.client_secret().unwrap().created_at, Some(at(12)));
    assert!(imported.stored_previous_secret().is_none());
    assert_eq!(imported.revision(), 2, "the file's revision is kept");
}

#[test]
fn an_update_without_secrets_keeps_the_stored_secrets() {
    let stored = rotated("c-1");
    let mut newer = export_value(std::slice::from_ref(&stored), false, at(12));
    newer["applications"][0]["revision"] = json!(3);
    newer["applications"][0]["name"] = json!("Renamed elsewhere");
    let file = parse(&newer, at(12)).unwrap();
    let plan = plan_against(&file, std::slice::from_ref(&stored), at(12));
    assert_eq!(outcomes(&plan), ["Update"]);
    assert_eq!(plan.rows[0].notes, [Note::StoredSecretsKept]);
    let updated = plan.rows[0]
        .write
        .as_ref()
        .unwrap()
        .to_application(
            Some(&stored),
            at(12),
            || -> Result<SecretValue, Infallible> { panic!("the stored secret is kept") },
        )
        .unwrap();
    assert_eq!(updated.name().as_str(), "Renamed elsewhere");
    assert_eq!(updated.revision(), 3);
    assert_eq!(updated.client_secret(), stored.client_secret());
    assert_eq!(
        updated.previous_secret(at(12)),
        stored.previous_secret(at(12))
    );
}

#[test]
fn a_file_revision_newer_than_an_unchanged_stored_one_is_an_update() {
    let stored = app("c-1", ApplicationType::Worker);
    let mut rotated_elsewhere = stored.clone();
    rotated_elsewhere
        .rotate_secret(secret('n'), Retention::OneDay, at(11))
        .unwrap();
    let file = parse(
        &export_value(&[rotated_elsewhere.clone()], true, at(11)),
        at(11),
    )
    .unwrap();
    let plan = plan_against(&file, std::slice::from_ref(&stored), at(11));
    assert_eq!(outcomes(&plan), ["Update"]);
    let write = &plan.writes(false)[0];
    assert_eq!(
        (write.kind, write.expected_revision),
        (WriteKind::Update, Some(1))
    );
    assert_eq!(
        write.to_application(Some(&stored), at(11), || Ok::<_, Infallible>(secret('x'))),
        Ok(rotated_elsewhere)
    );
}

#[test]
fn a_stored_application_newer_than_the_file_is_a_conflict_skipped_unless_replaced() {
    let old = app("c-1", ApplicationType::Worker);
    let stored = {
        let mut newer = old.clone();
        newer
            .rotate_secret(secret('m'), Retention::DoNotRetain, at(11))
            .unwrap();
        newer
    };
    let file = parse(&export_value(&[old], true, at(11)), at(11)).unwrap();
    let plan = plan_against(&file, std::slice::from_ref(&stored), at(11));
    assert_eq!(
        plan.rows[0].outcome,
        Outcome::Conflict(ConflictKind::StoredNewer)
    );
    assert!(
        plan.writes(false).is_empty(),
        "conflicts are skipped by default"
    );
    let replace = &plan.writes(true)[0];
    assert_eq!(replace.kind, WriteKind::Replace);
    let replaced = replace
        .to_application(Some(&stored), at(11), || Ok::<_, Infallible>(secret('x')))
        .unwrap();
    assert_eq!(replaced.client_secret().unwrap().value, secret('a'));
    assert_eq!(
        replaced.revision(),
        3,
        "a replacement still moves the revision forward"
    );
}

#[test]
fn both_sides_changed_since_a_common_revision_is_a_conflict() {
    let base = app("c-1", ApplicationType::Worker);
    let mut here = base.clone();
    here.rotate_secret(secret('h'), Retention::DoNotRetain, at(12))
        .unwrap();
    let mut there = base.clone();
    there
        .rotate_secret(secret('t'), Retention::DoNotRetain, at(11))
        .unwrap();
    // Same revision, different secrets.
    let file = parse(&export_value(&[there.clone()], true, at(12)), at(12)).unwrap();
    assert_eq!(
        plan_against(&file, &[here.clone()], at(12)).rows[0].outcome,
        Outcome::Conflict(ConflictKind::BothChanged)
    );
    // The file two revisions on, but from a rotation older than the one stored here.
    there
        .rotate_secret(secret('u'), Retention::DoNotRetain, at(11))
        .unwrap();
    let file = parse(&export_value(&[there], true, at(12)), at(12)).unwrap();
    assert_eq!(
        plan_against(&file, &[here], at(12)).rows[0].outcome,
        Outcome::Conflict(ConflictKind::BothChanged)
    );
}

#[test]
fn an_unreadable_stored_record_makes_the_entry_invalid_and_is_never_written() {
    let file = parse(&export_value(&[rotated("c-1")], true, at(12)), at(12)).unwrap();
    let plan = ImportPlan::new(&file, |_| StoredState::Unreadable, at(12));
    assert_eq!(outcomes(&plan), ["Invalid"]);
    assert!(plan.writes(true).is_empty());
}

#[test]
fn an_expired_previous_secret_is_dropped_and_said() {
    let file = parse(&export_value(&[rotated("c-1")], true, at(12)), at(18)).unwrap();
    let plan = plan_against(&file, &[], at(18));
    assert_eq!(plan.rows[0].notes, [Note::ExpiredPreviousDropped]);
    let imported = plan.rows[0]
        .write
        .as_ref()
        .unwrap()
        .to_application(None, at(18), || Ok::<_, Infallible>(secret('x')))
        .unwrap();
    assert!(imported.stored_previous_secret().is_none());
}

#[test]
fn files_above_the_limit_are_refused_by_size_alone() {
    assert_eq!(
        check_file_size(50 * 1024 * 1024),
        Err(ImportFileError::TooLarge {
            bytes: 50 * 1024 * 1024
        })
    );
    assert_eq!(check_file_size(MAX_FILE_BYTES), Ok(()));
}

#[test]
fn text_that_is_not_json_is_refused_in_plain_words() {
    for text in ["hello", "{\"format\":", "<html></html>"] {
        let refusal = parse_import_file(text, at(1)).unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "This file is not JSON, so it cannot be an export. Choose a file exported by Client Secret Console.",
            "{text:?}"
        );
    }
}

#[test]
fn an_empty_file_is_refused_as_empty() {
    for text in ["", "  \n\t"] {
        let refusal = parse_import_file(text, at(1)).unwrap_err();
        assert_eq!(refusal, ImportFileError::Empty);
        assert_eq!(
            refusal.to_string(),
            "This file is empty. Choose a file exported by Client Secret Console."
        );
    }
}

#[test]
fn a_long_file_broken_part_way_says_near_which_line_and_nothing_of_the_parser() {
    let mut text = export_json(&[rotated("c-1"), rotated("c-2")], true, at(12));
    let cut = text.find("\"c-2\"").unwrap();
    let line = text[..cut].lines().count();
    text.truncate(cut);
    text.push_str("\"c-2\", oops");
    let message = parse_import_file(&text, at(12)).unwrap_err().to_string();
    assert_eq!(
        message,
        format!(
            "This file is not JSON (it stops making sense near line {line}), so it cannot be an export. Choose a file exported by Client Secret Console."
        )
    );
    for internal in ["EOF", "column", "expected", "while parsing"] {
        assert!(!message.contains(internal), "{message}");
    }
}

#[test]
fn json_of_another_shape_is_refused() {
    for value in [
        json!([1, 2]),
        json!({"applications": []}),
        json!({"format": "other", "version": 1, "applications": []}),
        json!({"format": FORMAT_NAME, "version": 1}),
        json!({"format": FORMAT_NAME, "applications": []}),
        json!({"format": FORMAT_NAME, "version": 0, "applications": []}),
        json!("text"),
    ] {
        assert_eq!(
            parse(&value, at(1)),
            Err(ImportFileError::NotAnExport),
            "{value}"
        );
    }
    assert_eq!(
        ImportFileError::NotAnExport.to_string(),
        "This file is not an export of Client Secret Console applications. Choose a file made with Export."
    );
}

#[test]
fn a_newer_format_version_is_refused_with_its_number() {
    let value = json!({"format": FORMAT_NAME, "version": 3, "applications": []});
    assert_eq!(
        parse(&value, at(1)),
        Err(ImportFileError::NewerVersion { found: 3 })
    );
}

#[test]
fn duplicate_client_ids_make_every_copy_invalid() {
    let entry = valid_entry();
    let mut other = entry.clone();
    other["name"] = json!("Another");
    let file = parse(
        &envelope(json!([entry, other, valid_entry_with_id("c-2")])),
        at(12),
    )
    .unwrap();
    let plan = plan_against(&file, &[], at(12));
    assert_eq!(outcomes(&plan), ["Invalid", "Invalid", "New"]);
    assert_eq!(
        plan.rows[0].outcome.reason().unwrap(),
        "The client ID appears 2 times in the file."
    );
}

fn valid_entry_with_id(id: &str) -> Value {
    let mut entry = valid_entry();
    entry["clientId"] = json!(id);
    entry
}

#[test]
fn hostile_names_are_kept_as_text_and_blank_ones_are_invalid() {
    let mut entry = valid_entry();
    entry["name"] = json!("<img src=x onerror=alert(1)>");
    let file = parse(&envelope(json!([entry])), at(12)).unwrap();
    let FileEntry::Valid(imported) = &file.entries[0] else {
        panic!()
    };
    assert_eq!(imported.name.as_str(), "<img src=x onerror=alert(1)>");
    for name in [
        json!("   "),
        json!("\u{200B}"),
        json!("x".repeat(300)),
        json!(7),
    ] {
        let mut entry = valid_entry();
        entry["name"] = name.clone();
        assert!(!invalid_reason(entry).is_empty(), "{name}");
    }
}

#[test]
fn secrets_outside_the_alphabet_or_too_short_are_invalid() {
    for (value, expected) in [
        ("b".repeat(63), "64 to 512 characters long; this one has 63"),
        (format!("{}!", "b".repeat(64)), "only the characters"),
        (format!("{} ", "b".repeat(64)), "only the characters"),
        (format!("{}é", "b".repeat(64)), "only the characters"),
    ] {
        let mut entry = valid_entry();
        entry["clientSecret"]["value"] = json!(value);
        let reason = invalid_reason(entry);
        assert!(reason.contains(expected), "{reason}");
    }
    let mut entry = valid_entry();
    entry["previousClientSecret"]["value"] = json!("short");
    assert!(invalid_reason(entry).contains("previous client secret"));
}

#[test]
fn a_previous_secret_retained_past_thirty_days_after_its_rotation_is_invalid() {
    let mut entry = valid_entry();
    entry["previousClientSecret"]["expiresAt"] = json!("2026-12-10T09:00:00.001Z");
    assert!(invalid_reason(entry).contains("at most 30 days"));
    let mut entry = valid_entry();
    entry["previousClientSecret"]["expiresAt"] = json!("2026-12-10T09:00:00Z");
    let file = parse(&envelope(json!([entry])), at(12)).unwrap();
    assert!(
        matches!(file.entries[0], FileEntry::Valid(_)),
        "exactly 30 days is allowed"
    );
}

#[test]
fn hand_edited_fields_are_checked_one_by_one() {
    let cases: [(&str, Value, &str); 12] = [
        ("type", json!("mainframe"), "The type must be one of"),
        (
            "tokenEndpointAuthMethod",
            json!("private_key_jwt"),
            "tokenEndpointAuthMethod must be one of",
        ),
        ("createdAt", json!("yesterday"), "RFC 3339"),
        ("revision", json!(0), "1 or more"),
        (
            "revision",
            json!(-1),
            "The \"revision\" must be a whole number of 1 or more.",
        ),
        ("clientId", json!("has space"), "client ID must be"),
        ("clientId", json!(""), "client ID must be"),
        ("clientId", json!("../index"), "client ID must be"),
        (
            "enabled",
            json!("yes"),
            "The \"enabled\" must be true or false.",
        ),
        (
            "labels",
            json!(["extra"]),
            "The entry has a field this console does not know: \"labels\".",
        ),
        (
            "tokenEndpointAuthMethod",
            json!("none"),
            "auth method none has no client secret",
        ),
        ("type", json!("saml"), "no token endpoint"),
    ];
    for (field, value, expected) in cases {
        let mut entry = valid_entry();
        entry[field] = value.clone();
        let reason = invalid_reason(entry);
        assert!(reason.contains(expected), "{field}={value}: {reason}");
    }
}

#[test]
fn secret_times_must_follow_the_application_and_the_rotation() {
    let mut entry = valid_entry();
    entry["clientSecret"]["createdAt"] = json!("2026-10-01T00:00:00Z");
    assert!(invalid_reason(entry).contains("older than the application"));
    let mut entry = valid_entry();
    entry["previousClientSecret"]["expiresAt"] = json!("2026-11-10T09:00:00Z");
    assert!(invalid_reason(entry).contains("expire after the current one was created"));
    let mut entry = valid_entry();
    entry.as_object_mut().unwrap().remove("clientSecret");
    assert!(invalid_reason(entry).contains("needs a current client secret"));
}

#[test]
fn an_invalid_entry_is_named_by_what_could_be_read() {
    let mut entry = valid_entry();
    entry["type"] = json!(42);
    let file = parse(&envelope(json!([entry])), at(12)).unwrap();
    let plan = plan_against(&file, &[], at(12));
    assert_eq!(
        (plan.rows[0].client_id.as_str(), plan.rows[0].name.as_str()),
        ("c-1", "App c-1")
    );
}

#[test]
fn oidc_apps_with_auth_method_none_import_without_a_secret() {
    let mut public = app("p-1", ApplicationType::SinglePage);
    public.set_enabled(false, at(1)).unwrap();
    let file = parse(&export_value(&[public.clone()], false, at(12)), at(12)).unwrap();
    let plan = plan_against(&file, &[], at(12));
    assert!(plan.rows[0].notes.is_empty());
    let imported = plan.rows[0]
        .write
        .as_ref()
        .unwrap()
        .to_application(None, at(12), || Ok::<_, Infallible>(secret('x')))
        .unwrap();
    assert_eq!(imported, public);
    assert_eq!(imported.auth_method(), TokenEndpointAuthMethod::None);
}

#[test]
fn ten_thousand_applications_round_trip() {
    let applications: Vec<Application> = (0..10_000).map(|n| rotated(&format!("id-{n}"))).collect();
    let text = export_json(&applications, true, at(12));
    assert!((text.len() as u64) < MAX_FILE_BYTES);
    let file = parse_import_file(&text, at(12)).unwrap();
    let plan = plan_against(&file, &[], at(12));
    assert_eq!(plan.count("New"), 10_000);
}

#[test]
fn an_entry_that_cannot_be_read_is_described_without_the_parser_s_words() {
    let mut no_name = valid_entry();
    no_name.as_object_mut().unwrap().remove("name");
    let mut bad_secret = valid_entry();
    bad_secret["clientSecret"] = json!("b".repeat(64));
    let mut numeric_type = valid_entry();
    numeric_type["type"] = json!(42);
    for (entry, expected) in [
        (no_name, "The entry has no \"name\"."),
        (
            bad_secret,
            "The \"clientSecret\" must be a \"value\" and a \"createdAt\" in braces.",
        ),
        (numeric_type, "The \"type\" must be text in quotes."),
        (
            json!(["not", "an", "object"]),
            "The entry is not an application: it should be a set of fields such as \"clientId\" and \"name\" in braces.",
        ),
    ] {
        assert_eq!(invalid_reason(entry), expected);
    }
}

/// `stored` exported with secrets and edited by `edit`, as read back.
fn exported_and_edited(stored: &Application, edit: impl FnOnce(&mut Value)) -> ImportFile {
    let mut file = export_value(std::slice::from_ref(stored), true, at(12));
    edit(&mut file["applications"][0]);
    parse(&file, at(12)).unwrap()
}

#[test]
fn a_file_edited_by_hand_is_an_update_when_the_stored_application_is_as_exported() {
    let stored = rotated("c-1");
    let file = exported_and_edited(&stored, |entry| {
        entry["name"] = json!("Renamed in the file");
        entry["enabled"] = json!(false);
    });
    let plan = plan_against(&file, std::slice::from_ref(&stored), at(12));
    assert_eq!(plan.rows[0].outcome, Outcome::Update);
    let updated = plan.writes(false)[0]
        .to_application(Some(&stored), at(12), || Ok::<_, Infallible>(secret('x')))
        .unwrap();
    assert_eq!(updated.name().as_str(), "Renamed in the file");
    assert!(!updated.enabled());
    assert_eq!(
        updated.revision(),
        stored.revision() + 1,
        "the file kept the stored revision; the update moves it on, so every tab sees it"
    );
    assert_eq!(
        plan_against(&file, &[updated], at(12)).rows[0].outcome,
        Outcome::Unchanged,
        "the same edited file, imported again, changes nothing"
    );
}

#[test]
fn a_file_edited_by_hand_without_its_secret_is_an_update_that_keeps_the_stored_one() {
    let stored = rotated("c-1");
    let file = exported_and_edited(&stored, |entry| {
        let entry = entry.as_object_mut().unwrap();
        entry.remove("clientSecret");
        entry.remove("previousClientSecret");
        entry.insert("name".into(), json!("Renamed"));
    });
    let plan = plan_against(&file, std::slice::from_ref(&stored), at(12));
    assert_eq!(plan.rows[0].outcome, Outcome::Update);
    assert_eq!(plan.rows[0].notes, [Note::StoredSecretsKept]);
}

#[test]
fn a_file_edited_by_hand_while_the_stored_application_changed_too_is_a_conflict() {
    let exported = rotated("c-1");
    let file = exported_and_edited(&exported, |entry| {
        entry["name"] = json!("Renamed in the file");
        // Even a careful editor who moves the revision on cannot hide the stored change.
        entry["revision"] = json!(5);
    });
    let mut stored = exported.clone();
    stored.set_enabled(false, at(12)).unwrap();
    assert_eq!(
        plan_against(&file, &[stored], at(12)).rows[0].outcome,
        Outcome::Conflict(ConflictKind::BothChanged)
    );
}

#[test]
fn an_entry_as_exported_is_judged_by_revisions_whatever_its_layout() {
    let stored = rotated("c-1");
    let mut newer = stored.clone();
    newer.set_enabled(false, at(12)).unwrap();
    // Compact instead of pretty-printed: the same fields, so no edit.
    let compact: Value = export_value(&[newer], true, at(12));
    let file = parse_import_file(&compact.to_string(), at(12)).unwrap();
    let FileEntry::Valid(entry) = &file.entries[0] else {
        panic!("valid")
    };
    assert_eq!(entry.edited_after_export, None);
    assert_eq!(
        plan_against(&file, &[stored], at(12)).rows[0].outcome,
        Outcome::Update
    );
}

#[test]
fn a_fingerprint_without_secrets_holds_nothing_of_the_secrets() {
    let one = rotated("c-1");
    let mut other = app("c-1", ApplicationType::Worker);
    other
        .rotate_secret(secret('z'), Retention::DoNotRetain, at(10))
        .unwrap();
    let fingerprint = |app: &Application| {
        export_value(std::slice::from_ref(app), false, at(12))["applications"][0]["fingerprint"]
            .clone()
    };
    assert_eq!(fingerprint(&one), fingerprint(&other));
    assert_ne!(
        export_value(&[one], true, at(12))["applications"][0]["fingerprint"],
        export_value(&[other], true, at(12))["applications"][0]["fingerprint"]
    );
}

#[test]
fn a_name_with_a_character_that_changes_text_direction_is_an_invalid_entry_with_the_reason() {
    for code in ['\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}'] {
        let mut entry = valid_entry();
        entry["name"] = json!(format!("Mobile Banking{code}gnp.exe"));
        assert_eq!(
            invalid_reason(entry.clone()),
            format!(
                "The name contains an invisible character that changes the direction of text (U+{:04X}). Remove it.",
                u32::from(code)
            )
        );
        let plan = plan_against(
            &parse(&envelope(json!([entry])), at(12)).unwrap(),
            &[],
            at(12),
        );
        assert_eq!(
            plan.rows[0].name,
            format!("Mobile Banking[U+{:04X}]gnp.exe", u32::from(code)),
            "the preview shows the refused name with the character spelled out"
        );
    }
}

#[test]
fn a_stored_name_with_a_direction_control_is_exported_as_stored_and_refused_on_import() {
    let mut stored = app("c-1", ApplicationType::Worker);
    // As a record stored before direction controls were refused reads it.
    let spoofed: ApplicationName =
        serde_json::from_str("\"Mobile Banking\u{202E}gnp.exe\"").unwrap();
    let shown = spoofed.as_str().to_owned();
    stored.rename(spoofed, at(2)).unwrap();
    assert_eq!(stored.name().as_str(), shown);
    let file = export_value(std::slice::from_ref(&stored), true, at(12));
    assert_eq!(
        file["applications"][0]["name"],
        "Mobile Banking\u{202E}gnp.exe"
    );
    let plan = plan_against(&parse(&file, at(12)).unwrap(), &[stored], at(12));
    assert_eq!(plan.rows[0].outcome.label(), "Invalid");
    assert!(plan.writes(true).is_empty());
}

#[test]
fn a_version_1_file_has_no_fingerprints_and_is_judged_by_revisions_alone() {
    let stored = rotated("c-1");
    let mut entry = valid_entry();
    entry.as_object_mut().unwrap().remove("fingerprint");
    entry["name"] = json!("Renamed by hand");
    let file = parse(&envelope(json!([entry])), at(12)).unwrap();
    assert_eq!(
        plan_against(&file, &[stored], at(12)).rows[0].outcome,
        Outcome::Conflict(ConflictKind::BothChanged),
        "without a fingerprint an edit at the same revision cannot be told from a change on both sides"
    );
}
