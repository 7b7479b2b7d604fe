//! The frame the rotation tables share: a section named by its heading, the table with its
//! column headers, what an empty table says, and "Show more" so a table of thousands of
//! applications renders a page of rows at a time. On a narrow screen each row stacks its cells,
//! each under its column's name (`data-label`, shown by the stylesheet), so no column is cut off.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::components::details::details_panel::{Tab, application_path};
use crate::components::shared::site_base::use_site_base;
use crate::domain::{ApplicationType, ClientId, RotationOverview};
use crate::state::use_app_state;

/// Rows a table shows at first, and how many more each "Show more" adds.
const PAGE_SIZE: usize = 100;

/// One row of a rotation table: the application and the instant the table is about (when its
/// previous secret expires, or when its current secret was created; none for Age unknown).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ApplicationRow {
    pub client_id: ClientId,
    pub name: String,
    pub kind: ApplicationType,
    pub at: Option<DateTime<Utc>>,
}

/// An entry of one of the overview's lists: the application's position and the table's instant.
pub type OverviewEntry = (usize, Option<DateTime<Utc>>);

/// Which of the overview's lists a table shows.
#[derive(Clone, Copy)]
pub struct OverviewList {
    /// How many entries the list has.
    pub len: fn(&RotationOverview) -> usize,
    /// The application position and instant of the list's entry at an index.
    pub entry: fn(&RotationOverview, usize) -> Option<OverviewEntry>,
}

/// The first `shown` rows of `list`.
fn application_rows(
    shown: RwSignal<usize>,
    list: OverviewList,
) -> impl Fn() -> Vec<ApplicationRow> + Copy + 'static {
    let state = use_app_state();
    let overview = state.rotation_overview();
    let applications = state.applications();
    move || {
        applications.with(|applications| {
            overview.with(|overview| {
                (0..shown.get().min((list.len)(overview)))
                    .filter_map(|index| {
                        let (position, at) = (list.entry)(overview, index)?;
                        let app = applications.get(position)?;
                        Some(ApplicationRow {
                            client_id: app.client_id.clone(),
                            name: app.name().as_str().to_owned(),
                            kind: app.kind,
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
    columns: &'static [&'static str],
    /// What the table says when it has no rows.
    #[prop(into)]
    empty: ViewFn,
    /// The overview's list the rows come from.
    list: OverviewList,
    /// One row (`<tr>`) of the table.
    row: fn(ApplicationRow) -> AnyView,
) -> impl IntoView {
    let overview = use_app_state().rotation_overview();
    let shown = RwSignal::new(PAGE_SIZE);
    let total = Memo::new(move |_| overview.with(list.len));
    let rows = application_rows(shown, list);
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
                <table class="table table--stacks" aria-labelledby=heading_id.clone()>
                    <thead>
                        <tr>{columns.iter().map(|column| view! { <th scope="col">{*column}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        <For each=rows key=ApplicationRow::clone children=row />
                    </tbody>
                </table>
            </div>
            <Show when=move || total.get() == 0>
                <p class="empty-state rotation-table__empty">{empty.run()}</p>
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

/// The row's header cell: the application's name, a link to its Configuration tab.
#[component]
pub fn ApplicationCell(row: ApplicationRow) -> impl IntoView {
    let href = use_site_base().href(&application_path(&row.client_id, Tab::Configuration));
    view! {
        <th scope="row">
            <a href=href><bdi>{row.name}</bdi></a>
        </th>
    }
}

fn count_text(count: usize) -> String {
    match count {
        1 => "1 application".to_owned(),
        count => format!("{count} applications"),
    }
}
