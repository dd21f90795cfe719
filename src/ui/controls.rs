//! The control panel: μ, learning rate, the advanced settings (each a row of the parameter
//! table), and playback.

use leptos::prelude::*;

use crate::i18n::{fill, num, t};

use crate::link::mu_scale::{mu_at, position_of, round_sig, MAX_POSITION};
use crate::link::{fmt_real, Params, Playback};
use crate::view::format::short;

/// The μ slider (log scale, exactly 0 at its left end) and a number input for exact values.
#[component]
pub fn MuControl(
    /// The current μ.
    mu: Signal<f64>,
    /// Called with a new μ; `Err` when the parameter table refuses it (μ keeps its value).
    on_change: impl Fn(f64) -> Result<(), String> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let bad_input = RwSignal::new(false);
    view! {
        <div class="field mu-field">
            <label for="mu-slider">"μ"<span class="label-rest">{t().lab.mu_rest}</span></label>
            <input
                id="mu-slider"
                type="range"
                data-testid="mu-slider"
                min="0"
                max=MAX_POSITION.to_string()
                step="1"
                aria-valuetext=move || format!("μ = {}", crate::i18n::num(mu.get()))
                prop:value=move || position_of(mu.get()).to_string()
                on:input=move |ev| {
                    if let Ok(pos) = event_target_value(&ev).parse::<u32>() {
                        bad_input.set(on_change(mu_at(pos)).is_err());
                    }
                }
            />
            <div class="scale-labels" aria-hidden="true"><span>"0"</span><span>{num(0.001)}</span><span>{num(0.1)}</span><span>"10"</span><span>"100"</span></div>
            <input
                id="mu-input"
                type="number"
                data-testid="mu-input"
                min="0"
                max="1000000"
                step="any"
                aria-label=t().lab.mu_exact
                aria-invalid=move || bad_input.get().to_string()
                prop:value=move || short(mu.get())
                on:change=move |ev| {
                    let typed = crate::link::decimal::parse_f64(event_target_value(&ev).trim());
                    let accepted = typed.ok_or_else(String::new).and_then(on_change);
                    bad_input.set(accepted.is_err());
                }
            />
            <Show when=move || bad_input.get()>
                <p class="field-error" role="alert">{t().lab.mu_bad}{move || crate::i18n::num(mu.get())}</p>
            </Show>
        </div>
    }
}

/// The learning rate on a log slider (1e-5 … 1, 50 steps per decade) plus an exact input.
#[component]
pub fn LrControl(
    /// All parameters (the learning rate is `lr`).
    params: RwSignal<Params>,
) -> impl IntoView {
    let to_pos = |lr: f64| ((lr.log10() + 5.0) * 50.0).round().clamp(0.0, 250.0) as u32;
    let from_pos = |p: u32| round_sig(10f64.powf(-5.0 + f64::from(p) / 50.0), 3);
    view! {
        <div class="field lr-field">
            <label for="lr-slider">{t().lab.lr_label}</label>
            <input id="lr-slider" type="range" min="0" max="250" step="1" data-testid="lr-slider"
                aria-valuetext=move || fill(t().lab.lr_value, &[("lr", &fmt_real(params.get().lr))])
                prop:value=move || to_pos(params.get().lr).to_string()
                on:input=move |ev| {
                    if let Ok(p) = event_target_value(&ev).parse::<u32>() {
                        params.update(|q| q.lr = from_pos(p));
                    }
                } />
            <div class="scale-labels" aria-hidden="true"><span>"1e-5"</span><span>"1e-3"</span><span>"1"</span></div>
            <ParamField params=params key="lr" />
        </div>
    }
}

/// A number input bound to one row of the parameter table; invalid text is refused with the
/// table's own message and the last good value stays in force.
#[component]
pub fn ParamField(
    /// All parameters.
    params: RwSignal<Params>,
    /// The URL key of the row (see [`crate::link::SPECS`]).
    key: &'static str,
) -> impl IntoView {
    let spec = *crate::link::spec(key);
    let error = RwSignal::new(None::<String>);
    let id = format!("param-{key}");
    view! {
        <div class="param">
            <label for=id.clone()>{crate::i18n::key_label(spec.key, spec.label)}</label>
            <input id=id type="text" inputmode="decimal" data-testid=format!("param-{key}")
                spellcheck="false" autocomplete="off"
                aria-invalid=move || error.get().is_some().to_string()
                prop:value=move || params.get().get(spec.field)
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    let mut next = params.get_untracked();
                    let result = next.set(&spec, &text);
                    // A new n or z0 range asks for a preset: typed-in values give way to the line.
                    if result.is_ok() && matches!(key, "n" | "z0min" | "z0max") && next.z0 == crate::link::Z0Source::Data {
                        next.z0 = crate::link::Z0Source::default();
                        next.z0data.clear();
                    }
                    match result {
                        Ok(()) if next.z0min >= next.z0max => error.set(Some(t().lab.z0_order.into())),
                        Ok(()) => {
                            error.set(None);
                            params.set(next);
                        }
                        Err(reason) => error.set(Some(fill(t().lab.keeping, &[("reason", &reason), ("value", &params.get_untracked().get(spec.field))]))),
                    }
                } />
            <Show when=move || error.get().is_some()>
                <p class="field-error" role="alert">{move || error.get().unwrap_or_default()}</p>
            </Show>
        </div>
    }
}

