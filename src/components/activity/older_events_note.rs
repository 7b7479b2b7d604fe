//! The note that the activity log keeps only its most recent events, once it has dropped some.

use leptos::prelude::*;

use crate::state::use_app_state;

#[component]
pub fn OlderEventsNote() -> impl IntoView {
    let dropped = use_app_state().older_activity_dropped();
    view! {
        <Show when=move || dropped.get()>
            <p class="notice">"Older events are not kept: the activity log keeps the most recent events only."</p>
        </Show>
    }
}
