//! PNG export of any chart: drawn again off screen at 1600×900 with its title and legend inside
//! the picture, the parameters printed under it and stored in the file's tEXt metadata.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::link::Params;
use crate::ui::palette::Palette;

/// Draws a chart into a laid-out off-screen canvas of 1600×900 CSS px, then returns the final
/// PNG bytes (chart + caption strip + metadata).
pub fn render_png(
    params: &Params,
    palette: &Palette,
    draw: impl FnOnce(&HtmlCanvasElement) -> Result<(), String>,
) -> Result<Vec<u8>, String> {
    let js = |e: wasm_bindgen::JsValue| format!("PNG export: {}", super::js_error::js_error(&e));
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    let chart: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(js)?
        .unchecked_into();
    // Laid out (the charts size themselves from their CSS box) but far off screen. A class, not a
    // style attribute: the Content-Security-Policy (style-src 'self') blocks style attributes.
    chart.set_class_name("png-offscreen");
    body.append_child(&chart).map_err(js)?;
    let drawn = draw(&chart);
    body.remove_child(&chart).map_err(js)?;
    drawn?;

    let strip = (chart.height() as f64 * 0.08).round() as u32;
    let out: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(js)?
        .unchecked_into();
    out.set_width(chart.width());
    out.set_height(chart.height() + strip);
    let ctx: CanvasRenderingContext2d = out
        .get_context("2d")
        .map_err(js)?
        .ok_or("no 2d context")?
        .unchecked_into();
    let rgb = |c: plotters::style::RGBColor| format!("rgb({},{},{})", c.0, c.1, c.2);
    ctx.set_fill_style_str(&rgb(palette.background));
    ctx.fill_rect(0.0, 0.0, f64::from(out.width()), f64::from(out.height()));
    ctx.draw_image_with_html_canvas_element(&chart, 0.0, 0.0)
        .map_err(js)?;
    let size = f64::from(strip) * 0.36;
    ctx.set_fill_style_str(&rgb(palette.foreground));
    ctx.set_font(&format!("{size:.0}px sans-serif"));
    let caption = format!("reglab  ·  {}", crate::view::csv::params_caption(params));
    ctx.fill_text(
        &caption,
        size,
        f64::from(chart.height()) + f64::from(strip) * 0.62,
    )
    .map_err(js)?;

    let png = canvas_png(&out)?;
    crate::view::csv::png_with_text(
        &png,
        &[
            ("Title", "reglab chart"),
            ("Description", &crate::view::csv::params_caption(params)),
            ("Source", &params.to_query()),
        ],
    )
}

/// What `canvas` shows, as PNG bytes.
pub fn canvas_png(canvas: &HtmlCanvasElement) -> Result<Vec<u8>, String> {
    let js = |e: wasm_bindgen::JsValue| format!("PNG: {}", super::js_error::js_error(&e));
    let url = canvas.to_data_url_with_type("image/png").map_err(js)?;
    let b64 = url.split_once(',').map(|(_, b)| b).ok_or("bad data URL")?;
    let binary = web_sys::window()
        .ok_or("no window")?
        .atob(b64)
        .map_err(js)?;
    Ok(binary.chars().map(|c| c as u32 as u8).collect())
}
