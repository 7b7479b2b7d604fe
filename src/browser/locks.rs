//! Cross-tab mutual exclusion through the Web Locks API (`navigator.locks`), made safe for
//! localStorage.
//!
//! Every command that reads, changes and writes a record runs inside one named exclusive lock,
//! so two tabs cannot interleave their read and write of the same record. The lock alone is not
//! enough: browsers keep a per-process copy of localStorage and bring it up to date
//! asynchronously, on a channel that is not ordered with lock grants (whatwg/html#403). A tab can
//! be granted the lock before it sees the write its predecessor made under that lock, read the
//! older record, pass the revision check against it and overwrite a secret another tab has
//! already shown to its user. So a writer leaves a *write marker* in the lock manager itself
//! (a short-lived lock whose name holds a sequence number, the key and a fingerprint of the value
//! written) before it lets go, and the next holder waits until its own copy of localStorage
//! shows the latest marked value of every key before it reads anything. Lock grants and
//! `locks.query()` are answered by the same manager, so the marker is always visible in time.
//! If the copy does not catch up within a couple of seconds the command is refused with
//! nothing changed. Where the API is missing (old browsers, some embedded views) the work runs
//! directly and the repository's revision check still refuses a stale write.
//!
//! A lock can also be taken ahead of its command (`prepare_exclusive_lock`), when the user is
//! about to confirm, so the click finds the grant, the marker query and the catch-up done. Such a
//! lock is held unused for as long as the user stays about to confirm, and yields to any other
//! request: while it waits, its holder asks the lock manager every `PREPARED_POLL_MS` whether a
//! request for the lock is pending, and lets it go at once if so. Another tab's command therefore
//! waits about one poll at most. Holding the lock longer does not make its catch-up stale: every
//! write to the console's keys is made under this lock (every command in `src/state` runs in
//! `with_exclusive_lock`: application changes, settings, activity events, import chunks), so from
//! the grant until the work runs no other tab can write, and the copy caught up at the grant is
//! still the latest when the work reads it. The one write outside the lock is the demo seeding of
//! a first visit, which only happens on a storage holding no console keys at all, and the
//! repository's revision check would still refuse a stale write.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, future_to_promise, spawn_local};

use crate::browser::leave_warning::PendingChange;

// The slice of the Web Locks API this module uses, typed. web-sys has bindings for it only
// behind `--cfg=web_sys_unstable_apis`, so these few are declared here instead.
#[wasm_bindgen]
extern "C" {
    /// `navigator.locks`.
    #[wasm_bindgen(extends = Object)]
    #[derive(Clone)]
    type LockManager;

    /// `LockManager.request(name, callback)`: the callback runs once the exclusive lock is
    /// granted, which is held until the promise the callback returns settles.
    #[wasm_bindgen(method, catch)]
    fn request(this: &LockManager, name: &str, callback: &Function) -> Result<Promise, JsValue>;

    /// `LockManager.request(name, options, callback)`.
    #[wasm_bindgen(method, catch, js_name = request)]
    fn request_with_options(
        this: &LockManager,
        name: &str,
        options: &LockOptions,
        callback: &Function,
    ) -> Result<Promise, JsValue>;

    /// `LockManager.query()`: a promise of the locks held and requested in this origin.
    #[wasm_bindgen(method, catch)]
    fn query(this: &LockManager) -> Result<Promise, JsValue>;

    /// The `LockManagerSnapshot` that `query()` resolves to.
    #[wasm_bindgen(extends = Object)]
    type LockManagerSnapshot;

    #[wasm_bindgen(method, getter)]
    fn held(this: &LockManagerSnapshot) -> Option<Array>;

    #[wasm_bindgen(method, getter)]
    fn pending(this: &LockManagerSnapshot) -> Option<Array>;

    /// A `LockInfo` of the snapshot.
    #[wasm_bindgen(extends = Object)]
    type LockInfo;

    #[wasm_bindgen(method, getter)]
    fn name(this: &LockInfo) -> Option<String>;

    /// The `LockOptions` dictionary.
    #[wasm_bindgen(extends = Object)]
    type LockOptions;

    #[wasm_bindgen(method, setter)]
    fn set_mode(this: &LockOptions, mode: &str);

    /// The `navigator`, seen for its `locks` member only.
    #[wasm_bindgen(extends = Object)]
    type NavigatorLocks;

    /// `navigator.locks`: absent in insecure contexts and older browsers.
    #[wasm_bindgen(method, getter)]
    fn locks(this: &NavigatorLocks) -> Option<LockManager>;
}

