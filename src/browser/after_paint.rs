//! Work the next paint does not need, run once the browser is idle after that paint: a change
//! shows first, and what merely follows it (reading the activity log, writing the address) comes
//! after. A zero-delay timeout would not do: it runs before the frame's paint work is over.

use leptos::prelude::{request_animation_frame, request_idle_callback};

/// Runs `work` in the first idle period after the next frame.
pub fn when_idle_after_next_paint(work: impl Fn() + 'static) {
    request_animation_frame(move || request_idle_callback(work));
}
