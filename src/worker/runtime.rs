//! The Web Worker: decode → core → post. It keeps at most one job; a new Start replaces it and a
//! Stop drops it. Work happens in slices of about [`SLICE_MS`], after each of which the worker
//! yields to its event loop (through a MessageChannel, which unlike setTimeout is not clamped to
//! 4 ms), so a Stop or a newer Start is read within one slice.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, MessagePort};

#[cfg(feature = "test-hooks")]
use crate::protocol::Fault;
use crate::protocol::{
    decode_request, encode, from_js, stop_of, to_js, FromWorker, HelperSaid, ToWorker, WorkTiming,
};
use crate::worker::helpers::{Helpers, OnHelper};
use crate::worker::job::Task;
use crate::worker::request::task_for;
use crate::worker::upper_state::clean_upper;

/// Compute time per slice before the worker looks at its messages again: a newer Start (the
/// next step of a slider drag) waits for the slice in progress, 2 ms on average at 4 ms; each
/// yield costs ≈ 0.1 ms.
const SLICE_MS: f64 = 4.0;
/// A task's first slice may run longer: a seed-sized run (≈ 5 ms in Chromium) then answers
/// without a yield, whose hop through the event loop cost the slider's answer 0.1–0.5 ms. A
/// newer Start waits at most this long, once per task.
const FIRST_SLICE_MS: f64 = 8.0;
/// A request read this soon after the worker's last task ended may have waited behind that task,
/// with newer requests queued behind it: it takes the hop through the event loop, so they overtake
/// it before it computes anything.
const QUEUED_MS: f64 = 1.0;
/// How often a long run reports its progress (the page's watchdog counts on hearing from a
/// busy worker well within 5 s).
const PROGRESS_MS: f64 = 100.0;
/// How long `Fault::Hang` keeps the worker busy: longer than the page's 5 s watchdog.
#[cfg(feature = "test-hooks")]
const HANG_MS: f64 = 8_000.0;

/// This worker's wasm memory in bytes.
fn wasm_bytes() -> u64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0, |m| {
            m.buffer()
                .dyn_into::<js_sys::ArrayBuffer>()
                .map_or(0, |b| u64::from(b.byte_length()))
        })
}

struct Active {
    job: Box<dyn Task>,
    elapsed_ms: f64,
    last_progress_ms: f64,
    timing: WorkTiming,
    /// When it started (this worker's clock): a shared task's time is its wall time.
    started_ms: f64,
    /// The helpers sharing it, by slot.
    slots: Vec<usize>,
}

struct Worker {
    scope: DedicatedWorkerGlobalScope,
    wake: MessagePort,
    active: Option<Active>,
    scheduled: bool,
    /// When the last task ended (answered or dropped), on this worker's clock.
    idle_since: f64,
    helpers: Helpers,
}

impl Worker {
    fn post(&self, message: &FromWorker) {
        // The bytes' buffer is transferred, not copied: a finished run's answer is 250 KB.
        // Posting cannot fail for a live worker; nothing useful to do if it did.
        let bytes = to_js(&encode(message));
        let _ = self
            .scope
            .post_message_with_transfer(&bytes, &js_sys::Array::of1(&bytes.buffer()));
    }

    fn now(&self) -> f64 {
        self.scope.performance().map_or(0.0, |p| p.now())
    }

    fn schedule(&mut self) {
        if !self.scheduled {
            self.scheduled = true;
            let _ = self.wake.post_message(&JsValue::NULL);
        }
    }

    /// Drops the active task, and tells the helpers sharing it to drop their part.
    fn drop_active(&mut self) {
        if let Some(old) = self.active.take() {
            self.idle_since = self.now();
            for &h in &old.slots {
                self.helpers.post(h, &stop_of(old.job.id()));
            }
        }
    }

    fn on_message(&mut self, bytes: &[u8]) {
        match decode_request(bytes) {
            Ok(ToWorker::Stop { run }) => {
                if self.active.as_ref().is_some_and(|a| a.job.id() == run) {
                    self.drop_active();
                }
            }
            #[cfg(feature = "test-hooks")]
            Ok(ToWorker::Debug(fault)) => self.fail_on_purpose(fault),
            Ok(request) => {
                // Helpers still loading take no part: the run goes ahead without them.
                let ready = self
                    .helpers
                    .ready(request.workers().saturating_sub(1) as usize);
                self.start(request, bytes, ready);
            }
            Err(e) => self.post(&FromWorker::Error {
                run: None,
                message: e.to_string(),
            }),
        }
    }

