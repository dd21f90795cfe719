//! Predict, then reveal, natively: edges snap to what a person would say, keep their order, the
//! score names each edge's error and the mean distance of the predicted curve from z*.

use reglab::core::Band;
use reglab::link::Params;
use reglab::view::quiz::{pointer_step, snap, Edge, Prediction};

fn seed_at(mu: f64) -> (Vec<f32>, Vec<f32>, Option<Band>) {
    let p = Params::from_query(&format!("mu={mu}")).params;
    let spec = p.run_spec(0);
    let reference = spec.reference(mu);
    (spec.z0(), reference.z_star, Band::for_mu(mu, 1.0))
}

#[test]
fn edges_snap_and_keep_their_order() {
    assert_eq!(snap(-7.98), -8.0);
    assert_eq!(snap(10.04), 10.0);
    assert_eq!(snap(-0.04), 0.0);
    assert!(snap(-0.04).is_sign_positive());
    // A pointer snaps to a step of at least three pixels: a one-pixel error never shows.
    assert_eq!(pointer_step(0.086), 0.5);
    assert_eq!(pointer_step(0.02), 0.1);
    assert_eq!(pointer_step(0.07), 0.25);
    assert_eq!(pointer_step(0.5), 2.0);
    for per_px in [0.01, 0.033, 0.086, 0.12, 0.4, 3.0] {
        let step = pointer_step(per_px);
        for target in [-8.0, 10.0, -9.0, 11.0] {
            let on_grid = (target / step).round() * step;
            for err in [-1.0, -0.5, 0.5, 1.0] {
                let got = reglab::view::quiz::snap_to(on_grid + err * per_px, step);
                assert!(
                    (got - on_grid).abs() < 1e-9,
                    "{per_px} {step} {target} {err}: {got}"
                );
            }
        }
    }
    let (z0, _, _) = seed_at(0.05);
    let mut p = Prediction::start(&z0);
    assert_eq!(
        (p.lo, p.hi),
        (-12.0, 12.0),
        "the chart's ends, beyond the data"
    );
    p.set_edge(Edge::Lo, 3.0);
    p.set_edge(Edge::Hi, 1.0);
    assert_eq!(
        (p.lo, p.hi),
        (3.0, 3.0),
        "the upper edge stops at the lower"
    );
    p.set_edge(Edge::Lo, f64::NAN);
    assert_eq!(p.lo, 3.0, "a non-finite value is ignored");
}

#[test]
fn a_prediction_one_off_on_each_edge_scores_one_and_one() {
    let (z0, z_star, band) = seed_at(0.05);
    let mut p = Prediction::start(&z0);
    p.set_edge(Edge::Lo, -8.0);
    p.set_edge(Edge::Hi, 10.0);
    let score = p.score(&z0, &z_star, band);
    let (lo, hi) = score.edges.unwrap();
    assert!(
        (lo - 1.0).abs() < 1e-9 && (hi - 1.0).abs() < 1e-9,
        "{lo} {hi}"
    );
    // Only z0 below −8 differ (by up to 1): z0 in [−10, −9] predicted −8 (answer −9); z0 in
    // (−9, −8) predicted −8 (answer z0).
    let expected: f64 = z0
        .iter()
        .zip(&z_star)
        .map(|(&x, &s)| (f64::from(x).clamp(-8.0, 10.0) - f64::from(s)).abs())
        .sum::<f64>()
        / 100.0;
    assert!((score.mean - expected).abs() < 1e-6);
    let sentence = score.sentence();
    assert!(sentence.contains("[−8, 10]"), "{sentence}");
    assert!(sentence.contains("[−9, 11]"), "{sentence}");
    assert!(
        sentence.contains("lower edge was off by 1, the upper edge by 1"),
        "{sentence}"
    );
}

#[test]
fn an_exact_prediction_scores_zero_and_a_sketch_counts_point_by_point() {
    let (z0, z_star, band) = seed_at(0.1);
    let mut p = Prediction::start(&z0);
    p.set_edge(Edge::Lo, -4.0);
    p.set_edge(Edge::Hi, 6.0);
    let score = p.score(&z0, &z_star, band);
    assert_eq!(score.edges, Some((0.0, 0.0)));
    assert!(score.mean < 1e-6, "{}", score.mean);
    assert!(score.sentence().contains("Exactly right"));

    // A flat sketch at 1 over the whole range: the mean is the mean |z* − 1|.
    p.sketch_stroke(&z0, (-11.0, 1.0), (11.0, 1.0));
    let flat = p.score(&z0, &z_star, band);
    let expected = z_star
        .iter()
        .map(|&s| (f64::from(s) - 1.0).abs())
        .sum::<f64>()
        / 100.0;
    assert!((flat.mean - expected).abs() < 1e-6);
    assert!(flat.sentence().starts_with("You predicted"));
    assert!(flat.sentence().contains("Your sketch"));
}

#[test]
fn a_problem_without_one_band_scores_the_curve_only() {
    let p = Params::from_query("mu=0.5&fit=huber&delta=1").params;
    let spec = p.run_spec(0);
    let z0 = spec.z0();
    let reference = spec.reference(0.5);
    let pred = Prediction::start(&z0);
    let score = pred.score(&z0, &reference.z_star, None);
    assert!(score.edges.is_none());
    assert!(score.sentence().contains("no single band"));
}
