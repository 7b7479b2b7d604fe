//! Rename Application: the name field with the same validation as adding; Save or Cancel.

use leptos::prelude::*;

use crate::domain::ClientId;
use crate::state::use_app_state;

use crate::components::shared::modal::{Modal, use_modal};
use crate::components::shared::name_field::{NameDraft, NameField};
use crate::components::shared::outside_change::use_seen_application;

#[component]
pub fn RenameApplicationDialog(client_id: ClientId, on_closed: Callback<()>) -> impl IntoView {
    view! {
        <Modal title="Rename Application" on_closed>
            <RenameForm client_id />
        </Modal>
    }
}

#[component]
fn RenameForm(client_id: ClientId) -> impl IntoView {
    let state = use_app_state();
    let modal = use_modal();
    let seen = use_seen_application(client_id.clone());
    let current_name = state
        .application(&client_id)
        .map(|app| app.name().as_str().to_owned())
        .unwrap_or_default();
    let draft = NameDraft::new(current_name);
    let save = Action::new_local(move |_: &()| {
        let (client_id, name_text) = (client_id.clone(), draft.name.get_untracked());
        let seen_revision = seen.revision.get_untracked();
        async move {
            state
                .rename_application(client_id, seen_revision, name_text)
                .await
                .map_err(|error| error.to_string())
        }
    });
    Effect::new(move || {
        if let Some(Ok(())) = save.value().get() {
            state.announce("Application renamed.");
            modal.close();
        }
    });
    let saving_or_saved =
        move || save.pending().get() || matches!(save.value().get(), Some(Ok(())));
    let failure = move || draft.save_failure(save.value().get().and_then(Result::err));
    let submit = draft.on_submit(move || {
        save.dispatch(());
    });

    view! {
        <form class="form" on:submit=submit novalidate>
            <NameField draft />
            {move || {
                seen.notice
                    .get()
                    .filter(|_| !saving_or_saved())
                    .map(|notice| view! { <p class="notice notice--warning" role="alert">{notice}</p> })
            }}
            {move || failure().map(|message| view! { <p class="notice notice--error" role="alert">{message}</p> })}
            <div class="modal__actions">
                <button type="submit" class="button button--primary" disabled=move || save.pending().get()>"Save"</button>
                <button type="button" class="button" on:click=move |_| modal.close()>"Cancel"</button>
            </div>
        </form>
    }
}
