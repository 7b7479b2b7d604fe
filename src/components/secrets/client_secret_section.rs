//! The Client Secret section: the current secret, Generate New Secret and Check a Secret.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::components::shared::secret_field::SecretField;
use crate::components::shared::time_text::{local_date_time, machine_time};

#[component]
pub fn ClientSecretSection(
    #[prop(into)] secret: Signal<String>,
    #[prop(into)] created_at: Signal<DateTime<Utc>>,
    on_generate: Callback<()>,
    on_check: Callback<()>,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="client-secret-heading">
            <h3 id="client-secret-heading" class="card__title">"Client Secret"</h3>
            <p class="card__text">
                "Created "
                <time datetime=move || machine_time(created_at.get())>{move || local_date_time(created_at.get())}</time>
                ". Secrets should be changed regularly."
            </p>
            <SecretField value=secret what="client secret" />
            <div class="card__actions">
                <button type="button" class="button button--primary" on:click=move |_| on_generate.run(())>
                    "Generate New Secret"
                </button>
                <button type="button" class="button" on:click=move |_| on_check.run(())>
                    "Check a Secret"
                </button>
            </div>
        </section>
    }
}
