//! The page ⇄ worker protocol: two typed enums and one codec (postcard via serde, carried as a
//! `Uint8Array`).
//!
//! Every message about a run carries its run id; the page keeps only the newest id and drops
//! anything else, so a superseded run can never draw. No DOM here: this module is plain data and
//! is tested natively and in the browser.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::core::{History, StopReason, SweepRow};
use crate::spec::{RunSpec, SweepSpec};

/// Identifies one run request; the page increments it for every Start.
pub type RunId = u64;

/// z at one epoch of a run (for playback).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Epochs done when z was taken (0 = the start, z = 0).
    pub epoch: u64,
    /// z (n values; a non-finite value travels as null and reads back as NaN).
    #[serde(with = "crate::core::floats")]
    pub z: Vec<f32>,
}

/// A finished run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunResult {
    /// The run this answers.
    pub run: RunId,
    /// What was computed.
    pub spec: RunSpec,
    /// Epochs done.
    pub epoch: u64,
    /// Why it ended.
    pub reason: StopReason,
    /// Final z (n values).
    #[serde(with = "crate::core::floats")]
    pub z: Vec<f32>,
    /// ‖z − z*‖∞ of the final z.
    #[serde(with = "crate::core::floats::scalar")]
    pub err_inf: f32,
    /// Worker compute time in milliseconds (excluding time spent yielding to messages).
    pub elapsed_ms: f64,
    /// Loss history, decimated to what a chart can show.
    pub history: History,
    /// z along the way, for playback (empty unless asked for).
    pub snapshots: Vec<Snapshot>,
    /// How the worker spent `elapsed_ms`.
    pub timing: WorkTiming,
}

/// How the worker spent a task's compute time, measured on its own clock: the figures that tell
/// a slow engine (compute per epoch) from a stalled one (few, long calls) — see README
/// "Engines". Appended to the results, so the messages' first bytes (kind, run id) stay put.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkTiming {
    /// Slices: stretches of compute between two looks at the worker's messages.
    pub slices: u32,
    /// Calls of the task's `work` (each a bounded number of epochs).
    pub calls: u32,
    /// The longest single call, ms.
    pub longest_call_ms: f64,
}

/// A finished (or cancelled) sweep.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SweepResult {
    /// The request this answers.
    pub run: RunId,
    /// What was computed.
    pub spec: SweepSpec,
    /// One row per μ done, in grid order.
    pub rows: Vec<SweepRow>,
    /// Worker compute time, ms.
    pub elapsed_ms: f64,
    /// How the worker spent `elapsed_ms`.
    pub timing: WorkTiming,
}

/// One row of a run's full loss history, as the loss-history CSV writes it: an epoch and the
/// values at it. (A run longer than [`crate::core::history::FULL_RESOLUTION`] epochs is kept in
/// buckets of w epochs; a row is then one bucket, at its last epoch, with its largest values,
/// so no spike is lost.)
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LossRow {
    /// The epoch (1-based; a bucket's last epoch, at most the epochs run).
    pub epoch: u64,
    /// fit.
    pub fit: f32,
    /// reg.
    pub reg: f32,
    /// total = fit + μ·reg.
    pub total: f32,
    /// ‖g‖₂.
    pub grad_norm: f32,
    /// ‖z − z*‖∞.
    pub err_inf: f32,
}

/// Page → worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    /// Start a run, abandoning any other.
    Start {
        /// Its id.
        run: RunId,
        /// What to compute.
        spec: RunSpec,
    },
    /// Start a μ sweep, abandoning any other run or sweep.
    Sweep {
        /// Its id.
        run: RunId,
        /// What to compute.
        spec: SweepSpec,
    },
    /// Start a run from a given z instead of 0 (a warm start after a μ change; the optimizer's
    /// state starts fresh), abandoning any other.
    Continue {
        /// Its id.
        run: RunId,
        /// What to compute.
        spec: RunSpec,
        /// The starting z (n values).
        z: Vec<f32>,
    },
    /// Recompute a run with its full history and send that back ([`FromWorker::File`]), for
    /// the page to save as CSV.
    LossCsv {
        /// Its id.
        run: RunId,
        /// The run to export.
        spec: RunSpec,
    },
    /// Stop this run if it is still going (nothing more will be sent about it).
    Stop {
        /// The run to stop.
        run: RunId,
    },
    /// Test hook: make the worker fail on purpose, so the page's recovery can be tested end to
    /// end (sent only by `window.__reglab`, see `src/ui/client/test_hooks.rs`). Only in builds
    /// with the `test-hooks` feature; it stays the last variant, so the others keep their wire
    /// index in every build.
    #[cfg(feature = "test-hooks")]
    Debug(Fault),
}

