//! A connection to a PingOne environment: what the Connect to PingOne dialog's fields must hold,
//! the validated connection remembered for the next visit (never its tokens), every URL the
//! console calls in that environment, and the sign-on's protocol steps (authorization code with
//! PKCE S256), each a small function tested on the host.
//!
//! The console signs an administrator on from the page itself, so everything it sends through
//! the address bar is built here, form-urlencoded value by value, and everything that comes back
//! on the redirect URI is read here, leniently as the browser reads a query: an address is typed
//! by people and crafted by others. Where PKCE's verifier and `state` wait and how the token is
//! kept is the caller's business.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::application::direction_controls_spelled_out;
use super::encoding::{form_urldecode, form_urlencode, percent_encode_path_segment};
use super::token_endpoint::{EndpointError, TokenEndpoint, absolute_url};

/// A UUID of the shape PingOne's IDs have, for the messages that ask for one.
const EXAMPLE_UUID: &str = "3f5b1a2e-8c4d-4e6f-9a1b-2c3d4e5f6a7b";

/// Where a PingOne environment lives: one of PingOne's regions, whose hosts follow from it, or
/// custom URLs (a custom domain, or a test server).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Region {
    #[default]
    #[serde(rename = "com")]
    NorthAmerica,
    #[serde(rename = "ca")]
    Canada,
    #[serde(rename = "eu")]
    Europe,
    #[serde(rename = "com.au")]
    Australia,
    #[serde(rename = "sg")]
    Singapore,
    #[serde(rename = "asia")]
    AsiaPacific,
    #[serde(rename = "custom")]
    Custom,
}

impl Region {
    /// In the order the Region select lists them.
    pub const ALL: [Region; 7] = [
        Region::NorthAmerica,
        Region::Canada,
        Region::Europe,
        Region::Australia,
        Region::Singapore,
        Region::AsiaPacific,
        Region::Custom,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Region::NorthAmerica => "North America",
            Region::Canada => "Canada",
            Region::Europe => "Europe",
            Region::Australia => "Australia",
            Region::Singapore => "Singapore",
            Region::AsiaPacific => "Asia-Pacific",
            Region::Custom => "Custom",
        }
    }

    /// The select's value and the stored name: PingOne's top-level domain for the region.
    pub fn code(self) -> &'static str {
        match self {
            Region::NorthAmerica => "com",
            Region::Canada => "ca",
            Region::Europe => "eu",
            Region::Australia => "com.au",
            Region::Singapore => "sg",
            Region::AsiaPacific => "asia",
            Region::Custom => "custom",
        }
    }

    pub fn from_code(code: &str) -> Option<Region> {
        Self::ALL.into_iter().find(|region| region.code() == code)
    }

    /// The region's authorization server and API base URLs, or `None` for Custom.
    fn urls(self, environment_id: &str) -> Option<(String, String)> {
        (self != Region::Custom).then(|| {
            let domain = self.code();
            (
                format!("https://auth.pingone.{domain}/{environment_id}"),
                format!("https://api.pingone.{domain}/v1"),
            )
        })
    }
}

/// What the Connect dialog's fields hold, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConnectionForm {
    pub region: Region,
    pub environment_id: String,
    pub client_id: String,
    /// Read for the Custom region only; a named region's follows from it.
    pub authorization_server: String,
    /// Read for the Custom region only; a named region's follows from it.
    pub api: String,
}

/// Per-field reasons (None = fine); the dialog shows each beside its field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConnectionProblems {
    pub environment_id: Option<ConnectionFieldError>,
    pub client_id: Option<ConnectionFieldError>,
    pub authorization_server: Option<ConnectionFieldError>,
    pub api: Option<ConnectionFieldError>,
}

impl ConnectionProblems {
    fn all(&self) -> impl Iterator<Item = &ConnectionFieldError> {
        [
            &self.environment_id,
            &self.client_id,
            &self.authorization_server,
            &self.api,
        ]
        .into_iter()
        .flatten()
    }

    /// Whether every field is fine.
    pub fn is_empty(&self) -> bool {
        self.all().next().is_none()
    }
}