const LOCK_NAME: &str = "client-secret-console.writes";
const MARKER_PREFIX: &str = "client-secret-console.written.";
/// How long a write marker is held: far longer than localStorage takes to reach other tabs.
const MARKER_LIFETIME_MS: i32 = 10_000;
/// How often a lock taken ahead of a click (`prepare_exclusive_lock`) and not used yet asks
/// whether another request waits for it: the longest another tab's command waits for it, give or
/// take the query's round trip. 100 ms is below what a person notices as a pause after their
/// click, and the ten `locks.query()` calls a second it costs, answered by the browser without
/// touching storage, are nothing measurable; polling faster would only wake the page more often.
const PREPARED_POLL_MS: i32 = 100;
/// How long a lock taken ahead of a click is kept unused at the most. Yielding already keeps other
/// tabs from waiting on it; this stops a dialog left ticked on a screen nobody looks at from
/// polling (and keeping a laptop's or phone's CPU waking) for hours. A click after it requests the
/// lock as any command does, a few milliseconds slower.
const PREPARED_HOLD_LIMIT_MS: f64 = 60_000.0;
/// How long a lock holder waits for its localStorage copy to show the latest marked writes.
const CATCH_UP_LIMIT_MS: f64 = 2_000.0;
const CATCH_UP_POLL_MS: i32 = 5;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "The browser could not coordinate this change with other open tabs, so nothing was changed. Try again."
)]
pub struct LockError;

/// The localStorage keys a piece of work wrote; each gets a write marker before the lock is
/// released.
#[derive(Debug, Default)]
pub struct WriteLog {
    keys: Vec<String>,
}

impl WriteLog {
    pub fn wrote(&mut self, key: impl Into<String>) {
        self.keys.push(key.into());
    }
}

/// Runs `work` while holding the console's exclusive lock, once this tab's localStorage shows
/// every write another tab marked. Returns as soon as `work` has run; the lock is held a moment
/// longer, until its writes are marked. Uses the lock `prepare_exclusive_lock` took ahead, if any.
///
/// Generic only in this thin wrapper: the lock plumbing below runs a type-erased `work`, so each
/// command adds one small closure to the wasm rather than its own copy of the promise machinery.
pub async fn with_exclusive_lock<T: 'static>(
    work: impl FnOnce(&mut WriteLog) -> T + 'static,
) -> Result<T, LockError> {
    // Leaving the page before the work ran would drop the change: the browser asks first.
    let _pending = PendingChange::begin();
    let value: Rc<RefCell<Option<T>>> = Rc::default();
    let slot = Rc::clone(&value);
    run_exclusive(Box::new(move |written| {
        *slot.borrow_mut() = Some(work(written));
    }))
    .await?;
    value.take().ok_or(LockError)
}

/// Starts taking the exclusive lock (and catching up with other tabs' writes) before the command
/// that needs it exists: called when the user is about to confirm (the acknowledgement ticked,
/// Confirm focused or pressed), so by the time the click arrives the grant, the marker query and
/// the catch-up are done and the command's write runs at once. The next `with_exclusive_lock` in
/// this tab uses it. Until then it is held unused while no other request for the lock is pending
/// (see `hold_prepared_lock_until_awaited`) and for `PREPARED_HOLD_LIMIT_MS` at the most, then
/// released untouched; it is not requested again by itself (two tabs with a ticked dialog would
/// pass it back and forth), the user's next step prepares it again. The guarantees are those of
/// `with_exclusive_lock`: the lock is held from the catch-up to the write. Does nothing where the
/// API is missing or a prepared lock is already waiting.
pub fn prepare_exclusive_lock() {
    if PREPARED.with_borrow(Option::is_some) {
        return;
    }
    let Some(locks) = lock_manager() else { return };
    let Ok(session) = Session::request(&locks) else {
        return;
    };
    let (id, granted) = (session.id, session.granted.clone());
    PREPARED.set(Some(session));
    spawn_local(hold_prepared_lock_until_awaited(locks, id, granted));
}

