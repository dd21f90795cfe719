//! The view layer, natively: what the page's panels and the PNG export draw — the z chart's
//! title and legend, the loss and distance charts' curves and legends, the sweep's maps, the
//! explanation's numbers — computed from real worker results.

use reglab::core::optim::OptimizerKind;
use reglab::core::variants::Fit;
use reglab::link::Params;
use reglab::protocol::{FromWorker, RunResult, Snapshot, SweepResult, WorkTiming};
use reglab::spec::{RunSpec, SweepSpec, Weights};
use reglab::view::charts::{
    loss_chart, subopt_chart, z_legend, z_title, Ink, MapKind, Source, LOG_FLOOR,
};
use reglab::view::explain::band_sentence;
use reglab::view::format::short;
use reglab::view::preview::Preview;
use reglab::view::shown::{Frame, Shown};
use reglab::view::sweep_shown::SweepShown;
use reglab::worker::job::{Job, SweepJob, Task};

fn seed(mu: f64, epochs: u64) -> RunSpec {
    RunSpec {
        mu,
        epochs,
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

fn sweep(base: RunSpec, mus: Vec<f64>) -> SweepResult {
    let mut task: Box<dyn Task> = Box::new(SweepJob::new(2, SweepSpec { base, mus }).unwrap());
    while !task.work(10_000) {}
    match task.finish(1.0, WorkTiming::default()) {
        FromWorker::SweepDone(r) => *r,
        other => panic!("a sweep ends with SweepDone, got {other:?}"),
    }
}

fn last(frame: Frame) -> Frame {
    Frame {
        step: None,
        ..frame
    }
}

#[test]
fn z_chart_of_the_seed_names_its_band_and_counts_the_clamped() {
    let shown = Shown::new(run(seed(0.1, 25_000)));
    // μ = 0.1: band 1 ± 5 = [−4, 6]; linspace(−10, 10, 100) has 30 values below −4 and 20 above 6.
    assert_eq!(shown.clamped, 50);
    let band = shown.band.expect("the seed has one band");
    assert_eq!((band.lo, band.hi), (-4.0, 6.0));
    let frame = Frame {
        shown: shown.clone(),
        step: None,
    };
    assert_eq!(
        z_title(Some(&frame)),
        "z against z0 — μ = 0.1, band [-4.0000, 6.0000]"
    );
    assert_eq!(z_title(None), "z against z0");
    let legend = z_legend(Some(&shown.result.spec));
    assert_eq!(legend[1], ("swatch line optimum", "z* = clamp(z0, band)"));
    assert_eq!(legend[2].1, "band: z follows z0 inside");
    // z* is clamp(z0, band) and the converged z is close to it.
    for ((&a, &s), &z) in shown.z0.iter().zip(&shown.z_star).zip(&shown.result.z) {
        assert_eq!(f64::from(s), f64::from(a).clamp(-4.0, 6.0) as f32 as f64);
        assert!((z - s).abs() < 0.02, "z {z} vs z* {s}");
    }
}

#[test]
fn z_chart_of_variants_says_what_stands_in_for_the_band() {
    let weighted = RunSpec {
        weights: Weights::Tournesol {
            lambda: 2.0,
            cap: 3.0,
        },
        ..seed(1.0, 100)
    };
    assert_eq!(
        z_legend(Some(&weighted))[2].1,
        "bars: each coordinate's band"
    );
    let smooth = RunSpec {
        fit: Fit::L2,
        ..seed(1.0, 100)
    };
    assert_eq!(
        z_legend(Some(&smooth))[2].1,
        "no band: a smooth fit moves every z0"
    );
    assert_eq!(z_legend(Some(&smooth))[1].1, "z* = (w·z0 + μc)/(w + μ)");
    let shown = Shown::new(run(smooth));
    assert!(shown.band.is_none());
    let title = z_title(Some(&Frame { shown, step: None }));
    assert_eq!(title, "z against z0 — μ = 1, L2 fit");
}

#[test]
fn loss_chart_names_the_fit_and_the_centre_it_draws() {
    let spec = RunSpec {
        centre: -2.0,
        ..seed(0.5, 1_000)
    };
    let chart = loss_chart(&spec, None);
    let labels: Vec<&str> = chart.curves.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "total = fit + μ·reg",
            "fit = ‖z − z0‖₁",
            "reg = ‖z + 2‖₂²",
            "‖gradient‖₂"
        ]
    );
    let sources: Vec<Source> = chart.curves.iter().map(|c| c.source).collect();
    assert_eq!(
        sources,
        [Source::Total, Source::Fit, Source::Reg, Source::GradNorm]
    );
    assert_eq!(chart.title, "Losses per epoch, log scale — μ = 0.5");
    let seed_reg = &loss_chart(&seed(0.1, 10), None).curves[2].label;
    assert_eq!(seed_reg, "reg = ‖z − 1‖₂²");
    let huber = RunSpec {
        fit: Fit::PseudoHuber { delta: 0.5 },
        weights: Weights::Tournesol {
            lambda: 2.0,
            cap: 3.0,
        },
        ..seed(1.0, 10)
    };
    assert_eq!(
        loss_chart(&huber, None).curves[1].label,
        "fit = Σ wᵢ φδ(zᵢ − z0ᵢ)"
    );
}

