//! Signing an administrator on to PingOne: the authorization code flow with PKCE (RFC 7636,
//! S256) and a `state` checked on return, from a static page with no server of its own.
//!
//! The round trip leaves the page, so what it must find again waits in this tab's
//! sessionStorage: the PKCE verifier, the `state`, the connection and the page to return to
//! (`PENDING_KEY`, taken once on return). Whether this tab is connected is remembered there too
//! (`CONNECTED_KEY`, the connection without any token): after a reload the tab signs on again
//! silently (`prompt=none`), which the authorization server answers from its own session. The
//! tokens themselves live in memory only (`Session`).

use serde::{Deserialize, Serialize};

use crate::browser::http::{self, ContentType, HttpError, HttpRequest};
use crate::browser::{address, digest, session_storage};
use crate::domain::{
    AuthorizationRequest, Clock, Connection, SignOnCallback, authorize_url, base64url,
    parse_sign_on_callback, refusal_message, token_request_body,
};
use crate::random;

use super::session::Session;

const PENDING_KEY: &str = "client-secret-console.sign-on";
const CONNECTED_KEY: &str = "client-secret-console.connected";

#[derive(Serialize, Deserialize)]
struct PendingSignOn {
    state: String,
    verifier: String,
    connection: Connection,
    /// The site path to show once signed on.
    return_to: String,
    silent: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignOnError {
    #[error(transparent)]
    Random(#[from] random::RandomError),
    #[error(transparent)]
    Digest(#[from] digest::DigestUnavailable),
    #[error(transparent)]
    Storage(#[from] session_storage::SessionStorageRefused),
    #[error(transparent)]
    Leave(#[from] address::CannotLeave),
    #[error(
        "PingOne's token endpoint did not answer. Check the network, and that this console's origin is allowed in the sign-on application's CORS settings, then sign on again."
    )]
    TokenEndpointUnreachable,
    #[error("PingOne refused the sign-on: {0}")]
    TokenRefused(String),
    #[error("PingOne's answer to the sign-on could not be read, so the console is not connected.")]
    UnreadableAnswer,
}

/// Leaves for PingOne's sign-on page (or, `silent`, for an answer from its existing session);
/// the browser comes back to `redirect_uri`, then `return_to` is shown.
pub async fn start_sign_on(
    connection: &Connection,
    redirect_uri: &str,
    return_to: &str,
    silent: bool,
) -> Result<(), SignOnError> {
    let verifier = random::generate_code_verifier()?;
    let state = random::generate_sign_on_state()?;
    let challenge = base64url(&digest::sha256(verifier.as_bytes()).await?);
    let url = authorize_url(
        connection,
        &AuthorizationRequest {
            redirect_uri,
            state: &state,
            code_challenge: &challenge,
            silent,
        },
    );
    let pending = PendingSignOn {
        state,
        verifier,
        connection: connection.clone(),
        return_to: return_to.to_owned(),
        silent,
    };
    let pending = serde_json::to_string(&pending).map_err(|_| SignOnError::UnreadableAnswer)?;
    session_storage::write(PENDING_KEY, &pending)?;
    address::go_to(&url)?;
    Ok(())
}

/// Where this page load stands with PingOne.
pub enum Arrival {
    /// Not connected in this tab: this browser's applications; `refusal` says why a sign-on
    /// that just came back did not connect.
    ThisBrowser { refusal: Option<String> },
    /// Back from PingOne with a code (its `state` checked): redeem it, then show `return_to`.
    Authorized {
        connection: Connection,
        code: String,
        verifier: String,
    },
    /// Connected in this tab, but PingOne's session ended (a silent sign-on was refused).
    SessionEnded {
        connection: Connection,
        reason: String,
    },
    /// Connected in this tab before a reload: sign on again silently.
    Reconnect(Connection),
}

/// Reads the sign-on's answer from the address (removing it from there and from history at
/// once), or whether this tab was connected.
pub fn arrival() -> Arrival {
    let callback = parse_sign_on_callback(&address::query());
    let pending = session_storage::take(PENDING_KEY)
        .and_then(|text| serde_json::from_str::<PendingSignOn>(&text).ok());
    let Some(callback) = callback else {
        // A sign-on that never came back (the user went elsewhere) leaves nothing behind.
        return match connected_tab() {
            Some(connection) => Arrival::Reconnect(connection),
            None => Arrival::ThisBrowser { refusal: None },
        };
    };
    let return_to = pending
        .as_ref()
        .map(|pending| pending.return_to.clone())
        .unwrap_or_default();
    address::replace_with(&return_to_or_page(&return_to));
    let Some(pending) = pending else {
        return Arrival::ThisBrowser {
            refusal: Some(
                "A sign-on answer arrived that this tab did not ask for, so it was ignored.".into(),
            ),
        };
    };
    match callback {
        SignOnCallback::Code { code, state } if state == pending.state => Arrival::Authorized {
            connection: pending.connection,
            code,
            verifier: pending.verifier,
        },
        SignOnCallback::Code { .. } => Arrival::ThisBrowser {
            refusal: Some(
                "The sign-on answer did not match the request this tab made (its state differs), so it was refused. Sign on again.".into(),
            ),
        },
        SignOnCallback::Refused {
            error, description, ..
        } => {
            let reason = refusal_message(&error, description.as_deref());
            if pending.silent {
                Arrival::SessionEnded {
                    connection: pending.connection,
                    reason,
                }
            } else {
                Arrival::ThisBrowser {
                    refusal: Some(reason),
                }
            }
        }
    }
}

/// The page to show after the answer: the one the sign-on started from, else the current path.
fn return_to_or_page(return_to: &str) -> String {
    if return_to.starts_with('/') && !return_to.starts_with("//") {
        return return_to.to_owned();
    }
    let path = address::path_and_query().unwrap_or_else(|| "/".into());
    path.split('?').next().unwrap_or("/").to_owned()
}

/// Redeems the code at the token endpoint: the session, in memory.
pub async fn redeem(
    connection: Connection,
    redirect_uri: &str,
    code: &str,
    verifier: &str,
    clock: &dyn Clock,
) -> Result<Session, SignOnError> {
    let token_endpoint = connection.token_endpoint();
    let body = token_request_body(code, redirect_uri, connection.client_id(), verifier);
    let answer = http::send(HttpRequest {
        method: "POST",
        url: &token_endpoint,
        bearer: None,
        body: Some((&body, ContentType::Form)),
    })
    .await
    .map_err(|error| match error {
        HttpError::NoAnswer | HttpError::CannotSend(_) => SignOnError::TokenEndpointUnreachable,
    })?;
    if answer.status != 200 {
        return Err(SignOnError::TokenRefused(oauth_error_text(&answer.body)));
    }
    let session = Session::from_token_answer(connection, &answer.body, clock.now())
        .map_err(|_| SignOnError::UnreadableAnswer)?;
    remember_connected_tab(&session.connection);
    Ok(session)
}

/// An OAuth error answer's description (RFC 6749 section 5.2), never its raw body.
fn oauth_error_text(body: &str) -> String {
    #[derive(Deserialize)]
    struct OAuthError {
        error: Option<String>,
        error_description: Option<String>,
    }
    match serde_json::from_str::<OAuthError>(body) {
        Ok(OAuthError {
            error_description: Some(description),
            ..
        }) => description,
        Ok(OAuthError {
            error: Some(error), ..
        }) => error,
        _ => "the token endpoint's answer gave no reason.".into(),
    }
}

fn remember_connected_tab(connection: &Connection) {
    if let Ok(text) = serde_json::to_string(connection) {
        // Without it, a reload shows this browser's applications: annoying, never unsafe.
        let _ = session_storage::write(CONNECTED_KEY, &text);
    }
}

fn connected_tab() -> Option<Connection> {
    serde_json::from_str(&session_storage::read(CONNECTED_KEY)?).ok()
}

/// Ends the connection in this tab: the next page load shows this browser's applications.
pub fn forget_connected_tab() {
    session_storage::remove(CONNECTED_KEY);
}
