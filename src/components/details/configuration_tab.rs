//! The Configuration tab: token endpoint auth method, then the secret's rotation status, the
//! secret sections and the token request, or the reason there are none. Dialogs live here, not
//! in the sections, so a dialog stays put if its section disappears underneath it (a previous
//! secret expiring while Revoke is open).

use leptos::prelude::*;

use crate::domain::{Application, NoSecretReason};
use crate::state::{SecretRead, use_app_state};

use crate::components::details::auth_method_form::AuthMethodForm;
use crate::components::rotation::application_rotation_status::ApplicationRotationStatus;
use crate::components::secrets::check_secret_dialog::CheckSecretDialog;
use crate::components::secrets::client_secret_section::ClientSecretSection;
use crate::components::secrets::generate_secret_dialog::GenerateSecretDialog;
use crate::components::secrets::previous_secret_section::PreviousSecretSection;
use crate::components::secrets::revoke_previous_dialog::RevokePreviousDialog;
use crate::components::secrets::token_request_section::TokenRequestSection;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OpenDialog {
    Generate,
    Revoke,
    Check,
}

#[component]
pub fn ConfigurationTab(application: Memo<Application>) -> impl IntoView {
    let now = use_app_state().now();
    // The generation tells a late `close` event of an earlier dialog from the one open now.
    let open_dialog = RwSignal::new(None::<(OpenDialog, u64)>);
    let generation = StoredValue::new(0u64);
    let open = move |dialog: OpenDialog| {
        generation.update_value(|generation| *generation += 1);
        open_dialog.set(Some((dialog, generation.get_value())));
    };
    let no_secret = Memo::new(move |_| application.with(|app| app.client_secret().err()));
    let secret = Memo::new(move |_| {
        application.with(|app| {
            app.client_secret()
                .map(|s| (s.value.expose().to_owned(), s.created_at))
                .ok()
        })
    });
    let previous = Memo::new(move |_| {
        let now = now.get();
        application.with(|app| {
            app.previous_secret(now)
                .map(|p| (p.value.expose().to_owned(), p.expires_at, p.last_used))
        })
    });
    // Connected, the secrets come from PingOne when the tab opens; meanwhile the tab says so.
    let state = use_app_state();
    let remote = state.remote();
    let secret_read = Memo::new(move |_| {
        let remote = remote?;
        let client_id = application.with(|app| app.client_id.clone());
        Some(
            remote
                .secret_reads
                .with(|reads| reads.get(&client_id).cloned()),
        )
    });
    Effect::new(move || {
        let uses_secret = application.with(|app| app.client_secret().is_ok() || app.kind.is_oidc());
        if remote.is_some() && uses_secret {
            state.read_remote_secret(
                application.with_untracked(|app| app.client_id.clone()),
                false,
            );
        }
    });
    let secret_unread = move || {
        matches!(
            secret_read.get(),
            Some(None | Some(SecretRead::Reading | SecretRead::Failed(_)))
        ) && application.with(|app| app.kind.is_oidc() && app.auth_method().uses_secret())
    };
    let client_id = move || application.with_untracked(|app| app.client_id.clone());
    let closer = move |closing: u64| {
        Callback::new(move |()| {
            open_dialog.update(|open| *open = open.filter(|&(_, current)| current != closing))
        })
    };

    view! {
        <div class="configuration">
            <Show when=move || application.with(|app| app.kind.is_oidc())>
                <AuthMethodForm application />
            </Show>
            {move || secret_unread().then(|| match secret_read.get() {
                Some(Some(SecretRead::Failed(message))) => view! {
                    <div class="alert" role="alert">
                        <p>"The client secret could not be read from PingOne. " {message}</p>
                        <button
                            type="button"
                            class="button button--small"
                            on:click=move |_| state.read_remote_secret(client_id(), true)
                        >
                            "Read Again"
                        </button>
                    </div>
                }
                .into_any(),
                _ => view! { <p class="notice" role="status">"Reading the client secret from PingOne…"</p> }.into_any(),
            })}
            {move || if secret_unread() { ().into_any() } else { match no_secret.get() {
                Some(NoSecretReason::NotOidc) => {
                    view! { <p class="notice">"Client secrets apply only to OIDC-based applications."</p> }.into_any()
                }
                Some(NoSecretReason::PublicClient) => {
                    view! {
                        <p class="notice">
                            "This application's token endpoint auth method is None: it is a public client (a single-page app runs in the browser, where a secret cannot be kept), so it has no client secret. Client secrets apply only to OIDC applications that authenticate with one."
                        </p>
                    }
                        .into_any()
                }
                Some(NoSecretReason::PrivateKeyJwt) => {
                    view! {
                        <p class="notice">
                            "This application's token endpoint auth method is Private Key JWT: it proves itself with a token signed by its own private key, so it has no client secret."
                        </p>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <ApplicationRotationStatus application />
                        <ClientSecretSection
                            client_id=client_id()
                            secret=Signal::derive(move || secret.get().map(|(value, _)| value).unwrap_or_default())
                            created_at=Signal::derive(move || secret.get().and_then(|(_, created)| created))
                            on_generate=Callback::new(move |()| open(OpenDialog::Generate))
                            on_check=Callback::new(move |()| open(OpenDialog::Check))
                        />
                        <Show when=move || previous.with(Option::is_some)>
                            <PreviousSecretSection
                                client_id=client_id()
                                secret=Signal::derive(move || previous.get().map(|(value, _, _)| value).unwrap_or_default())
                                expires_at=Signal::derive(move || previous.get().map(|(_, expires, _)| expires).unwrap_or_default())
                                last_use=Signal::derive(move || remote.map(|_| previous.get().and_then(|(_, _, used)| used)))
                                on_revoke=Callback::new(move |()| open(OpenDialog::Revoke))
                            />
                        </Show>
                        <TokenRequestSection application />
                    }
                        .into_any()
                }
            }}}
            {move || match open_dialog.get() {
                Some((OpenDialog::Generate, opened)) => {
                    view! { <GenerateSecretDialog client_id=client_id() on_closed=closer(opened) /> }.into_any()
                }
                Some((OpenDialog::Revoke, opened)) => {
                    view! { <RevokePreviousDialog client_id=client_id() on_closed=closer(opened) /> }.into_any()
                }
                Some((OpenDialog::Check, opened)) => {
                    view! { <CheckSecretDialog client_id=client_id() on_closed=closer(opened) /> }.into_any()
                }
                None => ().into_any(),
            }}
        </div>
    }
}
