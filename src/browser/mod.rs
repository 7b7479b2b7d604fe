//! Browser capabilities, each wrapped once with a typed interface so components never reach
//! for `web_sys` themselves: cross-tab locks, the clipboard, and file downloads.

pub mod clipboard;
pub mod download;
pub mod locks;
pub mod panic;
