//! The values a state fills into the notebook's templates: Python literals of the link's numbers
//! (exact: every f64 and f32 is written so that Python reads back the same bits) and the
//! sentences that depend on the state.

use crate::core::optim::{Decay, OptimizerKind};
use crate::link::{Compare, Field, FitKind, Params, View, WeightKind, Z0Source, SPECS};

/// `x` as a Python float literal that reads back as the same f64 (Rust's shortest round-trip
/// form: `0.1`, `1e-7`, `25000.0`).
pub fn py_float(x: f64) -> String {
    if x.is_finite() {
        format!("{x:?}")
    } else {
        format!("float('{x}')")
    }
}

/// An f32 as a Python literal: its exact f64 value, so that numpy's float64 → float32 cast gives
/// back the same bits (a shortest f32 decimal read as f64 first could round twice).
pub fn py_f32(x: f32) -> String {
    py_float(f64::from(x))
}

/// A Python list of literals, wrapped to lines of about 96 characters.
pub fn py_list(items: &[String]) -> String {
    let mut out = String::from("[");
    let mut line = 1;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
            line += 1;
            if line + item.len() > 96 {
                out.push_str("\n    ");
                line = 4;
            } else {
                out.push(' ');
                line += 1;
            }
        }
        out.push_str(item);
        line += item.len();
    }
    out.push(']');
    out
}

/// The line(s) that set z0: the seed's `np.linspace` for the line, the exact values otherwise.
pub fn z0_code(p: &Params) -> String {
    if p.z0 == Z0Source::Preset(crate::core::z0::Z0Preset::Linspace) {
        return format!(
            "z0 = np.linspace({}, {}, n).astype(np.float32)  # float32, as TensorFlow reads it",
            py_float(p.z0min),
            py_float(p.z0max)
        );
    }
    let what = match p.z0 {
        Z0Source::Preset(preset) => format!("the preset “{}” (seed {})", preset.label(), p.seed),
        Z0Source::Data => "the link's z0data".to_string(),
    };
    let values: Vec<String> = p.z0().into_iter().map(py_f32).collect();
    format!(
        "# z0: {what}, the page's exact float32 values\nz0 = np.array({}, dtype=np.float64).astype(np.float32)",
        py_list(&values)
    )
}

/// The decay as the notebook's `decay` tuple, and its formula in words.
pub fn decay_code(p: &Params) -> (String, String) {
    match p.decay.decay(p.epochs) {
        Decay::None => ("None".into(), "none".into()),
        Decay::Step { every, factor } => (
            format!("('step', {every}, {})", py_float(factor)),
            format!("s_t = {}^floor((t - 1)/{every})", py_float(factor)),
        ),
        Decay::Exponential { rate } => (
            format!("('exp', {})", py_float(rate)),
            format!("s_t = {}^(t - 1)", py_float(rate)),
        ),
        Decay::InvSqrt => ("('invsqrt',)".into(), "s_t = 1/sqrt(t)".into()),
    }
}

/// The expression that builds the optimizer in `make_optimizer`.
pub fn opt_make(opt: OptimizerKind, tensorflow: bool) -> &'static str {
    match (opt, tensorflow) {
        (OptimizerKind::Prox, _) => "Prox(n, mu)",
        (OptimizerKind::Adam, false) => "Adam(n)",
        (OptimizerKind::Sgd, false) => "SGD(n)",
        (OptimizerKind::Momentum | OptimizerKind::Nesterov, false) => "Momentum(n)",
        (OptimizerKind::RmsProp, false) => "RMSprop(n)",
        (OptimizerKind::Adagrad, false) => "Adagrad(n)",
        (OptimizerKind::Adam, true) => "tf.optimizers.Adam(learning_rate=learning_rate, beta_1=beta_1, beta_2=beta_2, epsilon=epsilon)",
        (OptimizerKind::Sgd, true) => "tf.optimizers.SGD(learning_rate=learning_rate)",
        (OptimizerKind::Momentum, true) => {
            "tf.optimizers.SGD(learning_rate=learning_rate, momentum=0.9, nesterov=False)"
        }
        (OptimizerKind::Nesterov, true) => {
            "tf.optimizers.SGD(learning_rate=learning_rate, momentum=0.9, nesterov=True)"
        }
        (OptimizerKind::RmsProp, true) => "tf.optimizers.RMSprop(learning_rate=learning_rate)",
        (OptimizerKind::Adagrad, true) => "tf.optimizers.Adagrad(learning_rate=learning_rate)",
    }
}

