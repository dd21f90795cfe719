//! The loss-history export: a run recomputed keeping its full history, answered as numbers
//! ([`FromWorker::File`]): the page writes the CSV.

use crate::core::History;
use crate::protocol::{FromWorker, LossRow, RunId, WorkTiming};
use crate::spec::RunSpec;
use crate::worker::job::{Job, Task};

/// Recomputes a run keeping its full history and answers with it ([`FromWorker::File`]).
pub struct LossCsvJob {
    job: Job,
}

impl LossCsvJob {
    /// Builds the run (no snapshots).
    pub fn new(id: RunId, spec: RunSpec) -> Result<Self, String> {
        Ok(Self {
            job: Job::new(
                id,
                RunSpec {
                    snapshots: 0,
                    ..spec
                },
            )?,
        })
    }
}

impl Task for LossCsvJob {
    fn id(&self) -> RunId {
        self.job.id
    }

    fn work(&mut self, epochs: u64) -> bool {
        self.job.work(epochs)
    }

    fn slice_epochs(&self) -> u64 {
        self.job.slice_epochs()
    }

    fn progress(&self, elapsed_ms: f64) -> FromWorker {
        self.job.progress(elapsed_ms)
    }

    fn finish(self: Box<Self>, _elapsed_ms: f64, _timing: WorkTiming) -> FromWorker {
        // Numbers, not text: the page writes the CSV, so no float printer is linked in here.
        FromWorker::File {
            run: self.job.id,
            mu: self.job.spec.mu,
            epochs: self.job.spec.epochs,
            rows: loss_rows(self.job.run.history()),
        }
    }
}

/// The rows of the loss-history CSV: one per bucket of the full history (one per epoch unless
/// the run is kept in buckets), at the bucket's last epoch, with the bucket's largest values.
pub fn loss_rows(h: &History) -> Vec<LossRow> {
    let total_epochs = h.total.epochs();
    (0..h.total.len())
        .map(|k| LossRow {
            epoch: h.total.bucket_end_epoch(k).min(total_epochs),
            fit: h.fit.max()[k],
            reg: h.reg.max()[k],
            total: h.total.max()[k],
            grad_norm: h.grad_norm.max()[k],
            err_inf: h.err_inf.max()[k],
        })
        .collect()
}
