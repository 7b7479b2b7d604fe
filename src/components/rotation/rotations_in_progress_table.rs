//! Rotations in Progress: applications whose previous secret is still accepted, soonest expiry
//! first, with a countdown; each row leaves by itself when its previous secret expires.

use leptos::prelude::*;

use crate::state::use_app_state;

use crate::components::rotation::paged_table::{
    ApplicationCell, ApplicationRow, OverviewList, PagedTable,
};
use crate::components::shared::time_text::{duration_in_words, local_date_time, machine_time};

const COLUMNS: [&str; 3] = ["Application", "Previous secret expires", "Time left"];

#[component]
pub fn RotationsInProgressTable() -> impl IntoView {
    let list = OverviewList {
        len: |overview| overview.in_progress.len(),
        entry: |overview, index| {
            let entry = overview.in_progress.get(index)?;
            Some((entry.position, Some(entry.previous_expires_at)))
        },
    };
    view! {
        <PagedTable
            title="Rotations in Progress"
            columns=&COLUMNS
            empty=|| "No rotation is in progress: no application has a previous secret that is still valid."
            list
            row=|row| view! { <InProgressRow row /> }.into_any()
        />
    }
}

#[component]
fn InProgressRow(row: ApplicationRow) -> impl IntoView {
    let now = use_app_state().now();
    // Every row of this table has its previous secret's expiry.
    let expires_at = row.at?;
    Some(view! {
        <tr>
            <ApplicationCell row />
            <td data-label=COLUMNS[1]><time datetime=machine_time(expires_at)>{local_date_time(expires_at)}</time></td>
            <td class="table__number" data-label=COLUMNS[2]>{move || duration_in_words(expires_at - now.get())}</td>
        </tr>
    })
}
