//! One run shared among k workers (issue 17): every optimizer here updates each coordinate from
//! that coordinate's own gradient and state alone, so a run splits into blocks of coordinates,
//! each run by a worker on the same problem sliced, and the blocks' z put side by side are the
//! one-worker z bit for bit.
//!
//! The worker the page talks to coordinates: it keeps the first block
//! for itself, sends the others to helper workers it started ([`crate::worker::runtime`]), and
//! merges their answers into the one answer the page expects, so the page never knows.
//!
//! The measurements are per epoch sums over the coordinates (fit, reg, ‖g‖², L − L*) and a
//! maximum (‖z − z*‖∞). The maximum merges exactly; a sum of the blocks' sums adds the same
//! non-negative f32 terms in another order, so it can differ from the one-worker sum in the last
//! bits: for m terms, each order is within γ = (m − 1)·2⁻²⁴ (relative) of the exact sum, so the
//! two differ by at most 2γ relative (1.2·10⁻⁵ for the seed's n = 100; measured: a few 10⁻⁷).
//! ‖g‖₂ goes through its square. Merging needs every epoch of every block, so only runs that keep
//! every epoch ([`FULL_RESOLUTION`]) split. If any block diverges, or a merged epoch is not
//! finite (a sum can overflow where its parts did not), the coordinator runs the whole run
//! itself, so a split run always ends as the one-worker run does.

use std::ops::Range;

use crate::core::history::FULL_RESOLUTION;
use crate::core::optim::stats::EpochStats;
use crate::core::optim::OptimizerKind;
use crate::core::problem::LANES;
use crate::core::{History, StopReason};
use crate::protocol::{
    part_of, FromWorker, HelperSaid, RunId, RunResult, Share, Snapshot, WorkTiming,
};
use crate::spec::RunSpec;
use crate::worker::job::{Job, Task, HISTORY_POINTS};

/// Fewest coordinates worth a worker: below this, a message round trip (≈ 1 ms) costs more than
/// the block's share of the compute saves.
pub const MIN_BLOCK: usize = 16;

/// Coordinate-steps each worker should have before the page shares a run of its own accord (no
/// `workers` key in the link, [`auto_workers`]): ≈ 6 ms of the seed's Adam steps on the Zen 4 VM
/// (README "Every core"). Measured in Chromium on 2 cores: the seed (100 × 25 000 = 2.5 M) on 2
/// workers ran 0.67–1.16× as fast as on one; a run of 2 000 × 5 000 = 10 M, 1.03–1.43×.
pub const AUTO_MIN_STEPS: u64 = 4_000_000;

/// What one proximal step counts as, in Adam steps: the e2e workers spec's Tournesol state
/// (pseudo-Huber fit, prox: a 1-D solve per coordinate) took 324 ms on one worker where the seed
/// took 7.9 ms, both 100 coordinates × 25 000 epochs (41×); shared by 2 it took 214 ms.
pub const PROX_STEP_WEIGHT: u64 = 32;

/// How many of `workers` a run is shared among when no link asked for a number: no more than
/// gives each [`AUTO_MIN_STEPS`] of work, and at least 1. Below that a split costs more than it
/// saves (the helpers' round trip, the merge), and where the browser overstates the cores
/// (WebKit reports 4 on a 2-core machine) the extra workers only take turns on the same cores.
pub fn auto_workers(workers: u32, spec: &RunSpec) -> u32 {
    let weight = match spec.opt {
        OptimizerKind::Prox => PROX_STEP_WEIGHT,
        _ => 1,
    };
    let steps = (spec.n as u64)
        .saturating_mul(spec.epochs)
        .saturating_mul(weight);
    let most = u32::try_from(steps / AUTO_MIN_STEPS).unwrap_or(u32::MAX);
    workers.min(most).max(1)
}

/// The coordinate blocks of a run of n coordinates shared among at most `workers` workers:
/// contiguous, each a whole number of [`LANES`] (the last one excepted), each at least
/// [`MIN_BLOCK`] long, as many as that allows and as even. One block (no split) for a small n.
pub fn blocks(n: usize, workers: usize) -> Vec<Range<usize>> {
    let most = workers.clamp(1, (n / MIN_BLOCK).max(1));
    let split = |k: usize| {
        let size = n.div_ceil(k).next_multiple_of(LANES).max(1);
        (0..n)
            .step_by(size)
            .map(|from| from..(from + size).min(n))
            .collect::<Vec<_>>()
    };
    (1..=most)
        .rev()
        .map(split)
        .find(|b| b.len() == 1 || b.iter().all(|r| r.len() >= MIN_BLOCK))
        .unwrap_or_else(|| std::iter::once(0..n).collect())
}

/// Whether a run can be split: it keeps every epoch, so the blocks' measurements can be merged.
pub fn splittable(spec: &RunSpec) -> bool {
    spec.epochs <= FULL_RESOLUTION
}

