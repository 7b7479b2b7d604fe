//! The token endpoint a generated request goes to, and the scope it asks for, both validated
//! before they reach a shell command.
//!
//! An endpoint is an absolute `https` URL; plain `http` only for the loopback host, where a test
//! server runs. Credentials in the URL (`user:pass@`) and fragments are refused: the first would
//! leak a password into shell history, the second is not allowed in an OAuth endpoint (RFC 6749
//! section 3.2). Only the characters RFC 3986 allows in a URI are accepted, so white space,
//! quotes, backticks and control characters never get this far; the command quotes it anyway.
//! The same checks (`absolute_url`) vet the URLs of a PingOne connection.

use serde::{Deserialize, Serialize};

/// A validated token endpoint URL, kept exactly as typed (less surrounding white space).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TokenEndpoint(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EndpointError {
    #[error("Enter the token endpoint's URL.")]
    Empty,
    #[error("The URL can be at most {max} characters long; this one has {actual}.", max = TokenEndpoint::MAX_CHARS)]
    TooLong { actual: usize },
    #[error(
        "Enter an absolute URL starting with https://, such as https://auth.example.com/as/token."
    )]
    NotAbsolute,
    #[error(
        "The token endpoint must use https. Plain http is allowed only for localhost, 127.0.0.1 and [::1]."
    )]
    InsecureScheme,
    #[error("The URL has no host name.")]
    NoHost,
    #[error(
        "Remove the user name or password from the URL: credentials go in the request, not the address."
    )]
    Credentials,
    #[error("Remove the fragment (the part from #): a token endpoint URL cannot have one.")]
    Fragment,
    #[error(
        "The URL contains a character a URL cannot have ({0}). Spaces, quotes and other special characters must be percent-encoded."
    )]
    InvalidCharacter(String),
    #[error("The URL's port must be a number from 1 to 65535.")]
    InvalidPort,
}

impl TryFrom<String> for TokenEndpoint {
    type Error = EndpointError;

    fn try_from(text: String) -> Result<Self, EndpointError> {
        Self::parse(&text)
    }
}

impl From<TokenEndpoint> for String {
    fn from(endpoint: TokenEndpoint) -> Self {
        endpoint.0
    }
}

impl TokenEndpoint {
    /// Long enough for any real endpoint, short enough that a pasted document is refused.
    pub const MAX_CHARS: usize = 2048;

    pub fn parse(text: &str) -> Result<Self, EndpointError> {
        absolute_url(text).map(|url| Self(url.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `text` less surrounding white space, if it is an absolute URL this console may send a request
/// to: `https`, or `http` for the loopback host alone, with a host, no credentials, no fragment
/// and only URI characters. Shared by the token endpoint and the PingOne connection's URLs.
pub(crate) fn absolute_url(text: &str) -> Result<&str, EndpointError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(EndpointError::Empty);
    }
    let actual = text.chars().count();
    if actual > TokenEndpoint::MAX_CHARS {
        return Err(EndpointError::TooLong { actual });
    }
    if let Some(bad) = text.chars().find(|&c| !is_uri_character(c)) {
        return Err(EndpointError::InvalidCharacter(describe_character(bad)));
    }
    if text.contains('#') {
        return Err(EndpointError::Fragment);
    }
    let (scheme, rest) = text.split_once("://").ok_or(EndpointError::NotAbsolute)?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return Err(EndpointError::NotAbsolute);
    }
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err(EndpointError::Credentials);
    }
    let host = host_of(authority)?;
    if scheme == "http" && !is_loopback(host) {
        return Err(EndpointError::InsecureScheme);
    }
    Ok(text)
}

/// Splits `host[:port]` (or `[ip-literal]:port`), and checks both.
fn host_of(authority: &str) -> Result<&str, EndpointError> {
    let (host, port) = if authority.starts_with('[') {
        let end = authority.find(']').ok_or(EndpointError::NoHost)? + 1;
        let (host, after) = authority.split_at(end);
        if after.is_empty() {
            (host, None)
        } else {
            let port = after.strip_prefix(':').ok_or(EndpointError::InvalidPort)?;
            (host, Some(port))
        }
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    // Brackets belong only around an IP literal, and nothing may be empty.
    let well_formed = match host.strip_prefix('[') {
        Some(literal) => literal
            .strip_suffix(']')
            .is_some_and(|inner| !inner.is_empty() && !inner.contains(['[', ']'])),
        None => !host.is_empty() && !host.contains(['[', ']']),
    };
    if !well_formed {
        return Err(EndpointError::NoHost);
    }
    if let Some(port) = port {
        let valid = !port.is_empty()
            && port.bytes().all(|byte| byte.is_ascii_digit())
            && port.parse::<u16>().is_ok_and(|port| port > 0);
        if !valid {
            return Err(EndpointError::InvalidPort);
        }
    }
    Ok(host)
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost") || host == "127.0.0.1" || host == "[::1]"
}

/// RFC 3986's unreserved, reserved and `%` characters: everything a URI may contain.
fn is_uri_character(character: char) -> bool {
    character.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(character)
}

fn describe_character(character: char) -> String {
    match character {
        ' ' => "a space".into(),
        '\n' | '\r' => "a line break".into(),
        '\t' => "a tab".into(),
        c if c.is_control() => format!("the control character U+{:04X}", u32::from(c)),
        c => format!("“{c}”"),
    }
}

/// The optional `scope` of a request: space-separated scope tokens (RFC 6749 section 3.3), each
/// printable ASCII other than `"` and `\`. Runs of spaces are collapsed; tabs and line breaks
/// are refused rather than guessed at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScopeError {
    #[error("A scope cannot contain {0}. Separate scope values with single spaces.")]
    InvalidCharacter(String),
}

