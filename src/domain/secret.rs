//! Client secret values and their two lifecycle states: current, and previous until expiry.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

/// The text of a client secret.
///
/// `Debug` never prints the value, so a secret cannot leak through a log line or an error
/// message, and equality is constant-time so comparing secrets reveals nothing through timing.
#[derive(Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SecretValue(String);

impl SecretValue {
    pub fn new(text: String) -> Self {
        Self(text)
    }

    /// The secret itself, for the few places that must show or copy it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SecretValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretValue(<redacted>)")
    }
}

impl PartialEq for SecretValue {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_bytes().ct_eq(other.0.as_bytes()).into()
    }
}

impl Eq for SecretValue {}

/// The secret an application currently uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientSecret {
    pub value: SecretValue,
    /// When the secret was made; `None` when that is unknown: PingOne does not say, so only a
    /// secret this console generated has an age. A secret made in this browser always has one.
    pub created_at: Option<DateTime<Utc>>,
}

/// A replaced secret that stays valid until `expires_at` so clients can be updated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousSecret {
    pub value: SecretValue,
    pub expires_at: DateTime<Utc>,
    /// When a client last authenticated with it, as PingOne reports (`previous.lastUsed`);
    /// always `None` in this browser, which sees no token requests.
    pub last_used: Option<DateTime<Utc>>,
}

impl PreviousSecret {
    /// A previous secret at or past its expiry no longer exists.
    pub fn is_valid_at(&self, now: DateTime<Utc>) -> bool {
        now < self.expires_at
    }
}

/// A secret someone pasted to check against an application, e.g. from a deployment's settings.
///
/// Surrounding white space is removed (a copied line often carries a newline; no secret this
/// console makes contains white space), and the caller is told so it can say what was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretCandidate {
    pub value: SecretValue,
    /// Whether white space around the text was removed.
    pub trimmed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CandidateError {
    #[error("Enter or paste the secret to check.")]
    Blank,
}

impl SecretCandidate {
    pub fn parse(text: &str) -> Result<Self, CandidateError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(CandidateError::Blank);
        }
        Ok(Self {
            value: SecretValue::new(trimmed.to_owned()),
            trimmed: trimmed.len() != text.len(),
        })
    }
}

/// Which of an application's secrets a candidate is, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretCheck {
    Current,
    Previous { expires_at: DateTime<Utc> },
    NotValid,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn debug_output_never_contains_the_secret() {
        let secret = SecretValue::new("super-secret-value".into());
        assert!(!format!("{secret:?}").contains("super-secret-value"));
    }

    #[test]
    fn secrets_compare_by_value() {
        assert_eq!(
            SecretValue::new("abc".into()),
            SecretValue::new("abc".into())
        );
        assert_ne!(
            SecretValue::new("abc".into()),
            SecretValue::new("abd".into())
        );
        assert_ne!(
            SecretValue::new("abc".into()),
            SecretValue::new("abcd".into())
        );
    }

    #[test]
    fn a_candidate_loses_surrounding_white_space_and_says_so() {
        let candidate = SecretCandidate::parse("  abc\r\n").unwrap();
        assert_eq!(candidate.value, SecretValue::new("abc".into()));
        assert!(candidate.trimmed);
        assert!(!SecretCandidate::parse("abc").unwrap().trimmed);
        assert_eq!(
            SecretCandidate::parse("a b").unwrap().value,
            SecretValue::new("a b".into()),
            "white space inside is part of what was pasted"
        );
    }

    #[test]
    fn a_blank_candidate_is_refused() {
        for blank in ["", " ", "\t\n\u{3000}"] {
            assert_eq!(SecretCandidate::parse(blank), Err(CandidateError::Blank));
        }
    }

    #[test]
    fn previous_secret_is_gone_exactly_at_its_expiry() {
        let expires_at = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
        let previous = PreviousSecret {
            value: SecretValue::new("old".into()),
            expires_at,
            last_used: None,
        };
        assert!(previous.is_valid_at(expires_at - Duration::milliseconds(1)));
        assert!(!previous.is_valid_at(expires_at));
        assert!(!previous.is_valid_at(expires_at + Duration::days(1)));
    }
}