/// What the page writes beside the canvas (HTML legend) is what the PNG draws inside it: both
/// are the spec's curve labels (plus the reference level's), compared curves named after their
/// optimizer.
#[test]
fn legends_are_the_curves_the_canvas_draws() {
    let spec = seed(0.1, 1_000);
    for chart in [
        loss_chart(&spec, Some(OptimizerKind::Sgd)),
        subopt_chart(&spec, Some(OptimizerKind::Sgd)),
    ] {
        for compared in [false, true] {
            let mut drawn: Vec<String> = chart
                .curves
                .iter()
                .filter(|c| c.compared == compared)
                .map(|c| c.label.clone())
                .collect();
            if !compared {
                drawn.extend(chart.reference.iter().map(|(_, l)| l.clone()));
            }
            let legend: Vec<String> = chart.legend(compared).into_iter().map(|(_, t)| t).collect();
            assert_eq!(legend, drawn, "{}", chart.title);
        }
        assert!(chart
            .curves
            .iter()
            .filter(|c| c.compared)
            .all(|c| c.label.contains("(SGD)")));
    }
    let subopt = subopt_chart(&spec, None);
    assert_eq!(subopt.reference, Some((1e-3, "learning rate 0.001".into())));
    assert_eq!(
        subopt.legend(false).last().unwrap(),
        &(
            "swatch dashed foreground".to_string(),
            "learning rate 0.001".to_string()
        )
    );
    assert_eq!(subopt.curves[0].ink, Ink::Optimum);
}

#[test]
fn curves_follow_the_picture_and_the_compared_run_is_shown_finished() {
    let shown = Shown::new(run(seed(0.1, 2_000)));
    let compared = Shown::new(run(RunSpec {
        opt: OptimizerKind::Sgd,
        ..seed(0.1, 2_000)
    }));
    let chart = loss_chart(&shown.result.spec, Some(OptimizerKind::Sgd));
    let at_half = Frame {
        shown: shown.clone(),
        step: Some(2),
    };
    assert_eq!(at_half.epoch(), shown.result.snapshots[2].epoch);
    let total = &chart.curves[0];
    let cols_half = total.columns(&at_half, Some(&compared), 200);
    let cols_full = total.columns(&last(at_half.clone()), Some(&compared), 200);
    assert!(!cols_half.is_empty() && cols_half.len() < cols_full.len());
    assert!(cols_half.iter().all(|c| c.epoch <= at_half.epoch() as f64));
    assert!(cols_full
        .iter()
        .all(|c| c.min >= LOG_FLOOR && c.min <= c.max));
    let theirs = chart.curves.iter().find(|c| c.compared).unwrap();
    let cols = theirs.columns(&at_half, Some(&compared), 200);
    assert_eq!(
        cols.len(),
        cols_full.len(),
        "the compared run is drawn over all its epochs"
    );
    assert!(theirs.columns(&at_half, None, 200).is_empty());
}

#[test]
fn err_inf_of_a_picture_with_a_nan_coordinate_is_nan() {
    let mut result = run(seed(0.1, 100));
    let mut z = result.z.clone();
    z[17] = f32::NAN;
    result.snapshots = vec![Snapshot { epoch: 50, z }];
    let frame = Frame {
        shown: Shown::new(result),
        step: Some(0),
    };
    assert!(frame.err_inf().is_nan(), "got {}", frame.err_inf());
    let finite = last(frame);
    assert!(finite.err_inf().is_finite());
}

