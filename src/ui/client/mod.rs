//! The page's side of a worker: start it, queue until Ready, coalesce run requests to one per
//! task (posted in a microtask), drop every message that is not about the newest run, and recover from a
//! worker that fails.
//!
//! Recovery: a worker that raises an `error` or `messageerror` event, or says nothing for
//! [`request::WATCHDOG_MS`] while a request is in flight (it was terminated, or it is stuck), is
//! terminated and replaced by a fresh one, which is sent the request in flight again with the same
//! run id (so the page's bookkeeping, e.g. which run to play back, stays valid; the settings are
//! untouched). Every worker gets a generation number that its handlers check, so nothing from a
//! replaced worker is ever handled. Each restart is announced to the listener set with
//! [`recovery::on_restart`] (one notice for all of the page's workers).
//!
//! Loading: a worker whose `error` event comes before it has said Ready (its script or wasm
//! could not be loaded) is first retried quietly, up to [`recovery`]'s `LOAD_RETRY_MS``.len()` times with a
//! growing delay and no notice. WebKit, offline with the page controlled by the service worker,
//! fails to load all but one of several module workers started at once (the live view, compare
//! and sweep workers), while a second attempt a moment later loads; that is no fault to tell the
//! user about. Only when the retries are used up does the page hear of it.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

pub mod recovery;
mod request;
#[cfg(feature = "test-hooks")]
pub mod test_hooks;

pub use request::{Event, Request, WATCHDOG_MS};
use request::{Failure, Sharing};

use crate::protocol::{decode, encode, from_js, to_js, FromWorker, RunId, ToWorker};

/// What a failed worker's `error` event says when it has no message: WebKit fires a plain
/// `Event`, not an `ErrorEvent`, at a worker whose script could not be loaded.
const NOT_LOADED: &str = "the worker's script could not be loaded";

/// The request the worker is working on, kept to send again to a fresh worker.
struct InFlight {
    bytes: Vec<u8>,
    /// The request, whose spec goes back into its answer (the wire does not carry it).
    request: Request,
    what: String,
    /// When it was posted (page clock): the round trip's start.
    posted_at: f64,
}

/// A worker's event handlers: dropped (freed) when the worker is replaced.
struct Handlers {
    _message: Closure<dyn FnMut(MessageEvent)>,
    _error: Closure<dyn FnMut(web_sys::Event)>,
    _message_error: Closure<dyn FnMut(web_sys::Event)>,
}

struct Inner {
    worker: Option<Worker>,
    handlers: Option<Handlers>,
    /// Bumped for every worker started; a handler of an older worker does nothing.
    generation: u32,
    ready: bool,
    ever_ready: bool,
    queue: Vec<Vec<u8>>,
    next_run: RunId,
    current: Option<RunId>,
    in_flight: Option<InFlight>,
    pending: Option<Request>,
    flush_queued: bool,
    stale_dropped: u64,
    /// Watchdog ticks since the worker last said anything (or was last sent a request).
    silent_ticks: u32,
    restarts: u32,
    faults_in_a_row: u32,
    /// Quiet retries of workers that failed to load since a worker last said Ready.
    load_retries: usize,
    /// The worker's wasm memory as its last progress report gave it.
    worker_wasm_bytes: u64,
    /// Workers a run is shared among ([`WorkerClient::share_among`]).
    share: Sharing,
    on_event: Rc<dyn Fn(Event)>,
}

/// Handle to the worker; cheap to clone.
#[derive(Clone)]
pub struct WorkerClient(Rc<RefCell<Inner>>);