/// Lets a lock `prepare_exclusive_lock` took go untouched, if no command took it yet: the user
/// stepped back (unticked the acknowledgement, closed the dialog, left the page), so nothing is
/// about to need it. A lock a command already took is not affected.
pub fn release_prepared_lock() {
    if let Some(session) = PREPARED.take() {
        session.release_unused();
    }
}

/// Keeps the prepared lock `id`, once `granted`, while it may stay (`prepared_lock_may_stay`),
/// asking the lock manager every `PREPARED_POLL_MS`; lets it go when not. Ends as soon as a
/// command took it or it was released otherwise.
async fn hold_prepared_lock_until_awaited(locks: LockManager, id: u64, granted: Promise) {
    let prepared_at = js_sys::Date::now();
    // Until the grant this tab's own request is among the pending ones.
    if JsFuture::from(granted).await.is_err() {
        release_unused_prepared_lock(id);
        return;
    }
    while is_prepared(id) {
        let may_stay = match pending_lock_names(&locks).await {
            Ok(pending) => prepared_lock_may_stay(js_sys::Date::now() - prepared_at, pending),
            // Whether someone waits is unknown: do not risk making them wait.
            Err(LockError) => false,
        };
        if !may_stay || sleep(PREPARED_POLL_MS).await.is_err() {
            release_unused_prepared_lock(id);
            return;
        }
    }
}

/// Whether a lock taken ahead of a click, unused for `unused_for_ms`, may stay held while the
/// lock manager has requests of `pending_names` waiting: not if one of them is for this lock,
/// and not past `PREPARED_HOLD_LIMIT_MS`. While it is held, a pending request for its name is
/// never this tab's own: a command in this tab takes the prepared lock instead of requesting.
fn prepared_lock_may_stay(
    unused_for_ms: f64,
    pending_names: impl IntoIterator<Item = String>,
) -> bool {
    unused_for_ms < PREPARED_HOLD_LIMIT_MS
        && !pending_names.into_iter().any(|name| name == LOCK_NAME)
}

fn is_prepared(id: u64) -> bool {
    PREPARED.with_borrow(|prepared| prepared.as_ref().is_some_and(|session| session.id == id))
}

/// Releases the prepared lock `id`, unless a command took it (or it was released) meanwhile.
fn release_unused_prepared_lock(id: u64) {
    let unused = PREPARED.with_borrow_mut(|prepared| prepared.take_if(|session| session.id == id));
    if let Some(session) = unused {
        session.release_unused();
    }
}

type Work = Box<dyn FnOnce(&mut WriteLog)>;

