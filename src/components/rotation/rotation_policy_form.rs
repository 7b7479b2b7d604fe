//! The Rotation Policy form: the console-wide interval in days, or no policy. What is typed is
//! kept exactly as typed and checked by the domain as it is typed; Save stays disabled, with the
//! reason beside the field, until it is valid. Until edited, the form shows the stored policy (and follows other
//! tabs' changes to it).

use leptos::prelude::*;

use crate::components::shared::field::Field;
use crate::components::shared::whole_number_input::WholeNumberInput;
use crate::domain::{
    DEFAULT_ROTATION_DAYS, IntervalError, MAX_ROTATION_DAYS, MIN_ROTATION_DAYS, RotationInterval,
    RotationPolicy,
};
use crate::state::use_app_state;

/// The form's heading, which the empty Rotation Due table links to.
pub const HEADING_ID: &str = "rotation-policy-heading";
const HINT_ID: &str = "rotation-interval-hint";
const ERROR_ID: &str = "rotation-interval-error";

#[component]
pub fn RotationPolicyForm() -> impl IntoView {
    let state = use_app_state();
    let stored = state.rotation_policy();
    // `None` while the field shows what is stored.
    let typed_days = RwSignal::new(None::<String>);
    let chose_no_policy = RwSignal::new(None::<bool>);
    let days_text = move || {
        typed_days.get().unwrap_or_else(|| match stored.get() {
            RotationPolicy::Every(interval) => interval.in_days().to_string(),
            RotationPolicy::NoPolicy => DEFAULT_ROTATION_DAYS.to_string(),
        })
    };
    let no_policy = move || {
        chose_no_policy
            .get()
            .unwrap_or_else(|| stored.get() == RotationPolicy::NoPolicy)
    };
    let chosen = Memo::new(move |_| -> Result<RotationPolicy, IntervalError> {
        if no_policy() {
            Ok(RotationPolicy::NoPolicy)
        } else {
            RotationInterval::parse(&days_text()).map(RotationPolicy::Every)
        }
    });
    let interval_error = Signal::derive(move || chosen.get().err().map(|error| error.to_string()));

    let save = Action::new_local(move |policy: &RotationPolicy| {
        let policy = *policy;
        async move {
            state
                .set_rotation_policy(policy)
                .await
                .map(|()| policy)
                .map_err(|error| error.to_string())
        }
    });
    Effect::new(move || {
        if let Some(Ok(policy)) = save.value().get() {
            typed_days.set(None);
            chose_no_policy.set(None);
            state.announce(saved_announcement(policy));
        }
    });
    let save_failure = move || save.value().get().and_then(Result::err);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if let Ok(policy) = chosen.get_untracked() {
            save.dispatch(policy);
        }
    };

    view! {
        <form class="card rotation-policy" aria-labelledby=HEADING_ID on:submit=submit novalidate>
            <h2 id=HEADING_ID class="card__title">"Rotation Policy"</h2>
            <p id=HINT_ID class="card__text">
                "A client secret is due for rotation 14 days (or a tenth of the interval, if shorter) before it reaches the interval's age, and overdue from then on."
            </p>
            <Field label="Rotation interval (days)" error_id=ERROR_ID error=interval_error>
                <WholeNumberInput
                    text=Signal::derive(days_text)
                    on_text=Callback::new(move |text| typed_days.set(Some(text)))
                    min=u32::from(MIN_ROTATION_DAYS)
                    max=u32::from(MAX_ROTATION_DAYS)
                    value_now=Signal::derive(move || chosen.get().ok().and_then(|policy| match policy {
                        RotationPolicy::Every(interval) => Some(u32::from(interval.in_days())),
                        RotationPolicy::NoPolicy => None,
                    }))
                    error=interval_error
                    described_by=format!("{HINT_ID} {ERROR_ID}")
                    disabled=Signal::derive(no_policy)
                />
            </Field>
            <label class="checkbox">
                <input
                    type="checkbox"
                    prop:checked=no_policy
                    on:change=move |event| chose_no_policy.set(Some(event_target_checked(&event)))
                />
                "No rotation policy"
            </label>
            {move || save_failure().map(|message| view! { <p class="notice notice--error" role="alert">{message}</p> })}
            <div class="card__actions">
                <button
                    type="submit"
                    class="button button--primary"
                    disabled=move || chosen.with(Result::is_err) || save.pending().get()
                >
                    "Save"
                </button>
            </div>
        </form>
    }
}

fn saved_announcement(policy: RotationPolicy) -> String {
    match policy {
        RotationPolicy::Every(interval) => match interval.in_days() {
            1 => "Rotation policy saved: rotate client secrets every day.".to_owned(),
            days => format!("Rotation policy saved: rotate client secrets every {days} days."),
        },
        RotationPolicy::NoPolicy => "Rotation policy saved: no rotation policy.".to_owned(),
    }
}
