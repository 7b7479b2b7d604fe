//! Applications > Applications: the page, its list with filters and sort, and adding an
//! application.

pub(crate) mod add_application_dialog;
pub(crate) mod application_list;
pub(crate) mod applications_page;
pub(crate) mod list_address;
pub(crate) mod list_filters;
pub(crate) mod no_matches;
