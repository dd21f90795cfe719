//! Lecture mode and the keyboard: P toggles lecture mode, ? shows the keys; in lecture mode
//! ←/→ step μ through the sweep grid (or the tour, while one runs), [ / ] multiply / divide μ by
//! 10^¼, Space plays or pauses, R replays, `,` / `.` scrub, V reveals a prediction, F toggles
//! full screen.

use leptos::prelude::*;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{fill, num, range, t};
use crate::link::keys::{page_action, step_grid, Action, KEYS, MU_FACTOR, SLIDER_PASSES};
use crate::link::{View, TOUR_STEPS};
use crate::ui::lab::Lab;
use crate::view::preview::Preview;
use crate::view::shown::Frame;

/// The caption a projector shows for the current picture: the slider's μ (`preview`, the
/// analytic tier, while the worker computes it), else the shown run's.
pub fn caption(frame: &Option<Frame>, preview: Option<&Preview>) -> String {
    let m = &t().lab;
    let Some(f) = frame else {
        return m.computing.into();
    };
    let (mu, band, clamped) = match preview {
        Some(p) => (p.mu, p.band, p.clamped),
        None => (f.shown.result.spec.mu, f.shown.band, f.shown.clamped),
    };
    let n = f.shown.z0.len().to_string();
    let follow = (f.shown.z0.len() - clamped).to_string();
    let counts = [("n", n.as_str()), ("follow", follow.as_str())];
    let zero = mu == 0.0;
    let mu = num(mu);
    match band {
        None if zero => fill(m.caption_zero, &counts),
        None => {
            let problem = f.shown.result.spec.problem_label();
            let more = [("mu", mu.as_str()), ("problem", problem.as_str())];
            fill(m.caption_variant, &[&counts[..], &more].concat())
        }
        Some(b) => {
            let band = range(&num(b.lo), &num(b.hi));
            let more = [("mu", mu.as_str()), ("band", band.as_str())];
            fill(m.caption_band, &[&counts[..], &more].concat())
        }
    }
}

/// Installs the page-wide key handler. `show_keys` / `show_qr` open the key list / the QR code
/// (Esc closes both); the lab plays, scrubs and reveals.
pub fn install_keys(lab: Lab, show_keys: RwSignal<bool>, show_qr: RwSignal<bool>) {
    let params = lab.params;
    let handler =
        Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |ev: web_sys::KeyboardEvent| {
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            // Typing into a field is typing, not a command; the slider keeps its own arrows.
            if let Some(el) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let tag = el.tag_name().to_ascii_lowercase();
                let kind = el.get_attribute("type").unwrap_or_default();
                let typing = tag == "textarea"
                    || tag == "select"
                    || (tag == "input" && !matches!(kind.as_str(), "radio" | "checkbox" | "range"));
                let slider_key = tag == "input"
                    && kind == "range"
                    && !SLIDER_PASSES.contains(&ev.key().as_str());
                if typing || slider_key {
                    return;
                }
            }
            let p = params.get_untracked();
            let Some(action) = page_action(&ev.key(), p.present, show_qr.get_untracked()) else {
                return;
            };
            ev.prevent_default();
            match action {
                Action::TogglePresent => params.update(|q| q.present = !q.present),
                Action::ToggleKeys => show_keys.update(|v| *v = !*v),
                Action::ToggleQr => show_qr.update(|v| *v = !*v),
                Action::Close => {
                    show_keys.set(false);
                    show_qr.set(false);
                }
                Action::Back | Action::Forward => {
                    let dir = if action == Action::Forward { 1 } else { -1 };
                    if p.tour > 0 {
                        let k = (p.tour as i64 + i64::from(dir)).clamp(1, TOUR_STEPS as i64) as u64;
                        if let Some(next) = crate::link::tour::step_params(k, &p) {
                            params.set(next);
                        }
                    } else {
                        let mu = step_grid(&p.sweep_mus(), p.mu, dir);
                        if crate::ui::lab::set_mu(params, mu).is_ok() {
                            params.update(|q| q.view = View::Live);
                        }
                    }
                }
                Action::MuUp | Action::MuDown => {
                    let f = if action == Action::MuUp {
                        MU_FACTOR
                    } else {
                        1.0 / MU_FACTOR
                    };
                    let mu = if p.mu == 0.0 {
                        1e-3
                    } else {
                        crate::link::mu_scale::round_sig(p.mu * f, 4)
                    };
                    let _ = crate::ui::lab::set_mu(params, mu.min(crate::link::MAX_MU));
                }
                Action::PlayPause => lab.play_pause(),
                Action::Replay => lab.replay(),
                Action::ScrubBack => lab.player.nudge(-1),
                Action::ScrubForward => lab.player.nudge(1),
                Action::Reveal => lab.reveal(),
                Action::Fullscreen => toggle_fullscreen(),
            }
        });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("keydown", handler.as_ref().unchecked_ref());
    }
    handler.forget(); // page-long
}

fn toggle_fullscreen() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(root) = doc.document_element() {
        let _ = root.request_fullscreen();
    }
}

/// The key list, as a dialog-like panel.
#[component]
pub fn KeyList(
    /// Whether it is open.
    show: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <Show when=move || show.get()>
            <div class="keylist" role="dialog" aria-modal="false" aria-labelledby="keylist-title" data-testid="keylist">
                <h2 id="keylist-title">{t().teach.keys_title}</h2>
                <dl>
                    {KEYS.iter().map(|(k, what)| view! { <dt><kbd>{k(&t().teach)}</kbd></dt><dd>{what(&t().teach)}</dd> }).collect_view()}
                </dl>
                <button type="button" on:click=move |_| show.set(false)>{t().lab.close}</button>
            </div>
        </Show>
    }
}
