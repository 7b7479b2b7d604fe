//! Entry point: wire the real browser storage, the clock and the page's public URL into the app
//! and mount it.

use std::rc::Rc;

use client_secret_console::browser::first_paint::remove_first_paint_frame;
use client_secret_console::browser::panic::show_panics_on_the_page;
use client_secret_console::browser::public_url::declared_public_url;
use client_secret_console::components::{App, SiteBase};
use client_secret_console::domain::SystemClock;
use client_secret_console::storage::{ApplicationRepository, local_storage_or_memory};
use leptos::prelude::*;

fn main() {
    show_panics_on_the_page();
    let (store, storage_warning) = local_storage_or_memory();
    let repository = ApplicationRepository::new(store);
    let site = declared_public_url()
        .map(|public_url| SiteBase::from_public_url(&public_url))
        .unwrap_or_default();
    // In the same task as the mount, so the page never paints without a frame.
    remove_first_paint_frame();
    leptos::mount::mount_to_body(move || {
        view! { <App repository clock=Rc::new(SystemClock) storage_warning site /> }
    });
}
