//! A run shared among k workers (src/worker/split.rs), natively: the coordinator's task is
//! driven as the worker runtime drives it, its helpers' blocks computed by the same tasks a
//! helper worker runs (`task_for` of the Block messages it sends), and the answer compared with
//! the one-worker answer: z and every snapshot bit for bit, the loss sums within the bound the
//! module states. Also: a lost helper or a diverging block leaves the
//! run to the coordinator, whose answer is then the one-worker answer exactly. And a sweep
//! shared by μ (src/view/sweep_parts.rs): its merged rows are the one-worker rows bit for bit.

use reglab::core::optim::schedule::Decay;
use reglab::core::optim::OptimizerKind;
use reglab::core::variants::Fit;
use reglab::core::StopReason;
use reglab::protocol::{
    decode, encode, helper_said, FromWorker, HelperSaid, RunResult, SweepResult, ToWorker,
    WorkTiming,
};
use reglab::spec::{RunSpec, SweepSpec, Weights, Z0Spec};
use reglab::view::sweep_parts::{merge, mu_parts, part_specs};
use reglab::worker::job::Task;
use reglab::worker::split::{auto_workers, blocks, AUTO_MIN_STEPS, MIN_BLOCK};
use reglab::worker::task_for;

fn seed(mu: f64, epochs: u64) -> RunSpec {
    RunSpec {
        mu,
        epochs,
        ..reglab::link::Params::default().run_spec(256)
    }
}

/// A `z0data` state: values typed by hand (not a preset), lr = 0.003, 4 000 epochs.
fn z0data() -> RunSpec {
    let values: Vec<f32> = (0..73)
        .map(|i| ((i * 37 % 101) as f32 - 50.0) / 4.0)
        .collect();
    let mut spec = seed(0.2, 4_000);
    spec.n = values.len();
    spec.z0 = Z0Spec::Values(values);
    spec.adam.lr = 0.003;
    spec
}

/// The Tournesol preset: weighted L1 fit (λ = 2, C = 3), proximal steps with decay.
fn tournesol(opt: OptimizerKind) -> RunSpec {
    let mut spec = seed(0.3, 6_000);
    spec.weights = Weights::Tournesol {
        lambda: 2.0,
        cap: 3.0,
    };
    spec.opt = opt;
    spec.decay = Decay::InvSqrt;
    spec.n = 250;
    spec
}

/// Runs a task as the worker runtime does: its helpers' messages are answered by the tasks a
/// helper builds from them (`lose`: the helper in that slot fails instead), then the task works
/// until done.
fn drive(mut task: Box<dyn Task>, lose: Option<usize>) -> (FromWorker, u32) {
    let answers: Vec<(usize, HelperSaid)> = task
        .outgoing()
        .into_iter()
        .map(|(slot, message)| {
            if lose == Some(slot) {
                return (slot, HelperSaid::Failed);
            }
            // The message and its answer go through the codec, as between two workers.
            let bytes = message;
            let message = decode(&bytes).unwrap();
            let mut helper = task_for(message, &bytes, 0).unwrap().unwrap();
            while !helper.work(997) {}
            let answer = helper.finish(1.0, WorkTiming::default());
            (slot, helper_said(&encode(&answer)))
        })
        .collect();
    // Half the answers before the coordinator's own share, half after, as they may arrive.
    let (early, late) = answers.split_at(answers.len() / 2);
    for (slot, m) in early.iter().cloned() {
        task.accept(slot, m);
    }
    let mut late = late.iter().cloned();
    while !task.work(1_234) {
        if task.waiting() {
            let (slot, m) = late
                .next()
                .expect("a waiting task waits for a helper's answer");
            task.accept(slot, m);
        }
    }
    let workers = task.workers();
    (task.finish(1.0, WorkTiming::default()), workers)
}

fn run(spec: &RunSpec, workers: u32, lose: Option<usize>) -> (RunResult, u32) {
    let start = ToWorker::Start {
        run: 7,
        spec: spec.clone(),
        workers,
    };
    match drive(
        task_for(start.clone(), &encode(&start), workers as usize - 1)
            .unwrap()
            .unwrap(),
        lose,
    ) {
        (FromWorker::Done(r), k) => (*r, k),
        (other, _) => panic!("a run ends with Done, not {other:?}"),
    }
}

