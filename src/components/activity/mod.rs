//! Activity: what was done to applications, per application (a tab of the details panel) and for
//! the whole console (a page of its own), newest first and never with secret material.

pub(crate) mod activity_page;
pub(crate) mod activity_tab;
pub(crate) mod event_list;
pub(crate) mod event_text;
pub(crate) mod older_events_note;
