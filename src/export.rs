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

/// CSV of a run's loss history: `epoch,fit,reg,total,grad_norm,err_inf`, one row per epoch.
/// (A run longer than [`crate::core::history::FULL_RESOLUTION`] epochs is kept in buckets of w
/// epochs; its rows are then one per bucket, at the bucket's last epoch, with the bucket's
/// largest values, so no spike is lost.)
pub fn loss_csv(h: &crate::core::History) -> String {
    let mut out = String::from("epoch,fit,reg,total,grad_norm,err_inf\n");
    let total_epochs = h.total.epochs();
    for k in 0..h.total.len() {
        let epoch = h.total.bucket_end_epoch(k).min(total_epochs);
        let row = [&h.fit, &h.reg, &h.total, &h.grad_norm, &h.err_inf].map(|s| num(s.max[k]));
        out.push_str(&format!("{epoch},{}\n", row.join(",")));
    }
    out
}

/// CSV of a sweep: `mu,dim,z0,z,z_star`, one row per μ and coordinate.
pub fn sweep_csv(z0: &[f32], centre: f64, rows: &[crate::core::SweepRow]) -> String {
    let mut out = String::from("mu,dim,z0,z,z_star\n");
    for row in rows {
        let z_star =
            crate::core::analytic::clamp_solution(z0, crate::core::Band::for_mu(row.mu, centre));
        for (i, ((a, b), c)) in z0.iter().zip(&row.z).zip(&z_star).enumerate() {
            out.push_str(&format!(
                "{},{i},{},{},{}\n",
                row.mu,
                num(*a),
                num(*b),
                num(*c)
            ));
        }
    }
    out
}
