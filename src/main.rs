//! Entry point: wire the real browser storage and clock into the app and mount it.

use std::rc::Rc;

use client_secret_console::browser::panic::show_panics_on_the_page;
use client_secret_console::components::App;
use client_secret_console::domain::SystemClock;
use client_secret_console::storage::{
    ApplicationRepository, BrowserLocalStorage, InMemoryStore, RecordStore,
};
use leptos::prelude::*;

fn main() {
    show_panics_on_the_page();
    let (store, storage_warning): (Box<dyn RecordStore>, Option<String>) =
        match BrowserLocalStorage::open() {
            Ok(storage) => (Box::new(storage), None),
            Err(unavailable) => (
                Box::new(InMemoryStore::new()),
                Some(unavailable.to_string()),
            ),
        };
    let repository = ApplicationRepository::new(store);
    leptos::mount::mount_to_body(move || {
        view! { <App repository clock=Rc::new(SystemClock) storage_warning /> }
    });
}
