//! HTTP through the browser's `fetch`, wrapped once: the PingOne client's only way off the page.
//!
//! Requests carry no cookies (`credentials: omit`: PingOne's API trusts any origin for requests
//! with an access token, and a cookie would make that a credentialed request it refuses), bypass
//! the HTTP cache (a secret must never be answered from a cache), and never follow a redirect
//! (an API answer is never a redirect; following one could carry the token elsewhere). Only the
//! `Correlation-Id` response header is read: CORS lets a page read no other from PingOne.
//!
//! A request whose answer never arrives (network down, connection dropped, CORS refusal) is one
//! error, `NoAnswer`: the browser does not tell them apart, and for a change the caller must
//! find out by reading again whether it went through.

use js_sys::Promise;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, RequestCache, RequestCredentials, RequestInit, RequestMode, Response};

/// What to send. `body` goes with `content_type`.
pub struct HttpRequest<'a> {
    pub method: &'a str,
    pub url: &'a str,
    /// An OAuth access token, sent as `Authorization: Bearer …`.
    pub bearer: Option<&'a str>,
    pub body: Option<(&'a str, ContentType)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentType {
    Json,
    Form,
}

impl ContentType {
    fn header(self) -> &'static str {
        match self {
            ContentType::Json => "application/json",
            ContentType::Form => "application/x-www-form-urlencoded",
        }
    }
}

/// An answer: its status, PingOne's `Correlation-Id` and the body's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub correlation_id: Option<String>,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    /// No answer, or only part of one: the request may or may not have been acted on.
    #[error("No answer came back (the network or the server dropped the connection).")]
    NoAnswer,
    #[error("This browser could not send the request ({0}).")]
    CannotSend(String),
}

/// Sends `request` and reads the whole answer.
pub async fn send(request: HttpRequest<'_>) -> Result<HttpResponse, HttpError> {
    let window = web_sys::window().ok_or_else(|| HttpError::CannotSend("no window".into()))?;
    let headers = Headers::new().map_err(cannot_send)?;
    headers
        .set("Accept", "application/json")
        .map_err(cannot_send)?;
    if let Some(token) = request.bearer {
        headers
            .set("Authorization", &format!("Bearer {token}"))
            .map_err(cannot_send)?;
    }
    let init = RequestInit::new();
    init.set_method(request.method);
    init.set_mode(RequestMode::Cors);
    init.set_credentials(RequestCredentials::Omit);
    init.set_cache(RequestCache::NoStore);
    init.set_redirect(web_sys::RequestRedirect::Error);
    if let Some((body, content_type)) = request.body {
        headers
            .set("Content-Type", content_type.header())
            .map_err(cannot_send)?;
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let answer = JsFuture::from(window.fetch_with_str_and_init(request.url, &init))
        .await
        .map_err(|_| HttpError::NoAnswer)?;
    let response: Response = answer.dyn_into().map_err(|_| HttpError::NoAnswer)?;
    let correlation_id = response.headers().get("Correlation-Id").ok().flatten();
    let text: Promise = response.text().map_err(|_| HttpError::NoAnswer)?;
    let body = JsFuture::from(text)
        .await
        .map_err(|_| HttpError::NoAnswer)?
        .as_string()
        .unwrap_or_default();
    Ok(HttpResponse {
        status: response.status(),
        correlation_id,
        body,
    })
}

fn cannot_send(error: JsValue) -> HttpError {
    let detail = match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => "unknown error".into(),
    };
    HttpError::CannotSend(detail)
}
