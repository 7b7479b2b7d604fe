//! Add Application: a name and a type; the new application opens in the details panel.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use crate::domain::ApplicationType;
use crate::state::use_app_state;

use crate::components::details::details_panel::{Tab, application_path};
use crate::components::shared::modal::{Modal, use_modal};
use crate::components::shared::name_field::{NameDraft, NameField};

#[component]
pub fn AddApplicationDialog(on_closed: Callback<()>) -> impl IntoView {
    view! {
        <Modal title="Add Application" on_closed>
            <AddApplicationForm />
        </Modal>
    }
}

fn type_description(kind: ApplicationType) -> &'static str {
    match kind {
        ApplicationType::OidcWebApp => "A server-side web app that keeps a client secret.",
        ApplicationType::Native => "A mobile or desktop app.",
        ApplicationType::SinglePage => "Runs in the browser; a public client without a secret.",
        ApplicationType::Worker => "A service that calls APIs as itself.",
        ApplicationType::Saml => "Signs users on with SAML; not OIDC, so no client secret.",
        ApplicationType::WsFederation => {
            "Signs users on with WS-Federation; not OIDC, so no client secret."
        }
        // Not offered here (`ApplicationType::ALL`): these exist only in a PingOne environment.
        ApplicationType::Service => "A PingOne service application.",
        ApplicationType::Custom => "A PingOne custom application.",
    }
}

#[component]
fn AddApplicationForm() -> impl IntoView {
    let state = use_app_state();
    let modal = use_modal();
    let navigate = use_navigate();
    let draft = NameDraft::new(String::new());
    let kind = RwSignal::new(ApplicationType::OidcWebApp);
    let save = Action::new_local(move |_: &()| {
        let (name_text, kind) = (draft.name.get_untracked(), kind.get_untracked());
        async move {
            state
                .add_application(name_text, kind)
                .await
                .map_err(|error| error.to_string())
        }
    });
    Effect::new(move || {
        if let Some(Ok(client_id)) = save.value().get() {
            state.announce("Application added.");
            modal.close();
            navigate(
                &application_path(&client_id, Tab::Overview),
                NavigateOptions::default(),
            );
        }
    });
    let save_failure = move || draft.save_failure(save.value().get().and_then(Result::err));
    let submit = draft.on_submit(move || {
        save.dispatch(());
    });

    view! {
        <form class="form" on:submit=submit novalidate>
            <NameField draft />
            <fieldset class="field">
                <legend class="field__label">"Type"</legend>
                {ApplicationType::ALL
                    .into_iter()
                    .map(|option| {
                        let id = format!("type-{option:?}");
                        view! {
                            <div class="radio">
                                <input
                                    type="radio"
                                    name="application-type"
                                    id=id.clone()
                                    aria-describedby=format!("{id}-hint")
                                    prop:checked=move || kind.get() == option
                                    on:change=move |_| kind.set(option)
                                />
                                <div>
                                    <label for=id.clone()>{option.label()}</label>
                                    <span class="radio__hint" id=format!("{id}-hint")>{type_description(option)}</span>
                                </div>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            {move || save_failure().map(|message| view! { <p class="notice notice--error" role="alert">{message}</p> })}
            <div class="modal__actions">
                <button type="submit" class="button button--primary" disabled=move || save.pending().get()>"Save"</button>
                <button type="button" class="button" on:click=move |_| modal.close()>"Cancel"</button>
            </div>
        </form>
    }
}
