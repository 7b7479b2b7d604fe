//! The frame index.html paints before the wasm arrives (top bar, navigation, heading, a loading
//! line), so a slow connection shows the console at once. The app renders the same frame itself;
//! removing the static one in the same task as mounting the app means no frame is ever painted
//! between the two, and since they match, nothing on the screen moves.

/// Removes index.html's first-paint frame, if the page has one (test pages do not).
pub fn remove_first_paint_frame() {
    if let Some(frame) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("first-paint"))
    {
        frame.remove();
    }
}
