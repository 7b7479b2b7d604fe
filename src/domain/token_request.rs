//! A client_credentials token request (RFC 6749 section 4.4) as a `curl` command an
//! administrator pastes into bash to try a secret, with the application's own client
//! authentication: HTTP Basic (section 2.3.1), the form body, or an HS256 client assertion
//! (RFC 7523).
//!
//! Safety of the command rests on two layers, so neither has to be perfect alone: every value
//! is form-urlencoded into its `name=value` pair (so it is plain `[A-Za-z0-9*-._+%]`), and every
//! shell word is single-quoted, with a `'` inside written as `'\''`. In single quotes bash
//! expands nothing, so no endpoint or scope text can run anything else.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::application::{ClientId, TokenEndpointAuthMethod};
use super::encoding::{base64, base64url, form_urlencode};
use super::secret::SecretValue;
use super::token_endpoint::{Scope, TokenEndpoint};

/// What stands in for a secret or an assertion in the masked command.
pub const MASK: &str = "••••••••";
/// How long a client assertion is accepted after it is made.
pub const ASSERTION_LIFETIME: Duration = Duration::minutes(5);
const JWT_BEARER: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// Quotes `word` for bash (and any POSIX shell): the result is one word, expanded to nothing else.
pub fn shell_quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// The `Authorization` header value for client_secret_basic: the client ID and secret are each
/// form-urlencoded before they are joined and base64-encoded (RFC 6749 section 2.3.1).
pub fn basic_authorization(client_id: &ClientId, secret: &SecretValue) -> String {
    let credentials = format!(
        "{}:{}",
        form_urlencode(client_id.as_str()),
        form_urlencode(secret.expose())
    );
    format!("Basic {}", base64(credentials.as_bytes()))
}

/// How the client proves itself in one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientCredential {
    Basic(SecretValue),
    Post(SecretValue),
    /// A signed client assertion (compact JWS), made by `ClientAssertion`.
    Assertion(SecretValue),
}

impl ClientCredential {
    /// The credential `method` sends: `None` for a public client and for private_key_jwt, which
    /// have no secret to send, and for client_secret_jwt until its `assertion` (the signed JWT)
    /// is made.
    pub fn for_method(
        method: TokenEndpointAuthMethod,
        secret: SecretValue,
        assertion: Option<SecretValue>,
    ) -> Option<Self> {
        match method {
            TokenEndpointAuthMethod::ClientSecretBasic => Some(Self::Basic(secret)),
            TokenEndpointAuthMethod::ClientSecretPost => Some(Self::Post(secret)),
            TokenEndpointAuthMethod::ClientSecretJwt => assertion.map(Self::Assertion),
            TokenEndpointAuthMethod::None | TokenEndpointAuthMethod::PrivateKeyJwt => None,
        }
    }
}

/// Everything a client_credentials request is made of.
#[derive(Debug, Clone)]
pub struct TokenRequest<'a> {
    pub endpoint: &'a TokenEndpoint,
    pub client_id: &'a ClientId,
    pub scope: Option<&'a Scope>,
    pub credential: &'a ClientCredential,
}

impl TokenRequest<'_> {
    /// The command with the secret (or assertion) in place, to copy and run.
    pub fn command(&self) -> String {
        self.render(false)
    }

    /// The same command with only the secret (or assertion) replaced by `MASK`, to show.
    pub fn masked_command(&self) -> String {
        self.render(true)
    }

    fn render(&self, masked: bool) -> String {
        let hidden = |value: &SecretValue| {
            if masked {
                MASK.to_owned()
            } else {
                form_urlencode(value.expose())
            }
        };
        // --globoff: curl must not read `[…]` in the URL as a range of several URLs.
        let mut words = vec![format!(
            "curl -sS --globoff {}",
            shell_quote(self.endpoint.as_str())
        )];
        let mut form = |name: &str, value: &str| {
            words.push(format!("-d {}", shell_quote(&format!("{name}={value}"))));
        };
        form("grant_type", "client_credentials");
        if let Some(scope) = self.scope {
            form("scope", &form_urlencode(scope.as_str()));
        }
        match self.credential {
            ClientCredential::Basic(secret) => {
                let header = if masked {
                    format!("Basic {MASK}")
                } else {
                    basic_authorization(self.client_id, secret)
                };
                words.push(format!(
                    "-H {}",
                    shell_quote(&format!("Authorization: {header}"))
                ));
            }
            ClientCredential::Post(secret) => {
                form("client_id", &form_urlencode(self.client_id.as_str()));
                form("client_secret", &hidden(secret));
            }
            ClientCredential::Assertion(assertion) => {
                form("client_id", &form_urlencode(self.client_id.as_str()));
                form("client_assertion_type", &form_urlencode(JWT_BEARER));
                form("client_assertion", &hidden(assertion));
            }
        }
        // Each option on a line of its own; a backslash before the newline continues the command.
        words.join(" \\\n  ")
    }
}