/// Every problem's sentence, one after another: for a stored connection that no longer reads.
impl fmt::Display for ConnectionProblems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sentences: Vec<String> = self.all().map(ToString::to_string).collect();
        f.write_str(&sentences.join(" "))
    }
}

/// Which field of the Connect dialog a problem is about, named as its sentence says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectionField {
    EnvironmentId,
    ClientId,
    AuthorizationServer,
    Api,
}

impl fmt::Display for ConnectionField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ConnectionField::EnvironmentId => "environment ID",
            ConnectionField::ClientId => "client ID",
            ConnectionField::AuthorizationServer => "authorization server",
            ConnectionField::Api => "API",
        })
    }
}

impl ConnectionField {
    /// How the field's value looks, for the sentences that ask for one.
    fn example(self) -> &'static str {
        match self {
            ConnectionField::EnvironmentId | ConnectionField::ClientId => EXAMPLE_UUID,
            ConnectionField::AuthorizationServer => "https://auth.example.com",
            ConnectionField::Api => "https://api.pingone.com/v1",
        }
    }
}

/// Why a field of the Connect dialog cannot be used; the message is the sentence shown beside it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConnectionFieldError {
    #[error("Enter the {0}: a UUID such as {example}.", example = .0.example())]
    MissingId(ConnectionField),
    #[error(
        "The {0} must be a UUID such as {example}: 32 hexadecimal digits in groups of 8, 4, 4, 4 and 12, joined by hyphens.",
        example = .0.example()
    )]
    NotAUuid(ConnectionField),
    #[error("Enter the {0} URL, such as {example}.", example = .0.example())]
    MissingUrl(ConnectionField),
    #[error("The {field} URL can be at most {max} characters long; this one has {actual}.", max = TokenEndpoint::MAX_CHARS)]
    UrlTooLong {
        field: ConnectionField,
        actual: usize,
    },
    #[error(
        "Enter an absolute URL starting with https://, such as {example}.",
        example = .0.example()
    )]
    NotAbsoluteUrl(ConnectionField),
    #[error(
        "The {0} URL must use https. Plain http is allowed only for localhost, 127.0.0.1 and [::1]."
    )]
    InsecureUrl(ConnectionField),
    #[error("The {0} URL has no host name.")]
    NoHost(ConnectionField),
    #[error("Remove the user name or password from the {0} URL.")]
    Credentials(ConnectionField),
    #[error(
        "Remove the part from ? or #: the console adds its own paths to the {0} URL, which cannot have a query or a fragment."
    )]
    QueryOrFragment(ConnectionField),
    #[error(
        "The {field} URL contains a character a URL cannot have ({character}). Spaces, quotes and other special characters must be percent-encoded."
    )]
    InvalidCharacter {
        field: ConnectionField,
        /// Described in words ("a space"); boxed to keep `ConnectionProblems` small.
        character: Box<str>,
    },
    #[error("The {0} URL's port must be a number from 1 to 65535.")]
    InvalidPort(ConnectionField),
}

impl ConnectionForm {
    /// The connection the fields describe, or why each field that cannot be used cannot.
    pub fn validate(&self) -> Result<Connection, ConnectionProblems> {
        let environment_id = uuid(&self.environment_id, ConnectionField::EnvironmentId);
        let client_id = uuid(&self.client_id, ConnectionField::ClientId);
        let (authorization_server, api) = match self.region {
            Region::Custom => (
                base_url(
                    &self.authorization_server,
                    ConnectionField::AuthorizationServer,
                ),
                base_url(&self.api, ConnectionField::Api),
            ),
            // Named regions' URLs follow from the environment ID once it is one.
            _ => (Ok(String::new()), Ok(String::new())),
        };
        match (environment_id, client_id, authorization_server, api) {
            (Ok(environment_id), Ok(client_id), Ok(authorization_server), Ok(api)) => {
                let (authorization_server, api) = self
                    .region
                    .urls(&environment_id)
                    .unwrap_or((authorization_server, api));
                Ok(Connection {
                    region: self.region,
                    environment_id,
                    client_id,
                    authorization_server,
                    api,
                })
            }
            (environment_id, client_id, authorization_server, api) => Err(ConnectionProblems {
                environment_id: environment_id.err(),
                client_id: client_id.err(),
                authorization_server: authorization_server.err(),
                api: api.err(),
            }),
        }
    }
}

