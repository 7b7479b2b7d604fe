//! The console-wide Activity page: every application's events, deleted ones included, newest
//! first, each naming its application.

use leptos::prelude::*;

use crate::state::use_app_state;

use crate::components::activity::event_list::EventList;
use crate::components::activity::older_events_note::OlderEventsNote;

#[component]
pub fn ActivityPage() -> impl IntoView {
    let events = use_app_state().activity();
    view! {
        <div class="activity-page">
            <div class="page-header">
                <h1>"Activity"</h1>
            </div>
            <p class="page-intro">"What was done in this console, newest first: every change, and each time a secret was shown, copied or exported. No secret value is ever recorded."</p>
            <OlderEventsNote />
            <EventList events naming_applications=true />
        </div>
    }
}
