//! The Token Request region: a client_credentials request as a `curl` command, built by the
//! domain from the console's Token Endpoint, an optional Scope and the chosen secret, with the
//! application's own client authentication. Shown masked until Show; Copy Command copies the
//! real one. The page never sends the request itself: the command is only text.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::hmac::hmac_sha256;
use crate::domain::{
    Application, ClientAssertion, ClientCredential, ClientId, EndpointError, Scope, SecretMaterial,
    SecretValue, TokenEndpoint, TokenEndpointAuthMethod, TokenRequest,
};
use crate::random;
use crate::state::use_app_state;

use crate::components::secrets::token_command::TokenCommand;
use crate::components::shared::field::{Field, invalid};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SecretChoice {
    Current,
    Previous,
}

/// A signed client assertion and when it stops being accepted.
type SignedAssertion = (SecretValue, DateTime<Utc>);

#[component]
pub fn TokenRequestSection(application: Memo<Application>) -> impl IntoView {
    let state = use_app_state();
    let now = state.now();
    let saved_endpoint = state.token_endpoint();
    // What the user typed and has not saved yet; `None` shows the saved endpoint.
    let endpoint_draft = RwSignal::new(None::<String>);
    let endpoint_text = Signal::derive(move || {
        endpoint_draft.get().unwrap_or_else(|| {
            saved_endpoint.with(|saved| {
                saved
                    .as_ref()
                    .map(|e| e.as_str().to_owned())
                    .unwrap_or_default()
            })
        })
    });
    let endpoint = Memo::new(move |_| parse_endpoint(&endpoint_text.get()));
    let save_failure = RwSignal::new(None::<String>);
    let scope_text = RwSignal::new(String::new());
    let scope = Memo::new(move |_| scope_text.with(|text| Scope::parse(text)));
    let choice = RwSignal::new(SecretChoice::Current);
    let has_previous = Memo::new(move |_| {
        let now = now.get();
        application.with(|app| app.previous_secret(now).is_some())
    });
    let secret = Memo::new(move |_| {
        let use_previous = choice.get() == SecretChoice::Previous && has_previous.get();
        application.with(|app| {
            if use_previous {
                app.previous_secret(now.get_untracked())
                    .map(|previous| previous.value.clone())
            } else {
                app.client_secret()
                    .ok()
                    .map(|current| current.value.clone())
            }
        })
    });
    let method = Memo::new(move |_| application.with(|app| app.auth_method()));
    let on_access = state.secret_access_recorder(
        application.with_untracked(|app| app.client_id.clone()),
        SecretMaterial::TokenRequestCommand,
    );
    // The signed assertion for the current inputs: `None` while signing (or for other methods).
    let assertion = RwSignal::new(None::<Result<SignedAssertion, String>>);
    let renewals = RwSignal::new(0u64);
    // Signing is asynchronous (Web Crypto); a result for inputs that have since changed is dropped.
    let signing = StoredValue::new(0u64);
    Effect::new(move || {
        renewals.track();
        let inputs = match (method.get(), endpoint.get(), secret.get()) {
            (TokenEndpointAuthMethod::ClientSecretJwt, Ok(Some(endpoint)), Some(secret)) => {
                Some((endpoint, secret))
            }
            _ => None,
        };
        assertion.set(None);
        let Some((endpoint, secret)) = inputs else {
            return;
        };
        signing.update_value(|count| *count += 1);
        let this_signing = signing.get_value();
        let client_id = application.with_untracked(|app| app.client_id.clone());
        let now = state.current_time();
        spawn_local(async move {
            let signed = sign_assertion(&client_id, &endpoint, &secret, now).await;
            if signing.try_get_value() == Some(this_signing) {
                assertion.try_set(Some(signed));
            }
        });
    });

    let save_endpoint = move |_| {
        let Ok(chosen) = endpoint.get_untracked() else {
            return;
        };
        if chosen == saved_endpoint.get_untracked() {
            endpoint_draft.set(None);
            return;
        }
        spawn_local(async move {
            match state.set_token_endpoint(chosen).await {
                Ok(()) => {
                    endpoint_draft.try_set(None);
                    save_failure.try_set(None);
                    state.announce("Token Endpoint saved for the whole console.");
                }
                Err(error) => {
                    save_failure.try_set(Some(error.to_string()));
                }
            }
        });
    };
    let endpoint_error = Signal::derive(move || match endpoint.get() {
        Err(error) => Some(error.to_string()),
        Ok(_) => save_failure.get(),
    });
    let scope_error = Signal::derive(move || scope.get().err().map(|error| error.to_string()));

    view! {
        <section class="card" aria-labelledby="token-request-heading">
            <h3 id="token-request-heading" class="card__title">"Token Request"</h3>
            <p class="card__text">
                "Try a secret before relying on it: run this client_credentials request in a terminal. The console never sends it."
            </p>
            <Field
                label="Token Endpoint"
                error_id="token-endpoint-error"
                error=endpoint_error
                hint=Some(("token-endpoint-hint", "An absolute https URL (http only for localhost, 127.0.0.1 or [::1]). The same for every application; saved when valid."))
            >
                <input
                    type="text"
                    inputmode="url"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="https://auth.example.com/as/token"
                    aria-invalid=invalid(endpoint_error)
                    aria-describedby="token-endpoint-hint token-endpoint-error"
                    prop:value=endpoint_text
                    on:input=move |event| endpoint_draft.set(Some(event_target_value(&event)))
                    on:change=save_endpoint
                />
            </Field>
            <Field
                label="Scope"
                error_id="scope-error"
                error=scope_error
                hint=Some(("scope-hint", "Optional, separated by spaces. Not stored."))
            >
                <input
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    aria-invalid=invalid(scope_error)
                    aria-describedby="scope-hint scope-error"
                    prop:value=scope_text
                    on:input=move |event| scope_text.set(event_target_value(&event))
                />
            </Field>
            <fieldset class="field">
                <legend class="field__label">"Secret to use"</legend>
                <SecretChoiceRadio choice value=SecretChoice::Current label="Current secret" />
                <Show when=move || has_previous.get()>
                    <SecretChoiceRadio choice value=SecretChoice::Previous label="Previous secret" />
                </Show>
            </fieldset>
            {move || {
                let Ok(Some(endpoint)) = endpoint.get() else {
                    return view! { <p class="notice">"Enter a valid Token Endpoint to build the request."</p> }.into_any();
                };
                let Ok(scope) = scope.get() else { return ().into_any() };
                let Some(secret) = secret.get() else { return ().into_any() };
                let signed = match (method.get(), assertion.get()) {
                    (TokenEndpointAuthMethod::ClientSecretJwt, Some(Ok(signed))) => Some(signed),
                    (TokenEndpointAuthMethod::ClientSecretJwt, Some(Err(message))) => {
                        return view! { <p class="notice notice--error" role="alert">{message}</p> }.into_any();
                    }
                    (TokenEndpointAuthMethod::ClientSecretJwt, _) => {
                        return view! { <p class="notice">"Signing the client assertion…"</p> }.into_any();
                    }
                    _ => None,
                };
                let expires_at = signed.as_ref().map(|(_, expires_at)| *expires_at);
                let Some(credential) = ClientCredential::for_method(method.get(), secret, signed.map(|(jwt, _)| jwt)) else {
                    return ().into_any();
                };
                let client_id = application.with(|app| app.client_id.clone());
                let request = TokenRequest { endpoint: &endpoint, client_id: &client_id, scope: scope.as_ref(), credential: &credential };
                view! {
                    <TokenCommand
                        masked=request.masked_command()
                        command=request.command()
                        assertion_expires_at=expires_at
                        on_new_assertion=Callback::new(move |()| renewals.update(|count| *count += 1))
                        on_access
                    />
                }
                    .into_any()
            }}
        </section>
    }
}

