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
    /// What was computed. Not on the wire: the page sent it, and puts it back itself
    /// (`ui::client`), so the worker's wasm has no encoder for it (≈ 1 KB gzipped in each wasm).
    #[serde(skip, default = "RunSpec::unsent")]
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
    /// Workers that computed the answer, this one included (1: not split).
    pub workers: u32,
}

/// A finished (or cancelled) sweep.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SweepResult {
    /// The request this answers.
    pub run: RunId,
    /// What was computed. Not on the wire (see [`RunResult::spec`]).
    #[serde(skip, default = "SweepSpec::unsent")]
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
        /// Workers to share it among, this one included ([`crate::worker::split`]).
        workers: u32,
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
        /// Workers to share it among, this one included.
        workers: u32,
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
    /// From a coordinating worker to its helper: a part of the page's request `request` (its
    /// bytes, forwarded as they came) — of a run ([`ToWorker::Start`], [`ToWorker::Continue`]),
    /// coordinates `from..to` — answered with [`FromWorker::Share`]. Written by [`part_of`] only
    /// (never serialised: the page has no encoder for it).
    #[serde(skip_serializing)]
    Part {
        /// Where the part begins.
        from: u32,
        /// One past its end.
        to: u32,
        /// The page's request.
        request: Vec<u8>,
    },
    /// Test hook: make the worker fail on purpose, so the page's recovery can be tested end to
    /// end (sent only by `window.__reglab`, see `src/ui/client/test_hooks.rs`). Only in builds
    /// with the `test-hooks` feature; it stays the last variant, so the others keep their wire
    /// index in every build.
    #[cfg(feature = "test-hooks")]
    Debug(Fault),
}

impl ToWorker {
    /// Workers the request asks to be shared among (1 for a request that is never shared).
    pub fn workers(&self) -> u32 {
        match self {
            ToWorker::Start { workers, .. } | ToWorker::Continue { workers, .. } => *workers,
            _ => 1,
        }
    }
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
    /// A helper's answer to a [`ToWorker::Part`] (never sent to the page, which has no decoder
    /// for it: a coordinating worker reads it with [`helper_said`]).
    #[serde(skip_deserializing)]
    Share(Share),
}

/// A helper's part of a shared run or sweep, as flat values (the layout is
/// [`crate::worker::split`]'s): one byte string to decode, so the coordinating worker's wasm
/// carries no decoder of nested types.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Share {
    /// The page's request id.
    pub run: RunId,
    /// Whether the part ran to its end (a run's block that diverged has not).
    pub done: bool,
    /// The values.
    #[serde(with = "crate::core::floats::exact")]
    pub values: Vec<f32>,
}

/// What a helper worker said to its coordinator ([`crate::worker::split`]), read from a
/// [`FromWorker`]'s bytes by [`helper_said`].
#[derive(Debug, Clone, PartialEq)]
pub enum HelperSaid {
    /// It has started.
    Ready,
    /// It is working (a progress report).
    Busy,
    /// Its part.
    Share(Share),
    /// Anything else (an error, an unreadable message), or nothing: it failed.
    Failed,
}

/// Reads a helper's message by its variant alone where that is all the coordinator needs, so
/// the worker's wasm carries no decoder for the answers only the page reads (a run's history,
/// a loss file): ≈ 20 KB gzipped. The variant indices are [`FromWorker`]'s order, which
/// `tests/codec.rs` checks against real messages.
pub fn helper_said(bytes: &[u8]) -> HelperSaid {
    const READY: u8 = 0;
    const PROGRESS: u8 = 1;
    const SWEEP_PROGRESS: u8 = 3;
    const SHARE: u8 = 7;
    match bytes.split_first() {
        Some((&READY, [])) => HelperSaid::Ready,
        Some((&(PROGRESS | SWEEP_PROGRESS), _)) => HelperSaid::Busy,
        Some((&SHARE, rest)) => decode(rest).map_or(HelperSaid::Failed, HelperSaid::Share),
        _ => HelperSaid::Failed,
    }
}

/// The bytes of [`ToWorker::Part`] for the page's request `request` (as its bytes came),
/// written by hand: a coordinating worker forwards the page's bytes, so its wasm carries no
/// encoder of requests (a run's spec). The variant index is [`ToWorker`]'s order, which
/// `tests/codec.rs` checks by decoding these bytes.
pub fn part_of(request: &[u8], from: u32, to: u32) -> Vec<u8> {
    const PART: u64 = 5;
    let mut bytes = Vec::with_capacity(request.len() + 16);
    for n in [PART, from.into(), to.into(), request.len() as u64] {
        varint(&mut bytes, n);
    }
    bytes.extend_from_slice(request);
    bytes
}

/// Postcard's unsigned integer: 7 bits a byte, low first, the high bit set on all but the last.
fn varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The bytes of [`ToWorker::Stop`] for `run`, written by hand as [`part_of`]'s are.
pub fn stop_of(run: RunId) -> Vec<u8> {
    const STOP: u64 = 4;
    let mut bytes = Vec::new();
    varint(&mut bytes, STOP);
    varint(&mut bytes, run);
    bytes
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

/// A request's bytes to a request: the one copy of its decoder in a worker, which reads the
/// page's requests and, as a helper, the request inside a [`ToWorker::Part`].
#[inline(never)]
pub fn decode_request(bytes: &[u8]) -> Result<ToWorker, CodecError> {
    decode(bytes)
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
