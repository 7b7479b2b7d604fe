//! The PingOne Platform API client: how the console reads and changes a PingOne environment's
//! applications and their secrets, straight from the page.
//!
//! It is kept apart from `domain` because its shape is PingOne's, not the console's: `model`
//! turns PingOne's JSON into the domain's types and back (an update replaces the application
//! whole, so what the console does not show is carried through), and maps PingOne's refusals to
//! one error type the views render.

pub mod model;
