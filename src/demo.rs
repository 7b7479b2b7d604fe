//! The applications a first visit starts with: every type, some mid-retention, and under the
//! default 90-day rotation policy one secret due and one overdue, so the whole console can be
//! tried at once. They are ordinary data, stored and changed like any other.

use chrono::{DateTime, Duration, Utc};

use crate::domain::{Application, ApplicationName, ApplicationType, Retention};
use crate::random::{self, RandomError};

/// Hours since the last rotation, and hours the old secret was retained for.
type Rotation = Option<(i64, i64)>;

const DEMO: [(&str, ApplicationType, Rotation); 11] = [
    (
        "Customer Portal",
        ApplicationType::OidcWebApp,
        Some((48, 7 * 24)),
    ),
    ("Partner Dashboard", ApplicationType::OidcWebApp, None),
    ("Mobile Banking", ApplicationType::Native, None),
    ("Field Service App", ApplicationType::Native, Some((4, 24))),
    ("Support Chat Widget", ApplicationType::SinglePage, None),
    ("Analytics Explorer", ApplicationType::SinglePage, None),
    ("Billing Sync Worker", ApplicationType::Worker, None),
    (
        "Nightly Report Job",
        ApplicationType::Worker,
        Some((18 * 24, 30 * 24)),
    ),
    ("Employee HR Portal", ApplicationType::Saml, None),
    ("Legacy Intranet", ApplicationType::WsFederation, None),
    ("Expense Tracker", ApplicationType::Saml, None),
];

pub fn demo_applications(now: DateTime<Utc>) -> Result<Vec<Application>, RandomError> {
    DEMO.iter()
        .enumerate()
        .map(|(position, &(name, kind, rotation))| {
            // 100, 93, 86, … days old: Partner Dashboard overdue, Mobile Banking due.
            let created_at = now - Duration::days(100 - position as i64 * 7);
            let Ok(name) = ApplicationName::parse(name) else {
                unreachable!("demo names are fixed and non-empty")
            };
            let mut application = Application::create(
                random::generate_client_id()?,
                name,
                kind,
                created_at,
                random::generate_secret,
            )?;
            if let Some((hours_ago, retained_hours)) = rotation {
                let rotated_at = now - Duration::hours(hours_ago);
                // Rotation of a fresh OIDC app with a new random secret cannot be refused.
                let _ = application.rotate_secret(
                    random::generate_secret()?,
                    Retention::RetainFor(Duration::hours(retained_hours)),
                    rotated_at,
                );
            }
            Ok(application)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{RotationPolicy, RotationStatus};

    #[test]
    fn demo_data_covers_every_type_and_has_previous_secrets_mid_retention() {
        let now = Utc::now();
        let applications = demo_applications(now).unwrap();
        for kind in ApplicationType::ALL {
            assert!(applications.iter().any(|app| app.kind == kind), "{kind:?}");
        }
        let with_previous = applications
            .iter()
            .filter(|app| app.previous_secret(now).is_some())
            .count();
        assert_eq!(with_previous, 3);
    }

    #[test]
    fn under_the_default_policy_one_demo_secret_is_due_and_one_overdue() {
        let now = Utc::now();
        let applications = demo_applications(now).unwrap();
        let status = |name: &str| {
            applications
                .iter()
                .find(|app| app.name.as_str() == name)
                .and_then(|app| app.rotation_status(RotationPolicy::default(), now))
        };
        assert!(matches!(
            status("Partner Dashboard"),
            Some(RotationStatus::Overdue { .. })
        ));
        assert!(matches!(
            status("Mobile Banking"),
            Some(RotationStatus::Due { .. })
        ));
        let needing_rotation = applications
            .iter()
            .filter_map(|app| app.rotation_status(RotationPolicy::default(), now))
            .filter(|status| status.needs_rotation())
            .count();
        assert_eq!(needing_rotation, 2);
    }
}