/// A run block's [`Share`], read: the block's final ‖z − z*‖∞ and z, its z at each snapshot
/// epoch, and each epoch's measurements of its coordinates. Laid out as one flat list, in this
/// order: ‖z − z*‖∞, z (b values), the snapshots (S × b), then E values each of fit, reg, ‖g‖₂,
/// ‖z − z*‖∞ and L − L* (see [`Job::into_share`]).
pub struct Block<'a> {
    err_inf: f32,
    z: &'a [f32],
    snapshots: &'a [f32],
    losses: [&'a [f32]; 5],
}

/// Reads a run block's share of `len` coordinates with `snapshots` snapshots over `epochs`
/// epochs; `None` if the block did not run to its end or the share has another shape.
pub fn read_block(share: &Share, len: usize, snapshots: usize, epochs: usize) -> Option<Block<'_>> {
    let v = &share.values;
    if !share.done || epochs == 0 || v.len() != 1 + len * (1 + snapshots) + 5 * epochs {
        return None;
    }
    let (head, rest) = v.split_at(1 + len);
    let (snaps, losses) = rest.split_at(len * snapshots);
    let mut each = losses.chunks_exact(epochs);
    let mut next = || each.next().unwrap_or(&[]);
    Some(Block {
        err_inf: head[0],
        z: &head[1..],
        snapshots: snaps,
        losses: [next(), next(), next(), next(), next()],
    })
}

/// Every epoch's measurements of the whole run from its blocks', or `None` if a merged epoch is
/// not finite (the one-worker run would have diverged there).
fn merge_losses(blocks: &[Block], mu: f64, epochs: usize) -> Option<History> {
    let mu = mu as f32;
    let mut history = History::new(epochs as u64);
    for e in 0..epochs {
        let sum = |i: usize| blocks.iter().map(|b| b.losses[i][e]).sum::<f32>();
        let (fit, reg) = (sum(0), sum(1));
        let grad_sq: f32 = blocks.iter().map(|b| b.losses[2][e].powi(2)).sum();
        let stats = EpochStats {
            fit,
            reg,
            total: fit + mu * reg,
            grad_norm: grad_sq.sqrt(),
            err_inf: blocks.iter().map(|b| b.losses[3][e]).fold(0.0, f32::max),
            subopt: sum(4),
        };
        if !stats.is_finite() {
            return None;
        }
        history.push(&stats);
    }
    Some(history)
}

/// The page's answer from the blocks' shares (in coordinate order, of the given lengths), whose
/// snapshots were taken at `epochs`; `None` if they cannot be merged (see [`read_block`],
/// [`merge_losses`]).
fn merge(
    spec: &RunSpec,
    id: RunId,
    shares: &[Share],
    lens: &[usize],
    epochs: &[u64],
) -> Option<RunResult> {
    let e = spec.epochs as usize;
    let blocks = shares
        .iter()
        .zip(lens)
        .map(|(share, &len)| read_block(share, len, epochs.len(), e))
        .collect::<Option<Vec<_>>>()?;
    let history = merge_losses(&blocks, spec.mu, e)?;
    let snapshots = epochs
        .iter()
        .enumerate()
        .map(|(i, &epoch)| Snapshot {
            epoch,
            z: blocks
                .iter()
                .flat_map(|b| &b.snapshots[i * b.z.len()..(i + 1) * b.z.len()])
                .copied()
                .collect(),
        })
        .collect();
    Some(RunResult {
        run: id,
        epoch: spec.epochs,
        reason: StopReason::EpochsDone,
        z: blocks.iter().flat_map(|b| b.z).copied().collect(),
        err_inf: blocks.iter().map(|b| b.err_inf).fold(0.0, f32::max),
        elapsed_ms: 0.0,
        history: history.decimated(HISTORY_POINTS),
        snapshots,
        spec: spec.clone(),
        timing: WorkTiming::default(),
    })
}

/// A run for the page, computed by this worker alone or shared with helpers.
pub struct SplitRun {
    id: RunId,
    spec: RunSpec,
    /// This worker's block (the whole run once it is computed here alone).
    own: Option<Job>,
    own_done: bool,
    /// The blocks' lengths, this worker's first.
    lens: Vec<usize>,
    /// The shares, by block: this worker's, then the helpers' by slot.
    shares: Vec<Option<Share>>,
    /// The epochs of this worker's snapshots, which every block's share.
    snapshot_epochs: Vec<u64>,
    outgoing: Vec<(usize, Vec<u8>)>,
    /// The whole run, unstarted, in case it must be computed here after all.
    whole: Option<Job>,
    /// The merged answer, once every block is in.
    merged: Option<RunResult>,
    /// Set once the run falls back to this worker alone.
    alone: bool,
}

