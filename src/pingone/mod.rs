//! The PingOne Platform API, as this console uses it: signing an administrator on
//! (`sign_on`, `session`), the applications and their secrets (`api`), and PingOne's JSON
//! (`model`). The state service reaches PingOne only through `api::PingOneApi`.

pub mod api;
pub mod model;
pub mod session;
pub mod sign_on;