    fn start(&mut self, request: ToWorker, bytes: &[u8], ready: Vec<usize>) {
        let fresh = self.active.is_none() && self.now() - self.idle_since >= QUEUED_MS;
        self.drop_active();
        match task_for(request, bytes, ready.len()) {
            Some(Ok(mut job)) => {
                let mut slots = Vec::new();
                for (slot, message) in job.outgoing() {
                    slots.push(ready[slot]);
                    self.helpers.post(ready[slot], &message);
                }
                self.active = Some(Active {
                    job,
                    elapsed_ms: 0.0,
                    last_progress_ms: 0.0,
                    timing: WorkTiming::default(),
                    started_ms: self.now(),
                    slots,
                });
                // A request that did not wait behind a task computes at once, without the hop
                // through the event loop (≈ 0.5 ms of a slider step's answer); a newer one still
                // waits no more than one slice. Any other takes the hop (see QUEUED_MS).
                if fresh {
                    self.pump();
                } else {
                    self.schedule();
                }
            }
            Some(Err((run, message))) => {
                self.post(&FromWorker::Error {
                    run: Some(run),
                    message,
                });
            }
            None => {}
        }
    }

    /// What a helper said (failing, it is dropped).
    fn on_helper(&mut self, helper: usize, said: HelperSaid) {
        match said {
            HelperSaid::Ready => return self.helpers.set_ready(helper),
            HelperSaid::Failed => self.helpers.lost(helper),
            _ => {}
        }
        let now = self.now();
        let Some(active) = self.active.as_mut() else {
            return;
        };
        let Some(slot) = active.slots.iter().position(|&h| h == helper) else {
            return;
        };
        let progress = said == HelperSaid::Busy;
        active.job.accept(slot, said);
        // A busy helper's progress keeps the page's watchdog fed while this worker waits.
        let since = now - active.started_ms;
        let report = (progress && since - active.last_progress_ms >= PROGRESS_MS).then(|| {
            active.last_progress_ms = since;
            active.job.progress(since)
        });
        if let Some(report) = report {
            self.post(&report);
        }
        self.schedule();
    }

    /// Test hooks: the page's recovery from a crashed or stuck worker is tested end to end.
    #[cfg(feature = "test-hooks")]
    fn fail_on_purpose(&mut self, fault: Fault) {
        match fault {
            // With panic = "abort" this is a wasm trap: an uncaught error in the worker, which
            // the page receives as the Worker's `error` event.
            Fault::Crash => panic!("reglab test hook: the page asked this worker to crash"),
            Fault::Hang => {
                let end = self.now() + HANG_MS;
                while self.now() < end {
                    std::hint::spin_loop();
                }
            }
        }
    }

    /// One slice of the active job; posts its result when it ends.
    fn pump(&mut self) {
        let Some(mut active) = self.active.take() else {
            return;
        };
        clean_upper();
        let start = self.now();
        let slice = active.job.slice_epochs();
        let budget = if active.timing.slices == 0 {
            FIRST_SLICE_MS
        } else {
            SLICE_MS
        };
        let mut finished = false;
        let mut now = start;
        // Each call is timed, so an engine that is slow per epoch can be told from one that
        // stalls in some calls (README "Engines" reads these figures per browser).
        while !finished && !active.job.waiting() && now - start < budget {
            let before = now;
            finished = active.job.work(slice);
            now = self.now();
            active.timing.calls += 1;
            active.timing.longest_call_ms = active.timing.longest_call_ms.max(now - before);
        }
        active.timing.slices += 1;
        active.elapsed_ms += now - start;
        if finished {
            active.timing.workers = active.job.workers();
            // A shared task's time is from its start to its answer, waits for helpers included.
            let elapsed = if active.timing.workers > 1 {
                now - active.started_ms
            } else {
                active.elapsed_ms
            };
            let answer = active.job.finish(elapsed, active.timing);
            self.post(&answer);
            self.idle_since = now;
            return;
        }
        if active.job.waiting() {
            // Nothing to compute until a helper answers (`on_helper` schedules the next slice).
            self.active = Some(active);
            return;
        }
        if active.elapsed_ms - active.last_progress_ms >= PROGRESS_MS {
            active.last_progress_ms = active.elapsed_ms;
            let mut progress = active.job.progress(active.elapsed_ms);
            if let FromWorker::Progress { wasm_bytes: w, .. } = &mut progress {
                *w = wasm_bytes();
            }
            self.post(&progress);
        }
        self.active = Some(active);
        self.schedule();
    }
}

