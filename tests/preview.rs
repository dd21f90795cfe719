//! The analytic tier (view::preview): what the page draws of a new μ before the worker answers
//! must be exactly what the shown run will have once it does — and nothing is previewed for a
//! change that is not a μ move.

use reglab::link::Params;
use reglab::protocol::{FromWorker, RunResult, WorkTiming};
use reglab::spec::RunSpec;
use reglab::view::preview::Preview;
use reglab::view::shown::Shown;
use reglab::worker::job::{Job, Task};

fn seed(mu: f64) -> RunSpec {
    RunSpec {
        mu,
        epochs: 200,
        ..Params::default().run_spec(4)
    }
}

fn run(spec: RunSpec) -> RunResult {
    let mut task: Box<dyn Task> = Box::new(Job::new(1, spec).unwrap());
    while !task.work(10_000) {}
    match task.finish(1.0, WorkTiming::default()) {
        FromWorker::Done(r) => *r,
        other => panic!("a run ends with Done, got {other:?}"),
    }
}

#[test]
fn the_preview_of_a_mu_is_what_the_run_at_that_mu_shows() {
    let shown = Shown::new(run(seed(0.1)));
    for mu in [0.05, 0.02, 0.5, 1.0, 0.0, 3.0] {
        let preview = Preview::over(&shown, &seed(mu)).expect("a μ move is previewed");
        let answer = Shown::new(run(seed(mu)));
        assert_eq!(preview.mu, mu);
        assert_eq!(preview.band, answer.band, "μ {mu}");
        assert_eq!(preview.z_star, answer.z_star, "μ {mu}");
        assert_eq!(preview.bands, answer.bands, "μ {mu}");
        assert_eq!(preview.clamped, answer.clamped, "μ {mu}");
    }
    // The caption's example: μ = 0.05, band [−9, 11], 95 of 100 follow z0.
    let p = Preview::of(&seed(0.05));
    assert_eq!((p.band.unwrap().lo, p.band.unwrap().hi), (-9.0, 11.0));
    assert_eq!(p.clamped, 5);
}

#[test]
fn no_preview_for_the_same_mu_or_for_another_problem() {
    let spec = seed(0.1);
    let shown = Shown::new(run(spec.clone()));
    assert_eq!(Preview::over(&shown, &spec), None, "the shown μ itself");
    // Snapshots (the playback length) do not change the problem.
    let more = RunSpec {
        snapshots: 300,
        mu: 0.2,
        ..spec.clone()
    };
    assert!(Preview::over(&shown, &more).is_some());
    // Anything else does: the shown points belong to another problem.
    let others = [
        RunSpec {
            epochs: 300,
            mu: 0.2,
            ..spec.clone()
        },
        RunSpec {
            centre: 2.0,
            mu: 0.2,
            ..spec.clone()
        },
        RunSpec {
            z0max: 5.0,
            mu: 0.2,
            ..spec.clone()
        },
    ];
    for other in others {
        assert_eq!(Preview::over(&shown, &other), None, "{other:?}");
    }
}
