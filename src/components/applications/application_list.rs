//! The list of applications, filtered by the search text and rendered a page at a time so
//! ten thousand applications never become ten thousand DOM rows.

use leptos::prelude::*;

use crate::domain::{ApplicationType, ClientId};
use crate::state::use_app_state;

use crate::components::details::details_panel::{Tab, application_path};
use crate::components::shared::site_base::use_site_base;

const PAGE_SIZE: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Row {
    client_id: ClientId,
    name: String,
    kind: ApplicationType,
    enabled: bool,
}

#[component]
pub fn ApplicationList(
    #[prop(into)] query: Signal<String>,
    #[prop(into)] selected: Signal<Option<ClientId>>,
) -> impl IntoView {
    let state = use_app_state();
    let shown = RwSignal::new(PAGE_SIZE);
    // Positions of the matching applications; rows are built only for the page shown.
    let matches = Memo::new(move |_| {
        let query = query.get().trim().to_lowercase();
        state.applications().with(|applications| {
            applications
                .iter()
                .enumerate()
                .filter(|(_, app)| app.matches_search(&query))
                .map(|(position, _)| position)
                .collect::<Vec<_>>()
        })
    });
    // A new search starts from the first page.
    Effect::new(move || {
        query.track();
        shown.set(PAGE_SIZE);
    });
    let visible = move || {
        state.applications().with(|applications| {
            matches.with(|positions| {
                positions
                    .iter()
                    .take(shown.get())
                    .filter_map(|&position| applications.get(position))
                    .map(|app| Row {
                        client_id: app.client_id.clone(),
                        name: app.name.as_str().to_owned(),
                        kind: app.kind,
                        enabled: app.enabled,
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let total = move || state.applications().with(Vec::len);
    let count_text = move || {
        let (found, limit, total) = (matches.with(Vec::len), shown.get(), total());
        let noun = if total == 1 {
            "application"
        } else {
            "applications"
        };
        match (
            query.with(|query| query.trim().is_empty()),
            found.min(limit),
        ) {
            (true, showing) if showing == found => format!("{total} {noun}"),
            (true, showing) => format!("Showing {showing} of {total} {noun}"),
            (false, showing) if showing == found => format!("{found} of {total} {noun} match"),
            (false, showing) => format!("Showing {showing} of {found} matching {noun}"),
        }
    };

    view! {
        <p class="list-count" aria-live="polite">{count_text}</p>
        <Show
            when=move || matches.with(|rows| !rows.is_empty())
            fallback=move || view! { <p class="empty-state">"No applications match your search."</p> }
        >
            <ul class="app-list">
                <For each=visible key=Row::clone let:row>
                    <ApplicationEntry row selected />
                </For>
            </ul>
        </Show>
        <Show when=move || { matches.with(Vec::len) > shown.get() }>
            <button type="button" class="button list-more" on:click=move |_| shown.update(|shown| *shown += PAGE_SIZE)>
                {move || format!("Show {} more", (matches.with(Vec::len) - shown.get()).min(PAGE_SIZE))}
            </button>
        </Show>
    }
}

#[component]
fn ApplicationEntry(row: Row, selected: Signal<Option<ClientId>>) -> impl IntoView {
    let is_selected = {
        let client_id = row.client_id.clone();
        move || selected.with(|selected| selected.as_ref() == Some(&client_id))
    };
    view! {
        <li>
            <a
                class="app-row"
                class:app-row--selected=is_selected.clone()
                href=use_site_base().href(&application_path(&row.client_id, Tab::Overview))
                data-client-id=row.client_id.to_string()
                aria-current=move || is_selected().then_some("page")
            >
                <span class="app-row__name"><bdi>{row.name}</bdi></span>
                <span class="badge">{row.kind.label()}</span>
                {(!row.enabled).then(|| view! { <span class="badge badge--muted">"Disabled"</span> })}
                <span class="app-row__id" translate="no">{row.client_id.to_string()}</span>
            </a>
        </li>
    }
}
