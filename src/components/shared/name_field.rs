//! The Application Name field of Add Application and Rename Application: the same domain
//! validation, shown inline once the user has tried to save.

use leptos::prelude::*;

use crate::components::shared::field::{Field, invalid};
use crate::domain::{ApplicationName, NameError};

/// The name being typed, and whether Save was pressed (which turns the inline message on).
#[derive(Clone, Copy)]
pub struct NameDraft {
    pub name: RwSignal<String>,
    attempted: RwSignal<bool>,
}

impl NameDraft {
    pub fn new(initial: String) -> Self {
        Self {
            name: RwSignal::new(initial),
            attempted: RwSignal::new(false),
        }
    }

    /// The validation error to show: none until Save was pressed, then whatever the domain says.
    pub fn error(self) -> Option<NameError> {
        self.attempted
            .get()
            .then(|| ApplicationName::parse(&self.name.get()).err())
            .flatten()
    }

    /// The form's submit handler: validation shows from now on, and `save` runs if the name is valid.
    pub fn on_submit(self, save: impl Fn() + 'static) -> impl Fn(leptos::ev::SubmitEvent) {
        move |event| {
            event.prevent_default();
            self.attempted.set(true);
            if ApplicationName::parse(&self.name.get_untracked()).is_ok() {
                save();
            }
        }
    }

    /// A failed save's message, unless the field already says what is wrong with the name.
    pub fn save_failure(self, failure: Option<String>) -> Option<String> {
        failure.filter(|_| self.error().is_none())
    }
}

#[component]
pub fn NameField(draft: NameDraft) -> impl IntoView {
    let name = draft.name;
    let error = Signal::derive(move || draft.error().map(|error| error.to_string()));
    view! {
        <Field label="Application Name" error_id="name-error" error>
            <input
                type="text"
                autocomplete="off"
                aria-invalid=invalid(error)
                aria-describedby="name-error"
                prop:value=move || name.get()
                on:input=move |event| name.set(event_target_value(&event))
            />
        </Field>
    }
}
