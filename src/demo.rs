//! The applications a first visit starts with: every type, some mid-retention, and under the
//! default 90-day rotation policy one secret due and one overdue, so the whole console can be
//! tried at once. They are ordinary data, stored and changed like any other.

use chrono::{DateTime, Duration, Utc};

use crate::domain::{
    ActivityEvent, ActivityKind, Application, ApplicationName, ApplicationType, Retention,
};
use crate::random::{self, RandomError};

/// Hours since the last rotation, and how long the old secret was retained for.
type Rotation = Option<(i64, Retention)>;

const DEMO: [(&str, ApplicationType, Rotation); 11] = [
    (
        "Customer Portal",
        ApplicationType::OidcWebApp,
        Some((48, Retention::SevenDays)),
    ),
    ("Partner Dashboard", ApplicationType::OidcWebApp, None),
    ("Mobile Banking", ApplicationType::Native, None),
    (
        "Field Service App",
        ApplicationType::Native,
        Some((4, Retention::OneDay)),
    ),
    ("Support Chat Widget", ApplicationType::SinglePage, None),
    ("Analytics Explorer", ApplicationType::SinglePage, None),
    ("Billing Sync Worker", ApplicationType::Worker, None),
    (
        "Nightly Report Job",
        ApplicationType::Worker,
        Some((18 * 24, Retention::ThirtyDays)),
    ),
    ("Employee HR Portal", ApplicationType::Saml, None),
    ("Legacy Intranet", ApplicationType::WsFederation, None),
    ("Expense Tracker", ApplicationType::Saml, None),
];

/// The demo applications, each with the activity that made it what it is (created, rotated).
pub fn demo_applications(
    now: DateTime<Utc>,
) -> Result<Vec<(Application, Vec<ActivityEvent>)>, RandomError> {
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
            let mut history = vec![ActivityEvent::of(
                &application,
                created_at,
                ActivityKind::Created { kind },
            )];
            if let Some((hours_ago, retention)) = rotation {
                let rotated_at = now - Duration::hours(hours_ago);
                // Rotation of a fresh OIDC app with a new random secret is refused only if the
                // random source repeats itself; the demo then simply has one rotation fewer.
                if let Ok(outcome) =
                    application.rotate_secret(random::generate_secret()?, retention, rotated_at)
                {
                    history.push(ActivityEvent::of(
                        &application,
                        rotated_at,
                        ActivityKind::SecretGenerated {
                            retention,
                            replaced_unexpired_previous: outcome.replaced_unexpired_previous,
                        },
                    ));
                }
            }
            Ok((application, history))
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
        let (applications, histories): (Vec<Application>, Vec<Vec<ActivityEvent>>) =
            demo_applications(now).unwrap().into_iter().unzip();
        for kind in ApplicationType::ALL {
            assert!(applications.iter().any(|app| app.kind == kind), "{kind:?}");
        }
        let with_previous = applications
            .iter()
            .filter(|app| app.previous_secret(now).is_some())
            .count();
        assert_eq!(with_previous, 3);
        let rotations = histories
            .iter()
            .flatten()
            .filter(|event| matches!(event.kind, ActivityKind::SecretGenerated { .. }))
            .count();
        assert_eq!(rotations, 3, "each rotation is in the demo's activity");
        assert!(histories.iter().all(|history| {
            history[0].kind
                == ActivityKind::Created {
                    kind: applications
                        .iter()
                        .find(|app| history[0].concerns(&app.client_id))
                        .unwrap()
                        .kind,
                }
        }));
    }

    #[test]
    fn under_the_default_policy_one_demo_secret_is_due_and_one_overdue() {
        let now = Utc::now();
        let applications = demo_applications(now).unwrap();
        let status = |name: &str| {
            applications
                .iter()
                .find(|(app, _)| app.name().as_str() == name)
                .and_then(|(app, _)| app.rotation_status(RotationPolicy::default(), now))
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
            .filter_map(|(app, _)| app.rotation_status(RotationPolicy::default(), now))
            .filter(|status| status.needs_rotation())
            .count();
        assert_eq!(needing_rotation, 2);
    }
}
