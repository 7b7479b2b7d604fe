//! Applications > Applications: the heading, search, filters, Add Application, Export and
//! Import, the list, and the details panel of the open application (a nested route). Search,
//! filters and sort are read from the address, so the list and the open panel share one query.

use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_location;

use crate::domain::ClientId;
use crate::state::use_app_state;

use crate::components::applications::add_application_dialog::AddApplicationDialog;
use crate::components::applications::application_list::ApplicationList;
use crate::components::applications::list_address::{HistoryEntry, use_list_query_state};
use crate::components::applications::list_filters::ListFilters;
use crate::components::applications::no_matches::SEARCH_FIELD_ID;
use crate::components::exchange::export_dialog::ExportDialog;
use crate::components::exchange::import_dialog::ImportDialog;
use crate::components::shared::site_base::use_site_base;

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    let list_query = use_list_query_state();
    let query = list_query.query();
    let search = move |event: leptos::ev::Event| {
        let mut next = query.get_untracked();
        next.search = event_target_value(&event);
        list_query.change(next, HistoryEntry::Replace);
    };
    let adding = RwSignal::new(false);
    let exporting = RwSignal::new(false);
    let importing = RwSignal::new(false);
    // Read from the path: the child route's parameters are not visible at this level.
    let pathname = use_location().pathname;
    let site = use_site_base();
    let selected = Signal::derive(move || {
        pathname.with(|path| {
            site.page_path(path)
                .strip_prefix("/applications/")?
                .split('/')
                .next()
                .filter(|id| !id.is_empty())
                .map(ClientId::new)
        })
    });

    let connected = use_app_state().remote().is_some();
    view! {
        <div class="applications" class:applications--panel-open=move || selected.with(Option::is_some)>
            <div class="applications__list">
                <div class="page-header">
                    <h1>"Applications"</h1>
                    // Adding, export and import are for this browser's applications only.
                    {(!connected).then(|| view! {
                        <div class="page-header__actions">
                            <button type="button" class="button button--primary" on:click=move |_| adding.set(true)>
                                "Add Application"
                            </button>
                            <button type="button" class="button" on:click=move |_| exporting.set(true)>"Export"</button>
                            <button type="button" class="button" on:click=move |_| importing.set(true)>"Import"</button>
                        </div>
                    })}
                </div>
                // Also in index.html's first-paint frame: the page's largest text, painted before
                // the wasm arrives (the largest contentful paint), so keep the two the same.
                <p class="page-intro">"Applications that sign in with this environment. Open one to rotate its client secret, change how it authenticates to the token endpoint, or see its activity."</p>
                <div class="search">
                    <input
                        type="search"
                        id=SEARCH_FIELD_ID
                        class="search__input"
                        aria-label="Search applications by name or client ID"
                        placeholder="Search by name or client ID"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || query.with(|query| query.search.clone())
                        on:input=search
                    />
                </div>
                <ListFilters list_query />
                <ApplicationList list_query selected />
            </div>
            <Outlet />
        </div>
        <Show when=move || adding.get()>
            <AddApplicationDialog on_closed=Callback::new(move |()| adding.set(false)) />
        </Show>
        <Show when=move || exporting.get()>
            <ExportDialog on_closed=Callback::new(move |()| exporting.set(false)) />
        </Show>
        <Show when=move || importing.get()>
            <ImportDialog on_closed=Callback::new(move |()| importing.set(false)) />
        </Show>
    }
}
