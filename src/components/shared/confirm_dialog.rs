//! The one confirmation dialog used for every consequential action: the user must tick
//! "I understand and would like to continue" before Confirm works, and a failed action keeps
//! the dialog open with the reason.
//!
//! Every confirmed action is a command under the cross-tab lock, so the steps just before the
//! click start taking that lock (`prepare_exclusive_lock`): ticking the acknowledgement (the
//! keyboard user's Space, or a click), focusing Confirm (Tab) and pressing it (`pointerdown`).
//! The click then writes at once, within a frame, however long after the tick it comes. Unticking,
//! closing or leaving the page (to another tab or window) lets the lock go at once; while the user
//! stays about to confirm, the lock is held, but yields as soon as another tab asks for it, so
//! that tab waits about a tenth of a second at most (`browser::locks`).
//!
//! Names repeat, so a confirmation says which application it acts on by its name and its
//! client ID; an action that removes something has a Confirm that looks like it (`destructive`).

use leptos::prelude::*;

use crate::browser::locks::{prepare_exclusive_lock, release_prepared_lock};
use crate::components::shared::modal::{Modal, use_modal};
use crate::domain::ClientId;
use crate::state::use_app_state;

/// Whether the confirmed action is running or has succeeded (tracked): from then on the
/// dialog's own change is what the user sees, and nothing about it is news.
pub fn action_taken(action: Action<(), Result<(), String>>) -> bool {
    action.pending().get() || matches!(action.value().get(), Some(Ok(())))
}

#[component]
pub fn ConfirmDialog(
    title: &'static str,
    /// The action Confirm runs; `Err` keeps the dialog open and shows the message.
    action: Action<(), Result<(), String>>,
    /// Further conditions Confirm waits for (a valid choice, something left to act on).
    #[prop(into)]
    ready: Signal<bool>,
    /// Set when another tab changed what this dialog is about; unticks the acknowledgement.
    #[prop(into)]
    outside_change: Signal<Option<String>>,
    on_closed: Callback<()>,
    /// The application the action changes, named above the dialog's text.
    #[prop(optional)]
    application: Option<ClientId>,
    /// Whether the action removes something: Confirm then looks dangerous.
    #[prop(optional)]
    destructive: bool,
    /// What the acknowledgement is about, where the user can change it in the dialog (the file an
    /// import reads): each new value asks for the acknowledgement again.
    #[prop(optional, into)]
    subject: Option<Signal<usize>>,
    children: Children,
) -> impl IntoView {
    // This dialog's own write changes the application too: that is no news to its user, and
    // an alert saying "changed in another tab" must not flash while the dialog closes.
    let outside_change = Signal::derive(move || {
        if action_taken(action) {
            None
        } else {
            outside_change.get()
        }
    });
    view! {
        <Modal title on_closed>
            {application.map(|client_id| view! { <ActingOn client_id /> })}
            <ConfirmBody action ready outside_change destructive subject>
                {children()}
            </ConfirmBody>
        </Modal>
    }
}

#[component]
fn ConfirmBody(
    action: Action<(), Result<(), String>>,
    ready: Signal<bool>,
    outside_change: Signal<Option<String>>,
    destructive: bool,
    subject: Option<Signal<usize>>,
    children: Children,
) -> impl IntoView {
    let modal = use_modal();
    let acknowledged = RwSignal::new(false);
    let failure = move || action.value().get().and_then(Result::err);

    Effect::new(move || {
        if matches!(action.value().get(), Some(Ok(()))) {
            modal.close_after_showing_change();
        }
    });
    // Every outside change asks again, even one described by the same words as the last.
    Effect::new(move |first_run: Option<()>| {
        if outside_change.with(Option::is_some) && first_run.is_some() {
            acknowledged.set(false);
        }
    });
    // So does a new subject: what was acknowledged was something else.
    if let Some(subject) = subject {
        Effect::new(move |first_run: Option<()>| {
            subject.track();
            if first_run.is_some() {
                acknowledged.set(false);
            }
        });
    }
    // A failure asks for a fresh acknowledgement too.
    Effect::new(move || {
        if failure().is_some() {
            acknowledged.set(false);
        }
    });

    // Done stays done: the dialog lingers (hidden) for a frame after its action succeeded.
    let can_confirm = move || acknowledged.get() && ready.get() && !action_taken(action);
    let about_to_confirm = move || {
        if can_confirm() {
            prepare_exclusive_lock();
        }
    };
    // Unticked (by the user, an outside change or a failure): nothing is about to be confirmed.
    Effect::new(move || {
        if !acknowledged.get() {
            release_prepared_lock();
        }
    });
    on_cleanup(release_prepared_lock);
    // The user went to another tab or window, where they may act: do not make it wait.
    let left_window = window_event_listener(leptos::ev::blur, |_| release_prepared_lock());
    let left_page = window_event_listener(leptos::ev::visibilitychange, |_| {
        if document().hidden() {
            release_prepared_lock();
        }
    });
    on_cleanup(move || {
        left_window.remove();
        left_page.remove();
    });
    let confirm_class = if destructive {
        "button button--destructive"
    } else {
        "button button--primary"
    };
    view! {
        <div class="modal__body">{children()}</div>
        {move || outside_change.get().map(|notice| view! { <p class="notice notice--warning" role="alert">{notice}</p> })}
        {move || failure().map(|message| view! { <p class="notice notice--error" role="alert">{message}</p> })}
        <label class="acknowledge">
            <input
                type="checkbox"
                prop:checked=acknowledged
                on:change=move |event| {
                    acknowledged.set(event_target_checked(&event));
                    about_to_confirm();
                }
            />
            "I understand and would like to continue"
        </label>
        <div class="modal__actions">
            <button
                type="button"
                class=confirm_class
                disabled=move || !can_confirm()
                on:focus=move |_| about_to_confirm()
                on:pointerdown=move |_| about_to_confirm()
                on:click=move |_| {
                    action.dispatch(());
                }
            >
                "Confirm"
            </button>
            <button type="button" class="button" on:click=move |_| modal.close()>"Cancel"</button>
        </div>
    }
}

/// The application a confirmation acts on: its name (as stored now, so a rename in another tab
/// shows) and its client ID, which tells apart applications of the same name.
#[component]
fn ActingOn(client_id: ClientId) -> impl IntoView {
    let state = use_app_state();
    let name = {
        let client_id = client_id.clone();
        move || {
            state
                .application(&client_id)
                .map(|app| app.name().as_str().to_owned())
        }
    };
    view! {
        <dl class="acting-on">
            <dt>"Application"</dt>
            <dd class="acting-on__name"><bdi>{name}</bdi></dd>
            <dt>"Client ID"</dt>
            <dd><code>{client_id.to_string()}</code></dd>
        </dl>
    }
}