#[test]
fn sweep_maps_are_the_rows_and_their_optimum() {
    let mus = vec![0.05, 0.2, 1.0];
    let s = SweepShown::new(sweep(seed(0.0, 5_000), mus.clone()));
    let n = s.z0.len();
    assert_eq!((s.rows(), s.mus()), (3, mus.clone()));
    for (k, row) in s.result.rows.iter().enumerate() {
        assert_eq!(&s.learned[k * n..(k + 1) * n], row.z.as_slice());
        let band = reglab::core::Band::for_mu(row.mu, 1.0).unwrap();
        for (i, &a) in s.z0.iter().enumerate() {
            let star = f64::from(a).clamp(band.lo, band.hi) as f32;
            assert_eq!(s.analytic[k * n + i], star);
            assert_eq!(s.diff[k * n + i], s.learned[k * n + i] - star);
        }
    }
    let (_, range, diverging) = MapKind::Diff.values(&s);
    assert!(diverging && range.0 == -s.diff_max && s.diff_max > 0.0);
    let base = &s.result.spec.base;
    assert_eq!(MapKind::Learned.title(base), "learned z (Adam)");
    assert_eq!(
        MapKind::Analytic.title(base),
        "analytic z* = clamp(z0, band)"
    );
    let sgd = RunSpec {
        opt: OptimizerKind::Sgd,
        fit: Fit::L2,
        ..base.clone()
    };
    assert_eq!(MapKind::Learned.title(&sgd), "learned z (SGD)");
    assert_eq!(
        MapKind::Analytic.title(&sgd),
        "analytic z* = (w·z0 + μc)/(w + μ)"
    );
}

#[test]
fn explanation_names_the_band_around_the_centre() {
    let text = band_sentence(0.5, -2.0);
    assert!(
        text.contains("every z0 in [-3.0000, -1.0000] = −2 ± 1/(2μ)"),
        "{text}"
    );
    assert!(text.contains("2μ(z − (−2)) = ±1"), "{text}");
    assert!(text.starts_with("With μ = 0.5, 1/(2μ) = 1:"), "{text}");
    let seed_text = band_sentence(0.1, 1.0);
    assert!(
        seed_text.contains("[-4.0000, 6.0000] = 1 ± 1/(2μ)"),
        "{seed_text}"
    );
    assert!(band_sentence(0.0, 3.0).contains("nothing pulls towards 3"));
}

#[test]
fn one_number_format() {
    assert_eq!(short(0.1), "0.1");
    assert_eq!(short(0.0123456), "0.0123");
    assert_eq!(short(25_000.0), "25000");
    assert_eq!(short(1e6), "1.000e6");
    assert_eq!(short(0.0), "0");
}

/// The band-edge chart's marker: the first μ that clamps anything is where the band's nearer
/// edge meets the farther end of the z0 range.
#[test]
fn clamping_starts_where_the_band_meets_z0() {
    use reglab::core::Band;
    // Seed: z0 in [−10, 10], c = 1: the far end is −10, 11 away, so μ = 1/22.
    let mu = Band::clamping_starts((-10.0, 10.0), 1.0).unwrap();
    assert!((mu - 1.0 / 22.0).abs() < 1e-15);
    let band = Band::for_mu(mu, 1.0).unwrap();
    assert!((band.lo - -10.0).abs() < 1e-12 && band.hi > 10.0);
    assert_eq!(Band::clamping_starts((3.0, 3.0), 3.0), None);
}

// The analytic tier (view::preview): what the page draws of a new μ before the worker answers
// must be exactly what the shown run will have once it does — and nothing is previewed for a
// change that is not a μ move.

#[test]
fn the_preview_of_a_mu_is_what_the_run_at_that_mu_shows() {
    let shown = Shown::new(run(seed(0.1, 200)));
    for mu in [0.05, 0.02, 0.5, 1.0, 0.0, 3.0] {
        let preview = Preview::over(&shown, &seed(mu, 200)).expect("a μ move is previewed");
        let answer = Shown::new(run(seed(mu, 200)));
        assert_eq!(preview.mu, mu);
        assert_eq!(preview.band, answer.band, "μ {mu}");
        assert_eq!(preview.z_star, answer.z_star, "μ {mu}");
        assert_eq!(preview.bands, answer.bands, "μ {mu}");
        assert_eq!(preview.clamped, answer.clamped, "μ {mu}");
    }
    // The caption's example: μ = 0.05, band [−9, 11], 95 of 100 follow z0.
    let p = Preview::of(&seed(0.05, 200));
    assert_eq!((p.band.unwrap().lo, p.band.unwrap().hi), (-9.0, 11.0));
    assert_eq!(p.clamped, 5);
}

#[test]
fn no_preview_for_the_same_mu_or_for_another_problem() {
    let spec = seed(0.1, 200);
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
