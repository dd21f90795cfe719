#![cfg(target_arch = "wasm32")]
//! In-browser tests (headless Chromium through wasm-bindgen-test-runner):
//! - the page ⇄ worker protocol round-trips every message variant through the real codec;
//! - chart 1 draws real, non-blank pixels in the expected colours into a laid-out canvas.
//!
//! Run: `cargo test --target wasm32-unknown-unknown --test web` (see scripts/test.sh).

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::HtmlCanvasElement;

use reglab::core::analytic::clamp_solution;
use reglab::core::{linspace, AdamConfig, Band};
#[cfg(feature = "test-hooks")]
use reglab::protocol::Fault;
use reglab::protocol::{
    decode, encode, FromWorker, LossRow, RunResult, Snapshot, SweepResult, ToWorker, WorkTiming,
};
use reglab::spec::{RunSpec, SweepSpec};
use reglab::ui::charts::z_chart::{draw_z_chart, ZChart};
use reglab::ui::palette::Palette;
use reglab::worker::job::{Job, SweepJob, Task};

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------------------------------------
// History merges: the wasm vector pass picks what the scalar pass picks, to the bit
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn vector_merge_pass_equals_the_scalar_pass_bit_for_bit() {
    use reglab::core::history::halve_pass;
    // Values where a pick can go wrong: NaNs (two payloads, both signs), ±0, ±∞, subnormals,
    // ties, and ordinary numbers.
    let special = [
        f32::NAN,
        -f32::NAN,
        f32::from_bits(0x7fc0_1234),
        0.0,
        -0.0,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::from_bits(1),
        -f32::from_bits(1),
        f32::MIN_POSITIVE,
        1.0,
        1.0,
        -3.5,
    ];
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut checked = 0;
    for len in (0..70).chain([1_001, 25_000]) {
        let v: Vec<f32> = (0..len)
            .map(|_| {
                let r = next();
                if r % 3 == 0 {
                    special[(r >> 8) as usize % special.len()]
                } else {
                    ((r >> 11) as f64 / (1u64 << 53) as f64 * 200.0 - 100.0) as f32
                }
            })
            .collect();
        for high in [false, true] {
            let bits = |x: Vec<f32>| x.into_iter().map(f32::to_bits).collect::<Vec<_>>();
            assert_eq!(
                bits(halve_pass(&v, high, true)),
                bits(halve_pass(&v, high, false)),
                "length {len}, high {high}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 144);
}

// ---------------------------------------------------------------------------------------------
// Protocol
// ---------------------------------------------------------------------------------------------

/// A small but real run: seed-like problem, few epochs so the test stays quick, snapshots on.
fn spec() -> RunSpec {
    RunSpec {
        mu: 0.1,
        epochs: 2_000,
        snapshots: 8,
        ..reglab::link::Params::default().run_spec(0)
    }
}

/// What a worker measures of a task's compute (non-default, so a codec that dropped it shows).
const TIMING: WorkTiming = WorkTiming {
    slices: 3,
    calls: 17,
    longest_call_ms: 0.25,
    workers: 2,
};

/// A RunResult produced by the real job code, exactly as the worker would produce it.
fn real_result() -> RunResult {
    let mut job = Job::new(7, spec()).expect("a valid spec builds a job");
    let mut slices = 0;
    while !job.work(u64::MAX) {
        slices += 1;
        assert!(slices < 1_000, "the job never finished");
    }
    let result = job.result(1.5, TIMING);
    assert_eq!(result.run, 7);
    assert_eq!(result.epoch, 2_000);
    assert_eq!(result.elapsed_ms, 1.5);
    assert_eq!(result.z.len(), 100);
    assert!(
        result.snapshots.len() >= 2,
        "asked for snapshots, got {}",
        result.snapshots.len()
    );
    assert!(result.z.iter().all(|x| x.is_finite()));
    result
}

/// Names every variant; no wildcard arm, so adding a variant breaks compilation here until the
/// round-trip test below covers it.
fn to_worker_variant(m: &ToWorker) -> &'static str {
    match m {
        ToWorker::Start { .. } => "Start",
        ToWorker::Sweep { .. } => "Sweep",
        ToWorker::Continue { .. } => "Continue",
        ToWorker::LossCsv { .. } => "LossCsv",
        ToWorker::Stop { .. } => "Stop",
        ToWorker::Part { .. } => "Part",
        #[cfg(feature = "test-hooks")]
        ToWorker::Debug(_) => "Debug",
    }
}
/// The fault message exists only in builds with the `test-hooks` feature.
#[cfg(feature = "test-hooks")]
const TO_WORKER_VARIANTS: &[&str] = &[
    "Start", "Sweep", "Continue", "LossCsv", "Stop", "Part", "Debug",
];
#[cfg(not(feature = "test-hooks"))]
const TO_WORKER_VARIANTS: &[&str] = &["Start", "Sweep", "Continue", "LossCsv", "Stop", "Part"];

/// Same for the worker's messages.
fn from_worker_variant(m: &FromWorker) -> &'static str {
    match m {
        FromWorker::Ready => "Ready",
        FromWorker::Progress { .. } => "Progress",
        FromWorker::Done(_) => "Done",
        FromWorker::SweepProgress { .. } => "SweepProgress",
        FromWorker::SweepDone(_) => "SweepDone",
        FromWorker::File { .. } => "File",
        FromWorker::Error { .. } => "Error",
        FromWorker::Share(_) => "Share",
    }
}

/// A message as it reads back from the wire: an answer's spec is not on it (the page puts
/// back the one it sent).
fn as_received(m: &FromWorker) -> FromWorker {
    match m.clone() {
        FromWorker::Done(mut r) => {
            r.spec = RunSpec::unsent();
            FromWorker::Done(r)
        }
        FromWorker::SweepDone(mut r) => {
            r.spec = SweepSpec::unsent();
            FromWorker::SweepDone(r)
        }
        other => other,
    }
}
const FROM_WORKER_VARIANTS: &[&str] = &[
    "Ready",
    "Progress",
    "Done",
    "SweepProgress",
    "SweepDone",
    "File",
    "Error",
    "Share",
];

/// A real sweep result, computed by the worker's own task.
fn real_sweep() -> SweepResult {
    let sweep = SweepSpec {
        base: RunSpec {
            epochs: 500,
            snapshots: 0,
            ..spec()
        },
        mus: vec![0.05, 0.5],
    };
    let mut task: Box<dyn Task> = Box::new(SweepJob::new(11, sweep).expect("a valid sweep"));
    while !task.work(u64::MAX) {}
    match task.finish(2.5, TIMING) {
        FromWorker::SweepDone(r) => *r,
        other => panic!("a sweep answers with SweepDone, got {other:?}"),
    }
}

fn round_trip<T>(message: &T) -> T
where
    T: serde::Serialize + serde::de::DeserializeOwned + std::fmt::Debug,
{
    let bytes = encode(message);
    decode::<T>(&bytes).unwrap_or_else(|e| panic!("{message:?} encoded as {bytes:?} fails: {e}"))
}

#[wasm_bindgen_test]
fn protocol_round_trips_every_variant() {
    let result = real_result();

    let to_worker = vec![
        ToWorker::Start {
            run: 3,
            spec: spec(),
            workers: 1,
        },
        ToWorker::Start {
            workers: 16,
            run: u64::MAX,
            spec: RunSpec {
                mu: 0.0,
                snapshots: 0,
                ..spec()
            },
        },
        ToWorker::Start {
            run: 3,
            spec: RunSpec {
                z0: reglab::spec::Z0Spec::Values(vec![-2.5, 0.0, f32::MAX, 7.25]),
                fit: reglab::core::variants::Fit::PseudoHuber { delta: 0.5 },
                weights: reglab::spec::Weights::Tournesol {
                    lambda: 2.0,
                    cap: 3.0,
                },
                seed: u64::from(u32::MAX),
                centre: -1.5,
                ..spec()
            },
            workers: 2,
        },
        ToWorker::Continue {
            run: 6,
            spec: spec(),
            z: result.z.clone(),
            workers: 3,
        },
        ToWorker::Sweep {
            run: 4,
            spec: SweepSpec {
                base: spec(),
                mus: vec![0.0, 0.02, 1.0, 1e6],
            },
        },
        ToWorker::LossCsv {
            run: 5,
            spec: spec(),
        },
        ToWorker::Stop { run: 3 },
        ToWorker::Stop { run: 0 },
    ];
    #[cfg(feature = "test-hooks")]
    let to_worker = {
        let mut all = to_worker;
        all.extend([ToWorker::Debug(Fault::Crash), ToWorker::Debug(Fault::Hang)]);
        all
    };
    let from_worker = vec![
        FromWorker::Ready,
        FromWorker::Progress {
            run: 7,
            epoch: 1_234,
            epochs: 25_000,
            elapsed_ms: 98.765_432_1,
            wasm_bytes: 1_114_112,
        },
        FromWorker::Done(Box::new(result.clone())),
        FromWorker::SweepProgress {
            run: 8,
            done: 3,
            total: 10,
            elapsed_ms: 12.5,
        },
        FromWorker::SweepDone(Box::new(real_sweep())),
        FromWorker::File {
            run: 9,
            mu: 0.02,
            epochs: 25_000,
            rows: vec![
                LossRow {
                    epoch: 1,
                    fit: 505.050_5,
                    reg: 100.0,
                    total: 507.050_5,
                    grad_norm: 12.5,
                    err_inf: 9.0,
                },
                LossRow {
                    epoch: 25_000,
                    fit: f32::MAX,
                    reg: f32::MIN_POSITIVE,
                    total: f32::INFINITY,
                    grad_norm: -0.0,
                    err_inf: 1e-30,
                },
            ],
        },
        FromWorker::Error {
            run: Some(7),
            message: "μ must be ≥ 0 — \"quoted\"\nnew line".into(),
        },
        FromWorker::Error {
            run: None,
            message: String::new(),
        },
    ];

    for m in &to_worker {
        assert_eq!(&round_trip(m), m);
    }
    for m in &from_worker {
        assert_eq!(round_trip(m), as_received(m));
    }
    // A coordinating worker's messages to and from its helpers, which it writes and reads by
    // hand (protocol::part_of, protocol::helper_said).
    let request = reglab::protocol::encode(&to_worker[0]);
    let part = reglab::protocol::part_of(&request, 56, 100);
    let part = reglab::protocol::decode::<ToWorker>(&part).unwrap();
    assert_eq!(
        part,
        ToWorker::Part {
            from: 56,
            to: 100,
            request
        }
    );
    let share = reglab::protocol::Share {
        run: 3,
        done: true,
        values: vec![1.5, f32::INFINITY, -0.0],
    };
    let said =
        reglab::protocol::helper_said(&reglab::protocol::encode(&FromWorker::Share(share.clone())));
    assert_eq!(said, reglab::protocol::HelperSaid::Share(share.clone()));
    let to_worker: Vec<ToWorker> = to_worker.into_iter().chain([part]).collect();
    let from_worker: Vec<FromWorker> = from_worker
        .into_iter()
        .chain([FromWorker::Share(share)])
        .collect();

    // Every variant was exercised (the matches above are exhaustive, so a new variant must be
    // added both to the list and to the samples).
    let mut seen: Vec<_> = to_worker.iter().map(to_worker_variant).collect();
    seen.sort_unstable();
    seen.dedup();
    let mut all = TO_WORKER_VARIANTS.to_vec();
    all.sort_unstable();
    assert_eq!(seen, all, "ToWorker variants not round-tripped");
    let mut seen: Vec<_> = from_worker.iter().map(from_worker_variant).collect();
    seen.sort_unstable();
    seen.dedup();
    let mut all = FROM_WORKER_VARIANTS.to_vec();
    all.sort_unstable();
    assert_eq!(seen, all, "FromWorker variants not round-tripped");

    // The real result itself, and its snapshots, survive on their own too.
    assert_eq!(
        round_trip(&result),
        RunResult {
            spec: RunSpec::unsent(),
            ..result.clone()
        }
    );
    for s in &result.snapshots {
        assert_eq!(&round_trip(s), s);
    }
    assert!(!result.snapshots.is_empty());
    assert_eq!(result.history.total.len(), 2_000, "one loss per epoch");
}

/// Non-finite values in z (and snapshots) travel as null and come back as NaN; finite values are
/// unchanged.
#[wasm_bindgen_test]
fn non_finite_z_survives_as_nan() {
    let mut result = real_result();
    let originals = [f32::NAN, f32::INFINITY, f32::NEG_INFINITY];
    result.z[0] = f32::NAN;
    result.z[1] = f32::INFINITY;
    result.z[2] = f32::NEG_INFINITY;
    result.z[50] = -0.0;
    result.z[99] = f32::MAX;
    result.snapshots.push(Snapshot {
        epoch: 2_001,
        z: vec![1.0, f32::NAN, f32::INFINITY, -2.5, f32::NEG_INFINITY],
    });

    let bytes = encode(&FromWorker::Done(Box::new(result.clone())));
    let says = |word: &[u8]| bytes.windows(word.len()).any(|w| w == word);
    assert!(
        !says(b"NaN") && !says(b"Infinity"),
        "non-finite values must not be written as such: {:?}",
        &bytes[..bytes.len().min(300)]
    );
    let back = match decode::<FromWorker>(&bytes) {
        Ok(FromWorker::Done(r)) => *r,
        other => panic!("expected Done, got {other:?}"),
    };

    let check = |sent: &[f32], got: &[f32], what: &str| {
        assert_eq!(sent.len(), got.len(), "{what}: length");
        for (i, (&a, &b)) in sent.iter().zip(got).enumerate() {
            if a.is_finite() {
                assert_eq!(
                    a.to_bits(),
                    b.to_bits(),
                    "{what}[{i}]: {a} came back as {b}"
                );
            } else {
                assert!(b.is_nan(), "{what}[{i}]: {a} came back as {b}, not NaN");
            }
        }
    };
    check(&result.z, &back.z, "z");
    assert_eq!(result.snapshots.len(), back.snapshots.len());
    for (s, b) in result.snapshots.iter().zip(&back.snapshots) {
        assert_eq!(s.epoch, b.epoch);
        check(&s.z, &b.z, "snapshot z");
    }
    for (i, v) in originals.iter().enumerate() {
        assert!(!v.is_finite());
        assert!(back.z[i].is_nan());
    }
    // Everything else is untouched.
    assert_eq!(back.run, result.run);
    // Not on the wire: the page puts back the spec it sent (ui::client).
    assert_eq!(back.spec, RunSpec::unsent());
    assert_eq!(back.epoch, result.epoch);
    assert_eq!(back.reason, result.reason);
    assert_eq!(back.err_inf.to_bits(), result.err_inf.to_bits());
    assert_eq!(back.elapsed_ms, result.elapsed_ms);
    assert_eq!(back.timing, result.timing);
    assert_eq!(back.history, result.history);
}

/// Runs that really diverge (a huge learning rate: z turns NaN at epoch 2) reach the page intact
/// as Done with StopReason::Diverged.
#[wasm_bindgen_test]
fn diverged_runs_round_trip() {
    for (lr, beta1, beta2, eps, mu, epochs) in [
        (1e30, 0.9, 0.999, 1e-7, 0.1, 100),
        (1e20, 0.9, 0.999, 1e-7, 1e6, 100),
    ] {
        let spec = RunSpec {
            mu,
            adam: AdamConfig {
                lr,
                beta1,
                beta2,
                eps,
            },
            epochs,
            snapshots: 4,
            ..spec()
        };
        let mut job = Job::new(9, spec).unwrap();
        while !job.work(u64::MAX) {}
        let result = job.result(2.0, TIMING);
        assert!(
            matches!(result.reason, reglab::core::StopReason::Diverged { .. }),
            "lr {lr}: expected a divergence, got {:?}",
            result.reason
        );
        let bytes = encode(&FromWorker::Done(Box::new(result.clone())));
        let back = match decode::<FromWorker>(&bytes) {
            Ok(FromWorker::Done(r)) => *r,
            other => panic!("lr {lr}: a diverged run does not decode: {other:?}"),
        };
        assert_eq!(back.reason, result.reason);
        assert_eq!(back.epoch, result.epoch);
        assert_eq!(back.history, result.history, "history must stay finite");
        assert_eq!(
            back.err_inf.is_nan(),
            !result.err_inf.is_finite(),
            "a diverged ‖z − z*‖∞ reads NaN, never 0"
        );
        assert_eq!(back.z.len(), result.z.len());
        for (a, b) in result.z.iter().zip(&back.z) {
            assert!(a.to_bits() == b.to_bits() || (!a.is_finite() && b.is_nan()));
        }
    }
}

#[wasm_bindgen_test]
fn garbage_does_not_decode() {
    for text in [
        "garbage",
        "",
        "{}",
        "null",
        "{\"Start\":{\"run\":1}}",
        "{\"Stop\":{\"run\":-1}}",
        "{\"Launch\":{\"run\":1}}",
        "\"Ready\"", // a FromWorker, not a ToWorker
    ] {
        assert!(
            decode::<ToWorker>(text.as_bytes()).is_err(),
            "{text:?} decoded as a ToWorker"
        );
    }
    assert!(decode::<FromWorker>(b"garbage").is_err());
    assert!(decode::<FromWorker>(b"{\"Done\":{}}").is_err());
    // The error is readable text.
    let e = decode::<ToWorker>(b"garbage").unwrap_err();
    assert!(e.to_string().starts_with("bad message"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Chart pixels
// ---------------------------------------------------------------------------------------------

/// A canvas laid out at 640×360 CSS px, appended to the body.
fn laid_out_canvas() -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    canvas
        .set_attribute("style", "display:block;width:640px;height:360px")
        .unwrap();
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

/// The canvas' RGBA bytes, through getImageData (called by reflection: web-sys' `ImageData`
/// feature is not enabled).
fn pixels(canvas: &HtmlCanvasElement) -> Result<(u32, u32, Vec<u8>), JsValue> {
    let ctx = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?;
    let get: js_sys::Function = js_sys::Reflect::get(&ctx, &"getImageData".into())?.dyn_into()?;
    let args = js_sys::Array::of4(
        &0.into(),
        &0.into(),
        &canvas.width().into(),
        &canvas.height().into(),
    );
    let image = get.apply(&ctx, &args)?;
    let data: js_sys::Uint8ClampedArray =
        js_sys::Reflect::get(&image, &"data".into())?.dyn_into()?;
    Ok((canvas.width(), canvas.height(), data.to_vec()))
}

fn near(px: &[u8], (r, g, b): (u8, u8, u8), tol: i32) -> bool {
    (i32::from(px[0]) - i32::from(r)).abs() <= tol
        && (i32::from(px[1]) - i32::from(g)).abs() <= tol
        && (i32::from(px[2]) - i32::from(b)).abs() <= tol
        && px[3] > 200
}

struct Census {
    total: usize,
    non_background: usize,
    learned: usize,
    optimum: usize,
}

fn census(rgba: &[u8], palette: &Palette) -> Census {
    let rgb = |c: plotters::style::RGBColor| (c.0, c.1, c.2);
    let mut out = Census {
        total: rgba.len() / 4,
        non_background: 0,
        learned: 0,
        optimum: 0,
    };
    for px in rgba.chunks_exact(4) {
        if !near(px, rgb(palette.background), 2) {
            out.non_background += 1;
        }
        // The points are opaque: their colour shows as is (up to antialiasing).
        if near(px, rgb(palette.learned), 12) {
            out.learned += 1;
        }
        // The z* line is drawn at 90 % opacity, so it shows as vermillion blended with 10 % of
        // whatever lies below (white, the band's tint, a blue point): up to ~26 off per channel.
        if near(px, rgb(palette.optimum), 32) {
            out.optimum += 1;
        }
    }
    out
}

#[wasm_bindgen_test]
fn z_chart_draws_band_points_and_optimum() {
    let canvas = laid_out_canvas();
    let mu = 0.1;
    let z0 = linspace(-10.0, 10.0, 100);
    let band = Band::for_mu(mu, 1.0);
    assert_eq!(band, Some(Band { lo: -4.0, hi: 6.0 }));
    let z_star = clamp_solution(&z0, band);
    let z = z_star.clone();
    let palette = Palette::LIGHT;

    let drawn = draw_z_chart(
        &canvas,
        &ZChart {
            z0: &z0,
            z: &z,
            z_star: &z_star,
            band,
            bands: None,
            star_label: "z* = clamp(z0, band)",
            mu,
            annotate: true,
            compare: None,
        },
        &palette,
    );
    assert_eq!(drawn, Ok(()));

    let dpr = web_sys::window()
        .unwrap()
        .device_pixel_ratio()
        .clamp(1.0, 4.0);
    let (w, h, rgba) = pixels(&canvas).expect("getImageData works");
    assert_eq!(
        w,
        (640.0 * dpr).round() as u32,
        "the bitmap fits the CSS box"
    );
    assert_eq!(h, (360.0 * dpr).round() as u32);
    assert_eq!(rgba.len(), (w * h * 4) as usize);

    let c = census(&rgba, &palette);
    let frac = c.non_background as f64 / c.total as f64;
    console_log!(
        "μ = 0.1 chart: {w}×{h}, {:.1} % drawn, {} blue, {} vermillion pixels",
        frac * 100.0,
        c.learned,
        c.optimum
    );
    // The band alone covers about half of the plot area.
    assert!(
        frac > 0.15,
        "only {:.1} % of pixels differ from the background",
        frac * 100.0
    );
    assert!(
        frac < 0.95,
        "{:.1} % non-background: not a chart",
        frac * 100.0
    );
    // 100 filled circles of radius ≥ 3 px. Here z = z*, and the z* line is drawn over the
    // points, so only their rims show: still well over a hundred pixels.
    assert!(c.learned > 100, "learned-z blue pixels: {}", c.learned);
    // A 2 px line across the plot: several hundred pixels of vermillion.
    assert!(c.optimum > 200, "z* vermillion pixels: {}", c.optimum);

    // Without the caption and legend (as the page draws it) the same data still shows.
    let drawn = draw_z_chart(
        &canvas,
        &ZChart {
            z0: &z0,
            z: &z,
            z_star: &z_star,
            band,
            bands: None,
            star_label: "z* = clamp(z0, band)",
            mu,
            annotate: false,
            compare: None,
        },
        &palette,
    );
    assert_eq!(drawn, Ok(()));
    let (_, _, plain) = pixels(&canvas).expect("getImageData works");
    let p = census(&plain, &palette);
    console_log!(
        "μ = 0.1 chart without annotations: {} drawn pixels (annotated: {}), {} blue, {} vermillion",
        p.non_background,
        c.non_background,
        p.learned,
        p.optimum
    );
    assert!(
        p.learned > 100 && p.optimum > 200,
        "data missing without annotations"
    );
    assert!(plain != rgba, "annotate changes the picture");

    canvas.remove();
}

#[wasm_bindgen_test]
fn z_chart_draws_without_a_band_at_mu_zero() {
    let canvas = laid_out_canvas();
    let z0 = linspace(-10.0, 10.0, 100);
    let band = Band::for_mu(0.0, 1.0);
    assert_eq!(band, None);
    let z_star = clamp_solution(&z0, band);
    assert_eq!(z_star, z0);
    // A learned z that is not quite z0 yet, with one diverged coordinate (must be skipped).
    let mut z: Vec<f32> = z0.iter().map(|x| 0.9 * x).collect();
    z[3] = f32::NAN;
    let palette = Palette::LIGHT;

    let drawn = draw_z_chart(
        &canvas,
        &ZChart {
            z0: &z0,
            z: &z,
            z_star: &z_star,
            band,
            bands: None,
            star_label: "z*",
            mu: 0.0,
            annotate: false,
            compare: None,
        },
        &palette,
    );
    assert_eq!(drawn, Ok(()));
    let (_, _, rgba) = pixels(&canvas).expect("getImageData works");
    assert!(!rgba.is_empty());
    let c = census(&rgba, &palette);
    let frac = c.non_background as f64 / c.total as f64;
    console_log!(
        "μ = 0 chart: {:.1} % drawn, {} blue, {} vermillion pixels",
        frac * 100.0,
        c.learned,
        c.optimum
    );
    assert!(frac > 0.02, "blank chart: {:.2} % drawn", frac * 100.0);
    assert!(c.learned > 100, "learned-z blue pixels: {}", c.learned);
    assert!(c.optimum > 50, "z* vermillion pixels: {}", c.optimum);

    canvas.remove();
}

/// A canvas that is not laid out (detached: no size) is skipped without error.
#[wasm_bindgen_test]
fn z_chart_on_a_detached_canvas_is_a_no_op() {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    let z0 = linspace(-10.0, 10.0, 10);
    let drawn = draw_z_chart(
        &canvas,
        &ZChart {
            z0: &z0,
            z: &z0,
            z_star: &z0,
            band: None,
            bands: None,
            star_label: "z*",
            mu: 0.0,
            annotate: true,
            compare: None,
        },
        &Palette::LIGHT,
    );
    assert_eq!(drawn, Ok(()));
}

// ---------------------------------------------------------------------------------------------
// The live lab, mounted: μ through the slider and the text field
// ---------------------------------------------------------------------------------------------

fn element<T: JsCast>(root: &web_sys::Element, test_id: &str) -> T {
    root.query_selector(&format!("[data-testid=\"{test_id}\"]"))
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no [data-testid={test_id}] in the mounted lab"))
        .dyn_into::<T>()
        .unwrap_or_else(|_| panic!("[data-testid={test_id}] has another element type"))
}

fn fire(target: &web_sys::HtmlInputElement, kind: &str) {
    // A bubbling event, as a user's input makes (leptos may listen on an ancestor).
    let event = web_sys::Event::new(kind).unwrap();
    event.init_event_with_bubbles(kind, true);
    target.dispatch_event(&event).unwrap();
}

fn explanation(root: &web_sys::Element) -> String {
    root.query_selector(".explain")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// The lab component as the page mounts it: the slider and the exact field both write μ
/// through the one validated setter, and everything showing μ follows; a refused value leaves
/// μ as it was and says so.
#[wasm_bindgen_test]
async fn mounted_lab_moves_mu_by_slider_and_text_field() {
    use leptos::prelude::*;
    use reglab::link::mu_scale::{mu_at, position_of};
    use reglab::ui::lab::Lab;
    use reglab::ui::LiveLab;
    use reglab::view::format::short;
    use std::cell::Cell;
    use std::rc::Rc;
    use web_sys::HtmlInputElement;

    let document = web_sys::window().unwrap().document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let slot = Rc::new(Cell::new(None::<Lab>));
    let put = slot.clone();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        let lab = Lab::start(|| false); // no sweep view on this page
        put.set(Some(lab));
        view! { <LiveLab lab=lab theme=Signal::derive(|| Palette::LIGHT) /> }
    });
    leptos::task::tick().await;
    let lab = slot.get().expect("the lab was made");
    let root: web_sys::Element = container.clone().into();
    let slider: HtmlInputElement = element(&root, "mu-slider");
    let field: HtmlInputElement = element(&root, "mu-input");
    let mu = || lab.params.get_untracked().mu;
    assert_eq!(mu(), 0.1, "the test page's link is empty: the seed's μ");
    assert_eq!(field.value(), "0.1");
    assert_eq!(slider.value(), position_of(0.1).to_string());

    // The slider: its position's μ, shown in the field and the explanation.
    let pos = position_of(0.5);
    slider.set_value(&pos.to_string());
    fire(&slider, "input");
    leptos::task::tick().await;
    assert_eq!(mu(), mu_at(pos));
    assert_eq!(field.value(), short(mu_at(pos)));
    assert!(
        explanation(&root).contains(&format!("With μ = {}", short(mu_at(pos)))),
        "{}",
        explanation(&root)
    );

    // The exact field: μ = 0.25 gives the band 1 ± 2 = [−1, 3], and the slider follows.
    field.set_value("0.25");
    fire(&field, "change");
    leptos::task::tick().await;
    assert_eq!(mu(), 0.25);
    assert_eq!(slider.value(), position_of(0.25).to_string());
    assert!(
        explanation(&root).contains("every z0 in [-1.0000, 3.0000] = 1 ± 1/(2μ)"),
        "{}",
        explanation(&root)
    );
    assert_eq!(
        field.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );

    // A refused value: μ stays, the field says why.
    field.set_value("-3");
    fire(&field, "change");
    leptos::task::tick().await;
    assert_eq!(mu(), 0.25, "a negative μ is refused");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error = root
        .query_selector(".mu-field .field-error")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(error.contains("keeping μ = 0.25"), "{error}");
    drop(handle);
    container.remove();
}

// ---------------------------------------------------------------------------------------------
// Numbers typed or linked: the browser's parser behind Rust's grammar (src/link/decimal.rs)
// ---------------------------------------------------------------------------------------------

/// In the page, `parse_f64` / `parse_f32` are the browser's `parseFloat` behind Rust's grammar:
/// they must give what `str::parse` gives, bit for bit, including on f32 midpoints.
#[wasm_bindgen_test]
fn the_page_reads_numbers_as_str_parse_does() {
    use reglab::link::decimal::{parse_f32, parse_f64};
    let texts = [
        "0.1",
        "-0",
        "1e-3",
        ".5",
        "5.",
        "+2.5E+3",
        "1e400",
        "-1e-400",
        "inf",
        "-Infinity",
        "nan",
        "0.05",
        "3.4028235677973366e38",
        "1.00000005960464477539062", // the midpoint above 1
        "1.000000059604644775390625000000001",
        "1.000000059604644775390624999999999",
        "16777217",
        "123456789012345678901234567890",
        "4.9406564584124654e-324",
        "",
        "1e",
        "0x10",
        " 1",
        "1_0",
        "Infinity ",
        "−1",
    ];
    for text in texts {
        let (want, got) = (text.parse::<f64>().ok(), parse_f64(text));
        assert_eq!(
            want.map(|x| x.is_nan()),
            got.map(|x| x.is_nan()),
            "{text:?}"
        );
        if want.is_some_and(|x| !x.is_nan()) {
            assert_eq!(
                want.map(f64::to_bits),
                got.map(f64::to_bits),
                "f64 {text:?}"
            );
            let want32 = text.parse::<f32>().ok().map(f32::to_bits);
            assert_eq!(want32, parse_f32(text).map(f32::to_bits), "f32 {text:?}");
        }
    }
}
