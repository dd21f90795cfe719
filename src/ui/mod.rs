//! The page (leptos, client-side rendered). Only this module owns signals; charts take data.

pub mod canvas;
pub mod charts;
pub mod client;
pub mod colormap;
mod controls;
mod download;
mod explain;
mod explorer;
mod exports;
mod first_screen;
mod js_error;
pub mod lab;
pub mod lang;
pub mod lecture;
pub mod palette;
mod panels;
mod playback;
mod png;
mod problem_panel;
mod qr;
mod quiz;
mod readouts;
mod record;
mod regime_map;
mod scrubber;
mod share;
pub mod sweep;
mod timing;
mod tourbar;
mod tournesol;
mod url;
mod worker_notice;

use leptos::prelude::*;

use crate::i18n::{fill, t};
use crate::link::{Params, View};
use crate::view::run_state::RunState;
use controls::{Advanced, LrControl, MuControl, PlaybackBar};
use explain::Explanation;
use exports::Exports;
use lab::Lab;
use panels::{LossPanel, SuboptPanel, ZPanel};
use readouts::{Notices, Readouts};
use sweep::{SweepState, SweepView};

/// The sentence after the seed's formula: the seed's closed form, or what the link changed.
fn formula_tail(p: &Params) -> String {
    let spec = p.run_spec(0);
    let by = crate::i18n::name(spec.opt.label());
    if spec.is_seed_shape() && spec.centre == 1.0 {
        fill(t().lab.formula_seed, &[("by", by)])
    } else {
        let problem = spec.problem_label();
        fill(
            t().lab.formula_changed,
            &[("problem", &problem), ("by", by)],
        )
    }
}

/// The whole page: the masthead, the notices, the two views and the exports. Composition only:
/// the state and what can be done to it are [`Lab`]'s; where each part sits in each mode
/// (desktop, phone, lecture stage, embed) is style/main.css's.
#[component]
pub fn App() -> impl IntoView {
    let sweep_state = RwSignal::new(SweepState::Idle);
    let lab = Lab::start(move || sweep_state.get().pending());
    let params = lab.params;
    let theme = palette::watch_theme();
    let show_keys = RwSignal::new(false);
    let show_qr = RwSignal::new(false);
    lecture::install_keys(lab, show_keys, show_qr);
    let frame = lab.frame;
    let sweep = RwSignal::new(None);
    first_screen::keep_lab_top_current();
    view! {
        <div class=move || lab.params.with(|p| p.root_class())>
        <Masthead params=params show_keys=show_keys show_qr=show_qr />
        <main>
        // An embed hides the masthead; its page still has a title for screen readers.
        <Show when=move || params.get().embed>
            <h1 class="visually-hidden">{t().lab.embed_title}</h1>
        </Show>
        <Notices notices=lab.notices />
        <worker_notice::WorkerNotice />
        <lecture::KeyList show=show_keys />
        <qr::QrOverlay open=show_qr />
        <tourbar::TourBar params=params />
        <div class="sweep-view" hidden=move || params.get().view != View::Sweep>
            <SweepView params=params theme=theme sweep=sweep state=sweep_state />
        </div>
        <LiveLab lab=lab theme=theme />
        <Exports params=params frame=Signal::derive(move || frame.get()) sweep=sweep message=lab.message />
        </main>
        </div>
    }
}

/// The title, the view tabs, the tour / share / QR / lecture / keys buttons and the problem's
/// formula.
#[component]
fn Masthead(
    params: RwSignal<Params>,
    show_keys: RwSignal<bool>,
    show_qr: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <header class="masthead">
            <div class="title-row">
                <h1>"reglab"</h1>
                <ViewTabs params=params />
                <div class="header-actions">
                    <lang::LangSelect params=params />
                    <tourbar::TourStart params=params />
                    <share::ShareLink params=params />
                    <qr::QrButton open=show_qr />
                    <button type="button" data-testid="present-toggle" class="present-toggle" aria-pressed=move || params.get().present.to_string()
                        on:click=move |_| params.update(|p| p.present = !p.present)>
                        {move || if params.get().present { t().lab.lecture_off } else { t().lab.lecture_on }}
                    </button>
                    <button type="button" data-testid="keys-toggle" class="keys-toggle" on:click=move |_| show_keys.update(|v| *v = !*v)>{t().lab.keys_button}</button>
                </div>
            </div>
            // index.html's boot shell shows this formula (and the name above) until the app
            // starts, as static MathML: a change here belongs there too.
            <p class="formula">
                <math display="inline">
                    <mi>"L"</mi><mo>"("</mo><mi>"z"</mi><mo>")"</mo><mo>"="</mo>
                    <msub><mrow><mo>"‖"</mo><mi>"z"</mi><mo>"−"</mo><msub><mi>"z"</mi><mn>"0"</mn></msub><mo>"‖"</mo></mrow><mn>"1"</mn></msub>
                    <mo>"+"</mo><mi>"μ"</mi>
                    <msubsup><mrow><mo>"‖"</mo><mi>"z"</mi><mo>"−"</mo><mn>"1"</mn><mo>"‖"</mo></mrow><mn>"2"</mn><mn>"2"</mn></msubsup>
                </math>
                <span class="formula-tail">{move || formula_tail(&params.get())}</span>
            </p>
        </header>
    }
}

