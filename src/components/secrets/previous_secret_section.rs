//! The Previous Client Secret section, shown only while a retained secret is still valid, with
//! its last use when PingOne reports one. Each reveal and copy of the secret is recorded in the
//! activity log.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::{ClientId, SecretMaterial};
use crate::state::use_app_state;

use crate::components::secrets::secret_card::SecretCard;
use crate::components::shared::time_text::{local_date_time, machine_time, time_remaining};

#[component]
pub fn PreviousSecretSection(
    client_id: ClientId,
    #[prop(into)] secret: Signal<String>,
    #[prop(into)] expires_at: Signal<DateTime<Utc>>,
    /// Connected to PingOne: when a client last used the previous secret, as PingOne reports
    /// it (`Some(None)`: no use reported). `None` in this browser, which sees no token requests.
    #[prop(into)]
    last_use: Signal<Option<Option<DateTime<Utc>>>>,
    on_revoke: Callback<()>,
) -> impl IntoView {
    let state = use_app_state();
    let now = state.now();
    let on_access = state.secret_access_recorder(client_id, SecretMaterial::PreviousClientSecret);
    let about = move || {
        view! {
            "Still accepted so applications can move to the new secret. Expires "
            <time datetime=move || machine_time(expires_at.get())>{move || local_date_time(expires_at.get())}</time>
            " (" {move || time_remaining(now.get(), expires_at.get())} ")."
            {move || last_use.get().map(|used| match used {
                Some(used) => view! {
                    " Last used "
                    <time datetime=machine_time(used)>{local_date_time(used)}</time>
                    "."
                }
                .into_any(),
                None => view! { " No use reported." }.into_any(),
            })}
        }
    };
    view! {
        <SecretCard
            title="Previous Client Secret"
            heading_id="previous-secret-heading"
            warning=true
            secret
            what="previous client secret"
            on_access
            about
        >
            <button type="button" class="button button--danger" on:click=move |_| on_revoke.run(())>
                "Revoke Previous Client Secret"
            </button>
        </SecretCard>
    }
}
