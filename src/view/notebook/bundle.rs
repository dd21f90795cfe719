//! The notebook's template texts, by file name. The page does not compile them in: it fetches
//! them when the user exports, as one file ([`BUNDLE_FILE`], written into every build by
//! scripts/notebook-bundle.mjs): each template as [`MARK`], its name, a newline, then its text
//! verbatim. Native builds (tests, examples) also have them compiled in: [`Templates::builtin`].

use super::template::TemplateError;

/// The bundle's file name, next to index.html in the build.
pub const BUNDLE_FILE: &str = "notebook-templates.txt";
/// What starts each template in the bundle (no template contains it).
pub const MARK: &str = "@@@@ ";

/// Template texts by file name (`intro.md`, `run.py`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Templates(Vec<(String, String)>);

impl Templates {
    /// The templates of a bundle's text; `Err` if it is not one (an HTML error page, say).
    pub fn parse(bundle: &str) -> Result<Templates, TemplateError> {
        let rest = bundle.strip_prefix(MARK).ok_or(TemplateError::NotBundle)?;
        rest.split(MARK)
            .map(|entry| {
                entry
                    .split_once('\n')
                    .map(|(name, text)| (name.to_string(), text.to_string()))
                    .ok_or(TemplateError::NotBundle)
            })
            .collect::<Result<_, _>>()
            .map(Templates)
    }

    /// The text of template `name`.
    pub fn get(&self, name: &str) -> Result<&str, TemplateError> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, text)| text.as_str())
            .ok_or_else(|| TemplateError::NoTemplate(name.to_string()))
    }

    /// Every (name, text), in the order given.
    pub fn entries(&self) -> &[(String, String)] {
        &self.0
    }
}

/// The templates compiled in, in name order (the bundle's order).
#[cfg(not(target_arch = "wasm32"))]
macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        Templates(vec![$(($name.to_string(), include_str!($name).to_string())),*])
    };
}

#[cfg(not(target_arch = "wasm32"))]
impl Templates {
    /// The template files next to this one, compiled in (native builds only: the page fetches
    /// the bundle instead).
    pub fn builtin() -> Templates {
        builtin![
            "adagrad_numpy.py",
            "adam_numpy.py",
            "beta_power.py",
            "common.py",
            "decay.py",
            "experiment_numpy.py",
            "experiment_tf.py",
            "fit_huber.py",
            "fit_l1.py",
            "fit_l1_weighted.py",
            "fit_l2.py",
            "flavour_numpy.md",
            "flavour_tf.md",
            "imports_numpy.py",
            "imports_tf.py",
            "intro.md",
            "loss_numpy.py",
            "loss_tf.py",
            "make_optimizer.py",
            "momentum_numpy.py",
            "note_adam_decay_tf.md",
            "note_beta_power.md",
            "note_compare.md",
            "note_huber_tf.md",
            "note_prox.md",
            "note_tournesol.md",
            "note_warm.md",
            "optimum.py",
            "plot_z0.py",
            "plots.py",
            "problem.md",
            "prox.py",
            "rmsprop_numpy.py",
            "run.py",
            "settings.py",
            "sgd_numpy.py",
            "step_sizes.py",
            "sweep.md",
            "sweep.py",
            "weights_tournesol.py",
        ]
    }
}
