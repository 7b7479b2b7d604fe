//! Work the next paint does not need, run once the browser is idle after that paint: a change
//! shows first, and what merely follows it (reading the activity log, writing the address,
//! closing a dialog whose change is shown) comes after. A zero-delay timeout would not do: it
//! runs before the frame's paint work is over. A busy page may have no idle period for long, so
//! the work runs after `IDLE_WAIT_LIMIT_MS` at the latest: a dialog hidden after its action keeps
//! the rest of the page inert until it is closed.

use leptos::prelude::request_animation_frame;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The longest wait for an idle period once the frame is painted.
const IDLE_WAIT_LIMIT_MS: u32 = 150;

/// Runs `work` in the first idle period after the next frame (or `IDLE_WAIT_LIMIT_MS` after it).
pub fn when_idle_after_next_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(IDLE_WAIT_LIMIT_MS);
        let callback = Closure::once_into_js(work);
        if window
            .request_idle_callback_with_options(callback.unchecked_ref(), &options)
            .is_err()
        {
            // No idle callbacks in this browser: right after the frame is the next best moment.
            let _ = window.set_timeout_with_callback(callback.unchecked_ref());
        }
    });
}
