//! Token Endpoint Authentication Method: a select and Save, for OIDC applications. What a change
//! does to the secrets is the domain's rule; this form says it before Save and asks for
//! confirmation where secrets are removed (a change to None) or given to an application that
//! cannot keep them (a Single-Page or Native one).

use leptos::prelude::*;

use crate::domain::{Application, TokenEndpointAuthMethod};
use crate::state::use_app_state;

use crate::components::details::change_auth_method_dialog::{
    ChangeAuthMethodDialog, asks_first, change_announcement,
};

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
    // The method a confirmation is open for.
    let confirming = RwSignal::new(None::<TokenEndpointAuthMethod>);
    let kind = move || application.with_untracked(|app| app.kind);
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
        if asks_first(kind(), current.get_untracked(), method) {
            confirming.set(Some(method));
        } else {
            save.dispatch((method, application.with_untracked(Application::revision)));
        }
    };
    let consequence = move || {
        let (from, to) = (current.get(), chosen.get());
        match (from.uses_secret(), to.uses_secret()) {
            _ if from == to => None,
            (true, false) => Some(
                "Saving asks for confirmation: the current and previous client secrets will be removed.",
            ),
            (false, true) if kind().exposes_secrets() => Some(
                "Saving asks for confirmation: a client secret would be generated, and this application cannot keep one.",
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
        {move || {
            confirming
                .get()
                .map(|method| {
                    view! {
                        <ChangeAuthMethodDialog
                            client_id=client_id()
                            kind=kind()
                            method
                            on_closed=Callback::new(move |()| confirming.set(None))
                        />
                    }
                })
        }}
    }
}
