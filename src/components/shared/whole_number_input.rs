//! A number field that keeps exactly what is typed. A browser's `<input type="number">` sanitises
//! keystrokes it cannot read ("0.5" typed key by key came back as "50" once the value was bound
//! to a signal, "1e3" as "3"), so this is a text input with a numeric keyboard, exposed as a spin
//! button with its range. What is typed is judged by the domain, never corrected here; only the
//! arrow keys, a deliberate step, change the number.

use leptos::prelude::*;

use crate::components::shared::field::invalid;

#[component]
pub fn WholeNumberInput(
    /// What the field shows: exactly what was typed (or stepped with the arrow keys).
    #[prop(into)]
    text: Signal<String>,
    /// Receives the field's text at every change.
    on_text: Callback<String>,
    /// The smallest accepted number.
    min: u32,
    /// The largest accepted number.
    #[prop(into)]
    max: Signal<u32>,
    /// The number when the text is a valid one, for assistive technology.
    #[prop(into)]
    value_now: Signal<Option<u32>>,
    /// What is wrong with the text, if shown.
    error: Signal<Option<String>>,
    /// The ids of the hint and error paragraphs.
    described_by: String,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let step = move |event: leptos::ev::KeyboardEvent| {
        let by = match event.key().as_str() {
            "ArrowUp" => 1,
            "ArrowDown" => -1,
            _ => return,
        };
        event.prevent_default();
        if let Some(stepped) = stepped(&text.get_untracked(), by, min, max.get_untracked()) {
            on_text.run(stepped);
        }
    };
    view! {
        <input
            type="text"
            role="spinbutton"
            inputmode="numeric"
            autocomplete="off"
            spellcheck="false"
            aria-valuemin=min.to_string()
            aria-valuemax=move || max.get().to_string()
            aria-valuenow=move || value_now.get().map(|value| value.to_string())
            aria-invalid=invalid(error)
            aria-describedby=described_by
            disabled=disabled
            prop:value=text
            on:input=move |event| on_text.run(event_target_value(&event))
            on:keydown=step
        />
    }
}

/// The text after one arrow-key step `by` within `min..=max`: from the typed whole number (one
/// out of range comes back into it), from `min` when empty; `None` when the text is not plain
/// digits, which is the administrator's to correct, not ours to guess at.
fn stepped(text: &str, by: i64, min: u32, max: u32) -> Option<String> {
    if text.is_empty() {
        return Some(min.to_string());
    }
    if !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    // Digits too many for an i64 are beyond every range here: the step lands on `max`.
    let current = text.parse::<i64>().unwrap_or(i64::MAX);
    let next = current
        .saturating_add(by)
        .clamp(i64::from(min), i64::from(max));
    Some(next.to_string())
}

#[cfg(test)]
mod tests {
    use super::stepped;

    #[test]
    fn the_arrow_keys_step_a_whole_number_within_the_range() {
        assert_eq!(stepped("14", 1, 1, 30).as_deref(), Some("15"));
        assert_eq!(stepped("14", -1, 1, 30).as_deref(), Some("13"));
        assert_eq!(stepped("30", 1, 1, 30).as_deref(), Some("30"));
        assert_eq!(stepped("1", -1, 1, 30).as_deref(), Some("1"));
        assert_eq!(stepped("007", 1, 1, 30).as_deref(), Some("8"));
    }

    #[test]
    fn an_empty_or_out_of_range_field_steps_into_the_range() {
        assert_eq!(stepped("", 1, 1, 30).as_deref(), Some("1"));
        assert_eq!(stepped("0", -1, 1, 30).as_deref(), Some("1"));
        assert_eq!(stepped("31", 1, 1, 30).as_deref(), Some("30"));
        assert_eq!(
            stepped("99999999999999999999999", -1, 1, 720).as_deref(),
            Some("720")
        );
    }

    #[test]
    fn text_that_is_not_plain_digits_is_left_to_the_administrator() {
        for text in ["0.5", "1e3", "-1", " 7", "seven"] {
            assert_eq!(stepped(text, 1, 1, 30), None, "{text:?}");
        }
    }
}