/// TensorFlow's expression of the fit loss over `d = z - z0`.
pub fn tf_fit(p: &Params) -> &'static str {
    match (p.fit, p.w) {
        (FitKind::L1, WeightKind::Uniform) => "tf.reduce_sum(tf.abs(d))",
        (FitKind::L1, WeightKind::Tournesol) => "tf.reduce_sum(w * tf.abs(d))",
        (FitKind::Huber, _) => {
            "tf.reduce_sum(weights() * (tf.abs(d) * (tf.abs(d) / (tf.sqrt(1 + tf.square(d / delta)) + 1))))"
        }
        (FitKind::L2, _) => "tf.reduce_sum(weights() * tf.square(d))",
    }
}

/// The loss in TeX for the first cell, and in plain text for docstrings.
pub fn loss_text(p: &Params) -> (String, &'static str) {
    let weighted = p.w == WeightKind::Tournesol;
    let fit = match (p.fit, weighted) {
        (FitKind::L1, false) => r"\|z - z_0\|_1",
        (FitKind::L1, true) => r"\sum_i w_i |z_i - z_{0,i}|",
        (FitKind::Huber, false) => r"\sum_i \delta^2(\sqrt{1 + ((z_i - z_{0,i})/\delta)^2} - 1)",
        (FitKind::Huber, true) => r"\sum_i w_i \delta^2(\sqrt{1 + ((z_i - z_{0,i})/\delta)^2} - 1)",
        (FitKind::L2, false) => r"\|z - z_0\|_2^2",
        (FitKind::L2, true) => r"\sum_i w_i (z_i - z_{0,i})^2",
    };
    let plain = match (p.fit, weighted) {
        (FitKind::L1, false) => "|z-z0|_1+mu|z-c|^2_2",
        (FitKind::L1, true) => "sum w_i |z_i-z0_i|+mu|z-c|^2_2",
        (FitKind::Huber, _) => "sum w_i delta^2 (sqrt(1+((z_i-z0_i)/delta)^2)-1)+mu|z-c|^2_2",
        (FitKind::L2, _) => "sum w_i (z_i-z0_i)^2+mu|z-c|^2_2",
    };
    (format!(r"{fit} + \mu\|z - c\|_2^2"), plain)
}

/// The run's keys (those that change what is computed) whose value differs from the seed's,
/// as `key = value` in code spans; "none" for the seed.
pub fn changes(p: &Params) -> String {
    let seed = Params::default();
    let run_keys = [
        Field::Mu,
        Field::Lr,
        Field::Epochs,
        Field::N,
        Field::Z0Min,
        Field::Z0Max,
        Field::Beta1,
        Field::Beta2,
        Field::Eps,
        Field::Opt,
        Field::Decay,
        Field::Z0,
        Field::Seed,
        Field::C,
        Field::Fit,
        Field::Delta,
        Field::W,
        Field::TLambda,
        Field::TCap,
        Field::View,
        Field::Compare,
        Field::Warm,
    ];
    let mut out = Vec::new();
    for s in SPECS.iter().filter(|s| run_keys.contains(&s.field)) {
        let value = p.get(s.field);
        if value != seed.get(s.field) {
            out.push(format!("`{} = {}` ({})", s.key, value, s.label));
        }
    }
    if !p.z0data.is_empty() && p.z0 == Z0Source::Data {
        out.push(format!("`z0data` ({} values)", p.z0data.len()));
    }
    if out.is_empty() {
        "none (μ = 0.1 is the seed's first experiment).".into()
    } else {
        out.join(", ")
    }
}

/// Notes on what this flavour cannot do as the page does, or does differently: the names of
/// their templates (`note_*.md`, each a Markdown list item; `note_compare.md` needs the values
/// `compare_label` and `opt_label`).
pub fn notes(p: &Params, tensorflow: bool) -> Vec<&'static str> {
    let adam = p.opt == OptimizerKind::Adam;
    [
        (p.opt == OptimizerKind::Prox, "note_prox.md"),
        (p.w == WeightKind::Tournesol, "note_tournesol.md"),
        (
            tensorflow && p.fit == FitKind::Huber && p.opt != OptimizerKind::Prox,
            "note_huber_tf.md",
        ),
        (
            tensorflow && adam && p.decay.decay(p.epochs) != Decay::None,
            "note_adam_decay_tf.md",
        ),
        (!tensorflow && adam, "note_beta_power.md"),
        (matches!(p.compare, Compare::With(_)), "note_compare.md"),
        (p.warm, "note_warm.md"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect()
}

/// The sweep's line in the first cell and its description, or empty when the live view is open.
pub fn sweep_texts(p: &Params) -> (String, String) {
    if p.view != View::Sweep {
        return (String::new(), String::new());
    }
    let mus = p.sweep_mus();
    (
        ", and the sweep's, one row per μ, in `Z`".into(),
        format!(
            "{} values of μ log-spaced from {} to {}",
            mus.len(),
            py_float(p.smin),
            py_float(p.smax)
        ),
    )
}
