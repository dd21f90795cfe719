//! Why z = clamp(z0, band), in plain words and MathML, with the current μ's numbers.

use leptos::prelude::*;

use crate::core::Band;
use crate::link::Params;
use crate::ui::charts::z_chart::fmt_mu;

/// The explanation panel.
#[component]
pub fn Explanation(
    /// Current parameters (μ, lr, z0 range).
    params: RwSignal<Params>,
) -> impl IntoView {
    let mu = move || params.get().mu;
    let half = move || Band::for_mu(mu(), 1.0).map(|b| b.half_width());
    view! {
        <section class="explain" aria-labelledby="explain-title">
            <h2 id="explain-title">"Why z = clamp(z0, band)"</h2>
            <p>
                "Each coordinate is its own 1-D problem "
                <math><mrow><mo>"|"</mo><mi>"z"</mi><mo>"−"</mo><msub><mi>"z"</mi><mn>"0"</mn></msub><mo>"|"</mo><mo>"+"</mo><mi>"μ"</mi><msup><mrow><mo>"("</mo><mi>"z"</mi><mo>"−"</mo><mn>"1"</mn><mo>")"</mo></mrow><mn>"2"</mn></msup></mrow></math>
                ". Its subgradient is "
                <math><mrow><mi>"sign"</mi><mo>"("</mo><mi>"z"</mi><mo>"−"</mo><msub><mi>"z"</mi><mn>"0"</mn></msub><mo>")"</mo><mo>"+"</mo><mn>"2"</mn><mi>"μ"</mi><mo>"("</mo><mi>"z"</mi><mo>"−"</mo><mn>"1"</mn><mo>")"</mo></mrow></math>
                ", where the sign becomes the whole interval [−1, 1] at the kink z = z0."
            </p>
            <p>
                "The optimum is where 0 lies in that set. At z = z0 this needs "
                <math><mrow><mo>"|"</mo><mn>"2"</mn><mi>"μ"</mi><mo>"("</mo><msub><mi>"z"</mi><mn>"0"</mn></msub><mo>"−"</mo><mn>"1"</mn><mo>")"</mo><mo>"|"</mo><mo>"≤"</mo><mn>"1"</mn></mrow></math>
                ", i.e. z0 within 1/(2μ) of 1. "
                {move || match half() {
                    Some(h) => format!(
                        "With μ = {}, 1/(2μ) = {}: every z0 in [{:.4}, {:.4}] is kept as it is; every z0 outside stops at the nearer edge, where the pull 2μ(z − 1) = ±1 exactly balances the fit's slope.",
                        fmt_mu(mu()), fmt_mu(h), 1.0 - h, 1.0 + h),
                    None => "With μ = 0 nothing pulls towards 1: the optimum is z = z0 everywhere and there is no band.".to_string(),
                }}
            </p>
            <p>
                "Why the learned z jitters: inside the band the gradient flips between about −1 and +1 each time z crosses z0. Adam divides by "
                <math><msqrt><mi>"v"</mi></msqrt></math>
                " ≈ 1, so every step has length about the learning rate ("
                {move || fmt_mu(params.get().lr)}
                "), on every coordinate, forever: z keeps dancing around z0 on a scale set by the learning rate (the dashed line in the third chart), and ‖z − z*‖∞ levels off within about ten learning rates instead of going to 0. A decaying learning rate would remove the dance; Keras' Adam does not decay it."
            </p>
        </section>
    }
}
