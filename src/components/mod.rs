//! What the user sees, grouped by feature; one component per file, named after it. Components
//! read the state service's signals and send it commands; none of them touches storage.

pub(crate) mod activity;
mod app;
pub(crate) mod applications;
pub(crate) mod connection;
pub(crate) mod details;
pub(crate) mod exchange;
pub(crate) mod rotation;
pub(crate) mod secrets;
pub(crate) mod shared;

pub use app::App;
pub use connection::RedirectUri;
pub use shared::site_base::SiteBase;
