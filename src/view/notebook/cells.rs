//! The notebook's cells for one state: which template files go in, in the seed notebook's order
//! (imports, z0, the loss, the loop, the loss plots and z against z0, then the sweep), and the
//! values that fill them.

use super::bundle::Templates;
use super::json::Cell;
use super::template::{render, TemplateError};
use super::values::{
    changes, decay_code, loss_text, notes, opt_make, py_float, py_list, sweep_texts, tf_fit,
    z0_code,
};
use crate::core::optim::OptimizerKind;
use crate::link::{Compare, FitKind, Params, View, WeightKind};

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

/// The fit term's NumPy code (a template's name, as every `&str` below).
fn fit_numpy(p: &Params) -> &'static str {
    match (p.fit, p.w) {
        (FitKind::L1, WeightKind::Uniform) => "fit_l1.py",
        (FitKind::L1, WeightKind::Tournesol) => "fit_l1_weighted.py",
        (FitKind::Huber, _) => "fit_huber.py",
        (FitKind::L2, _) => "fit_l2.py",
    }
}

/// The optimizer's hand-written NumPy code (the proximal gradient's in both flavours).
fn optimizer_code(opt: OptimizerKind, flavour: Flavour) -> Vec<&'static str> {
    match (opt, flavour) {
        (OptimizerKind::Prox, _) => vec!["prox.py"],
        (_, Flavour::TensorFlow) => vec![],
        (OptimizerKind::Adam, _) => vec!["beta_power.py", "step_sizes.py", "adam_numpy.py"],
        (OptimizerKind::Sgd, _) => vec!["sgd_numpy.py"],
        (OptimizerKind::Momentum | OptimizerKind::Nesterov, _) => {
            vec!["momentum_numpy.py"]
        }
        (OptimizerKind::RmsProp, _) => vec!["rmsprop_numpy.py"],
        (OptimizerKind::Adagrad, _) => vec!["adagrad_numpy.py"],
    }
}

/// Every placeholder's value for state `p`.
fn values(p: &Params, link: &str, flavour: Flavour) -> Vec<(&'static str, String)> {
    let tf = flavour == Flavour::TensorFlow;
    let (decay, decay_text) = decay_code(p);
    let (loss_tex, loss_plain) = loss_text(p);
    let (sweep_line, sweep_text) = sweep_texts(p);
    let mus: Vec<String> = p.sweep_mus().into_iter().map(py_float).collect();
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
        ("changes", changes(p)),
        ("sweep_line", sweep_line),
        ("sweep_text", sweep_text),
        ("mus", py_list(&mus)),
    ]
}

/// The cells of the notebook of state `p` (whose page is at `link`) in `flavour`, from `templates`.
pub fn cells(
    templates: &Templates,
    p: &Params,
    link: &str,
    flavour: Flavour,
) -> Result<Vec<Cell>, TemplateError> {
    let mut owned = values(p, link, flavour);
    let compare_label = match p.compare {
        Compare::With(other) => other.label(),
        Compare::None => "",
    };
    let note_values = [
        ("compare_label", compare_label),
        ("opt_label", p.opt.label()),
    ];
    let notes = notes(p, flavour == Flavour::TensorFlow)
        .into_iter()
        .map(|name| render(templates.get(name)?, &note_values))
        .collect::<Result<String, _>>()?;
    owned.push(("notes", notes));
    let line = ["flavour_numpy.md", "flavour_tf.md"][usize::from(flavour == Flavour::TensorFlow)];
    owned.push(("flavour_line", templates.get(line)?.trim_end().into()));
    let pairs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let fill = |parts: &[&str]| -> Result<String, TemplateError> {
        let texts = parts
            .iter()
            .map(|name| {
                let text = render(templates.get(name)?, &pairs)?;
                Ok(text.trim_end().to_string())
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(texts.join("\n\n\n"))
    };
    let tf = flavour == Flavour::TensorFlow;
    let mut out = vec![
        Cell::Markdown(fill(&["intro.md"])?),
        Cell::Code(fill(&[if tf {
            "imports_tf.py"
        } else {
            "imports_numpy.py"
        }])?),
        Cell::Markdown(fill(&["problem.md"])?),
        Cell::Code(fill(&["settings.py"])?),
    ];
    if p.w == WeightKind::Tournesol {
        out.push(Cell::Code(fill(&["weights_tournesol.py"])?));
    }
    out.push(Cell::Code(fill(&["plot_z0.py"])?));
    let mut helpers = vec!["common.py"];
    if p.decay.decay(p.epochs) != crate::core::optim::Decay::None {
        helpers.push("decay.py");
    }
    helpers.push("optimum.py");
    out.push(Cell::Code(fill(&helpers)?));
    out.push(Cell::Code(if tf {
        fill(&["loss_tf.py"])?
    } else {
        fill(&[fit_numpy(p), "loss_numpy.py"])?
    }));
    let mut optimizer = optimizer_code(p.opt, flavour);
    optimizer.push("make_optimizer.py");
    out.push(Cell::Code(fill(&optimizer)?));
    out.push(Cell::Code(fill(&["plots.py"])?));
    out.push(Cell::Code(fill(&[if tf {
        "experiment_tf.py"
    } else {
        "experiment_numpy.py"
    }])?));
    out.push(Cell::Code(fill(&["run.py"])?));
    if p.view == View::Sweep {
        out.push(Cell::Markdown(fill(&["sweep.md"])?));
        out.push(Cell::Code(fill(&["sweep.py"])?));
    }
    Ok(out)
}
