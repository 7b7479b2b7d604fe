//! The Show/Hide button of a secret, or of a command that carries one. What it reveals hides
//! itself again after 30 seconds, so a secret is not left on screen for whoever passes by next.

use leptos::prelude::*;

const REVEAL_FOR: std::time::Duration = std::time::Duration::from_secs(30);

#[component]
pub fn RevealButton(
    /// Whether the value is shown; the button toggles it and clears it after 30 seconds.
    revealed: RwSignal<bool>,
    /// What is revealed, for the button's name: "client secret", "command".
    what: &'static str,
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
            on:click=move |_| revealed.update(|revealed| *revealed = !*revealed)
        >
            {move || if revealed.get() { "Hide" } else { "Show" }}
        </button>
    }
}
