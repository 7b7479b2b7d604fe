//! The details panel of one application and its tabs.

pub(crate) mod configuration_tab;
pub(crate) mod details_panel;
pub(crate) mod overview_tab;