thread_local! {
    /// The lock `prepare_exclusive_lock` requested ahead of its command, until that command
    /// takes it or it is released unused.
    static PREPARED: RefCell<Option<Session>> = const { RefCell::new(None) };
    static SESSIONS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

async fn run_exclusive(work: Work) -> Result<(), LockError> {
    let session = match PREPARED.take() {
        Some(prepared) => prepared,
        None => {
            let Some(locks) = lock_manager() else {
                work(&mut WriteLog::default());
                return Ok(());
            };
            Session::request(&locks)?
        }
    };
    session.run(work).await
}

/// One request for the exclusive lock. Its holder catches up with the marked writes, then waits
/// for the work to be handed over (at once, or at the click for a prepared lock), runs it and
/// marks its writes before letting go.
struct Session {
    id: u64,
    /// Settles once the lock is granted (before the catch-up), or rejects if the request failed.
    granted: Promise,
    work: Rc<RefCell<Option<Work>>>,
    /// Resolves the promise the holder waits on before it runs `work` (or finds none).
    hand_over: Function,
    outcome: Rc<RefCell<Option<Result<(), LockError>>>>,
    /// Settles once the work ran or was refused, or the request failed before it could run.
    done: Promise,
}

impl Session {
    fn request(locks: &LockManager) -> Result<Session, LockError> {
        let work: Rc<RefCell<Option<Work>>> = Rc::default();
        let outcome: Rc<RefCell<Option<Result<(), LockError>>>> = Rc::default();
        let (granted, grant) = promise_with_resolve()?;
        let (handed_over, hand_over) = promise_with_resolve()?;
        let (finished, finish) = promise_with_resolve()?;
        let manager = locks.clone();
        let (work_slot, outcome_slot) = (Rc::clone(&work), Rc::clone(&outcome));
        // The lock is held until the promise this callback returns settles.
        let callback = Closure::once_into_js(move |_lock: JsValue| -> Promise {
            let _ = grant.call0(&JsValue::UNDEFINED);
            future_to_promise(async move {
                let caught_up = catch_up_with_marked_writes(&manager).await;
                let _ = JsFuture::from(handed_over).await;
                let Some(work) = work_slot.take() else {
                    return Ok(JsValue::UNDEFINED);
                };
                let (result, written) = match caught_up {
                    Ok(markers) => (Ok(()), run_and_mark(&markers, work)),
                    Err(error) => (Err(error), Vec::new()),
                };
                *outcome_slot.borrow_mut() = Some(result);
                let _ = finish.call0(&JsValue::UNDEFINED);
                announce_writes(&manager, written).await;
                Ok(JsValue::UNDEFINED)
            })
        });
        let request = locks
            .request(LOCK_NAME, callback.unchecked_ref())
            .map_err(|_| LockError)?;
        // The request itself settles first only when it failed before the grant or the work.
        let granted = Promise::race(&Array::of2(&granted, &request));
        let done = Promise::race(&Array::of2(&finished, &request));
        let id = SESSIONS.get() + 1;
        SESSIONS.set(id);
        Ok(Session {
            id,
            granted,
            work,
            hand_over,
            outcome,
            done,
        })
    }

    async fn run(self, work: Work) -> Result<(), LockError> {
        *self.work.borrow_mut() = Some(work);
        let _ = self.hand_over.call0(&JsValue::UNDEFINED);
        JsFuture::from(self.done).await.map_err(|_| LockError)?;
        self.outcome.take().unwrap_or(Err(LockError))
    }

    /// Lets the holder go without work: nothing is read or written.
    fn release_unused(self) {
        let _ = self.hand_over.call0(&JsValue::UNDEFINED);
    }
}

fn promise_with_resolve() -> Result<(Promise, Function), LockError> {
    let mut resolve = None;
    let promise = Promise::new(&mut |resolved, _rejected| resolve = Some(resolved));
    Ok((promise, resolve.ok_or(LockError)?))
}

/// Waits until this tab's localStorage shows every marked write; returns the markers.
async fn catch_up_with_marked_writes(locks: &LockManager) -> Result<Vec<WriteMarker>, LockError> {
    let markers = held_markers(locks).await?;
    catch_up(&markers).await?;
    Ok(markers)
}

/// Runs `work` on the caught-up storage; returns the markers its writes need.
fn run_and_mark(markers: &[WriteMarker], work: Work) -> Vec<WriteMarker> {
    let mut log = WriteLog::default();
    work(&mut log);
    let last_sequence = markers
        .iter()
        .map(|marker| marker.sequence)
        .max()
        .unwrap_or(0);
    (last_sequence + 1..)
        .zip(log.keys)
        .map(|(sequence, key)| WriteMarker {
            sequence,
            fingerprint: fingerprint(stored_value(&key).as_deref()),
            key,
        })
        .collect()
}

/// Takes a marker lock for every write. The write has happened: a failure here is only logged.
async fn announce_writes(locks: &LockManager, written: Vec<WriteMarker>) {
    for marker in written {
        if hold_marker(locks, &marker.name()).await.is_err() {
            web_sys::console::warn_1(&JsValue::from_str(
                "Client Secret Console: a write could not be announced to other tabs.",
            ));
        }
    }
}

/// One write announced through the lock manager.
#[derive(Debug, Clone, PartialEq, Eq)]
struct WriteMarker {
    sequence: u64,
    fingerprint: u64,
    key: String,
}

impl WriteMarker {
    fn name(&self) -> String {
        format!(
            "{MARKER_PREFIX}{}.{:016x}.{}",
            self.sequence, self.fingerprint, self.key
        )
    }

    fn parse(name: &str) -> Option<WriteMarker> {
        let mut fields = name.strip_prefix(MARKER_PREFIX)?.splitn(3, '.');
        let sequence = fields.next()?.parse().ok()?;
        let fingerprint = u64::from_str_radix(fields.next()?, 16).ok()?;
        let key = fields.next()?.to_owned();
        Some(WriteMarker {
            sequence,
            fingerprint,
            key,
        })
    }
}

/// FNV-1a over the stored text, with absence distinct from every text: it only has to tell
/// "this copy shows that write" from "it does not yet", not resist an adversary.
fn fingerprint(value: Option<&str>) -> u64 {
    let Some(value) = value else { return 0 };
    let hash = value.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    hash.max(1)
}

async fn held_markers(locks: &LockManager) -> Result<Vec<WriteMarker>, LockError> {
    let held = snapshot(locks).await?.held();
    Ok(lock_names(held)
        .filter_map(|name| WriteMarker::parse(&name))
        .collect())
}

/// The names of the lock requests waiting to be granted in this origin.
async fn pending_lock_names(locks: &LockManager) -> Result<Vec<String>, LockError> {
    let pending = snapshot(locks).await?.pending();
    Ok(lock_names(pending).collect())
}

async fn snapshot(locks: &LockManager) -> Result<LockManagerSnapshot, LockError> {
    let query = locks.query().map_err(|_| LockError)?;
    Ok(JsFuture::from(query)
        .await
        .map_err(|_| LockError)?
        .unchecked_into())
}

/// The names in a snapshot's list of `LockInfo`s (`held` or `pending`).
fn lock_names(infos: Option<Array>) -> impl Iterator<Item = String> {
    infos
        .unwrap_or_default()
        .into_iter()
        .filter_map(|info| info.unchecked_into::<LockInfo>().name())
}

/// Waits until this tab's localStorage shows the latest marked value of every marked key.
async fn catch_up(markers: &[WriteMarker]) -> Result<(), LockError> {
    let mut latest: HashMap<&str, &WriteMarker> = HashMap::new();
    for marker in markers {
        let entry = latest.entry(marker.key.as_str()).or_insert(marker);
        if marker.sequence > entry.sequence {
            *entry = marker;
        }
    }
    if latest.is_empty() || local_storage().is_none() {
        return Ok(());
    }
    let deadline = js_sys::Date::now() + CATCH_UP_LIMIT_MS;
    loop {
        let caught_up = latest
            .values()
            .all(|marker| fingerprint(stored_value(&marker.key).as_deref()) == marker.fingerprint);
        if caught_up {
            return Ok(());
        }
        if js_sys::Date::now() > deadline {
            return Err(LockError);
        }
        sleep(CATCH_UP_POLL_MS).await?;
    }
}

/// Takes the marker lock and keeps it for `MARKER_LIFETIME_MS`; returns once it is granted.
async fn hold_marker(locks: &LockManager, name: &str) -> Result<(), LockError> {
    let mut granted_resolve = None;
    let granted = Promise::new(&mut |resolve, _reject| granted_resolve = Some(resolve));
    let granted_resolve = granted_resolve.ok_or(LockError)?;
    let hold = Closure::once_into_js(move |_lock: JsValue| -> Promise {
        let _ = granted_resolve.call0(&JsValue::UNDEFINED);
        Promise::new(&mut |release, _reject| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    &release,
                    MARKER_LIFETIME_MS,
                );
            }
        })
    });
    let options: LockOptions = Object::new().unchecked_into();
    options.set_mode("shared");
    // The request settles only when the marker is released; only the grant is awaited.
    let _released = locks
        .request_with_options(name, &options, hold.unchecked_ref())
        .map_err(|_| LockError)?;
    JsFuture::from(granted).await.map_err(|_| LockError)?;
    Ok(())
}