/// The largest relative difference of two loss series (`max` per bucket) of the same length.
fn rel_diff(a: &[f32], b: &[f32]) -> f64 {
    assert_eq!(a.len(), b.len());
    a.iter()
        .zip(b)
        .map(|(&x, &y)| {
            (f64::from(x) - f64::from(y)).abs() / f64::from(x.abs().max(y.abs())).max(1e-30)
        })
        .fold(0.0, f64::max)
}

fn assert_same_run(spec: &RunSpec, workers: u32) -> f64 {
    let (one, k1) = run(spec, 1, None);
    let (split, k) = run(spec, workers, None);
    assert_eq!(k1, 1);
    let n = spec.z0().len();
    assert_eq!(k as usize, blocks(n, workers as usize).len());
    assert!(k > 1, "n = {n} is split among {workers} workers");
    assert_eq!(split.z, one.z, "k = {k}: z bit for bit");
    assert_eq!(
        split.snapshots, one.snapshots,
        "k = {k}: every snapshot bit for bit"
    );
    assert_eq!(split.err_inf, one.err_inf);
    assert_eq!((split.epoch, split.reason), (one.epoch, one.reason));
    assert_eq!(split.reason, StopReason::EpochsDone);
    // ‖z − z*‖∞ merges exactly; the sums within 2(n − 1)·2⁻²⁴ relative (and ‖g‖ via its square).
    let (h, g) = (&split.history, &one.history);
    assert_eq!(h.err_inf, g.err_inf);
    let bound = 2.0 * (n as f64 - 1.0) * f64::powi(2.0, -24) + 4.0 * f64::powi(2.0, -24);
    let worst = [
        rel_diff(h.fit.max(), g.fit.max()),
        rel_diff(h.reg.max(), g.reg.max()),
        rel_diff(h.total.max(), g.total.max()),
        rel_diff(h.grad_norm.max(), g.grad_norm.max()),
        rel_diff(&h.fit.min, &g.fit.min),
    ]
    .into_iter()
    .fold(0.0, f64::max);
    assert!(
        worst <= bound,
        "k = {k}: loss sums differ by {worst:e} > {bound:e}"
    );
    worst
}

/// A run the link did not ask to share goes to no more workers than its work is worth: the seed
/// stays on one whatever the cores; a wide run or a prox run takes one worker per 4 M steps.
#[test]
fn an_unasked_run_is_shared_only_as_far_as_its_work_is_worth() {
    let sized = |n: usize, epochs: u64, opt: OptimizerKind| RunSpec {
        n,
        epochs,
        opt,
        ..seed(0.1, epochs)
    };
    for workers in [1, 2, 3, 7, 16] {
        let one = sized(100, 25_000, OptimizerKind::Adam);
        assert_eq!(auto_workers(workers, &one), 1, "the seed on {workers}");
        assert_eq!(
            auto_workers(workers, &sized(0, 25_000, OptimizerKind::Adam)),
            1
        );
    }
    assert_eq!(AUTO_MIN_STEPS, 4_000_000);
    assert_eq!(
        auto_workers(3, &sized(1_600, 5_000, OptimizerKind::Adam)),
        2
    );
    assert_eq!(
        auto_workers(3, &sized(2_000, 5_000, OptimizerKind::Adam)),
        2
    );
    assert_eq!(
        auto_workers(3, &sized(2_400, 5_000, OptimizerKind::Adam)),
        3
    );
    assert_eq!(
        auto_workers(1, &sized(2_400, 5_000, OptimizerKind::Adam)),
        1
    );
    // The Tournesol state's size with prox: 100 × 25 000 × 32 = 80 M steps.
    assert_eq!(auto_workers(3, &sized(100, 25_000, OptimizerKind::Prox)), 3);
    assert_eq!(
        auto_workers(16, &sized(100_000, 10_000_000, OptimizerKind::Adam)),
        16
    );
    assert_eq!(
        auto_workers(0, &sized(100_000, 25_000, OptimizerKind::Adam)),
        1
    );
}

