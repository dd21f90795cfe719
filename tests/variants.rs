//! Property tests of `core::variants`: each fit's optimum satisfies its optimality condition
//! and beats nearby points, pseudo-Huber sits between c and z0 and has the documented δ → 0 and
//! δ → ∞ limits, degenerate and non-finite inputs never give NaN, the Tournesol weights and
//! counts are deterministic and follow their formulas, and (L1, w = 1) is exactly the seed's
//! clamp.

use proptest::prelude::*;
use reglab::core::analytic::{clamp_solution, Band};
use reglab::core::variants::{
    band, comparison_counts, objective, optimum, optimum_vec, tournesol_weights, Fit, MAX_COUNT,
};

const EPS: f64 = f64::EPSILON;

/// μ log-uniform over 1e-3 … 1e2 (the slider's range).
fn mu_s() -> impl Strategy<Value = f64> {
    (-3.0f64..2.0).prop_map(|e| 10f64.powf(e))
}

/// δ log-uniform over 1e-2 … 1e2.
fn delta_s() -> impl Strategy<Value = f64> {
    (-2.0f64..2.0).prop_map(|e| 10f64.powf(e))
}

fn fit_s() -> impl Strategy<Value = Fit> {
    prop_oneof![
        Just(Fit::L1),
        Just(Fit::L2),
        delta_s().prop_map(|delta| Fit::PseudoHuber { delta }),
    ]
}

/// g(z) = w·φ'(z − z0) + 2μ(z − c), the derivative of the objective (off L1's kink).
fn deriv(fit: Fit, z: f64, z0: f64, w: f64, mu: f64, c: f64) -> f64 {
    w * fit.dphi(z - z0) + 2.0 * mu * (z - c)
}

