//! The Client Secret and Previous Client Secret sections and the dialogs that generate and revoke.

pub(crate) mod client_secret_section;
pub(crate) mod generate_secret_dialog;
pub(crate) mod previous_secret_section;
pub(crate) mod retention_picker;
pub(crate) mod revoke_previous_dialog;
