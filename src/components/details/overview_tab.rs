//! The Overview tab: what the application is.

use leptos::prelude::*;

use crate::domain::Application;

use crate::components::shared::time_text::{local_date_time, machine_time};

#[component]
pub fn OverviewTab(application: Memo<Application>) -> impl IntoView {
    let created_at = move || application.with(|app| app.created_at);
    view! {
        <dl class="facts">
            <div>
                <dt>"Name"</dt>
                <dd><bdi>{move || application.with(|app| app.name().as_str().to_owned())}</bdi></dd>
            </div>
            <div>
                <dt>"Type"</dt>
                <dd>
                    {move || application.with(|app| app.kind.label())}
                    {move || application.with(|app| if app.kind.is_oidc() { " (OIDC)" } else { "" })}
                </dd>
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
    }
}
