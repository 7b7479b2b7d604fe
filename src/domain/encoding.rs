//! The text encodings a token request and a sign-on need, written out here because each is a
//! few lines and a crate for them would cost more bytes in the bundle than the code itself:
//! base64 (RFC 4648 section 4) for HTTP Basic, base64url without padding (section 5) for JWTs
//! and PKCE (decoded too, to read an ID token), `application/x-www-form-urlencoded` both ways for
//! form bodies, Basic's user name and
//! password and the sign-on callback's query (RFC 6749 appendix B, the WHATWG URL standard's
//! serializer and parser), and percent-encoding of one URL path segment.

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

/// Decodes URL-safe base64 with or without padding (a JWT's segments); `None` for anything else.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    let (mut group, mut bits) = (0u32, 0u32);
    for character in text.bytes() {
        let value = BASE64URL.iter().position(|&symbol| symbol == character)?;
        group = (group << 6) | value as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((group >> bits) as u8);
            group &= (1 << bits) - 1;
        }
    }
    Some(bytes)
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
            _ => push_percent_encoded(&mut encoded, byte),
        }
    }
    encoded
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn push_percent_encoded(encoded: &mut String, byte: u8) {
    encoded.push('%');
    encoded.push(char::from(HEX[usize::from(byte >> 4)]));
    encoded.push(char::from(HEX[usize::from(byte & 0x0f)]));
}

/// Decodes `application/x-www-form-urlencoded` text as the WHATWG URL standard's parser does (and
/// so as the browser's `URLSearchParams`): `+` is a space, `%XX` a byte, a `%` not followed by two
/// hex digits stays as it is, and bytes that are not UTF-8 become U+FFFD. It never fails, since
/// what it decodes is an address anyone can type.
pub fn form_urldecode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut position = 0;
    while let Some(&byte) = bytes.get(position) {
        let escaped = (byte == b'%')
            .then(|| bytes.get(position + 1..position + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .filter(|hex| hex.bytes().all(|digit| digit.is_ascii_hexdigit()))
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (byte, escaped) {
            (_, Some(escaped)) => {
                decoded.push(escaped);
                position += 3;
            }
            (b'+', None) => {
                decoded.push(b' ');
                position += 1;
            }
            (byte, None) => {
                decoded.push(byte);
                position += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// Percent-encodes `text` as one URL path segment: only RFC 3986's unreserved characters other
/// than `.` stay, so no `/`, `?` or `#` in it can reach another resource. A segment of dots alone
/// would still climb (URL parsers read `%2E%2E` as `..`), so its `%` signs are encoded again:
/// the server is then asked for a resource named `%2E%2E`, which does not exist.
pub fn percent_encode_path_segment(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            push_percent_encoded(&mut encoded, byte);
        }
    }
    if matches!(text, "." | "..") {
        encoded = encoded.replace('%', "%25");
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
    fn base64url_decoding_reverses_encoding_and_refuses_other_text() {
        for bytes in [
            &b""[..],
            b"f",
            b"fo",
            b"foo",
            b"foob",
            b"fooba",
            b"foobar",
            &[0xfb, 0xff, 0xbf],
        ] {
            assert_eq!(base64url_decode(&base64url(bytes)).as_deref(), Some(bytes));
        }
        assert_eq!(base64url_decode("Zm9vYg=="), Some(b"foob".to_vec()));
        assert_eq!(base64url_decode("Zm9v+g"), None);
        assert_eq!(base64url_decode("Z"), None);
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

    #[test]
    fn form_urldecoding_undoes_form_urlencoding() {
        for text in ["read write", "a+b=c&d", "~%:/?#", "'$(x)`;\n", "é🔐", ""] {
            assert_eq!(form_urldecode(&form_urlencode(text)), text, "{text:?}");
        }
    }

    #[test]
    fn form_urldecoding_is_as_lenient_as_the_browsers() {
        assert_eq!(form_urldecode("a+b%20c"), "a b c");
        assert_eq!(form_urldecode("%2b%2B"), "++");
        assert_eq!(form_urldecode("100%"), "100%");
        assert_eq!(form_urldecode("%zz%4"), "%zz%4");
        assert_eq!(form_urldecode("%C3%A9"), "é");
        assert_eq!(form_urldecode("%FF"), "\u{FFFD}");
        assert_eq!(form_urldecode("%%41"), "%A");
    }

    #[test]
    fn a_path_segment_keeps_only_what_cannot_leave_it() {
        assert_eq!(
            percent_encode_path_segment("3f5b1a2e-8c4d-4e6f-9a1b-2c3d4e5f6a7b"),
            "3f5b1a2e-8c4d-4e6f-9a1b-2c3d4e5f6a7b"
        );
        assert_eq!(
            percent_encode_path_segment("../users?x=1#y"),
            "%2E%2E%2Fusers%3Fx%3D1%23y"
        );
        assert_eq!(percent_encode_path_segment("a b"), "a%20b");
        assert_eq!(percent_encode_path_segment(".."), "%252E%252E");
        assert_eq!(percent_encode_path_segment("."), "%252E");
        assert_eq!(percent_encode_path_segment("..."), "%2E%2E%2E");
    }
}
