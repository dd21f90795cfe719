//! Canvas sizing for crisp charts: the bitmap is the element's CSS size × devicePixelRatio, and
//! every length a chart uses goes through [`Scale::px`] so lines and text keep their CSS size.

use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::HtmlCanvasElement;

// A chart reads its canvas' box on every draw, and a slider step draws after the readouts' text
// changed: each read forced a layout in the middle of the step's work (≈ 1.7 ms of a drag step's
// main thread in Chromium, the worker's answer waiting behind it). The box is remembered until a
// ResizeObserver says its size changed. That observer is made when this module loads, before any
// chart's own one (`watch_resize`): observers are called in the order they were made, so the box
// is forgotten before a chart redraws for its new size. JS, so the page's wasm keeps one import.
#[wasm_bindgen(inline_js = r#"
const boxes = new WeakMap();
const observer = typeof ResizeObserver === 'function'
  ? new ResizeObserver((entries) => {
      for (const e of entries) {
        boxes.delete(e.target);
        // A canvas taken out of the page (a PNG export's, a recording's) is reported at size 0:
        // let it go, or this observer would keep it and its bitmap alive.
        if (!e.target.isConnected) observer.unobserve(e.target);
      }
    })
  : null;
export function canvas_box(canvas) {
  let box = boxes.get(canvas);
  if (box === undefined) {
    box = canvas.getBoundingClientRect();
    if (observer) { boxes.set(canvas, box); observer.observe(canvas, { box: 'border-box' }); }
  }
  return box;
}
"#)]
extern "C" {
    /// The canvas' border box (its `getBoundingClientRect`, remembered while its size holds).
    fn canvas_box(canvas: &HtmlCanvasElement) -> web_sys::DomRect;
}

/// The canvas' laid-out width and height, CSS px, without forcing a layout when they are known.
pub fn css_size(canvas: &HtmlCanvasElement) -> (f64, f64) {
    let rect = canvas_box(canvas);
    (rect.width(), rect.height())
}

/// CSS px → device px for one canvas.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// devicePixelRatio at the time of sizing.
    pub dpr: f64,
    /// Bitmap width in device px.
    pub width: u32,
    /// Bitmap height in device px.
    pub height: u32,
    /// Text scale: 1 at 600 CSS px, growing to 1.5× on a projector-sized canvas so labels stay
    /// legible from the back of a hall, shrinking on a phone so axes keep their room; on the
    /// lecture stage, the stage's own type size over 16 px.
    pub zoom: f64,
    /// The smallest text a chart may draw, in CSS px: 14 (a phone held at reading distance),
    /// and on the lecture stage the stage's type size (≥ 18 px, read from the back row).
    pub min_font: f64,
}

thread_local! {
    /// The smallest font (CSS px) drawn since the last [`fit`]: what [`stamp_font`] reports.
    static SMALLEST_FONT: std::cell::Cell<f64> = const { std::cell::Cell::new(f64::INFINITY) };
}

/// Tells the canvas which font size it drew its smallest text with (`data-font-px`, CSS px), so
/// a test can check canvas text the way it checks the page's.
pub fn stamp_font(canvas: &HtmlCanvasElement) {
    let px = SMALLEST_FONT.with(|f| f.get());
    if px.is_finite() {
        let _ = canvas.set_attribute("data-font-px", &format!("{:.1}", px));
    }
}

impl Scale {
    /// A length of `css` CSS pixels in device pixels (at least 1).
    pub fn px(&self, css: f64) -> u32 {
        (css * self.dpr).round().max(1.0) as u32
    }

    /// A font size of `css` CSS pixels, enlarged by [`Scale::zoom`] and never under
    /// [`Scale::min_font`], in device pixels (recorded for [`stamp_font`]).
    pub fn font(&self, css: f64) -> f64 {
        let size = (css * self.zoom).max(self.min_font);
        SMALLEST_FONT.with(|f| f.set(f.get().min(size)));
        (size * self.dpr).round()
    }

    /// The same as a signed coordinate.
    pub fn pxi(&self, css: f64) -> i32 {
        (css * self.dpr).round() as i32
    }
}

/// Whether lecture mode is on (the page root carries the `present` class).
fn presenting() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".app.present").ok().flatten())
        .is_some()
}

/// The smallest chart text outside lecture mode, CSS px.
const MIN_FONT: f64 = 14.0;

/// The element's computed font size in CSS px (it inherits the stage's type size).
fn font_px(canvas: &HtmlCanvasElement) -> Option<f64> {
    let style = web_sys::window()?.get_computed_style(canvas).ok()??;
    let text = style.get_property_value("font-size").ok()?;
    crate::link::decimal::parse_f64(text.trim_end_matches("px"))
}

