//! Colour maps for the sweep: viridis (perceptually uniform, colour-blind safe, monotone in
//! lightness) for ordered values, and a blue–white–orange diverging map centred on 0 for
//! differences.

use plotters::style::RGBColor;

/// Viridis sampled at nine evenly spaced points (matplotlib's values, rounded to 8 bits).
const VIRIDIS: [(u8, u8, u8); 9] = [
    (68, 1, 84),
    (71, 44, 122),
    (59, 81, 139),
    (44, 113, 142),
    (33, 144, 141),
    (39, 173, 129),
    (92, 200, 99),
    (170, 220, 50),
    (253, 231, 37),
];

/// Blue (negative) → near-white (0) → orange (positive), colour-blind safe (no red/green).
const DIVERGING: [(u8, u8, u8); 5] = [
    (33, 102, 172),
    (146, 197, 222),
    (247, 247, 247),
    (244, 165, 130),
    (178, 88, 24),
];

fn sample(stops: &[(u8, u8, u8)], t: f64) -> RGBColor {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.5
    };
    let x = t * (stops.len() - 1) as f64;
    let i = (x.floor() as usize).min(stops.len() - 2);
    let f = x - i as f64;
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * f).round() as u8;
    let (a, b) = (stops[i], stops[i + 1]);
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Viridis at t ∈ [0, 1].
pub fn viridis(t: f64) -> RGBColor {
    sample(&VIRIDIS, t)
}

/// The diverging map at t ∈ [−1, 1] (0 is the neutral middle).
pub fn diverging(t: f64) -> RGBColor {
    sample(&DIVERGING, (t + 1.0) / 2.0)
}

/// A CSS `linear-gradient(…)` of viridis (`diverging` = false) or the diverging map, for HTML
/// colour bars.
pub fn css_gradient(diverging_map: bool, direction: &str) -> String {
    let stops: &[(u8, u8, u8)] = if diverging_map { &DIVERGING } else { &VIRIDIS };
    let last = (stops.len() - 1) as f64;
    let parts: Vec<String> = stops
        .iter()
        .enumerate()
        .map(|(i, c)| {
            format!(
                "rgb({},{},{}) {:.1}%",
                c.0,
                c.1,
                c.2,
                i as f64 / last * 100.0
            )
        })
        .collect();
    format!("linear-gradient({direction}, {})", parts.join(", "))
}
