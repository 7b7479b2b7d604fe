//! Secret Rotation: every rotation still in progress, every secret the policy says is due, and
//! the policy itself, on one page.

use leptos::prelude::*;

use crate::components::rotation::rotation_due_table::RotationDueTable;
use crate::components::rotation::rotation_policy_form::RotationPolicyForm;
use crate::components::rotation::rotations_in_progress_table::RotationsInProgressTable;

#[component]
pub fn SecretRotationPage() -> impl IntoView {
    view! {
        <div class="rotation">
            <div class="page-header rotation__header">
                <h1>"Secret Rotation"</h1>
                <p class="rotation__intro">
                    "Rotate, verify that every deployment uses the new secret, then revoke the previous one."
                </p>
            </div>
            <div class="rotation__tables">
                <RotationsInProgressTable />
                <RotationDueTable />
            </div>
            <RotationPolicyForm />
        </div>
    }
}