/// Starts the worker: installs the handlers, then announces Ready as the last set-up step.
pub fn start() -> Result<(), JsValue> {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().dyn_into()?;
    let channel = MessageChannel::new()?;
    let worker = Rc::new_cyclic(|me: &std::rc::Weak<RefCell<Worker>>| {
        let me = me.clone();
        let on_helper: OnHelper = Rc::new(move |helper, message| {
            if let Some(Ok(mut w)) = me.upgrade().as_ref().map(|w| w.try_borrow_mut()) {
                w.on_helper(helper, message);
            }
        });
        RefCell::new(Worker {
            scope: scope.clone(),
            wake: channel.port2(),
            active: None,
            scheduled: false,
            idle_since: f64::NEG_INFINITY,
            helpers: Helpers::new(on_helper),
        })
    });

    // Each handler finds the worker borrowed only if an earlier handler panicked (a wasm trap
    // leaves its borrow in place): the worker is broken then, and does nothing more until the
    // page, told by the `error` event, replaces it.
    let w = worker.clone();
    let on_wake = Closure::<dyn FnMut(MessageEvent)>::new(move |_| {
        if let Ok(mut w) = w.try_borrow_mut() {
            w.scheduled = false;
            w.pump();
        }
    });
    channel
        .port1()
        .set_onmessage(Some(on_wake.as_ref().unchecked_ref()));
    on_wake.forget(); // lives as long as the worker

    let w = worker.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let bytes = from_js(&ev.data());
        if let Ok(mut w) = w.try_borrow_mut() {
            w.on_message(&bytes);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();

    clean_upper();
    warm_up();
    worker.borrow().post(&FromWorker::Ready);
    Ok(())
}

/// A few short seed runs before Ready, so the optimizer loop is already hot (V8 compiles it
/// with its optimising tier in the background) when the page's first run arrives: the first
/// chart of a fresh page then comes at full speed. Then one short run the way the page's first
/// one goes (history, snapshots, the answer encoded), so that none of that code is compiled on
/// its first call during the page's run, and the memory a seed run's history needs, grown now:
/// both cost the first run of a fresh page ≈ 20 ms in Chromium (issue 17). A few ms in all,
/// while the page's own wasm is still arriving (the loader starts this worker first).
fn warm_up() {
    use crate::core::{AdamConfig, Problem, Run};
    let mut run = Run::new(Problem::seed(0.1), AdamConfig::default(), 2_000).without_history();
    while run
        .advance(250, 0, |_, _| std::ops::ControlFlow::Continue(()))
        .is_none()
    {}
    // Freed at once, but wasm memory never shrinks: the allocator keeps these 4 MB for the runs.
    drop(std::hint::black_box(Vec::<u8>::with_capacity(4 << 20)));
    let spec = crate::spec::RunSpec {
        mu: 0.1,
        centre: 1.0,
        z0min: -10.0,
        z0max: 10.0,
        n: 100,
        adam: AdamConfig::default(),
        epochs: 2_000,
        snapshots: crate::worker::job::SCRUB_SNAPSHOTS,
        opt: Default::default(),
        decay: Default::default(),
        z0: Default::default(),
        seed: 1,
        fit: Default::default(),
        weights: Default::default(),
    };
    let start = ToWorker::Start {
        run: 0,
        spec,
        workers: 1,
    };
    if let Some(Ok(mut job)) = task_for(start, &[], 0) {
        while !job.work(job.slice_epochs()) {}
        std::hint::black_box(encode(&job.finish(0.0, WorkTiming::default())));
    }
}
