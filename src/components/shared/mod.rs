//! Pieces every feature uses: the modal and the one confirmation dialog, a labelled field with its
//! inline error, the application name field, the whole-number field, secret fields and their
//! Show/Hide button, time text, the status region, storage alerts, the not-found view, the
//! navigation links, and where the site is served (`site_base`).

pub(crate) mod confirm_dialog;
pub(crate) mod field;
pub(crate) mod modal;
pub(crate) mod name_field;
pub(crate) mod nav_link;
pub(crate) mod not_found;
pub(crate) mod outside_change;
pub(crate) mod reveal_button;
pub(crate) mod secret_field;
pub mod site_base;
pub(crate) mod status_region;
pub(crate) mod storage_alerts;
pub(crate) mod time_text;
pub(crate) mod whole_number_input;
