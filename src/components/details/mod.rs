//! The details panel of one application and its tabs.

pub(crate) mod auth_method_form;
pub(crate) mod change_auth_method_dialog;
pub(crate) mod configuration_tab;
pub(crate) mod delete_application_dialog;
pub(crate) mod details_panel;
pub(crate) mod enabled_switch;
pub(crate) mod overview_tab;
pub(crate) mod rename_application_dialog;