/// The live lab / μ sweep tabs.
#[component]
fn ViewTabs(params: RwSignal<Params>) -> impl IntoView {
    view! {
        <nav class="tabs" role="tablist" aria-label=t().lab.views>
            {View::CHOICES.into_iter().map(|v| view! {
                <button type="button" role="tab" data-testid=format!("view-{}", v.key())
                    aria-selected=move || (params.get().view == v).to_string()
                    on:click=move |_| params.update(|p| p.view = v)>
                    {match v { View::Live => t().lab.tab_live, View::Sweep => t().lab.tab_sweep }}
                </button>
            }).collect_view()}
        </nav>
    }
}

/// The live view: the caption, the charts, the μ bar, the readouts, the other controls, the
/// explanation and the explorer — in that order, which is the phone's; wider screens, the
/// lecture stage and embeds place them by grid area (style/main.css).
#[component]
pub fn LiveLab(lab: Lab, theme: Signal<palette::Palette>) -> impl IntoView {
    let params = lab.params;
    let (frame, state, player) = (lab.frame, lab.state, lab.player);
    let shown_frame = Signal::derive(move || frame.get());
    let compare = Signal::derive(move || lab.compare.get());
    let selected = RwSignal::new(0usize);
    view! {
        <section class="lab" aria-label=t().lab.tab_live hidden=move || params.get().view != View::Live>
            <p class="lecture-caption" data-testid="lecture-caption" aria-live="polite">{move || {
                if lab.quiz.pending() {
                    fill(t().lab.predict_caption, &[("mu", &crate::i18n::num(params.get().mu))])
                } else {
                    lecture::caption(&frame.get(), lab.preview().as_deref())
                }
            }}</p>
            <Show when=move || lab.quiz.pending()>
                <section class="charts" aria-label=t().lab.your_prediction>
                    <quiz::QuizPanel params=params quiz=lab.quiz theme=theme on_reveal=Callback::new(move |()| lab.reveal()) />
                </section>
            </Show>
            // While predicting, the charts are hidden and hold no picture (Predict clears the
            // frame, and a chart without a picture clears its canvas and its data attributes).
            <section class="charts" aria-label=t().lab.charts hidden=move || lab.quiz.pending()>
                <ZPanel frame=shown_frame lab=lab theme=theme selected=selected compare=compare on_drag=Callback::new(move |(i, x)| lab.drag_z0(i, x))>
                    <scrubber::Scrubber frame=frame player=player state=state />
                    <quiz::QuizScore quiz=lab.quiz />
                </ZPanel>
                <LossPanel frame=shown_frame theme=theme compare=compare />
                <SuboptPanel frame=shown_frame theme=theme compare=compare />
            </section>
            <div class="mu-bar">
                <MuControl mu=Signal::derive(move || params.get().mu) on_change=move |x| lab.set_mu(x) />
                <share::EmbedOpen params=params />
            </div>
            <Readouts frame=shown_frame lab=lab state=state epochs=Signal::derive(move || params.get().epochs) progress=lab.progress message=lab.message ready=lab.ready compare=compare />
            <section class="controls" aria-label=t().lab.controls>
                <div class="teach-bar">
                    <label class="choice check warm-start" title=t().lab.warm_title>
                        <input type="checkbox" data-testid="warm-start" prop:checked=move || params.get().warm
                            on:change=move |ev| params.update(|p| p.warm = event_target_checked(&ev)) />
                        {t().lab.warm_label}
                    </label>
                    <QuizButtons lab=lab />
                </div>
                <LrControl params=params />
                <PlaybackBar params=params
                    playing=Signal::derive(move || state.get() == RunState::Running)
                    can_step=Signal::derive(move || frame.get().is_some_and(|f| f.steps() > 1))
                    on_run=move || lab.run()
                    on_pause_resume=move || player.toggle()
                    on_step=move || player.step()
                    on_reset=move || player.reset() />
                <record::RecordBar lab=lab theme=theme />
                <controls::OptimizerControls params=params />
                <problem_panel::ProblemPanel params=params />
                <Advanced params=params />
            </section>
            <Explanation params=params hidden=Signal::derive(move || lab.quiz.pending()) />
            <regime_map::RegimeMap params=params theme=theme on_mu=Callback::new(move |mu| { let _ = lab.set_mu(mu); }) hidden=Signal::derive(move || lab.quiz.pending()) />
            <tournesol::TournesolStory params=params />
            <explorer::Explorer frame=shown_frame selected=selected theme=theme />
        </section>
    }
}

/// Predict (hide the answer and predict it), or, while predicting, Reveal; after Reveal, Predict
/// again or leave.
#[component]
fn QuizButtons(lab: Lab) -> impl IntoView {
    use quiz::Phase;
    let phase = lab.quiz.phase;
    view! {
        <div class="quiz-buttons">
            <Show when=move || phase.get() != Phase::Predicting>
                <button type="button" data-testid="predict" on:click=move |_| lab.predict()>{t().lab.predict_first}</button>
            </Show>
            <Show when=move || phase.get() != Phase::Off>
                <button type="button" class="link-button" data-testid="quiz-end" on:click=move |_| lab.end_quiz()>{t().lab.leave_predict}</button>
            </Show>
        </div>
    }
}
