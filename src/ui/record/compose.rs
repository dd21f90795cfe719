//! One frame of a recording: the caption, the z chart and the loss chart of the recorded run at
//! the frame's epoch, composed on one canvas of the video's size. The charts are the page's own
//! drawing functions (with their title and legend inside, as in a PNG export), drawn into
//! canvases laid out off screen; nothing on the page is read or changed.

use std::sync::Arc;

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::i18n::{fill, grouped, t};
use crate::ui::charts::log_chart::{draw_log_chart, LogChart};
use crate::ui::charts::z_chart::{draw_z_chart, ZChart};
use crate::ui::palette::Palette;
use crate::view::charts::loss_chart;
use crate::view::shown::{Frame, Shown};
use crate::view::video::{frame_step, Layout};

fn js(e: wasm_bindgen::JsValue) -> String {
    crate::ui::js_error::js_error(&e)
}

fn canvas(document: &web_sys::Document) -> Result<HtmlCanvasElement, String> {
    Ok(document
        .create_element("canvas")
        .map_err(js)?
        .unchecked_into())
}

/// The canvases of one recording and the run they draw.
pub struct Composer {
    out: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    /// Off-screen, laid out by style/record.css at the video's size (the charts size their
    /// bitmap from their CSS box).
    z: HtmlCanvasElement,
    loss: HtmlCanvasElement,
    layout: Layout,
    shown: Arc<Shown>,
    snapshots: Vec<u64>,
    frames: u32,
    palette: Palette,
}

impl Composer {
    /// Canvases for `frames` frames of `shown` at `size` (one of [`crate::view::video::SIZES`]).
    pub fn new(
        shown: Arc<Shown>,
        palette: Palette,
        (w, h): (u32, u32),
        frames: u32,
    ) -> Result<Self, String> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let body = document.body().ok_or("no body")?;
        let out = canvas(&document)?;
        out.set_width(w);
        out.set_height(h);
        let ctx = out
            .get_context("2d")
            .map_err(js)?
            .ok_or("no 2d context")?
            .unchecked_into();
        // A class per size, not a style attribute: the Content-Security-Policy blocks those.
        let class = |part: &str| format!("rec-chart rec-{part} rec-{h}");
        let (z, loss) = (canvas(&document)?, canvas(&document)?);
        z.set_class_name(&class("z"));
        loss.set_class_name(&class("loss"));
        body.append_child(&z).map_err(js)?;
        body.append_child(&loss).map_err(js)?;
        let snapshots = shown.result.snapshots.iter().map(|s| s.epoch).collect();
        Ok(Self {
            out,
            ctx,
            z,
            loss,
            layout: Layout::of(w, h),
            shown,
            snapshots,
            frames,
            palette,
        })
    }

    /// The canvas the video records.
    pub fn canvas(&self) -> &HtmlCanvasElement {
        &self.out
    }

    /// Draws frame `k`: the run at epoch k·E/(F − 1) (its snapshot there, the finished run last).
    pub fn draw(&self, k: u32) -> Result<(), String> {
        let epochs = self.shown.result.epoch;
        let f = Frame {
            shown: self.shown.clone(),
            step: frame_step(k, self.frames, epochs, &self.snapshots),
        };
        let p = &self.palette;
        draw_z_chart(&self.z, &ZChart::of(&f, None, true), p)?;
        let spec = loss_chart(&f.shown.result.spec, None);
        let cols = self.layout.loss.2 as usize;
        draw_log_chart(&self.loss, &LogChart::of(&spec, &f, None, cols, p, true), p)?;

        let ctx = &self.ctx;
        let rgb = |c: plotters::style::RGBColor| format!("rgb({},{},{})", c.0, c.1, c.2);
        ctx.set_fill_style_str(&rgb(p.background));
        ctx.fill_rect(
            0.0,
            0.0,
            f64::from(self.out.width()),
            f64::from(self.out.height()),
        );
        for (chart, (x, y, w, h)) in [(&self.z, self.layout.z), (&self.loss, self.layout.loss)] {
            ctx.draw_image_with_html_canvas_element_and_dw_and_dh(chart, x, y, w, h)
                .map_err(js)?;
        }
        let (_, _, width, strip) = self.layout.caption;
        let size = (strip * 0.4).round();
        ctx.set_fill_style_str(&rgb(p.foreground));
        ctx.set_font(&format!("{size}px sans-serif"));
        ctx.set_text_baseline("middle");
        let caption = crate::ui::lecture::caption(&Some(f.clone()), None);
        ctx.set_text_align("left");
        ctx.fill_text(&caption, size * 0.6, strip / 2.0)
            .map_err(js)?;
        ctx.set_text_align("right");
        let at = fill(
            t().record.epoch,
            &[("at", &grouped(f.epoch())), ("of", &grouped(epochs))],
        );
        ctx.fill_text(&at, width - size * 0.6, strip / 2.0)
            .map_err(js)
    }
}

impl Drop for Composer {
    /// Takes the off-screen charts out of the page and lets the browser free every bitmap.
    fn drop(&mut self) {
        for c in [&self.z, &self.loss, &self.out] {
            c.remove();
            c.set_width(0);
            c.set_height(0);
        }
    }
}
