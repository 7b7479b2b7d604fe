//! Connect to PingOne: region (or custom URLs), Environment ID, Client ID, the Redirect URI to
//! register, Sign On and Cancel. Each field says beside it what keeps Sign On disabled.

use leptos::prelude::*;

use crate::components::connection::use_redirect_uri;
use crate::components::shared::field::{Field, invalid};
use crate::components::shared::modal::{Modal, use_modal};
use crate::domain::{ConnectionForm, Region};
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
    // A field's complaint shows once something is typed in it or it was left, not before.
    let touched = RwSignal::new([false; 4]);
    let form = Memo::new(move |_| ConnectionForm {
        region: region.get(),
        environment_id: environment_id.get(),
        client_id: client_id.get(),
        authorization_server: authorization_server.get(),
        api: api.get(),
    });
    let checked = Memo::new(move |_| form.with(|form| form.validate()));
    let problem = move |field: usize| {
        Signal::derive(move || {
            let typed = form.with(|form| match field {
                0 => !form.environment_id.is_empty(),
                1 => !form.client_id.is_empty(),
                2 => !form.authorization_server.is_empty(),
                _ => !form.api.is_empty(),
            });
            if !typed && !touched.get()[field] {
                return None;
            }
            checked.with(|checked| {
                let problems = checked.as_ref().err()?;
                let problem = match field {
                    0 => problems.environment_id.as_ref(),
                    1 => problems.client_id.as_ref(),
                    2 => problems.authorization_server.as_ref(),
                    _ => problems.api.as_ref(),
                };
                problem.map(ToString::to_string)
            })
        })
    };
    let touch = move |field: usize| touched.update(|touched| touched[field] = true);
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
        touched.set([true; 4]);
        if checked.with_untracked(Result::is_ok) {
            sign_on.dispatch(());
        }
    };
    let (environment_problem, client_problem, authorization_problem, api_problem) =
        (problem(0), problem(1), problem(2), problem(3));
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
            <Field label="Environment ID" error_id="connect-environment-error" error=environment_problem>
                <input
                    class="input"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="connect-environment-error"
                    aria-invalid=invalid(environment_problem)
                    prop:value=move || environment_id.get()
                    on:input=move |event| environment_id.set(event_target_value(&event))
                    on:blur=move |_| touch(0)
                />
            </Field>
            <Field label="Client ID" error_id="connect-client-error" error=client_problem hint=("connect-client-hint", "The sign-on application of the environment's administrators.")>
                <input
                    class="input"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="connect-client-hint connect-client-error"
                    aria-invalid=invalid(client_problem)
                    prop:value=move || client_id.get()
                    on:input=move |event| client_id.set(event_target_value(&event))
                    on:blur=move |_| touch(1)
                />
            </Field>
            <Show when=custom>
                <Field label="Authorization server" error_id="connect-auth-error" error=authorization_problem hint=("connect-auth-hint", "The URL /as/authorize and /as/token follow, e.g. https://auth.pingone.com/<environment ID> or a custom domain.")>
                    <input
                        class="input"
                        type="url"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby="connect-auth-hint connect-auth-error"
                        aria-invalid=invalid(authorization_problem)
                        prop:value=move || authorization_server.get()
                        on:input=move |event| authorization_server.set(event_target_value(&event))
                        on:blur=move |_| touch(2)
                    />
                </Field>
                <Field label="API" error_id="connect-api-error" error=api_problem hint=("connect-api-hint", "The URL /environments/<environment ID> follows, e.g. https://api.pingone.com/v1.")>
                    <input
                        class="input"
                        type="url"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby="connect-api-hint connect-api-error"
                        aria-invalid=invalid(api_problem)
                        prop:value=move || api.get()
                        on:input=move |event| api.set(event_target_value(&event))
                        on:blur=move |_| touch(3)
                    />
                </Field>
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
