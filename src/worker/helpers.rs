//! The helper workers a coordinating worker shares runs with ([`crate::worker::split`]): started
//! from the same `worker_loader.js` (a nested worker; its URL is relative to this worker's),
//! one at a time from the first request that asks for them, and kept for the next ones. A helper
//! that is still loading takes no part in a request; one that fails is dropped, and its part
//! computed by the coordinator (see [`crate::worker::split::SplitRun`]), and a new one started at
//! the next request.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::protocol::{from_js, helper_said, to_js, HelperSaid};

/// Most helpers a worker starts, whatever a link asks: 16 workers in all.
pub const MAX_HELPERS: usize = 15;
/// Helpers that may fail before this worker stops starting new ones (an engine that loads no
/// nested worker, offline say): the runs are then computed unshared, as with one worker.
const MAX_FAILURES: u32 = 3;

/// What a helper said, by its index.
pub type OnHelper = Rc<dyn Fn(usize, HelperSaid)>;

struct Helper {
    worker: Worker,
    ready: bool,
    _message: Closure<dyn FnMut(MessageEvent)>,
    _error: Closure<dyn FnMut(web_sys::Event)>,
}

/// The helpers, by index (a failed one leaves its index free for its replacement).
pub struct Helpers {
    slots: Vec<Option<Helper>>,
    /// Failed helpers' handlers, freed at the next request: not while one of them is running.
    dropped: Vec<Helper>,
    /// Set when this engine cannot start a worker from a worker: runs then stay unshared.
    unavailable: bool,
    failures: u32,
    on_helper: OnHelper,
}

impl Helpers {
    /// No helpers yet; `on_helper` hears what they say.
    pub fn new(on_helper: OnHelper) -> Self {
        Self {
            slots: Vec::new(),
            dropped: Vec::new(),
            unavailable: false,
            failures: 0,
            on_helper,
        }
    }

    /// Starts a helper if fewer than `wanted` (at most [`MAX_HELPERS`]) exist and none is loading,
    /// and returns the indices of up to `wanted` that are ready now.
    pub fn ready(&mut self, wanted: usize) -> Vec<usize> {
        self.dropped.clear();
        let wanted = wanted.min(MAX_HELPERS);
        // One helper loads at a time: WebKit, offline, loads only one of several worker scripts
        // asked for at once from the service worker's cache and fails the others (see
        // `ui::client::recovery::RETRY_GAP_MS`), which would count as failures here.
        let helpers = || self.slots.iter().flatten();
        let loading = helpers().any(|h| !h.ready);
        if !self.unavailable && !loading && helpers().count() < wanted {
            let index = self
                .slots
                .iter()
                .position(Option::is_none)
                .unwrap_or(self.slots.len());
            match self.spawn(index) {
                Some(helper) if index < self.slots.len() => self.slots[index] = Some(helper),
                Some(helper) => self.slots.push(Some(helper)),
                None => self.unavailable = true,
            }
        }
        let ready = self.slots.iter().enumerate();
        ready
            .filter_map(|(i, h)| h.as_ref().filter(|h| h.ready).map(|_| i))
            .take(wanted)
            .collect()
    }

    fn spawn(&self, index: usize) -> Option<Helper> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options("./worker_loader.js", &options).ok()?;
        let on = self.on_helper.clone();
        let message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            // An unreadable message counts as a failed helper: its part is done here instead.
            on(index, helper_said(&from_js(&ev.data())));
        });
        let on = self.on_helper.clone();
        let error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            ev.prevent_default();
            on(index, HelperSaid::Failed);
        });
        worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(error.as_ref().unchecked_ref()));
        Some(Helper {
            worker,
            ready: false,
            _message: message,
            _error: error,
        })
    }

    /// The helper at `index` has started.
    pub fn set_ready(&mut self, index: usize) {
        if let Some(Some(h)) = self.slots.get_mut(index) {
            h.ready = true;
        }
    }

    /// The helper at `index` failed: it is stopped and forgotten.
    pub fn lost(&mut self, index: usize) {
        if let Some(h) = self.slots.get_mut(index).and_then(Option::take) {
            h.worker.set_onmessage(None);
            h.worker.set_onerror(None);
            h.worker.set_onmessageerror(None);
            h.worker.terminate();
            self.dropped.push(h);
            self.failures += 1;
            self.unavailable |= self.failures >= MAX_FAILURES;
        }
    }

    /// Sends a message (its bytes) to the helper at `index` (their buffer transferred).
    pub fn post(&self, index: usize, message: &[u8]) {
        if let Some(Some(h)) = self.slots.get(index) {
            let bytes = to_js(message);
            let _ = h
                .worker
                .post_message_with_transfer(&bytes, &js_sys::Array::of1(&bytes.buffer()));
        }
    }
}
