//! The navigation link to Secret Rotation, saying in text how many rotations are due
//! ("Secret Rotation, 3 due"), with the count set apart as a badge.

use leptos::prelude::*;

use crate::components::shared::nav_link::NavLink;
use crate::state::use_app_state;

#[component]
pub fn SecretRotationLink() -> impl IntoView {
    let overview = use_app_state().rotation_overview();
    let due = Memo::new(move |_| overview.with(|overview| overview.due_count()));
    // The name says the count as a phrase ("Secret Rotation, 3 due"); seen, it is a badge.
    let name = Signal::derive(move || match due.get() {
        0 => None,
        count => Some(format!("Secret Rotation, {count} due")),
    });
    view! {
        <NavLink path="/rotation" label=name>
            "Secret Rotation"
            {move || {
                let count = due.get();
                // The space keeps the visible text "Secret Rotation 3 due", inside the name.
                (count > 0).then(|| view! { " " <span class="sidebar__count">{format!("{count} due")}</span> })
            }}
        </NavLink>
    }
}
