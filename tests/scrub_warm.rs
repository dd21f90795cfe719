//! The scrubber and the warm start, natively: snapshots sit at round epochs and hold z exactly
//! as a run stopped there has it; a warm-started run begins at the z it is given, converges to
//! the new μ's optimum, and a cold start is untouched by the feature.

use reglab::core::{Problem, Run};
use reglab::protocol::{FromWorker, RunResult, ToWorker, WorkTiming};
use reglab::spec::RunSpec;
use reglab::view::shown::{Shown, MAX_EARLIER};
use reglab::worker::job::{snapshot_every, Job, Task, SCRUB_SNAPSHOTS};
use reglab::worker::task_for;

fn spec(mu: f64) -> RunSpec {
    RunSpec {
        mu,
        snapshots: SCRUB_SNAPSHOTS,
        ..reglab::link::Params::default().run_spec(0)
    }
}

fn finish(mut task: Box<dyn Task>) -> RunResult {
    while !task.work(7_777) {}
    match task.finish(1.0, WorkTiming::default()) {
        FromWorker::Done(r) => *r,
        other => panic!("a run ends with Done, got {other:?}"),
    }
}

fn run_to(spec: &RunSpec, epochs: u64) -> Vec<f32> {
    let problem: Problem = spec.problem(spec.mu).unwrap();
    let mut run = Run::with_optimizer(problem, spec.optimizer(), epochs);
    run.finish();
    run.z().to_vec()
}

#[test]
fn snapshot_intervals_are_round_and_bounded() {
    assert_eq!(snapshot_every(25_000, SCRUB_SNAPSHOTS, 100), 100);
    assert_eq!(snapshot_every(25_000, 180, 100), 150);
    assert_eq!(snapshot_every(25_000, 600, 100), 50);
    assert_eq!(snapshot_every(1_000, SCRUB_SNAPSHOTS, 100), 4);
    assert_eq!(snapshot_every(10_000_000, SCRUB_SNAPSHOTS, 100), 40_000);
    assert_eq!(snapshot_every(25_000, 0, 100), 0);
    // The memory bound: never more than 4 000 000 values (+ the first and last snapshot).
    for (epochs, wanted, n) in [
        (25_000, 256, 10_000),
        (10_000_000, 600, 10_000),
        (7, 256, 1),
    ] {
        let every = snapshot_every(epochs, wanted, n);
        let count = epochs / every + 2;
        assert!(
            count as usize * n <= 4_000_000 + 2 * n,
            "{epochs} {wanted} {n}: {count}"
        );
        assert!(
            count <= u64::from(wanted) + 2,
            "{epochs} {wanted} {n}: {count}"
        );
    }
}

#[test]
fn the_seed_run_at_epoch_5000_is_a_snapshot_equal_to_a_run_stopped_there() {
    let s = spec(0.1);
    let r = finish(Box::new(Job::new(1, s.clone()).unwrap()));
    assert_eq!(r.snapshots.len(), 251);
    let epochs: Vec<u64> = r.snapshots.iter().map(|s| s.epoch).collect();
    assert_eq!(epochs, (0..=250).map(|k| k * 100).collect::<Vec<_>>());
    let at = r.snapshots.iter().find(|s| s.epoch == 5_000).unwrap();
    let native = run_to(&s, 5_000);
    assert_eq!(
        at.z.iter().map(|z| z.to_bits()).collect::<Vec<_>>(),
        native.iter().map(|z| z.to_bits()).collect::<Vec<_>>()
    );
    assert_eq!(r.snapshots.last().unwrap().z, r.z);
}

#[test]
fn a_warm_start_begins_at_the_given_z_and_converges_to_the_new_optimum() {
    let cold = finish(Box::new(Job::new(1, spec(0.05)).unwrap()));
    let message = ToWorker::Continue {
        run: 2,
        spec: spec(0.5),
        z: cold.z.clone(),
        workers: 1,
    };
    let bytes = reglab::protocol::encode(&message);
    let task = task_for(message, &bytes, 0).unwrap().unwrap();
    let warm = finish(task);
    assert_eq!(warm.snapshots[0].epoch, 0);
    assert_eq!(
        warm.snapshots[0].z, cold.z,
        "the first frame is the previous final z"
    );
    assert!(warm.err_inf <= 2e-2, "‖z − z*‖∞ = {}", warm.err_inf);
    // It really started from there: its first snapshots stay near the old clamp, far from 0.
    let z_early = &warm.snapshots[1].z; // epoch 100
    assert!(z_early[0] < -8.0, "{}", z_early[0]);

    // The loss charts' axis: the μ = 0.05 run, then this one, with a mark at 25 000.
    let prior = Shown::new(cold.clone());
    let shown = Shown::continuing(warm, &prior);
    assert_eq!(shown.offset(), 25_000);
    assert_eq!(shown.mu_changes(), vec![(25_000, 0.5)]);
}

#[test]
fn a_cold_start_equals_a_plain_run_bit_for_bit() {
    let r = finish(Box::new(Job::new(1, spec(0.5)).unwrap()));
    let native = run_to(&spec(0.5), 25_000);
    assert_eq!(
        r.z.iter().map(|z| z.to_bits()).collect::<Vec<_>>(),
        native.iter().map(|z| z.to_bits()).collect::<Vec<_>>()
    );
    assert!(r.snapshots[0].z.iter().all(|&z| z == 0.0));
}

#[test]
fn warm_chains_keep_a_bounded_history_and_refuse_a_bad_start() {
    let short = |mu: f64| RunSpec {
        epochs: 200,
        ..spec(mu)
    };
    let mut shown = Shown::new(finish(Box::new(Job::new(0, short(0.1)).unwrap())));
    for k in 1..=10u64 {
        let mu = 0.1 * (k + 1) as f64;
        let next = Job::new(k, short(mu))
            .unwrap()
            .starting_at(&shown.result.z)
            .unwrap();
        shown = Shown::continuing(finish(Box::new(next)), &shown);
    }
    assert_eq!(shown.earlier.len(), MAX_EARLIER);
    assert_eq!(shown.offset(), 200 * MAX_EARLIER as u64);
    let changes = shown.mu_changes();
    assert_eq!(changes.len(), MAX_EARLIER);
    assert_eq!(changes.last().unwrap().1, shown.result.spec.mu);

    let wrong_len = Job::new(1, spec(0.1)).unwrap().starting_at(&[0.0; 3]);
    assert!(wrong_len.is_err());
    let nan = Job::new(1, spec(0.1))
        .unwrap()
        .starting_at(&[f32::NAN; 100]);
    assert!(nan.is_err());
}
