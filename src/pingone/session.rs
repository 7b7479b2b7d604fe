//! A signed-on administrator: the access token PingOne issued, in memory only, and who it names.
//!
//! Pure, so the token answer's reading is tested on the host. The token never leaves this type
//! except as the `Authorization` header (`AccessToken::expose`); it has no `Display`, and its
//! `Debug` prints a mask, so it cannot reach a log or an error message by accident.

use chrono::{DateTime, TimeDelta, Utc};
use serde::Deserialize;

use crate::domain::{Connection, base64url_decode};

/// An OAuth access token. Never stored, never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken(String);

impl AccessToken {
    /// For the `Authorization` header, and nothing else.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AccessToken(…)")
    }
}

/// The connection an administrator signed on to, with the token the API calls carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub connection: Connection,
    pub access_token: AccessToken,
    pub expires_at: DateTime<Utc>,
    /// Who signed on, as the ID token names them: activity entries say who did what.
    pub administrator: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenAnswerError {
    #[error("PingOne's answer to the sign-on had no access token.")]
    NoAccessToken,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: Option<String>,
    expires_in: Option<i64>,
    id_token: Option<String>,
}

#[derive(Deserialize)]
struct IdTokenClaims {
    name: Option<String>,
    preferred_username: Option<String>,
    email: Option<String>,
    sub: Option<String>,
}

impl Session {
    /// Reads the token endpoint's answer (RFC 6749 section 5.1). The ID token came straight from
    /// the token endpoint over TLS, so its claims are read for the name to show without
    /// checking its signature (OpenID Connect Core 3.1.3.7, item 6); nothing is authorised on it.
    pub fn from_token_answer(
        connection: Connection,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<Self, TokenAnswerError> {
        let answer: TokenAnswer =
            serde_json::from_str(body).map_err(|_| TokenAnswerError::NoAccessToken)?;
        let access_token = answer
            .access_token
            .filter(|token| !token.is_empty())
            .ok_or(TokenAnswerError::NoAccessToken)?;
        // PingOne's default lifetime when the answer does not say (60 minutes).
        let lifetime = answer
            .expires_in
            .filter(|seconds| *seconds > 0)
            .unwrap_or(3600);
        let administrator = answer
            .id_token
            .as_deref()
            .and_then(administrator_named_by)
            .unwrap_or_else(|| "An administrator".to_owned());
        Ok(Self {
            connection,
            access_token: AccessToken(access_token),
            expires_at: now + TimeDelta::seconds(lifetime),
            administrator,
        })
    }
}

/// The name an ID token gives its subject: `name`, else `preferred_username`, `email` or `sub`.
fn administrator_named_by(id_token: &str) -> Option<String> {
    let payload = id_token.split('.').nth(1)?;
    let claims: IdTokenClaims = serde_json::from_slice(&base64url_decode(payload)?).ok()?;
    [
        claims.name,
        claims.preferred_username,
        claims.email,
        claims.sub,
    ]
    .into_iter()
    .flatten()
    .map(|text| text.trim().to_owned())
    .find(|text| !text.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ConnectionForm, Region, base64url};

    fn connection() -> Connection {
        ConnectionForm {
            region: Region::Europe,
            environment_id: "3f5b1a2e-8c4d-4e6f-9a1b-2c3d4e5f6a7b".into(),
            client_id: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d".into(),
            ..ConnectionForm::default()
        }
        .validate()
        .unwrap()
    }

    fn id_token(claims: &str) -> String {
        format!("eyJhbGciOiJSUzI1NiJ9.{}.c2ln", base64url(claims.as_bytes()))
    }

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap()
    }

    #[test]
    fn reads_the_token_its_lifetime_and_the_administrators_name() {
        let body = format!(
            r#"{{"access_token":"tok","token_type":"Bearer","expires_in":300,"id_token":"{}"}}"#,
            id_token(r#"{"sub":"u1","name":"Ada Admin"}"#)
        );
        let session = Session::from_token_answer(connection(), &body, at(0)).unwrap();
        assert_eq!(session.access_token.expose(), "tok");
        assert_eq!(session.expires_at, at(300));
        assert_eq!(session.administrator, "Ada Admin");
    }

    #[test]
    fn falls_back_to_other_claims_and_to_the_default_lifetime() {
        let body = format!(
            r#"{{"access_token":"tok","id_token":"{}"}}"#,
            id_token(r#"{"sub":"u1","preferred_username":"ada"}"#)
        );
        let session = Session::from_token_answer(connection(), &body, at(0)).unwrap();
        assert_eq!(session.administrator, "ada");
        assert_eq!(session.expires_at, at(3600));
        let body = r#"{"access_token":"tok","id_token":"not a jwt"}"#;
        let session = Session::from_token_answer(connection(), body, at(0)).unwrap();
        assert_eq!(session.administrator, "An administrator");
    }

    #[test]
    fn an_answer_without_a_token_is_refused() {
        for body in ["", "{}", r#"{"access_token":""}"#, "<html>"] {
            assert_eq!(
                Session::from_token_answer(connection(), body, at(0)),
                Err(TokenAnswerError::NoAccessToken)
            );
        }
    }

    #[test]
    fn the_token_never_shows_in_debug_output() {
        let body = r#"{"access_token":"very-secret-token"}"#;
        let session = Session::from_token_answer(connection(), body, at(0)).unwrap();
        assert!(!format!("{session:?}").contains("very-secret-token"));
    }
}
