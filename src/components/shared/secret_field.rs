//! A secret shown masked, with Show/Hide and Copy. A revealed secret hides itself again after
//! 30 seconds (`RevealButton`), when its value changes, and when the panel closes (the
//! component goes away). Each reveal and each copy is told (`on_access`) for the activity log.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clipboard::copy_text;
use crate::components::shared::reveal_button::RevealButton;
use crate::domain::SecretAccess;
use crate::state::use_app_state;

#[component]
pub fn SecretField(
    /// The secret's text.
    #[prop(into)]
    value: Signal<String>,
    /// What the secret is, for button names: "client secret", "previous client secret".
    what: &'static str,
    /// Runs after each reveal and each copy that reached the clipboard.
    on_access: Callback<SecretAccess>,
) -> impl IntoView {
    let state = use_app_state();
    let revealed = RwSignal::new(false);
    let copy_failure = RwSignal::new(None::<String>);

    // A new value starts hidden.
    Effect::new(move |previous: Option<String>| {
        let current = value.get();
        if previous.is_some_and(|previous| previous != current) {
            revealed.set(false);
        }
        current
    });

    let copy = move |_| {
        let text = value.get_untracked();
        spawn_local(async move {
            match copy_text(&text).await {
                Ok(()) => {
                    copy_failure.try_set(None);
                    state.announce(format!("The {what} was copied to the clipboard."));
                    on_access.run(SecretAccess::Copied);
                }
                Err(error) => {
                    copy_failure.try_set(Some(error.to_string()));
                }
            }
        });
    };

    view! {
        <div class="secret">
            <div class="secret__value">
                {move || {
                    if revealed.get() {
                        view! { <code translate="no">{value.get()}</code> }.into_any()
                    } else {
                        view! {
                            <span class="secret__mask" aria-hidden="true">"••••••••••••••••"</span>
                            <span class="visually-hidden">{format!("{what} hidden")}</span>
                        }
                            .into_any()
                    }
                }}
            </div>
            <div class="secret__actions">
                <RevealButton revealed what on_reveal=Callback::new(move |()| on_access.run(SecretAccess::Revealed)) />
                <button type="button" class="button button--small" aria-label=format!("Copy {what}") on:click=copy>
                    "Copy"
                </button>
            </div>
            {move || copy_failure.get().map(|message| view! { <p class="field__error" role="alert">{message}</p> })}
        </div>
    }
}
