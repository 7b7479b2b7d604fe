//! The shell: navigation, alerts, the routes, and the status region.

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::{NavigateOptions, path};

use crate::domain::Clock;
use crate::pingone::sign_on::Arrival;
use crate::state::{AppState, ConnectionStatus, Remote, provide_app_state};
use crate::storage::ApplicationRepository;

use crate::components::activity::activity_page::ActivityPage;
use crate::components::applications::applications_page::ApplicationsPage;
use crate::components::connection::connection_alerts::ConnectionAlerts;
use crate::components::connection::connection_bar::ConnectionBar;
use crate::components::connection::{RedirectUri, provide_redirect_uri};
use crate::components::details::details_panel::DetailsPanel;
use crate::components::rotation::secret_rotation_link::SecretRotationLink;
use crate::components::rotation::secret_rotation_page::SecretRotationPage;
use crate::components::shared::nav_link::NavLink;
use crate::components::shared::not_found::NotFound;
use crate::components::shared::site_base::{SiteBase, provide_site_base};
use crate::components::shared::status_region::StatusRegion;
use crate::components::shared::storage_alerts::StorageAlerts;

#[component]
pub fn App(
    repository: ApplicationRepository,
    clock: Rc<dyn Clock>,
    /// Why changes will not be saved, when the browser refuses storage.
    #[prop(default = None)]
    storage_warning: Option<String>,
    /// Where the site is served; the site root unless given.
    #[prop(optional)]
    site: SiteBase,
    /// Where this page load stands with PingOne; this browser's applications unless given.
    /// When connected, `repository` is the environment's own store (`main.rs`).
    #[prop(optional)]
    arrival: Option<Arrival>,
    /// The Redirect URI the console signs on to PingOne with.
    #[prop(optional)]
    redirect_uri: RedirectUri,
) -> impl IntoView {
    let mut refusal = None;
    let state = match arrival {
        Some(Arrival::Authorized {
            connection,
            code,
            verifier,
        }) => {
            let remote = Remote::new(
                connection,
                redirect_uri.0.clone(),
                ConnectionStatus::SigningOn,
            );
            let state = AppState::start_connected(repository, clock, remote);
            leptos::task::spawn_local(state.finish_sign_on(code, verifier));
            state
        }
        Some(Arrival::SessionEnded { connection, reason }) => {
            let remote = Remote::new(
                connection,
                redirect_uri.0.clone(),
                ConnectionStatus::SessionEnded(reason),
            );
            AppState::start_connected(repository, clock, remote)
        }
        Some(Arrival::ThisBrowser { refusal: reason }) => {
            refusal = reason;
            AppState::start(repository, clock, storage_warning)
        }
        Some(Arrival::Reconnect(_)) | None => AppState::start(repository, clock, storage_warning),
    };
    provide_app_state(state);
    provide_redirect_uri(redirect_uri);
    state.run_in_background();
    let router_base = site.router_base();
    provide_site_base(site);

    view! {
        <Router base=router_base>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="topbar">
                <span class="topbar__logo" aria-hidden="true"></span>
                <span class="topbar__product">"Client Secret Console"</span>
                <ConnectionBar />
            </header>
            <div class="layout">
                <nav class="sidebar" aria-label="Main">
                    <p class="sidebar__group">"Applications"</p>
                    <NavLink path="/applications">"Applications"</NavLink>
                    <SecretRotationLink />
                    <p class="sidebar__group">"Monitoring"</p>
                    <NavLink path="/activity">"Activity"</NavLink>
                </nav>
                <main id="main" class="content" tabindex="-1">
                    <ConnectionAlerts refusal />
                    <StorageAlerts />
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=|| view! { <Redirect path="/applications" options=replace_address() /> } />
                        <ParentRoute path=path!("/applications") view=ApplicationsPage>
                            <Route path=path!("") view=|| () />
                            <Route path=path!(":id") view=|| view! { <RedirectToOverview /> } />
                            <Route path=path!(":id/:tab") view=DetailsPanel />
                        </ParentRoute>
                        <Route path=path!("/rotation") view=SecretRotationPage />
                        <Route path=path!("/activity") view=ActivityPage />
                    </Routes>
                </main>
            </div>
            <StatusRegion />
        </Router>
    }
}

/// A redirect takes the place of the address it leaves: pushing it instead would make Back land on
/// that address, which redirects forward again, and the user could never leave.
fn replace_address() -> NavigateOptions {
    NavigateOptions {
        replace: true,
        ..NavigateOptions::default()
    }
}

#[component]
fn RedirectToOverview() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let id = params.with_untracked(|params| params.get("id").unwrap_or_default());
    view! { <Redirect path=format!("/applications/{id}/overview") options=replace_address() /> }
}