/// The scale a canvas would be drawn at now, without touching it.
pub fn measure(canvas: &HtmlCanvasElement) -> Option<Scale> {
    let dpr = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .clamp(1.0, 4.0);
    let (width, height) = css_size(canvas);
    if width < 2.0 || height < 2.0 {
        return None;
    }
    // Lecture mode: the stage's type size (it grows with the screen), thicker lines.
    let (zoom, min_font) = match presenting().then(|| font_px(canvas)).flatten() {
        Some(stage) => (stage / 16.0, stage),
        None => (
            (width.max(height * 1.4) / 600.0).clamp(0.875, 1.5),
            MIN_FONT,
        ),
    };
    Some(Scale {
        dpr,
        width: (width * dpr).round() as u32,
        height: (height * dpr).round() as u32,
        zoom,
        min_font,
    })
}

/// Matches the canvas bitmap to its laid-out size; returns `None` while it has no size (hidden).
pub fn fit(canvas: &HtmlCanvasElement) -> Option<Scale> {
    let s = measure(canvas)?;
    SMALLEST_FONT.with(|f| f.set(f64::INFINITY));
    if canvas.width() != s.width {
        canvas.set_width(s.width);
    }
    if canvas.height() != s.height {
        canvas.set_height(s.height);
    }
    Some(s)
}

/// A trigger that fires whenever the canvas' laid-out size changes (ResizeObserver), so charts
/// redraw crisply after a window resize, a rotation or a zoom.
pub fn watch_resize(
    canvas: leptos::prelude::NodeRef<leptos::html::Canvas>,
) -> leptos::prelude::Trigger {
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let trigger = Trigger::new();
    Effect::new(move |_| {
        let Some(element) = canvas.get() else { return };
        let on_resize = Closure::<dyn FnMut()>::new(move || trigger.notify());
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&element);
        }
        on_resize.forget(); // the observer lives as long as the canvas, i.e. the page
    });
    trigger
}

/// [`watch_resize`]'s trigger, also fired when the canvas enters the viewport or leaves it
/// (IntersectionObserver): a chart far down the page (the regime map, the explorer) asks
/// [`due_for_drawing`] first, so a slider drag does not redraw pictures nobody sees (≈ 60 % of a
/// step's canvas work at 1400×900, issue 17); it catches up as it scrolls near.
pub fn watch_resize_and_view(
    canvas: leptos::prelude::NodeRef<leptos::html::Canvas>,
) -> leptos::prelude::Trigger {
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let trigger = watch_resize(canvas);
    WAITING_FOR_FIRST_RESULT.with(|w| {
        if let Some(waiting) = w.borrow_mut().as_mut() {
            waiting.push(trigger);
        }
    });
    Effect::new(move |_| {
        let Some(element) = canvas.get() else { return };
        let on_change = Closure::<dyn FnMut()>::new(move || trigger.notify());
        // It fires as the canvas enters or leaves the viewport itself; within NEAR_VIEW_PX of it
        // a chart is already drawing its changes (a root margin would cost the page's wasm the
        // observer's options type).
        if let Ok(observer) = web_sys::IntersectionObserver::new(on_change.as_ref().unchecked_ref())
        {
            observer.observe(&element);
        }
        on_change.forget(); // the observer lives as long as the canvas
    });
    trigger
}

/// How far (CSS px) outside the viewport a chart still counts as near it: it is drawn before it
/// scrolls in.
const NEAR_VIEW_PX: f64 = 300.0;

thread_local! {
    /// The triggers of the charts watched by [`watch_resize_and_view`], fired by
    /// [`draw_far_charts`]; `None` once the page's first converged chart is on screen.
    static WAITING_FOR_FIRST_RESULT: std::cell::RefCell<Option<Vec<leptos::prelude::Trigger>>> =
        const { std::cell::RefCell::new(Some(Vec::new())) };
}

/// Whether a chart watched by [`watch_resize_and_view`] should draw now: while it is near the
/// viewport; and far from it, once, to stamp its type size (`data-font-px`, read by the
/// text-size checks), but not before the page's first converged chart is on screen. At 1400×900
/// the regime map (its first draw the page's costliest, ≈ 9 000 canvas calls) and the explorer lie
/// 2 000–3 000 px down; the map drew while the app started and the explorer in the same frame as
/// the first answer, both ahead of the first converged chart: on lecture-hall Wi-Fi it came
/// ≈ 100 ms later (3 151 → 3 046 ms, medians of 6 interleaved loads, `make bench`'s conditions).
pub fn due_for_drawing(canvas: &HtmlCanvasElement) -> bool {
    near_view(canvas)
        || (!canvas.has_attribute("data-font-px")
            && WAITING_FOR_FIRST_RESULT.with(|w| w.borrow().is_none()))
}

/// The first converged chart is on screen: the charts far from the viewport draw once now (see
/// [`due_for_drawing`]).
pub fn draw_far_charts() {
    use leptos::prelude::Notify;
    let waiting = WAITING_FOR_FIRST_RESULT.with(|w| w.borrow_mut().take());
    for trigger in waiting.into_iter().flatten() {
        trigger.notify();
    }
}

/// Whether the canvas is on screen or within [`NEAR_VIEW_PX`] of it, vertically.
fn near_view(canvas: &HtmlCanvasElement) -> bool {
    let rect = canvas.get_bounding_client_rect();
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY);
    rect.bottom() >= -NEAR_VIEW_PX && rect.top() <= height + NEAR_VIEW_PX
}
