//! The page for an address the console does not have.

use leptos::prelude::*;

use crate::components::shared::site_base::use_site_base;

#[component]
pub fn NotFound() -> impl IntoView {
    let applications = use_site_base().href("/applications");
    view! {
        <div class="not-found">
            <h1>"Page not found"</h1>
            <p>"The console has no page at this address."</p>
            <a href=applications class="button">"Go to Applications"</a>
        </div>
    }
}
