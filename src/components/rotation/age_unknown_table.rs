//! Age unknown: applications whose current secret was read from PingOne, which does not say
//! when a secret was made, and which this console did not generate. They are never counted due
//! (their age would be a guess); this table lists them so they are not forgotten either. Shown
//! only when there are some.

use leptos::prelude::*;

use crate::components::rotation::paged_table::{
    ApplicationCell, ApplicationRow, OverviewList, PagedTable,
};
use crate::state::use_app_state;

const COLUMNS: [&str; 2] = ["Application", "Type"];

#[component]
pub fn AgeUnknownTable() -> impl IntoView {
    let overview = use_app_state().rotation_overview();
    let list = OverviewList {
        len: |overview| overview.age_unknown.len(),
        entry: |overview, index| Some((*overview.age_unknown.get(index)?, None)),
    };
    view! {
        <Show when=move || overview.with(|overview| overview.age_unknown_count() > 0)>
            <PagedTable
                title="Age unknown"
                columns=&COLUMNS
                empty=|| ""
                list
                row=|row| view! { <AgeUnknownRow row /> }.into_any()
            />
        </Show>
    }
}

#[component]
fn AgeUnknownRow(row: ApplicationRow) -> impl IntoView {
    let kind = row.kind.label();
    view! {
        <tr>
            <ApplicationCell row />
            <td data-label=COLUMNS[1]>{kind}</td>
        </tr>
    }
}
