//! The Activity tab of the details panel: this application's events, newest first.

use leptos::prelude::*;

use crate::domain::Application;
use crate::state::use_app_state;

use crate::components::activity::event_list::EventList;
use crate::components::activity::older_events_note::OlderEventsNote;

#[component]
pub fn ActivityTab(application: Memo<Application>) -> impl IntoView {
    let state = use_app_state();
    let events = state.activity_for(application.with_untracked(|app| app.client_id.clone()));
    view! {
        <EventList events naming_applications=false />
        <OlderEventsNote />
    }
}
