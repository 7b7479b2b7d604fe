//! The Application Name field of Add Application and Rename Application: the same domain
//! validation, shown inline once the user has tried to save.

use leptos::prelude::*;

use crate::domain::{ApplicationName, NameError};

/// The name's validation error to show: none until `attempted`, then whatever the domain says.
pub fn name_error(name: RwSignal<String>, attempted: RwSignal<bool>) -> Option<NameError> {
    attempted
        .get()
        .then(|| ApplicationName::parse(&name.get()).err())
        .flatten()
}

#[component]
pub fn NameField(name: RwSignal<String>, attempted: RwSignal<bool>) -> impl IntoView {
    let error = move || name_error(name, attempted);
    view! {
        <label class="field">
            <span class="field__label">"Application Name"</span>
            <input
                type="text"
                autocomplete="off"
                aria-invalid=move || error().is_some().to_string()
                aria-describedby="name-error"
                prop:value=move || name.get()
                on:input=move |event| name.set(event_target_value(&event))
            />
        </label>
        <p id="name-error" class="field__error">{move || error().map(|error| error.to_string())}</p>
    }
}
