//! Link state: the declarative parameter table reads what it writes, and bad links fall back
//! to defaults with a notice instead of failing.

use proptest::prelude::*;
use reglab::core::optim::OptimizerKind;
use reglab::link::{
    Choice, Compare, DecayKind, FitKind, Params, Playback, View, WeightKind, Z0Source, MAX_SEED,
    PANELS, SPECS, TOUR_STEPS,
};

/// Every value of a word-valued setting.
fn any_of<T: Choice + std::fmt::Debug>() -> impl Strategy<Value = T> {
    prop::sample::select(T::all().to_vec())
}

fn params_strategy() -> impl Strategy<Value = Params> {
    (
        (
            prop_oneof![Just(0.0), 1e-3f64..1e2, 0.0f64..1e6],
            1e-7f64..100.0,
            1u64..=10_000_000,
            1usize..=10_000,
        ),
        (
            -1e6f64..0.0,
            1e-9f64..1e6,
            0.0f64..0.999_999,
            0.0f64..0.999_999_9,
            1e-12f64..1.0,
        ),
        prop::sample::select(Playback::CHOICES.to_vec()),
        (
            prop::sample::select(View::CHOICES.to_vec()),
            1e-6f64..1.0,
            1.0f64..1e6,
            1usize..=200,
        ),
        (
            any::<bool>(),
            any::<bool>(),
            prop::sample::subsequence(PANELS.to_vec(), 0..=PANELS.len()),
            0u64..=TOUR_STEPS,
            (any::<bool>(), any::<bool>(), 0u32..=16),
        ),
        (
            any_of::<OptimizerKind>(),
            any_of::<Compare>(),
            any_of::<DecayKind>(),
        ),
        (
            any_of::<Z0Source>(),
            prop::collection::vec(-1e6f32..1e6, 1..=60),
            0u64..=MAX_SEED,
            -1e6f64..1e6,
        ),
        (
            any_of::<FitKind>(),
            1e-6f64..1e6,
            any_of::<WeightKind>(),
            0.0f64..1e6,
            0.0f64..1e6,
        ),
    )
        .prop_map(
            |(
                (mu, lr, epochs, n),
                (z0min, z0max, beta1, beta2, eps),
                play,
                (view, smin, smax, scount),
                (present, embed, hide, tour, (quiz, warm, workers)),
                (opt, compare, decay),
                (z0, values, seed, c),
                (fit, delta, w, tlambda, tcap),
            )| {
                // Values a link carries are the quantised ones, and they decide n.
                let z0data = if z0 == Z0Source::Data {
                    reglab::link::z0_code::quantise(&values).unwrap()
                } else {
                    Vec::new()
                };
                let n = if z0 == Z0Source::Data {
                    z0data.len()
                } else {
                    n
                };
                Params {
                    mu,
                    lr,
                    epochs,
                    n,
                    z0min,
                    z0max,
                    beta1,
                    beta2,
                    eps,
                    play,
                    view,
                    smin,
                    smax,
                    scount,
                    present,
                    embed,
                    quiz,
                    warm,
                    hide: hide.into_iter().map(String::from).collect(),
                    tour,
                    opt,
                    compare,
                    decay,
                    z0,
                    z0data,
                    seed,
                    c,
                    fit,
                    delta,
                    w,
                    tlambda,
                    tcap,
                    lang: None,
                    workers,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn query_round_trips(p in params_strategy()) {
        let parsed = Params::from_query(&p.to_query());
        prop_assert!(parsed.replaced.is_empty(), "{:?}", parsed.replaced);
        prop_assert_eq!(parsed.params, p);
    }

    /// Any text at all: no panic, and the result is always a valid parameter set.
    #[test]
    fn arbitrary_queries_never_panic(q in ".{0,200}") {
        let parsed = Params::from_query(&q);
        let again = Params::from_query(&parsed.params.to_query());
        prop_assert!(again.replaced.is_empty());
        prop_assert_eq!(again.params, parsed.params);
    }
}

#[test]
fn empty_query_gives_the_seed_defaults() {
    let parsed = Params::from_query("");
    assert!(parsed.replaced.is_empty());
    let p = parsed.params;
    assert_eq!((p.mu, p.lr, p.epochs, p.n), (0.1, 1e-3, 25_000, 100));
    assert_eq!(
        (p.z0min, p.z0max, p.beta1, p.beta2, p.eps),
        (-10.0, 10.0, 0.9, 0.999, 1e-7)
    );
    assert_eq!(p.play, Playback::Seconds(3));
}

#[test]
fn bad_values_are_replaced_and_named() {
    let parsed = Params::from_query("?mu=-1&lr=abc&epochs=1e99&n=0&whatever=3");
    let keys: Vec<&str> = parsed.replaced.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["mu", "lr", "epochs", "n"]);
    assert_eq!(parsed.params, Params::default());
    assert_eq!(parsed.replaced[0].given, "-1");
    assert_eq!(parsed.replaced[0].used, "0.1");
}

#[test]
fn hostile_values_are_refused() {
    for q in [
        "mu=NaN",
        "mu=inf",
        "mu=-inf",
        "mu=1e400",
        "lr=0",
        "n=10001",
        "epochs=-5",
        "epochs=2.5",
        "play=7",
        "beta1=1",
        "mu=%3Cscript%3E",
        "mu=0x10",
        "mu=%",
    ] {
        let parsed = Params::from_query(q);
        assert_eq!(parsed.replaced.len(), 1, "{q}: {:?}", parsed.replaced);
        assert_eq!(parsed.params, Params::default(), "{q}");
    }
}

#[test]
fn negative_zero_and_escapes_read_as_numbers() {
    let p = Params::from_query("mu=-0&z0min=%2D5&z0max=+5").params;
    assert_eq!(p.mu.to_bits(), 0f64.to_bits());
    assert_eq!((p.z0min, p.z0max), (-5.0, 5.0));
}

#[test]
fn crossed_z0_range_falls_back() {
    let parsed = Params::from_query("z0min=3&z0max=-3");
    assert_eq!((parsed.params.z0min, parsed.params.z0max), (-10.0, 10.0));
    assert_eq!(parsed.replaced.len(), 2);
}

#[test]
fn a_crossed_range_of_long_numbers_is_quoted_short() {
    // Found by tests/fuzz_links.rs: the pair's notice quoted both numbers in full (226 characters).
    let tiny = format!("-0.{}5842304482485434", "0".repeat(200));
    let parsed = Params::from_query(&format!(
        "z0max={tiny}&z0min=0.00000000000000004115799001632949"
    ));
    assert_eq!((parsed.params.z0min, parsed.params.z0max), (-10.0, 10.0));
    assert_eq!(parsed.replaced.len(), 2);
    for r in &parsed.replaced {
        assert!(
            r.given.chars().count() <= 41,
            "{} quoted {:?}",
            r.key,
            r.given
        );
        assert!(r.given.ends_with('…'), "{:?}", r.given);
    }
}

#[test]
fn the_last_repeated_key_wins() {
    assert_eq!(Params::from_query("mu=0.3&mu=0.25").params.mu, 0.25);
}

#[test]
fn every_key_is_written() {
    let q = Params::default().to_query();
    // z0data is written only when z0=data (see the next test): an empty value says nothing;
    // lang only when the link chose a language (the reader's language is not state), and
    // workers only when the link forces a number (nor are the reader's cores).
    for spec in SPECS
        .iter()
        .filter(|s| !["z0data", "lang", "workers"].contains(&s.key))
    {
        assert!(
            q.contains(&format!("{}=", spec.key)),
            "{q} lacks {}",
            spec.key
        );
    }
    assert_eq!(
        q,
        "mu=0.1&lr=1e-3&epochs=25000&n=100&z0min=-10&z0max=10&beta1=0.9&beta2=0.999&eps=1e-7&play=3&view=live&smin=0.02&smax=1&scount=10&present=0&embed=0&quiz=0&warm=0&hide=&tour=0&opt=adam&compare=none&decay=none&z0=linspace&seed=1&c=1&fit=l1&delta=1&w=uniform&tlambda=2&tcap=3"
    );
    assert!(!q.contains("z0data"));
    let forced = Params::from_query("workers=2").params;
    assert_eq!(forced.workers, 2);
    assert!(forced.to_query().ends_with("&workers=2"));
    assert!(!forced.shared().to_query().contains("workers"));
    assert!(!forced.to_json().contains("workers"));
    let data = Params::from_query("z0=data&z0data=AQAAIMEAACBB__8AAA").params;
    assert_eq!(data.z0data, [10.0, -10.0]);
    assert_eq!(data.n, 2);
    assert!(data
        .to_query()
        .contains("&z0=data&z0data=AQAAIMEAACBB__8AAA&"));
}

#[test]
fn sweep_keys_and_their_defaults() {
    let p = Params::from_query("view=sweep").params;
    assert_eq!(p.view, View::Sweep);
    assert_eq!(p.sweep_mus(), reglab::core::logspace(0.02, 1.0, 10));
    let parsed = Params::from_query("smin=2&smax=1&scount=500&view=3d");
    let keys: Vec<&str> = parsed.replaced.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["view", "scount", "smin", "smax"]);
    assert_eq!(parsed.params, Params::default());
}

#[test]
fn json_export_is_a_link() {
    let p = Params::from_query("mu=0.25&play=instant&view=sweep&eps=1e-8").params;
    let json: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
    let query: Vec<String> = json
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| {
            format!(
                "{k}={}",
                v.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| v.to_string())
            )
        })
        .collect();
    let back = Params::from_query(&query.join("&"));
    assert!(back.replaced.is_empty(), "{:?}", back.replaced);
    assert_eq!(back.params, p);
    assert_eq!(json["mu"], 0.25);
    assert_eq!(json["play"], "instant");
}

