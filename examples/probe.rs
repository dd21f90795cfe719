use reglab::core::{AdamConfig, Problem, Run};
use std::time::Instant;
fn main() {
    for mu in [0.1, 1.0] {
        let mut run = Run::new(Problem::seed(mu), AdamConfig::default(), 25_000);
        for _ in 0..10 {
            let t = Instant::now();
            run.advance(2500, 0, |_, _| std::ops::ControlFlow::Continue(()));
            print!("{:.2} ", t.elapsed().as_secs_f64() * 1e6 / 2500.0);
        }
        println!(" µs/epoch mu={mu}");
    }
}
