//! The Overview tab: what the application is, and the edits of its life: rename, enable or
//! disable, delete. Dialogs live here so they survive the facts re-rendering underneath them.

use leptos::prelude::*;

use crate::domain::Application;

use crate::components::details::delete_application_dialog::DeleteApplicationDialog;
use crate::components::details::enabled_switch::EnabledSwitch;
use crate::components::details::rename_application_dialog::RenameApplicationDialog;
use crate::components::shared::time_text::{local_date_time, machine_time};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OpenDialog {
    Rename,
    Delete,
}

#[component]
pub fn OverviewTab(application: Memo<Application>) -> impl IntoView {
    let created_at = move || application.with(|app| app.created_at);
    let open_dialog = RwSignal::new(None::<OpenDialog>);
    let client_id = move || application.with_untracked(|app| app.client_id.clone());
    let closed = Callback::new(move |()| open_dialog.set(None));
    view! {
        <dl class="facts">
            <div>
                <dt>"Name"</dt>
                <dd><bdi>{move || application.with(|app| app.name().as_str().to_owned())}</bdi></dd>
            </div>
            <div>
                <dt>"Type"</dt>
                <dd>{move || application.with(|app| app.kind.label())}</dd>
            </div>
            <div>
                <dt>"Status"</dt>
                <dd>{move || application.with(|app| if app.enabled() { "Enabled" } else { "Disabled" })}</dd>
            </div>
            <div>
                <dt>"Client ID"</dt>
                <dd><code translate="no">{move || application.with(|app| app.client_id.to_string())}</code></dd>
            </div>
            <div>
                <dt>"Created"</dt>
                <dd><time datetime=move || machine_time(created_at())>{move || local_date_time(created_at())}</time></dd>
            </div>
        </dl>
        <EnabledSwitch application />
        <div class="overview-actions">
            <button type="button" class="button" on:click=move |_| open_dialog.set(Some(OpenDialog::Rename))>
                "Rename Application"
            </button>
            <button type="button" class="button button--danger" on:click=move |_| open_dialog.set(Some(OpenDialog::Delete))>
                "Delete Application"
            </button>
        </div>
        {move || match open_dialog.get() {
            Some(OpenDialog::Rename) => view! { <RenameApplicationDialog client_id=client_id() on_closed=closed /> }.into_any(),
            Some(OpenDialog::Delete) => view! { <DeleteApplicationDialog client_id=client_id() on_closed=closed /> }.into_any(),
            None => ().into_any(),
        }}
    }
}
