//! The regime map panel: the (μ, z0) plane shaded by where z* sits, its legend, a readout of the
//! point under the pointer (an ARIA live region) and a sentence on what the map shows for this
//! problem. Pointer, touch and keys on the map set μ through the μ slider's positions, so the
//! rest of the lab follows as it does for the slider.

use leptos::prelude::*;

use crate::link::mu_scale::{mu_at, position_of, MAX_POSITION};
use crate::link::Params;
use crate::ui::canvas::{due_for_drawing, measure, stamp_font, watch_resize_and_view};
use crate::ui::charts::regime_map::draw_regime_map;
use crate::ui::palette::Palette;
use crate::view::regime::{mu_axis, sig4, MapFrame, Regimes, Region};

/// How far (CSS px) either side of the pointer the readout may round μ and z0 to a shorter
/// number: under a pixel, so the rounding never names a point the pointer is not on.
const SLACK: f64 = 0.75;

/// The regime map, or nothing at all while `hidden` (no chart, no readout, no edges in any
/// attribute): a quiz may ask for the band before showing it.
#[component]
pub fn RegimeMap(
    /// Every setting: the problem's shape and the current μ.
    params: RwSignal<Params>,
    /// Changes when the colour scheme does.
    theme: Signal<Palette>,
    /// A μ the map asks for (a slider position's μ).
    on_mu: Callback<f64>,
    /// Whether to show nothing.
    hidden: Signal<bool>,
) -> impl IntoView {
    view! {
        <Show when=move || !hidden.get()>
            <RegimePanel params=params theme=theme on_mu=on_mu />
        </Show>
    }
}

/// The shown panel (see [`RegimeMap`]).
#[component]
fn RegimePanel(
    params: RwSignal<Params>,
    theme: Signal<Palette>,
    on_mu: Callback<f64>,
) -> impl IntoView {
    let regimes = Memo::new(move |_| Regimes::of(&params.get().run_spec(0)));
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let pointer = MapPointer {
        canvas_ref,
        frame: StoredValue::new(None),
        point: RwSignal::new(None),
        pressed: StoredValue::new(false),
        on_mu,
    };
    redraw(canvas_ref, regimes, theme, pointer.frame);
    let readout = move || match pointer.point.get() {
        Some((mu, z0)) => regimes.with(|r| r.readout(mu, z0)),
        None => regimes.with(Regimes::summary),
    };
    let mu = move || regimes.with(|r| r.mu);
    let (lo, hi) = mu_axis();
    view! {
        <section class="regime" aria-labelledby="regime-title">
            <h2 id="regime-title">{crate::i18n::t().regime.title}</h2>
            <RegimeLegend regimes=regimes />
            <canvas node_ref=canvas_ref class="regime-canvas" data-testid="regime-map" tabindex="0"
                role="slider" aria-label=crate::i18n::t().regime.slider aria-describedby="regime-sentence regime-help"
                aria-valuemin=lo.to_string() aria-valuemax=hi.to_string()
                aria-valuenow=move || mu().to_string() aria-valuetext=move || format!("μ = {}", sig4(mu()))
                on:pointermove=move |ev| pointer.hover(ev) on:pointerdown=move |ev| pointer.press(ev)
                on:pointerup=move |_| pointer.pressed.set_value(false)
                on:pointercancel=move |_| pointer.pressed.set_value(false)
                on:pointerleave=move |ev| pointer.leave(ev)
                on:keydown=move |ev| pointer.key(ev, mu())></canvas>
            <p class="regime-readout" data-testid="regime-readout" aria-live="polite">{readout}</p>
            <p id="regime-sentence" class="regime-sentence" data-testid="regime-sentence">{move || regimes.with(Regimes::sentence)}</p>
            <p id="regime-help" class="regime-help">"Point at the map to read a point's region and z*; click, tap or drag to set μ. On the focused map, ← and → move μ one slider step, Page Up and Page Down ten, Home and End to the ends."</p>
        </section>
    }
}

/// Redraws the map when its picture changes (problem, μ, colours, canvas size) and stamps the
/// canvas with the plot's mapping for tests: `data-plot-left/top/width/height` (CSS px from the
/// canvas' top-left corner), `data-mu-lo/hi`, `data-z-lo/hi` and `data-mu`.
fn redraw(
    canvas_ref: NodeRef<leptos::html::Canvas>,
    regimes: Memo<Regimes>,
    theme: Signal<Palette>,
    frame: StoredValue<Option<MapFrame>>,
) {
    type Key = (Regimes, Palette, Option<(u32, u32, u64, u64)>);
    let size = watch_resize_and_view(canvas_ref);
    let last = StoredValue::new(None::<Key>);
    Effect::new(move |_| {
        size.track();
        let palette = theme.get();
        // Off screen, μ moves cost nothing here: the map catches up as it scrolls near.
        let Some(canvas) = canvas_ref.get().filter(due_for_drawing) else {
            return;
        };
        let data = regimes.get();
        let bitmap =
            measure(&canvas).map(|s| (s.width, s.height, s.zoom.to_bits(), s.min_font.to_bits()));
        let key = Some((data.clone(), palette, bitmap));
        if last.with_value(|l| *l == key) {
            return;
        }
        last.set_value(key);
        match draw_regime_map(&canvas, &data, &palette) {
            Ok(Some(f)) => {
                frame.set_value(Some(f));
                stamp_font(&canvas);
                let attrs = [
                    ("data-plot-left", f.left),
                    ("data-plot-top", f.top),
                    ("data-plot-width", f.width),
                    ("data-plot-height", f.height),
                    ("data-mu-lo", f.mu_lo),
                    ("data-mu-hi", f.mu_hi),
                    ("data-z-lo", f.z_lo),
                    ("data-z-hi", f.z_hi),
                    ("data-mu", data.mu),
                ];
                for (name, value) in attrs {
                    let _ = canvas.set_attribute(name, &value.to_string());
                }
            }
            Ok(None) => {}
            Err(e) => web_sys::console::warn_1(&e.into()),
        }
    });
}