async fn sleep(milliseconds: i32) -> Result<(), LockError> {
    let window = web_sys::window().ok_or(LockError)?;
    let mut scheduled = Ok(0);
    let timer = Promise::new(&mut |resolve, _reject| {
        scheduled =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, milliseconds);
    });
    scheduled.map_err(|_| LockError)?;
    JsFuture::from(timer).await.map_err(|_| LockError)?;
    Ok(())
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn stored_value(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok()?
}

fn lock_manager() -> Option<LockManager> {
    web_sys::window()?
        .navigator()
        .unchecked_into::<NavigatorLocks>()
        .locks()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_name_round_trips_even_with_dots_in_the_key() {
        let marker = WriteMarker {
            sequence: 42,
            fingerprint: fingerprint(Some("{\"rev\":7}")),
            key: "client-secret-console.v1.app.0f3c".into(),
        };
        assert_eq!(WriteMarker::parse(&marker.name()), Some(marker));
    }

    #[test]
    fn foreign_and_malformed_lock_names_are_not_markers() {
        assert_eq!(WriteMarker::parse("client-secret-console.writes"), None);
        assert_eq!(
            WriteMarker::parse("client-secret-console.written.x.00.k"),
            None
        );
        assert_eq!(
            WriteMarker::parse("client-secret-console.written.1.zz.k"),
            None
        );
        assert_eq!(
            WriteMarker::parse("client-secret-console.written.1.00"),
            None
        );
    }

    #[test]
    fn a_prepared_lock_stays_while_only_other_locks_are_requested() {
        let marker = WriteMarker {
            sequence: 3,
            fingerprint: 9,
            key: "client-secret-console.v1.index".into(),
        };
        assert!(prepared_lock_may_stay(0.0, Vec::new()));
        assert!(prepared_lock_may_stay(
            30_000.0,
            vec![marker.name(), "another-site-script.lock".into()]
        ));
    }

    #[test]
    fn a_prepared_lock_yields_as_soon_as_the_console_lock_is_requested() {
        assert!(!prepared_lock_may_stay(
            0.0,
            vec!["another-site-script.lock".into(), LOCK_NAME.into()]
        ));
    }

    #[test]
    fn a_prepared_lock_goes_after_its_limit_even_if_nobody_waits() {
        assert!(prepared_lock_may_stay(
            PREPARED_HOLD_LIMIT_MS - 1.0,
            Vec::new()
        ));
        assert!(!prepared_lock_may_stay(PREPARED_HOLD_LIMIT_MS, Vec::new()));
    }

    #[test]
    fn fingerprints_tell_absence_and_different_values_apart() {
        assert_ne!(fingerprint(None), fingerprint(Some("")));
        assert_ne!(
            fingerprint(Some("{\"rev\":7}")),
            fingerprint(Some("{\"rev\":8}"))
        );
        assert_eq!(fingerprint(Some("same")), fingerprint(Some("same")));
    }
}