impl WorkerClient {
    /// Starts a worker from `./worker_loader.js` (relative to the page, so any sub-path works).
    pub fn start(on_event: impl Fn(Event) + 'static) -> Self {
        let client = WorkerClient(Rc::new(RefCell::new(Inner {
            worker: None,
            handlers: None,
            generation: 0,
            ready: false,
            ever_ready: false,
            queue: Vec::new(),
            next_run: 0,
            current: None,
            in_flight: None,
            pending: None,
            flush_queued: false,
            stale_dropped: 0,
            silent_ticks: 0,
            restarts: 0,
            faults_in_a_row: 0,
            load_retries: 0,
            worker_wasm_bytes: 0,
            share: Sharing {
                workers: 1,
                asked: false,
            },
            on_event: Rc::new(on_event),
        })));
        if let Err(e) = client.spawn() {
            client.emit(Event::Failed(e));
        }
        client.start_watchdog();
        client
    }

    /// Starts a worker of the current generation and installs its handlers.
    fn spawn(&self) -> Result<(), String> {
        let generation = self.0.borrow().generation;
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options("./worker_loader.js", &options).map_err(|e| {
            format!(
                "could not start the worker: {}",
                crate::ui::js_error::js_error(&e)
            )
        })?;
        let c = self.clone();
        let message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            if c.is_current(generation) {
                c.receive(&from_js(&ev.data()));
            }
        });
        let c = self.clone();
        // A plain `Event`, not an `ErrorEvent`: WebKit fires a plain one at a worker that failed
        // to load. Treating it as an `ErrorEvent` reads `message` as `undefined`, which throws
        // inside wasm-bindgen's string conversion, and the worker would never be replaced.
        let error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            if c.is_current(generation) {
                // Handled here (the page says so): not also an uncaught error of the page.
                ev.prevent_default();
                let message = ev
                    .dyn_ref::<ErrorEvent>()
                    .map(ErrorEvent::message)
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| NOT_LOADED.into());
                c.fault_soon(generation, Failure::Threw(message));
            }
        });
        let c = self.clone();
        let message_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            if c.is_current(generation) {
                c.fault_soon(generation, Failure::Unreadable);
            }
        });
        worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(message_error.as_ref().unchecked_ref()));
        let mut inner = self.0.borrow_mut();
        inner.worker = Some(worker);
        inner.handlers = Some(Handlers {
            _message: message,
            _error: error,
            _message_error: message_error,
        });
        Ok(())
    }

    fn is_current(&self, generation: u32) -> bool {
        self.0.borrow().generation == generation
    }

    fn emit(&self, event: Event) {
        let on_event = self.0.borrow().on_event.clone();
        on_event(event);
    }

    fn receive(&self, bytes: &[u8]) {
        self.0.borrow_mut().silent_ticks = 0;
        let mut message = match decode::<FromWorker>(bytes) {
            Ok(m) => m,
            Err(e) => return self.emit(Event::Failed(e.to_string())),
        };
        let (run, last) = match &message {
            FromWorker::Ready => {
                let queued = {
                    let mut inner = self.0.borrow_mut();
                    inner.ready = true;
                    inner.ever_ready = true;
                    inner.load_retries = 0;
                    std::mem::take(&mut inner.queue)
                };
                for bytes in queued {
                    self.post_now(&bytes);
                }
                return self.emit(Event::Ready);
            }
            FromWorker::Progress {
                run, wasm_bytes, ..
            } => {
                self.0.borrow_mut().worker_wasm_bytes = *wasm_bytes;
                (Some(*run), false)
            }
            FromWorker::SweepProgress { run, .. } => (Some(*run), false),
            FromWorker::File { run, .. } => (Some(*run), true),
            FromWorker::Done(result) => (Some(result.run), true),
            FromWorker::SweepDone(result) => (Some(result.run), true),
            FromWorker::Error { run, .. } => (*run, run.is_some()),
            // Only a coordinating worker hears of blocks.
            FromWorker::Share(_) => return,
        };
        {
            let mut inner = self.0.borrow_mut();
            if run.is_some() && run != inner.current {
                inner.stale_dropped += 1;
                return;
            }
            if last {
                // The request is answered: nothing to resend, and this worker works.
                if let Some(sent) = inner.in_flight.take() {
                    sent.request.restore_spec(&mut message);
                    if let FromWorker::Done(r) = &message {
                        crate::ui::timing::measure_round_trip(sent.posted_at, r.elapsed_ms);
                    }
                }
                inner.faults_in_a_row = 0;
            }
        }
        self.emit(Event::Message(message));
    }

    fn post_now(&self, bytes: &[u8]) {
        if let Some(worker) = &self.0.borrow().worker {
            let _ = worker.post_message(&to_js(bytes));
        }
    }

    fn post(&self, message: &ToWorker) {
        let bytes = encode(message);
        if self.0.borrow().ready {
            self.post_now(&bytes);
        } else {
            // Messages posted before the worker's wasm started would be lost: keep only the
            // newest Start (older ones are superseded anyway).
            let mut inner = self.0.borrow_mut();
            inner.queue.clear();
            inner.queue.push(bytes);
        }
    }

    /// Asks for a run. The first request of a task is posted at once, so the worker computes
    /// while the page draws this input's analytic frame (posted at the end of the task, the
    /// request waited for every effect's drawing: 10 ms and more, issue 17). Later requests of
    /// the same task (one input's other effects) collapse into the last one, posted in a
    /// microtask at the end of the task; the worker drops the run they supersede. Returns the id
    /// the run will have.
    pub fn request(&self, request: Request) -> RunId {
        let mut inner = self.0.borrow_mut();
        inner.pending = Some(request);
        let id = inner.next_run + 1;
        if !inner.flush_queued {
            inner.flush_queued = true;
            drop(inner);
            self.send_pending();
            let c = self.clone();
            let cb = Closure::once_into_js(move || c.flush());
            if let Some(w) = web_sys::window() {
                w.queue_microtask(cb.unchecked_ref());
            }
        }
        id
    }

    /// The end of a task that made requests (the microtask queued by `request`): sends the last
    /// one not sent yet.
    fn flush(&self) {
        self.0.borrow_mut().flush_queued = false;
        self.send_pending();
    }

    /// Sends the pending request, if any.
    fn send_pending(&self) {
        let message = {
            let mut inner = self.0.borrow_mut();
            let Some(request) = inner.pending.take() else {
                return;
            };
            inner.next_run += 1;
            let run = inner.next_run;
            inner.current = Some(run);
            let what = request.describe();
            let kept = request.clone();
            let message = request.into_message(run, inner.share);
            inner.in_flight = Some(InFlight {
                request: kept,
                bytes: encode(&message),
                what,
                posted_at: crate::ui::timing::now(),
            });
            inner.silent_ticks = 0;
            message
        };
        self.post(&message);
    }

    /// Shares each later run among the workers a link asks for, or else among as many as the
    /// machine's cores and the run's work are worth ([`workers_for`], [`Sharing`]); the worker
    /// starts the helpers it needs.
    pub fn share_among(&self, asked: u32) {
        self.0.borrow_mut().share = Sharing {
            workers: workers_for(asked),
            asked: asked > 0,
        };
    }

    /// Stops the current run; nothing more about it will reach the page.
    pub fn stop(&self) {
        let run = {
            let mut inner = self.0.borrow_mut();
            inner.in_flight = None;
            inner.current.take()
        };
        if let Some(run) = run {
            self.post(&ToWorker::Stop { run });
        }
    }

    /// Messages dropped because they concerned a superseded run (shown for tests).
    pub fn stale_dropped(&self) -> u64 {
        self.0.borrow().stale_dropped
    }

    /// The id of the newest run requested (0 before any).
    pub fn current_run(&self) -> RunId {
        self.0.borrow().current.unwrap_or(0)
    }
}

/// How many workers share a run or sweep: as many as a link asks for (`asked`, see
/// [`crate::link::Params::workers`]), or else as many as the machine has cores less one for the
/// page (at least 1, at most [`crate::link::table::MAX_WORKERS`]).
pub fn workers_for(asked: u32) -> u32 {
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
    let auto = (cores as u32).saturating_sub(1);
    let max = crate::link::table::MAX_WORKERS as u32;
    if asked > 0 { asked } else { auto }.clamp(1, max)
}
