//! Recomputes a run natively and prints its CSV, exactly as the page exports it:
//!   cargo run --release --example run_csv -- 'mu=0.25&epochs=25000'
//! The end-to-end tests compare the page's CSV with this output bit for bit (native and wasm
//! use the same powf: `core::optim::pow`).

use reglab::link::Params;
use reglab::worker::job::{Job, Task};

fn main() {
    let query = std::env::args().nth(1).unwrap_or_default();
    let parsed = Params::from_query(&query);
    for r in &parsed.replaced {
        eprintln!("replaced {}={}: {}", r.key, r.given, r.reason);
    }
    let p = parsed.params;
    let spec = p.run_spec(0);
    let mut job = match Job::new(0, spec.clone()) {
        Ok(job) => job,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    while !job.work(u64::MAX) {}
    let result = job.result(0.0, reglab::protocol::WorkTiming::default());
    let z0 = spec.z0();
    let z_star = spec.reference(p.mu).z_star;
    let w = spec.weights(z0.len());
    print!(
        "{}",
        reglab::view::csv::run_csv(&z0, &result.z, &z_star, &w)
    );
}
