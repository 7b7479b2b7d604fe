//! Browser capabilities, each wrapped once with a typed interface so components never reach
//! for `web_sys` themselves: cross-tab locks, the clipboard, file downloads, HMAC signing, the
//! panic banner, the public URL the page was built for, and the frame it paints before the wasm
//! arrives.

pub mod clipboard;
pub mod download;
pub mod first_paint;
pub mod hmac;
pub mod locks;
pub mod panic;
pub mod public_url;
