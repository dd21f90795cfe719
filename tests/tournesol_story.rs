//! The Tournesol story (src/view/tournesol_story.rs, docs/tournesol.md): its preset link opens
//! the state it describes, its μ follows from Tournesol's default Lipschitz constant, its
//! citations point at files that exist at the pinned commit, and the mapping agrees with a
//! transcription of Tournesol's own derivative (solved here by bisection, as Tournesol solves it
//! with Brent's method) and with one of Tournesol's own tests.

use reglab::core::variants::{band, optimum, Fit};
use reglab::core::OptimizerKind;
use reglab::link::{FitKind, Params, WeightKind, SPECS};
use reglab::view::tournesol_story::{
    mehestan_mu, tournesol_mu, Citation, CITATIONS, COMMIT, DEFAULT_LIPSCHITZ, LEGACY_CITATIONS,
    LEGACY_COMMIT, LEGACY_W, PARAGRAPHS, PRESET_QUERY,
};

/// Paths checked to exist in tournesol-app/tournesol at [`COMMIT`], with
/// `git --git-dir=<fetched snapshot> cat-file -e <COMMIT>:<path>` (every one printed ok), and
/// whose quoted lines were read with `git show <COMMIT>:<path> | cat -n`.
const VERIFIED_AT_COMMIT: &[&str] = &[
    "solidago/src/solidago/primitives.py",
    "solidago/src/solidago/pipeline/pipeline.py",
    "solidago/src/solidago/aggregation/entitywise_qr_quantile.py",
    "backend/ml/management/commands/ml_train.py",
    "solidago/tests/test_primitives.py",
];

/// The same check at [`LEGACY_COMMIT`] (the backend's Mehestan code before it moved to solidago).
const VERIFIED_AT_LEGACY_COMMIT: &[&str] = &[
    "backend/ml/mehestan/primitives.py",
    "backend/ml/mehestan/global_scores.py",
];

#[test]
fn the_preset_opens_the_state_the_story_describes() {
    let parsed = Params::from_query(PRESET_QUERY);
    assert!(parsed.replaced.is_empty(), "{:?}", parsed.replaced);
    assert!(parsed.legacy.is_empty(), "{:?}", parsed.legacy);
    let p = parsed.params;
    assert_eq!(p.w, WeightKind::Tournesol);
    assert_eq!((p.tlambda, p.tcap), (2.0, 3.0));
    assert_eq!(p.fit, FitKind::Huber);
    assert_eq!(p.delta, 1.0);
    assert_eq!(p.mu, tournesol_mu(DEFAULT_LIPSCHITZ));
    assert_eq!(p.mu, 5.0);
    assert_eq!(p.c, 0.0);
    assert_eq!(p.opt, OptimizerKind::Prox);
    // Only keys of the table, each given once.
    let keys: Vec<&str> = PRESET_QUERY
        .split('&')
        .map(|kv| kv.split_once('=').unwrap().0)
        .collect();
    for k in &keys {
        assert!(SPECS.iter().any(|s| s.key == *k), "{k} is not a link key");
        assert_eq!(keys.iter().filter(|x| *x == k).count(), 1);
    }
    // Everything else is the default.
    let set = Params {
        w: WeightKind::Tournesol,
        tlambda: 2.0,
        tcap: 3.0,
        mu: 5.0,
        c: 0.0,
        fit: FitKind::Huber,
        delta: 1.0,
        opt: OptimizerKind::Prox,
        ..Params::default()
    };
    assert_eq!(p, set);
    // The query round-trips.
    assert_eq!(Params::from_query(&p.to_query()).params, p);
}

