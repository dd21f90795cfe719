use reglab::core::{Adam, AdamConfig, History, Problem};
use std::time::Instant;
fn main() {
    let p = Problem::seed(0.1);
    let n = 200_000u64;
    for record in [false, true] {
        let mut z = p.initial_z();
        let mut adam = Adam::new(AdamConfig::default(), p.padded_len());
        let mut h = History::new(n);
        let t = Instant::now();
        let mut acc = 0.0;
        for _ in 0..n {
            let s = adam.step(&p, &mut z);
            if record { h.push(&s); }
            acc += s.total;
        }
        println!("record={record}: {:.3} us/epoch ({acc})", t.elapsed().as_secs_f64() * 1e6 / n as f64);
    }
}
