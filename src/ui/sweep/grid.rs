//! The sweep view's middle row: the μ grid's own settings, the overlay of every μ's learned z,
//! and the band edges against μ.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{fill, num, t};

use crate::core::Band;
use crate::link::Params;
use crate::ui::canvas::watch_resize;
use crate::ui::charts::band_edges::{draw_band_edges, BandEdges};
use crate::ui::charts::overlay::{draw_overlay, row_color, Overlay};
use crate::ui::palette::Palette;
use crate::view::sweep_shown::SweepShown;

/// The grid's own settings: μ from, μ to, count.
#[component]
pub(super) fn SweepField(
    /// All parameters.
    params: RwSignal<Params>,
) -> impl IntoView {
    use crate::ui::controls::ParamField;
    view! {
        <fieldset class="sweep-settings">
            <legend>{t().panels.grid}</legend>
            <ParamField params=params key="smin" />
            <ParamField params=params key="smax" />
            <ParamField params=params key="scount" />
            <p class="hint">{t().panels.shared_hint}</p>
        </fieldset>
    }
}

/// The overlay: z against z0 for every μ of the sweep, with a chip per μ and z* on demand.
#[component]
pub(super) fn OverlayPanel(
    sweep: RwSignal<Option<Arc<SweepShown>>>,
    theme: Signal<Palette>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let size = watch_resize(canvas_ref);
    let show_star = RwSignal::new(true);
    Effect::new(move |_| {
        size.track();
        let palette = theme.get();
        let star = show_star.get();
        let (Some(canvas), Some(s)) = (canvas_ref.get(), sweep.get()) else {
            return;
        };
        let data = Overlay::of(&s, star, false);
        if let Err(e) = draw_overlay(&canvas, &data, &palette) {
            web_sys::console::warn_1(&e.into());
        }
        crate::ui::canvas::stamp_font(&canvas);
    });
    view! {
        <figure class="chart-panel overlay-panel">
            <figcaption class="chart-title">{t().panels.overlay_title}</figcaption>
            <canvas node_ref=canvas_ref class="chart chart-overlay" data-testid="chart-overlay" role="img"
                aria-label=t().panels.overlay_aria></canvas>
            <div class="colorbar-legend">
                {move || sweep.get().map(|s| {
                    let m = s.rows();
                    s.result.rows.iter().enumerate().map(|(i, r)| {
                        let c = row_color(i, m);
                        view! { <span class="mu-chip"><span class="chip" style:background=format!("rgb({},{},{})", c.0, c.1, c.2)></span>{format!("μ = {}", num(r.mu))}</span> }
                    }).collect_view()
                })}
            </div>
            <label class="choice"><input type="checkbox" prop:checked=move || show_star.get() on:change=move |_| show_star.update(|v| *v = !*v) />{t().panels.show_star}</label>
        </figure>
    }
}

/// The smallest and largest z0 (of the preset or the values).
fn z0_range(p: &Params) -> (f64, f64) {
    p.z0()
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
            (lo.min(f64::from(x)), hi.max(f64::from(x)))
        })
}

/// The band edges against μ with the z0 range shaded, and where clamping starts.
#[component]
pub(super) fn BandEdgesPanel(params: RwSignal<Params>, theme: Signal<Palette>) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let size = watch_resize(canvas_ref);
    Effect::new(move |_| {
        size.track();
        let palette = theme.get();
        let p = params.get();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let mus = p.sweep_mus();
        let data = BandEdges {
            mus: &mus,
            z0_range: z0_range(&p),
            centre: p.c,
            annotate: false,
        };
        if let Err(e) = draw_band_edges(&canvas, &data, &palette) {
            web_sys::console::warn_1(&e.into());
        }
        crate::ui::canvas::stamp_font(&canvas);
    });
    let summary = move || {
        let p = params.get();
        let mus = p.sweep_mus();
        match Band::clamping_starts(z0_range(&p), p.c) {
            Some(start) => {
                let none = mus.iter().filter(|&&m| m <= start).count();
                let (mu, none, count) = (num(start), none.to_string(), mus.len().to_string());
                fill(
                    t().panels.clamping_starts,
                    &[("mu", &mu), ("none", &none), ("count", &count)],
                )
            }
            None => t().panels.never_clamped.into(),
        }
    };
    view! {
        <figure class="chart-panel">
            <figcaption class="chart-title">{t().panels.edges_title}</figcaption>
            <canvas node_ref=canvas_ref class="chart chart-band-edges" data-testid="chart-band-edges" role="img"
                aria-label=t().panels.edges_aria></canvas>
            <p class="hint">{summary}</p>
        </figure>
    }
}
