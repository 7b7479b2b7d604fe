//! The native modal `<dialog>`, opened with `showModal()`: the browser traps focus, makes the
//! page behind it inert and closes it on Escape. It is mounted only while open, so every
//! opening starts from a clean state, and on close focus goes back to the control that opened it.

use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Lets content inside a `Modal` close it.
#[derive(Clone, Copy)]
pub struct ModalControl(NodeRef<Dialog>);

impl ModalControl {
    pub fn close(&self) {
        if let Some(dialog) = self.0.get_untracked() {
            dialog.close();
        }
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
    provide_context(ModalControl(dialog));
    let opener = StoredValue::new_local(active_element());
    dialog.on_load(|dialog| {
        let _ = dialog.show_modal();
    });
    let closed = move |_| {
        return_focus(opener.get_value());
        on_closed.run(());
    };
    view! {
        <dialog node_ref=dialog class="modal" aria-labelledby="modal-title" on:close=closed>
            <h2 id="modal-title" class="modal__title">{title}</h2>
            {children()}
        </dialog>
    }
}

fn active_element() -> Option<web_sys::HtmlElement> {
    document().active_element()?.dyn_into().ok()
}

/// Focuses the opener, or the open panel's heading when the opener has gone (a revoked
/// secret's button disappears with its section).
fn return_focus(opener: Option<web_sys::HtmlElement>) {
    let target = opener.filter(|opener| opener.is_connected()).or_else(|| {
        document()
            .query_selector("[data-focus-fallback]")
            .ok()??
            .dyn_into()
            .ok()
    });
    if let Some(target) = target {
        let _ = target.focus();
    }
}