/// `text` (less surrounding white space) lower-cased, if it is a UUID in its usual form.
fn uuid(text: &str, field: ConnectionField) -> Result<String, ConnectionFieldError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ConnectionFieldError::MissingId(field));
    }
    let well_formed = text.len() == 36
        && text
            .bytes()
            .enumerate()
            .all(|(position, byte)| match position {
                8 | 13 | 18 | 23 => byte == b'-',
                _ => byte.is_ascii_hexdigit(),
            });
    if !well_formed {
        return Err(ConnectionFieldError::NotAUuid(field));
    }
    Ok(text.to_ascii_lowercase())
}

/// A URL the console adds paths to: the token endpoint's checks, no query, no trailing slash.
fn base_url(text: &str, field: ConnectionField) -> Result<String, ConnectionFieldError> {
    let url = absolute_url(text).map_err(|error| match error {
        EndpointError::Empty => ConnectionFieldError::MissingUrl(field),
        EndpointError::TooLong { actual } => ConnectionFieldError::UrlTooLong { field, actual },
        EndpointError::NotAbsolute => ConnectionFieldError::NotAbsoluteUrl(field),
        EndpointError::InsecureScheme => ConnectionFieldError::InsecureUrl(field),
        EndpointError::NoHost => ConnectionFieldError::NoHost(field),
        EndpointError::Credentials => ConnectionFieldError::Credentials(field),
        EndpointError::Fragment => ConnectionFieldError::QueryOrFragment(field),
        EndpointError::InvalidCharacter(character) => ConnectionFieldError::InvalidCharacter {
            field,
            character: character.into(),
        },
        EndpointError::InvalidPort => ConnectionFieldError::InvalidPort(field),
    })?;
    if url.contains('?') {
        return Err(ConnectionFieldError::QueryOrFragment(field));
    }
    Ok(url.trim_end_matches('/').to_owned())
}

/// A validated connection: what is remembered for the next visit (serde, no tokens).
///
/// Read back through the same validation as the dialog's fields, so a stored connection edited
/// by hand cannot point the console at a plain-http host; a named region's URLs are derived again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "StoredConnection")]
pub struct Connection {
    region: Region,
    environment_id: String,
    client_id: String,
    authorization_server: String,
    api: String,
}

/// A connection as stored, before it is validated again.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct StoredConnection {
    region: Region,
    environment_id: String,
    client_id: String,
    authorization_server: String,
    api: String,
}

impl TryFrom<StoredConnection> for Connection {
    type Error = ConnectionProblems;

    fn try_from(stored: StoredConnection) -> Result<Self, ConnectionProblems> {
        ConnectionForm {
            region: stored.region,
            environment_id: stored.environment_id,
            client_id: stored.client_id,
            authorization_server: stored.authorization_server,
            api: stored.api,
        }
        .validate()
    }
}

impl Connection {
    pub fn region(&self) -> Region {
        self.region
    }

    /// Lower-case UUID.
    pub fn environment_id(&self) -> &str {
        &self.environment_id
    }

    /// The administrators' sign-on application's client ID: a lower-case UUID.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// No trailing slash: `https://auth.pingone.eu/<environment ID>`.
    pub fn authorization_server(&self) -> &str {
        &self.authorization_server
    }

    /// No trailing slash: `https://api.pingone.eu/v1`.
    pub fn api(&self) -> &str {
        &self.api
    }

    /// The fields that describe this connection, to prefill the dialog. A named region's URLs
    /// fill the Custom fields too, as a start should the administrator choose Custom.
    pub fn form(&self) -> ConnectionForm {
        ConnectionForm {
            region: self.region,
            environment_id: self.environment_id.clone(),
            client_id: self.client_id.clone(),
            authorization_server: self.authorization_server.clone(),
            api: self.api.clone(),
        }
    }