#[test]
fn tournesol_default_lipschitz_gives_mu_5() {
    assert_eq!(DEFAULT_LIPSCHITZ, 0.1);
    assert_eq!(tournesol_mu(0.1), 5.0);
    assert_eq!(tournesol_mu(1.0), 0.5);
    assert_eq!(tournesol_mu(f64::INFINITY), 0.0);
    // The older backend: QrMed(W_arg) has μ = W_arg/2 and W_arg = 1/lipschitz; its global scores
    // used QrMed(2 * W) with W = 20, so μ = 20.
    assert_eq!(LEGACY_W, 20.0);
    assert_eq!(mehestan_mu(2.0 * LEGACY_W), 20.0);
    for w_arg in [0.5, 1.0, 4.0, 40.0] {
        assert!((mehestan_mu(w_arg) - tournesol_mu(1.0 / w_arg)).abs() <= 1e-12 * w_arg);
    }
    // μ = 5 is inside the link's range and on the μ slider (1e-3 … 1e2).
    let mu_spec = SPECS.iter().find(|s| s.key == "mu").unwrap();
    match mu_spec.kind {
        reglab::link::Kind::Real { min, max } => assert!(min <= 5.0 && 5.0 <= max),
        _ => panic!("mu is a real"),
    }
    assert!((1e-3..=1e2).contains(&tournesol_mu(DEFAULT_LIPSCHITZ)));
}

/// The band half-width w/(2μ) at μ = tournesol_mu(L) is w·L: one voter's reach.
#[test]
fn the_band_half_width_is_voting_right_times_lipschitz() {
    for l in [0.025, 0.1, 1.0] {
        let mu = tournesol_mu(l);
        for w in [0.1, 0.5, 1.0, 1.74] {
            let (lo, hi) = band(w, mu, 0.0).unwrap();
            assert!((hi - w * l).abs() <= 1e-12 && (lo + w * l).abs() <= 1e-12);
            for z0 in [-10.0, -0.01, 0.0, 0.03, 7.5] {
                let z = optimum(Fit::L1, z0, w, mu, 0.0);
                let clamp = f64::clamp(z0, -w * l, w * l);
                assert!(
                    (z - clamp).abs() <= 1e-12,
                    "L={l} w={w} z0={z0}: {z} vs {clamp}"
                );
            }
        }
    }
}

/// A transcription of `_qr_quantile_loss_derivative` for quantile = 0.5
/// (solidago/src/solidago/primitives.py lines 87–94 at COMMIT, symmetric uncertainties):
///     regularization = (variable - default_value) / lipschitz
///     deltas = variable - values
///     forces = voting_rights * deltas / np.sqrt(uncertainties_2 + deltas**2)
///     return regularization + forces.sum()
fn tournesol_derivative(x: f64, lipschitz: f64, voters: &[(f64, f64, f64)], x0: f64) -> f64 {
    let spacing = 1e-18;
    let forces: f64 = voters
        .iter()
        .map(|&(value, right, delta)| {
            let d = x - value;
            let unc2 = if d == 0.0 { 0.0 } else { delta * delta } + spacing;
            right * d / (unc2 + d * d).sqrt()
        })
        .sum();
    (x - x0) / lipschitz + forces
}

