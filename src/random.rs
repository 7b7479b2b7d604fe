//! The one place randomness comes from: client secrets, client IDs, assertion IDs and the sign-on's
//! PKCE verifier and `state`, drawn from the
//! operating system's CSPRNG through `getrandom` (the browser's `crypto.getRandomValues`).
//!
//! Secrets use only the 66 URL-unreserved characters (RFC 3986 section 2.3), so they never
//! need escaping in `client_secret_basic` or `client_secret_post`. Bytes are mapped onto the
//! alphabet by rejection sampling: a byte is used only when it falls below the largest
//! multiple of 66 that fits in a byte, so every character is exactly equally likely.

use crate::domain::{ClientId, SecretValue};

/// The characters a secret may contain: `A-Z a-z 0-9 - . _ ~`.
pub const SECRET_ALPHABET: &[u8; 66] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

/// 64 characters carry 64 × log2(66) ≈ 386 bits, and meet the 64-byte HMAC key length
/// RFC 7518 section 3.2 asks of an HS512 `client_secret_jwt` key.
pub const SECRET_LENGTH: usize = 64;

/// Bytes at or above this are rejected: 198 = 3 × 66, the largest multiple of 66 in a byte.
const ACCEPT_BELOW: u8 = (256 / SECRET_ALPHABET.len() * SECRET_ALPHABET.len()) as u8;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "The browser's secure random number generator is unavailable ({0}); nothing was generated."
)]
pub struct RandomError(String);

/// A source of uniformly random bytes.
pub trait RandomBytes {
    fn fill(&mut self, destination: &mut [u8]) -> Result<(), RandomError>;
}

/// The operating system's CSPRNG.
#[derive(Debug, Default, Clone, Copy)]
pub struct OsRandom;

impl RandomBytes for OsRandom {
    fn fill(&mut self, destination: &mut [u8]) -> Result<(), RandomError> {
        getrandom::fill(destination).map_err(|error| RandomError(error.to_string()))
    }
}

/// A new client secret from the OS CSPRNG.
pub fn generate_secret() -> Result<SecretValue, RandomError> {
    generate_secret_from(&mut OsRandom)
}

/// A new client ID: a random (version 4) UUID.
pub fn generate_client_id() -> Result<ClientId, RandomError> {
    let mut bytes = [0u8; 16];
    OsRandom.fill(&mut bytes)?;
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex = hex(&bytes);
    Ok(ClientId::new(format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )))
}

/// A fresh identifier for a client assertion (its `jti`): 128 random bits as 32 hex digits, so
/// the token endpoint can refuse a replayed assertion.
pub fn generate_assertion_id() -> Result<String, RandomError> {
    let mut bytes = [0u8; 16];
    OsRandom.fill(&mut bytes)?;
    Ok(hex(&bytes))
}

/// A PKCE code verifier (RFC 7636 section 4.1): 32 random bytes, base64url without padding, so
/// 43 characters of the unreserved set, the length and entropy the RFC recommends.
pub fn generate_code_verifier() -> Result<String, RandomError> {
    let mut bytes = [0u8; 32];
    OsRandom.fill(&mut bytes)?;
    Ok(crate::domain::base64url(&bytes))
}