#[test]
fn the_blocks_cover_z_in_lane_multiples() {
    for n in [1, 7, 8, 31, 63, 64, 65, 100, 250, 1_000, 10_000] {
        for k in 1..=16 {
            let b = blocks(n, k);
            assert_eq!(b.first().unwrap().start, 0);
            assert_eq!(b.last().unwrap().end, n);
            assert!(b.windows(2).all(|w| w[0].end == w[1].start));
            assert!(
                b.len() <= k && b.len() <= (n / MIN_BLOCK).max(1),
                "n {n} k {k}: {b:?}"
            );
            assert!(b[..b.len() - 1].iter().all(|r| r.len() % 8 == 0));
            assert!(
                b.len() == 1 || b.iter().all(|r| r.len() >= MIN_BLOCK),
                "n {n} k {k}: {b:?}"
            );
            if k > 1 && n >= 2 * MIN_BLOCK + 8 {
                assert!(b.len() > 1, "n {n} is split among {k} workers");
            }
        }
    }
    assert_eq!(blocks(100, 2), [0..56, 56..100]);
    assert_eq!(blocks(100, 8), [0..40, 40..80, 80..100]);
    assert_eq!(
        blocks(60, 2),
        [0..32, 32..60],
        "a z0data link's 60 values split"
    );
}

#[test]
fn the_seed_run_shared_equals_the_one_worker_run() {
    let worst = assert_same_run(&seed(0.1, 25_000), 2);
    println!("seed, k = 2: loss sums within {worst:e} (relative) of the one-worker sums");
    let mut wide = seed(0.5, 3_000);
    wide.n = 1_000;
    for k in [2, 3, 4, 7] {
        let worst = assert_same_run(&wide, k);
        println!("n = 1000, k = {k}: loss sums within {worst:e}");
    }
}

#[test]
fn a_z0data_state_shared_equals_the_one_worker_run() {
    let worst = assert_same_run(&z0data(), 2);
    println!("z0data (n = 73, lr = 0.003): loss sums within {worst:e}");
}

#[test]
fn tournesol_states_shared_equal_the_one_worker_runs() {
    for opt in OptimizerKind::ALL {
        let worst = assert_same_run(&tournesol(opt), 3);
        println!("Tournesol, {opt:?}, k = 3: loss sums within {worst:e}");
    }
    let mut huber = tournesol(OptimizerKind::Adam);
    huber.fit = Fit::PseudoHuber { delta: 0.5 };
    assert_same_run(&huber, 4);
}

#[test]
fn a_warm_start_shared_equals_the_one_worker_warm_start() {
    let (cold, _) = run(&seed(0.05, 25_000), 1, None);
    let spec = seed(0.5, 25_000);
    let answer = |workers: u32| {
        let message = ToWorker::Continue {
            run: 9,
            spec: spec.clone(),
            z: cold.z.clone(),
            workers,
        };
        match drive(
            task_for(message.clone(), &encode(&message), workers as usize - 1)
                .unwrap()
                .unwrap(),
            None,
        ) {
            (FromWorker::Done(r), k) => (r, k),
            (other, _) => panic!("{other:?}"),
        }
    };
    let ((one, _), (split, k)) = (answer(1), answer(2));
    assert_eq!(k, 2);
    assert_eq!(split.z, one.z);
    assert_eq!(split.snapshots, one.snapshots);
    assert_eq!(
        split.snapshots[0].z, cold.z,
        "the first frame is the previous z"
    );
}

#[test]
fn a_lost_helper_leaves_the_one_worker_answer() {
    let spec = seed(0.1, 5_000);
    let (one, _) = run(&spec, 1, None);
    let (alone, k) = run(&spec, 2, Some(0));
    assert_eq!(k, 1, "the coordinator did the whole run");
    assert_eq!(alone.z, one.z);
    assert_eq!(
        alone.history, one.history,
        "its history is the one-worker history exactly"
    );
}

#[test]
fn a_diverging_run_shared_ends_as_the_one_worker_run() {
    let mut spec = seed(0.1, 2_000);
    spec.opt = OptimizerKind::Sgd;
    spec.adam.lr = 50.0;
    spec.mu = 1e3;
    let (one, _) = run(&spec, 1, None);
    assert!(
        matches!(one.reason, StopReason::Diverged { .. }),
        "{:?}",
        one.reason
    );
    let (split, k) = run(&spec, 2, None);
    assert_eq!(k, 1);
    assert_eq!((split.reason, split.epoch), (one.reason, one.epoch));
    assert_eq!(split.history, one.history);
    assert_eq!(split.z.len(), one.z.len());
    assert!(split
        .z
        .iter()
        .zip(&one.z)
        .all(|(a, b)| a.to_bits() == b.to_bits()));
}

