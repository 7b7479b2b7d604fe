//! Rotations in Progress: applications whose previous secret is still accepted, soonest expiry
//! first, with a countdown; each row leaves by itself when its previous secret expires.

use leptos::prelude::*;

use crate::components::shared::site_base::use_site_base;
use crate::state::use_app_state;

use crate::components::details::details_panel::{Tab, application_path};
use crate::components::rotation::paged_table::{
    ApplicationRow, PAGE_SIZE, PagedTable, application_rows,
};
use crate::components::shared::time_text::{duration_in_words, local_date_time, machine_time};

#[component]
pub fn RotationsInProgressTable() -> impl IntoView {
    let state = use_app_state();
    let overview = state.rotation_overview();
    let shown = RwSignal::new(PAGE_SIZE);
    let total = Signal::derive(move || overview.with(|overview| overview.in_progress.len()));
    let rows = application_rows(
        shown,
        |overview| &overview.in_progress,
        |entry| (entry.position, entry.previous_expires_at),
    );

    view! {
        <PagedTable
            title="Rotations in Progress"
            columns=["Application", "Previous secret expires", "Time left"]
            empty_text="No rotation is in progress: no application has a previous secret that is still valid."
            total
            shown
        >
            <For each=rows key=ApplicationRow::clone let:row>
                <InProgressRow row />
            </For>
        </PagedTable>
    }
}

#[component]
fn InProgressRow(row: ApplicationRow) -> impl IntoView {
    let now = use_app_state().now();
    let expires_at = row.at;
    view! {
        <tr>
            <th scope="row">
                <a href=use_site_base().href(&application_path(&row.client_id, Tab::Configuration))><bdi>{row.name}</bdi></a>
            </th>
            <td><time datetime=machine_time(expires_at)>{local_date_time(expires_at)}</time></td>
            <td class="table__number">{move || duration_in_words(expires_at - now.get())}</td>
        </tr>
    }
}
