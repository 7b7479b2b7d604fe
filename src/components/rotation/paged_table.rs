//! The frame both rotation tables share: a section named by its heading, the table with its
//! column headers, what an empty table says, and "Show more" so a table of thousands of
//! applications renders a page of rows at a time.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::{ClientId, RotationOverview};
use crate::state::use_app_state;

/// Rows a table shows at first, and how many more each "Show more" adds.
pub const PAGE_SIZE: usize = 100;

/// One row of a rotation table: the application and the instant the table is about (when its
/// previous secret expires, or when its current secret was created).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ApplicationRow {
    pub client_id: ClientId,
    pub name: String,
    pub at: DateTime<Utc>,
}

/// The first `shown` rows of one of the overview's lists; `entries` picks the list and
/// `position_and_time` reads an entry's application position and instant.
pub fn application_rows<T: 'static>(
    shown: RwSignal<usize>,
    entries: fn(&RotationOverview) -> &[T],
    position_and_time: fn(&T) -> (usize, DateTime<Utc>),
) -> impl Fn() -> Vec<ApplicationRow> + Copy + 'static {
    let state = use_app_state();
    let overview = state.rotation_overview();
    let applications = state.applications();
    move || {
        applications.with(|applications| {
            overview.with(|overview| {
                entries(overview)
                    .iter()
                    .take(shown.get())
                    .filter_map(|entry| {
                        let (position, at) = position_and_time(entry);
                        let app = applications.get(position)?;
                        Some(ApplicationRow {
                            client_id: app.client_id.clone(),
                            name: app.name().as_str().to_owned(),
                            at,
                        })
                    })
                    .collect()
            })
        })
    }
}

#[component]
pub fn PagedTable(
    /// The table's name: its heading, and its accessible name.
    title: &'static str,
    /// The column headers, in order.
    columns: [&'static str; 3],
    /// What the table says when it has no rows.
    empty_text: &'static str,
    /// How many rows there are in all.
    #[prop(into)]
    total: Signal<usize>,
    /// How many rows are shown; the caller's rows read it.
    shown: RwSignal<usize>,
    /// The rows shown (`<tr>`s).
    children: Children,
) -> impl IntoView {
    let heading_id = format!("{}-heading", title.to_lowercase().replace(' ', "-"));
    let show_more_described_by = heading_id.clone();
    let remaining = move || total.get().saturating_sub(shown.get());
    view! {
        <section class="rotation-table" aria-labelledby=heading_id.clone()>
            <div class="rotation-table__header">
                <h2 id=heading_id.clone()>{title}</h2>
                <span class="badge">{move || count_text(total.get())}</span>
            </div>
            <div class="rotation-table__scroll">
                <table class="table" aria-labelledby=heading_id.clone()>
                    <thead>
                        <tr>{columns.map(|column| view! { <th scope="col">{column}</th> })}</tr>
                    </thead>
                    <tbody>{children()}</tbody>
                </table>
            </div>
            <Show when=move || total.get() == 0>
                <p class="empty-state rotation-table__empty">{empty_text}</p>
            </Show>
            <Show when=move || { remaining() > 0 }>
                <button
                    type="button"
                    class="button list-more"
                    aria-describedby=show_more_described_by.clone()
                    on:click=move |_| shown.update(|shown| *shown += PAGE_SIZE)
                >
                    {move || format!("Show {} more", remaining().min(PAGE_SIZE))}
                </button>
            </Show>
        </section>
    }
}

fn count_text(count: usize) -> String {
    match count {
        1 => "1 application".to_owned(),
        count => format!("{count} applications"),
    }
}
