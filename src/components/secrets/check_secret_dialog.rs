//! Check a Secret: paste the secret a deployment is configured with and learn whether it is
//! the current one, the previous one (until when), or not valid. Read-only: nothing is written
//! or announced outside the dialog, and the typed value lives only in this dialog's password
//! field and signal, both gone when it closes.

use leptos::prelude::*;

use crate::domain::{Application, ClientId, SecretCandidate, SecretCheck};
use crate::state::use_app_state;

use crate::components::shared::field::{Field, invalid};
use crate::components::shared::modal::{Modal, use_modal};
use crate::components::shared::outside_change::OutsideChange;
use crate::components::shared::time_text::{local_date_time, machine_time};

/// The answer to one check, with whether white space was trimmed first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Answer {
    check: SecretCheck,
    trimmed: bool,
}

#[component]
pub fn CheckSecretDialog(client_id: ClientId, on_closed: Callback<()>) -> impl IntoView {
    view! {
        <Modal title="Check a Secret" on_closed>
            <CheckSecretForm client_id />
        </Modal>
    }
}

#[component]
fn CheckSecretForm(client_id: ClientId) -> impl IntoView {
    let state = use_app_state();
    let modal = use_modal();
    let typed = RwSignal::new(String::new());
    let answer = RwSignal::new(None::<Answer>);
    let blank = RwSignal::new(false);
    // An answer is about the application as it was when checked: another tab's change to its
    // secrets (a rotation, a revocation, a removal) makes it stale, so it is withdrawn, and the
    // dialog says why. A rename or another setting leaves the answer true, so it stays.
    let application = Memo::new(move |_| state.application(&client_id));
    let withdrawn = RwSignal::new(None::<OutsideChange>);
    Effect::new(move |earlier: Option<Option<Application>>| {
        let current = application.get();
        if let Some(earlier) = earlier
            && answer.with_untracked(Option::is_some)
        {
            let now = state.current_time();
            let change = OutsideChange::between(earlier.as_ref(), current.as_ref(), now);
            if change.affects_secrets() {
                answer.set(None);
                withdrawn.set(Some(change));
            }
        }
        current
    });

    let blank_error = Signal::derive(move || {
        blank
            .get()
            .then(|| "Enter or paste the secret to check.".into())
    });

    let check = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let parsed = typed.with_untracked(|text| SecretCandidate::parse(text));
        withdrawn.set(None);
        match parsed {
            Err(_) => {
                blank.set(true);
                answer.set(None);
            }
            Ok(candidate) => {
                blank.set(false);
                let now = state.current_time();
                let check = application.with_untracked(|app| {
                    app.as_ref().map_or(SecretCheck::NotValid, |app| {
                        app.check_secret(&candidate.value, now)
                    })
                });
                answer.set(Some(Answer {
                    check,
                    trimmed: candidate.trimmed,
                }));
            }
        }
    };

    view! {
            <form class="modal__body" on:submit=check>
                <p>
                    "Paste the client secret a deployment is configured with. It is compared here, in this browser, and is not stored."
                </p>
                <Field label="Secret" error_id="check-secret-error" error=blank_error>
                    <input
                        type="password"
                        autocomplete="off"
                        spellcheck="false"
                        aria-invalid=invalid(blank_error)
                        aria-describedby="check-secret-error"
                        prop:value=typed
                        on:input=move |event| {
                            typed.set(event_target_value(&event));
                            answer.set(None);
                            withdrawn.set(None);
                            blank.set(false);
                        }
                    />
                </Field>
                <div class="check-answer" role="status">
                    {move || answer.get().map(|answer| view! { <AnswerText answer /> })}
                    {move || withdrawn.get().map(|change| view! {
                        <p class="notice notice--warning">{withdrawn_text(change)}</p>
                    })}
                </div>
                <div class="modal__actions">
                    <button type="submit" class="button button--primary">"Check"</button>
                    <button type="button" class="button" on:click=move |_| modal.close()>"Close"</button>
                </div>
            </form>
    }
}

#[component]
fn AnswerText(answer: Answer) -> impl IntoView {
    let verdict = match answer.check {
        SecretCheck::Current => view! {
            <p class="notice">"This is the current client secret."</p>
        }
        .into_any(),
        SecretCheck::Previous { expires_at } => view! {
            <p class="notice notice--warning">
                "This is the previous client secret." " It stays valid until "
                <time datetime=machine_time(expires_at)>{local_date_time(expires_at)}</time>
                ": update the deployment to the current secret before then."
            </p>
        }
        .into_any(),
        SecretCheck::NotValid => view! {
            <p class="notice notice--error">"This secret is not valid for this application."</p>
        }
        .into_any(),
    };
    view! {
        {verdict}
        {answer.trimmed.then(|| view! {
            <p class="check-answer__note">"White space around the pasted text was removed before checking."</p>
        })}
    }
}

fn withdrawn_text(change: OutsideChange) -> String {
    match change {
        OutsideChange::Removed => format!("The answer was withdrawn. {}", change.while_open()),
        _ => format!(
            "The answer was withdrawn. {} Check again to compare with the secrets as they are now.",
            change.while_open()
        ),
    }
}