#[test]
fn older_links_still_open_with_a_notice() {
    let parsed = Params::from_query("lambda=0.25&steps=5000&theme=dark&lr=2e-3");
    assert!(parsed.replaced.is_empty());
    assert_eq!(
        (parsed.params.mu, parsed.params.epochs, parsed.params.lr),
        (0.25, 5000, 2e-3)
    );
    let keys: Vec<&str> = parsed.legacy.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["lambda", "steps", "theme"]);
    assert_eq!(parsed.legacy[0].used, "mu=0.25");
    assert_eq!(parsed.legacy[2].used, "ignored");
    // The new key wins over the old one when a link has both.
    assert_eq!(Params::from_query("lambda=0.25&mu=0.5").params.mu, 0.5);
}

#[test]
fn classroom_links_hide_panels_and_present() {
    let p = Params::from_query("present=1&hide=loss,explain,loss&tour=2").params;
    assert!(p.present);
    assert_eq!(p.hide, ["explain", "loss"]);
    assert_eq!(p.tour, 2);
    let bad = Params::from_query("hide=loss,<script>&present=2");
    assert_eq!(bad.replaced.len(), 2);
    assert!(bad.params.hide.is_empty() && !bad.params.present);
}

/// An unknown word in a link is reported when the link is read, naming its key, and the
/// setting falls back to its default: nothing later parses the word again.
#[test]
fn unknown_words_are_reported_at_parse_time() {
    let parsed = Params::from_query(
        "opt=lbfgs&compare=newton&decay=cosine&z0=zigzag&fit=cauchy&w=heavy&mu=0.3",
    );
    let keys: Vec<&str> = parsed.replaced.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["opt", "compare", "decay", "z0", "fit", "w"]);
    let d = Params::default();
    assert_eq!(
        parsed.params,
        Params {
            mu: 0.3,
            ..d.clone()
        }
    );
    let opt = &parsed.replaced[0];
    assert_eq!(opt.given, "lbfgs");
    assert_eq!(opt.used, "adam");
    assert_eq!(
        opt.reason,
        "not one of adam, sgd, momentum, nesterov, rmsprop, adagrad, prox"
    );
    let z0 = &parsed.replaced[3];
    assert_eq!(z0.reason, "not one of linspace, noise, steps, sine, data");
    assert_eq!(z0.used, "linspace");
}
