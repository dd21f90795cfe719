//! Text exports of a run. Numbers are written with Rust's shortest round-trip formatting, so an
//! f32 read back from the CSV is bit-for-bit the value the worker computed.

/// CSV of a run, one row per coordinate: `dim,z0,z,z_star` (dim counts from 0).
pub fn run_csv(z0: &[f32], z: &[f32], z_star: &[f32]) -> String {
    let mut out = String::from("dim,z0,z,z_star\n");
    for (i, ((a, b), c)) in z0.iter().zip(z).zip(z_star).enumerate() {
        out.push_str(&format!("{i},{},{},{}\n", num(*a), num(*b), num(*c)));
    }
    out
}

/// A value as CSV text; a non-finite value (a diverged run) is written as `NaN`, `inf`, `-inf`.
fn num(x: f32) -> String {
    format!("{x}")
}
