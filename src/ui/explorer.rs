//! The subgradient explorer: pick a coordinate (click a point of the z chart, or type its index)
//! and see its own 1-D problem — the seed notebook's derivation, drawn.

use leptos::prelude::*;

use crate::i18n::{fill, num_fixed, range, t};

use crate::ui::canvas::{due_for_drawing, watch_resize_and_view};
use crate::ui::charts::explorer::{draw_explorer, Coordinate};
use crate::ui::palette::Palette;
use crate::view::shown::Frame;

/// The explorer panel.
#[component]
pub fn Explorer(
    /// The picture.
    frame: Signal<Option<Frame>>,
    /// The coordinate explored.
    selected: RwSignal<usize>,
    /// Changes when the colour scheme does.
    theme: Signal<Palette>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let size = watch_resize_and_view(canvas_ref);
    let coordinate = move || {
        let f = frame.get()?;
        let i = selected.get().min(f.shown.z0.len().saturating_sub(1));
        Some((
            i,
            Coordinate {
                z0: f64::from(f.shown.z0[i]),
                mu: f.shown.result.spec.mu,
                centre: f.shown.result.spec.centre,
                z_star: f64::from(f.shown.z_star[i]),
                z: f64::from(f.z()[i]),
            },
        ))
    };
    Effect::new(move |_| {
        size.track();
        let palette = theme.get();
        // It sits below the lab's charts: off screen, a new run costs nothing here.
        let Some(canvas) = canvas_ref.get().filter(due_for_drawing) else {
            return;
        };
        let Some((_, c)) = coordinate() else {
            return;
        };
        if let Err(e) = draw_explorer(&canvas, &c, &palette) {
            web_sys::console::warn_1(&e.into());
        }
        crate::ui::canvas::stamp_font(&canvas);
    });
    let n = move || frame.get().map_or(1, |f| f.shown.z0.len());
    view! {
        <section class="explorer" data-testid="explorer" aria-labelledby="explorer-title">
            <h2 id="explorer-title">{t().panels.explorer}</h2>
            <div class="param">
                <label for="explore-coordinate">{t().panels.explorer_pick}</label>
                <input id="explore-coordinate" type="number" min="0" max=move || (n() - 1).to_string() step="1"
                    data-testid="explore-coordinate"
                    prop:value=move || selected.get().to_string()
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).trim().parse::<usize>() {
                            selected.set(i.min(n() - 1));
                        }
                    } />
            </div>
            <canvas node_ref=canvas_ref class="chart chart-explorer" role="img"
                aria-label=t().panels.explorer_aria></canvas>
            <p class="hint" aria-live="polite" data-testid="explorer-text">
                {move || coordinate().map(|(i, c)| {
                    let (lo, hi) = c.subdifferential(c.z_star);
                    let m = &t().panels;
                    let why = if c.z_star == c.z0 { m.on_kink.to_string() } else { fill(m.on_edge, &[("c", &crate::view::explain::centre_term(c.centre))]) };
                    let f3 = |x: f64| num_fixed(x, 3);
                    let values = [("i", i.to_string()), ("z0", f3(c.z0)), ("star", f3(c.z_star)), ("z", f3(c.z)),
                        ("interval", range(&f3(lo), &f3(hi))), ("why", why)];
                    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    fill(m.explorer_text, &values)
                }).unwrap_or_default()}
            </p>
        </section>
    }
}
