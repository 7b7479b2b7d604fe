//! A list of activity events, newest first, a page at a time; each with its time as
//! `<time datetime>` and, on the console-wide page, the application it concerns (or the console,
//! for a change to a console-wide setting).

use leptos::prelude::*;

use crate::components::shared::site_base::use_site_base;
use crate::domain::{ActivityEvent, ActivitySubject, ClientId};
use crate::state::use_app_state;

use crate::components::activity::event_text::describe;
use crate::components::details::details_panel::{Tab, application_path};
use crate::components::shared::time_text::{local_date_time_to_the_second, machine_time};

const PAGE_SIZE: usize = 100;

#[component]
pub fn EventList(
    events: Memo<Vec<ActivityEvent>>,
    /// Whether each event names its application (the console-wide page) or not (one application's tab).
    naming_applications: bool,
) -> impl IntoView {
    let shown = RwSignal::new(PAGE_SIZE);
    // Keyed by position from the oldest, which stays put as new events arrive on top.
    let visible = move || {
        events.with(|events| {
            let count = events.len();
            events
                .iter()
                .take(shown.get())
                .enumerate()
                .map(|(index, event)| (count - index, event.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show
            when=move || events.with(|events| !events.is_empty())
            fallback=|| view! { <p class="empty-state">"No activity recorded yet."</p> }
        >
            <ol class="activity">
                <For each=visible key=|(from_oldest, event)| (*from_oldest, event.at) let:((_, event))>
                    <EventEntry event naming_applications />
                </For>
            </ol>
        </Show>
        <Show when=move || { events.with(Vec::len) > shown.get() }>
            <button type="button" class="button list-more" on:click=move |_| shown.update(|shown| *shown += PAGE_SIZE)>
                {move || format!("Show {} older events", (events.with(Vec::len) - shown.get()).min(PAGE_SIZE))}
            </button>
        </Show>
    }
}

#[component]
fn EventEntry(event: ActivityEvent, naming_applications: bool) -> impl IntoView {
    let text = describe(&event.kind);
    let application = naming_applications.then(|| match &event.subject {
        ActivitySubject::Application { client_id, name } => view! {
            <ApplicationName client_id=client_id.clone() name=name.as_str().to_owned() />
        }
        .into_any(),
        ActivitySubject::Console => {
            view! { <span class="activity__application activity__console">"Console"</span> }
                .into_any()
        }
    });
    let actor = event
        .actor
        .map(|actor| view! { " " <span class="activity__actor">"By "<bdi>{actor}</bdi>"."</span> });
    view! {
        <li class="activity__event">
            <time class="activity__time" datetime=machine_time(event.at)>{local_date_time_to_the_second(event.at)}</time>
            {application}
            <span class="activity__text">{text}{actor}</span>
        </li>
    }
}

/// The application's name, a link to it while it exists; a deleted one says so.
#[component]
fn ApplicationName(client_id: ClientId, name: String) -> impl IntoView {
    let state = use_app_state();
    let path = use_site_base().href(&application_path(&client_id, Tab::Activity));
    let exists = move || state.application(&client_id).is_some();
    view! {
        <span class="activity__application">
            {move || {
                let name = name.clone();
                if exists() {
                    view! { <a href=path.clone()><bdi>{name}</bdi></a> }.into_any()
                } else {
                    view! { <bdi>{name}</bdi> " (deleted)" }.into_any()
                }
            }}
        </span>
    }
}
