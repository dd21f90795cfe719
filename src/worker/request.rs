//! The task a request asks for: a run or a sweep, shared with helper workers when it asks for
//! more than one ([`crate::worker::split`]), a helper's block, or a loss-history export.

use std::ops::Range;

use crate::protocol::{decode_request, RunId, ToWorker};
use crate::spec::SweepSpec;
use crate::worker::job::{Job, SweepJob, Task};
use crate::worker::loss_csv::LossCsvJob;
use crate::worker::split::SplitRun;
use crate::worker::split_sweep::SplitSweep;

/// Builds the task a request asks for (`bytes`: the request as it came, which a shared task
/// forwards to its helpers), sharing it with up to `helpers` helper workers when it asks for
/// more than one worker; `Err` carries a message for a person.
pub fn task_for(
    message: ToWorker,
    bytes: &[u8],
    helpers: usize,
) -> Option<Result<Box<dyn Task>, (RunId, String)>> {
    let share = |workers: u32| helpers.min(workers.saturating_sub(1) as usize);
    Some(match message {
        ToWorker::Start { run, spec, workers } => {
            SplitRun::new(run, spec, None, bytes, share(workers)).map_err(|e| (run, e))
        }
        ToWorker::Continue {
            run,
            spec,
            z,
            workers,
        } => SplitRun::new(run, spec, Some(z), bytes, share(workers)).map_err(|e| (run, e)),
        ToWorker::Sweep { run, spec, workers } => {
            SplitSweep::new(run, spec, bytes, share(workers)).map_err(|e| (run, e))
        }
        ToWorker::Part { from, to, request } => return part(&request, from as usize..to as usize),
        ToWorker::LossCsv { run, spec } => {
            LossCsvJob::new(run, spec).map(boxed).map_err(|e| (run, e))
        }
        ToWorker::Stop { .. } => return None,
        #[cfg(feature = "test-hooks")]
        ToWorker::Debug(_) => return None,
    })
}

/// A helper's part of the page's request `request` (see [`ToWorker::Part`]): a block of a
/// run's coordinates, or a run of a sweep's μ values.
fn part(request: &[u8], range: Range<usize>) -> Option<Result<Box<dyn Task>, (RunId, String)>> {
    let out_of = |n: usize| format!("no part {}..{} of {n}", range.start, range.end);
    Some(match decode_request(request).ok()? {
        ToWorker::Start { run, spec, .. } => Job::block(run, spec, range, &[])
            .map(boxed)
            .map_err(|e| (run, e)),
        ToWorker::Continue { run, spec, z, .. } => match z.get(range.clone()) {
            Some(start) => Job::block(run, spec, range, start).map(boxed),
            None => Err(out_of(z.len())),
        }
        .map_err(|e| (run, e)),
        ToWorker::Sweep { run, spec, .. } => match spec.mus.get(range.clone()) {
            Some(mus) => SweepJob::new(
                run,
                SweepSpec {
                    mus: mus.to_vec(),
                    ..spec
                },
            )
            .map(|j| boxed(j.rows_only())),
            None => Err(out_of(spec.mus.len())),
        }
        .map_err(|e| (run, e)),
        _ => return None,
    })
}

fn boxed<T: Task + 'static>(t: T) -> Box<dyn Task> {
    Box::new(t)
}
