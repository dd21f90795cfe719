//! Text exports of a run. Numbers are written with Rust's shortest round-trip formatting, so an
//! f32 read back from the CSV is bit-for-bit the value the worker computed.

use crate::protocol::LossRow;

/// CSV of a run, one row per coordinate: `dim,z0,z,z_star` (dim counts from 0), and a `w`
/// column when the fit term is weighted (`w` non-empty), so each row can be checked against
/// its own band c ± wᵢ/(2μ).
pub fn run_csv(z0: &[f32], z: &[f32], z_star: &[f32], w: &[f32]) -> String {
    let mut out = String::from(if w.is_empty() {
        "dim,z0,z,z_star\n"
    } else {
        "dim,z0,z,z_star,w\n"
    });
    for (i, ((a, b), c)) in z0.iter().zip(z).zip(z_star).enumerate() {
        out.push_str(&format!("{i},{},{},{}", num(*a), num(*b), num(*c)));
        if let Some(w) = w.get(i) {
            out.push_str(&format!(",{}", num(*w)));
        }
        out.push('\n');
    }
    out
}

/// A value as CSV text; a non-finite value (a diverged run) is written as `NaN`, `inf`, `-inf`.
fn num(x: f32) -> String {
    format!("{x}")
}

/// CSV of a run's loss history: `epoch,fit,reg,total,grad_norm,err_inf`, one row per
/// [`LossRow`] (one per epoch; one per bucket, at its last epoch, for runs kept in buckets).
pub fn loss_csv(rows: &[LossRow]) -> String {
    let mut out = String::from("epoch,fit,reg,total,grad_norm,err_inf\n");
    for r in rows {
        let values = [r.fit, r.reg, r.total, r.grad_norm, r.err_inf].map(num);
        out.push_str(&format!("{},{}\n", r.epoch, values.join(",")));
    }
    out
}

/// The loss-history CSV's file name: `reglab-losses-mu{μ}-epochs{N}.csv`.
pub fn loss_csv_name(mu: f64, epochs: u64) -> String {
    format!(
        "reglab-losses-mu{}-epochs{epochs}.csv",
        crate::link::fmt_real(mu)
    )
}

/// CSV of a sweep: `mu,dim,z0,z,z_star`, one row per μ and coordinate (z* of the sweep's
/// problem at that μ).
pub fn sweep_csv(spec: &crate::spec::RunSpec, rows: &[crate::core::SweepRow]) -> String {
    let z0 = spec.z0();
    let mut out = String::from("mu,dim,z0,z,z_star\n");
    for row in rows {
        let z_star = spec.reference(row.mu).z_star;
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

/// CRC-32 (ISO-HDLC, as PNG uses) of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Adds `tEXt` chunks (keyword, Latin-1 text; non-Latin-1 characters become `?`) to a PNG, just
/// before its `IEND`, so the parameters travel inside the image file as well as on it.
pub fn png_with_text(png: &[u8], entries: &[(&str, &str)]) -> Result<Vec<u8>, String> {
    const SIGNATURE: [u8; 8] = [137, 80, 78, 71, 13, 10, 26, 10];
    if png.len() < 20 || png[..8] != SIGNATURE {
        return Err("not a PNG".into());
    }
    let iend = png.len() - 12;
    if &png[iend + 4..iend + 8] != b"IEND" {
        return Err("the PNG does not end with IEND".into());
    }
    let mut out = png[..iend].to_vec();
    for (keyword, text) in entries {
        let mut data: Vec<u8> = keyword
            .bytes()
            .filter(|b| (32..=126).contains(b))
            .take(79)
            .collect();
        data.push(0);
        data.extend(text.chars().map(|c| {
            u8::try_from(u32::from(c))
                .ok()
                .filter(|b| *b >= 32 || *b == 10)
                .unwrap_or(b'?')
        }));
        let mut chunk = b"tEXt".to_vec();
        chunk.extend_from_slice(&data);
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(&chunk);
        out.extend_from_slice(&crc32(&chunk).to_be_bytes());
    }
    out.extend_from_slice(&png[iend..]);
    Ok(out)
}

/// The parameters as one plain-ASCII line, for image captions and metadata.
pub fn params_caption(p: &crate::link::Params) -> String {
    use crate::link::fmt_real as f;
    format!(
        "mu = {}, lr = {}, epochs = {}, n = {}, z0 in [{}, {}], beta1 = {}, beta2 = {}, eps = {}",
        f(p.mu),
        f(p.lr),
        p.epochs,
        p.n,
        f(p.z0min),
        f(p.z0max),
        f(p.beta1),
        f(p.beta2),
        f(p.eps)
    )
}