/// The lock manager is the browser's: these run in headless Chromium
/// (`cargo test --target wasm32-unknown-unknown`). A stale copy of localStorage is played by a
/// marker announcing a value this page's storage does not show yet.
#[cfg(all(test, target_arch = "wasm32"))]
mod in_browser {
    use super::*;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    fn set(key: &str, value: &str) {
        if let Some(storage) = local_storage() {
            storage.set_item(key, value).unwrap();
        }
    }

    fn marker_for(sequence: u64, key: &str, value: &str) -> String {
        WriteMarker {
            sequence,
            fingerprint: fingerprint(Some(value)),
            key: key.into(),
        }
        .name()
    }

    /// Another tab wrote "newer" under `key` and marked it; this page's storage shows "older"
    /// until the write arrives 100 ms later.
    async fn a_marked_write_arrives_late(key: &'static str, sequence: u64) {
        set(key, "older");
        let locks = lock_manager().unwrap();
        hold_marker(&locks, &marker_for(sequence, key, "newer"))
            .await
            .unwrap();
        let arrives = Closure::once_into_js(move || set(key, "newer"));
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(arrives.unchecked_ref(), 100)
            .unwrap();
    }

    /// Writes `value` under the lock, logged, then (once a second holder was granted the lock,
    /// so the first let go of it) returns the markers held for `key` and all markers held.
    async fn write_and_read_markers(
        key: &'static str,
        value: &'static str,
    ) -> (Vec<WriteMarker>, Vec<WriteMarker>) {
        let outcome = with_exclusive_lock(move |written| {
            set(key, value);
            written.wrote(key);
        })
        .await;
        assert_eq!(outcome, Ok(()));
        assert_eq!(with_exclusive_lock(|_| ()).await, Ok(()));
        let markers = held_markers(&lock_manager().unwrap()).await.unwrap();
        let for_key = markers
            .iter()
            .filter(|marker| marker.key == key)
            .cloned()
            .collect();
        (for_key, markers)
    }

    #[wasm_bindgen_test]
    async fn the_next_holder_waits_until_its_storage_shows_the_marked_write() {
        let key = "locks-test.catch-up";
        a_marked_write_arrives_late(key, 900).await;

        let seen = with_exclusive_lock(move |_| stored_value(key)).await;

        assert_eq!(seen, Ok(Some("newer".to_owned())));
    }

