//! The list's search, filters and sort live in the address, so reload, Back/Forward and a shared
//! link show the same list. Typing replaces the history entry (Back does not replay every
//! keystroke); choosing a filter or sort pushes one (Back undoes the choice).

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;

use crate::components::shared::site_base::use_site_base;
use crate::domain::ListQuery;

/// How a change of the query enters the browser's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryEntry {
    Replace,
    Push,
}

/// The query the address says, tracked.
pub fn use_list_query() -> Memo<ListQuery> {
    let params = use_query_map();
    Memo::new(move |_| params.with(|params| ListQuery::from_params(|name| params.get_str(name))))
}

/// `"?q=…&type=…"` for `query`, or `""` for the plain list.
pub fn query_string(query: &ListQuery) -> String {
    query
        .to_params()
        .into_iter()
        .collect::<ParamsMap>()
        .to_query_string()
}

/// The current address's query string (with its `?`), for links that must keep the list as it is.
pub fn use_list_suffix() -> Memo<String> {
    let search = use_location().search;
    Memo::new(move |_| {
        search.with(|search| {
            if search.is_empty() {
                String::new()
            } else {
                format!("?{search}")
            }
        })
    })
}

/// Shows the list for a new query at the current path.
pub fn use_change_list_query() -> impl Fn(ListQuery, HistoryEntry) + Clone {
    let navigate = use_navigate();
    let pathname = use_location().pathname;
    let site = use_site_base();
    move |query: ListQuery, entry: HistoryEntry| {
        // The router adds its base to what it is given, so it gets the site path.
        let address = pathname
            .with_untracked(|path| format!("{}{}", site.page_path(path), query_string(&query)));
        navigate(
            &address,
            NavigateOptions {
                replace: entry == HistoryEntry::Replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    }
}
