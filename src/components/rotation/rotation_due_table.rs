//! Rotation Due: applications whose current secret the rotation policy says is due or overdue,
//! overdue first, with the secret's age and how long until (or since) the policy's interval.
//! Empty, it says why: every secret is young enough, or there is no policy to be due under.

use leptos::prelude::*;

use crate::domain::{RotationPolicy, RotationStatus};
use crate::state::use_app_state;

use crate::components::rotation::paged_table::{
    ApplicationCell, ApplicationRow, OverviewList, PagedTable,
};
use crate::components::rotation::rotation_policy_form::HEADING_ID as POLICY_HEADING_ID;
use crate::components::shared::time_text::duration_in_words;

const COLUMNS: [&str; 3] = ["Application", "Secret age", "Due"];

#[component]
pub fn RotationDueTable() -> impl IntoView {
    let list = OverviewList {
        len: |overview| overview.due.len(),
        entry: |overview, index| {
            let entry = overview.due.get(index)?;
            Some((entry.position, Some(entry.secret_created_at)))
        },
    };
    let state = use_app_state();
    let policy = state.rotation_policy();
    let overview = state.rotation_overview();
    let empty = move || {
        match policy.get() {
        RotationPolicy::Every(_) if overview.with(|overview| overview.age_unknown_count() > 0) => {
            "No rotation is due among the client secrets whose age is known: every one is younger than the rotation policy requires. Those of unknown age are listed under Age unknown."
                .into_any()
        }
        RotationPolicy::Every(_) => {
            "No rotation is due: every client secret is younger than the rotation policy requires."
                .into_any()
        }
        RotationPolicy::NoPolicy => view! {
            "No rotation is due because there is no rotation policy: without one, no client secret is ever due. To have secrets come due at an age, set an interval under "
            <a href=format!("#{POLICY_HEADING_ID}")>"Rotation Policy"</a>
            "."
        }
        .into_any(),
    }
    };
    view! {
        <PagedTable
            title="Rotation Due"
            columns=&COLUMNS
            empty=move || empty
            list
            row=|row| view! { <DueRow row /> }.into_any()
        />
    }
}

#[component]
fn DueRow(row: ApplicationRow) -> impl IntoView {
    let state = use_app_state();
    let now = state.now();
    let policy = state.rotation_policy();
    // Every row of this table has its secret's creation time.
    let created_at = row.at?;
    let status = move || policy.get().status(created_at, now.get());
    Some(view! {
        <tr>
            <ApplicationCell row />
            <td class="table__number" data-label=COLUMNS[1]>{move || duration_in_words(now.get() - created_at)}</td>
            <td data-label=COLUMNS[2]>
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
    })
}