    #[wasm_bindgen_test]
    async fn a_copy_that_never_catches_up_refuses_the_work_untouched() {
        let key = "locks-test.never";
        set(key, "older");
        let locks = lock_manager().unwrap();
        hold_marker(&locks, &marker_for(901, key, "lost in transit"))
            .await
            .unwrap();

        let ran = Rc::new(RefCell::new(false));
        let flag = Rc::clone(&ran);
        let outcome = with_exclusive_lock(move |_| *flag.borrow_mut() = true).await;

        assert_eq!(outcome, Err(LockError));
        assert!(!*ran.borrow(), "the work never ran on the stale copy");
        // Let later tests run: the storage now shows the marked value.
        set(key, "lost in transit");
    }

    #[wasm_bindgen_test]
    async fn a_lock_prepared_before_the_click_still_waits_for_the_marked_write() {
        let key = "locks-test.prepared-catch-up";
        a_marked_write_arrives_late(key, 902).await;
        prepare_exclusive_lock();

        let seen = with_exclusive_lock(move |_| stored_value(key)).await;

        assert_eq!(seen, Ok(Some("newer".to_owned())));
        assert!(
            PREPARED.with_borrow(Option::is_none),
            "the command took the prepared lock"
        );
    }

    #[wasm_bindgen_test]
    async fn writes_under_a_prepared_lock_are_announced() {
        let key = "locks-test.prepared-announced";
        prepare_exclusive_lock();

        let (announced, _) = write_and_read_markers(key, "prepared value").await;

        assert_eq!(announced.len(), 1);
        assert_eq!(
            announced[0].fingerprint,
            fingerprint(Some("prepared value"))
        );
    }

    async fn console_lock_is_held() -> bool {
        let held = snapshot(&lock_manager().unwrap()).await.unwrap().held();
        lock_names(held).any(|name| name == LOCK_NAME)
    }

    /// Waits (a second at most) until the console's lock is held, or until it is not.
    async fn until_console_lock_is_held(expected: bool) {
        let deadline = js_sys::Date::now() + 1_000.0;
        while console_lock_is_held().await != expected {
            assert!(
                js_sys::Date::now() < deadline,
                "the console's lock held: {expected}"
            );
            sleep(10).await.unwrap();
        }
    }

    #[wasm_bindgen_test]
    async fn a_prepared_lock_stays_held_while_no_other_request_waits() {
        prepare_exclusive_lock();
        until_console_lock_is_held(true).await;

        sleep(10 * PREPARED_POLL_MS).await.unwrap();

        assert!(console_lock_is_held().await, "held through ten polls");
        assert!(PREPARED.with_borrow(Option::is_some));
        release_prepared_lock();
        until_console_lock_is_held(false).await;
    }

    #[wasm_bindgen_test]
    async fn a_prepared_lock_yields_to_another_request_within_a_few_polls() {
        prepare_exclusive_lock();
        until_console_lock_is_held(true).await;

        // A request of its own, as another tab's command makes (`with_exclusive_lock` here would
        // take the prepared lock instead).
        let started = js_sys::Date::now();
        let other = Session::request(&lock_manager().unwrap()).unwrap();
        assert_eq!(other.run(Box::new(|_| ())).await, Ok(()));

        // Far below the hold limit, and below the 3 s the lock was once kept: it yielded, with
        // room for a loaded machine (a poll is 100 ms).
        assert!(js_sys::Date::now() - started < f64::from(20 * PREPARED_POLL_MS));
        assert!(
            PREPARED.with_borrow(Option::is_none),
            "the prepared lock was let go, not kept for later"
        );
    }

    #[wasm_bindgen_test]
    async fn a_released_prepared_lock_is_let_go_at_once() {
        prepare_exclusive_lock();
        until_console_lock_is_held(true).await;

        release_prepared_lock();

        assert!(PREPARED.with_borrow(Option::is_none));
        // Nothing is pending, so only the release can have let it go.
        until_console_lock_is_held(false).await;
        assert_eq!(with_exclusive_lock(|_| 8).await, Ok(8));
    }

    #[wasm_bindgen_test]
    async fn every_logged_write_is_announced_before_the_lock_is_released() {
        let key = "locks-test.announced";

        let (announced, markers) = write_and_read_markers(key, "fresh value").await;

        assert_eq!(announced.len(), 1);
        assert_eq!(announced[0].fingerprint, fingerprint(Some("fresh value")));
        assert!(
            markers
                .iter()
                .all(|marker| marker.key == key || marker.sequence < announced[0].sequence),
            "the newest write has the highest sequence number"
        );
    }
}
