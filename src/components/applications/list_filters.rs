//! The Type, Status and Sort selects above the list; each choice is a new history entry.

use leptos::prelude::*;

use crate::domain::{ApplicationType, ListQuery, SortOrder, StatusFilter};
use crate::state::use_app_state;

use crate::components::applications::list_address::{HistoryEntry, ListQueryState};

#[component]
pub fn ListFilters(list_query: ListQueryState) -> impl IntoView {
    let query = list_query.query();
    let choose = move |edit: fn(&mut ListQuery, &str)| {
        move |event: leptos::ev::Event| {
            let mut next = query.get_untracked();
            edit(&mut next, &event_target_value(&event));
            list_query.change(next, HistoryEntry::Push);
        }
    };
    // This browser's six types, and, connected, PingOne's Service and Custom where an
    // application has one (never in this browser: no need to look through its applications).
    let state = use_app_state();
    let connected = state.remote().is_some();
    let applications = state.applications();
    let type_options = Memo::new(move |_| {
        if !connected {
            return ApplicationType::ALL
                .map(|kind| (kind.param(), kind.label()))
                .to_vec();
        }
        applications.with(|applications| {
            ApplicationType::EVERY
                .into_iter()
                .filter(|kind| {
                    ApplicationType::ALL.contains(kind)
                        || applications.iter().any(|app| app.kind == *kind)
                })
                .map(|kind| (kind.param(), kind.label()))
                .collect::<Vec<_>>()
        })
    });
    let status_options = StatusFilter::ALL.map(|status| (status.param(), status.label()));
    let sort_options = SortOrder::ALL.map(|order| (order.param(), order.label()));

    view! {
        <div class="list-filters">
            <FilterSelect
                label="Type"
                all=Some("All types")
                options=type_options
                selected=Signal::derive(move || query.with(|query| query.type_filter.map(ApplicationType::param)))
                on_change=choose(|query, value| query.type_filter = ApplicationType::from_param(value))
            />
            <FilterSelect
                label="Status"
                all=Some("All statuses")
                options=status_options.to_vec()
                selected=Signal::derive(move || query.with(|query| query.status_filter.map(StatusFilter::param)))
                on_change=choose(|query, value| query.status_filter = StatusFilter::from_param(value))
            />
            <FilterSelect
                label="Sort"
                all=None
                options=sort_options.to_vec()
                selected=Signal::derive(move || Some(query.with(|query| query.sort.param())))
                on_change=choose(|query, value| query.sort = SortOrder::from_param(value).unwrap_or_default())
            />
        </div>
    }
}

/// A labelled select whose options are (address value, label); `all` is the empty-value option.
#[component]
fn FilterSelect(
    label: &'static str,
    all: Option<&'static str>,
    #[prop(into)] options: Signal<Vec<(&'static str, &'static str)>>,
    selected: Signal<Option<&'static str>>,
    on_change: impl FnMut(leptos::ev::Event) + 'static,
) -> impl IntoView {
    let id = format!("list-filter-{}", label.to_lowercase());
    let is_selected = move |value: &'static str| selected.get().unwrap_or_default() == value;
    view! {
        <div class="list-filters__field">
            <label class="list-filters__label" for=id.clone()>{label}</label>
            <select id=id class="select" on:change=on_change>
                {all.map(|text| view! { <option value="" prop:selected=move || is_selected("")>{text}</option> })}
                {move || options
                    .get()
                    .into_iter()
                    .map(|(value, text)| view! { <option value=value prop:selected=move || is_selected(value)>{text}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}
