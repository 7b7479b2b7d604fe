//! Signing client assertions with the browser's Web Crypto, and the console settings on the
//! browser's real localStorage.
#![cfg(target_arch = "wasm32")]

mod common;

use client_secret_console::browser::hmac::hmac_sha256;
use client_secret_console::domain::{
    ConsoleSettings, RotationInterval, RotationPolicy, TokenEndpoint,
};
use client_secret_console::storage::{
    ApplicationRepository, BrowserLocalStorage, RecordProblem, SETTINGS_KEY, SaveError,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// RFC 7515 appendix A.1: the HMAC key (the JWK's `k`, decoded), the JWS signing input, and the
/// resulting HS256 signature.
const RFC_7515_KEY: [u8; 64] = [
    3, 35, 53, 75, 43, 15, 165, 188, 131, 126, 6, 101, 119, 123, 166, 143, 90, 179, 40, 230, 240,
    84, 201, 40, 169, 15, 132, 178, 210, 80, 46, 191, 211, 251, 90, 146, 210, 6, 71, 239, 150, 138,
    180, 195, 119, 98, 61, 34, 61, 46, 33, 114, 5, 46, 79, 8, 192, 205, 154, 245, 103, 208, 128,
    163,
];
const RFC_7515_SIGNING_INPUT: &str = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
const RFC_7515_SIGNATURE: [u8; 32] = [
    116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77,
    105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
];

#[wasm_bindgen_test]
async fn web_crypto_hmac_matches_the_rfc_7515_hs256_example() {
    let signature = hmac_sha256(&RFC_7515_KEY, RFC_7515_SIGNING_INPUT.as_bytes())
        .await
        .expect("the test page is a secure context");
    assert_eq!(signature, RFC_7515_SIGNATURE);
}

#[wasm_bindgen_test]
async fn a_different_key_gives_a_different_signature() {
    let mut key = RFC_7515_KEY;
    key[0] ^= 1;
    let signature = hmac_sha256(&key, RFC_7515_SIGNING_INPUT.as_bytes())
        .await
        .unwrap();
    assert_ne!(signature, RFC_7515_SIGNATURE);
}

fn repository() -> ApplicationRepository {
    ApplicationRepository::new(Box::new(
        BrowserLocalStorage::open().expect("test browser allows localStorage"),
    ))
}

#[wasm_bindgen_test]
fn settings_round_trip_through_local_storage() {
    common::clear_app_storage();
    let repository = repository();
    assert_eq!(
        repository.settings().load().settings,
        ConsoleSettings::default()
    );
    let chosen = ConsoleSettings {
        token_endpoint: Some(TokenEndpoint::parse("http://127.0.0.1:9000/token").unwrap()),
        rotation_policy: RotationPolicy::Every(RotationInterval::days(45).unwrap()),
    };
    repository.settings().save(&chosen).unwrap();
    assert_eq!(
        common::local_storage()
            .get_item(SETTINGS_KEY)
            .unwrap()
            .as_deref(),
        Some(r#"{"schema":1,"endpoint":"http://127.0.0.1:9000/token","policy":45}"#)
    );
    let reopened = ApplicationRepository::new(Box::new(BrowserLocalStorage::open().unwrap()));
    let loaded = reopened.settings().load();
    assert_eq!(loaded.settings, chosen);
    assert!(loaded.problem.is_none());
}

#[wasm_bindgen_test]
fn unreadable_settings_in_local_storage_are_reported_and_kept_byte_for_byte() {
    common::clear_app_storage();
    let damaged = "{\"schema\":1,\"policy\":\u{0}";
    common::local_storage()
        .set_item(SETTINGS_KEY, damaged)
        .unwrap();
    let loaded = repository().settings().load();
    assert_eq!(loaded.settings, ConsoleSettings::default());
    let problem = loaded.problem.expect("reported");
    assert!(matches!(problem.problem, RecordProblem::InvalidJson(_)));
    assert_eq!(problem.raw.as_deref(), Some(damaged));
    assert!(matches!(
        repository().settings().save(&ConsoleSettings::default()),
        Err(SaveError::Unreadable(_))
    ));
    assert_eq!(
        common::local_storage()
            .get_item(SETTINGS_KEY)
            .unwrap()
            .as_deref(),
        Some(damaged)
    );
    common::clear_app_storage();
}
