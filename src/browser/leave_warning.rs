//! The browser's own "Leave site?" prompt while a change is on its way to storage: a command
//! waiting for the cross-tab lock, or toggles queued behind one. Leaving then (a reload, closing
//! the tab, another address) would drop the change without a word; with the prompt the user can
//! stay until it is saved. Nothing is asked when nothing is pending.

use std::cell::Cell;

use wasm_bindgen::JsValue;

thread_local! {
    static PENDING: Cell<u32> = const { Cell::new(0) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// A change not yet saved, from `begin` until dropped.
#[must_use = "the change counts as pending only while this is alive"]
pub struct PendingChange(());

impl PendingChange {
    pub fn begin() -> Self {
        listen_once();
        PENDING.set(PENDING.get() + 1);
        PendingChange(())
    }
}

impl Drop for PendingChange {
    fn drop(&mut self) {
        PENDING.set(PENDING.get().saturating_sub(1));
    }
}

/// Whether a change is still on its way to storage.
fn changes_pending() -> bool {
    PENDING.get() > 0
}

fn listen_once() {
    if LISTENING.replace(true) {
        return;
    }
    // For the page's whole life: the count decides, so the listener never needs to go.
    let _ = leptos::prelude::window_event_listener_untyped("beforeunload", |event| {
        if changes_pending() {
            event.prevent_default();
            // Older engines ask only when `returnValue` is set.
            let _ = js_sys::Reflect::set(
                &event,
                &JsValue::from_str("returnValue"),
                &JsValue::from_str(""),
            );
        }
    });
}
