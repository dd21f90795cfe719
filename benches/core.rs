//! Criterion benches of the numeric core: µs per epoch of the seed problem (n = 100, all losses
//! recorded every epoch) and the whole seed sweep (10 μ × 25 000 epochs).
//! Run: `cargo bench --bench core` (or `make bench`).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use reglab::core::{linspace, logspace, run_sweep, AdamConfig, Problem, Run};

const SEED_EPOCHS: u64 = 25_000;

fn seed_run(c: &mut Criterion) {
    let mut group = c.benchmark_group("seed_run");
    group.throughput(Throughput::Elements(SEED_EPOCHS));
    group.measurement_time(Duration::from_secs(5));
    for mu in [0.1, 1.0] {
        group.bench_with_input(BenchmarkId::new("25k_epochs_mu", mu), &mu, |b, &mu| {
            b.iter(|| {
                let mut run = Run::new(Problem::seed(mu), AdamConfig::default(), SEED_EPOCHS);
                black_box(run.finish());
                black_box(run.z()[0])
            })
        });
    }
    group.finish();
}

fn seed_sweep(c: &mut Criterion) {
    let z0 = linspace(-10.0, 10.0, 100);
    let mus = logspace(0.02, 1.0, 10);
    let mut group = c.benchmark_group("seed_sweep");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("10mu_x_25k_epochs", |b| {
        b.iter(|| {
            black_box(run_sweep(
                &z0,
                1.0,
                &mus,
                AdamConfig::default(),
                SEED_EPOCHS,
            ))
        })
    });
    group.finish();
}

criterion_group!(benches, seed_run, seed_sweep);
criterion_main!(benches);