/// A fresh client assertion: random `jti`, issued `now`, signed with `secret` by Web Crypto.
async fn sign_assertion(
    client_id: &ClientId,
    endpoint: &TokenEndpoint,
    secret: &SecretValue,
    now: DateTime<Utc>,
) -> Result<SignedAssertion, String> {
    let jti = random::generate_assertion_id().map_err(|error| error.to_string())?;
    let unsigned = ClientAssertion::new(client_id, endpoint, now, &jti);
    let signature = hmac_sha256(
        secret.expose().as_bytes(),
        unsigned.signing_input().as_bytes(),
    )
    .await
    .map_err(|error| error.to_string())?;
    Ok((unsigned.signed(&signature), unsigned.expires_at))
}

/// A blank field removes the endpoint; anything else must be a valid one.
fn parse_endpoint(text: &str) -> Result<Option<TokenEndpoint>, EndpointError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        TokenEndpoint::parse(text).map(Some)
    }
}

#[component]
fn SecretChoiceRadio(
    choice: RwSignal<SecretChoice>,
    value: SecretChoice,
    label: &'static str,
) -> impl IntoView {
    let id = format!("token-secret-{value:?}");
    view! {
        <div class="radio">
            <input
                type="radio"
                name="token-request-secret"
                id=id.clone()
                prop:checked=move || choice.get() == value
                on:change=move |_| choice.set(value)
            />
            <label for=id>{label}</label>
        </div>
    }
}
