//! Browser capabilities, each wrapped once with a typed interface so components never reach
//! for `web_sys` themselves: cross-tab locks, the clipboard, file downloads, and HMAC signing.

pub mod clipboard;
pub mod download;
pub mod hmac;
pub mod locks;
pub mod panic;
