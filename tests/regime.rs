//! The regime map's maths and words, natively (`view::regime`): each point (μ, z0) is classified
//! as the L1 optimum says, the boundaries are c ± w/(2μ), μ = 0 is inside everywhere, the pixel
//! mapping round-trips and a pointer reads as a short number, and each variant (Tournesol weights,
//! pseudo-Huber, L2, another centre) gets its own regions and sentence.

use proptest::prelude::*;
use reglab::core::variants::{optimum, Fit};
use reglab::link::mu_scale::{mu_at, position_of};
use reglab::link::Params;
use reglab::spec::RunSpec;
use reglab::view::regime::{
    boundary, classify, log_grid, mu_axis, roundest, MapFrame, Regimes, Region,
};

/// The run spec of a link's query (the seed's for "").
fn spec(query: &str) -> RunSpec {
    Params::from_query(query).params.run_spec(0)
}

/// The map of a link's problem.
fn regimes(query: &str) -> Regimes {
    Regimes::of(&spec(query))
}

#[test]
fn the_seed_plane_splits_at_one_plus_minus_one_over_two_mu() {
    assert_eq!(classify(0.2, 5.0, 1.0, 1.0), (Region::Upper, 3.5));
    assert_eq!(classify(0.2, -5.0, 1.0, 1.0), (Region::Lower, -1.5));
    assert_eq!(classify(0.2, 2.0, 1.0, 1.0), (Region::Inside, 2.0));
    // On an edge z* = z0 = the edge: inside (the clamp does not move it).
    assert_eq!(classify(0.2, 3.5, 1.0, 1.0), (Region::Inside, 3.5));
    assert_eq!(classify(0.2, -1.5, 1.0, 1.0), (Region::Inside, -1.5));
    // A larger μ narrows the band: the same z0 = 2 is pinned at μ = 1 (band [0.5, 1.5]).
    assert_eq!(classify(1.0, 2.0, 1.0, 1.0), (Region::Upper, 1.5));
}

#[test]
fn mu_zero_is_inside_everywhere() {
    for z0 in [-1e6, -10.0, 0.0, 1.0, 3.5, 1e6] {
        assert_eq!(classify(0.0, z0, 1.0, 1.0), (Region::Inside, z0));
        assert_eq!(
            classify(-1.0, z0, 1.0, 1.0),
            (Region::Inside, z0),
            "μ < 0 counts as 0"
        );
    }
    let r = regimes("mu=0");
    assert_eq!(r.counts(), Some([0, 100, 0]));
    assert_eq!(
        r.summary(),
        "μ = 0: the whole plane is inside the band, z* = z0 for all 100 coordinates"
    );
    assert!(r.sentence().contains("At μ = 0 (now)"), "{}", r.sentence());
    assert!(r.sentence().contains("the whole plane is inside"));
    assert!(
        boundary(&[0.0], 1.0, 1.0).is_empty(),
        "no boundary at μ = 0"
    );
}

#[test]
fn the_seed_regions_agree_with_the_reference_optimum() {
    for pos in [1, 101, 201, 231, 301, 401, 501] {
        let mu = mu_at(pos);
        let s = spec(&format!("mu={mu}"));
        let r = Regimes::of(&s);
        let reference = s.reference(mu);
        let regions = r.regions().expect("L1 has regions");
        for ((&z0, &zs), region) in r.z0.iter().zip(&reference.z_star).zip(&regions) {
            let (want, z) = classify(mu, f64::from(z0), 1.0, 1.0);
            assert_eq!(*region, want);
            assert_eq!(z as f32, zs, "μ = {mu}, z0 = {z0}");
        }
        let [lower, inside, upper] = r.counts().unwrap();
        assert_eq!(lower + inside + upper, 100);
        assert_eq!(lower + upper, reference.moved, "μ = {mu}: pinned = moved");
    }
}

#[test]
fn boundaries_are_c_plus_minus_w_over_two_mu_and_the_centre_moves_them() {
    let mus = log_grid(1e-3, 1e2, 20);
    for (mu, lo, hi) in boundary(&mus, 1.0, 1.0) {
        assert!((lo - (1.0 - 0.5 / mu)).abs() <= 1e-12 * (0.5 / mu));
        assert!((hi - (1.0 + 0.5 / mu)).abs() <= 1e-12 * (0.5 / mu));
    }
    let one = boundary(&mus, 1.0, 1.0);
    let zero = boundary(&mus, 0.0, 1.0);
    for (a, b) in one.iter().zip(&zero) {
        assert!((a.1 - 1.0 - b.1).abs() < 1e-9 * a.1.abs().max(1.0));
        assert!((a.2 - 1.0 - b.2).abs() < 1e-9 * a.2.abs().max(1.0));
    }
    let heavy = boundary(&[0.2], 1.0, 2.0);
    assert_eq!(
        heavy,
        vec![(0.2, -4.0, 6.0)],
        "w = 2 doubles the half-width"
    );
    // c = 0 in a link: the same picture shifted down by 1.
    let r = regimes("c=0&mu=0.2");
    assert_eq!(r.centre, 0.0);
    assert!(r
        .sentence()
        .contains("The centre c = 0 moves both boundaries"));
    assert_eq!(
        r.readout(0.2, 5.0),
        "μ = 0.2, z0 = 5: pinned to the upper edge, z* = 2.5"
    );
}

