//! Export Applications: one JSON file of every readable application, with or without secrets.
//! Exporting reads only; unreadable stored data is named and left out.

use leptos::prelude::*;

use crate::browser::download::download_text_file;
use crate::state::use_app_state;

use crate::components::shared::modal::{Modal, use_modal};

#[component]
pub fn ExportDialog(on_closed: Callback<()>) -> impl IntoView {
    view! {
        <Modal title="Export Applications" on_closed>
            <ExportBody />
        </Modal>
    }
}

#[component]
fn ExportBody() -> impl IntoView {
    let state = use_app_state();
    let modal = use_modal();
    let include_secrets = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let count = move || state.applications().with(Vec::len);
    let left_out = move || state.unreadable_application_keys();
    let download = move |_| {
        let export = state.export(include_secrets.get_untracked());
        match download_text_file(&export.file_name, &export.contents) {
            Ok(()) => {
                if include_secrets.get_untracked() {
                    leptos::task::spawn_local(state.record_export_with_secrets(export.count));
                }
                state.announce(format!(
                    "Exported {} applications to {}.",
                    export.count, export.file_name
                ));
                modal.close();
            }
            Err(error) => failure.set(Some(error.to_string())),
        }
    };
    view! {
        <div class="modal__body">
            <p>{move || match count() {
                1 => "Exports 1 application, as a JSON file that Import reads back.".to_owned(),
                count => format!("Exports {count} applications, as a JSON file that Import reads back."),
            }}</p>
            <label class="checkbox">
                <input type="checkbox" prop:checked=include_secrets on:change=move |event| include_secrets.set(event_target_checked(&event)) />
                "Include client secrets"
            </label>
            {move || if include_secrets.get() {
                view! {
                    <p class="notice notice--warning">
                        <strong>"This file will hold live credentials."</strong>
                        " Anyone who has it can authenticate as these applications. Keep it encrypted, share it with no one, and delete it once it is imported."
                    </p>
                }.into_any()
            } else {
                view! {
                    <p class="notice">"No secret value will be in the file. Importing it keeps the secrets already stored and generates new ones for applications that are not."</p>
                }.into_any()
            }}
            <Show when=move || !left_out().is_empty()>
                <div class="notice notice--warning">
                    <p>{move || match left_out().len() {
                        1 => "1 stored application could not be read and is left out. Its data stays untouched; the alert on the page offers it as a download.".to_owned(),
                        count => format!("{count} stored applications could not be read and are left out. Their data stays untouched; the alert on the page offers it as a download."),
                    }}</p>
                    <ul class="export__left-out">
                        {move || left_out().into_iter().map(|key| view! { <li><code>{key}</code></li> }).collect_view()}
                    </ul>
                </div>
            </Show>
            {move || failure.get().map(|message| view! { <p class="notice notice--error" role="alert">{message}</p> })}
        </div>
        <div class="modal__actions">
            <button type="button" class="button button--primary" on:click=download>"Download"</button>
            <button type="button" class="button" on:click=move |_| modal.close()>"Cancel"</button>
        </div>
    }
}
