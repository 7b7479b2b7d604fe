//! The navigation link to Secret Rotation, saying in text how many rotations are due
//! ("Secret Rotation, 3 due"), with the count set apart as a badge.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::state::use_app_state;

#[component]
pub fn SecretRotationLink() -> impl IntoView {
    let overview = use_app_state().rotation_overview();
    let due = Memo::new(move |_| overview.with(|overview| overview.due_count()));
    view! {
        <A href="/rotation" attr:class="sidebar__link">
            "Secret Rotation"
            {move || {
                let count = due.get();
                (count > 0).then(|| view! {
                    // Read as "Secret Rotation, 3 due"; seen as the name and a badge.
                    <span class="visually-hidden">", "</span>
                    <span class="sidebar__count">{format!("{count} due")}</span>
                })
            }}
        </A>
    }
}
