//! What the list says when nothing matches: which of the search and the filters chosen left it
//! empty, and a button that clears them (the sort stays), so an administrator who forgot a
//! Status filter is not left looking at "your search" with no search typed.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::ListQuery;

use crate::components::applications::list_address::{HistoryEntry, ListQueryState};

/// The search field's id, where focus goes once the button that had it is gone.
pub const SEARCH_FIELD_ID: &str = "application-search";

#[component]
pub fn NoMatches(list_query: ListQueryState) -> impl IntoView {
    let query = list_query.query();
    let clear = move |_| {
        let mut next = query.get_untracked();
        next.search.clear();
        next.type_filter = None;
        next.status_filter = None;
        list_query.change(next, HistoryEntry::Push);
        focus_search_field();
    };
    view! {
        <div class="empty-state">
            <p class="empty-state__text">{move || query.with(no_match_text)}</p>
            <Show when=move || query.with(ListQuery::narrows)>
                <button type="button" class="button" on:click=clear>
                    {move || query.with(clear_label)}
                </button>
            </Show>
        </div>
    }
}

/// "No applications match your search.", "No applications match the filters Type: Native and
/// Status: Disabled.", or both.
fn no_match_text(query: &ListQuery) -> String {
    let filters: Vec<String> = [
        query
            .type_filter
            .map(|kind| format!("Type: {}", kind.label())),
        query
            .status_filter
            .map(|status| format!("Status: {}", status.label())),
    ]
    .into_iter()
    .flatten()
    .collect();
    let filters = match filters.as_slice() {
        [] => None,
        [one] => Some(format!("the filter {one}")),
        many => Some(format!("the filters {}", many.join(" and "))),
    };
    match (query.searches(), filters) {
        (true, None) => "No applications match your search.".to_owned(),
        (true, Some(filters)) => format!("No applications match your search with {filters}."),
        (false, Some(filters)) => format!("No applications match {filters}."),
        (false, None) => "There are no applications yet.".to_owned(),
    }
}

fn clear_label(query: &ListQuery) -> &'static str {
    let filtered = query.type_filter.is_some() || query.status_filter.is_some();
    match (query.searches(), filtered) {
        (true, true) => "Clear search and filters",
        (true, false) => "Clear search",
        _ => "Clear filters",
    }
}

fn focus_search_field() {
    let field = document()
        .get_element_by_id(SEARCH_FIELD_ID)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(field) = field {
        let _ = field.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ApplicationType, StatusFilter};

    fn query(
        search: &str,
        kind: Option<ApplicationType>,
        status: Option<StatusFilter>,
    ) -> ListQuery {
        ListQuery {
            search: search.to_owned(),
            type_filter: kind,
            status_filter: status,
            ..ListQuery::default()
        }
    }

    #[test]
    fn the_empty_list_names_what_left_it_empty() {
        assert_eq!(
            no_match_text(&query("zzz", None, None)),
            "No applications match your search."
        );
        assert_eq!(
            no_match_text(&query("", None, Some(StatusFilter::Disabled))),
            "No applications match the filter Status: Disabled."
        );
        assert_eq!(
            no_match_text(&query(
                "",
                Some(ApplicationType::Native),
                Some(StatusFilter::Disabled)
            )),
            "No applications match the filters Type: Native and Status: Disabled."
        );
        assert_eq!(
            no_match_text(&query("zzz", Some(ApplicationType::Worker), None)),
            "No applications match your search with the filter Type: Worker."
        );
        // White space alone is no search.
        assert_eq!(
            no_match_text(&query("  ", Some(ApplicationType::Worker), None)),
            "No applications match the filter Type: Worker."
        );
        assert_eq!(
            no_match_text(&ListQuery::default()),
            "There are no applications yet."
        );
    }

    #[test]
    fn the_button_says_what_it_clears() {
        assert_eq!(clear_label(&query("zzz", None, None)), "Clear search");
        assert_eq!(
            clear_label(&query("", None, Some(StatusFilter::Disabled))),
            "Clear filters"
        );
        assert_eq!(
            clear_label(&query("zzz", Some(ApplicationType::Native), None)),
            "Clear search and filters"
        );
    }
}
