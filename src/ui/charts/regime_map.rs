//! The regime map: the (μ, z0) plane, μ on the μ slider's log axis, shaded by where the L1
//! optimum sits — pinned to the lower edge below c − w/(2μ), z* = z0 between the curves, pinned
//! to the upper edge above c + w/(2μ) — with the curves drawn and the current μ as a vertical
//! line carrying the n z0 dots, each coloured by its own region. With several weights the strips
//! between the smallest and the largest weight's curves are shaded lightly (pinned only for the
//! smaller weights); a smooth fit pins nothing, so it gets no regions (see
//! [`crate::view::regime`] for the maths and the words).

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::{err, open, text_style, DrawResult, Root};
use crate::ui::canvas::Scale;
use crate::ui::palette::Palette;
use crate::view::format::short;
use crate::view::regime::{log_grid, mu_axis, sig4, MapFrame, Regimes, Region};

/// The map's axes: μ on a log scale against z0.
type MapChart<'a> = ChartContext<'a, CanvasBackend, Cartesian2d<LogCoord<f64>, RangedCoordf64>>;

/// A region's colour: Okabe–Ito blue (lower), yellow (inside) and vermillion (upper), which stay
/// apart under every common colour-vision deficiency and differ in lightness too. The page's
/// legend uses the same colours (style/regime.css).
pub fn region_color(region: Region, palette: &Palette) -> RGBColor {
    let dark = palette.background.0 < 128;
    match (region, dark) {
        (Region::Lower, false) => RGBColor(0, 114, 178),
        (Region::Lower, true) => RGBColor(86, 180, 233),
        (Region::Inside, _) => RGBColor(240, 228, 66),
        (Region::Upper, _) => RGBColor(213, 94, 0),
    }
}

/// How strongly a region is shaded (its colour's opacity over the background).
fn region_alpha(region: Region, palette: &Palette) -> f64 {
    match (region, palette.background.0 < 128) {
        (Region::Inside, false) => 0.4,
        (Region::Inside, true) => 0.32,
        (Region::Lower, false) => 0.32,
        (Region::Upper, false) => 0.38,
        (_, true) => 0.42,
    }
}

/// Everything a layer needs: the axes' ends, the μ of every device-pixel column, the scale.
struct Layout<'a> {
    data: &'a Regimes,
    s: Scale,
    z: (f64, f64),
    /// One μ per device-pixel column of the plot, so every curve is exact to the pixel.
    cols: Vec<f64>,
    /// Half a device pixel of z0: plotters floors a value to its pixel row, so a curve drawn
    /// half a pixel up lands on the nearest row instead.
    half_px: f64,
    /// The dots' radius (CSS px): smaller when n dots would crowd the plot's height.
    dot_r: f64,
}

/// Draws the map into `canvas` and returns where its plot area is (CSS px) and what it spans,
/// or `None` while the canvas has no size.
pub fn draw_regime_map(
    canvas: &HtmlCanvasElement,
    data: &Regimes,
    palette: &Palette,
) -> Result<Option<MapFrame>, String> {
    let Some((root, s)) = open(canvas, palette)? else {
        return Ok(None);
    };
    let (mu_lo, mu_hi) = mu_axis();
    let z = data.z_axis();
    let mut chart = draw_axes(&root, (mu_lo, mu_hi), z, &s, palette)?;
    let frame = frame_of(&chart, &s, (mu_lo, mu_hi), z);
    let columns = (frame.width * s.dpr).round().max(2.0) as usize + 1;
    let l = Layout {
        data,
        s,
        z,
        cols: log_grid(mu_lo, mu_hi, columns),
        half_px: 0.5 * (z.1 - z.0) / (frame.height * s.dpr),
        dot_r: (frame.height / data.z0.len().max(1) as f64).clamp(1.5, 3.5),
    };
    if data.pins() {
        shade_regions(&mut chart, &l, palette)?;
        draw_boundaries(&mut chart, &l, palette)?;
        label_regions(canvas, &mut chart, &l, &frame, palette)?;
    }
    mark_current_mu(&mut chart, &l, palette)?;
    root.present().map_err(err)?;
    Ok(Some(frame))
}

/// The plot area in CSS px, as plotters maps values to it: μ = lo at the first pixel column,
/// hi at the last, z_hi at the top row, z_lo at the bottom row.
fn frame_of(chart: &MapChart, s: &Scale, mu: (f64, f64), z: (f64, f64)) -> MapFrame {
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    let css = |px: i32| f64::from(px) / s.dpr;
    MapFrame {
        left: css(xs.start),
        top: css(ys.start),
        width: css(xs.end - 1 - xs.start),
        height: css(ys.end - 1 - ys.start),
        mu_lo: mu.0,
        mu_hi: mu.1,
        z_lo: z.0,
        z_hi: z.1,
    }
}

