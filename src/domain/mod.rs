//! The pure model of the console: applications, their client secrets, retention and expiry,
//! the activity events that say what happened to them, and the connection to a PingOne
//! environment (its fields, URLs and sign-on steps).
//!
//! Nothing here touches the browser, so every rule is tested on the host with `cargo test`.
//! The UI and storage ask these types what is true ("is the previous secret still valid at
//! this instant?") instead of re-implementing the rules.

mod activity;
mod application;
mod by_time;
mod clock;
mod connection;
mod encoding;
pub mod exchange;
mod list_query;
mod retention;
mod rotation_overview;
mod rotation_policy;
mod secret;
mod settings;
mod token_endpoint;
mod token_request;

pub use activity::{
    ActivityEvent, ActivityKind, ActivitySubject, SecretAccess, SecretMaterial, activity_of,
    merge_activity, pending_expiries,
};
pub use application::{
    Application, ApplicationName, ApplicationType, AuthMethodChange, ClientId, EditError,
    NameError, NoSecretReason, RotationOutcome, SecretError, SecretsAfterMethodChange,
    TokenEndpointAuthMethod, direction_controls_spelled_out,
};
pub use clock::{Clock, FixedClock, SystemClock};
pub use connection::{
    AuthorizationRequest, Connection, ConnectionField, ConnectionFieldError, ConnectionForm,
    ConnectionProblems, Region, SignOnCallback, authorize_url, parse_sign_on_callback,
    refusal_message, token_request_body,
};
pub use encoding::{base64url, base64url_decode};
pub use list_query::{
    EntryStatus, ListQuery, NameOrder, RotationAlert, RotationRule, SearchText, SortOrder,
    StatusFilter, TimeDependentTally,
};
pub use retention::{
    CustomRetention, DurationUnit, MAX_RETENTION_DAYS, MAX_RETENTION_HOURS, Retention,
    RetentionChoice, RetentionError,
};
pub use rotation_overview::{RotationDue, RotationInProgress, RotationOverview, RotationStanding};
pub use rotation_policy::{
    DEFAULT_ROTATION_DAYS, IntervalError, MAX_ROTATION_DAYS, MIN_ROTATION_DAYS, RotationInterval,
    RotationPolicy, RotationStatus,
};
pub use secret::{
    CandidateError, ClientSecret, PreviousSecret, SecretCandidate, SecretCheck, SecretValue,
};
pub use settings::ConsoleSettings;
pub use token_endpoint::{EndpointError, Scope, ScopeError, TokenEndpoint};
pub use token_request::{
    ASSERTION_LIFETIME, ClientAssertion, ClientCredential, MASK, TokenRequest, basic_authorization,
    shell_quote,
};
