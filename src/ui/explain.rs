//! Why z = clamp(z0, band), in plain words and MathML, with the current μ's numbers.

use leptos::prelude::*;

use crate::i18n::{fill, num, t};
use crate::link::Params;
use crate::view::explain::{band_sentence, centre_term, centre_text};

/// The explanation panel.
#[component]
pub fn Explanation(
    /// Current parameters (μ, lr, z0 range).
    params: RwSignal<Params>,
    /// Hidden while a prediction is pending (it names the band).
    hidden: Signal<bool>,
) -> impl IntoView {
    let c = move || centre_term(params.get().c);
    let centre = move || centre_text(params.get().c);
    let m = &t().panels;
    view! {
        <section class="explain" aria-labelledby="explain-title" hidden=hidden>
            <h2 id="explain-title">{m.why_title}</h2>
            <p>
                {m.each_coordinate}
                <math><mrow><mo>"|"</mo><mi>"z"</mi><mo>"−"</mo><msub><mi>"z"</mi><mn>"0"</mn></msub><mo>"|"</mo><mo>"+"</mo><mi>"μ"</mi><msup><mrow><mo>"("</mo><mi>"z"</mi><mo>"−"</mo><mn>{c}</mn><mo>")"</mo></mrow><mn>"2"</mn></msup></mrow></math>
                {m.its_subgradient}
                <math><mrow><mi>"sign"</mi><mo>"("</mo><mi>"z"</mi><mo>"−"</mo><msub><mi>"z"</mi><mn>"0"</mn></msub><mo>")"</mo><mo>"+"</mo><mn>"2"</mn><mi>"μ"</mi><mo>"("</mo><mi>"z"</mi><mo>"−"</mo><mn>{c}</mn><mo>")"</mo></mrow></math>
                {m.sign_interval}
            </p>
            <p>
                {m.optimum_where}
                <math><mrow><mo>"|"</mo><mn>"2"</mn><mi>"μ"</mi><mo>"("</mo><msub><mi>"z"</mi><mn>"0"</mn></msub><mo>"−"</mo><mn>{c}</mn><mo>")"</mo><mo>"|"</mo><mo>"≤"</mo><mn>"1"</mn></mrow></math>
                {move || fill(m.within, &[("c", &centre())])}
                {move || { let p = params.get(); band_sentence(p.mu, p.c) }}
            </p>
            <p>
                {m.jitter}
                <math><msqrt><mi>"v"</mi></msqrt></math>
                {m.step_length}
                {move || num(params.get().lr)}
                {m.dance}
            </p>
        </section>
    }
}
