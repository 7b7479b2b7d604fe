//! The pure model of the console: applications, their client secrets, retention and expiry,
//! and the activity events that say what happened to them.
//!
//! Nothing here touches the browser, so every rule is tested on the host with `cargo test`.
//! The UI and storage ask these types what is true ("is the previous secret still valid at
//! this instant?") instead of re-implementing the rules.

mod activity;
mod application;
mod clock;
mod list_query;
mod retention;
mod secret;

pub use activity::{ActivityEvent, ActivityKind, merge_activity, pending_expiries};
pub use application::{
    Application, ApplicationName, ApplicationType, AuthMethodChange, ClientId, EditError,
    NameError, NoSecretReason, RotationOutcome, SecretError, SecretsAfterMethodChange,
    TokenEndpointAuthMethod,
};
pub use clock::{Clock, FixedClock, SystemClock};
pub use list_query::{
    EntryStatus, ListQuery, RotationAlert, RotationRule, SortOrder, StatusFilter,
    TimeDependentTally, sorted_positions,
};
pub use retention::{
    CustomRetention, DurationUnit, MAX_RETENTION_DAYS, MAX_RETENTION_HOURS, Retention,
    RetentionChoice, RetentionError,
};
pub use secret::{ClientSecret, PreviousSecret, SecretValue};
