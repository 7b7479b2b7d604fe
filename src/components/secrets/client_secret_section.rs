//! The Client Secret section: the current secret, Generate New Secret and Check a Secret. Each
//! reveal and copy of the secret is recorded in the activity log.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::components::secrets::secret_card::SecretCard;
use crate::components::shared::time_text::{local_date_time, machine_time};
use crate::domain::{ClientId, SecretMaterial};
use crate::state::use_app_state;

#[component]
pub fn ClientSecretSection(
    client_id: ClientId,
    #[prop(into)] secret: Signal<String>,
    /// When the secret was made; `None` when nobody knows (PingOne does not say).
    #[prop(into)]
    created_at: Signal<Option<DateTime<Utc>>>,
    on_generate: Callback<()>,
    on_check: Callback<()>,
) -> impl IntoView {
    let on_access = use_app_state().secret_access_recorder(client_id, SecretMaterial::ClientSecret);
    let about = move || {
        let created = move || {
            created_at.get().map_or_else(
                || "Age unknown".into_any(),
                |created| {
                    view! { "Created " <time datetime=machine_time(created)>{local_date_time(created)}</time> }
                        .into_any()
                },
            )
        };
        view! { {created} ". Secrets should be changed regularly." }
    };
    view! {
        <SecretCard title="Client Secret" heading_id="client-secret-heading" secret what="client secret" on_access about>
            <button type="button" class="button button--primary" on:click=move |_| on_generate.run(())>
                "Generate New Secret"
            </button>
            <button type="button" class="button" on:click=move |_| on_check.run(())>
                "Check a Secret"
            </button>
        </SecretCard>
    }
}
