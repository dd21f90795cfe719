//! The worker's tasks, natively: a sweep row equals a live run of its μ bit for bit, slices add
//! up to whole runs, bad requests are errors with a message, and the loss CSV has every epoch.

use reglab::core::{logspace, AdamConfig, StopReason};
use reglab::protocol::{FromWorker, WorkTiming};
use reglab::spec::{RunSpec, SweepSpec};
use reglab::view::csv::{loss_csv, loss_csv_name, sweep_csv};
use reglab::worker::job::{Job, SweepJob, Task};
use reglab::worker::loss_csv::{loss_rows, LossCsvJob};

fn spec(mu: f64, epochs: u64) -> RunSpec {
    RunSpec {
        mu,
        epochs,
        ..reglab::link::Params::default().run_spec(0)
    }
}

fn finish(mut task: Box<dyn Task>, slice: u64) -> FromWorker {
    while !task.work(slice) {}
    task.finish(1.0, WorkTiming::default())
}

#[test]
fn seed_sweep_rows_equal_live_runs_and_converge() {
    let mus = logspace(0.02, 1.0, 10);
    let sweep = SweepSpec {
        base: spec(0.0, 25_000),
        mus: mus.clone(),
    };
    let FromWorker::SweepDone(result) = finish(Box::new(SweepJob::new(1, sweep).unwrap()), 7_777)
    else {
        panic!("a sweep ends with SweepDone")
    };
    assert_eq!(result.rows.len(), 10);
    for (row, &mu) in result.rows.iter().zip(&mus) {
        assert_eq!(row.mu, mu);
        assert_eq!(row.reason, StopReason::EpochsDone);
        assert!(row.err_inf <= 2e-2, "mu {mu}: {}", row.err_inf);
        let FromWorker::Done(live) =
            finish(Box::new(Job::new(2, spec(mu, 25_000)).unwrap()), 25_000)
        else {
            panic!("a run ends with Done")
        };
        assert_eq!(
            live.z, row.z,
            "mu {mu}: the sweep and the live view must agree bit for bit"
        );
    }
    let csv = sweep_csv(&result.spec.base, &result.rows);
    assert_eq!(csv.lines().count(), 1 + 10 * 100);
    let first: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(first[0].parse::<f64>().unwrap(), mus[0]);
    assert_eq!(&first[1..3], ["0", "-10"]);
}

#[test]
fn sweep_progress_counts_rows() {
    let sweep = SweepSpec {
        base: spec(0.0, 1_000),
        mus: vec![0.1, 0.2, 0.3],
    };
    let mut task: Box<dyn Task> = Box::new(SweepJob::new(5, sweep).unwrap());
    assert!(!task.work(1_500));
    match task.progress(3.0) {
        FromWorker::SweepProgress {
            run, done, total, ..
        } => assert_eq!((run, done, total), (5, 1, 3)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn bad_requests_are_errors_not_panics() {
    assert!(SweepJob::new(
        1,
        SweepSpec {
            base: spec(0.0, 10),
            mus: vec![]
        }
    )
    .is_err());
    assert!(SweepJob::new(
        1,
        SweepSpec {
            base: spec(0.0, 10),
            mus: vec![0.1, -1.0]
        }
    )
    .is_err());
    assert!(Job::new(1, spec(f64::NAN, 10)).is_err());
    assert!(Job::new(
        1,
        RunSpec {
            n: 0,
            ..spec(0.1, 10)
        }
    )
    .is_err());
}

#[test]
fn loss_csv_has_every_epoch() {
    let FromWorker::File {
        run,
        mu,
        epochs,
        rows,
    } = finish(Box::new(LossCsvJob::new(3, spec(0.1, 2_000)).unwrap()), 333)
    else {
        panic!("a loss export ends with File")
    };
    assert_eq!(run, 3);
    // The page writes the file (name and text) from the worker's numbers.
    let (name, text) = (loss_csv_name(mu, epochs), loss_csv(&rows));
    assert_eq!(name, "reglab-losses-mu0.1-epochs2000.csv");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("epoch,fit,reg,total,grad_norm,err_inf"));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 2_000);
    assert!(rows[0].starts_with("1,505.0505,100,"), "{}", rows[0]);
    assert!(rows[1_999].starts_with("2000,"));
}

/// The CSV the page writes from the worker's rows is the one the worker used to write from its
/// history (that code, kept here): byte for byte, also for a run kept in buckets.
#[test]
fn loss_csv_from_rows_matches_the_history() {
    use reglab::core::{History, Problem, Run};
    fn from_history(h: &History) -> String {
        let mut out = String::from("epoch,fit,reg,total,grad_norm,err_inf\n");
        let total_epochs = h.total.epochs();
        for k in 0..h.total.len() {
            let epoch = h.total.bucket_end_epoch(k).min(total_epochs);
            let row = [&h.fit, &h.reg, &h.total, &h.grad_norm, &h.err_inf]
                .map(|s| format!("{}", s.max()[k]));
            out.push_str(&format!("{epoch},{}\n", row.join(",")));
        }
        out
    }
    for (mu, epochs, lr) in [(0.1, 2_000, 0.1), (0.02, 40_001, 0.1), (0.1, 300, 50.0)] {
        let config = AdamConfig {
            lr,
            ..AdamConfig::default()
        };
        let mut run = Run::new(Problem::seed(mu), config, epochs);
        while run
            .advance(10_000, 0, |_, _| std::ops::ControlFlow::Continue(()))
            .is_none()
        {}
        let h = run.history();
        assert_eq!(
            loss_csv(&loss_rows(h)),
            from_history(h),
            "μ {mu}, {epochs} epochs"
        );
    }
    assert_eq!(
        loss_csv_name(1e-6, 25_000),
        "reglab-losses-mu1e-6-epochs25000.csv"
    );
}

#[test]
fn playback_snapshots_span_the_run() {
    let FromWorker::Done(r) = finish(
        Box::new(
            Job::new(
                1,
                RunSpec {
                    snapshots: 180,
                    ..spec(0.1, 25_000)
                },
            )
            .unwrap(),
        ),
        10_000,
    ) else {
        panic!()
    };
    assert!(
        r.snapshots.len() >= 150 && r.snapshots.len() <= 182,
        "{}",
        r.snapshots.len()
    );
    assert_eq!(r.snapshots[0].epoch, 0);
    assert!(r.snapshots[0].z.iter().all(|&z| z == 0.0));
    let last = r.snapshots.last().unwrap();
    assert_eq!(last.epoch, 25_000);
    assert_eq!(last.z, r.z);
    assert!(r.snapshots.windows(2).all(|w| w[0].epoch < w[1].epoch));
}

#[test]
fn a_diverged_run_survives_the_codec_and_never_reads_as_converged() {
    use reglab::protocol::{decode, encode};
    let spec = RunSpec {
        adam: AdamConfig {
            lr: 1e30,
            ..AdamConfig::default()
        },
        snapshots: 4,
        ..spec(0.1, 100)
    };
    let FromWorker::Done(r) = finish(Box::new(Job::new(1, spec).unwrap()), 100) else {
        panic!()
    };
    assert!(matches!(r.reason, StopReason::Diverged { .. }));
    assert!(
        !r.err_inf.is_finite() || r.err_inf > 1.0,
        "err_inf {}",
        r.err_inf
    );
    let back = match decode::<FromWorker>(&encode(&FromWorker::Done(r.clone()))) {
        Ok(FromWorker::Done(b)) => b,
        other => panic!("{other:?}"),
    };
    assert_eq!(back.reason, r.reason);
    assert_eq!(back.err_inf.is_nan(), r.err_inf.is_nan());
}