impl Scope {
    /// `None` when the text is blank: the request then asks for the default scope.
    pub fn parse(text: &str) -> Result<Option<Self>, ScopeError> {
        let invalid = text
            .chars()
            .find(|&c| c != ' ' && !matches!(c, '\x21' | '\x23'..='\x5b' | '\x5d'..='\x7e'));
        if let Some(bad) = invalid {
            return Err(ScopeError::InvalidCharacter(describe_character(bad)));
        }
        let tokens: Vec<&str> = text.split(' ').filter(|token| !token.is_empty()).collect();
        Ok((!tokens.is_empty()).then(|| Self(tokens.join(" "))))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_endpoints_are_accepted_as_typed_less_surrounding_space() {
        for url in [
            "https://auth.example.com/as/token",
            "HTTPS://Auth.Example.com:8443/oauth2/token?tenant=a%20b",
            "https://[2001:db8::1]/token",
            "https://auth.example.com",
        ] {
            assert_eq!(TokenEndpoint::parse(url).map(|e| e.0), Ok(url.to_owned()));
        }
        assert_eq!(
            TokenEndpoint::parse("  https://a.example/token\n").map(|e| e.0),
            Ok("https://a.example/token".to_owned())
        );
    }

    #[test]
    fn plain_http_is_accepted_only_for_loopback_hosts() {
        for url in [
            "http://localhost/token",
            "http://LOCALHOST:8080/token",
            "http://127.0.0.1:49152/token",
            "http://[::1]:3000/token",
        ] {
            assert!(TokenEndpoint::parse(url).is_ok(), "{url}");
        }
        for url in [
            "http://auth.example.com/token",
            "http://127.0.0.2/token",
            "http://localhost.example.com/token",
            "http://10.0.0.1/token",
        ] {
            assert_eq!(
                TokenEndpoint::parse(url),
                Err(EndpointError::InsecureScheme),
                "{url}"
            );
        }
    }

    #[test]
    fn relative_urls_and_other_schemes_are_refused() {
        for url in [
            "/token",
            "auth.example.com/token",
            "ftp://a.example/x",
            "javascript:alert(1)",
            "file:///etc/passwd",
        ] {
            assert_eq!(
                TokenEndpoint::parse(url),
                Err(EndpointError::NotAbsolute),
                "{url}"
            );
        }
        assert_eq!(TokenEndpoint::parse("   "), Err(EndpointError::Empty));
        assert_eq!(
            TokenEndpoint::parse("https:///token"),
            Err(EndpointError::NoHost)
        );
    }

    #[test]
    fn credentials_and_fragments_are_refused() {
        assert_eq!(
            TokenEndpoint::parse("https://admin:hunter2@auth.example.com/token"),
            Err(EndpointError::Credentials)
        );
        assert_eq!(
            TokenEndpoint::parse("https://auth.example.com/token#top"),
            Err(EndpointError::Fragment)
        );
    }

    #[test]
    fn ports_must_be_numbers_in_range() {
        for url in [
            "https://a.example:/t",
            "https://a.example:0/t",
            "https://a.example:65536/t",
            "https://a.example:80a/t",
            "https://[::1]x/t",
        ] {
            assert_eq!(
                TokenEndpoint::parse(url),
                Err(EndpointError::InvalidPort),
                "{url}"
            );
        }
    }

    #[test]
    fn shell_metacharacters_outside_the_uri_alphabet_are_refused() {
        for url in [
            "https://a.example/token $(touch /tmp/x)",
            "https://a.example/`id`",
            "https://a.example/\"x\"",
            "https://a.example/token\nrm -rf ~",
            "https://a.example/\\x",
            "https://a.example/é",
        ] {
            assert!(
                matches!(
                    TokenEndpoint::parse(url),
                    Err(EndpointError::InvalidCharacter(_))
                ),
                "{url:?}"
            );
        }
    }

    #[test]
    fn a_ten_thousand_character_endpoint_is_refused_with_its_length() {
        let url = format!("https://a.example/{}", "x".repeat(10_000));
        assert_eq!(
            TokenEndpoint::parse(&url),
            Err(EndpointError::TooLong { actual: 10_018 })
        );
    }

    #[test]
    fn scopes_are_space_separated_printable_tokens() {
        assert_eq!(Scope::parse(""), Ok(None));
        assert_eq!(Scope::parse("   "), Ok(None));
        assert_eq!(
            Scope::parse("  openid   api:read ").map(|scope| scope.map(|s| s.0)),
            Ok(Some("openid api:read".to_owned()))
        );
        // Shell metacharacters are legal scope characters: the command must quote them.
        assert!(Scope::parse("$(touch /tmp/x) `id` ;'").is_ok());
        for bad in ["a\nb", "a\tb", "say \"hi\"", "back\\slash", "é"] {
            assert!(Scope::parse(bad).is_err(), "{bad:?}");
        }
    }
}
