//! The page ⇄ worker codec natively: a finished run survives it to the bit, its f32 vectors travel
//! as one byte string of 4 little-endian bytes per value (issue 17: no per-value framing), a
//! non-finite z reads back as NaN, and broken bytes are an error, never a panic.

use reglab::core::{History, Series, StopReason};
use reglab::protocol::{decode, encode, FromWorker, RunResult, Snapshot, WorkTiming};

fn spec() -> reglab::spec::RunSpec {
    reglab::link::Params::default().run_spec(0)
}

fn result(z: Vec<f32>, history: History) -> RunResult {
    RunResult {
        run: 3,
        spec: spec(),
        epoch: 25_000,
        reason: StopReason::EpochsDone,
        err_inf: 1e-3,
        elapsed_ms: 12.5,
        snapshots: vec![Snapshot {
            epoch: 0,
            z: z.clone(),
        }],
        z,
        history,
        timing: WorkTiming::default(),
    }
}

fn round_trip(r: &RunResult) -> RunResult {
    match decode::<FromWorker>(&encode(&FromWorker::Done(Box::new(r.clone())))) {
        Ok(FromWorker::Done(back)) => *back,
        other => panic!("expected Done, got {other:?}"),
    }
}

#[test]
fn a_run_survives_the_codec_to_the_bit() {
    let z: Vec<f32> = (0..100).map(|i| (i as f32 * 0.37).sin() * 1e3).collect();
    let mut history = History::new(25_000);
    for e in 0..25_000u32 {
        let x = (e as f32).sqrt();
        for s in [&mut history.fit, &mut history.reg, &mut history.total] {
            s.push(x);
        }
        // A loss that overflows stays +∞ in the history (only z's non-finite values become NaN).
        history
            .grad_norm
            .push(if e == 7 { f32::INFINITY } else { -x });
    }
    let r = result(z, history.decimated(4_096));
    let back = round_trip(&r);
    // The spec is not on the wire: the page puts back the one it sent (ui::client).
    assert_eq!(back.spec, reglab::spec::RunSpec::unsent());
    assert_eq!(
        RunResult {
            spec: r.spec.clone(),
            ..back.clone()
        },
        r
    );
    let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&back.z), bits(&r.z));
    assert_eq!(
        bits(back.history.grad_norm.max()),
        bits(r.history.grad_norm.max())
    );
    assert!(back.history.grad_norm.max().contains(&f32::INFINITY));
}

#[test]
fn f32_vectors_are_four_bytes_each_with_no_framing_per_value() {
    let with = |n: usize| encode(&result(vec![1.5; n], History::new(0))).len();
    // 100 more values in z and in the snapshot: 800 bytes more and a longer length prefix (≤ 2).
    let grown = with(200) - with(100);
    assert!(
        (800..=802).contains(&grown),
        "{grown} bytes for 200 more f32"
    );
}

#[test]
fn a_non_finite_z_reads_back_as_nan() {
    let z = vec![
        f32::NAN,
        f32::INFINITY,
        f32::NEG_INFINITY,
        -0.0,
        f32::MAX,
        f32::MIN_POSITIVE,
    ];
    let back = round_trip(&result(z, History::new(0)));
    assert!(back.z[..3].iter().all(|x| x.is_nan()), "{:?}", back.z);
    assert_eq!(back.z[3].to_bits(), (-0.0f32).to_bits());
    assert_eq!(back.z[4], f32::MAX);
    assert_eq!(back.z[5], f32::MIN_POSITIVE);
    assert!(back.snapshots[0].z[..3].iter().all(|x| x.is_nan()));
}

#[test]
fn broken_bytes_do_not_decode() {
    let good = encode(&FromWorker::Done(Box::new(result(
        vec![2.0; 10],
        History::new(0),
    ))));
    for cut in [1, 2, 3, good.len() / 2, good.len() - 1] {
        assert!(
            decode::<FromWorker>(&good[..cut]).is_err(),
            "{cut} of {} bytes decoded",
            good.len()
        );
    }
    assert!(decode::<FromWorker>(&[]).is_err());
    // A series whose byte string is not a whole number of f32 is refused, not read short.
    let series = Series::new(10);
    let mut bytes = postcard::to_allocvec(&series).unwrap();
    bytes[1] = 3; // the min vector's byte length, 0 → 3
    bytes.splice(2..2, [0, 0, 0]);
    assert!(postcard::from_bytes::<Series>(&bytes).is_err());
}

/// A coordinating worker reads its helpers' messages by their variant index
/// (`protocol::helper_said`): every kind of FromWorker, encoded, must read as what it is.
#[test]
fn a_helper_s_messages_read_as_what_they_are() {
    use reglab::protocol::{helper_said, HelperSaid, Share, SweepResult};
    let said = |m: &FromWorker| helper_said(&encode(m));
    assert_eq!(said(&FromWorker::Ready), HelperSaid::Ready);
    let progress = FromWorker::Progress {
        run: 1,
        epoch: 2,
        epochs: 3,
        elapsed_ms: 4.0,
        wasm_bytes: 5,
    };
    assert_eq!(said(&progress), HelperSaid::Busy);
    let sweeping = FromWorker::SweepProgress {
        run: 1,
        done: 2,
        total: 3,
        elapsed_ms: 4.0,
    };
    assert_eq!(said(&sweeping), HelperSaid::Busy);
    let share = Share {
        run: 4,
        done: true,
        values: vec![1.0, -2.5, f32::INFINITY],
    };
    assert_eq!(
        said(&FromWorker::Share(share.clone())),
        HelperSaid::Share(share)
    );
    let whole = FromWorker::SweepDone(Box::new(SweepResult {
        run: 5,
        spec: reglab::spec::SweepSpec {
            base: spec(),
            mus: vec![],
        },
        rows: vec![],
        elapsed_ms: 1.0,
        timing: WorkTiming::default(),
    }));
    assert_eq!(
        said(&whole),
        HelperSaid::Failed,
        "a helper never answers with a whole sweep"
    );
    let done = FromWorker::Done(Box::new(result(vec![1.0], History::new(10))));
    assert_eq!(
        said(&done),
        HelperSaid::Failed,
        "a helper never answers with a whole run"
    );
    let error = FromWorker::Error {
        run: Some(4),
        message: "no".into(),
    };
    assert_eq!(said(&error), HelperSaid::Failed);
    assert_eq!(helper_said(&[]), HelperSaid::Failed);
    assert_eq!(
        helper_said(&[7, 1]),
        HelperSaid::Failed,
        "a broken block is a failed helper"
    );
}

/// A coordinating worker writes its helpers' requests by hand (`protocol::part_of`, `stop_of`):
/// they must decode as the ToWorker they stand for, the page's request bytes inside unchanged.
#[test]
fn a_helper_s_requests_decode_as_what_they_are() {
    use reglab::protocol::{part_of, stop_of, ToWorker};
    let start = ToWorker::Start {
        run: 12,
        spec: spec(),
        workers: 3,
    };
    let bytes = encode(&start);
    let part = decode::<ToWorker>(&part_of(&bytes, 56, 100)).unwrap();
    assert_eq!(
        part,
        ToWorker::Part {
            from: 56,
            to: 100,
            request: bytes.clone()
        }
    );
    let ToWorker::Part { request, .. } = part else {
        unreachable!()
    };
    assert_eq!(decode::<ToWorker>(&request).unwrap(), start);
    assert_eq!(
        decode::<ToWorker>(&stop_of(300)).unwrap(),
        ToWorker::Stop { run: 300 }
    );
}