/// What the map's pointer and key handlers share; `Copy`, so each handler takes its own.
#[derive(Clone, Copy)]
struct MapPointer {
    /// The map's canvas.
    canvas_ref: NodeRef<leptos::html::Canvas>,
    /// Where the last drawing put the plot (for turning pixels into (μ, z0)).
    frame: StoredValue<Option<MapFrame>>,
    /// The point the readout names, or `None` for the current μ's summary.
    point: RwSignal<Option<(f64, f64)>>,
    /// Whether a pointer is down on the map (dragging sets μ).
    pressed: StoredValue<bool>,
    /// Sets μ.
    on_mu: Callback<f64>,
}

/// The pointer's position in CSS px from the canvas' corner, unrounded (web-sys' `offset_x`
/// truncates to whole pixels).
fn offset(ev: &web_sys::PointerEvent) -> (f64, f64) {
    let get = |name: &str| {
        js_sys::Reflect::get(ev, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    };
    (get("offsetX"), get("offsetY"))
}

impl MapPointer {
    /// Sets μ to the slider position nearest `mu`.
    fn set_mu(self, mu: f64) {
        self.on_mu.run(mu_at(position_of(mu)));
    }

    /// Pointer move: the readout names the point under it; a pressed pointer also drags μ.
    fn hover(self, ev: web_sys::PointerEvent) {
        let Some(frame) = self.frame.get_value() else {
            return;
        };
        let (x, y) = offset(&ev);
        self.point.set(frame.point_at(x, y, SLACK));
        if self.pressed.get_value() {
            self.set_mu(frame.mu_within(x));
        }
    }

    /// Pointer down (a click or a tap) on the plot: sets μ there and starts a drag.
    fn press(self, ev: web_sys::PointerEvent) {
        let (Some(frame), Some(canvas)) = (self.frame.get_value(), self.canvas_ref.get_untracked())
        else {
            return;
        };
        let (x, y) = offset(&ev);
        let Some((mu, z0)) = frame.point_at(x, y, SLACK) else {
            return;
        };
        self.point.set(Some((mu, z0)));
        self.pressed.set_value(true);
        let _ = canvas.set_pointer_capture(ev.pointer_id());
        self.set_mu(mu);
    }

    /// A mouse leaving the map: the readout goes back to the current μ (a finger's tap keeps
    /// naming the point it touched).
    fn leave(self, ev: web_sys::PointerEvent) {
        self.pressed.set_value(false);
        if ev.pointer_type() == "mouse" {
            self.point.set(None);
        }
    }

    /// Keys on the focused map: ← → ↓ ↑ one slider position, Page Up / Page Down ten, Home and
    /// End the map's ends; the readout then speaks of the current μ.
    fn key(self, ev: web_sys::KeyboardEvent, mu: f64) {
        let pos = position_of(mu);
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowUp" => pos + 1,
            "ArrowLeft" | "ArrowDown" => pos.saturating_sub(1),
            "PageUp" => pos + 10,
            "PageDown" => pos.saturating_sub(10),
            "Home" => 1,
            "End" => MAX_POSITION,
            _ => return,
        };
        ev.prevent_default();
        ev.stop_propagation();
        self.point.set(None);
        self.on_mu.run(mu_at(next.clamp(1, MAX_POSITION)));
    }
}

/// A region's class suffix (`regime-lower`, …: style/regime.css colours the swatch).
fn region_class(region: Region) -> &'static str {
    match region {
        Region::Lower => "lower",
        Region::Inside => "inside",
        Region::Upper => "upper",
    }
}

/// The map's legend in HTML: the regions (for a fit that pins), the curves and the current μ.
#[component]
fn RegimeLegend(
    /// What the map shows.
    regimes: Memo<Regimes>,
) -> impl IntoView {
    let items = move || {
        let r = regimes.get();
        let m = &crate::i18n::t().regime;
        let mut items: Vec<(String, String)> = Vec::new();
        if r.pins() {
            for region in Region::ALL {
                let text = match region {
                    Region::Inside => m.inside_legend.to_string(),
                    other => crate::i18n::fill(m.edge_legend, &[("region", other.label())]),
                };
                items.push((format!("swatch regime-{}", region_class(region)), text));
            }
            let edges = if r.uniform() {
                m.boundary
            } else {
                m.boundaries
            };
            items.push(("swatch line foreground".into(), edges.into()));
            if !r.uniform() {
                items.push(("swatch regime-some".into(), m.smaller_weights.into()));
            }
        }
        items.push(("swatch regime-now".into(), m.current_mu.into()));
        items
    };
    view! {
        <ul class="legend regime-legend">
            {move || items().into_iter().map(|(class, text)| view! {
                <li><span class=class aria-hidden="true"></span>{text}</li>
            }).collect_view()}
        </ul>
    }
}
