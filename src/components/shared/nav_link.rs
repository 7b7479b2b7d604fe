//! A link of the main navigation: its href carries the site's prefix, and it is the current
//! page (`aria-current="page"`) for its own path and every path below it.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::shared::site_base::use_site_base;

#[component]
pub fn NavLink(
    /// The site path of the page it opens, such as `/applications`.
    path: &'static str,
    children: Children,
) -> impl IntoView {
    let site = use_site_base();
    let href = site.href(path);
    let pathname = use_location().pathname;
    let is_current = move || pathname.with(|full| is_at_or_below(site.page_path(full), path));
    view! {
        <a class="sidebar__link" href=href aria-current=move || is_current().then_some("page")>
            {children()}
        </a>
    }
}

fn is_at_or_below(page_path: &str, path: &str) -> bool {
    page_path
        .strip_prefix(path)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::is_at_or_below;

    #[test]
    fn a_link_is_current_for_its_path_and_the_paths_below_it_only() {
        assert!(is_at_or_below("/applications", "/applications"));
        assert!(is_at_or_below(
            "/applications/a-1/overview",
            "/applications"
        ));
        assert!(!is_at_or_below("/applications-archive", "/applications"));
        assert!(!is_at_or_below("/activity", "/applications"));
    }
}