/// Builds the log-μ chart and draws its mesh.
fn draw_axes<'a>(
    root: &'a Root,
    mu: (f64, f64),
    z: (f64, f64),
    s: &Scale,
    palette: &Palette,
) -> Result<MapChart<'a>, String> {
    let font = |size: f64| text_style(s, size, palette);
    let mut chart = ChartBuilder::on(root)
        .margin(s.px(12.0))
        .margin_right(s.px(24.0)) // room for the last μ label, centred on the right edge
        .x_label_area_size(s.px(48.0 * s.zoom))
        .y_label_area_size(s.px(56.0 * s.zoom))
        .build_cartesian_2d((mu.0..mu.1).log_scale(), z.0..z.1)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc(crate::i18n::t().charts.axis_mu)
        .y_desc("z0")
        .axis_desc_style(font(16.0))
        .label_style(font(14.0))
        .axis_style(palette.foreground.stroke_width(s.px(1.0)))
        .bold_line_style(palette.grid.stroke_width(s.px(1.0)))
        .light_line_style(palette.grid.mix(0.3))
        .x_label_formatter(&|x| short(*x))
        .y_label_formatter(&|y| short(*y))
        .draw()
        .map_err(err)?;
    Ok(chart)
}

/// The band's half-width w/(2μ).
fn half(w: f64, mu: f64) -> f64 {
    w / (2.0 * mu)
}

/// The strip between two curves over every column, as a polygon clamped to the z axis.
fn strip(l: &Layout, lo: impl Fn(f64) -> f64, hi: impl Fn(f64) -> f64) -> Vec<(f64, f64)> {
    let clamp = |v: f64| v.clamp(l.z.0, l.z.1);
    let under = l.cols.iter().map(|&mu| (mu, clamp(lo(mu))));
    let over = l.cols.iter().rev().map(|&mu| (mu, clamp(hi(mu))));
    under.chain(over).collect()
}

/// Shades the three regions; with several weights, the strips where only the smaller weights
/// pin are shaded at half strength in the pinned colours.
fn shade_regions(chart: &mut MapChart, l: &Layout, palette: &Palette) -> DrawResult {
    let (c, (w_lo, w_hi)) = (l.data.centre, l.data.weight_range());
    let (bottom, top) = (|_: f64| f64::NEG_INFINITY, |_: f64| f64::INFINITY);
    let strips = [
        (Region::Lower, 1.0, strip(l, bottom, |m| c - half(w_hi, m))),
        (
            Region::Lower,
            0.5,
            strip(l, |m| c - half(w_hi, m), |m| c - half(w_lo, m)),
        ),
        (
            Region::Inside,
            1.0,
            strip(l, |m| c - half(w_lo, m), |m| c + half(w_lo, m)),
        ),
        (
            Region::Upper,
            0.5,
            strip(l, |m| c + half(w_lo, m), |m| c + half(w_hi, m)),
        ),
        (Region::Upper, 1.0, strip(l, |m| c + half(w_hi, m), top)),
    ];
    for (region, strength, points) in strips {
        if strength < 1.0 && w_lo == w_hi {
            continue; // one weight: no strip between two curves
        }
        let alpha = region_alpha(region, palette) * strength;
        let fill = region_color(region, palette).mix(alpha).filled();
        chart
            .draw_series(std::iter::once(Polygon::new(points, fill)))
            .map_err(err)?;
    }
    Ok(())
}

/// The curves c ± w/(2μ): the smallest and largest weight's bold, the other weights' faint;
/// drawn only where they lie on the z axis.
fn draw_boundaries(chart: &mut MapChart, l: &Layout, palette: &Palette) -> DrawResult {
    let weights = l.data.distinct_weights();
    let (w_lo, w_hi) = l.data.weight_range();
    let c = l.data.centre;
    for w in weights {
        let bold = w == w_lo || w == w_hi;
        let style = if bold {
            palette.foreground.stroke_width(l.s.px(2.5))
        } else {
            palette.foreground.mix(0.35).stroke_width(l.s.px(1.0))
        };
        for sign in [-1.0, 1.0] {
            let curve = l
                .cols
                .iter()
                .map(|&mu| (mu, c + sign * half(w, mu) + l.half_px))
                .filter(|&(_, z)| z >= l.z.0 && z <= l.z.1);
            chart
                .draw_series(LineSeries::new(curve, style))
                .map_err(err)?;
        }
    }
    Ok(())
}

