//! The three text encodings a token request needs, written out here because each is a few
//! lines and a crate for them would cost more bytes in the bundle than the code itself:
//! base64 (RFC 4648 section 4) for HTTP Basic, base64url without padding (section 5) for JWTs,
//! and `application/x-www-form-urlencoded` for form bodies and Basic's user name and password
//! (RFC 6749 appendix B, the WHATWG URL standard's serializer).

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Standard base64 with `=` padding.
pub fn base64(bytes: &[u8]) -> String {
    encode_base64(bytes, BASE64, true)
}

/// URL-safe base64 without padding, as JWS compact serialization uses.
pub fn base64url(bytes: &[u8]) -> String {
    encode_base64(bytes, BASE64URL, false)
}

fn encode_base64(bytes: &[u8], alphabet: &[u8; 64], pad: bool) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk
            .iter()
            .enumerate()
            .fold(0u32, |group, (position, &byte)| {
                group | u32::from(byte) << (16 - 8 * position)
            });
        // A chunk of n bytes yields n + 1 significant characters.
        for position in 0..=chunk.len() {
            let index = (group >> (18 - 6 * position)) & 0x3f;
            text.push(char::from(alphabet[index as usize]));
        }
        if pad {
            for _ in chunk.len()..3 {
                text.push('=');
            }
        }
    }
    text
}

/// Form-urlencodes `text`: ASCII letters, digits and `*-._` stay, a space becomes `+`, every
/// other byte of its UTF-8 becomes `%XX`.
pub fn form_urlencode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                encoded.push(char::from(byte));
            }
            b' ' => encoded.push('+'),
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                encoded.push('%');
                encoded.push(char::from(HEX[usize::from(byte >> 4)]));
                encoded.push(char::from(HEX[usize::from(byte & 0x0f)]));
            }
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_4648_test_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, expected) in vectors {
            assert_eq!(base64(input.as_bytes()), expected, "{input}");
        }
    }

    #[test]
    fn base64url_drops_padding_and_uses_the_url_safe_alphabet() {
        assert_eq!(base64url(b"foob"), "Zm9vYg");
        assert_eq!(base64url(&[0xfb, 0xff, 0xbf]), "-_-_");
        assert_eq!(base64(&[0xfb, 0xff, 0xbf]), "+/+/");
    }

    #[test]
    fn base64url_encodes_the_rfc_7515_example_header() {
        // RFC 7515 appendix A.1: the header's exact octets, CR LF included.
        let header = b"{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}";
        assert_eq!(
            base64url(header),
            "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
        );
    }

    #[test]
    fn base64url_encodes_the_rfc_7515_example_signature() {
        let signature = [
            116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212,
            37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
        ];
        assert_eq!(
            base64url(&signature),
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        );
    }

    #[test]
    fn form_urlencoding_keeps_only_the_safe_characters() {
        assert_eq!(form_urlencode("abcXYZ019*-._"), "abcXYZ019*-._");
        assert_eq!(form_urlencode("read write"), "read+write");
        assert_eq!(form_urlencode("a+b=c&d"), "a%2Bb%3Dc%26d");
        assert_eq!(form_urlencode("~%:/?#"), "%7E%25%3A%2F%3F%23");
        assert_eq!(form_urlencode("'$(x)`;\n"), "%27%24%28x%29%60%3B%0A");
        assert_eq!(form_urlencode("é🔐"), "%C3%A9%F0%9F%94%90");
    }
}
