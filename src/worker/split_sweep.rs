//! A sweep shared among workers by μ (issue 17): each helper runs a contiguous part of the μ
//! grid as a sweep of its own, and the coordinating worker puts the rows back in grid order.
//! Each row is a whole run of its μ on one worker, so the rows are the one-worker rows bit for
//! bit. A helper that fails leaves the whole sweep to the coordinator.

use std::ops::Range;

use crate::core::{StopReason, SweepRow};
use crate::protocol::{part_of, FromWorker, HelperSaid, RunId, Share, SweepResult, WorkTiming};
use crate::spec::SweepSpec;
use crate::worker::job::{slice_for, SweepJob, Task};
use crate::worker::split::mu_chunks;

/// A sweep for the page, computed by this worker alone or shared with helpers by μ.
pub struct SplitSweep {
    id: RunId,
    spec: SweepSpec,
    own: SweepJob,
    own_rows: Option<Vec<SweepRow>>,
    parts: Vec<Option<Vec<SweepRow>>>,
    /// Rows each helper reported done so far (progress).
    parts_done: Vec<usize>,
    /// The μ values (indices into the grid) of each part, this worker's first.
    chunks: Vec<Range<usize>>,
    outgoing: Vec<(usize, Vec<u8>)>,
    alone: bool,
}

/// A helper's rows as a [`Share`]: for each row, ‖z − z*‖∞, the epoch it diverged at (0: it ran
/// all its epochs; f32 holds every epoch count a link allows exactly), then its z.
pub fn share_of_rows(run: RunId, rows: &[SweepRow]) -> Share {
    let mut values = Vec::new();
    for row in rows {
        let diverged = match row.reason {
            StopReason::Diverged { epoch } => epoch as f32,
            _ => 0.0,
        };
        values.extend([row.err_inf, diverged]);
        values.extend_from_slice(&row.z);
    }
    Share {
        run,
        done: true,
        values,
    }
}

/// The rows of the μ values `mus` from a helper's [`share_of_rows`]; `None` if it has another
/// shape.
pub fn rows_of_share(share: &Share, mus: &[f64]) -> Option<Vec<SweepRow>> {
    let v = &share.values;
    let per_row = v.len().checked_div(mus.len())?;
    if per_row < 2 || per_row * mus.len() != v.len() {
        return None;
    }
    let rows = v.chunks_exact(per_row).zip(mus).map(|(row, &mu)| SweepRow {
        mu,
        err_inf: row[0],
        reason: match row[1] {
            e if e > 0.0 => StopReason::Diverged { epoch: e as u64 },
            _ => StopReason::EpochsDone,
        },
        z: row[2..].to_vec(),
    });
    Some(rows.collect())
}

impl SplitSweep {
    /// The sweep `spec`, shared with up to `helpers` helpers.
    /// The page's request (its `bytes`) is forwarded to the helpers.
    pub fn new(
        id: RunId,
        spec: SweepSpec,
        bytes: &[u8],
        helpers: usize,
    ) -> Result<Box<dyn Task>, String> {
        let whole = SweepJob::new(id, spec.clone())?;
        let chunks = mu_chunks(spec.mus.len(), helpers + 1);
        if chunks.len() < 2 {
            return Ok(Box::new(whole));
        }
        let part = |r: &Range<usize>| SweepSpec {
            base: spec.base.clone(),
            mus: spec.mus[r.clone()].to_vec(),
        };
        let own = SweepJob::new(id, part(&chunks[0]))?;
        let outgoing = chunks[1..]
            .iter()
            .enumerate()
            .map(|(slot, r)| (slot, part_of(bytes, r.start as u32, r.end as u32)))
            .collect();
        Ok(Box::new(Self {
            id,
            own,
            own_rows: None,
            parts: vec![None; chunks.len() - 1],
            parts_done: vec![0; chunks.len() - 1],
            chunks,
            outgoing,
            alone: false,
            spec,
        }))
    }

    fn alone(&mut self) {
        if let Ok(whole) = SweepJob::new(self.id, self.spec.clone()) {
            self.own = whole;
        }
        self.own_rows = None;
        self.alone = true;
        self.parts.clear();
    }
}

impl Task for SplitSweep {
    fn id(&self) -> RunId {
        self.id
    }

    fn work(&mut self, epochs: u64) -> bool {
        if self.alone {
            return self.own.work(epochs);
        }
        if self.own_rows.is_none() && self.own.work(epochs) {
            self.own_rows = Some(self.own.take_rows());
        }
        self.own_rows.is_some() && self.parts.iter().all(Option::is_some)
    }

    fn slice_epochs(&self) -> u64 {
        slice_for(self.spec.base.n)
    }

    fn progress(&self, elapsed_ms: f64) -> FromWorker {
        let own = match (&self.own_rows, self.own.progress(elapsed_ms)) {
            (Some(rows), _) => rows.len(),
            (None, FromWorker::SweepProgress { done, .. }) => done,
            _ => 0,
        };
        FromWorker::SweepProgress {
            run: self.id,
            done: own + self.parts_done.iter().sum::<usize>(),
            total: self.spec.mus.len(),
            elapsed_ms,
        }
    }

    fn finish(mut self: Box<Self>, elapsed_ms: f64, timing: WorkTiming) -> FromWorker {
        if self.alone {
            return Box::new(self.own).finish(elapsed_ms, timing);
        }
        let mut rows = self.own_rows.take().unwrap_or_default();
        rows.extend(self.parts.iter_mut().filter_map(Option::take).flatten());
        FromWorker::SweepDone(Box::new(SweepResult {
            run: self.id,
            spec: self.spec,
            rows,
            elapsed_ms,
            timing,
        }))
    }

    fn workers(&self) -> u32 {
        if self.alone {
            1
        } else {
            self.parts.len() as u32 + 1
        }
    }

    fn outgoing(&mut self) -> Vec<(usize, Vec<u8>)> {
        std::mem::take(&mut self.outgoing)
    }

    fn waiting(&self) -> bool {
        !self.alone && self.own_rows.is_some() && self.parts.iter().any(Option::is_none)
    }

    fn accept(&mut self, slot: usize, said: HelperSaid) {
        if self.alone {
            return;
        }
        match said {
            HelperSaid::Share(share) if slot < self.parts.len() && share.run == self.id => {
                let mus = &self.spec.mus[self.chunks[slot + 1].clone()];
                match rows_of_share(&share, mus) {
                    Some(rows) => {
                        self.parts_done[slot] = rows.len();
                        self.parts[slot] = Some(rows);
                    }
                    None => self.alone(),
                }
            }
            HelperSaid::Busy | HelperSaid::Ready => {}
            _ => self.alone(),
        }
    }
}