/// A failure a worker can be asked to simulate (`ToWorker::Debug`, feature `test-hooks`).
#[cfg(feature = "test-hooks")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fault {
    /// Panic (a wasm trap: the page sees the worker's `error` event).
    Crash,
    /// Compute for 8 s without yielding: the worker answers nothing meanwhile.
    Hang,
}

/// Worker → page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    /// The worker's wasm has started; messages sent before this were queued by the page.
    Ready,
    /// A long run is still going.
    Progress {
        /// The run.
        run: RunId,
        /// Epochs done so far.
        epoch: u64,
        /// Epochs planned.
        epochs: u64,
        /// Compute time so far, ms.
        elapsed_ms: f64,
        /// The worker's wasm memory in bytes (0 where unknown), so a page can watch it. (Page
        /// and worker come from one build, so the binary codec needs no field defaults.)
        wasm_bytes: u64,
    },
    /// A run ended (done, diverged or stopped).
    Done(Box<RunResult>),
    /// A sweep is still going: μ `done` of `total` finished.
    SweepProgress {
        /// The sweep.
        run: RunId,
        /// μ values finished.
        done: usize,
        /// μ values in the grid.
        total: usize,
        /// Compute time so far, ms.
        elapsed_ms: f64,
    },
    /// A sweep ended.
    SweepDone(Box<SweepResult>),
    /// The file a [`ToWorker::LossCsv`] asked for, as numbers: the run's full loss history.
    /// The page writes the CSV and its name ([`crate::view::csv::loss_csv`],
    /// [`crate::view::csv::loss_csv_name`]), so the worker's wasm carries no float-to-text code
    /// (about 20 KB); f32 travel as their bits, so the page prints exactly the worker's values.
    File {
        /// The request this answers.
        run: RunId,
        /// The run's μ (for the file name).
        mu: f64,
        /// The run's planned epochs (for the file name).
        epochs: u64,
        /// One row per epoch (per bucket for runs kept in buckets), in epoch order.
        rows: Vec<LossRow>,
    },
    /// A request could not be carried out.
    Error {
        /// The run it concerns, if known.
        run: Option<RunId>,
        /// What went wrong, for a person.
        message: String,
    },
}

/// A message that could not be decoded.
#[derive(Debug, thiserror::Error)]
#[error("bad message: {0}")]
pub struct CodecError(String);

/// The one codec: a message to bytes (postcard). They travel as a `Uint8Array` ([`to_js`]):
/// binary instead of JSON, so neither wasm carries a JSON parser or a float printer (57 KB gz
/// less in all), and not as a string of byte-chars, whose two UTF-8 conversions and string
/// copy cost a finished run's 250 KB answer ≈ 10 ms on its way to the page (issue 17).
/// Serialising our own plain-data types cannot fail (every sequence knows its length).
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    postcard::to_allocvec(message).unwrap_or_default()
}

/// The one codec: bytes to a message.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, CodecError> {
    postcard::from_bytes(bytes).map_err(|e| CodecError(e.to_string()))
}

/// Encoded bytes as what `postMessage` carries: a `Uint8Array` (one copy into JS memory).
#[cfg(target_arch = "wasm32")]
pub fn to_js(bytes: &[u8]) -> js_sys::Uint8Array {
    js_sys::Uint8Array::from(bytes)
}

/// A message event's data as bytes to [`decode`]; anything but a `Uint8Array` reads as no
/// bytes, which do not decode.
#[cfg(target_arch = "wasm32")]
pub fn from_js(data: &wasm_bindgen::JsValue) -> Vec<u8> {
    use wasm_bindgen::JsCast;
    data.dyn_ref::<js_sys::Uint8Array>()
        .map(js_sys::Uint8Array::to_vec)
        .unwrap_or_default()
}
