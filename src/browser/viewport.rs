//! The window's height, for work that only has to cover what is on screen before the rest
//! follows (the list's first screen of rows).

use leptos::prelude::window;

/// How many items at least `item_height_px` CSS pixels tall it takes to fill the window's height,
/// with one more for an item cut at the top; `fallback` when the browser does not say.
pub fn items_filling_the_window(item_height_px: f64, fallback: usize) -> usize {
    let height = window()
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .filter(|height| height.is_finite() && *height > 0.0);
    match height {
        Some(height) => (height / item_height_px).ceil() as usize + 1,
        None => fallback,
    }
}
