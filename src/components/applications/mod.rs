//! Applications > Applications: the page, its list and adding an application.

pub(crate) mod add_application_dialog;
pub(crate) mod application_list;
pub(crate) mod applications_page;
