//! The notebook's cells for one state: which template files go in, in the seed notebook's order
//! (imports, z0, the loss, the loop, the loss plots and z against z0, then the sweep), and the
//! values that fill them.

use super::json::Cell;
use super::template::{render, TemplateError};
use super::values::{
    changes, decay_code, loss_text, notes, opt_make, py_float, py_list, sweep_texts, tf_fit,
    z0_code,
};
use crate::core::optim::OptimizerKind;
use crate::link::{FitKind, Params, View, WeightKind};

/// Which notebook: the seed's own TensorFlow code, or NumPy alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    /// NumPy and matplotlib only: float32 code that reproduces the page bit for bit.
    NumPy,
    /// The seed's `tf.optimizers` + `GradientTape` code.
    TensorFlow,
}

impl Flavour {
    /// Both flavours, in the order the export panel offers them.
    pub const ALL: [Flavour; 2] = [Flavour::NumPy, Flavour::TensorFlow];

    /// The short name used in file names and test ids: `numpy`, `tf`.
    pub fn key(self) -> &'static str {
        match self {
            Flavour::NumPy => "numpy",
            Flavour::TensorFlow => "tf",
        }
    }
}

const INTRO: &str = include_str!("intro.md");
const PROBLEM: &str = include_str!("problem.md");
const SETTINGS: &str = include_str!("settings.py");
const WEIGHTS: &str = include_str!("weights_tournesol.py");
const PLOT_Z0: &str = include_str!("plot_z0.py");
const COMMON: &str = include_str!("common.py");
const DECAY: &str = include_str!("decay.py");
const OPTIMUM: &str = include_str!("optimum.py");
const LOSS_TF: &str = include_str!("loss_tf.py");
const LOSS_NUMPY: &str = include_str!("loss_numpy.py");
const MAKE_OPTIMIZER: &str = include_str!("make_optimizer.py");
const PLOTS: &str = include_str!("plots.py");
const RUN: &str = include_str!("run.py");
const SWEEP_MD: &str = include_str!("sweep.md");
const SWEEP: &str = include_str!("sweep.py");

/// The fit term's NumPy code.
fn fit_numpy(p: &Params) -> &'static str {
    match (p.fit, p.w) {
        (FitKind::L1, WeightKind::Uniform) => include_str!("fit_l1.py"),
        (FitKind::L1, WeightKind::Tournesol) => include_str!("fit_l1_weighted.py"),
        (FitKind::Huber, _) => include_str!("fit_huber.py"),
        (FitKind::L2, _) => include_str!("fit_l2.py"),
    }
}

/// The optimizer's hand-written NumPy code (the proximal gradient's in both flavours).
fn optimizer_code(opt: OptimizerKind, flavour: Flavour) -> Vec<&'static str> {
    match (opt, flavour) {
        (OptimizerKind::Prox, _) => vec![include_str!("prox.py")],
        (_, Flavour::TensorFlow) => vec![],
        (OptimizerKind::Adam, _) => vec![
            include_str!("beta_power.py"),
            include_str!("step_sizes.py"),
            include_str!("adam_numpy.py"),
        ],
        (OptimizerKind::Sgd, _) => vec![include_str!("sgd_numpy.py")],
        (OptimizerKind::Momentum | OptimizerKind::Nesterov, _) => {
            vec![include_str!("momentum_numpy.py")]
        }
        (OptimizerKind::RmsProp, _) => vec![include_str!("rmsprop_numpy.py")],
        (OptimizerKind::Adagrad, _) => vec![include_str!("adagrad_numpy.py")],
    }
}

