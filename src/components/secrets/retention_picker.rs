//! The Retain Previous Secret choice, with the custom duration (under its own option) and its
//! inline validation.

use leptos::prelude::*;

use crate::components::shared::field::Field;
use crate::components::shared::whole_number_input::WholeNumberInput;
use crate::domain::{DurationUnit, Retention, RetentionChoice, RetentionError};

fn label(choice: RetentionChoice) -> &'static str {
    match choice {
        RetentionChoice::OneDay => "Retain for 1 Day",
        RetentionChoice::SevenDays => "Retain for 7 Days",
        RetentionChoice::ThirtyDays => "Retain for 30 Days",
        RetentionChoice::Custom => "Retain for custom duration",
        RetentionChoice::DoNotRetain => "Do Not Retain Previous Secret",
    }
}

fn hint(choice: RetentionChoice) -> Option<&'static str> {
    match choice {
        RetentionChoice::ThirtyDays => Some(
            "The maximum. Recommended if unsure: the previous secret can still be revoked early.",
        ),
        RetentionChoice::Custom => Some("Up to 30 days (720 hours)."),
        RetentionChoice::DoNotRetain => Some(
            "The previous secret expires immediately. Applications still using it may see sign-on errors until they are updated.",
        ),
        _ => None,
    }
}

/// Renders the choice and reports the validated retention (or why it is invalid).
#[component]
pub fn RetentionPicker(retention: WriteSignal<Result<Retention, RetentionError>>) -> impl IntoView {
    let choice = RwSignal::new(RetentionChoice::ThirtyDays);
    let amount = RwSignal::new(String::new());
    let unit = RwSignal::new(DurationUnit::Days);
    let resolved = Memo::new(move |_| choice.get().resolve(&amount.get(), unit.get()));
    Effect::new(move || retention.set(resolved.get()));

    view! {
        <div class="retention" role="radiogroup" aria-labelledby="retention-label">
            <p id="retention-label" class="retention__label">"Retain Previous Secret"</p>
            {RetentionChoice::ALL
                .into_iter()
                .map(|option| {
                    // The hint describes the radio; its accessible name stays exactly the choice.
                    let hint_id = hint(option).map(|_| format!("retention-hint-{option:?}"));
                    view! {
                        <div class="radio">
                            <input
                                type="radio"
                                name="retention"
                                id=format!("retention-{option:?}")
                                aria-describedby=hint_id.clone()
                                prop:checked=move || choice.get() == option
                                autofocus=option == RetentionChoice::ThirtyDays
                                on:change=move |_| choice.set(option)
                            />
                            <div class="radio__text">
                                <label for=format!("retention-{option:?}")>{label(option)}</label>
                                {hint(option).map(|hint| view! { <span class="radio__hint" id=hint_id>{hint}</span> })}
                                // The custom fields belong to their own option, right under it.
                                {(option == RetentionChoice::Custom).then(|| view! {
                                    <Show when=move || choice.get() == RetentionChoice::Custom>
                                        <CustomDuration amount unit resolved />
                                    </Show>
                                })}
                            </div>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Custom duration and Unit. The amount is kept exactly as typed; why it cannot be used shows
/// once something was typed, so choosing the option does not greet the administrator with an
/// error (Confirm stays disabled while the field is empty all the same).
#[component]
fn CustomDuration(
    amount: RwSignal<String>,
    unit: RwSignal<DurationUnit>,
    resolved: Memo<Result<Retention, RetentionError>>,
) -> impl IntoView {
    let typed = RwSignal::new(!amount.get_untracked().is_empty());
    let error = Signal::derive(move || {
        resolved
            .get()
            .err()
            .filter(|_| typed.get())
            .map(|error| error.to_string())
    });
    let value_now = Signal::derive(move || match resolved.get() {
        Ok(Retention::Custom(custom)) => Some(custom.amount()),
        _ => None,
    });
    let on_text = Callback::new(move |text: String| {
        typed.set(true);
        amount.set(text);
    });

    view! {
        <div class="retention__custom">
            <Field label="Custom duration" error_id="custom-duration-error" error>
                <WholeNumberInput
                    text=amount
                    on_text
                    min=1
                    max=Signal::derive(move || unit.get().limit())
                    value_now
                    error
                    described_by="custom-duration-error".to_owned()
                />
            </Field>
            <label class="field">
                <span class="field__label">"Unit"</span>
                <select on:change=move |event| {
                    unit.set(if event_target_value(&event) == "hours" { DurationUnit::Hours } else { DurationUnit::Days })
                }>
                    <option value="days" selected=move || unit.get() == DurationUnit::Days>"Days"</option>
                    <option value="hours" selected=move || unit.get() == DurationUnit::Hours>"Hours"</option>
                </select>
            </label>
        </div>
    }
}
