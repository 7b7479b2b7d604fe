//! Token Endpoint Authentication Method: a select and Save, for OIDC applications. What a change
//! does to the secrets is the domain's rule; this form says it before Save and asks for
//! confirmation where secrets are removed (a change to None).

use leptos::prelude::*;

use crate::domain::{
    Application, AuthMethodChange, ClientId, SecretsAfterMethodChange, TokenEndpointAuthMethod,
};
use crate::state::use_app_state;

use crate::components::shared::confirm_dialog::ConfirmDialog;
use crate::components::shared::outside_change::use_seen_application;

/// The methods offered, in the order the select lists them.
const METHODS: [TokenEndpointAuthMethod; 4] = [
    TokenEndpointAuthMethod::ClientSecretBasic,
    TokenEndpointAuthMethod::ClientSecretPost,
    TokenEndpointAuthMethod::ClientSecretJwt,
    TokenEndpointAuthMethod::None,
];

#[component]
pub fn AuthMethodForm(application: Memo<Application>) -> impl IntoView {
    let state = use_app_state();
    let current = Memo::new(move |_| application.with(Application::auth_method));
    // The choice in the select; follows the stored method whenever that changes.
    let chosen = RwSignal::new(current.get_untracked());
    Effect::new(move || chosen.set(current.get()));
    let confirming = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let client_id = move || application.with_untracked(|app| app.client_id.clone());
    let save = Action::new_local(
        move |&(method, revision): &(TokenEndpointAuthMethod, u64)| {
            let client_id = client_id();
            async move {
                let change = state
                    .change_auth_method(client_id, revision, method)
                    .await
                    .map_err(|error| error.to_string())?;
                state.announce(change_announcement(change));
                Ok(())
            }
        },
    );
    Effect::new(move || failure.set(save.value().get().and_then(Result::err)));
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let method = chosen.get_untracked();
        if method == current.get_untracked() {
            return;
        }
        if method.uses_secret() {
            save.dispatch((method, application.with_untracked(Application::revision)));
        } else {
            confirming.set(true);
        }
    };
    let consequence = move || {
        let (from, to) = (current.get(), chosen.get());
        match (from.uses_secret(), to.uses_secret()) {
            _ if from == to => None,
            (true, false) => Some(
                "Saving asks for confirmation: the current and previous client secrets will be removed.",
            ),
            (false, true) => Some("Saving generates a new client secret for this application."),
            _ => Some("The client secret stays as it is."),
        }
    };

    view! {
        <form class="auth-method" on:submit=submit>
            <div class="field">
                <label class="field__label" for="auth-method">"Token Endpoint Authentication Method"</label>
                <select
                    id="auth-method"
                    aria-describedby="auth-method-consequence"
                    on:change=move |event| {
                        let label = event_target_value(&event);
                        if let Some(method) = METHODS.into_iter().find(|method| method.label() == label) {
                            chosen.set(method);
                        }
                    }
                >
                    {METHODS
                        .into_iter()
                        .map(|method| view! { <option value=method.label() prop:selected=move || chosen.get() == method>{method.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <p id="auth-method-consequence" class="field__hint">{consequence}</p>
            {move || failure.get().map(|message| view! { <p class="notice notice--error" role="alert">{message}</p> })}
            <button type="submit" class="button" disabled=move || save.pending().get() || chosen.get() == current.get()>"Save"</button>
        </form>
        <Show when=move || confirming.get()>
            <RemoveSecretsDialog client_id=client_id() on_closed=Callback::new(move |()| confirming.set(false)) />
        </Show>
    }
}

/// The confirmation before a change to None removes the secrets.
#[component]
fn RemoveSecretsDialog(client_id: ClientId, on_closed: Callback<()>) -> impl IntoView {
    let state = use_app_state();
    let seen = use_seen_application(client_id.clone());
    let action = Action::new_local(move |_: &()| {
        let client_id = client_id.clone();
        let seen_revision = seen.revision.get_untracked();
        async move {
            let change = state
                .change_auth_method(client_id, seen_revision, TokenEndpointAuthMethod::None)
                .await
                .map_err(|error| error.to_string())?;
            state.announce(change_announcement(change));
            Ok(())
        }
    });
    view! {
        <ConfirmDialog
            title="Change Token Endpoint Authentication Method"
            action
            ready=true
            outside_change=seen.notice
            on_closed
        >
            <p>
                "With None the application is a public client and authenticates without a secret. "
                <strong>"The current client secret and the previous client secret, if any, will be removed."</strong>
                " Clients still using them will fail to authenticate. Switching back later generates a new secret."
            </p>
        </ConfirmDialog>
    }
}

fn change_announcement(change: AuthMethodChange) -> String {
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
