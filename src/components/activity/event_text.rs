//! How an activity event reads: one sentence per kind. Events carry no secret value, so no text
//! here can show one.

use crate::domain::{
    ActivityKind, DurationUnit, Retention, RotationPolicy, SecretAccess, SecretMaterial,
};

/// "Renamed from “Billing” to “Billing Sync”", "Client secret generated; previous secret retained for 7 days".
pub fn describe(kind: &ActivityKind) -> String {
    match kind {
        ActivityKind::Created { kind } => format!("Created as {}", kind.label()),
        ActivityKind::Renamed { from, to } => {
            format!("Renamed from “{}” to “{}”", from.as_str(), to.as_str())
        }
        ActivityKind::Enabled => "Enabled".to_owned(),
        ActivityKind::Disabled => "Disabled".to_owned(),
        ActivityKind::AuthMethodChanged { from, to } => format!(
            "Token endpoint authentication method changed from {} to {}",
            from.label(),
            to.label()
        ),
        ActivityKind::SecretGenerated {
            retention,
            replaced_unexpired_previous,
        } => {
            let replaced = if *replaced_unexpired_previous {
                " (an unexpired previous secret was replaced at once)"
            } else {
                ""
            };
            format!(
                "Client secret generated; {}{replaced}",
                retention_text(*retention)
            )
        }
        ActivityKind::PreviousSecretRevoked => "Previous client secret revoked".to_owned(),
        ActivityKind::PreviousSecretExpired => "Previous client secret expired".to_owned(),
        ActivityKind::Deleted => "Deleted".to_owned(),
        ActivityKind::Imported => "Imported from a file".to_owned(),
        ActivityKind::RotationPolicyChanged { from, to } => format!(
            "Rotation policy changed from {} to {}",
            policy_text(*from),
            policy_text(*to)
        ),
        ActivityKind::SecretAccessed { material, access } => {
            let material = match material {
                SecretMaterial::ClientSecret => "Client secret",
                SecretMaterial::PreviousClientSecret => "Previous client secret",
                SecretMaterial::TokenRequestCommand => "Token request command",
            };
            let access = match access {
                SecretAccess::Revealed => "revealed",
                SecretAccess::Copied => "copied",
            };
            format!("{material} {access}")
        }
        ActivityKind::ExportedWithSecrets { applications } => {
            let plural = if *applications == 1 { "" } else { "s" };
            format!(
                "Applications exported with client secrets ({applications} application{plural})"
            )
        }
    }
}

/// "90 days", "1 day", "no rotation policy".
fn policy_text(policy: RotationPolicy) -> String {
    match policy {
        RotationPolicy::NoPolicy => "no rotation policy".to_owned(),
        RotationPolicy::Every(interval) => {
            let days = interval.in_days();
            let plural = if days == 1 { "" } else { "s" };
            format!("{days} day{plural}")
        }
    }
}

fn retention_text(retention: Retention) -> String {
    let retained = |amount: u32, unit: &str| {
        let plural = if amount == 1 { "" } else { "s" };
        format!("previous secret retained for {amount} {unit}{plural}")
    };
    match retention {
        Retention::OneDay => retained(1, "day"),
        Retention::SevenDays => retained(7, "day"),
        Retention::ThirtyDays => retained(30, "day"),
        Retention::Custom(custom) => match custom.unit() {
            DurationUnit::Days => retained(custom.amount(), "day"),
            DurationUnit::Hours => retained(custom.amount(), "hour"),
        },
        Retention::DoNotRetain => "previous secret not retained".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        ApplicationName, ApplicationType, CustomRetention, TokenEndpointAuthMethod,
    };

    fn generated(retention: Retention) -> String {
        describe(&ActivityKind::SecretGenerated {
            retention,
            replaced_unexpired_previous: false,
        })
    }

    #[test]
    fn a_generated_secret_says_the_retention_chosen() {
        assert_eq!(
            generated(Retention::SevenDays),
            "Client secret generated; previous secret retained for 7 days"
        );
        assert_eq!(
            generated(Retention::Custom(
                CustomRetention::new(1, DurationUnit::Hours).unwrap()
            )),
            "Client secret generated; previous secret retained for 1 hour"
        );
        assert_eq!(
            generated(Retention::DoNotRetain),
            "Client secret generated; previous secret not retained"
        );
    }

    #[test]
    fn each_kind_reads_as_a_sentence() {
        let name = |text: &str| ApplicationName::parse(text).unwrap();
        assert_eq!(
            describe(&ActivityKind::Renamed {
                from: name("A"),
                to: name("B")
            }),
            "Renamed from “A” to “B”"
        );
        assert_eq!(
            describe(&ActivityKind::Created {
                kind: ApplicationType::Worker
            }),
            "Created as Worker"
        );
        assert_eq!(
            describe(&ActivityKind::AuthMethodChanged {
                from: TokenEndpointAuthMethod::ClientSecretBasic,
                to: TokenEndpointAuthMethod::None,
            }),
            "Token endpoint authentication method changed from Client Secret Basic to None"
        );
        assert_eq!(describe(&ActivityKind::Deleted), "Deleted");
    }

    #[test]
    fn looking_at_a_secret_says_what_and_how_and_an_export_how_many() {
        let accessed =
            |material, access| describe(&ActivityKind::SecretAccessed { material, access });
        assert_eq!(
            accessed(SecretMaterial::ClientSecret, SecretAccess::Revealed),
            "Client secret revealed"
        );
        assert_eq!(
            accessed(SecretMaterial::PreviousClientSecret, SecretAccess::Copied),
            "Previous client secret copied"
        );
        assert_eq!(
            accessed(SecretMaterial::TokenRequestCommand, SecretAccess::Copied),
            "Token request command copied"
        );
        let exported = |applications| describe(&ActivityKind::ExportedWithSecrets { applications });
        assert_eq!(
            exported(12),
            "Applications exported with client secrets (12 applications)"
        );
        assert_eq!(
            exported(1),
            "Applications exported with client secrets (1 application)"
        );
    }

    #[test]
    fn a_policy_change_says_both_policies() {
        let every =
            |days| RotationPolicy::Every(crate::domain::RotationInterval::days(days).unwrap());
        let changed = |from, to| describe(&ActivityKind::RotationPolicyChanged { from, to });
        assert_eq!(
            changed(every(90), every(30)),
            "Rotation policy changed from 90 days to 30 days"
        );
        assert_eq!(
            changed(every(30), RotationPolicy::NoPolicy),
            "Rotation policy changed from 30 days to no rotation policy"
        );
        assert_eq!(
            changed(RotationPolicy::NoPolicy, every(1)),
            "Rotation policy changed from no rotation policy to 1 day"
        );
    }
}
