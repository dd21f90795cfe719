//! The task a request asks for: a run, shared with helper workers when it asks for more than
//! one ([`crate::worker::split`]), a helper's block, a sweep, or a loss-history export.

use std::ops::Range;

use crate::protocol::{decode_request, RunId, ToWorker};
use crate::worker::job::{Job, SweepJob, Task};
use crate::worker::loss_csv::LossCsvJob;
use crate::worker::split::SplitRun;

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
            SplitRun::task(run, spec, None, bytes, share(workers)).map_err(|e| (run, e))
        }
        ToWorker::Continue {
            run,
            spec,
            z,
            workers,
        } => SplitRun::task(run, spec, Some(z), bytes, share(workers)).map_err(|e| (run, e)),
        ToWorker::Sweep { run, spec } => SweepJob::new(run, spec).map(boxed).map_err(|e| (run, e)),
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
/// run's coordinates.
fn part(request: &[u8], range: Range<usize>) -> Option<Result<Box<dyn Task>, (RunId, String)>> {
    Some(match decode_request(request).ok()? {
        ToWorker::Start { run, spec, .. } => Job::block(run, spec, range, &[])
            .map(boxed)
            .map_err(|e| (run, e)),
        ToWorker::Continue { run, spec, z, .. } => match z.get(range.clone()) {
            Some(start) => Job::block(run, spec, range, start).map(boxed),
            None => Err("a part outside the request".into()),
        }
        .map_err(|e| (run, e)),
        _ => return None,
    })
}

fn boxed<T: Task + 'static>(t: T) -> Box<dyn Task> {
    Box::new(t)
}
