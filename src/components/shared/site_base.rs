//! Where the console is served: the path prefix of every page, so the same build works at the
//! site root or under a sub-path (`trunk build --public-url /console/`, a project site such as
//! `https://example.github.io/console/`).
//!
//! Pages are named by their *site path* (`/applications/<id>/configuration`), the same at any
//! prefix. `navigate()` and `<Redirect>` take site paths as they are (the router adds its base),
//! but an `<a href>` does not go through the router, so every href is made with [`SiteBase::href`];
//! and `use_location()` reports the full path, which [`SiteBase::page_path`] turns back into a
//! site path.

use std::sync::Arc;

use leptos::prelude::*;

/// The path prefix the console is served under: empty at the site root, else like `/console`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteBase(Arc<str>);

impl SiteBase {
    /// Served at the site root.
    pub fn root() -> Self {
        Self::default()
    }

    /// From the public URL the site was built for (Trunk's `--public-url`): `/`, `/console/`,
    /// or an absolute URL, of which only the path counts.
    pub fn from_public_url(public_url: &str) -> Self {
        let path = match public_url.split_once("://") {
            Some((_, after_scheme)) => after_scheme.find('/').map_or("", |at| &after_scheme[at..]),
            None => public_url,
        };
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let trimmed = path.trim_matches('/');
        if trimmed.is_empty() {
            Self::root()
        } else {
            Self(format!("/{trimmed}").into())
        }
    }

    /// The `base` for leptos_router's `<Router>`.
    pub fn router_base(&self) -> String {
        self.0.to_string()
    }

    /// The href of the page at `site_path` (which starts with `/`).
    pub fn href(&self, site_path: &str) -> String {
        format!("{}{site_path}", self.0)
    }

    /// The site path of a full path as the browser reports it; a path outside the prefix is
    /// returned as it is (the router shows it as not found).
    pub fn page_path<'a>(&self, full_path: &'a str) -> &'a str {
        match full_path.strip_prefix(&*self.0) {
            Some("") => "/",
            Some(rest) if rest.starts_with('/') => rest,
            _ => full_path,
        }
    }
}

pub fn provide_site_base(site: SiteBase) {
    provide_context(site);
}

/// Where the console is served. Fails loudly, in this one place, if `App` did not provide it.
pub fn use_site_base() -> SiteBase {
    expect_context::<SiteBase>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_root_has_an_empty_prefix_and_hrefs_are_the_site_paths() {
        for public_url in ["/", "", "//"] {
            let site = SiteBase::from_public_url(public_url);
            assert_eq!(site, SiteBase::root(), "{public_url:?}");
            assert_eq!(site.href("/applications"), "/applications");
            assert_eq!(site.router_base(), "");
        }
    }

    #[test]
    fn a_sub_path_prefixes_every_href_whatever_its_slashes() {
        for public_url in ["/console/", "/console", "console/", "/console//"] {
            let site = SiteBase::from_public_url(public_url);
            assert_eq!(site.router_base(), "/console", "{public_url:?}");
            assert_eq!(
                site.href("/applications/a-1/configuration"),
                "/console/applications/a-1/configuration"
            );
        }
        assert_eq!(
            SiteBase::from_public_url("/any/deep/path/").href("/applications"),
            "/any/deep/path/applications"
        );
    }

    #[test]
    fn only_the_path_of_an_absolute_public_url_counts() {
        let site = SiteBase::from_public_url("https://example.github.io/console/");
        assert_eq!(site.router_base(), "/console");
        assert_eq!(
            SiteBase::from_public_url("https://example.github.io"),
            SiteBase::root()
        );
    }

    #[test]
    fn page_paths_drop_the_prefix_and_keep_paths_outside_it() {
        let site = SiteBase::from_public_url("/console/");
        assert_eq!(site.page_path("/console/applications/x"), "/applications/x");
        assert_eq!(site.page_path("/console"), "/");
        assert_eq!(site.page_path("/console/"), "/");
        assert_eq!(
            site.page_path("/consoleX/applications"),
            "/consoleX/applications"
        );
        assert_eq!(site.page_path("/applications"), "/applications");
        assert_eq!(
            SiteBase::root().page_path("/applications/x"),
            "/applications/x"
        );
    }
}