impl SplitRun {
    /// The task for the run `spec` (from `start` for a warm start): this, shared with up to
    /// `helpers` helpers, to whom the page's request (its `bytes`) is forwarded, or the plain
    /// one-worker [`Job`] when the run is not split.
    pub fn task(
        id: RunId,
        spec: RunSpec,
        start: Option<Vec<f32>>,
        bytes: &[u8],
        helpers: usize,
    ) -> Result<Box<dyn Task>, String> {
        let whole = Job::new(id, spec.clone())?;
        let whole = match &start {
            Some(z) => whole.starting_at(z)?,
            None => whole,
        };
        let n = whole.run.z().len();
        let ranges = blocks(n, if splittable(&spec) { helpers + 1 } else { 1 });
        if ranges.len() < 2 {
            return Ok(Box::new(whole));
        }
        let own_start = start.as_ref().map_or(&[][..], |z| &z[ranges[0].clone()]);
        // Built before it is known to be needed: building it checked the spec, and the fallback
        // then builds nothing.
        let own = Job::block(id, spec.clone(), ranges[0].clone(), own_start)?;
        let outgoing = ranges[1..]
            .iter()
            .enumerate()
            .map(|(slot, r)| (slot, part_of(bytes, r.start as u32, r.end as u32)))
            .collect();
        Ok(Box::new(Self {
            id,
            own: Some(own),
            own_done: false,
            lens: ranges.iter().map(|r| r.len()).collect(),
            shares: vec![None; ranges.len()],
            snapshot_epochs: Vec::new(),
            outgoing,
            whole: Some(whole),
            merged: None,
            alone: false,
            spec,
        }))
    }

    /// Computes the whole run here (a helper is gone, or a block ended otherwise than the
    /// one-worker run would have): the answer is then exactly the one-worker answer.
    fn alone(&mut self) {
        self.own = self.whole.take();
        self.own_done = false;
        self.alone = true;
        self.merged = None;
        self.shares.clear();
    }

    /// Merges the blocks once all are in; falls back to [`SplitRun::alone`] if they cannot be.
    fn try_merge(&mut self) {
        if self.alone || self.shares.iter().any(Option::is_none) {
            return;
        }
        let shares: Vec<Share> = self.shares.iter_mut().filter_map(Option::take).collect();
        let lens = &self.lens;
        match merge(&self.spec, self.id, &shares, lens, &self.snapshot_epochs) {
            Some(result) => self.merged = Some(result),
            None => self.alone(),
        }
    }
}

impl Task for SplitRun {
    fn id(&self) -> RunId {
        self.id
    }

    fn work(&mut self, epochs: u64) -> bool {
        if self.merged.is_some() {
            return true;
        }
        if let Some(own) = self.own.as_mut().filter(|_| !self.own_done) {
            self.own_done = own.work(epochs);
            if self.alone {
                return self.own_done;
            }
            if self.own_done {
                // A block that diverged: no need to wait for the others.
                if own.ended_early() {
                    self.alone();
                    return false;
                }
                if let Some(own) = self.own.take() {
                    let (share, epochs) = own.into_share();
                    self.snapshot_epochs = epochs;
                    self.shares[0] = Some(share);
                    self.try_merge();
                }
            }
        }
        self.merged.is_some()
    }

    fn slice_epochs(&self) -> u64 {
        crate::worker::job::slice_for(self.spec.n)
    }

    fn progress(&self, elapsed_ms: f64) -> FromWorker {
        let epoch = self.own.as_ref().map_or(self.spec.epochs, Job::epoch);
        FromWorker::Progress {
            run: self.id,
            epoch,
            epochs: self.spec.epochs,
            elapsed_ms,
            wasm_bytes: 0,
        }
    }

    fn finish(self: Box<Self>, elapsed_ms: f64, timing: WorkTiming) -> FromWorker {
        match (self.merged, self.own) {
            (Some(merged), _) => FromWorker::Done(Box::new(RunResult {
                elapsed_ms,
                timing,
                ..merged
            })),
            (None, Some(own)) => Box::new(own).finish(elapsed_ms, timing),
            (None, None) => FromWorker::Error {
                run: Some(self.id),
                message: "a shared run ended without an answer".into(),
            },
        }
    }

    fn workers(&self) -> u32 {
        if self.alone {
            1
        } else {
            self.lens.len() as u32
        }
    }

    fn outgoing(&mut self) -> Vec<(usize, Vec<u8>)> {
        std::mem::take(&mut self.outgoing)
    }

    fn waiting(&self) -> bool {
        !self.alone && self.own_done && self.merged.is_none()
    }

    fn accept(&mut self, slot: usize, said: HelperSaid) {
        if self.alone {
            return;
        }
        match said {
            HelperSaid::Share(share) if slot + 1 < self.shares.len() && share.run == self.id => {
                self.shares[slot + 1] = Some(share);
                self.try_merge();
            }
            // Progress keeps the page's watchdog fed (the runtime forwards ours); anything else
            // (an error, a lost helper) means this worker does the whole run.
            HelperSaid::Busy | HelperSaid::Ready => {}
            _ => self.alone(),
        }
    }
}
