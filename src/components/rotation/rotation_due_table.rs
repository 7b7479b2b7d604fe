//! Rotation Due: applications whose current secret the rotation policy says is due or overdue,
//! overdue first, with the secret's age and how long until (or since) the policy's interval.

use leptos::prelude::*;

use crate::components::shared::site_base::use_site_base;
use crate::domain::{RotationPolicy, RotationStatus};
use crate::state::use_app_state;

use crate::components::details::details_panel::{Tab, application_path};
use crate::components::rotation::paged_table::{
    ApplicationRow, PAGE_SIZE, PagedTable, application_rows,
};
use crate::components::shared::time_text::duration_in_words;

#[component]
pub fn RotationDueTable() -> impl IntoView {
    let state = use_app_state();
    let overview = state.rotation_overview();
    let policy = state.rotation_policy();
    let shown = RwSignal::new(PAGE_SIZE);
    let total = Signal::derive(move || overview.with(|overview| overview.due.len()));
    let rows = application_rows(
        shown,
        |overview| &overview.due,
        |entry| (entry.position, entry.secret_created_at),
    );

    view! {
        <PagedTable
            title="Rotation Due"
            columns=["Application", "Secret age", "Due"]
            empty_text="No rotation is due: every client secret is younger than the rotation policy requires."
            total
            shown
        >
            <For each=rows key=ApplicationRow::clone let:row>
                <DueRow row policy />
            </For>
        </PagedTable>
    }
}

#[component]
fn DueRow(row: ApplicationRow, policy: Signal<RotationPolicy>) -> impl IntoView {
    let now = use_app_state().now();
    let created_at = row.at;
    let status = move || policy.get().status(created_at, now.get());
    view! {
        <tr>
            <th scope="row">
                <a href=use_site_base().href(&application_path(&row.client_id, Tab::Configuration))><bdi>{row.name}</bdi></a>
            </th>
            <td class="table__number">{move || duration_in_words(now.get() - created_at)}</td>
            <td>
                {move || match status() {
                    Some(RotationStatus::Overdue { overdue_by }) => view! {
                        <span class="due due--overdue">{format!("Overdue by {}", duration_in_words(overdue_by))}</span>
                    }
                    .into_any(),
                    Some(RotationStatus::Due { due_in } | RotationStatus::NotDue { due_in }) => view! {
                        <span class="due">{format!("Due in {}", duration_in_words(due_in))}</span>
                    }
                    .into_any(),
                    // The row leaves on this tick: the policy was just removed.
                    None => ().into_any(),
                }}
            </td>
        </tr>
    }
}
