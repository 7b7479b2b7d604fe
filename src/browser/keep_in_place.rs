//! Keeping an element where it is on screen across a change of layout. Opening or closing the
//! details panel narrows or widens the list beside it, and the entries above the one just
//! clicked grow or shrink with it: without this, the entry the administrator chose would slide
//! away from under the pointer, out of view far down a long list.

use leptos::prelude::{request_animation_frame, window};

/// How many frames the window follows the element: rows of a list that were out of view keep
/// their remembered size (`content-visibility: auto`) until scrolling brings them near, and only
/// then take the new one, moving the element again.
const FRAMES_FOLLOWED: u8 = 6;

/// Call just before a change shown in the next frame: once it is laid out, the window scrolls by
/// as far as `element` moved, so it is where it was, and keeps doing so for a few frames while
/// the layout settles. An element without a box (not rendered, before or after) is left alone.
pub fn keep_in_place_across_next_frame(element: web_sys::Element) {
    if element.get_client_rects().length() == 0 {
        return;
    }
    let top = element.get_bounding_client_rect().top();
    follow(element, top, FRAMES_FOLLOWED);
}

fn follow(element: web_sys::Element, top: f64, frames_left: u8) {
    request_animation_frame(move || {
        if !element.is_connected() || element.get_client_rects().length() == 0 {
            return;
        }
        let moved = element.get_bounding_client_rect().top() - top;
        if moved.abs() >= 1.0 {
            window().scroll_by_with_x_and_y(0.0, moved);
        }
        if frames_left > 1 {
            follow(element, top, frames_left - 1);
        }
    });
}