/// Every placeholder's value for state `p`.
fn values(p: &Params, link: &str, flavour: Flavour) -> Vec<(&'static str, String)> {
    let tf = flavour == Flavour::TensorFlow;
    let (decay, decay_text) = decay_code(p);
    let (loss_tex, loss_plain) = loss_text(p);
    let (sweep_line, sweep_text) = sweep_texts(p);
    let mus: Vec<String> = p.sweep_mus().into_iter().map(py_float).collect();
    let flavour_line = if tf {
        "with the seed's own TensorFlow code (`tf.optimizers` and `GradientTape`)."
    } else {
        "in NumPy alone, in float32 with the page's order of operations, so z equals the page's bit for bit."
    };
    let variant_text = if p.fit == FitKind::L1 && p.w == WeightKind::Uniform && p.c == 1.0 {
        String::new()
    } else {
        format!(
            "This state solves a variant instead: $L(z) = {loss_tex}$ with $c = {}$; its exact optimum (the dashed line below): {}.",
            py_float(p.c),
            p.run_spec(0).star_label()
        )
    };
    vec![
        (
            "title",
            format!("μ = {} ({})", py_float(p.mu), p.opt.label()),
        ),
        ("link", link.to_string()),
        ("flavour_line", flavour_line.to_string()),
        ("loss_tex", loss_tex),
        ("loss_text", loss_plain.to_string()),
        ("variant_text", variant_text),
        ("n", p.z0().len().to_string()),
        ("z0_code", z0_code(p)),
        ("mu", py_float(p.mu)),
        ("centre", py_float(p.c)),
        ("fit", p.fit.fit(p.delta).key().to_string()),
        ("delta", py_float(p.delta)),
        ("lr", py_float(p.lr)),
        ("epochs", p.epochs.to_string()),
        ("beta1", py_float(p.beta1)),
        ("beta2", py_float(p.beta2)),
        ("eps", py_float(p.eps)),
        ("decay", decay),
        ("decay_text", decay_text),
        ("seed", p.seed.to_string()),
        ("tlambda", py_float(p.tlambda)),
        ("tcap", py_float(p.tcap)),
        ("opt_label", p.opt.label().to_string()),
        ("opt_make", opt_make(p.opt, tf).to_string()),
        (
            "nesterov",
            if p.opt == OptimizerKind::Nesterov {
                "True"
            } else {
                "False"
            }
            .into(),
        ),
        ("tf_fit", tf_fit(p).to_string()),
        ("grad_formula", "w phi'(z - z0) + 2 mu (z - c)".into()),
        ("prox_note", "TensorFlow has no proximal optimizer.".into()),
        ("changes", changes(p)),
        ("notes", notes(p, tf)),
        ("sweep_line", sweep_line),
        ("sweep_text", sweep_text),
        ("mus", py_list(&mus)),
    ]
}

/// The cells of the notebook of state `p` (whose page is at `link`) in `flavour`.
pub fn cells(p: &Params, link: &str, flavour: Flavour) -> Result<Vec<Cell>, TemplateError> {
    let owned = values(p, link, flavour);
    let pairs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let fill = |parts: &[&str]| -> Result<String, TemplateError> {
        let texts = parts
            .iter()
            .map(|t| render(t, &pairs).map(|s| s.trim_end().to_string()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(texts.join("\n\n\n"))
    };
    let tf = flavour == Flavour::TensorFlow;
    let mut out = vec![
        Cell::Markdown(fill(&[INTRO])?),
        Cell::Code(fill(&[if tf {
            include_str!("imports_tf.py")
        } else {
            include_str!("imports_numpy.py")
        }])?),
        Cell::Markdown(fill(&[PROBLEM])?),
        Cell::Code(fill(&[SETTINGS])?),
    ];
    if p.w == WeightKind::Tournesol {
        out.push(Cell::Code(fill(&[WEIGHTS])?));
    }
    out.push(Cell::Code(fill(&[PLOT_Z0])?));
    let mut helpers = vec![COMMON];
    if p.decay.decay(p.epochs) != crate::core::optim::Decay::None {
        helpers.push(DECAY);
    }
    helpers.push(OPTIMUM);
    out.push(Cell::Code(fill(&helpers)?));
    out.push(Cell::Code(if tf {
        fill(&[LOSS_TF])?
    } else {
        fill(&[fit_numpy(p), LOSS_NUMPY])?
    }));
    let mut optimizer = optimizer_code(p.opt, flavour);
    optimizer.push(MAKE_OPTIMIZER);
    out.push(Cell::Code(fill(&optimizer)?));
    out.push(Cell::Code(fill(&[PLOTS])?));
    out.push(Cell::Code(fill(&[if tf {
        include_str!("experiment_tf.py")
    } else {
        include_str!("experiment_numpy.py")
    }])?));
    out.push(Cell::Code(fill(&[RUN])?));
    if p.view == View::Sweep {
        out.push(Cell::Markdown(fill(&[SWEEP_MD])?));
        out.push(Cell::Code(fill(&[SWEEP])?));
    }
    Ok(out)
}
