//! Browser capabilities, each wrapped once with a typed interface so components never reach
//! for `web_sys` themselves: cross-tab locks, the clipboard, file downloads and file reading,
//! and yielding to the browser during long work.

pub mod clipboard;
pub mod download;
pub mod file_reading;
pub mod locks;
pub mod panic;
pub mod yield_to_browser;