/// Epochs, n, the z0 range and Adam's β1, β2, ε, behind a disclosure.
#[component]
pub fn Advanced(
    /// All parameters.
    params: RwSignal<Params>,
) -> impl IntoView {
    view! {
        <details class="advanced">
            <summary>{t().lab.advanced}</summary>
            <div class="param-grid">
                <ParamField params=params key="epochs" />
                <ParamField params=params key="n" />
                <ParamField params=params key="z0min" />
                <ParamField params=params key="z0max" />
                <ParamField params=params key="beta1" />
                <ParamField params=params key="beta2" />
                <ParamField params=params key="eps" />
            </div>
            <button type="button" class="link-button" on:click=move |_| params.set(Params { mu: params.get_untracked().mu, ..Params::default() })>
                {t().lab.restore}
            </button>
        </details>
    }
}

/// Playback choice (radio buttons) and the Run / Pause / Resume / Step / Reset buttons.
#[component]
pub fn PlaybackBar(
    /// All parameters (`play`).
    params: RwSignal<Params>,
    /// Whether a playback is running.
    playing: Signal<bool>,
    /// Whether a picture can be stepped / reset (a run with snapshots is shown).
    can_step: Signal<bool>,
    /// Run pressed.
    on_run: impl Fn() + Copy + Send + Sync + 'static,
    /// Pause / Resume pressed.
    on_pause_resume: impl Fn() + Copy + Send + Sync + 'static,
    /// Step pressed.
    on_step: impl Fn() + Copy + Send + Sync + 'static,
    /// Reset pressed.
    on_reset: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let label = |p: Playback| match p {
        Playback::Instant => t().lab.instant.to_string(),
        Playback::Seconds(s) => format!("{s} s"),
    };
    view! {
        <fieldset class="playback">
            <legend>{t().lab.playback}</legend>
            <div class="choices" role="radiogroup">
                {Playback::CHOICES.into_iter().map(|p| view! {
                    <label class="choice">
                        <input type="radio" name="play" data-testid=format!("play-{}", p.key())
                            prop:checked=move || params.get().play == p
                            on:change=move |_| params.update(|q| q.play = p) />
                        {label(p)}
                    </label>
                }).collect_view()}
            </div>
            <div class="buttons">
                <button type="button" class="run" data-testid="run" on:click=move |_| on_run()>{t().lab.run}</button>
                <button type="button" data-testid="pause" on:click=move |_| on_pause_resume()
                    disabled=move || !can_step.get()>
                    {move || if playing.get() { t().lab.pause } else { t().lab.resume }}
                </button>
                <button type="button" data-testid="step" on:click=move |_| on_step() disabled=move || !can_step.get() || playing.get()>{t().lab.step}</button>
                <button type="button" data-testid="reset" on:click=move |_| on_reset() disabled=move || !can_step.get()>{t().lab.reset}</button>
            </div>
        </fieldset>
    }
}

/// A menu bound to one word-valued row of the parameter table; its words and labels come
/// from the setting's enum ([`crate::link::Choice::menu`]).
#[component]
pub fn WordSelect(
    /// All parameters.
    params: RwSignal<Params>,
    /// The URL key of the row (see [`crate::link::SPECS`]).
    key: &'static str,
    /// The visible label.
    title: &'static str,
    /// (word, label) of each choice, in menu order.
    menu: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let spec = *crate::link::spec(key);
    let id = format!("param-{key}");
    view! {
        <div class="param">
            <label for=id.clone()>{title}</label>
            <select id=id data-testid=format!("param-{key}")
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    params.update(|p| { let _ = p.set(&spec, &text); });
                }>
                {menu.into_iter().map(|(word, label)| view! {
                    <option value=word selected=move || params.get().get(spec.field) == word>{label}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// The optimizer, a second one to compare with, and the learning-rate decay.
#[component]
pub fn OptimizerControls(
    /// All parameters (`opt`, `compare`, `decay`).
    params: RwSignal<Params>,
) -> impl IntoView {
    use crate::core::optim::OptimizerKind;
    use crate::link::{Choice, Compare, DecayKind};
    view! {
        <fieldset class="optimizers">
            <legend>{t().lab.optimizer}</legend>
            <WordSelect params=params key="opt" title=t().lab.optimizer_title menu=OptimizerKind::menu() />
            <WordSelect params=params key="compare" title=t().lab.compare_title menu=Compare::menu() />
            <WordSelect params=params key="decay" title=t().lab.decay_title menu=DecayKind::menu() />
        </fieldset>
    }
}