#[test]
fn runs_too_long_to_keep_every_epoch_are_not_shared() {
    let (_, k) = run(&seed(0.1, 40_000), 4, None);
    assert_eq!(k, 1);
}

/// A sweep on one worker, through the codec as the page receives it.
fn sweep_on_one_worker(spec: &SweepSpec) -> SweepResult {
    let message = ToWorker::Sweep {
        run: 9,
        spec: spec.clone(),
    };
    let mut task = task_for(message.clone(), &encode(&message), 0)
        .unwrap()
        .unwrap();
    while !task.work(2_345) {}
    match decode(&encode(&task.finish(1.0, WorkTiming::default()))).unwrap() {
        FromWorker::SweepDone(r) => *r,
        other => panic!("a sweep ends with SweepDone, not {other:?}"),
    }
}

/// A sweep shared among `workers` workers as the sweep view shares it: one sweep per part of
/// the grid, merged.
fn assert_same_sweep(spec: &SweepSpec, workers: usize) {
    let whole = sweep_on_one_worker(spec);
    let parts = mu_parts(spec.mus.len(), workers);
    let answers = part_specs(spec, &parts)
        .iter()
        .map(sweep_on_one_worker)
        .collect();
    let merged = merge(spec.clone(), answers).expect("the parts make up the grid");
    assert_eq!(merged.timing.workers as usize, parts.len());
    assert_eq!(merged.rows.len(), whole.rows.len());
    for (a, b) in merged.rows.iter().zip(&whole.rows) {
        assert_eq!(a.mu.to_bits(), b.mu.to_bits());
        assert_eq!(a.reason, b.reason, "μ = {}", a.mu);
        assert_eq!(a.err_inf.to_bits(), b.err_inf.to_bits(), "μ = {}", a.mu);
        let bits = |z: &[f32]| z.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&a.z), bits(&b.z), "z at μ = {}, k = {workers}", a.mu);
    }
}

#[test]
fn the_mu_parts_cover_the_grid_evenly() {
    for len in 1..=40 {
        for k in 1..=16 {
            let p = mu_parts(len, k);
            assert_eq!(p.len(), k.min(len), "len {len} k {k}");
            assert_eq!((p[0].start, p.last().unwrap().end), (0, len));
            assert!(p.windows(2).all(|w| w[0].end == w[1].start));
            let (lo, hi) = (
                p.iter().map(|r| r.len()).min(),
                p.iter().map(|r| r.len()).max(),
            );
            assert!(lo >= Some(1) && hi.unwrap() - lo.unwrap() <= 1, "{p:?}");
        }
    }
    assert_eq!(mu_parts(10, 3), [0..4, 4..7, 7..10]);
}

#[test]
fn sweeps_shared_by_mu_equal_the_one_worker_sweeps() {
    let mut seed_sweep = reglab::link::Params::default().sweep_spec();
    assert_eq!(seed_sweep.mus.len(), 10, "the seed's grid");
    for k in [2, 3, 10, 16] {
        assert_same_sweep(&seed_sweep, k);
    }
    seed_sweep.base = z0data();
    assert_same_sweep(&seed_sweep, 2);
    seed_sweep.base = tournesol(OptimizerKind::Prox);
    seed_sweep.base.epochs = 2_000;
    assert_same_sweep(&seed_sweep, 4);
}

#[test]
fn a_merge_of_parts_that_miss_rows_is_refused() {
    let spec = reglab::link::Params::default().sweep_spec();
    let mut short = spec.clone();
    short.base.epochs = 50;
    let parts = part_specs(&short, &mu_parts(10, 2));
    let mut answers: Vec<SweepResult> = parts.iter().map(sweep_on_one_worker).collect();
    answers[1].rows.pop();
    assert!(merge(short.clone(), answers).is_none(), "a row missing");
    let answers = parts.iter().rev().map(sweep_on_one_worker).collect();
    assert!(merge(short, answers).is_none(), "parts out of order");
}
