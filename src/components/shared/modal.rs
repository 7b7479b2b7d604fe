//! The native modal `<dialog>`, opened with `showModal()`: the browser traps focus, makes the
//! page behind it inert and closes it on Escape. It is mounted only while open, so every
//! opening starts from a clean state, and on close focus goes back to the control that opened it.
//!
//! Closing a modal dialog makes the page behind it live again, which the browser restyles as a
//! whole (every element's inertness changes, ~5 ms at 10,000 applications). After an action the
//! change it made is what the user waits for, so `close_after_showing_change` hides the dialog
//! at once (a restyle of the dialog alone), lets that frame be painted, and closes it after.

use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::after_paint::when_idle_after_next_paint;

/// Lets content inside a `Modal` close it.
#[derive(Clone, Copy)]
pub struct ModalControl {
    dialog: NodeRef<Dialog>,
    /// Hidden while waiting to close: the page shows, but stays inert until the close.
    closing: RwSignal<bool>,
}

impl ModalControl {
    pub fn close(&self) {
        if let Some(dialog) = self.dialog.get_untracked() {
            dialog.close();
        }
    }

    /// Hides the dialog in the frame that shows what its action changed, and closes it (focus
    /// returned, the page live again) once that frame has been painted.
    pub fn close_after_showing_change(&self) {
        let Some(dialog) = self.dialog.get_untracked() else {
            return;
        };
        self.closing.set(true);
        // The element itself, not the NodeRef: by then the dialog may have been closed (Escape)
        // or taken out of the page with its view (the application was deleted), which already
        // made the page live again.
        when_idle_after_next_paint(move || {
            if dialog.is_connected() {
                dialog.close();
            }
        });
    }
}

/// The enclosing `Modal`'s control. Fails loudly, in this one place, outside a `Modal`.
pub fn use_modal() -> ModalControl {
    expect_context::<ModalControl>()
}

#[component]
pub fn Modal(
    /// The dialog's heading, which is also its accessible name.
    title: &'static str,
    /// Runs once the dialog has closed, whether by Escape, Cancel or after its action.
    on_closed: Callback<()>,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let closing = RwSignal::new(false);
    provide_context(ModalControl { dialog, closing });
    let opener = StoredValue::new_local(active_element());
    dialog.on_load(|dialog| {
        let _ = dialog.show_modal();
    });
    let closed = move |_| {
        return_focus(opener.get_value());
        on_closed.run(());
    };
    view! {
        <dialog node_ref=dialog class="modal" class:modal--closing=closing aria-labelledby="modal-title" on:close=closed>
            <h2 id="modal-title" class="modal__title">{title}</h2>
            {children()}
        </dialog>
    }
}

fn active_element() -> Option<web_sys::HtmlElement> {
    document().active_element()?.dyn_into().ok()
}

/// Focuses the opener, or the open panel's heading when the opener has gone (a revoked
/// secret's button disappears with its section). The heading is focused where the page is:
/// scrolled to, it would take the administrator away from the section they acted in.
fn return_focus(opener: Option<web_sys::HtmlElement>) {
    if let Some(opener) = opener.filter(|opener| opener.is_connected()) {
        let _ = opener.focus();
        return;
    }
    let fallback = document()
        .query_selector("[data-focus-fallback]")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(fallback) = fallback {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = fallback.focus_with_options(&options);
    }
}