/// An RFC 7523 client assertion before it is signed: the claims, and the JWS signing input the
/// browser's HMAC signs with the client secret as the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAssertion {
    signing_input: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(Serialize)]
struct Claims<'a> {
    iss: &'a str,
    sub: &'a str,
    aud: &'a str,
    iat: i64,
    exp: i64,
    jti: &'a str,
}

impl ClientAssertion {
    /// Claims for `client_id` at `audience` (the token endpoint), issued `now`, expiring
    /// `ASSERTION_LIFETIME` later, with the unique `jti` the caller drew at random.
    pub fn new(
        client_id: &ClientId,
        audience: &TokenEndpoint,
        now: DateTime<Utc>,
        jti: &str,
    ) -> Self {
        let expires_at = now + ASSERTION_LIFETIME;
        let claims = Claims {
            iss: client_id.as_str(),
            sub: client_id.as_str(),
            aud: audience.as_str(),
            iat: now.timestamp(),
            exp: expires_at.timestamp(),
            jti,
        };
        // Serialising strings and integers cannot fail.
        let claims = serde_json::to_string(&claims).unwrap_or_default();
        let header = r#"{"alg":"HS256","typ":"JWT"}"#;
        Self {
            signing_input: format!(
                "{}.{}",
                base64url(header.as_bytes()),
                base64url(claims.as_bytes())
            ),
            expires_at,
        }
    }

    /// The text HMAC-SHA-256 signs: `base64url(header).base64url(claims)`.
    pub fn signing_input(&self) -> &str {
        &self.signing_input
    }

