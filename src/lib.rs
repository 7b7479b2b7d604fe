//! Client Secret Console: an admin console for the client secrets of OIDC applications.
//!
//! See ARCHITECTURE.md for the map of modules; `domain` is the place to start.

pub mod browser;
pub mod components;
pub mod demo;
pub mod domain;
pub mod pingone;
pub mod random;
pub mod state;
pub mod storage;