/// What the floats can resolve: g' ≤ w·max φ'' + 2μ times a few ulps of z.
fn resolution(fit: Fit, z: f64, z0: f64, w: f64, mu: f64, c: f64) -> f64 {
    let curvature = if fit == Fit::L2 { 2.0 * w } else { w };
    (curvature + 2.0 * mu) * 8.0 * EPS * z.abs().max(z0.abs()).max(c.abs()).max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// L1: 0 ∈ w·∂|z* − z0| + 2μ(z* − c): |2μ(z* − c)| ≤ w at the kink, else the sum is 0.
    #[test]
    fn l1_optimality(z0 in -100.0f64..100.0, w in 0.0f64..5.0, mu in mu_s(), c in -100.0f64..100.0) {
        let z = optimum(Fit::L1, z0, w, mu, c);
        let pull = 2.0 * mu * (z - c);
        let tol = 1e-9 * (w + 2.0 * mu * (z0 - c).abs()) + resolution(Fit::L1, z, z0, w, mu, c);
        let (lo, hi) = Fit::L1.subdifferential(z - z0);
        prop_assert!(w * lo + pull <= tol && w * hi + pull >= -tol, "z* = {z}, z0 = {z0}: 0 ∉ [{}, {}]", w * lo + pull, w * hi + pull);
        let (lo, hi) = band(w, mu, c).unwrap();
        prop_assert_eq!(z, z0.clamp(lo, hi));
    }

    /// Pseudo-Huber and L2: |w·φ'(z* − z0) + 2μ(z* − c)| ≤ 1e-9·S, S = the terms' size.
    #[test]
    fn smooth_fits_zero_derivative(
        z0 in -100.0f64..100.0, w in 0.0f64..5.0, mu in mu_s(), c in -100.0f64..100.0,
        delta in delta_s(), huber in any::<bool>(),
    ) {
        let fit = if huber { Fit::PseudoHuber { delta } } else { Fit::L2 };
        let z = optimum(fit, z0, w, mu, c);
        let gap = (z0 - c).abs();
        let scale = w * fit.dphi(gap).abs() + 2.0 * mu * gap;
        let g = deriv(fit, z, z0, w, mu, c);
        prop_assert!(g.abs() <= 1e-9 * scale + resolution(fit, z, z0, w, mu, c), "{fit:?}: z* = {z}, g = {g}, S = {scale}");
    }

    /// l(z*) ≤ l(z* + h) for random h, small and large, for every fit.
    #[test]
    fn optimum_beats_nearby_points(
        fit in fit_s(), z0 in -100.0f64..100.0, w in 0.0f64..5.0, mu in mu_s(),
        c in -100.0f64..100.0, dirs in prop::collection::vec(-1.0f64..1.0, 8), e in -9.0f64..2.0,
    ) {
        let z = optimum(fit, z0, w, mu, c);
        let l = objective(fit, z, z0, w, mu, c);
        for d in dirs {
            let other = objective(fit, z + d * 10f64.powf(e), z0, w, mu, c);
            prop_assert!(l <= other + 1e-12 * (1.0 + l.abs()), "{fit:?}: l(z*) = {l} > {other}");
        }
    }

    /// Every fit's optimum lies between c and z0 (the bracket the pseudo-Huber solve keeps),
    /// also when they are a few ulps apart and rounding could step outside.
    #[test]
    fn optimum_lies_between_c_and_z0(
        fit in fit_s(), z0 in -1e3f64..1e3, w in 0.0f64..5.0, mu in mu_s(), c in -1e3f64..1e3,
        near in any::<bool>(), ulps in 1u64..5,
    ) {
        let c = if near { f64::from_bits(z0.to_bits() + ulps) } else { c };
        let z = optimum(fit, z0, w, mu, c);
        prop_assert!(z >= z0.min(c) && z <= z0.max(c), "{fit:?}: {z} outside [{z0}, {c}]");
    }

    /// δ → 0: pseudo-Huber with weight w/δ tends to L1 with weight w, within (wδ²/(4μ))^{1/3}
    /// (the worst case, at the band's edge); and with weight w to L1 with weight wδ.
    #[test]
    fn pseudo_huber_tends_to_l1_as_delta_shrinks(
        z0 in -100.0f64..100.0, w in 0.01f64..5.0, mu in mu_s(), c in -100.0f64..100.0,
        e in -8.0f64..-2.0,
    ) {
        let delta = 10f64.powf(e);
        let fit = Fit::PseudoHuber { delta };
        let r = w / (2.0 * mu);
        let slack = 1e-10 * (r + (z0 - c).abs() + 1.0);
        let l1 = optimum(Fit::L1, z0, w, mu, c);
        let err = (optimum(fit, z0, w / delta, mu, c) - l1).abs();
        let bound = (w * delta * delta / (4.0 * mu)).cbrt();
        prop_assert!(err <= bound * (1.0 + 1e-6) + slack, "δ = {delta}: err {err} > {bound}");
        let err_raw = (optimum(fit, z0, w, mu, c) - optimum(Fit::L1, z0, w * delta, mu, c)).abs();
        let bound_raw = delta * (w / (4.0 * mu)).cbrt();
        prop_assert!(err_raw <= bound_raw * (1.0 + 1e-6) + slack, "δ = {delta}: raw err {err_raw} > {bound_raw}");
    }

    /// δ → ∞: pseudo-Huber tends to L2 with weight w/2, within D³/(8δ²) (D = |z0 − c|), and
    /// δ = +∞ is exactly that L2.
    #[test]
    fn pseudo_huber_tends_to_half_l2_as_delta_grows(
        z0 in -100.0f64..100.0, w in 0.0f64..5.0, mu in mu_s(), c in -100.0f64..100.0,
        e in 3.0f64..9.0,
    ) {
        let delta = 10f64.powf(e);
        let gap = (z0 - c).abs();
        let l2 = optimum(Fit::L2, z0, w / 2.0, mu, c);
        let err = (optimum(Fit::PseudoHuber { delta }, z0, w, mu, c) - l2).abs();
        let bound = gap.powi(3) / (8.0 * delta * delta);
        prop_assert!(err <= bound * (1.0 + 1e-6) + 1e-11 * (gap + 1.0), "δ = {delta}: err {err} > {bound}");
        prop_assert_eq!(optimum(Fit::PseudoHuber { delta: f64::INFINITY }, z0, w, mu, c), l2);
    }

    /// φ: pseudo-Huber equals δ²(√(1 + (d/δ)²) − 1), tends to d²/2 for huge δ and to δ|d| for
    /// tiny δ; φ' is its derivative (central difference) and L1's subdifferential is [−1, 1]
    /// at 0 only.
    #[test]
    fn phi_formulas_and_limits(d in -100.0f64..100.0, delta in delta_s()) {
        let h = Fit::PseudoHuber { delta };
        let naive = delta * delta * ((1.0 + (d / delta).powi(2)).sqrt() - 1.0);
        prop_assert!((h.phi(d) - naive).abs() <= 1e-9 * (naive.abs() + delta * delta * 1e-6));
        let big = Fit::PseudoHuber { delta: 1e9 * (d.abs() + 1.0) };
        prop_assert!((big.phi(d) - d * d / 2.0).abs() <= 1e-12 * d * d);
        prop_assert!((big.dphi(d) - d).abs() <= 1e-12 * d.abs());
        let tiny = 1e-9 * d.abs();
        let small = Fit::PseudoHuber { delta: tiny };
        prop_assert!((small.phi(d) - tiny * d.abs()).abs() <= 2.0 * tiny * tiny + 1e-12 * tiny * d.abs());
        let step = 1e-5 * (delta + d.abs());
        let fd = (h.phi(d + step) - h.phi(d - step)) / (2.0 * step);
        prop_assert!((fd - h.dphi(d)).abs() <= 1e-6 * (1.0 + h.dphi(d).abs()), "fd {fd} vs φ' {}", h.dphi(d));
        prop_assert!((Fit::L2.dphi(d) - 2.0 * d).abs() == 0.0 && Fit::L2.phi(d) == d * d);
        let sub = Fit::L1.subdifferential(d);
        prop_assert_eq!(sub, if d == 0.0 { (-1.0, 1.0) } else { (d.signum(), d.signum()) });
    }

    /// w = 0 and μ = 0 never give NaN: w = 0 < μ gives c, μ = 0 gives z0 (also when w = 0).
    #[test]
    fn zero_weights_never_nan(fit in fit_s(), z0 in -1e3f64..1e3, w in 0.0f64..5.0, mu in mu_s(), c in -1e3f64..1e3) {
        prop_assert_eq!(optimum(fit, z0, 0.0, mu, c), c);
        prop_assert_eq!(optimum(fit, z0, w, 0.0, c), z0);
        prop_assert_eq!(optimum(fit, z0, 0.0, 0.0, c), z0);
        prop_assert!(optimum(fit, z0, w, mu, c).is_finite());
    }

    /// Any f64 inputs at all (NaN, ±∞, huge, subnormal): a finite result and no panic, between
    /// c and z0 when both are finite.
    #[test]
    fn arbitrary_inputs_give_finite_results(
        z0 in any::<f64>(), w in any::<f64>(), mu in any::<f64>(), c in any::<f64>(), delta in any::<f64>(),
    ) {
        for fit in [Fit::L1, Fit::L2, Fit::PseudoHuber { delta }] {
            let z = optimum(fit, z0, w, mu, c);
            prop_assert!(z.is_finite(), "{fit:?}({z0}, {w}, {mu}, {c}) = {z}");
            if z0.is_finite() && c.is_finite() {
                prop_assert!(z >= z0.min(c) && z <= z0.max(c));
            }
        }
    }

    /// (L1, w = 1) is exactly the seed's clamp, bit for bit, with explicit and implicit weights.
    #[test]
    fn l1_unit_weight_is_the_seed_clamp(
        z0 in prop::collection::vec(-50.0f32..50.0, 1..40), e in -3.0f64..2.0, zero in any::<bool>(),
        c in -5.0f64..5.0,
    ) {
        let mu = if zero { 0.0 } else { 10f64.powf(e) };
        let clamp = clamp_solution(&z0, Band::for_mu(mu, c));
        prop_assert_eq!(&optimum_vec(Fit::L1, &z0, &vec![1.0; z0.len()], mu, c), &clamp);
        prop_assert_eq!(&optimum_vec(Fit::L1, &z0, &[], mu, c), &clamp);
    }

    /// Counts: deterministic per seed, within 0..=MAX_COUNT, prefix-stable; weights follow
    /// λ·n/(C + n) and lie in [0, λ).
    #[test]
    fn tournesol_counts_and_weights(seed in any::<u64>(), n in 0usize..200, lambda in 0.0f64..10.0, cap in 0.0f64..10.0) {
        let counts = comparison_counts(seed, n);
        prop_assert_eq!(counts.len(), n);
        prop_assert_eq!(&counts, &comparison_counts(seed, n));
        prop_assert_eq!(&counts[..n / 2], &comparison_counts(seed, n / 2)[..]);
        prop_assert!(counts.iter().all(|&k| k <= MAX_COUNT));
        let w = tournesol_weights(lambda, cap, &counts);
        prop_assert_eq!(w.len(), n);
        for (&wi, &k) in w.iter().zip(&counts) {
            let expect = if k == 0 { 0.0 } else { lambda * f64::from(k) / (cap + f64::from(k)) };
            prop_assert_eq!(wi, expect as f32);
            prop_assert!(wi >= 0.0 && f64::from(wi) <= lambda);
        }
    }
}