/// Its root by bisection (the derivative is increasing).
fn qr_median(lipschitz: f64, voters: &[(f64, f64, f64)], x0: f64) -> f64 {
    let (mut lo, mut hi) = (-1e3, 1e3);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if tournesol_derivative(mid, lipschitz, voters, x0) < 0.0 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

#[test]
fn one_voter_tournesol_equals_reglab_with_the_derived_mu() {
    for l in [0.1, 0.5, 1.0] {
        let mu = tournesol_mu(l);
        for w in [0.3, 1.0, 1.74] {
            for (x1, c) in [
                (-10.0, 0.0),
                (-0.05, 0.0),
                (0.4, 0.0),
                (3.0, 1.0),
                (10.0, 0.0),
            ] {
                // δ = 1: Tournesol's w·√(1 + d²) is reglab's pseudo-Huber (δ = 1) plus w.
                let t = qr_median(l, &[(x1, w, 1.0)], c);
                let r = optimum(Fit::PseudoHuber { delta: 1.0 }, x1, w, mu, c);
                assert!(
                    (t - r).abs() <= 1e-9,
                    "huber L={l} w={w} x1={x1}: {t} vs {r}"
                );
                // No uncertainty: the L1 clamp.
                let t = qr_median(l, &[(x1, w, 0.0)], c);
                let r = optimum(Fit::L1, x1, w, mu, c);
                assert!((t - r).abs() <= 1e-7, "l1 L={l} w={w} x1={x1}: {t} vs {r}");
            }
        }
    }
}

/// Tournesol's own `test_qrmedian_resilience` (solidago/tests/test_primitives.py lines 12–20):
/// lipschitz = 1, voting rights 1, values −10, 5, 10, tiny uncertainties: the median is 1.0.
/// With the loss Σ|x − xᵢ| + x²/2 (μ = 1/2 = tournesol_mu(1)) the optimality condition on
/// (−10, 5) is x + 1 − 1 − 1 = 0, so x = 1.
#[test]
fn tournesol_own_resilience_test_agrees() {
    let voters = [(-10.0, 1.0, 1e-3), (5.0, 1.0, 1e-7), (10.0, 1.0, 1e-3)];
    let m = qr_median(1.0, &voters, 0.0);
    assert!((m - 1.0).abs() <= 1e-3, "{m}");
    assert_eq!(tournesol_mu(1.0), 0.5);
}

/// `url` is `https://github.com/tournesol-app/tournesol/blob/<commit>/<path>#Lnn[-Lmm]`, with
/// `path` among the verified ones.
fn check_citation(c: &Citation, commit: &str, verified: &[&str]) {
    let prefix = format!("https://github.com/tournesol-app/tournesol/blob/{commit}/");
    assert!(c.url.contains(commit), "{}", c.url);
    let rest = c
        .url
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{}", c.url));
    let (path, lines) = rest.split_once("#L").unwrap_or_else(|| panic!("{}", c.url));
    assert_eq!(path, c.path);
    assert!(
        verified.contains(&path),
        "{path} was not verified at {commit}"
    );
    let (a, b) = lines.split_once("-L").unwrap_or((lines, lines));
    let (a, b): (u32, u32) = (a.parse().unwrap(), b.parse().unwrap());
    assert!(1 <= a && a <= b, "{}", c.url);
    assert!(!c.function.is_empty());
}

#[test]
fn every_citation_points_at_a_verified_path_at_the_commit() {
    assert_eq!(COMMIT.len(), 40);
    assert!(COMMIT.chars().all(|ch| ch.is_ascii_hexdigit()));
    assert_eq!(LEGACY_COMMIT.len(), 40);
    assert!(!CITATIONS.is_empty());
    for c in CITATIONS {
        check_citation(c, COMMIT, VERIFIED_AT_COMMIT);
    }
    for c in LEGACY_CITATIONS {
        check_citation(c, LEGACY_COMMIT, VERIFIED_AT_LEGACY_COMMIT);
    }
}

#[test]
fn the_story_is_short_and_typeset() {
    assert!((4..=6).contains(&PARAGRAPHS.len()));
    assert!(PARAGRAPHS.iter().any(|p| p.ours) && PARAGRAPHS.iter().any(|p| !p.ours));
    for p in PARAGRAPHS {
        assert!(!p.heading().is_empty());
        let t = p.text().trim_end();
        assert!(t.ends_with('.') || t.ends_with(".\""), "{t}");
        let sentences = t.matches(". ").count() + 1;
        assert!(
            (1..=3).contains(&sentences),
            "{}: {sentences} sentences",
            p.heading()
        );
        // The proper minus sign: no ASCII hyphen as a minus before a digit or between spaces.
        let b = t.as_bytes();
        for i in 0..b.len().saturating_sub(1) {
            if b[i] == b'-' {
                assert!(!b[i + 1].is_ascii_digit(), "ASCII minus in {t}");
                assert!(
                    !(i > 0 && b[i - 1] == b' ' && b[i + 1] == b' '),
                    "ASCII minus in {t}"
                );
            }
        }
    }
    let all: String = PARAGRAPHS.iter().map(|p| p.text()).collect();
    assert!(all.contains("μ = 5"));
    assert!(
        !all.contains(" mu ") && !all.contains("mu ="),
        "μ is spelled μ"
    );
}
