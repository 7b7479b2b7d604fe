//! The applications of a PingOne environment and their secrets, through the Platform API
//! (`https://api.pingone.<tld>/v1/environments/{envID}/applications…`), with the signed-on
//! administrator's access token.
//!
//! Every call is one request, except that a read refused for the rate limit (429) is waited out
//! and asked again a few times: a change never is, since it may have been acted on. What comes
//! back is PingOne's JSON read by `model`, or an `ApiError` carrying PingOne's message and its
//! Correlation ID; no error text ever holds a token or a secret.

use chrono::{DateTime, Utc};

use crate::browser::http::{self, ContentType, HttpError, HttpRequest, HttpResponse};
use crate::browser::yield_to_browser::wait_milliseconds;

use super::model::{
    PingOneError, RemoteApplication, RemoteSecret, applications_page, error_from_response,
    generate_secret_body,
};
use super::session::Session;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    #[error("Your PingOne session has expired. Sign on again to go on; nothing was changed.")]
    SessionExpired,
    #[error("PingOne refused: {}{}", .0, correlation_suffix(.0))]
    Refused(PingOneError),
    #[error(
        "No answer came back from PingOne (the network or the connection dropped), so it is not known yet whether anything changed."
    )]
    NoAnswer,
    #[error("PingOne's answer could not be read ({0}).")]
    Unreadable(String),
}

impl ApiError {
    /// PingOne's Correlation ID for this refusal, the value its support asks for.
    pub fn correlation_id(&self) -> Option<&str> {
        match self {
            ApiError::Refused(error) => error.correlation_id.as_deref(),
            _ => None,
        }
    }
}

/// " Correlation ID: …", the value PingOne's support asks for, when the answer carried one.
fn correlation_suffix(error: &PingOneError) -> String {
    error
        .correlation_id
        .as_deref()
        .map(|id| format!(" Correlation ID: {id}"))
        .unwrap_or_default()
}

/// How many times a read refused for the rate limit is asked again, and the first wait.
const READ_RETRIES: u32 = 3;
const FIRST_WAIT_MS: i32 = 1_000;

/// The API as one signed-on administrator.
#[derive(Debug, Clone)]
pub struct PingOneApi {
    session: Session,
}

impl PingOneApi {
    pub fn new(session: Session) -> Self {
        Self { session }
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Every application of the environment, following `_links.next` should PingOne page them.
    pub async fn applications(&self) -> Result<Vec<RemoteApplication>, ApiError> {
        let mut applications = Vec::new();
        let mut next = Some(self.session.connection.applications_url());
        while let Some(url) = next.take() {
            let json = self.read(&url).await?.ok_or_else(|| {
                ApiError::Unreadable("the applications collection was not found".into())
            })?;
            let (page, next_url) = applications_page(&json)
                .map_err(|error| ApiError::Unreadable(error.to_string()))?;
            applications.extend(page);
            next = next_url;
        }
        Ok(applications)
    }

    /// The application, or `None` when PingOne no longer has it.
    pub async fn application(&self, id: &str) -> Result<Option<RemoteApplication>, ApiError> {
        let url = self.session.connection.application_url(id);
        match self.read(&url).await? {
            Some(json) => RemoteApplication::from_json(&json)
                .map(Some)
                .map_err(|error| ApiError::Unreadable(error.to_string())),
            None => Ok(None),
        }
    }

    /// The application's secrets, or `None` when it has no secret resource (not found).
    pub async fn secret(&self, id: &str) -> Result<Option<RemoteSecret>, ApiError> {
        let url = self.session.connection.secret_url(id);
        match self.read(&url).await? {
            Some(json) => RemoteSecret::from_json(&json)
                .map(Some)
                .map_err(|error| ApiError::Unreadable(error.to_string())),
            None => Ok(None),
        }
    }

    /// Generates a new secret; the old one stays valid until `previous_expires_at`, or not at all.
    pub async fn generate_secret(
        &self,
        id: &str,
        previous_expires_at: Option<DateTime<Utc>>,
    ) -> Result<RemoteSecret, ApiError> {
        let url = self.session.connection.secret_url(id);
        let body = generate_secret_body(previous_expires_at);
        let answer = self
            .change(
                "POST",
                &url,
                body.as_deref().map(|body| (body, ContentType::Json)),
            )
            .await?;
        RemoteSecret::from_json(&answer.body)
            .map_err(|error| ApiError::Unreadable(error.to_string()))
    }

    /// Deletes the previous secret at once (Revoke Previous Client Secret).
    pub async fn delete_previous_secret(&self, id: &str) -> Result<(), ApiError> {
        let url = self.session.connection.secret_url(id);
        self.change("DELETE", &url, None).await.map(|_| ())
    }

    /// Replaces the application whole with `body` (PingOne has no partial update).
    pub async fn replace_application(
        &self,
        id: &str,
        body: &str,
    ) -> Result<RemoteApplication, ApiError> {
        let url = self.session.connection.application_url(id);
        let answer = self
            .change("PUT", &url, Some((body, ContentType::Json)))
            .await?;
        RemoteApplication::from_json(&answer.body)
            .map_err(|error| ApiError::Unreadable(error.to_string()))
    }

    pub async fn delete_application(&self, id: &str) -> Result<(), ApiError> {
        let url = self.session.connection.application_url(id);
        self.change("DELETE", &url, None).await.map(|_| ())
    }

    /// A GET's JSON text: `None` for 404, the rate limit waited out a few times.
    async fn read(&self, url: &str) -> Result<Option<String>, ApiError> {
        let mut wait = FIRST_WAIT_MS;
        for attempt in 0..=READ_RETRIES {
            let answer = self.send("GET", url, None).await?;
            match answer.status {
                404 => return Ok(None),
                429 if attempt < READ_RETRIES => {
                    wait_milliseconds(wait).await;
                    wait *= 2;
                }
                _ => return refusal(answer).map(|answer| Some(answer.body)),
            }
        }
        Err(ApiError::Unreadable("the rate limit did not end".into()))
    }

    /// A change: sent once, whatever happens.
    async fn change(
        &self,
        method: &str,
        url: &str,
        body: Option<(&str, ContentType)>,
    ) -> Result<HttpResponse, ApiError> {
        refusal(self.send(method, url, body).await?)
    }

    async fn send(
        &self,
        method: &str,
        url: &str,
        body: Option<(&str, ContentType)>,
    ) -> Result<HttpResponse, ApiError> {
        http::send(HttpRequest {
            method,
            url,
            bearer: Some(self.session.access_token.expose()),
            body,
        })
        .await
        .map_err(|error| match error {
            HttpError::NoAnswer => ApiError::NoAnswer,
            HttpError::CannotSend(detail) => ApiError::Unreadable(detail),
        })
    }
}

/// A 2xx answer as it is; anything else as PingOne's refusal.
fn refusal(answer: HttpResponse) -> Result<HttpResponse, ApiError> {
    match answer.status {
        200..=299 => Ok(answer),
        401 => Err(ApiError::SessionExpired),
        status => Err(ApiError::Refused(error_from_response(
            status,
            &answer.body,
            answer.correlation_id,
        ))),
    }
}
