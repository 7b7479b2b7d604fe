//! A labelled form field with its inline error, as every form here shows one: the label, the
//! control (the children), an optional hint, and the paragraph saying what is wrong, announced
//! politely when it changes. The control keeps its own attributes; it names the error paragraph
//! in `aria-describedby` and says `aria-invalid` from the same error (`invalid`).

use leptos::prelude::*;

/// A hint under the control: its element id (for the control's `aria-describedby`) and text.
pub type Hint = (&'static str, &'static str);

#[component]
pub fn Field(
    /// The visible label, the control's accessible name.
    label: &'static str,
    /// The id of the error paragraph.
    error_id: &'static str,
    /// What is wrong with the value, if anything.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// A hint shown under the control.
    #[prop(default = None)]
    hint: Option<Hint>,
    /// The control: an `<input>` or `<select>`.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field__control">
                <span class="field__label">{label}</span>
                {children()}
            </label>
            // Outside the label, so the control's name is the label alone; the hint describes it.
            {hint.map(|(id, text)| view! { <span id=id class="radio__hint">{text}</span> })}
        </div>
        <p id=error_id class="field__error" aria-live="polite">{move || error.get()}</p>
    }
}

/// The control's `aria-invalid` value for `error`.
pub fn invalid(error: Signal<Option<String>>) -> impl Fn() -> &'static str + Copy {
    move || {
        if error.with(Option::is_some) {
            "true"
        } else {
            "false"
        }
    }
}
