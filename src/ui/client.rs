//! The page's side of the worker: start it, queue until Ready, coalesce run requests to one per
//! animation frame, and drop every message that is not about the newest run.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::protocol::{decode, encode, FromWorker, RunId, RunSpec, SweepSpec, ToWorker};

/// What the page can ask a worker for; the client gives each request its run id.
#[derive(Debug, Clone)]
pub enum Request {
    /// One run for the live view.
    Run(RunSpec),
    /// A μ sweep.
    Sweep(SweepSpec),
    /// A run's full loss history as CSV.
    LossCsv(RunSpec),
}

impl Request {
    fn into_message(self, run: RunId) -> ToWorker {
        match self {
            Request::Run(spec) => ToWorker::Start { run, spec },
            Request::Sweep(spec) => ToWorker::Sweep { run, spec },
            Request::LossCsv(spec) => ToWorker::LossCsv { run, spec },
        }
    }
}

/// What the client tells the page.
pub enum Event {
    /// The worker is up.
    Ready,
    /// A message about the current run (stale ones never get here).
    Message(FromWorker),
    /// The worker could not be started or reported an error outside any run.
    Failed(String),
}

struct Inner {
    worker: Option<Worker>,
    ready: bool,
    queue: Vec<String>,
    next_run: RunId,
    current: Option<RunId>,
    pending: Option<Request>,
    frame_requested: bool,
    stale_dropped: u64,
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
            ready: false,
            queue: Vec::new(),
            next_run: 0,
            current: None,
            pending: None,
            frame_requested: false,
            stale_dropped: 0,
            on_event: Rc::new(on_event),
        })));
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        match Worker::new_with_options("./worker_loader.js", &options) {
            Ok(worker) => {
                let c = client.clone();
                let on_message =
                    Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
                        c.receive(&ev.data().as_string().unwrap_or_default());
                    });
                worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                on_message.forget(); // as long-lived as the page
                let c = client.clone();
                let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(
                    move |ev: web_sys::ErrorEvent| {
                        c.emit(Event::Failed(format!(
                            "the worker failed: {}",
                            ev.message()
                        )));
                    },
                );
                worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
                on_error.forget();
                client.0.borrow_mut().worker = Some(worker);
            }
            Err(e) => client.emit(Event::Failed(format!("could not start the worker: {e:?}"))),
        }
        client
    }

    fn emit(&self, event: Event) {
        let on_event = self.0.borrow().on_event.clone();
        on_event(event);
    }

    fn receive(&self, text: &str) {
        let message = match decode::<FromWorker>(text) {
            Ok(m) => m,
            Err(e) => return self.emit(Event::Failed(e.to_string())),
        };
        let run = match &message {
            FromWorker::Ready => {
                let queued = {
                    let mut inner = self.0.borrow_mut();
                    inner.ready = true;
                    std::mem::take(&mut inner.queue)
                };
                for text in queued {
                    self.post_now(&text);
                }
                return self.emit(Event::Ready);
            }
            FromWorker::Progress { run, .. }
            | FromWorker::SweepProgress { run, .. }
            | FromWorker::File { run, .. } => Some(*run),
            FromWorker::Done(result) => Some(result.run),
            FromWorker::SweepDone(result) => Some(result.run),
            FromWorker::Error { run, .. } => *run,
        };
        let current = self.0.borrow().current;
        if run.is_some() && run != current {
            self.0.borrow_mut().stale_dropped += 1;
            return;
        }
        self.emit(Event::Message(message));
    }

    fn post_now(&self, text: &str) {
        if let Some(worker) = &self.0.borrow().worker {
            let _ = worker.post_message(&JsValue::from_str(text));
        }
    }

    fn post(&self, message: &ToWorker) {
        let text = encode(message);
        if self.0.borrow().ready {
            self.post_now(&text);
        } else {
            // Messages posted before the worker's wasm started would be lost: keep only the
            // newest Start (older ones are superseded anyway).
            let mut inner = self.0.borrow_mut();
            inner.queue.clear();
            inner.queue.push(text);
        }
    }

    /// Asks for a run; requests within one animation frame collapse into the last one. Returns
    /// the id the run will have.
    pub fn request(&self, request: Request) -> RunId {
        let mut inner = self.0.borrow_mut();
        inner.pending = Some(request);
        let id = inner.next_run + 1;
        if !inner.frame_requested {
            inner.frame_requested = true;
            drop(inner);
            let c = self.clone();
            let cb = Closure::once_into_js(move || c.flush());
            if let Some(w) = web_sys::window() {
                let _ = w.request_animation_frame(cb.unchecked_ref());
            }
        }
        id
    }

    /// Sends the pending request now (the animation frame callback).
    fn flush(&self) {
        let (run, spec) = {
            let mut inner = self.0.borrow_mut();
            inner.frame_requested = false;
            let Some(spec) = inner.pending.take() else {
                return;
            };
            inner.next_run += 1;
            inner.current = Some(inner.next_run);
            (inner.next_run, spec)
        };
        self.post(&spec.into_message(run));
    }

    /// Stops the current run; nothing more about it will reach the page.
    pub fn stop(&self) {
        let run = self.0.borrow_mut().current.take();
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
