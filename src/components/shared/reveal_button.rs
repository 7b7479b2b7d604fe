//! The Show/Hide button of a secret, or of a command that carries one. What it reveals hides
//! itself again after 30 seconds, so a secret is not left on screen for whoever passes by next.
//! Each reveal is told (`on_reveal`) once it is shown, for the activity log.

use leptos::prelude::*;

const REVEAL_FOR: std::time::Duration = std::time::Duration::from_secs(30);

#[component]
pub fn RevealButton(
    /// Whether the value is shown; the button toggles it and clears it after 30 seconds.
    revealed: RwSignal<bool>,
    /// What is revealed, for the button's name: "client secret", "command".
    what: &'static str,
    /// Runs after each click that reveals, once the value is shown.
    on_reveal: Callback<()>,
) -> impl IntoView {
    Effect::new(move || {
        if revealed.get()
            && let Ok(timer) = set_timeout_with_handle(
                move || {
                    let _ = revealed.try_set(false);
                },
                REVEAL_FOR,
            )
        {
            on_cleanup(move || timer.clear());
        }
    });
    view! {
        <button
            type="button"
            class="button button--small"
            aria-label=move || format!("{} {what}", if revealed.get() { "Hide" } else { "Show" })
            on:click=move |_| {
                let reveal = !revealed.get_untracked();
                revealed.set(reveal);
                if reveal {
                    on_reveal.run(());
                }
            }
        >
            {move || if revealed.get() { "Hide" } else { "Show" }}
        </button>
    }
}
