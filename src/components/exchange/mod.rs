//! Export and import: the Applications page's dialogs for a backup file of every application.

pub(crate) mod export_dialog;
pub(crate) mod import_dialog;
pub(crate) mod import_preview_table;
