//! Cross-tab mutual exclusion through the Web Locks API (`navigator.locks`).
//!
//! Every command that reads, changes and writes a record runs inside one named exclusive lock,
//! so two tabs cannot interleave their read and write of the same record. Where the API is
//! missing (old browsers, some embedded views) the work runs directly and the repository's
//! revision check still refuses a stale write.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

const LOCK_NAME: &str = "client-secret-console.writes";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "The browser could not coordinate this change with other open tabs, so nothing was changed. Try again."
)]
pub struct LockError;

/// Runs `work` while holding the console's exclusive lock.
pub async fn with_exclusive_lock<T: 'static>(
    work: impl FnOnce() -> T + 'static,
) -> Result<T, LockError> {
    let Some(locks) = lock_manager() else {
        return Ok(work());
    };
    let outcome: Rc<RefCell<Option<T>>> = Rc::default();
    let slot = Rc::clone(&outcome);
    let callback = Closure::once_into_js(move |_lock: JsValue| {
        *slot.borrow_mut() = Some(work());
    });
    let request = Reflect::get(&locks, &JsValue::from_str("request"))
        .ok()
        .and_then(|request| request.dyn_into::<Function>().ok())
        .ok_or(LockError)?;
    let promise = request
        .call2(&locks, &JsValue::from_str(LOCK_NAME), &callback)
        .ok()
        .and_then(|promise| promise.dyn_into::<Promise>().ok())
        .ok_or(LockError)?;
    JsFuture::from(promise).await.map_err(|_| LockError)?;
    outcome.take().ok_or(LockError)
}

fn lock_manager() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}
