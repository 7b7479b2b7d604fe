//! The shell: navigation, alerts, the routes, and the status region.

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::components::{A, ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::domain::Clock;
use crate::state::{AppState, provide_app_state};
use crate::storage::ApplicationRepository;

use crate::components::activity::activity_page::ActivityPage;
use crate::components::applications::applications_page::ApplicationsPage;
use crate::components::details::details_panel::DetailsPanel;
use crate::components::shared::not_found::NotFound;
use crate::components::shared::status_region::StatusRegion;
use crate::components::shared::storage_alerts::StorageAlerts;

#[component]
pub fn App(
    repository: ApplicationRepository,
    clock: Rc<dyn Clock>,
    /// Why changes will not be saved, when the browser refuses storage.
    #[prop(default = None)]
    storage_warning: Option<String>,
) -> impl IntoView {
    let state = AppState::start(repository, clock, storage_warning);
    provide_app_state(state);
    state.run_in_background();

    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="topbar">
                <span class="topbar__logo" aria-hidden="true"></span>
                <span class="topbar__product">"Client Secret Console"</span>
            </header>
            <div class="layout">
                <nav class="sidebar" aria-label="Main">
                    <p class="sidebar__group">"Applications"</p>
                    <A href="/applications" attr:class="sidebar__link">"Applications"</A>
                    <p class="sidebar__group">"Monitoring"</p>
                    <A href="/activity" attr:class="sidebar__link">"Activity"</A>
                </nav>
                <main id="main" class="content" tabindex="-1">
                    <StorageAlerts />
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=|| view! { <Redirect path="/applications" /> } />
                        <ParentRoute path=path!("/applications") view=ApplicationsPage>
                            <Route path=path!("") view=|| () />
                            <Route path=path!(":id") view=|| view! { <RedirectToOverview /> } />
                            <Route path=path!(":id/:tab") view=DetailsPanel />
                        </ParentRoute>
                        <Route path=path!("/activity") view=ActivityPage />
                    </Routes>
                </main>
            </div>
            <StatusRegion />
        </Router>
    }
}

#[component]
fn RedirectToOverview() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let id = params.with_untracked(|params| params.get("id").unwrap_or_default());
    view! { <Redirect path=format!("/applications/{id}/overview") /> }
}
