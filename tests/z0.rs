//! z0 beyond the seed's linspace: the presets are deterministic, finite, of the asked length and
//! have the shapes their names promise (linspace is the core's, steps has five plateaus from lo
//! to hi, the sine spans [lo, hi], the noise has the stated spread); the link encoding keeps
//! every value within its stated precision, keeps min and max exact, is a fixed point after one
//! round, has the stated length and refuses what it cannot carry; decoding hostile text never
//! panics and says what is wrong; and the link parameters z0, z0data and seed do what the
//! params table promises while old links keep their meaning (the seed problem, unchanged).
//! Run: `cargo test --release --test z0`.

use proptest::prelude::*;
use reglab::core::linspace;
use reglab::core::variants::Fit;
use reglab::core::z0::Z0Preset;
use reglab::core::Problem;
use reglab::link::z0_code::{decode, encode, precision, quantise, MAX_VALUES};
use reglab::link::{Choice, Params};
use reglab::spec::{Weights, Z0Spec};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn bits(v: &[f32]) -> Vec<u32> {
    v.iter().map(|x| x.to_bits()).collect()
}

/// base64url without padding, written independently of the crate's, so the tests can build
/// byte layouts the encoder would never produce (wrong version, broken ranges, odd lengths).
fn b64(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let mut x = 0u32;
        for (i, &b) in chunk.iter().enumerate() {
            x |= u32::from(b) << (16 - 8 * i);
        }
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((x >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// The documented layout: version 1, lo and hi as little-endian f32, then one u16 per value.
fn layout(version: u8, lo: f32, hi: f32, ks: &[u16]) -> Vec<u8> {
    let mut bytes = vec![version];
    bytes.extend_from_slice(&lo.to_le_bytes());
    bytes.extend_from_slice(&hi.to_le_bytes());
    for k in ks {
        bytes.extend_from_slice(&k.to_le_bytes());
    }
    bytes
}

fn min_max(v: &[f32]) -> (f32, f32) {
    let lo = v.iter().copied().fold(f32::INFINITY, f32::min);
    let hi = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    (lo, hi)
}

// ---------------------------------------------------------------------------------------------
// 1. Presets
// ---------------------------------------------------------------------------------------------

#[test]
fn presets_are_deterministic_finite_and_of_length_n() {
    for preset in Z0Preset::ALL {
        assert_eq!(
            Z0Preset::parse(preset.key()),
            Some(preset),
            "key round trip"
        );
        for (lo, hi) in [(-10.0, 10.0), (0.0, 1.0), (-1e6, 1e6), (3.5, 3.75)] {
            for n in [1, 2, 3, 5, 7, 100, 1000] {
                for seed in [0, 1, 7, u64::from(u32::MAX)] {
                    let a = preset.values(lo, hi, n, seed);
                    let b = preset.values(lo, hi, n, seed);
                    assert_eq!(bits(&a), bits(&b), "{preset:?} must be deterministic");
                    assert_eq!(a.len(), n, "{preset:?} n = {n}");
                    assert!(
                        a.iter().all(|x| x.is_finite()),
                        "{preset:?} [{lo}, {hi}] n = {n} seed {seed}: {a:?}"
                    );
                }
            }
        }
    }
    assert_eq!(Z0Preset::parse("Linspace"), None, "keys are case-sensitive");
    assert_eq!(Z0Preset::parse("data"), None, "data is not a preset");
}

#[test]
fn linspace_preset_is_the_cores_linspace() {
    for (lo, hi, n) in [
        (-10.0, 10.0, 100),
        (-3.0, 7.0, 1),
        (0.1, 0.3, 2),
        (-1e6, 1e6, 999),
    ] {
        let preset = Z0Preset::Linspace.values(lo, hi, n, 42);
        assert_eq!(bits(&preset), bits(&linspace(lo, hi, n)));
    }
    // The seed's z0, and the seed is ignored by this preset.
    assert_eq!(
        Z0Preset::Linspace.values(-10.0, 10.0, 100, 1),
        Z0Preset::Linspace.values(-10.0, 10.0, 100, 2)
    );
}

/// Five plateaus lo, lo + s/4, …, hi (s = hi − lo), in order, each at least ⌊n/5⌋ long.
#[test]
fn steps_has_exactly_five_levels_from_lo_to_hi() {
    for (lo, hi) in [(-10.0f64, 10.0f64), (0.0, 1.0), (-3.0, 7.5)] {
        let levels: Vec<f32> = (0..5)
            .map(|k| (lo + (hi - lo) * f64::from(k) / 4.0) as f32)
            .collect();
        for n in [5, 6, 9, 10, 11, 99, 100, 1001] {
            let v = Z0Preset::Steps.values(lo, hi, n, 0);
            let mut distinct = v.clone();
            distinct.dedup(); // the plateaus are contiguous, so dedup leaves one per plateau
            assert_eq!(distinct, levels, "[{lo}, {hi}] n = {n}");
            assert_eq!(v[0], lo as f32);
            assert_eq!(v[n - 1], hi as f32);
            for level in &levels {
                let len = v.iter().filter(|x| *x == level).count();
                // ≈ n/5 each; one value either way for where t·5 rounds at a plateau's edge.
                assert!(
                    len + 1 >= n / 5,
                    "n = {n}: plateau {level} has {len} values"
                );
            }
        }
    }
}

#[test]
fn sine_stays_in_range_and_reaches_both_ends() {
    for (lo, hi) in [(-10.0f64, 10.0f64), (0.0, 1.0), (-1e6, 1e6), (2.0, 2.5)] {
        let v = Z0Preset::Sine.values(lo, hi, 100, 0);
        let (min, max) = min_max(&v);
        assert!(
            min >= lo as f32 && max <= hi as f32,
            "[{lo}, {hi}]: {min} … {max}"
        );
        // Two periods over 100 points: the sample nearest a crest is within 0.06 % of the span
        // from it (sin(4π·12/99) = 0.9989), so 1 % is a wide margin that still catches a sine
        // of the wrong amplitude, offset or period count.
        let near = 0.01 * (hi - lo);
        assert!(f64::from(min) <= lo + near, "[{lo}, {hi}]: min {min}");
        assert!(f64::from(max) >= hi - near, "[{lo}, {hi}]: max {max}");
        // Two periods: the sign of v − mid changes 4 times (start at mid, up, down, up, down).
        let mid = (lo + hi) / 2.0;
        let signs: Vec<bool> = v[1..].iter().map(|&x| f64::from(x) > mid).collect();
        let changes = signs.windows(2).filter(|w| w[0] != w[1]).count();
        assert_eq!(
            changes, 3,
            "[{lo}, {hi}]: two periods cross the middle 3 times inside"
        );
    }
}

#[test]
fn noise_depends_on_the_seed_and_has_the_stated_spread() {
    let (lo, hi, n) = (-10.0, 10.0, 10_000);
    let a = Z0Preset::Noise.values(lo, hi, n, 1);
    let b = Z0Preset::Noise.values(lo, hi, n, 2);
    assert_ne!(bits(&a), bits(&b), "different seeds, different noise");
    let differing = a.iter().zip(&b).filter(|(x, y)| x != y).count();
    assert!(differing > n * 9 / 10, "only {differing} values differ");
    for (seed, v) in [(1, &a), (2, &b), (7, &Z0Preset::Noise.values(lo, hi, n, 7))] {
        let line = linspace(lo, hi, n);
        let r: Vec<f64> = v
            .iter()
            .zip(&line)
            .map(|(&x, &l)| f64::from(x) - f64::from(l))
            .collect();
        let mean = r.iter().sum::<f64>() / n as f64;
        let sd = (r.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt();
        let want = (hi - lo) / 20.0;
        // 10 000 normal draws: the sample sd is within 1.5 % of σ at 2 standard errors, and
        // the mean within 0.02σ; 20 % and 0.1σ only fail for a wrong scale or a biased draw.
        assert!(
            (sd - want).abs() <= 0.2 * want,
            "seed {seed}: sd {sd}, want {want}"
        );
        assert!(mean.abs() <= 0.1 * want, "seed {seed}: mean {mean}");
    }
}

#[test]
fn one_and_two_values_work() {
    for preset in Z0Preset::ALL {
        let one = preset.values(-10.0, 10.0, 1, 3);
        assert_eq!(one.len(), 1);
        assert!(one[0].is_finite(), "{preset:?} n = 1: {one:?}");
        let two = preset.values(-10.0, 10.0, 2, 3);
        assert_eq!(two.len(), 2);
        assert!(
            two.iter().all(|x| x.is_finite()),
            "{preset:?} n = 2: {two:?}"
        );
    }
    assert_eq!(Z0Preset::Linspace.values(-10.0, 10.0, 2, 0), [-10.0, 10.0]);
    assert_eq!(Z0Preset::Steps.values(-10.0, 10.0, 2, 0), [-10.0, 10.0]);
    assert_eq!(Z0Preset::Steps.values(-10.0, 10.0, 1, 0), [-10.0]);
}

// ---------------------------------------------------------------------------------------------
// 2. Encoding
// ---------------------------------------------------------------------------------------------

/// Values spread over ±1e6, and values packed in a narrow span far from 0 (where the f32
/// grid, not the 16-bit quantisation, limits what can be told apart).
fn values_s() -> impl Strategy<Value = Vec<f32>> {
    prop_oneof![
        prop::collection::vec(-1e6f32..1e6, 1..=MAX_VALUES),
        (
            -1e6f32..1e6,
            -3.0f32..3.0,
            prop::collection::vec(0.0f32..1.0, 1..=200)
        )
            .prop_map(|(offset, log_span, t)| {
                let span = 10f32.powf(log_span);
                t.iter().map(|x| offset + span * x).collect()
            }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every value comes back within the stated precision, min and max exactly, order is kept,
    /// a second round changes nothing, and the text has the stated length and alphabet.
    #[test]
    fn encoding_round_trip(v in values_s()) {
        let text = encode(&v).unwrap();
        let back = decode(&text).unwrap();
        prop_assert_eq!(back.len(), v.len());
        let (lo, hi) = min_max(&v);
        // The decoder computes lo + (hi − lo)·k/65535 in f64 (error ~1e-16 relative) and rounds
        // it to f32 once: that rounding adds at most half an f32 ulp of the result, and the
        // result lies in [lo, hi], so ½·ε_f32·max(|lo|, |hi|) bounds it. The 1e-12·span covers
        // the f64 arithmetic of encoder and decoder.
        let allowance = 0.5 * f64::from(f32::EPSILON) * f64::from(lo.abs().max(hi.abs()))
            + 1e-12 * (f64::from(hi) - f64::from(lo));
        let tol = precision(lo, hi) + allowance;
        for (i, (&x, &y)) in v.iter().zip(&back).enumerate() {
            let err = (f64::from(x) - f64::from(y)).abs();
            prop_assert!(err <= tol, "value {i}: {x} came back as {y}, error {err:e} > {tol:e}");
        }
        let (blo, bhi) = min_max(&back);
        prop_assert_eq!(blo, lo, "the minimum is exact");
        prop_assert_eq!(bhi, hi, "the maximum is exact");
        for (i, j) in [(0, v.len() - 1), (v.len() / 2, v.len() / 3)] {
            if v[i] <= v[j] {
                prop_assert!(back[i] <= back[j], "order of {} and {} lost", v[i], v[j]);
            }
        }
        let again = encode(&back).unwrap();
        prop_assert_eq!(&again, &text, "encode(decode(encode(v))) must equal encode(v)");
        prop_assert_eq!(quantise(&v).unwrap(), back.clone());
        let bytes = 9 + 2 * v.len();
        prop_assert_eq!(text.len(), (bytes * 4).div_ceil(3), "no padding, 4 chars per 3 bytes");
        prop_assert!(text.bytes().all(|c| ALPHABET.contains(&c)), "{}", text);
        // The layout is the documented one: header lo, hi, then the k's.
        let ks: Vec<u16> = back
            .iter()
            .map(|&y| {
                let span = f64::from(hi) - f64::from(lo);
                if span > 0.0 { ((f64::from(y) - f64::from(lo)) / span * 65535.0).round() as u16 } else { 0 }
            })
            .collect();
        prop_assert_eq!(b64(&layout(1, lo, hi, &ks)), text);
    }
}

#[test]
fn encoding_edge_cases() {
    // A single value and equal values: span 0, every k = 0, exact.
    for v in [
        vec![3.25f32],
        vec![-7.0; 13],
        vec![0.0],
        vec![f32::MAX, f32::MIN],
    ] {
        let back = quantise(&v).unwrap();
        assert_eq!(back, v);
        assert_eq!(encode(&back).unwrap(), encode(&v).unwrap());
    }
    // Exactly MAX_VALUES values fit.
    let v = linspace(-10.0, 10.0, MAX_VALUES);
    let text = encode(&v).unwrap();
    assert_eq!(text.len(), (4 * (9 + 2 * MAX_VALUES)).div_ceil(3));
    assert_eq!(decode(&text).unwrap().len(), MAX_VALUES);
    // The seed's z0 keeps its ends and moves no value by more than precision + half an ulp.
    let seed = linspace(-10.0, 10.0, 100);
    let back = quantise(&seed).unwrap();
    assert_eq!((back[0], back[99]), (-10.0, 10.0));
    let tol = precision(-10.0, 10.0) + 5e-7;
    assert!(seed
        .iter()
        .zip(&back)
        .all(|(a, b)| (a - b).abs() as f64 <= tol));
}

#[test]
fn encoding_refuses_what_it_cannot_carry() {
    let too_many = vec![1.0f32; MAX_VALUES + 1];
    let e = encode(&too_many).unwrap_err();
    assert!(e.contains("1000") && e.contains("1001"), "{e}");
    let e = encode(&[]).unwrap_err();
    assert!(!e.is_empty());
    for bad in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
        let e = encode(&[1.0, bad, 2.0]).unwrap_err();
        assert!(e.contains("finite"), "{e}");
    }
    assert!(quantise(&[f32::NAN]).is_err());
}

// ---------------------------------------------------------------------------------------------
// 3. Hostile decode
// ---------------------------------------------------------------------------------------------

/// What an accepted text must hold: 1..=1000 finite values, inside the header's [lo, hi].
fn check_accepted(text: &str) -> Result<(), TestCaseError> {
    match decode(text) {
        Ok(v) => {
            prop_assert!(!v.is_empty() && v.len() <= MAX_VALUES, "{} values", v.len());
            prop_assert!(v.iter().all(|x| x.is_finite()), "{:?}", v);
            // A valid text is its own canonical form after one round (the fixed point).
            let again = quantise(&v).map_err(TestCaseError::fail)?;
            prop_assert_eq!(encode(&again).unwrap(), encode(&v).unwrap());
        }
        Err(e) => prop_assert!(!e.is_empty(), "an error says something"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_decodes_or_errs_without_panic(text in ".{0,300}") {
        check_accepted(&text)?;
    }

    #[test]
    fn any_base64url_text_decodes_or_errs_without_panic(text in "[A-Za-z0-9_-]{0,300}") {
        check_accepted(&text)?;
    }

    /// Random base64url text whose first byte is the version (first character 'A', second
    /// with top bits 01), so the header and payload checks are reached, not just the version.
    #[test]
    fn versioned_random_text_decodes_or_errs_without_panic(text in "A[Q-Za-f][A-Za-z0-9_-]{0,300}") {
        check_accepted(&text)?;
    }

    /// Valid headers with random payload bytes (any k, including odd lengths).
    #[test]
    fn random_payloads(lo in -1e3f32..1e3, span in 0.0f32..1e3, payload in prop::collection::vec(any::<u8>(), 0..80)) {
        let mut bytes = layout(1, lo, lo + span, &[]);
        bytes.extend_from_slice(&payload);
        let result = decode(&b64(&bytes));
        if payload.len() >= 2 && payload.len() % 2 == 0 {
            let v = result.map_err(TestCaseError::fail)?;
            prop_assert_eq!(v.len(), payload.len() / 2);
            prop_assert!(v.iter().all(|&x| x >= lo && x <= lo + span));
        } else {
            let e = result.unwrap_err();
            prop_assert!(e.contains("truncated"), "{}", e);
        }
    }
}

#[test]
fn broken_texts_are_errors_with_a_message() {
    let good = layout(1, -1.0, 1.0, &[0, 65535, 32768]);
    assert_eq!(
        decode(&b64(&good)).unwrap(),
        [-1.0, 1.0, (-1.0 + 2.0 * 32768.0 / 65535.0) as f32]
    );
    // Leading and trailing white space (a pasted link) is tolerated.
    assert!(decode(&format!(" {}\n", b64(&good))).is_ok());

    let mut cases: Vec<(&str, String)> = vec![
        ("empty text", String::new()),
        ("one character", "A".into()),
        ("5 characters (4k + 1 is never base64)", "AAAAA".into()),
        ("padding", format!("{}==", b64(&good))),
        ("standard base64 +", b64(&good).replace('-', "+") + "+"),
        ("header only", b64(&layout(1, 0.0, 1.0, &[]))),
        ("odd payload", b64(&good[..good.len() - 1])),
        ("10 bytes", b64(&good[..10])),
        ("5 bytes", b64(&good[..5])),
        ("version 0", b64(&layout(0, -1.0, 1.0, &[1, 2]))),
        ("version 2", b64(&layout(2, -1.0, 1.0, &[1, 2]))),
        ("lo > hi", b64(&layout(1, 1.0, -1.0, &[1, 2]))),
        ("NaN lo", b64(&layout(1, f32::NAN, 1.0, &[1, 2]))),
        ("NaN hi", b64(&layout(1, 0.0, f32::NAN, &[1, 2]))),
        ("infinite hi", b64(&layout(1, 0.0, f32::INFINITY, &[1, 2]))),
        (
            "infinite lo",
            b64(&layout(1, f32::NEG_INFINITY, 0.0, &[1, 2])),
        ),
        (
            "1001 values",
            b64(&layout(1, 0.0, 1.0, &[7; MAX_VALUES + 1])),
        ),
    ];
    // Every truncation of a valid text that leaves an odd payload or a non-base64 length.
    let text = b64(&layout(1, -2.0, 3.0, &[1, 2, 3, 4, 5, 6, 7]));
    for cut in 1..text.len() {
        let bytes_left = cut * 3 / 4;
        if cut % 4 == 1 || bytes_left < 11 || (bytes_left - 9) % 2 == 1 {
            cases.push(("truncated", text[..cut].to_string()));
        }
    }
    for (what, text) in cases {
        match decode(&text) {
            Ok(v) => panic!("{what}: {text:?} decoded to {v:?}"),
            Err(e) => {
                assert!(e.len() >= 10, "{what}: the message {e:?} says too little");
                assert!(
                    !e.contains('{') && !e.contains("Err"),
                    "{what}: {e:?} is not for people"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Link parameters
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// `z0=data&z0data=…`: n follows the data, z0() is the decoded data, and the link round-trips.
    #[test]
    fn data_links_round_trip(v in prop::collection::vec(-1e3f32..1e3, 1..=MAX_VALUES)) {
        let text = encode(&v).unwrap();
        let parsed = Params::from_query(&format!("z0=data&n=7&z0data={text}"));
        prop_assert!(parsed.replaced.is_empty(), "{:?}", parsed.replaced);
        let p = parsed.params;
        prop_assert_eq!(p.n, v.len(), "the data decide n");
        let decoded = decode(&text).unwrap();
        prop_assert_eq!(p.z0(), decoded.clone());
        let again = Params::from_query(&p.to_query());
        prop_assert!(again.replaced.is_empty(), "{:?}", again.replaced);
        prop_assert_eq!(&again.params, &p);
        let spec = p.run_spec(0);
        prop_assert_eq!(&spec.z0, &Z0Spec::Values(decoded.clone()));
        prop_assert_eq!(spec.z0(), decoded);
        prop_assert_eq!(spec.problem(0.1).map_err(TestCaseError::fail)?.n(), v.len());
    }
}

#[test]
fn data_without_values_falls_back_to_linspace_with_one_notice() {
    let parsed = Params::from_query("z0=data");
    assert_eq!(parsed.replaced.len(), 1, "{:?}", parsed.replaced);
    assert_eq!(parsed.replaced[0].key, "z0");
    assert_eq!(parsed.replaced[0].used, "linspace");
    assert!(!parsed.replaced[0].reason.is_empty());
    assert_eq!(parsed.params.z0.word(), "linspace");
    assert_eq!(parsed.params.z0(), linspace(-10.0, 10.0, 100));
    assert_eq!(parsed.params.n, 100);

    // Unreadable values: their own notice, then the same fallback.
    let parsed = Params::from_query("z0=data&z0data=%21%21%21");
    let keys: Vec<&str> = parsed.replaced.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["z0data", "z0"]);
    assert_eq!(parsed.params.z0(), linspace(-10.0, 10.0, 100));
}

#[test]
fn a_preset_drops_the_data() {
    let text = encode(&[1.0, 2.0, 3.0]).unwrap();
    let p = Params::from_query(&format!("z0=steps&z0data={text}")).params;
    assert!(p.z0data.is_empty());
    assert_eq!(p.n, 100);
    assert_eq!(p.z0(), Z0Preset::Steps.values(-10.0, 10.0, 100, 1));
    assert!(!p.to_query().contains("z0data"), "{}", p.to_query());
}

#[test]
fn noise_link_with_a_seed() {
    let p = Params::from_query("z0=noise&seed=7").params;
    assert_eq!(
        bits(&p.z0()),
        bits(&Z0Preset::Noise.values(-10.0, 10.0, 100, 7))
    );
    assert_eq!(Params::from_query(&p.to_query()).params, p);
    let spec = p.run_spec(0);
    assert_eq!(spec.z0, Z0Spec::Preset(Z0Preset::Noise));
    assert_eq!(bits(&spec.z0()), bits(&p.z0()));
    let other = Params::from_query("z0=noise&seed=8").params;
    assert_ne!(bits(&other.z0()), bits(&p.z0()));
}

/// A link written before the variants existed opens exactly as before: L1, uniform weights,
/// c = 1, linspace — and the run is the seed's problem.
#[test]
fn old_links_are_unchanged() {
    let parsed = Params::from_query("mu=0.25");
    assert!(parsed.replaced.is_empty() && parsed.legacy.is_empty());
    let p = parsed.params;
    assert_eq!(p.mu, 0.25);
    assert_eq!(
        (p.fit.word(), p.w.word(), p.z0.word()),
        ("l1", "uniform", "linspace")
    );
    assert_eq!(p.c, 1.0);
    assert!(p.z0data.is_empty());
    assert_eq!(p.z0(), linspace(-10.0, 10.0, 100));
    let spec = p.run_spec(0);
    assert_eq!(spec.fit, Fit::L1);
    assert_eq!(spec.weights, Weights::Uniform);
    assert_eq!(spec.centre, 1.0);
    assert_eq!(spec.z0, Z0Spec::Preset(Z0Preset::Linspace));
    assert!(spec.is_seed_shape());
    assert!(spec.weights(100).is_empty());
    assert_eq!(spec.problem(0.25).unwrap(), Problem::seed(0.25));

    let spec = Params::default().run_spec(0);
    assert_eq!(bits(&spec.z0()), bits(&linspace(-10.0, 10.0, 100)));
    assert_eq!(spec.problem(0.1).unwrap(), Problem::seed(0.1));
    let reference = spec.reference(0.1);
    assert_eq!(reference.z_star, Problem::seed(0.1).z_star());
    assert_eq!(
        reference.bands, None,
        "the seed has one band, drawn as before"
    );
    // μ = 0.1: band 1 ± 5 = [−4, 6]; linspace(−10, 10, 100) has 30 values below −4 and 20
    // above 6.
    assert_eq!(reference.moved, 50);
}

/// Signed zeros: the header keeps whichever zero the encoder met first, and a second round
/// gives the same text (−0 == 0, so "min and max exact" holds either way).
#[test]
fn signed_zeros_are_a_fixed_point() {
    for v in [
        vec![-0.0f32, 0.0],
        vec![0.0f32, -0.0],
        vec![-0.0f32, 0.0, -0.0],
        vec![0.0f32, -0.0, -1.0],
        vec![-0.0f32, 0.0, 1.0],
    ] {
        let text = encode(&v).unwrap();
        let back = decode(&text).unwrap();
        assert_eq!(back, v, "{v:?}");
        assert_eq!(encode(&back).unwrap(), text, "{v:?}");
    }
}
