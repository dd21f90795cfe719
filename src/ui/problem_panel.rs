//! The problem beyond the seed: z0's shape (presets, pasted values, dragged points), the fit
//! term, the centre c and the weights, with the Tournesol preset one click away. Every control
//! writes the parameter table, so the link always says what is on screen.

use leptos::prelude::*;

use crate::i18n::{fill, t};

use crate::link::z0_code::MAX_VALUES;
use crate::link::{Choice, FitKind, Params, WeightKind, Z0Source};
use crate::ui::controls::{ParamField, WordSelect};

/// Numbers in free text: separated by spaces, commas, semicolons or new lines.
pub fn parse_values(text: &str) -> Result<Vec<f32>, String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Err(t().panels.paste_one.into());
    }
    if words.len() > MAX_VALUES {
        let (count, max) = (words.len().to_string(), MAX_VALUES.to_string());
        return Err(fill(
            t().panels.too_many,
            &[("count", &count), ("max", &max)],
        ));
    }
    words
        .iter()
        .enumerate()
        .map(|(i, w)| match crate::link::decimal::parse_f32(w) {
            Some(x) if x.is_finite() && x.abs() <= 1e6 => Ok(x),
            _ => {
                let (i, text) = ((i + 1).to_string(), w.chars().take(20).collect::<String>());
                Err(fill(t().panels.bad_value, &[("i", &i), ("text", &text)]))
            }
        })
        .collect()
}

/// Uses `values` as z0 (quantised as the link will carry them).
pub fn set_z0_values(params: RwSignal<Params>, values: &[f32]) -> Result<(), String> {
    let values = crate::link::z0_code::quantise(values)?;
    params.update(|p| {
        p.n = values.len();
        p.z0 = Z0Source::Data;
        p.z0data = values;
    });
    Ok(())
}

/// The problem panel.
#[component]
pub fn ProblemPanel(
    /// All parameters.
    params: RwSignal<Params>,
) -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let apply = move || match parse_values(&pasted.get_untracked())
        .and_then(|v| set_z0_values(params, &v))
    {
        Ok(()) => error.set(None),
        Err(e) => error.set(Some(fill(t().panels.z0_unchanged, &[("why", &e)]))),
    };
    let tournesol = move || {
        params.update(|p| {
            p.w = WeightKind::Tournesol;
            p.tlambda = 2.0;
            p.tcap = 3.0;
            let _ = p.set_number(crate::link::Field::Mu, 1.0); // the table allows it: cannot fail
            p.fit = FitKind::L1;
        })
    };
    let seed_problem = move || {
        params.update(|p| {
            let d = Params::default();
            (p.z0, p.z0data, p.n, p.z0min, p.z0max) = (d.z0, d.z0data, d.n, d.z0min, d.z0max);
            (p.fit, p.delta, p.c, p.w, p.tlambda, p.tcap) =
                (d.fit, d.delta, d.c, d.w, d.tlambda, d.tcap);
        })
    };

    view! {
        <details class="problem" data-testid="problem-panel">
            <summary>{t().panels.problem}</summary>
            <div class="param-grid">
                <WordSelect params=params key="z0" title=t().panels.z0_shape menu=Z0Source::menu() />
                <ParamField params=params key="seed" />
                <WordSelect params=params key="fit" title=t().panels.fit_term menu=FitKind::menu() />
                <Show when=move || params.get().fit == FitKind::Huber>
                    <ParamField params=params key="delta" />
                </Show>
                <ParamField params=params key="c" />
                <WordSelect params=params key="w" title=t().panels.weights menu=WeightKind::menu() />
                <Show when=move || params.get().w == WeightKind::Tournesol>
                    <ParamField params=params key="tlambda" />
                    <ParamField params=params key="tcap" />
                </Show>
            </div>
            <p class="hint">{fill(t().panels.drag_hint, &[("max", &MAX_VALUES.to_string())])}</p>
            <label for="z0-paste" class="block-label">{t().panels.paste_label}</label>
            <textarea id="z0-paste" data-testid="z0-paste" rows="3" spellcheck="false"
                placeholder="-3 -1.5 0 2.5 4 …"
                prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            <Show when=move || error.get().is_some()>
                <p class="field-error" role="alert">{move || error.get().unwrap_or_default()}</p>
            </Show>
            <div class="buttons">
                <button type="button" data-testid="z0-apply" on:click=move |_| apply()>{t().panels.use_values}</button>
                <button type="button" data-testid="tournesol-preset" on:click=move |_| tournesol()>{t().panels.tournesol_preset}</button>
                <button type="button" class="link-button" data-testid="problem-reset" on:click=move |_| seed_problem()>{t().panels.back_to_seed}</button>
            </div>
        </details>
    }
}