#[test]
fn the_axes_are_the_sliders_mu_range_and_the_datas_z0_range_with_room() {
    assert_eq!(mu_axis(), (0.001, 100.0));
    let r = regimes("");
    assert_eq!(
        r.z_axis(),
        (-12.0, 12.0),
        "[−10, 10] and a tenth of the span each side"
    );
    let g = log_grid(0.001, 100.0, 6);
    assert_eq!(g.len(), 6);
    for (got, want) in g.iter().zip([0.001, 0.01, 0.1, 1.0, 10.0, 100.0]) {
        assert!((got / want - 1.0).abs() < 1e-12, "{got} vs {want}");
    }
    // c outside the data: the axis takes it in.
    let (lo, hi) = regimes("c=20").z_axis();
    assert!(lo < -10.0 && hi > 20.0, "{lo} {hi}");
}

#[test]
fn a_pointer_reads_as_the_roundest_number_within_its_pixel() {
    assert_eq!(roundest(0.1985, 0.2015), 0.2);
    assert_eq!(roundest(4.95, 5.05), 5.0);
    assert_eq!(roundest(-5.05, -4.95), -5.0);
    assert_eq!(roundest(-0.3, 0.2), 0.0);
    assert_eq!(roundest(123.4, 123.6), 123.5);
    assert_eq!(roundest(0.01231, 0.01234), 0.01233);
    let frame = MapFrame {
        left: 60.0,
        top: 12.0,
        width: 800.0,
        height: 400.0,
        mu_lo: 0.001,
        mu_hi: 100.0,
        z_lo: -12.0,
        z_hi: 12.0,
    };
    let (x, y) = (frame.x_of(0.2), frame.y_of(5.0));
    assert!((frame.mu_at_x(x) / 0.2 - 1.0).abs() < 1e-12);
    assert!((frame.z_at_y(y) - 5.0).abs() < 1e-12);
    assert_eq!(frame.x_of(0.001), 60.0);
    assert!((frame.x_of(100.0) - 860.0).abs() < 1e-9);
    assert_eq!((frame.y_of(12.0), frame.y_of(-12.0)), (12.0, 412.0));
    // Anywhere within a third of a pixel of (0.2, 5), the pointer names exactly (0.2, 5).
    for (dx, dy) in [(0.0, 0.0), (0.3, -0.3), (-0.3, 0.3)] {
        assert_eq!(frame.point_at(x + dx, y + dy, 0.75), Some((0.2, 5.0)));
    }
    assert_eq!(frame.point_at(20.0, y, 0.75), None, "left of the plot");
    assert_eq!(frame.point_at(x, 500.0, 0.75), None, "below the plot");
    assert_eq!(
        frame.mu_within(2000.0),
        100.0,
        "a drag past the end stops there"
    );
    // Clicking there sets the slider's nearest μ: 0.1995 (position 231).
    assert_eq!(mu_at(position_of(0.2)), 0.1995);
}

#[test]
fn the_seed_readout_names_the_region_and_z_star() {
    let r = regimes("mu=0.1");
    assert_eq!(
        r.readout(0.2, 5.0),
        "μ = 0.2, z0 = 5: pinned to the upper edge, z* = 3.5"
    );
    assert_eq!(
        r.readout(0.2, -5.0),
        "μ = 0.2, z0 = −5: pinned to the lower edge, z* = −1.5"
    );
    assert_eq!(
        r.readout(0.2, 2.0),
        "μ = 0.2, z0 = 2: inside the band, z* = 2"
    );
    // μ = 0.1: band [−4, 6]; linspace(−10, 10, 100) has 30 values below −4 and 20 above 6.
    assert_eq!(r.counts(), Some([30, 50, 20]));
    assert_eq!(
        r.summary(),
        "μ = 0.1: of 100 coordinates, 30 pinned to the lower edge, 50 inside the band, 20 pinned to the upper edge"
    );
    assert!(
        r.sentence().contains("Below the curve 1 − 1/(2μ)"),
        "{}",
        r.sentence()
    );
    assert!(
        !r.sentence().contains("centre"),
        "c = 1 is the seed's: no word about it"
    );
}

