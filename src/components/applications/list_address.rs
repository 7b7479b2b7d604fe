//! The list's search, filters and sort live in the address, so reload, Back/Forward and a shared
//! link show the same list. Typing replaces the history entry (Back does not replay every
//! keystroke); choosing a filter or sort pushes one (Back undoes the choice).
//!
//! A change is shown at once and written to the address once the browser is idle after painting
//! it: writing the address (the history entry, then the router's location and everything that
//! follows it) cost about as much as filtering 10,000 applications, and the user waits for the
//! list, not for the address. The address still decides what is shown: Back/Forward, a pasted
//! link or a link into the list replace the query, except while a change of the user's own is on
//! its way to the address; Back or Forward then drops that change.

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;

use crate::browser::after_paint::when_idle_after_next_paint;
use crate::components::shared::site_base::use_site_base;
use crate::domain::ListQuery;

/// How a change of the query enters the browser's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryEntry {
    Replace,
    Push,
}

/// The query the list shows, and the way to change it.
#[derive(Clone, Copy)]
pub struct ListQueryState {
    shown: RwSignal<ListQuery>,
    query: Memo<ListQuery>,
    /// The latest change not yet in the address, and how it enters the history.
    unwritten: StoredValue<Option<(ListQuery, HistoryEntry)>>,
    write_address: StoredValue<Rc<dyn Fn()>, LocalStorage>,
}

impl ListQueryState {
    /// The query shown, tracked.
    pub fn query(&self) -> Memo<ListQuery> {
        self.query
    }

    /// Shows `next` now and writes it to the address after the paint. Typing before that write
    /// joins the entry on its way; a choice (a push) first writes what is still on its way, so
    /// every choice is an entry of its own and Back undoes it alone, however fast it came.
    pub fn change(&self, next: ListQuery, entry: HistoryEntry) {
        if entry == HistoryEntry::Push
            && self.unwritten.with_value(Option::is_some)
            && let Some(write) = self.write_address.try_get_value()
        {
            write();
        }
        let already_scheduled = self.unwritten.with_value(Option::is_some);
        self.unwritten.update_value(|unwritten| {
            let pushes =
                entry == HistoryEntry::Push || matches!(unwritten, Some((_, HistoryEntry::Push)));
            let entry = if pushes {
                HistoryEntry::Push
            } else {
                HistoryEntry::Replace
            };
            *unwritten = Some((next.clone(), entry));
        });
        self.shown.set(next);
        if !already_scheduled && let Some(write) = self.write_address.try_get_value() {
            when_idle_after_next_paint(move || write());
        }
    }
}

/// The list's query, following the address; for the Applications page, which hands it down.
pub fn use_list_query_state() -> ListQueryState {
    let params = use_query_map();
    let in_address = Memo::new(move |_| {
        params.with(|params| ListQuery::from_params(|name| params.get_str(name)))
    });
    let shown = RwSignal::new(in_address.get_untracked());
    let unwritten = StoredValue::new(None::<(ListQuery, HistoryEntry)>);
    Effect::new(move || {
        let address = in_address.get();
        if unwritten.with_value(Option::is_none) && shown.with_untracked(|shown| shown != &address)
        {
            shown.set(address);
        }
    });
    // Back or Forward: the entry the browser went to decides. A change still on its way is
    // dropped, or it would be written over that entry (after a choice, Back would seem to do
    // nothing; after typing, the text would replace the entry Back went to).
    let went_through_history = window_event_listener(leptos::ev::popstate, move |_| {
        if unwritten.try_update_value(Option::take).flatten().is_some() {
            shown.set(in_address.get_untracked());
        }
    });
    on_cleanup(move || went_through_history.remove());
    let navigate = use_navigate();
    let pathname = use_location().pathname;
    let site = use_site_base();
    let write_address = move || {
        let Some((query, entry)) = unwritten.try_update_value(Option::take).flatten() else {
            return;
        };
        // A link already carried the query there (an entry opened in the meantime).
        if in_address.with_untracked(|address| address == &query) {
            return;
        }
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
    };
    ListQueryState {
        shown,
        query: Memo::new(move |_| shown.get()),
        unwritten,
        write_address: StoredValue::new_local(Rc::new(write_address)),
    }
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
