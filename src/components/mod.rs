//! What the user sees: one component per file, named after it. Components read the state
//! service's signals and send it commands; none of them touches storage.

mod add_application_dialog;
mod app;
mod application_list;
mod applications_page;
mod client_secret_section;
mod configuration_tab;
mod confirm_dialog;
mod details_panel;
mod generate_secret_dialog;
mod modal;
mod not_found;
mod outside_change;
mod overview_tab;
mod previous_secret_section;
mod retention_picker;
mod revoke_previous_dialog;
mod secret_field;
mod status_region;
mod storage_alerts;
pub mod time_text;

pub use app::App;