#[test]
fn tournesol_weights_give_each_coordinate_its_own_band() {
    let s = spec("w=tournesol&mu=0.2");
    let r = Regimes::of(&s);
    assert!(r.pins() && !r.uniform());
    let (w_lo, w_hi) = r.weight_range();
    assert!(w_lo < w_hi, "{w_lo} {w_hi}");
    assert_eq!(r.distinct_weights().first(), Some(&w_lo));
    let sentence = r.sentence();
    assert!(
        sentence.contains("the boundary depends on the coordinate's weight"),
        "{sentence}"
    );
    // Each dot's region is its own band's, as the reference's per-coordinate bands say.
    let bands = s.reference(0.2).bands.expect("weighted L1 has bands");
    for ((&z0, region), (lo, hi)) in r.z0.iter().zip(r.regions().unwrap()).zip(bands) {
        let z0 = f64::from(z0);
        let want = if z0 < lo {
            Region::Lower
        } else if z0 > hi {
            Region::Upper
        } else {
            Region::Inside
        };
        assert_eq!(region, want, "z0 = {z0}, band [{lo}, {hi}]");
    }
    // A point pinned for the smallest weight but inside for the largest: it says so.
    let z0 = 1.0 + (w_lo + w_hi) / 2.0 / (2.0 * 0.2);
    let text = r.readout(0.2, z0);
    assert!(
        text.contains("it depends on the coordinate's weight"),
        "{text}"
    );
    assert!(text.contains("pinned to the upper edge for w = "), "{text}");
    assert!(text.contains("inside the band for w = "), "{text}");
    let far = r.readout(0.2, 50.0);
    assert!(
        far.contains("pinned to the upper edge for every weight"),
        "{far}"
    );
}

#[test]
fn smooth_fits_have_no_pinned_region_and_say_why() {
    for (query, name) in [
        ("fit=huber&delta=1", "pseudo-Huber fit (δ = 1)"),
        ("fit=l2", "L2 fit"),
    ] {
        let r = regimes(&format!("{query}&mu=0.2"));
        assert!(!r.pins(), "{query}");
        assert_eq!(r.regions(), None);
        assert_eq!(r.counts(), None);
        let sentence = r.sentence();
        assert!(
            sentence.contains(&format!("The {name} has no pinned region")),
            "{sentence}"
        );
        assert!(sentence.contains("draws no regions"), "{sentence}");
        let fit = Regimes::of(&spec(query)).fit;
        let z = optimum(fit, 5.0, 1.0, 0.2, 1.0);
        assert!(z > 1.0 && z < 5.0, "between c and z0: {z}");
        let text = r.readout(0.2, 5.0);
        assert!(
            text.starts_with(&format!(
                "μ = 0.2, z0 = 5: never pinned with the {name}, z* = "
            )),
            "{text}"
        );
        assert!(
            r.summary().contains("no coordinate is pinned"),
            "{}",
            r.summary()
        );
    }
    assert_eq!(regimes("fit=l2").fit, Fit::L2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// classify's z* is the L1 optimum, and its region says which way the clamp moved z0.
    #[test]
    fn classify_is_the_l1_clamp(
        z0 in -100.0f64..100.0,
        w in 0.0f64..5.0,
        e in -3.0f64..2.0,
        c in -20.0f64..20.0,
    ) {
        let mu = 10f64.powf(e);
        let (region, z) = classify(mu, z0, c, w);
        prop_assert_eq!(z, optimum(Fit::L1, z0, w, mu, c));
        let want = if z > z0 { Region::Lower } else if z < z0 { Region::Upper } else { Region::Inside };
        prop_assert_eq!(region, want);
    }

    /// Every pixel of a plot maps to a (μ, z0) that maps back to within the slack.
    #[test]
    fn pixels_round_trip(x in 0.0f64..800.0, y in 0.0f64..400.0) {
        let frame = MapFrame {
            left: 50.0, top: 10.0, width: 800.0, height: 400.0,
            mu_lo: 0.001, mu_hi: 100.0, z_lo: -12.0, z_hi: 12.0,
        };
        let (mu, z0) = frame.point_at(50.0 + x, 10.0 + y, 0.75).expect("inside");
        prop_assert!((frame.x_of(mu) - 50.0 - x).abs() <= 0.75 + 1e-9);
        prop_assert!((frame.y_of(z0) - 10.0 - y).abs() <= 0.75 + 1e-9);
    }
}
