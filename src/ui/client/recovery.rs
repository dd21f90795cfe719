//! Recovery from a worker that fails (see the module docs of [`super`]): the watchdog, the
//! restart with the request in flight, the quiet retries of a worker that failed to load, and
//! the one listener told about restarts in words.

use crate::i18n::{fill, t};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::request::{Event, Failure, WATCHDOG_MS};
use super::WorkerClient;

/// How often the watchdog looks. It counts its own ticks rather than reading the clock, so a
/// page that was frozen (a phone's locked screen: its worker was frozen too) gives the worker a
/// full [`WATCHDOG_MS`] to speak again after it wakes up.
const WATCHDOG_TICK_MS: u32 = 500;
/// A request that kills every fresh worker is not retried forever.
const MAX_FAULTS_IN_A_ROW: u32 = 3;
/// The delays before each quiet retry of a worker that failed to load (see the module docs): a
/// short backoff. Retries are also spaced [`RETRY_GAP_MS`] apart, page-wide ([`retry_delay`]).
const LOAD_RETRY_MS: [i32; 3] = [100, 300, 900];
/// Least time between two quiet retries, whichever clients they belong to. WebKit, offline,
/// loads only one of several worker scripts asked for at once from the service worker's cache
/// and fails the others within ≈ 50 ms (measured in WebKitGTK 2.50: 8 workers started together,
/// 1 loaded; started 10 ms or more apart, all 8). Workers that failed together, as a sweep's
/// seven do on an 8-core machine, would fail together again at the same backoff.
const RETRY_GAP_MS: f64 = 50.0;
/// Who is told, in words, about a restart.
type RestartListener = Rc<dyn Fn(String)>;

thread_local! {
    /// Who is told about restarts (the page's worker notice).
    static ON_RESTART: RefCell<Option<RestartListener>> = const { RefCell::new(None) };
    /// When the latest quiet retry is due (page clock, ms).
    static LAST_RETRY_AT: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
}

/// The delay before a quiet retry whose backoff is `backoff_ms`: at least that, and at least
/// [`RETRY_GAP_MS`] after the retry due before it (any client's), so retries load one at a time.
fn retry_delay(backoff_ms: i32) -> i32 {
    let now = crate::ui::timing::now();
    LAST_RETRY_AT.with(|last| {
        let at = (now + f64::from(backoff_ms)).max(last.get() + RETRY_GAP_MS);
        last.set(at);
        (at - now).ceil() as i32
    })
}

/// Sets who is told, in words, that a worker was restarted (any client's).
pub fn on_restart(listener: impl Fn(String) + 'static) {
    ON_RESTART.with(|l| *l.borrow_mut() = Some(Rc::new(listener)));
}

fn announce_restart(text: String) {
    if let Some(listener) = ON_RESTART.with(|l| l.borrow().clone()) {
        listener(text);
    }
}

impl WorkerClient {
    /// Restarts from a task of its own, not from inside the failed worker's event handler
    /// (whose closure the restart frees).
    pub(super) fn fault_soon(&self, generation: u32, failure: Failure) {
        let c = self.clone();
        let cb = Closure::once_into_js(move || c.restart(generation, failure));
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0);
        }
    }

    /// Replaces the worker of `generation` (if it is still the current one) by a fresh worker
    /// and sends it the request in flight; or, if it failed to load, retries it quietly.
    fn restart(&self, generation: u32, failure: Failure) {
        let (resend, gave_up) = {
            let mut inner = self.0.borrow_mut();
            if inner.generation != generation {
                return; // already replaced (e.g. an error event and the watchdog both fired)
            }
            inner.generation += 1;
            if let Some(worker) = inner.worker.take() {
                worker.set_onmessage(None);
                worker.set_onerror(None);
                worker.set_onmessageerror(None);
                worker.terminate();
            }
            inner.handlers = None;
            // An error before Ready: the worker never ran a request (nothing was posted to it;
            // the queue still holds what it is to be sent), so trying again changes nothing the
            // page knows about and needs no notice (see the module docs).
            let not_loaded = !inner.ready && matches!(failure, Failure::Threw(_));
            if let Some(&delay) = LOAD_RETRY_MS.get(inner.load_retries).filter(|_| not_loaded) {
                inner.load_retries += 1;
                let generation = inner.generation;
                drop(inner);
                return self.spawn_after(generation, retry_delay(delay));
            }
            inner.ready = false;
            inner.queue.clear();
            inner.silent_ticks = 0;
            inner.faults_in_a_row += 1;
            let gave_up = !inner.ever_ready || inner.faults_in_a_row > MAX_FAULTS_IN_A_ROW;
            if !gave_up {
                inner.restarts += 1;
            }
            let resend = inner
                .in_flight
                .as_ref()
                .map(|f| (f.bytes.clone(), f.what.clone()));
            (resend, gave_up)
        };
        if gave_up {
            let text = match failure {
                Failure::Threw(m) if !self.0.borrow().ever_ready => {
                    let n = (LOAD_RETRY_MS.len() + 1).to_string();
                    fill(t().notices.failed_tries, &[("n", &n), ("why", &m)])
                }
                f => {
                    let n = (MAX_FAULTS_IN_A_ROW + 1).to_string();
                    fill(
                        t().notices.gave_up,
                        &[("failure", &f.describe()), ("n", &n)],
                    )
                }
            };
            return self.emit(Event::Failed(text));
        }
        if let Err(e) = self.spawn() {
            return self.emit(Event::Failed(e));
        }
        let resumed = match resend {
            Some((bytes, what)) => {
                // Queued until the fresh worker's Ready, like any message.
                self.0.borrow_mut().queue.push(bytes);
                fill(t().notices.resumed, &[("what", &what)])
            }
            None => t().notices.no_run.into(),
        };
        let failure = failure.describe();
        let values = [("failure", failure.as_str()), ("resumed", resumed.as_str())];
        announce_restart(fill(t().notices.restarted, &values));
    }

    /// Starts the worker of `generation` after `delay_ms`, unless something else started one
    /// meanwhile. Until then there is no worker: requests wait in the queue as for any worker
    /// that has not said Ready, and the watchdog (which only watches a Ready worker) is idle.
    fn spawn_after(&self, generation: u32, delay_ms: i32) {
        let c = self.clone();
        let cb = Closure::once_into_js(move || {
            if c.is_current(generation) && c.0.borrow().worker.is_none() {
                if let Err(e) = c.spawn() {
                    c.emit(Event::Failed(e));
                }
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                cb.unchecked_ref(),
                delay_ms,
            );
        }
    }

    /// Checks every [`WATCHDOG_TICK_MS`] whether a busy worker went silent.
    pub(super) fn start_watchdog(&self) {
        let c = self.clone();
        let tick = Closure::<dyn FnMut()>::new(move || {
            let silent = {
                let mut inner = c.0.borrow_mut();
                if inner.ready && inner.in_flight.is_some() {
                    inner.silent_ticks += 1;
                }
                (inner.silent_ticks * WATCHDOG_TICK_MS >= WATCHDOG_MS).then_some(inner.generation)
            };
            if let Some(generation) = silent {
                c.restart(generation, Failure::Silent);
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(
                tick.as_ref().unchecked_ref(),
                WATCHDOG_TICK_MS as i32,
            );
        }
        tick.forget(); // as long-lived as the client (the page)
    }
}
