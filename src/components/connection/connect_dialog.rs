//! Connect to PingOne: region (or custom URLs), Environment ID, Client ID, the Redirect URI to
//! register, Sign On and Cancel. Each field says beside it what keeps Sign On disabled.

use leptos::prelude::*;

use crate::components::connection::use_redirect_uri;
use crate::components::shared::field::{Field, invalid};
use crate::components::shared::modal::{Modal, use_modal};
use crate::domain::{ConnectionFieldError, ConnectionForm, ConnectionProblems, Region};
use crate::state::use_app_state;
use crate::storage::RememberedConnection;

#[component]
pub fn ConnectDialog(on_closed: Callback<()>) -> impl IntoView {
    view! {
        <Modal title="Connect to PingOne" on_closed>
            <ConnectForm />
        </Modal>
    }
}

#[component]
fn ConnectForm() -> impl IntoView {
    let state = use_app_state();
    let modal = use_modal();
    let redirect_uri = use_redirect_uri();
    let remembered = state.remembered_connection();
    let unreadable = remembered == RememberedConnection::Unreadable;
    let start = match remembered {
        RememberedConnection::Connection(connection) => connection.form(),
        _ => ConnectionForm::default(),
    };
    let region = RwSignal::new(start.region);
    let environment_id = RwSignal::new(start.environment_id);
    let client_id = RwSignal::new(start.client_id);
    let authorization_server = RwSignal::new(start.authorization_server);
    let api = RwSignal::new(start.api);
    let form = Memo::new(move |_| ConnectionForm {
        region: region.get(),
        environment_id: environment_id.get(),
        client_id: client_id.get(),
        authorization_server: authorization_server.get(),
        api: api.get(),
    });
    let checked = Memo::new(move |_| form.with(|form| form.validate()));
    let problem = move |of: fn(&ConnectionProblems) -> Option<&ConnectionFieldError>| {
        Signal::derive(move || {
            checked.with(|checked| checked.as_ref().err().and_then(of).map(ToString::to_string))
        })
    };
    let custom = move || region.get() == Region::Custom;
    let target = StoredValue::new(redirect_uri.clone());
    let sign_on = Action::new_local(move |_: &()| {
        let checked = checked.get_untracked();
        let redirect_uri = target.get_value();
        async move {
            let connection = checked.map_err(|_| "Correct the fields above first.".to_owned())?;
            state
                .connect(connection, redirect_uri)
                .await
                .map_err(|error| error.to_string())
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if checked.with_untracked(Result::is_ok) {
            sign_on.dispatch(());
        }
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            {unreadable.then(|| view! {
                <p class="notice notice--warning" role="alert">
                    "The connection settings remembered from an earlier visit could not be read. They were left as they were and will not be overwritten."
                </p>
            })}
            <div class="field">
                <label class="field__control">
                    <span class="field__label">"Region"</span>
                    <select
                        class="select"
                        prop:value=move || region.get().code()
                        on:change=move |event| {
                            if let Some(chosen) = Region::from_code(&event_target_value(&event)) {
                                region.set(chosen);
                            }
                        }
                    >
                        {Region::ALL.into_iter().map(|option| view! {
                            <option value=option.code() selected=move || region.get() == option>{option.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <ConnectField
                label="Environment ID"
                kind="text"
                error_id="connect-environment-error"
                value=environment_id
                problem=problem(|problems| problems.environment_id.as_ref())
            />
            <ConnectField
                label="Client ID"
                kind="text"
                error_id="connect-client-error"
                hint=("connect-client-hint", "The sign-on application of the environment's administrators.")
                value=client_id
                problem=problem(|problems| problems.client_id.as_ref())
            />
            <Show when=custom>
                <ConnectField
                    label="Authorization server"
                    kind="url"
                    error_id="connect-auth-error"
                    hint=("connect-auth-hint", "The URL /as/authorize and /as/token follow, e.g. https://auth.pingone.com/<environment ID> or a custom domain.")
                    value=authorization_server
                    problem=problem(|problems| problems.authorization_server.as_ref())
                />
                <ConnectField
                    label="API"
                    kind="url"
                    error_id="connect-api-error"
                    hint=("connect-api-hint", "The URL /environments/<environment ID> follows, e.g. https://api.pingone.com/v1.")
                    value=api
                    problem=problem(|problems| problems.api.as_ref())
                />
            </Show>
            <div class="field">
                <span class="field__label" id="connect-redirect-label">"Redirect URI"</span>
                <code class="connect__redirect" aria-labelledby="connect-redirect-label">{redirect_uri}</code>
                <span class="radio__hint">"Register it in the sign-on application's Redirect URIs, and this console's origin in its CORS settings."</span>
            </div>
            {move || sign_on.value().get().and_then(Result::err).map(|message| view! {
                <p class="notice notice--error" role="alert">{message}</p>
            })}
            <div class="modal__actions">
                <button
                    type="submit"
                    class="button button--primary"
                    disabled=move || sign_on.pending().get() || checked.with(Result::is_err)
                >
                    "Sign On"
                </button>
                <button type="button" class="button" on:click=move |_| modal.close()>"Cancel"</button>
            </div>
        </form>
    }
}

/// One of the dialog's text fields. Its complaint shows once something is typed in it or it was
/// left, not before: an empty form opens without a wall of red.
#[component]
fn ConnectField(
    label: &'static str,
    /// The input's type: "text", or "url" (a phone's keyboard for addresses).
    kind: &'static str,
    error_id: &'static str,
    #[prop(optional)] hint: Option<(&'static str, &'static str)>,
    value: RwSignal<String>,
    /// What is wrong with the value, whether or not it shows yet.
    problem: Signal<Option<String>>,
) -> impl IntoView {
    let left = RwSignal::new(false);
    let shown = Signal::derive(move || {
        (left.get() || value.with(|text| !text.is_empty()))
            .then(|| problem.get())
            .flatten()
    });
    let described_by = match hint {
        Some((hint_id, _)) => format!("{hint_id} {error_id}"),
        None => error_id.to_owned(),
    };
    view! {
        <Field label error_id error=shown hint>
            <input
                type=kind
                autocomplete="off"
                spellcheck="false"
                aria-describedby=described_by
                aria-invalid=invalid(shown)
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
                on:blur=move |_| left.set(true)
            />
        </Field>
    }
}
