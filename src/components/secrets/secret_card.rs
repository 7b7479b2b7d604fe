//! The card a secret is shown in, current or previous: one shape, so the two read and behave
//! alike (a region named by its heading, a line about the secret, the masked value, actions).

use leptos::prelude::*;

use crate::components::shared::secret_field::SecretField;
use crate::domain::SecretAccess;

#[component]
pub fn SecretCard(
    /// The heading, which is also the region's accessible name.
    title: &'static str,
    heading_id: &'static str,
    /// A secret on its way out, drawn as a warning.
    #[prop(optional)]
    warning: bool,
    secret: Signal<String>,
    /// What the secret is, for its buttons' accessible names ("client secret").
    what: &'static str,
    /// Runs after each reveal and each copy of the secret (for the activity log).
    on_access: Callback<SecretAccess>,
    /// The line under the heading: when the secret was made or until when it is accepted.
    #[prop(into)]
    about: ViewFnOnce,
    /// The card's actions.
    children: Children,
) -> impl IntoView {
    view! {
        <section class="card" class:card--warning=warning aria-labelledby=heading_id>
            <h3 id=heading_id class="card__title">{title}</h3>
            <p class="card__text">{about.run()}</p>
            <SecretField value=secret what on_access />
            <div class="card__actions">{children()}</div>
        </section>
    }
}
