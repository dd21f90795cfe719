//! Predict, then reveal (`quiz=1`, the Predict button): until Reveal the page computes nothing
//! and shows nothing that depends on the answer — no run, no band, no z*, no clamped count, no
//! explanation with numbers — only the prediction chart. Reveal scores the prediction, then
//! plays the run. In lecture mode the class predicts and the lecturer reveals (V).

use leptos::prelude::*;

use crate::i18n::t;

use crate::link::Params;
use crate::ui::canvas::{stamp_font, watch_resize};
use crate::ui::charts::quiz_chart::{draw_quiz_chart, Mapping, QuizChart};
use crate::ui::palette::Palette;
use crate::view::format::short;
use crate::view::quiz::{pointer_step, Edge, Prediction, Score};

/// Where the prediction stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// No prediction: the lab as usual.
    Off,
    /// The student predicts; the answer is hidden.
    Predicting,
    /// The answer is shown with the prediction's score.
    Revealed,
}

/// The prediction's state (cheap to copy into handlers).
#[derive(Clone, Copy)]
pub struct Quiz {
    /// Where it stands.
    pub phase: RwSignal<Phase>,
    /// The student's prediction.
    pub prediction: RwSignal<Prediction>,
    /// Its score, once revealed.
    pub score: RwSignal<Option<Score>>,
}

impl Quiz {
    /// Predicting from the start when the link says `quiz=1`.
    pub fn new(params: &Params) -> Self {
        Self {
            phase: RwSignal::new(if params.quiz {
                Phase::Predicting
            } else {
                Phase::Off
            }),
            prediction: RwSignal::new(Prediction::start(&params.z0())),
            score: RwSignal::new(None),
        }
    }

    /// Whether the answer is hidden now (tracked).
    pub fn pending(self) -> bool {
        self.phase.get() == Phase::Predicting
    }

    /// The same, untracked.
    pub fn pending_untracked(self) -> bool {
        self.phase.get_untracked() == Phase::Predicting
    }

    /// A fresh prediction over the data `z0`.
    pub fn begin(self, z0: &[f32]) {
        self.prediction.set(Prediction::start(z0));
        self.score.set(None);
        self.phase.set(Phase::Predicting);
    }

    /// Scores the prediction against the problem of `params` and shows the answer.
    pub fn reveal(self, params: &Params) {
        let spec = params.run_spec(0);
        let reference = spec.reference(spec.mu);
        let score = self
            .prediction
            .with_untracked(|p| p.score(&spec.z0(), &reference.z_star, spec.band()));
        self.score.set(Some(score));
        self.phase.set(Phase::Revealed);
    }
}

/// The prediction chart with its edge fields, the sketch switch and Reveal.
#[component]
pub fn QuizPanel(
    /// The link's settings (μ and z0).
    params: RwSignal<Params>,
    /// The prediction.
    quiz: Quiz,
    /// Changes when the colour scheme does.
    theme: Signal<Palette>,
    /// Reveal was pressed.
    on_reveal: Callback<()>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let size = watch_resize(canvas_ref);
    let active = RwSignal::new(None::<Edge>);
    let sketching = RwSignal::new(false);
    let z0 = Memo::new(move |_| params.get().z0());
    Effect::new(move |_| {
        size.track();
        let palette = theme.get();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let (z0, active) = (z0.get(), active.get());
        quiz.prediction.with(|p| {
            let chart = QuizChart {
                z0: &z0,
                prediction: p,
                active,
            };
            if let Err(e) = draw_quiz_chart(&canvas, &chart, &palette) {
                web_sys::console::warn_1(&e.into());
            }
        });
        stamp_font(&canvas);
        if let Some(m) = Mapping::of(&canvas, &z0) {
            let _ = canvas.set_attribute("data-map", &m.describe());
        }
    });
    let pointer = QuizPointer {
        canvas_ref,
        quiz,
        z0,
        active,
        sketching,
        last_point: StoredValue::new(None),
    };
    let title = move || {
        crate::i18n::fill(
            t().teach.quiz_title,
            &[("mu", &crate::i18n::num(params.get().mu))],
        )
    };
    view! {
        <figure class="chart-panel panel-z quiz-panel" data-testid="quiz-panel">
            <figcaption class="chart-title">{title}</figcaption>
            <canvas node_ref=canvas_ref class="chart chart-z chart-quiz" data-testid="quiz-chart" role="img"
                aria-label=t().teach.quiz_aria
                on:pointerdown=move |ev| pointer.down(ev) on:pointermove=move |ev| pointer.drag(ev)
                on:pointerup=move |_| pointer.release() on:pointercancel=move |_| pointer.release()></canvas>
            <div class="quiz-controls">
                <EdgeField quiz=quiz edge=Edge::Lo />
                <EdgeField quiz=quiz edge=Edge::Hi />
                <label class="choice check">
                    <input type="checkbox" data-testid="quiz-sketch" prop:checked=move || sketching.get()
                        on:change=move |ev| sketching.set(event_target_checked(&ev)) />
                    {t().teach.sketch}
                </label>
                <button type="button" class="primary" data-testid="quiz-reveal" on:click=move |_| on_reveal.run(())>{t().teach.reveal}</button>
            </div>
        </figure>
    }
}

