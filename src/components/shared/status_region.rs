//! The polite live region that confirms what an action did.

use leptos::prelude::*;

use crate::state::use_app_state;

#[component]
pub fn StatusRegion() -> impl IntoView {
    let announcement = use_app_state().announcement();
    view! {
        <div class="status" role="status">
            {move || {
                let announcement = announcement.get();
                (!announcement.text.is_empty()).then(|| view! { <p class="status__message">{announcement.text}</p> })
            }}
        </div>
    }
}