/// SplitMix64's published first outputs for seed 0, reimplemented here independently.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[test]
fn counts_are_splitmix64_multiply_shift() {
    let mut s = 0u64;
    assert_eq!(splitmix64(&mut s), 0xE220_A839_7B1D_CDAF); // the reference value for seed 0
    let mut s = 42u64;
    let expect: Vec<u32> = (0..1000)
        .map(|_| (((splitmix64(&mut s) >> 32) * 21) >> 32) as u32)
        .collect();
    assert_eq!(comparison_counts(42, 1000), expect);
    assert_ne!(comparison_counts(42, 50), comparison_counts(43, 50));
    // Uniform on 0..=20: every value appears, each about 1/21 of 21 000 draws (±5σ).
    let big = comparison_counts(7, 21_000);
    for k in 0..=MAX_COUNT {
        let hits = big.iter().filter(|&&x| x == k).count() as f64;
        assert!(
            (hits - 1000.0).abs() < 5.0 * 1000f64.sqrt(),
            "count {k} drawn {hits} times"
        );
    }
}

#[test]
fn preset_weights() {
    let w = tournesol_weights(2.0, 3.0, &[0, 1, 3, 9, 20]);
    assert_eq!(w, vec![0.0, 0.5, 1.0, 1.5, (40.0f64 / 23.0) as f32]);
    assert_eq!(tournesol_weights(2.0, 0.0, &[0, 4]), vec![0.0, 2.0]);
    assert_eq!(tournesol_weights(2.0, -4.0, &[4]), vec![0.0]); // 8/0: documented fallback
    assert_eq!(tournesol_weights(2.0, -1.0, &[0])[0].to_bits(), 0); // n = 0 is +0, never −0
}