/// The prediction chart's pointer: a finger or a mouse near an edge line drags that edge (snapped
/// to a step of at least three pixels); elsewhere, with sketching on, it draws z(z0).
#[derive(Clone, Copy)]
struct QuizPointer {
    canvas_ref: NodeRef<leptos::html::Canvas>,
    quiz: Quiz,
    z0: Memo<Vec<f32>>,
    /// The edge being dragged (None while sketching).
    active: RwSignal<Option<Edge>>,
    sketching: RwSignal<bool>,
    /// The last pointer position in chart units, while a pointer is down.
    last_point: StoredValue<Option<(f64, f64)>>,
}

impl QuizPointer {
    fn mapping(self) -> Option<Mapping> {
        let canvas = self.canvas_ref.get_untracked()?;
        Mapping::of(&canvas, &self.z0.get_untracked())
    }

    fn down(self, ev: web_sys::PointerEvent) {
        let Some(m) = self.mapping() else { return };
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        let edge = self.quiz.prediction.with_untracked(|p| m.edge_at(p, y));
        if edge.is_none() && !self.sketching.get_untracked() {
            return;
        }
        self.active.set(edge);
        self.last_point.set_value(Some(m.to_data(x, y)));
        if let Some(c) = self.canvas_ref.get_untracked() {
            let _ = c.set_pointer_capture(ev.pointer_id());
        }
        ev.prevent_default();
    }

    fn drag(self, ev: web_sys::PointerEvent) {
        let Some(from) = self.last_point.get_value() else {
            return;
        };
        let Some(m) = self.mapping() else { return };
        let to = m.to_data(f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        match self.active.get_untracked() {
            Some(edge) => {
                let step = pointer_step(m.per_px());
                self.quiz
                    .prediction
                    .update(|p| p.set_edge_by(edge, to.1, step));
            }
            None => {
                let z0 = self.z0.get_untracked();
                self.quiz
                    .prediction
                    .update(|p| p.sketch_stroke(&z0, from, to));
            }
        }
        self.last_point.set_value(Some(to));
    }

    fn release(self) {
        self.active.set(None);
        self.last_point.set_value(None);
    }
}

/// One predicted edge as a number field (keyboard and screen readers; the chart's handle is the
/// pointer's way to the same value).
#[component]
fn EdgeField(
    /// The prediction.
    quiz: Quiz,
    /// Which edge.
    edge: Edge,
) -> impl IntoView {
    let (id, label) = match edge {
        Edge::Lo => ("quiz-lo", t().teach.lower_edge),
        Edge::Hi => ("quiz-hi", t().teach.upper_edge),
    };
    let value = move || {
        quiz.prediction.with(|p| match edge {
            Edge::Lo => short(p.lo),
            Edge::Hi => short(p.hi),
        })
    };
    view! {
        <label class="edge-field" for=id>{label}
            <input id=id type="number" step="0.1" data-testid=id prop:value=value
                on:change=move |ev| {
                    if let Some(x) = crate::link::decimal::parse_f64(&event_target_value(&ev).trim().replace('−', "-")) {
                        quiz.prediction.update(|p| p.set_edge(edge, x));
                    }
                } />
        </label>
    }
}

/// The score sentence after Reveal (`data-err-lo`, `data-err-hi`, `data-err-mean`).
#[component]
pub fn QuizScore(
    /// The prediction.
    quiz: Quiz,
) -> impl IntoView {
    let score = move || quiz.score.get();
    view! {
        <Show when=move || quiz.phase.get() == Phase::Revealed>
            <p class="quiz-score" data-testid="quiz-score" aria-live="polite"
                data-err-lo=move || score().and_then(|s| s.edges).map(|e| short(e.0))
                data-err-hi=move || score().and_then(|s| s.edges).map(|e| short(e.1))
                data-err-mean=move || score().map(|s| short(s.mean))>
                {move || score().map(|s| s.sentence()).unwrap_or_default()}
            </p>
        </Show>
    }
}
