//! Browser capabilities, each wrapped once with a typed interface so components never reach
//! for `web_sys` themselves: the page's address (leaving for a sign-on, taking its answer out),
//! HTTP (`fetch`), SHA-256, the tab's sessionStorage, cross-tab locks, the prompt before leaving with a change unsaved,
//! the clipboard, file downloads and file reading, HMAC signing, the panic banner, the public URL
//! the page was built for, the frame it paints before the wasm arrives, work deferred until after
//! the next paint, the window's height, keeping an element in place across a change of layout,
//! and yielding to the browser during long work.

pub mod address;
pub mod after_paint;
pub mod clipboard;
pub mod digest;
pub mod download;
pub mod file_reading;
pub mod first_paint;
pub mod hmac;
pub mod http;
pub mod keep_in_place;
pub mod leave_warning;
pub mod locks;
pub mod panic;
pub mod public_url;
pub mod session_storage;
pub mod viewport;
pub mod yield_to_browser;
