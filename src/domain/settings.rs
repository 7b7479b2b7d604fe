//! The console-wide settings: the token endpoint requests are built for, and the rotation
//! policy. Stored like records (`storage::settings`), the same in every tab.

use super::rotation_policy::RotationPolicy;
use super::token_endpoint::TokenEndpoint;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConsoleSettings {
    /// Absent until an administrator enters one.
    pub token_endpoint: Option<TokenEndpoint>,
    /// 90 days on a first visit.
    pub rotation_policy: RotationPolicy,
}