    pub fn authorize_endpoint(&self) -> String {
        format!("{}/as/authorize", self.authorization_server)
    }

    pub fn token_endpoint(&self) -> String {
        format!("{}/as/token", self.authorization_server)
    }

    pub fn signoff_endpoint(&self) -> String {
        format!("{}/as/signoff", self.authorization_server)
    }

    pub fn applications_url(&self) -> String {
        format!(
            "{}/environments/{}/applications",
            self.api, self.environment_id
        )
    }

    /// One application's URL. `id` is encoded as one path segment, so an ID from an address or
    /// a response can never reach another resource of the API with the administrator's token.
    pub fn application_url(&self, id: &str) -> String {
        format!(
            "{}/{}",
            self.applications_url(),
            percent_encode_path_segment(id)
        )
    }

    /// The application's secret resource: read, generate (POST) and delete the previous secret.
    pub fn secret_url(&self, id: &str) -> String {
        format!("{}/secret", self.application_url(id))
    }
}

/// The authorization request (authorization code, PKCE S256): every value form-urlencoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuthorizationRequest<'a> {
    pub redirect_uri: &'a str,
    pub state: &'a str,
    /// base64url(SHA-256(code verifier)), without padding.
    pub code_challenge: &'a str,
    /// Signs on again without a page of its own (`prompt=none`): after a reload.
    pub silent: bool,
}

/// The scopes the console asks for: `openid`, and `profile` for a name to show.
const SIGN_ON_SCOPE: &str = "openid profile";

/// Where to send the browser to sign the administrator on.
pub fn authorize_url(connection: &Connection, request: &AuthorizationRequest) -> String {
    let mut parameters = vec![
        ("response_type", "code"),
        ("client_id", connection.client_id()),
        ("redirect_uri", request.redirect_uri),
        ("scope", SIGN_ON_SCOPE),
        ("state", request.state),
        ("code_challenge", request.code_challenge),
        ("code_challenge_method", "S256"),
    ];
    if request.silent {
        parameters.push(("prompt", "none"));
    }
    format!(
        "{}?{}",
        connection.authorize_endpoint(),
        form_body(&parameters)
    )
}

/// `name=value` pairs joined by `&`, every value form-urlencoded.
fn form_body(parameters: &[(&str, &str)]) -> String {
    parameters
        .iter()
        .map(|(name, value)| format!("{name}={}", form_urlencode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// What came back on the redirect URI's query string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignOnCallback {
    /// The sign-on went through; `state` is empty when the answer had none (it then matches
    /// no state the console sent).
    Code { code: String, state: String },
    /// The authorization server refused or the administrator cancelled (RFC 6749 4.1.2.1).
    Refused {
        error: String,
        description: Option<String>,
        state: Option<String>,
    },
}

/// Reads the redirect URI's query (a leading `?` is ignored) as the browser's `URLSearchParams`
/// would: the first of a repeated parameter counts. An `error` wins over a `code`, so nothing is
/// exchanged from an answer that also says it failed. `None` when there is neither: an
/// ordinary visit to the page.
pub fn parse_sign_on_callback(query: &str) -> Option<SignOnCallback> {
    let parameters: Vec<(String, String)> = query
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (form_urldecode(name), form_urldecode(value))
        })
        .collect();
    let parameter = |wanted: &str| {
        parameters
            .iter()
            .find(|(name, _)| name == wanted)
            .map(|(_, value)| value.clone())
    };
    let state = parameter("state");
    if let Some(error) = parameter("error") {
        return Some(SignOnCallback::Refused {
            error,
            description: parameter("error_description"),
            state,
        });
    }
    parameter("code").map(|code| SignOnCallback::Code {
        code,
        state: state.unwrap_or_default(),
    })
}

/// The sentence a refused sign-on is reported with. The description comes from an address, so a
/// character that changes the direction of text is spelled out rather than obeyed.
pub fn refusal_message(error: &str, description: Option<&str>) -> String {
    match error {
        "access_denied" => "Sign-on was cancelled.".to_owned(),
        "login_required" => {
            "Your PingOne session has ended, so the console could not sign you on by itself: sign on again.".to_owned()
        }
        _ => {
            let reason = description
                .map(str::trim)
                .filter(|description| !description.is_empty())
                .unwrap_or(error);
            let reason = direction_controls_spelled_out(reason.trim_end_matches('.'));
            format!("PingOne refused the sign-on: {reason}.")
        }
    }
}