    /// The compact JWS: signing input, a dot, and the base64url signature.
    pub fn signed(&self, signature: &[u8]) -> SecretValue {
        SecretValue::new(format!("{}.{}", self.signing_input, base64url(signature)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use std::process::Command;

    fn endpoint(url: &str) -> TokenEndpoint {
        TokenEndpoint::parse(url).unwrap()
    }

    fn secret(text: &str) -> SecretValue {
        SecretValue::new(text.to_owned())
    }

    /// The words bash passes to `curl` when it runs `command`: curl is replaced by a function
    /// that prints each argument followed by a NUL, so any text (line breaks too) comes back.
    fn words_bash_sees(command: &str) -> Vec<String> {
        let script = format!("curl() {{ printf '%s\\0' \"$@\"; }}\n{command}");
        let output = Command::new("bash")
            .arg("-c")
            .arg(script)
            .output()
            .expect("bash is installed");
        assert!(output.status.success(), "{output:?}");
        let mut words: Vec<String> = String::from_utf8(output.stdout)
            .unwrap()
            .split('\0')
            .map(str::to_owned)
            .collect();
        words.pop();
        words
    }

    #[test]
    fn basic_credentials_form_urlencode_both_parts_before_base64() {
        // RFC 6749 2.3.1: reserved characters are encoded, a space becomes "+".
        let header = basic_authorization(&ClientId::new("s6BhdRkqt3"), &secret("gX1fBat3bV"));
        assert_eq!(header, "Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW");
        let header = basic_authorization(&ClientId::new("client:1"), &secret("a b+c/d%e~f"));
        let decoded = "client%3A1:a+b%2Bc%2Fd%25e%7Ef";
        assert_eq!(header, format!("Basic {}", base64(decoded.as_bytes())));
    }

    #[test]
    fn a_basic_command_sends_the_header_and_the_grant_type() {
        let credential = ClientCredential::Basic(secret("s3cr3t"));
        let scope = Scope::parse("api:read api:write").unwrap().unwrap();
        let request = TokenRequest {
            endpoint: &endpoint("https://auth.example.com/as/token"),
            client_id: &ClientId::new("app-1"),
            scope: Some(&scope),
            credential: &credential,
        };
        assert_eq!(
            words_bash_sees(&request.command()),
            [
                "-sS",
                "--globoff",
                "https://auth.example.com/as/token",
                "-d",
                "grant_type=client_credentials",
                "-d",
                "scope=api%3Aread+api%3Awrite",
                "-H",
                &format!(
                    "Authorization: {}",
                    basic_authorization(&ClientId::new("app-1"), &secret("s3cr3t"))
                ),
            ]
        );
        assert!(
            request
                .masked_command()
                .contains("Authorization: Basic ••••••••")
        );
        assert!(!request.masked_command().contains(&basic_authorization(
            &ClientId::new("app-1"),
            &secret("s3cr3t")
        )));
    }

    /// The command and its masked form for client `app-1` at a fixed endpoint, without a scope.
    fn unscoped_command(credential: &ClientCredential) -> (String, String) {
        let request = TokenRequest {
            endpoint: &endpoint("https://auth.example.com/token"),
            client_id: &ClientId::new("app-1"),
            scope: None,
            credential,
        };
        (request.command(), request.masked_command())
    }

    #[test]
    fn a_post_command_puts_the_client_id_and_secret_in_the_body() {
        let (command, masked) = unscoped_command(&ClientCredential::Post(secret("s3cr3t~x")));
        let words = words_bash_sees(&command);
        assert!(words.contains(&"client_id=app-1".to_owned()), "{words:?}");
        assert!(
            words.contains(&"client_secret=s3cr3t%7Ex".to_owned()),
            "{words:?}"
        );
        assert!(!words.iter().any(|word| word.starts_with("scope=")));
        assert!(masked.contains("'client_secret=••••••••'"), "{masked}");
        assert!(!masked.contains("s3cr3t"));
        assert_eq!(
            masked.replace("••••••••", "s3cr3t%7Ex"),
            command,
            "only the secret is hidden"
        );
    }

    #[test]
    fn a_jwt_command_sends_the_assertion_and_its_type() {
        let (command, masked) =
            unscoped_command(&ClientCredential::Assertion(secret("aaa.bbb.ccc")));
        let words = words_bash_sees(&command);
        assert!(words.contains(&"client_assertion=aaa.bbb.ccc".to_owned()));
        assert!(words.contains(
            &"client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                .to_owned()
        ));
        assert!(!masked.contains("aaa.bbb.ccc"));
    }

    #[test]
    fn hostile_text_reaches_curl_as_inert_words_and_runs_nothing() {
        let marker = std::env::temp_dir().join(format!("pwned-{}", std::process::id()));
        let touch = format!("touch {}", marker.display());
        // The endpoint passes validation: every character is one a URL may contain.
        let url = format!(
            "https://a.example/';$(touch$IFS{m});'",
            m = marker.display()
        );
        let scope_text = format!("$({touch}) `{touch}` ;{touch}; '{touch}' \"x\"");
        assert!(
            Scope::parse(&scope_text).is_err(),
            "a double quote is not a scope character"
        );
        let scope = Scope::parse(&scope_text.replace('"', "")).unwrap().unwrap();
        let credential = ClientCredential::Post(secret("s"));
        let request = TokenRequest {
            endpoint: &endpoint(&url),
            client_id: &ClientId::new("it's"),
            scope: Some(&scope),
            credential: &credential,
        };
        // The payload is live: in quotes whose own quote characters are not escaped, it runs.
        Command::new("bash")
            .arg("-c")
            .arg(format!("true '{url}'"))
            .status()
            .unwrap();
        assert!(
            marker.exists(),
            "the test's payload must break naive quoting"
        );
        std::fs::remove_file(&marker).unwrap();

        let words = words_bash_sees(&request.command());
        assert_eq!(words[2], url, "the endpoint arrives byte for byte");
        assert_eq!(
            words[6],
            format!("scope={}", form_urlencode(scope.as_str()))
        );
        assert!(words.contains(&"client_id=it%27s".to_owned()));
        assert!(!marker.exists(), "bash ran something from the text");
    }

    #[test]
    fn quoting_makes_any_text_one_inert_word() {
        let long = "x'".repeat(5_000);
        for text in [
            "",
            "'",
            "''",
            "a'b",
            "$(id)",
            "`id`",
            "\n;rm -rf /\n",
            "\\",
            "!",
            long.as_str(),
        ] {
            let command = format!("curl {}", shell_quote(text));
            assert_eq!(words_bash_sees(&command), [text], "{text:?}");
        }
    }

    fn fixed_assertion() -> ClientAssertion {
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
        ClientAssertion::new(
            &ClientId::new("app-1"),
            &endpoint("https://auth.example.com/token"),
            now,
            "8f1c",
        )
    }

    #[test]
    fn the_assertion_names_the_client_the_audience_and_a_five_minute_lifetime() {
        let assertion = fixed_assertion();
        let (header, _) = assertion.signing_input().split_once('.').unwrap();
        assert_eq!(header, base64url(br#"{"alg":"HS256","typ":"JWT"}"#));
        let claims = r#"{"iss":"app-1","sub":"app-1","aud":"https://auth.example.com/token","iat":1796126400,"exp":1796126700,"jti":"8f1c"}"#;
        assert_eq!(
            assertion.signing_input(),
            format!("{header}.{}", base64url(claims.as_bytes()))
        );
        assert_eq!(
            assertion.expires_at,
            Utc.with_ymd_and_hms(2026, 12, 1, 12, 5, 0).unwrap()
        );
    }

    #[test]
    fn a_signed_assertion_is_the_signing_input_and_the_base64url_signature() {
        let assertion = fixed_assertion();
        let signed = assertion.signed(&[0xfb, 0xff, 0xbf]);
        assert_eq!(
            signed.expose(),
            format!("{}.-_-_", assertion.signing_input())
        );
    }

    #[test]
    fn a_public_client_has_no_credential_to_send() {
        let none = ClientCredential::for_method(TokenEndpointAuthMethod::None, secret("s"), None);
        assert_eq!(none, None);
        let jwt = ClientCredential::for_method(
            TokenEndpointAuthMethod::ClientSecretJwt,
            secret("s"),
            Some(secret("a.b.c")),
        );
        assert_eq!(jwt, Some(ClientCredential::Assertion(secret("a.b.c"))));
    }
}
