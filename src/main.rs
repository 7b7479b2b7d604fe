//! Entry point: wire the real storage, the clock, the page's public URL and where the page
//! stands with PingOne (back from a sign-on, connected before a reload, or not) into the app
//! and mount it.

use std::rc::Rc;

use client_secret_console::browser::address;
use client_secret_console::browser::first_paint::remove_first_paint_frame;
use client_secret_console::browser::panic::show_panics_on_the_page;
use client_secret_console::browser::public_url::declared_public_url;
use client_secret_console::components::{App, RedirectUri, SiteBase};
use client_secret_console::domain::SystemClock;
use client_secret_console::pingone::sign_on::{Arrival, arrival, start_sign_on};
use client_secret_console::storage::{
    ApplicationRepository, NamespacedStore, local_storage_or_memory,
};
use leptos::prelude::*;

fn main() {
    show_panics_on_the_page();
    let public_url = declared_public_url().unwrap_or_else(|| "/".into());
    let site = SiteBase::from_public_url(&public_url);
    let redirect_uri = RedirectUri(format!(
        "{}{}",
        address::origin().unwrap_or_default(),
        public_url
    ));
    let arrival = arrival();
    if let Arrival::Reconnect(connection) = &arrival {
        // Connected before the reload: sign on again without a word where PingOne's session
        // allows. The page leaves at once; the frame stays painted meanwhile.
        let (connection, redirect_uri) = (connection.clone(), redirect_uri.clone());
        // Before any mount, so Leptos's executor is not set up yet: the browser's own queue.
        wasm_bindgen_futures::spawn_local(async move {
            let return_to = address::path_and_query().unwrap_or_else(|| "/".into());
            let started = start_sign_on(&connection, &redirect_uri.0, &return_to, true).await;
            if let Err(error) = started {
                mount(
                    site,
                    redirect_uri,
                    Arrival::SessionEnded {
                        connection,
                        reason: error.to_string(),
                    },
                );
            }
        });
        return;
    }
    mount(site, redirect_uri, arrival);
}

fn mount(site: SiteBase, redirect_uri: RedirectUri, arrival: Arrival) {
    let (store, storage_warning) = local_storage_or_memory();
    let repository = match &arrival {
        // Connected: the environment's activity and settings, beside this browser's data.
        Arrival::Authorized { connection, .. } | Arrival::SessionEnded { connection, .. } => {
            ApplicationRepository::new(Box::new(NamespacedStore::for_environment(
                store,
                connection.environment_id(),
            )))
        }
        _ => ApplicationRepository::new(store),
    };
    // In the same task as the mount, so the page never paints without a frame.
    remove_first_paint_frame();
    leptos::mount::mount_to_body(move || {
        view! { <App repository clock=Rc::new(SystemClock) storage_warning site arrival redirect_uri /> }
    });
}