/// The authorization code exchange's `application/x-www-form-urlencoded` body (a public client:
/// the client ID and the PKCE verifier, no secret).
pub fn token_request_body(
    code: &str,
    redirect_uri: &str,
    client_id: &str,
    code_verifier: &str,
) -> String {
    form_body(&[
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", redirect_uri),
        ("client_id", client_id),
        ("code_verifier", code_verifier),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENVIRONMENT: &str = "3f5b1a2e-8c4d-4e6f-9a1b-2c3d4e5f6a7b";
    const CLIENT: &str = "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a";

    fn form(region: Region) -> ConnectionForm {
        ConnectionForm {
            region,
            environment_id: ENVIRONMENT.into(),
            client_id: CLIENT.into(),
            ..ConnectionForm::default()
        }
    }

    fn custom(authorization_server: &str, api: &str) -> ConnectionForm {
        ConnectionForm {
            authorization_server: authorization_server.into(),
            api: api.into(),
            ..form(Region::Custom)
        }
    }

    #[test]
    fn regions_are_listed_in_the_specs_order_with_their_codes() {
        let listed: Vec<(&str, &str)> = Region::ALL
            .iter()
            .map(|region| (region.label(), region.code()))
            .collect();
        assert_eq!(
            listed,
            [
                ("North America", "com"),
                ("Canada", "ca"),
                ("Europe", "eu"),
                ("Australia", "com.au"),
                ("Singapore", "sg"),
                ("Asia-Pacific", "asia"),
                ("Custom", "custom"),
            ]
        );
        for region in Region::ALL {
            assert_eq!(Region::from_code(region.code()), Some(region));
        }
        assert_eq!(Region::from_code("us"), None);
        assert_eq!(ConnectionForm::default().region, Region::NorthAmerica);
    }

    #[test]
    fn a_named_region_derives_both_urls_and_ignores_the_custom_fields() {
        for (region, domain) in [
            (Region::NorthAmerica, "com"),
            (Region::Canada, "ca"),
            (Region::Europe, "eu"),
            (Region::Australia, "com.au"),
            (Region::Singapore, "sg"),
            (Region::AsiaPacific, "asia"),
        ] {
            let typed = ConnectionForm {
                authorization_server: "http://evil.example".into(),
                api: "not a url".into(),
                ..form(region)
            };
            let connection = typed.validate().unwrap();
            assert_eq!(
                connection.authorization_server(),
                format!("https://auth.pingone.{domain}/{ENVIRONMENT}")
            );
            assert_eq!(connection.api(), format!("https://api.pingone.{domain}/v1"));
            assert_eq!(connection.region(), region);
        }
    }

    #[test]
    fn ids_are_trimmed_and_lower_cased_uuids() {
        let typed = ConnectionForm {
            environment_id: format!("  {}\n", ENVIRONMENT.to_uppercase()),
            client_id: CLIENT.to_uppercase(),
            ..form(Region::Europe)
        };
        let connection = typed.validate().unwrap();
        assert_eq!(connection.environment_id(), ENVIRONMENT);
        assert_eq!(connection.client_id(), CLIENT);
        assert_eq!(
            connection.authorization_server(),
            format!("https://auth.pingone.eu/{ENVIRONMENT}")
        );
    }

    #[test]
    fn ids_that_are_not_uuids_are_refused_with_the_reason_beside_each_field() {
        let typed = ConnectionForm {
            environment_id: "   ".into(),
            client_id: "3f5b1a2e8c4d4e6f9a1b2c3d4e5f6a7b".into(),
            ..form(Region::NorthAmerica)
        };
        let problems = typed.validate().unwrap_err();
        assert_eq!(
            problems.environment_id.as_ref().map(ToString::to_string),
            Some(
                "Enter the environment ID: a UUID such as 3f5b1a2e-8c4d-4e6f-9a1b-2c3d4e5f6a7b."
                    .to_owned()
            )
        );
        assert_eq!(
            problems.client_id,
            Some(ConnectionFieldError::NotAUuid(ConnectionField::ClientId))
        );
        assert_eq!(
            problems.client_id.map(|problem| problem.to_string()),
            Some("The client ID must be a UUID such as 3f5b1a2e-8c4d-4e6f-9a1b-2c3d4e5f6a7b: 32 hexadecimal digits in groups of 8, 4, 4, 4 and 12, joined by hyphens.".to_owned())
        );
        assert_eq!((problems.authorization_server, problems.api), (None, None));
        for bad in [
            "3f5b1a2e-8c4d-4e6f-9a1b-2c3d4e5f6a7",
            "3f5b1a2e-8c4d-4e6f-9a1b-2c3d4e5f6a7bb",
            "3f5b1a2e-8c4d-4e6f-9a1b_2c3d4e5f6a7b",
            "{3f5b1a2e-8c4d-4e6f-9a1b-2c3d4e5f6a7}",
            "gf5b1a2e-8c4d-4e6f-9a1b-2c3d4e5f6a7b",
            "3f5b1a2e-8c4d-4e6f-9a1b-2c3d4e5f6a7é",
        ] {
            let typed = ConnectionForm {
                environment_id: bad.into(),
                ..form(Region::NorthAmerica)
            };
            assert_eq!(
                typed.validate().unwrap_err().environment_id,
                Some(ConnectionFieldError::NotAUuid(
                    ConnectionField::EnvironmentId
                )),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_custom_region_needs_both_urls() {
        let problems = custom("", "  ").validate().unwrap_err();
        assert_eq!(
            problems
                .authorization_server
                .map(|problem| problem.to_string()),
            Some("Enter the authorization server URL, such as https://auth.example.com.".into())
        );
        assert_eq!(
            problems.api.map(|problem| problem.to_string()),
            Some("Enter the API URL, such as https://api.pingone.com/v1.".into())
        );
        assert_eq!((problems.environment_id, problems.client_id), (None, None));
    }

    #[test]
    fn custom_urls_are_kept_as_typed_less_trailing_slashes() {
        let connection = custom(
            "https://sso.example.com/",
            "  https://api.pingone.eu/v1//  ",
        )
        .validate()
        .unwrap();
        assert_eq!(connection.authorization_server(), "https://sso.example.com");
        assert_eq!(connection.api(), "https://api.pingone.eu/v1");
        assert_eq!(
            connection.token_endpoint(),
            "https://sso.example.com/as/token"
        );
    }

    #[test]
    fn custom_urls_must_be_https_except_on_the_loopback_host() {
        for (server, api) in [
            ("http://localhost:4000/env", "http://127.0.0.1:4001/v1"),
            ("http://[::1]/env", "https://api.example.com/v1"),
        ] {
            assert!(custom(server, api).validate().is_ok(), "{server} {api}");
        }
        let problems = custom("http://auth.example.com", "ftp://api.example.com")
            .validate()
            .unwrap_err();
        assert_eq!(
            problems.authorization_server.map(|problem| problem.to_string()),
            Some("The authorization server URL must use https. Plain http is allowed only for localhost, 127.0.0.1 and [::1].".into())
        );
        assert_eq!(
            problems.api.map(|problem| problem.to_string()),
            Some(
                "Enter an absolute URL starting with https://, such as https://api.pingone.com/v1."
                    .into()
            )
        );
    }

    #[test]
    fn custom_urls_refuse_what_a_base_url_cannot_have() {
        let field = ConnectionField::Api;
        for (api, expected) in [
            (
                "https://api.example.com/v1?x=1",
                ConnectionFieldError::QueryOrFragment(field),
            ),
            (
                "https://api.example.com/v1#top",
                ConnectionFieldError::QueryOrFragment(field),
            ),
            (
                "https://admin:pw@api.example.com/v1",
                ConnectionFieldError::Credentials(field),
            ),
            ("https:///v1", ConnectionFieldError::NoHost(field)),
            (
                "https://api.example.com:0/v1",
                ConnectionFieldError::InvalidPort(field),
            ),
            (
                "https://api.example.com/v 1",
                ConnectionFieldError::InvalidCharacter {
                    field,
                    character: "a space".into(),
                },
            ),
        ] {
            assert_eq!(
                custom("https://auth.example.com", api)
                    .validate()
                    .unwrap_err()
                    .api,
                Some(expected),
                "{api}"
            );
        }
        let long = format!("https://api.example.com/{}", "v".repeat(3000));
        assert_eq!(
            custom("https://auth.example.com", &long)
                .validate()
                .unwrap_err()
                .api,
            Some(ConnectionFieldError::UrlTooLong {
                field,
                actual: 3024
            })
        );
    }

    #[test]
    fn problems_are_empty_only_when_every_field_is_fine() {
        assert!(ConnectionProblems::default().is_empty());
        let problems = custom("", "https://api.example.com")
            .validate()
            .unwrap_err();
        assert!(!problems.is_empty());
        assert_eq!(
            problems.to_string(),
            "Enter the authorization server URL, such as https://auth.example.com."
        );
    }

    #[test]
    fn every_url_follows_the_connection() {
        let connection = form(Region::Europe).validate().unwrap();
        let auth = format!("https://auth.pingone.eu/{ENVIRONMENT}");
        assert_eq!(
            connection.authorize_endpoint(),
            format!("{auth}/as/authorize")
        );
        assert_eq!(connection.token_endpoint(), format!("{auth}/as/token"));
        assert_eq!(connection.signoff_endpoint(), format!("{auth}/as/signoff"));
        let applications =
            format!("https://api.pingone.eu/v1/environments/{ENVIRONMENT}/applications");
        assert_eq!(connection.applications_url(), applications);
        assert_eq!(
            connection.application_url(CLIENT),
            format!("{applications}/{CLIENT}")
        );
        assert_eq!(
            connection.secret_url(CLIENT),
            format!("{applications}/{CLIENT}/secret")
        );
    }

    #[test]
    fn an_application_id_cannot_reach_another_resource() {
        let connection = form(Region::Europe).validate().unwrap();
        let applications = connection.applications_url();
        assert_eq!(
            connection.application_url("../../users?limit=1"),
            format!("{applications}/%2E%2E%2F%2E%2E%2Fusers%3Flimit%3D1")
        );
        assert_eq!(
            connection.application_url(".."),
            format!("{applications}/%252E%252E")
        );
    }

    #[test]
    fn a_connection_prefills_the_form_it_came_from() {
        for typed in [
            form(Region::Singapore),
            custom("https://sso.example.com", "https://api.pingone.sg/v1"),
        ] {
            let connection = typed.validate().unwrap();
            assert_eq!(connection.form().validate(), Ok(connection.clone()));
            assert_eq!(connection.form().environment_id, ENVIRONMENT);
        }
        let europe = form(Region::Europe).validate().unwrap().form();
        assert_eq!(europe.api, "https://api.pingone.eu/v1");
    }

    #[test]
    fn a_connection_is_remembered_without_tokens_and_read_back_validated() {
        let connection = form(Region::Australia).validate().unwrap();
        let stored = serde_json::to_value(&connection).unwrap();
        assert_eq!(
            stored,
            serde_json::json!({
                "region": "com.au",
                "environmentId": ENVIRONMENT,
                "clientId": CLIENT,
                "authorizationServer": format!("https://auth.pingone.com.au/{ENVIRONMENT}"),
                "api": "https://api.pingone.com.au/v1",
            })
        );
        assert_eq!(
            serde_json::from_value::<Connection>(stored).unwrap(),
            connection
        );
        let tampered = serde_json::json!({
            "region": "custom",
            "environmentId": ENVIRONMENT,
            "clientId": CLIENT,
            "authorizationServer": "http://evil.example",
            "api": "https://api.pingone.com/v1",
        });
        let error = serde_json::from_value::<Connection>(tampered).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("The authorization server URL must use https."),
            "{error}"
        );
    }

    fn request(silent: bool) -> AuthorizationRequest<'static> {
        AuthorizationRequest {
            redirect_uri: "https://console.example.com/app/?from=pingone",
            state: "s+t/a=te",
            code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            silent,
        }
    }

    #[test]
    fn the_authorization_url_asks_for_a_code_with_pkce_every_value_encoded() {
        let connection = form(Region::NorthAmerica).validate().unwrap();
        assert_eq!(
            authorize_url(&connection, &request(false)),
            format!(
                "https://auth.pingone.com/{ENVIRONMENT}/as/authorize?response_type=code&client_id={CLIENT}&redirect_uri=https%3A%2F%2Fconsole.example.com%2Fapp%2F%3Ffrom%3Dpingone&scope=openid+profile&state=s%2Bt%2Fa%3Dte&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
            )
        );
    }

    #[test]
    fn a_silent_sign_on_adds_prompt_none() {
        let connection = form(Region::NorthAmerica).validate().unwrap();
        let url = authorize_url(&connection, &request(true));
        assert!(
            url.ends_with("&code_challenge_method=S256&prompt=none"),
            "{url}"
        );
        assert!(!authorize_url(&connection, &request(false)).contains("prompt"));
    }

    #[test]
    fn a_callback_with_a_code_gives_the_code_and_state_decoded() {
        assert_eq!(
            parse_sign_on_callback("code=a%2Bb+c&state=s%2Bt%2Fa%3Dte&iss=x"),
            Some(SignOnCallback::Code {
                code: "a+b c".into(),
                state: "s+t/a=te".into(),
            })
        );
        assert_eq!(
            parse_sign_on_callback("code=first&code=second"),
            Some(SignOnCallback::Code {
                code: "first".into(),
                state: String::new(),
            }),
            "the first of a repeated parameter counts; no state matches none sent"
        );
    }

    #[test]
    fn a_callback_with_an_error_is_a_refusal_even_beside_a_code() {
        assert_eq!(
            parse_sign_on_callback(
                "error=access_denied&error_description=User+cancelled%21&state=abc&code=x"
            ),
            Some(SignOnCallback::Refused {
                error: "access_denied".into(),
                description: Some("User cancelled!".into()),
                state: Some("abc".into()),
            })
        );
        assert_eq!(
            parse_sign_on_callback("error=login_required"),
            Some(SignOnCallback::Refused {
                error: "login_required".into(),
                description: None,
                state: None,
            })
        );
    }

    #[test]
    fn a_query_without_code_or_error_is_no_callback() {
        assert_eq!(
            parse_sign_on_callback("?code=c&state=s"),
            parse_sign_on_callback("code=c&state=s")
        );
        for query in [
            "",
            "?",
            "q=portal&type=worker",
            "&&",
            "codes=1",
            "state=abc",
        ] {
            assert_eq!(parse_sign_on_callback(query), None, "{query}");
        }
    }

    #[test]
    fn refusals_are_said_in_words() {
        assert_eq!(
            refusal_message("access_denied", Some("The user said no")),
            "Sign-on was cancelled."
        );
        assert!(refusal_message("login_required", None).ends_with("sign on again."));
        assert_eq!(
            refusal_message("invalid_request", Some("Invalid redirect_uri.")),
            "PingOne refused the sign-on: Invalid redirect_uri."
        );
        assert_eq!(
            refusal_message("server_error", Some("  ")),
            "PingOne refused the sign-on: server_error."
        );
        assert_eq!(
            refusal_message("invalid_scope", Some("Bad\u{202E}gnp.exe")),
            "PingOne refused the sign-on: Bad[U+202E]gnp.exe."
        );
    }

    #[test]
    fn the_token_request_body_sends_the_code_and_verifier_form_encoded() {
        assert_eq!(
            token_request_body(
                "c o+de",
                "https://console.example.com/",
                CLIENT,
                "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
            ),
            format!(
                "grant_type=authorization_code&code=c+o%2Bde&redirect_uri=https%3A%2F%2Fconsole.example.com%2F&client_id={CLIENT}&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
            )
        );
    }
}
