//! The Secret Rotation page: rotations in progress, rotations due by the policy, secrets of
//! unknown age (PingOne), and the policy; and one application's own rotation status, shown on
//! its Configuration tab.

pub(crate) mod age_unknown_table;
pub(crate) mod application_rotation_status;
pub(crate) mod paged_table;
pub(crate) mod rotation_due_table;
pub(crate) mod rotation_policy_form;
pub(crate) mod rotations_in_progress_table;
pub(crate) mod secret_rotation_link;
pub(crate) mod secret_rotation_page;
