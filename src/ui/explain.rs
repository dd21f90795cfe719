//! Why z = clamp(z0, band), in plain words and MathML, with the current μ's numbers.

use leptos::prelude::*;

use crate::link::Params;
use crate::view::explain::{band_sentence, centre_term, centre_text};
use crate::view::format::short;

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
    view! {
        <section class="explain" aria-labelledby="explain-title" hidden=hidden>
            <h2 id="explain-title">"Why z = clamp(z0, band)"</h2>
            <p>
                "Each coordinate is its own 1-D problem "
                <math><mrow><mo>"|"</mo><mi>"z"</mi><mo>"−"</mo><msub><mi>"z"</mi><mn>"0"</mn></msub><mo>"|"</mo><mo>"+"</mo><mi>"μ"</mi><msup><mrow><mo>"("</mo><mi>"z"</mi><mo>"−"</mo><mn>{c}</mn><mo>")"</mo></mrow><mn>"2"</mn></msup></mrow></math>
                ". Its subgradient is "
                <math><mrow><mi>"sign"</mi><mo>"("</mo><mi>"z"</mi><mo>"−"</mo><msub><mi>"z"</mi><mn>"0"</mn></msub><mo>")"</mo><mo>"+"</mo><mn>"2"</mn><mi>"μ"</mi><mo>"("</mo><mi>"z"</mi><mo>"−"</mo><mn>{c}</mn><mo>")"</mo></mrow></math>
                ", where the sign becomes the whole interval [−1, 1] at the kink z = z0."
            </p>
            <p>
                "The optimum is where 0 lies in that set. At z = z0 this needs "
                <math><mrow><mo>"|"</mo><mn>"2"</mn><mi>"μ"</mi><mo>"("</mo><msub><mi>"z"</mi><mn>"0"</mn></msub><mo>"−"</mo><mn>{c}</mn><mo>")"</mo><mo>"|"</mo><mo>"≤"</mo><mn>"1"</mn></mrow></math>
                {move || format!(", i.e. z0 within 1/(2μ) of c = {}. ", centre())}
                {move || { let p = params.get(); band_sentence(p.mu, p.c) }}
            </p>
            <p>
                "Why the learned z jitters: inside the band the gradient flips between about −1 and +1 each time z crosses z0. Adam divides by "
                <math><msqrt><mi>"v"</mi></msqrt></math>
                " ≈ 1, so every step has length about the learning rate ("
                {move || short(params.get().lr)}
                "), on every coordinate, forever: z keeps dancing around z0 on a scale set by the learning rate (the dashed line in the third chart), and ‖z − z*‖∞ levels off within about ten learning rates instead of going to 0. A decaying learning rate would remove the dance; Keras' Adam does not decay it."
            </p>
        </section>
    }
}
