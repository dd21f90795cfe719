//! The μ slider's log scale: position 0 is exactly μ = 0, positions 1..=501 cover 1e-3 … 1e2
//! with 100 positions per decade (one arrow key = ×10^0.01 ≈ 2.3 %).

/// Slider positions: 0 (μ = 0) and 1..=MAX_POSITION.
pub const MAX_POSITION: u32 = 501;
/// log10 of the smallest non-zero μ on the slider.
pub const LOG_MU_MIN: f64 = -3.0;
/// Positions per decade.
pub const PER_DECADE: f64 = 100.0;

/// μ at slider position `pos`: 0 → 0, else 10^(−3 + (pos − 1)/100), rounded to 4 significant
/// digits so the URL and the number input show the value a person would type.
pub fn mu_at(pos: u32) -> f64 {
    if pos == 0 {
        return 0.0;
    }
    let pos = pos.min(MAX_POSITION);
    round_sig(10f64.powf(LOG_MU_MIN + f64::from(pos - 1) / PER_DECADE), 4)
}

/// The slider position nearest to μ (values beyond the ends stick to the ends; μ = 0 → 0).
pub fn position_of(mu: f64) -> u32 {
    if mu.is_nan() || mu <= 0.0 {
        return 0;
    }
    let pos = (mu.log10() - LOG_MU_MIN) * PER_DECADE + 1.0;
    pos.round().clamp(1.0, f64::from(MAX_POSITION)) as u32
}

/// `x` rounded to `digits` significant digits.
pub fn round_sig(x: f64, digits: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(digits - 1 - x.abs().log10().floor() as i32);
    let y = (x * scale).round() / scale;
    // Parse the printed value so that e.g. 0.1 is the f64 closest to 0.1, not 0.1000…02.
    super::decimal::parse_f64(&format!("{y:.*e}", (digits - 1) as usize)).unwrap_or(y)
}
