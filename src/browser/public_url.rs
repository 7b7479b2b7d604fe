//! The public URL the site was built for, as the build wrote it into the page: Trunk's
//! `--public-url` reaches the page only through the URLs of its assets, so the post-build hook
//! (scripts/post-build.mjs) also fills in `<meta name="public-url" content="…">`. A page without
//! it (a test page, `trunk serve` of an old build) is served at the site root.

/// The `content` of the page's `<meta name="public-url">`, if it has one.
pub fn declared_public_url() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector("meta[name='public-url']")
        .ok()??
        .get_attribute("content")
}