/// The `state` of an authorization request: 128 random bits, so a forged answer cannot guess it.
pub fn generate_sign_on_state() -> Result<String, RandomError> {
    let mut bytes = [0u8; 16];
    OsRandom.fill(&mut bytes)?;
    Ok(crate::domain::base64url(&bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Maps bytes from `source` onto the alphabet without modulo bias.
pub fn generate_secret_from(source: &mut impl RandomBytes) -> Result<SecretValue, RandomError> {
    let mut secret = String::with_capacity(SECRET_LENGTH);
    // About 23% of bytes are rejected, so a batch a little larger than needed rarely needs a refill.
    let mut batch = [0u8; SECRET_LENGTH + SECRET_LENGTH / 2];
    while secret.len() < SECRET_LENGTH {
        source.fill(&mut batch)?;
        for &byte in &batch {
            if byte < ACCEPT_BELOW && secret.len() < SECRET_LENGTH {
                secret.push(char::from(SECRET_ALPHABET[usize::from(byte % 66)]));
            }
        }
    }
    Ok(SecretValue::new(secret))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Counts 0, 1, 2, … 255, 0, … so every byte value appears equally often.
    struct Counter(u8);

    impl RandomBytes for Counter {
        fn fill(&mut self, destination: &mut [u8]) -> Result<(), RandomError> {
            for byte in destination {
                *byte = self.0;
                self.0 = self.0.wrapping_add(1);
            }
            Ok(())
        }
    }

    struct Broken;

    impl RandomBytes for Broken {
        fn fill(&mut self, _: &mut [u8]) -> Result<(), RandomError> {
            Err(RandomError("no entropy".into()))
        }
    }

    #[test]
    fn secrets_are_64_url_unreserved_characters() {
        let secret = generate_secret().unwrap();
        assert_eq!(secret.expose().len(), SECRET_LENGTH);
        assert!(
            secret
                .expose()
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || b"-._~".contains(&byte))
        );
    }

    #[test]
    fn secrets_carry_at_least_256_bits_of_entropy() {
        let bits = SECRET_LENGTH as f64 * (SECRET_ALPHABET.len() as f64).log2();
        assert!(bits >= 256.0, "{bits}");
    }

    #[test]
    fn alphabet_is_exactly_the_66_unreserved_characters_without_repeats() {
        let distinct: HashSet<u8> = SECRET_ALPHABET.iter().copied().collect();
        assert_eq!(distinct.len(), 66);
        assert_eq!(ACCEPT_BELOW, 198);
    }

    #[test]
    fn ten_thousand_secrets_are_all_different() {
        let secrets: HashSet<String> = (0..10_000)
            .map(|_| generate_secret().unwrap().expose().to_owned())
            .collect();
        assert_eq!(secrets.len(), 10_000);
    }

    #[test]
    fn bytes_from_198_up_are_rejected_rather_than_wrapped() {
        // The counter yields 0..=197 first: exactly three laps of the alphabet, in order.
        let secret = generate_secret_from(&mut Counter(0)).unwrap();
        assert_eq!(
            secret.expose().as_bytes(),
            &SECRET_ALPHABET[..SECRET_LENGTH]
        );
        // Starting at 198, the 58 bytes up to 255 must all be skipped.
        let secret = generate_secret_from(&mut Counter(198)).unwrap();
        assert_eq!(
            secret.expose().as_bytes(),
            &SECRET_ALPHABET[..SECRET_LENGTH]
        );
    }

    #[test]
    fn a_failing_random_source_is_an_error_not_a_panic() {
        assert!(generate_secret_from(&mut Broken).is_err());
    }

    /// Chi-square goodness of fit over 1,000,000+ characters. With 65 degrees of freedom the
    /// statistic exceeds 120 with probability below 1e-5, while a modulo-biased mapping
    /// (`byte % 66` without rejection: 58 characters 4/256 likely, 8 only 3/256) scores in the
    /// thousands at this sample size.
    #[test]
    fn characters_are_uniformly_distributed() {
        let mut counts = [0u64; 66];
        let mut total = 0u64;
        while total < 1_000_000 {
            for byte in generate_secret().unwrap().expose().bytes() {
                let index = SECRET_ALPHABET.iter().position(|&c| c == byte).unwrap();
                counts[index] += 1;
                total += 1;
            }
        }
        assert!(
            chi_square(&counts, total) < 120.0,
            "chi-square {}",
            chi_square(&counts, total)
        );

        let mut biased = [0u64; 66];
        for value in 0..total {
            biased[(value.wrapping_mul(2_654_435_761) % 256 % 66) as usize] += 1;
        }
        assert!(
            chi_square(&biased, total) > 1_000.0,
            "the test must be able to see a biased mapping"
        );
    }

    fn chi_square(counts: &[u64; 66], total: u64) -> f64 {
        let expected = total as f64 / 66.0;
        counts
            .iter()
            .map(|&count| (count as f64 - expected).powi(2) / expected)
            .sum()
    }

    #[test]
    fn assertion_ids_are_128_random_bits_in_hex_and_never_repeat() {
        let id = generate_assertion_id().unwrap();
        assert_eq!(id.len(), 32);
        assert!(id.bytes().all(|byte| byte.is_ascii_hexdigit()));
        assert_ne!(generate_assertion_id().unwrap(), id);
    }

    #[test]
    fn client_ids_are_version_4_uuids() {
        let id = generate_client_id().unwrap();
        let text = id.as_str();
        assert_eq!(text.len(), 36);
        assert_eq!(&text[14..15], "4");
        assert!(matches!(&text[19..20], "8" | "9" | "a" | "b"));
        assert_ne!(generate_client_id().unwrap(), id);
    }
}
