//! A sweep shared among k workers by μ (issue 17). Each row of a sweep is a whole run of its μ,
//! from z = 0 and independent of every other row, so the grid splits into contiguous parts,
//! each a sweep of its own in a worker of its own, and the parts' rows put back in grid order are
//! the one-worker rows bit for bit (`tests/split.rs`). The page does the splitting (the sweep
//! view starts one worker per part), so the worker's code, and its wasm, do not grow.

use std::ops::Range;

use crate::protocol::{SweepResult, WorkTiming};
use crate::spec::SweepSpec;

/// The parts of a grid of `len` μ values shared among at most `workers` workers: contiguous,
/// in grid order, as even as can be (sizes differ by at most one), none empty; one part (no
/// split) for one worker or a grid of one μ.
pub fn mu_parts(len: usize, workers: usize) -> Vec<Range<usize>> {
    let k = workers.clamp(1, len.max(1));
    let (size, extra) = (len / k, len % k);
    let mut start = 0;
    (0..k)
        .map(|i| {
            let end = start + size + usize::from(i < extra);
            let part = start..end;
            start = end;
            part
        })
        .collect()
}

/// The sweeps the workers run for `spec` split by `parts` ([`mu_parts`]).
pub fn part_specs(spec: &SweepSpec, parts: &[Range<usize>]) -> Vec<SweepSpec> {
    parts
        .iter()
        .map(|r| SweepSpec {
            base: spec.base.clone(),
            mus: spec.mus[r.clone()].to_vec(),
        })
        .collect()
}

/// The one answer for `spec` from its parts' answers, in part order: the rows side by side.
/// The parts ran at the same time, so the compute time is the longest part's; the timing adds
/// the parts' slices and calls. `None` if the parts' rows do not make up the grid (a part
/// cancelled early, or answers from another split).
pub fn merge(spec: SweepSpec, parts: Vec<SweepResult>) -> Option<SweepResult> {
    let run = parts.first()?.run;
    let mut rows = Vec::with_capacity(spec.mus.len());
    let mut elapsed_ms = 0.0f64;
    let mut timing = WorkTiming {
        workers: parts.len() as u32,
        ..WorkTiming::default()
    };
    for part in parts {
        elapsed_ms = elapsed_ms.max(part.elapsed_ms);
        timing.slices += part.timing.slices;
        timing.calls += part.timing.calls;
        timing.longest_call_ms = timing.longest_call_ms.max(part.timing.longest_call_ms);
        rows.extend(part.rows);
    }
    let same_grid =
        rows.len() == spec.mus.len() && rows.iter().zip(&spec.mus).all(|(row, &mu)| row.mu == mu);
    same_grid.then_some(SweepResult {
        run,
        spec,
        rows,
        elapsed_ms,
        timing,
    })
}
