//! Delete Application: irreversible, so behind the shared confirmation. After it the panel
//! closes and focus goes to the list, where the application no longer is.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use crate::domain::ClientId;
use crate::state::use_app_state;

use crate::components::applications::list_address::use_list_suffix;
use crate::components::shared::confirm_dialog::ConfirmDialog;
use crate::components::shared::outside_change::use_seen_application;

#[component]
pub fn DeleteApplicationDialog(client_id: ClientId, on_closed: Callback<()>) -> impl IntoView {
    let state = use_app_state();
    let seen = use_seen_application(client_id.clone());
    let subject = client_id.clone();
    let navigate = use_navigate();
    let list_suffix = use_list_suffix();
    let action = Action::new_local(move |_: &()| {
        let client_id = client_id.clone();
        let seen_revision = seen.revision.get_untracked();
        let navigate = navigate.clone();
        let list = format!("/applications{}", list_suffix.get_untracked());
        async move {
            state
                .delete_application(client_id, seen_revision)
                .await
                .map_err(|error| error.to_string())?;
            state.announce("Application deleted.");
            navigate(&list, NavigateOptions::default());
            request_animation_frame(focus_list);
            Ok(())
        }
    });

    view! {
        <ConfirmDialog
            title="Delete Application"
            action
            ready=true
            outside_change=seen.notice
            on_closed
            application=subject
            destructive=true
        >
            <p>
                <strong>"This action cannot be undone."</strong>
                " The application, its client secrets and its settings are removed from this console. Its activity stays in the console-wide log."
            </p>
        </ConfirmDialog>
    }
}

/// The first entry of the list, or the search field when the list is empty.
fn focus_list() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let target = [".app-list a", ".search__input"]
        .into_iter()
        .find_map(|selector| document.query_selector(selector).ok().flatten());
    if let Some(element) = target
        .and_then(|element| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok())
    {
        let _ = element.focus();
    }
}