#[test]
fn band_edges() {
    assert_eq!(band(1.0, 0.25, 1.0), Some((-1.0, 3.0)));
    assert_eq!(band(0.0, 2.0, 1.0), Some((1.0, 1.0)));
    assert_eq!(band(1.0, 0.0, 1.0), None);
    assert_eq!(band(-1.0, 1.0, 1.0), None);
    assert_eq!(band(f64::NAN, 1.0, 1.0), None);
    let b = Band::for_mu(0.3, 1.0).unwrap();
    assert_eq!(band(1.0, 0.3, 1.0), Some((b.lo, b.hi)));
}

#[test]
fn keys_parse_and_serde_round_trip() {
    for fit in [Fit::L1, Fit::PseudoHuber { delta: 0.5 }, Fit::L2] {
        assert_eq!(Fit::parse(fit.key(), 0.5), Some(fit));
        let json = serde_json::to_string(&fit).unwrap();
        assert_eq!(serde_json::from_str::<Fit>(&json).unwrap(), fit);
    }
    assert_eq!(
        [
            Fit::L1.key(),
            Fit::PseudoHuber { delta: 1.0 }.key(),
            Fit::L2.key()
        ],
        ["l1", "huber", "l2"]
    );
    assert_eq!(Fit::parse("huber", 0.0), None);
    assert_eq!(Fit::parse("huber", f64::NAN), None);
    assert_eq!(Fit::parse("L1", 1.0), None);
}

#[test]
fn closed_forms_on_known_values() {
    // L2 with w = 1: (z0 + μc)/(1 + μ).
    assert_eq!(optimum(Fit::L2, 5.0, 1.0, 1.0, 1.0), 3.0);
    // L1: band 1 ± 1/(2·0.25) = [−1, 3].
    assert_eq!(optimum(Fit::L1, 5.0, 1.0, 0.25, 1.0), 3.0);
    assert_eq!(optimum(Fit::L1, 2.0, 1.0, 0.25, 1.0), 2.0);
    // Pseudo-Huber δ = 1, w = 1, μ = 1/2, c = 0, z0 = 10: root of (z−10)/√(1+(z−10)²) + z = 0.
    let z = optimum(Fit::PseudoHuber { delta: 1.0 }, 10.0, 1.0, 0.5, 0.0);
    assert!((-(z - 10.0) / (1.0 + (z - 10.0).powi(2)).sqrt() - z).abs() < 1e-13);
    assert!(z > 0.99 && z < 1.0);
    // L1's kink: the whole [−1, 1].
    assert_eq!(Fit::L1.subdifferential(0.0), (-1.0, 1.0));
    assert_eq!(Fit::L1.dphi(0.0), 0.0);
    // c one ulp above z0: the convex combination rounds below z0 unless clamped back.
    let (z0, c) = (2.306759004802111, 2.3067590048021116);
    let z = optimum(Fit::L2, z0, 0.766800698951165, 0.09139089736137429, c);
    assert!(z >= z0 && z <= c, "{z} outside [{z0}, {c}]");
    // Documented fallbacks for non-finite inputs.
    assert_eq!(optimum(Fit::L1, f64::NAN, 1.0, 1.0, 2.0), 2.0);
    assert_eq!(optimum(Fit::L2, 3.0, 1.0, 1.0, f64::INFINITY), 3.0);
    assert_eq!(optimum(Fit::L2, f64::NAN, 1.0, 1.0, f64::NAN), 0.0);
    assert_eq!(optimum(Fit::L2, 3.0, f64::INFINITY, 1.0, 0.0), 3.0);
    assert_eq!(optimum(Fit::L2, 3.0, 1.0, f64::INFINITY, 0.0), 0.0);
    assert_eq!(
        optimum(Fit::PseudoHuber { delta: -1.0 }, 3.0, 1.0, 1.0, 0.0),
        0.0
    );
}
