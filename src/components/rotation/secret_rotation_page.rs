//! Secret Rotation: every rotation still in progress, every secret the policy says is due, and
//! the policy itself, on one page. Connected to PingOne, the page first reads every secret
//! (a few requests at a time, with a progress bar), then shows the tables, and lists apart the
//! secrets whose age nobody knows.

use leptos::prelude::*;

use crate::components::rotation::age_unknown_table::AgeUnknownTable;
use crate::components::rotation::rotation_due_table::RotationDueTable;
use crate::components::rotation::rotation_policy_form::RotationPolicyForm;
use crate::components::rotation::rotations_in_progress_table::RotationsInProgressTable;
use crate::state::{ConnectionStatus, Remote, SecretsReading, use_app_state};

#[component]
pub fn SecretRotationPage() -> impl IntoView {
    let tables = match use_app_state().remote() {
        None => rotation_tables(),
        Some(remote) => view! { <ConnectedTables remote /> }.into_any(),
    };
    view! {
        <div class="rotation">
            <div class="page-header rotation__header">
                <h1>"Secret Rotation"</h1>
                <p class="rotation__intro">
                    "Rotate, verify that every deployment uses the new secret, then revoke the previous one."
                </p>
            </div>
            <div class="rotation__tables">{tables}</div>
            <RotationPolicyForm />
        </div>
    }
}

/// Connected: reads every secret once the environment's applications are there, shows how far
/// it has gone, then the tables, any secret that could not be read, and those of unknown age.
#[component]
fn ConnectedTables(remote: Remote) -> impl IntoView {
    let state = use_app_state();
    Effect::new(move || {
        if remote
            .status
            .with(|status| *status == ConnectionStatus::Ready)
        {
            state.read_all_remote_secrets();
        }
    });
    let reading = remote.secrets_reading;
    // The tables wait for every secret, unless the connection itself stopped.
    let done = Memo::new(move |_| {
        let stopped = remote.status.with(|status| {
            matches!(
                status,
                ConnectionStatus::SessionEnded(_) | ConnectionStatus::Failed(_)
            )
        });
        stopped || reading.with(|reading| reading.is_some_and(|reading| reading.finished()))
    });
    let failed = move || reading.with(|reading| reading.map_or(0, |reading| reading.failed));
    view! {
        <Show
            when=move || done.get()
            fallback=move || view! { <ReadingProgress reading=Signal::derive(move || reading.get()) /> }
        >
            {move || (failed() > 0).then(|| view! {
                <div class="notice notice--error reading-secrets__failed" role="alert">
                    <p>{not_read_text(failed())}</p>
                    <button type="button" class="button" on:click=move |_| state.read_all_remote_secrets()>
                        "Read Again"
                    </button>
                </div>
            })}
            {rotation_tables()}
            <AgeUnknownTable />
        </Show>
    }
}

fn rotation_tables() -> AnyView {
    view! {
        <RotationsInProgressTable />
        <RotationDueTable />
    }
    .into_any()
}

/// "Reading client secrets: 3 of 12", as a progress bar.
#[component]
fn ReadingProgress(reading: Signal<Option<SecretsReading>>) -> impl IntoView {
    let done = move || reading.get().map_or(0, |reading| reading.done);
    let total = move || reading.get().map(|reading| reading.total);
    let text = move || match total() {
        Some(total) => format!("Reading client secrets: {} of {total}", done()),
        None => "Reading client secrets…".to_owned(),
    };
    view! {
        <div
            class="reading-secrets"
            role="progressbar"
            aria-label="Reading client secrets"
            aria-valuemin="0"
            aria-valuemax=move || total().map(|total| total.to_string())
            aria-valuenow=move || total().map(|_| done().to_string())
            aria-valuetext=move || total().map(|total| format!("{} of {total}", done()))
        >
            <p class="reading-secrets__text">{text}</p>
            <progress
                class="reading-secrets__bar"
                max=move || total().unwrap_or(1).max(1).to_string()
                value=move || total().map(|_| done().to_string())
                aria-hidden="true"
            ></progress>
        </div>
    }
}

fn not_read_text(failed: usize) -> String {
    match failed {
        1 => {
            "1 client secret could not be read, so its application is left out of the tables below."
                .to_owned()
        }
        failed => format!(
            "{failed} client secrets could not be read, so their applications are left out of the tables below."
        ),
    }
}
