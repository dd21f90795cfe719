//! Canvas sizing for crisp charts: the bitmap is the element's CSS size × devicePixelRatio, and
//! every length a chart uses goes through [`Scale::px`] so lines and text keep their CSS size.

use web_sys::HtmlCanvasElement;

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
    /// legible from the back of a hall, shrinking to 0.75× on a phone so axes keep their room.
    pub zoom: f64,
}

impl Scale {
    /// A length of `css` CSS pixels in device pixels (at least 1).
    pub fn px(&self, css: f64) -> u32 {
        (css * self.dpr).round().max(1.0) as u32
    }

    /// A font size of `css` CSS pixels, enlarged by [`Scale::zoom`], in device pixels.
    pub fn font(&self, css: f64) -> f64 {
        (css * self.zoom * self.dpr).round()
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

/// The scale a canvas would be drawn at now, without touching it.
pub fn measure(canvas: &HtmlCanvasElement) -> Option<Scale> {
    let dpr = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .clamp(1.0, 4.0);
    let rect = canvas.get_bounding_client_rect();
    if rect.width() < 2.0 || rect.height() < 2.0 {
        return None;
    }
    let zoom = (rect.width().max(rect.height() * 1.4) / 600.0).clamp(0.75, 1.5);
    // Lecture mode: bigger type and thicker lines for the back of the hall.
    let zoom = if presenting() { zoom * 1.35 } else { zoom };
    Some(Scale {
        dpr,
        width: (rect.width() * dpr).round() as u32,
        height: (rect.height() * dpr).round() as u32,
        zoom,
    })
}

/// Matches the canvas bitmap to its laid-out size; returns `None` while it has no size (hidden).
pub fn fit(canvas: &HtmlCanvasElement) -> Option<Scale> {
    let s = measure(canvas)?;
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
