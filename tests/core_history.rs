//! History stays bounded and honest: every epoch for seed-sized runs, min/max buckets (spikes
//! survive) for huge ones.

use reglab::core::history::{Series, BUCKETS, FULL_RESOLUTION};
use reglab::core::{AdamConfig, Problem, Run};

#[test]
fn seed_runs_keep_every_epoch() {
    let mut run = Run::new(Problem::seed(0.1), AdamConfig::default(), 25_000);
    run.finish();
    let h = run.history();
    assert_eq!(h.total.width, 1);
    assert_eq!(h.total.len(), 25_000);
    assert_eq!(h.fit.min, h.fit.max());
}

#[test]
fn a_seed_run_records_into_the_memory_reserved_for_it() {
    // Every series is reserved for the planned epochs up front, so the per-epoch path never
    // copies a series to grow it (see Series::new).
    let reserved =
        |h: &reglab::core::History| h.series().map(|s| (s.min.capacity(), s.min.as_ptr()));
    let mut run = Run::new(Problem::seed(0.1), AdamConfig::default(), 25_000);
    let before = reserved(run.history());
    assert!(before.iter().all(|&(cap, _)| cap >= 25_000), "{before:?}");
    run.finish();
    let after = reserved(run.history());
    assert_eq!(before, after, "a series was reallocated while recording");
    let h = run.history();
    for s in h.series() {
        assert_eq!(s.len(), 25_000);
    }
}

#[test]
fn a_million_epochs_keep_a_few_thousand_points() {
    let mut run = Run::new(
        Problem::new(&[-3.0, 0.5, 4.0], 0.3, 1.0).unwrap(),
        AdamConfig::default(),
        1_000_000,
    );
    run.finish();
    let h = run.history();
    for s in h.series() {
        assert!(s.len() <= 2 * BUCKETS as usize, "{} buckets", s.len());
        assert!(s.len() >= BUCKETS as usize / 2);
        assert_eq!(
            s.bucket_end_epoch(s.len() - 1),
            1_000_000.max(s.width * s.len() as u64)
        );
    }
}

#[test]
fn a_spike_survives_decimation() {
    let mut s = Series::new(1_000_000);
    for epoch in 1..=1_000_000u64 {
        s.push(if epoch == 654_321 {
            1e9
        } else {
            1.0 + (epoch % 7) as f32
        });
    }
    assert!(s.len() <= 2 * BUCKETS as usize);
    assert_eq!(s.max().iter().copied().fold(0.0, f32::max), 1e9);
    assert_eq!(s.min.iter().copied().fold(f32::INFINITY, f32::min), 1.0);
    let k = s.max().iter().position(|&x| x == 1e9).unwrap();
    let end = s.bucket_end_epoch(k);
    assert!(end >= 654_321 && end - s.width < 654_321);
}

#[test]
fn outgrowing_the_plan_compacts_instead_of_growing() {
    let mut s = Series::new(100);
    for i in 0..(3 * FULL_RESOLUTION) {
        s.push(i as f32);
    }
    assert!(s.len() <= 2 * BUCKETS as usize, "{}", s.len());
    assert_eq!(*s.max().last().unwrap(), (3 * FULL_RESOLUTION - 1) as f32);
    assert_eq!(s.min[0], 0.0);
}

#[test]
fn decimated_copies_keep_extremes_and_epoch_count() {
    let mut s = Series::new(25_000);
    for epoch in 1..=12_345u64 {
        s.push(if epoch == 777 { -5.0 } else { epoch as f32 });
    }
    for limit in [1, 2, 100, 1_000, 5_000, 20_000] {
        let d = s.decimated(limit);
        assert!(d.len() <= limit, "{limit}: {}", d.len());
        assert_eq!(d.epochs(), 12_345, "limit {limit}");
        assert_eq!(d.min.iter().copied().fold(f32::INFINITY, f32::min), -5.0);
        assert_eq!(d.max().iter().copied().fold(0.0, f32::max), 12_345.0);
    }
}

/// Each bucket of a decimated copy is the min and max of exactly the epochs it covers (as many
/// pairwise merges would give, in one pass), for lengths that are and are not powers of two.
#[test]
fn decimated_buckets_cover_exactly_their_epochs() {
    for len in [1usize, 2, 3, 5, 64, 100, 1_000, 4_097, 12_345, 25_000] {
        let value = |e: usize| ((e * 7_919) % 1_009) as f32 - 500.0;
        let mut s = Series::new(25_000);
        (0..len).for_each(|e| s.push(value(e)));
        for limit in [1, 3, 100, 4_096] {
            let d = s.decimated(limit);
            let w = d.width as usize;
            assert!(
                d.len() <= limit.max(len.min(limit)),
                "len {len} limit {limit}"
            );
            assert!(w.is_power_of_two() && (w == 1 || len.div_ceil(w / 2) > limit));
            assert_eq!(d.epochs(), len as u64, "len {len} limit {limit}");
            for k in 0..d.len() {
                let covered: Vec<f32> = (k * w..((k + 1) * w).min(len)).map(value).collect();
                let lo = covered.iter().copied().fold(f32::INFINITY, f32::min);
                let hi = covered.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                assert_eq!(
                    (d.min[k], d.max()[k]),
                    (lo, hi),
                    "len {len} limit {limit} bucket {k}"
                );
            }
        }
    }
}

/// A diverging epoch (NaN) is never hidden, by a bucket or by a merge.
#[test]
fn a_nan_survives_decimation() {
    let mut s = Series::new(25_000);
    (1..=10_000).for_each(|e| s.push(if e == 4_321 { f32::NAN } else { e as f32 }));
    let d = s.decimated(100);
    assert_eq!(d.min.iter().filter(|v| v.is_nan()).count(), 1);
    assert_eq!(d.max().iter().filter(|v| v.is_nan()).count(), 1);
}