/// Names the regions on the picture too (colour is not the only cue): the pinned regions near
/// the right end, the inside near the left end, each only where its region is tall enough and
/// the label clears the current μ's line (the legend names them all anyway).
fn label_regions(
    canvas: &HtmlCanvasElement,
    chart: &mut MapChart,
    l: &Layout,
    frame: &MapFrame,
    palette: &Palette,
) -> DrawResult {
    let (c, (w_lo, w_hi)) = (l.data.centre, l.data.weight_range());
    let (left, right) = (frame.left + 8.0, frame.left + frame.width - 8.0);
    let edge =
        |x: f64, sign: f64, w: f64| (c + sign * half(w, frame.mu_at_x(x))).clamp(l.z.0, l.z.1);
    let labels = [
        (Region::Upper, right, edge(right, 1.0, w_hi), l.z.1),
        (
            Region::Inside,
            left,
            edge(left, -1.0, w_lo),
            edge(left, 1.0, w_lo),
        ),
        (Region::Lower, right, l.z.0, edge(right, -1.0, w_hi)),
    ];
    let now = (l.data.mu > 0.0).then(|| frame.x_of(l.data.mu));
    for (region, x, lo, hi) in labels {
        let text = match region {
            Region::Inside => crate::i18n::t().regime.inside_legend,
            r => r.label(),
        };
        let leftward = region == Region::Inside;
        let h = if leftward { HPos::Left } else { HPos::Right };
        let style = text_style(&l.s, 14.0, palette).pos(Pos::new(h, VPos::Center));
        let size = l.s.font(14.0); // device px
        let w = text_width(canvas, text, size).unwrap_or(f64::INFINITY) / l.s.dpr;
        let th = size / l.s.dpr;
        let (x0, x1) = if leftward { (x, x + w) } else { (x - w, x) };
        let crosses_now = now.is_some_and(|m| m > x0 - 6.0 && m < x1 + 6.0);
        let fits = x1 - x0 < frame.width - 16.0 && frame.y_of(lo) - frame.y_of(hi) > 2.0 * th;
        if crosses_now || !fits {
            continue;
        }
        let at = (frame.mu_at_x(x), (lo + hi) / 2.0);
        chart
            .draw_series(std::iter::once(Text::new(text, at, style)))
            .map_err(err)?;
    }
    Ok(())
}

/// The width (device px) of `text` in the canvas' own font of `size` device px, by the canvas'
/// measureText: plotters' estimate measures a page element instead, which can be far off the
/// canvas' text (a fifth narrower on a phone).
fn text_width(canvas: &HtmlCanvasElement, text: &str, size: f64) -> Option<f64> {
    use wasm_bindgen::JsCast;
    let ctx = canvas
        .get_context("2d")
        .ok()??
        .dyn_into::<web_sys::CanvasRenderingContext2d>()
        .ok()?;
    ctx.set_font(&format!("normal {size}px sans-serif"));
    let get =
        |target: &wasm_bindgen::JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).ok();
    let measure = get(&ctx, "measureText")?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let metrics = measure.call1(&ctx, &text.into()).ok()?;
    get(&metrics, "width")?.as_f64()
}

/// The current μ as a vertical line with the n z0 dots on it, each coloured by its region (a
/// smooth fit's in the learned colour). μ = 0 is not on a log axis: nothing is drawn then.
fn mark_current_mu(chart: &mut MapChart, l: &Layout, palette: &Palette) -> DrawResult {
    let mu = l.data.mu;
    let (mu_lo, mu_hi) = mu_axis();
    if !(mu_lo..=mu_hi).contains(&mu) {
        return Ok(());
    }
    chart
        .draw_series(LineSeries::new(
            [(mu, l.z.0), (mu, l.z.1)],
            palette.foreground.mix(0.55).stroke_width(l.s.px(1.5)),
        ))
        .map_err(err)?;
    let regions = l.data.regions();
    let color = |i: usize| match &regions {
        Some(r) => region_color(r[i], palette),
        None => palette.learned,
    };
    let r = l.s.px(l.dot_r) as i32;
    let ring = palette.foreground.filled();
    // One dot per device row and colour: n = 10 000 values would otherwise paint thousands of
    // circles over each other on every μ change.
    let mut drawn = std::collections::HashSet::new();
    for (i, &v) in l.data.z0.iter().enumerate() {
        let v = f64::from(v);
        let row = ((v - l.z.0) / (2.0 * l.half_px)).round() as i64;
        if !(l.z.0..=l.z.1).contains(&v) || !drawn.insert((row, color(i))) {
            continue;
        }
        chart
            .draw_series([
                Circle::new((mu, v), r + l.s.px(0.75) as i32, ring),
                Circle::new((mu, v), r, color(i).filled()),
            ])
            .map_err(err)?;
    }
    // The label reads away from the right end, so it never runs off the plot.
    let late = (mu / mu_lo).ln() / (mu_hi / mu_lo).ln() > 0.8;
    let (h, label) = if late {
        (HPos::Right, format!("μ = {} ", sig4(mu)))
    } else {
        (HPos::Left, format!(" μ = {}", sig4(mu)))
    };
    let style = text_style(&l.s, 14.0, palette).pos(Pos::new(h, VPos::Top));
    chart
        .draw_series(std::iter::once(Text::new(label, (mu, l.z.1), style)))
        .map_err(err)?;
    Ok(())
}
