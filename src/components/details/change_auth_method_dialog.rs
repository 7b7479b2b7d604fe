//! Change Token Endpoint Authentication Method: the confirmation before a method change that
//! removes the secrets (to None), or that gives a client secret to an application whose users
//! could read it (a Single-Page or Native one, from None), saying why that is unusual.

use leptos::prelude::*;

use crate::domain::{
    ApplicationType, AuthMethodChange, ClientId, SecretsAfterMethodChange, TokenEndpointAuthMethod,
};
use crate::state::use_app_state;

use crate::components::shared::confirm_dialog::ConfirmDialog;
use crate::components::shared::outside_change::use_seen_application;

/// Whether changing from `from` to `to` asks first: removing the secrets always does, and so
/// does giving one to an application that cannot keep it.
pub fn asks_first(
    kind: ApplicationType,
    from: TokenEndpointAuthMethod,
    to: TokenEndpointAuthMethod,
) -> bool {
    from.uses_secret() != to.uses_secret() && (!to.uses_secret() || kind.exposes_secrets())
}

#[component]
pub fn ChangeAuthMethodDialog(
    client_id: ClientId,
    kind: ApplicationType,
    method: TokenEndpointAuthMethod,
    on_closed: Callback<()>,
) -> impl IntoView {
    let state = use_app_state();
    let seen = use_seen_application(client_id.clone());
    let subject = client_id.clone();
    let action = Action::new_local(move |_: &()| {
        let client_id = client_id.clone();
        let seen_revision = seen.revision.get_untracked();
        async move {
            let change = state
                .change_auth_method(client_id, seen_revision, method)
                .await
                .map_err(|error| error.to_string())?;
            state.announce(change_announcement(change));
            Ok(())
        }
    });
    let removes_secrets = !method.uses_secret();
    view! {
        <ConfirmDialog
            title="Change Token Endpoint Authentication Method"
            action
            ready=true
            outside_change=seen.notice
            on_closed
            application=subject
            destructive=removes_secrets
        >
            {if removes_secrets {
                view! {
                    <p>
                        "With None the application is a public client and authenticates without a secret. "
                        <strong>"The current client secret and the previous client secret, if any, will be removed."</strong>
                        " Clients still using them will fail to authenticate. Switching back later generates a new secret."
                    </p>
                }
                    .into_any()
            } else {
                view! {
                    <p>
                        <strong>{format!("A {} application cannot keep a client secret.", kind.label())}</strong>
                        " "
                        {why_not_secret(kind)}
                        " Prefer None with PKCE (Proof Key for Code Exchange)."
                    </p>
                    <p>{format!("Confirm to use {} anyway: a new client secret is generated for this application.", method.label())}</p>
                }
                    .into_any()
            }}
        </ConfirmDialog>
    }
}

/// Why a secret given to an application of this kind is not secret (`exposes_secrets`).
fn why_not_secret(kind: ApplicationType) -> &'static str {
    match kind {
        ApplicationType::SinglePage => {
            "Its code runs in its users' browsers, where the code and anything it holds can be read by anyone who uses it, so a secret in it is not secret."
        }
        _ => {
            "It is installed on its users' devices, where anything it holds can be read by whoever has the device, so a secret in it is not secret."
        }
    }
}

pub fn change_announcement(change: AuthMethodChange) -> String {
    let what = match change.secrets {
        SecretsAfterMethodChange::Kept => "The client secret is unchanged.",
        SecretsAfterMethodChange::Removed { .. } => "The client secrets were removed.",
        SecretsAfterMethodChange::Generated => "A new client secret was generated.",
    };
    format!(
        "Token endpoint authentication method changed to {}. {what}",
        change.to.label()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use TokenEndpointAuthMethod::{
        ClientSecretBasic, ClientSecretJwt, ClientSecretPost, None as NoSecret,
    };

    #[test]
    fn removing_the_secrets_always_asks_first() {
        for kind in ApplicationType::ALL {
            for from in [ClientSecretBasic, ClientSecretPost, ClientSecretJwt] {
                assert!(asks_first(kind, from, NoSecret), "{kind:?} from {from:?}");
            }
        }
    }

    #[test]
    fn a_secret_for_an_application_that_cannot_keep_one_asks_first() {
        for to in [ClientSecretBasic, ClientSecretPost, ClientSecretJwt] {
            assert!(asks_first(ApplicationType::SinglePage, NoSecret, to));
            assert!(asks_first(ApplicationType::Native, NoSecret, to));
            assert!(!asks_first(ApplicationType::OidcWebApp, NoSecret, to));
            assert!(!asks_first(ApplicationType::Worker, NoSecret, to));
        }
    }

    #[test]
    fn between_secret_methods_nothing_is_asked() {
        for kind in ApplicationType::ALL {
            assert!(!asks_first(kind, ClientSecretBasic, ClientSecretJwt));
            assert!(!asks_first(kind, ClientSecretPost, ClientSecretBasic));
        }
    }
}
