//! Giving the browser a turn in the middle of long work (an import of thousands of
//! applications), so it can paint progress and handle input between chunks; and waiting out a
//! rate limit before reading again.

use wasm_bindgen_futures::JsFuture;

/// Resolves in a later task (a zero-delay timeout), after the browser had its chance to render.
/// Without a window (never in a page) it returns at once: the work still completes.
pub async fn yield_to_browser() {
    wait_milliseconds(0).await;
}

/// Resolves after `milliseconds` (a rate limit waited out), or at once without a window.
pub async fn wait_milliseconds(milliseconds: i32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let mut scheduled = Ok(0);
    let timer = js_sys::Promise::new(&mut |resolve, _reject| {
        scheduled =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, milliseconds);
    });
    if scheduled.is_ok() {
        let _ = JsFuture::from(timer).await;
    }
}
