//! The Client Secret and Previous Client Secret sections, the dialogs that generate, revoke and
//! check, and the Token Request that tries a secret.

pub(crate) mod check_secret_dialog;
pub(crate) mod client_secret_section;
pub(crate) mod generate_secret_dialog;
pub(crate) mod previous_secret_section;
pub(crate) mod retention_picker;
pub(crate) mod revoke_previous_dialog;
pub(crate) mod secret_card;
pub(crate) mod token_command;
pub(crate) mod token_request_section;
