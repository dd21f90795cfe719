//! The one way the page writes a number for people (titles, captions, legends, readouts,
//! notices). Links write numbers exactly instead (`crate::link::fmt_real`), CSV files with
//! Rust's shortest round-trip form.

/// A number in at most 4 significant digits, without trailing zeros.
pub fn short(x: f64) -> String {
    if x != 0.0 && !(1e-3..1e5).contains(&x.abs()) {
        return format!("{x:.3e}");
    }
    let s = format!("{:.4}", crate::link::mu_scale::round_sig(x, 4));
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `n` with its thousands set apart by a space, as the page writes counts: 2953 → "2 953".
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}
