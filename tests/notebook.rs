//! The notebook export (src/view/notebook): the template renderer, the hand-written JSON, and
//! that every optimizer, fit, weighting, decay, z0 source and view exports a valid nbformat 4
//! notebook in both flavours. That the NumPy notebook's z equals the page's bit for bit is
//! checked by running it (tests/e2e/notebook.spec.mjs, `make notebook-tf` for TensorFlow).

use reglab::core::optim::OptimizerKind;
use reglab::link::{DecayKind, FitKind, Params, View, WeightKind, Z0Source};
use reglab::view::notebook::bundle::{Templates, BUNDLE_FILE, MARK};
use reglab::view::notebook::json::{json_string, notebook_json, Cell};
use reglab::view::notebook::template::{render, TemplateError};
use reglab::view::notebook::values::{py_f32, py_float, py_list};
use reglab::view::notebook::{file_name, notebook, render_notebook, Flavour};
use serde_json::Value;

const LINK: &str = "https://example.org/reglab/?mu=0.1";

#[test]
fn render_fills_named_placeholders_and_leaves_the_rest() {
    let out = render(
        "mu = {{mu}}, n = {{ n }}; {x: 1}",
        &[("mu", "0.1"), ("n", "100")],
    );
    assert_eq!(out.unwrap(), "mu = 0.1, n = 100; {x: 1}");
}

#[test]
fn render_inserts_values_as_they_are() {
    // A value holding a placeholder is not filled again (a link could hold "{{").
    let out = render("{{a}}|{{b}}", &[("a", "{{b}}"), ("b", "B")]).unwrap();
    assert_eq!(out, "{{b}}|B");
}

#[test]
fn render_refuses_missing_and_unclosed_placeholders() {
    assert_eq!(
        render("x = {{nope}}", &[("mu", "1")]),
        Err(TemplateError::Missing("nope".into()))
    );
    assert_eq!(
        render("x = {{mu", &[("mu", "1")]),
        Err(TemplateError::Unclosed)
    );
    assert!(TemplateError::Missing("nope".into())
        .to_string()
        .contains("nope"));
}

#[test]
fn json_strings_escape_what_json_requires_and_read_back_exactly() {
    assert_eq!(json_string("a\"b\\c\nd\te"), r#""a\"b\\c\nd\te""#);
    assert_eq!(json_string("\u{1}\u{1f}"), r#""\u0001\u001f""#);
    assert_eq!(json_string("μ ≥ 0 — z*"), "\"μ ≥ 0 — z*\"");
    let hostile = [
        "",
        "plain",
        "quote \" backslash \\ slash /",
        "\r\n\t\u{8}\u{c}\u{0}\u{7f}",
        "$\\|z - z_0\\|_1$ {{mu}} </script>",
        "emoji 🌻 and U+2028 \u{2028}",
    ];
    for s in hostile {
        let back: String = serde_json::from_str(&json_string(s)).expect("valid JSON string");
        assert_eq!(back, s);
    }
}

#[test]
fn notebook_json_is_nbformat_4_with_sources_as_lines() {
    let text = notebook_json(&[
        Cell::Markdown("# title\n\nlink".into()),
        Cell::Code("x = 1\ny = \"2\"\n".into()),
    ]);
    let nb: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(nb["nbformat"], 4);
    assert_eq!(nb["nbformat_minor"], 5);
    assert_eq!(nb["metadata"]["kernelspec"]["name"], "python3");
    let cells = nb["cells"].as_array().unwrap();
    assert_eq!(cells[0]["cell_type"], "markdown");
    assert_eq!(
        cells[0]["source"],
        serde_json::json!(["# title\n", "\n", "link"])
    );
    assert_eq!(cells[1]["cell_type"], "code");
    assert_eq!(
        cells[1]["source"],
        serde_json::json!(["x = 1\n", "y = \"2\""])
    );
    assert_eq!(cells[1]["outputs"], serde_json::json!([]));
    assert!(cells[1]["execution_count"].is_null());
    assert_ne!(cells[0]["id"], cells[1]["id"]);
}

#[test]
fn python_literals_read_back_as_the_same_bits() {
    for x in [0.1, 1e-7, 25_000.0, -10.0, 1e6, 0.999, 5e-324, 1.0 / 3.0] {
        assert_eq!(py_float(x).parse::<f64>().unwrap().to_bits(), x.to_bits());
    }
    assert_eq!(py_float(1.0), "1.0"); // a float in Python, not an int
    for x in [-9.797_98f32, 0.1, 1.0e-30, 3.402_823_5e38] {
        // Python reads the literal as float64, numpy casts it to float32: no double rounding.
        assert_eq!(
            (py_f32(x).parse::<f64>().unwrap() as f32).to_bits(),
            x.to_bits()
        );
    }
    let many: Vec<String> = (0..100).map(|i| py_f32(i as f32 / 7.0)).collect();
    let list = py_list(&many);
    assert!(list.lines().all(|l| l.len() <= 100), "{list}");
    let parsed: Vec<f64> = serde_json::from_str(&list.replace('\n', "")).unwrap();
    assert_eq!(parsed.len(), 100);
}

/// The notebook of `p` in `flavour`, parsed, with its cells' text.
fn export(p: &Params, flavour: Flavour) -> (Value, Vec<String>) {
    let text = notebook(p, LINK, flavour).expect("every state exports");
    let nb: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(nb["nbformat"], 4);
    let sources = nb["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let lines = c["source"].as_array().expect("source is a list of lines");
            lines
                .iter()
                .map(|l| l.as_str().unwrap())
                .collect::<String>()
        })
        .collect();
    (nb, sources)
}

#[test]
fn the_seed_exports_the_seed_notebook_with_the_link_first() {
    let p = Params::default();
    for flavour in Flavour::ALL {
        let (nb, cells) = export(&p, flavour);
        assert_eq!(nb["cells"][0]["cell_type"], "markdown");
        assert!(cells[0].contains(LINK), "the link is in the first cell");
        let code = cells.join("\n");
        assert!(code.contains("n = 100"));
        assert!(code.contains("z0 = np.linspace(-10.0, 10.0, n)"));
        assert!(code.contains("mu = 0.1"));
        assert!(code.contains("learning_rate, epochs = 0.001, 25000"));
        assert!(code.contains("z = result['z']"));
        assert!(!code.contains("Z = np.array"), "no sweep in the live view");
        assert!(!code.contains("{{"), "every placeholder is filled");
        match flavour {
            Flavour::TensorFlow => {
                assert!(code.contains("tf.optimizers.Adam("));
                assert!(code.contains("tf.GradientTape()"));
            }
            Flavour::NumPy => {
                assert!(!code.contains("tensorflow"));
                assert!(code.contains("class Adam"));
                assert!(code.contains("def beta_power(beta, steps)"));
            }
        }
    }
    assert_eq!(file_name(&p, Flavour::NumPy), "reglab-mu0.1-numpy.ipynb");
    assert_eq!(file_name(&p, Flavour::TensorFlow), "reglab-mu0.1-tf.ipynb");
}

#[test]
fn every_optimizer_fit_weighting_and_decay_exports_in_both_flavours() {
    let fits = [FitKind::L1, FitKind::Huber, FitKind::L2];
    let weights = [WeightKind::Uniform, WeightKind::Tournesol];
    let decays = [
        DecayKind::None,
        DecayKind::Step,
        DecayKind::Exp,
        DecayKind::InvSqrt,
    ];
    for opt in OptimizerKind::ALL {
        for (fit, w, decay) in fits
            .iter()
            .flat_map(|f| weights.iter().map(move |w| (*f, *w)))
            .flat_map(|(f, w)| decays.iter().map(move |d| (f, w, *d)))
        {
            let p = Params {
                opt,
                fit,
                w,
                decay,
                ..Params::default()
            };
            for flavour in Flavour::ALL {
                let (_, cells) = export(&p, flavour);
                let code = cells.join("\n");
                assert!(!code.contains("{{"), "{opt:?} {fit:?} {w:?} {decay:?}");
                assert!(code.contains(&format!("FIT, delta = '{}'", p.fit.fit(1.0).key())));
                if opt == OptimizerKind::Prox {
                    assert!(code.contains("class Prox"));
                    assert!(cells[0].contains("TensorFlow has no proximal-gradient optimizer"));
                }
                if w == WeightKind::Tournesol {
                    assert!(code.contains("def comparison_counts"));
                    assert!(cells[0].contains("Tournesol's weights"));
                }
                if decay != DecayKind::None {
                    assert!(code.contains("def decay_factor"));
                }
            }
        }
    }
}

#[test]
fn a_tensorflow_notebook_names_the_optimizer_keras_has() {
    let cases = [
        (
            OptimizerKind::Sgd,
            "tf.optimizers.SGD(learning_rate=learning_rate)",
        ),
        (OptimizerKind::Momentum, "momentum=0.9, nesterov=False"),
        (OptimizerKind::Nesterov, "momentum=0.9, nesterov=True"),
        (OptimizerKind::RmsProp, "tf.optimizers.RMSprop("),
        (OptimizerKind::Adagrad, "tf.optimizers.Adagrad("),
        (OptimizerKind::Prox, "return Prox(n, mu)"),
    ];
    for (opt, expected) in cases {
        let p = Params {
            opt,
            ..Params::default()
        };
        let (_, cells) = export(&p, Flavour::TensorFlow);
        assert!(cells.join("\n").contains(expected), "{opt:?}");
    }
}

#[test]
fn z0_data_travels_as_its_exact_float32_values() {
    let values = vec![-3.25f32, 0.1, 7.0, 1.0e-3, -0.333_333_34];
    let p = Params {
        z0: Z0Source::Data,
        z0data: values.clone(),
        lr: 0.003,
        epochs: 4000,
        ..Params::default()
    };
    let (_, cells) = export(&p, Flavour::NumPy);
    let code = cells.join("\n");
    assert!(code.contains("n = 5\n"), "n follows the data");
    assert!(code.contains("learning_rate, epochs = 0.003, 4000"));
    let start = code.find("z0 = np.array(").unwrap() + "z0 = np.array(".len();
    let end = start + code[start..].find(']').unwrap() + 1;
    let parsed: Vec<f64> = serde_json::from_str(&code[start..end].replace('\n', "")).unwrap();
    let back: Vec<f32> = parsed.iter().map(|&x| x as f32).collect();
    assert_eq!(back, values);
    assert!(cells[0].contains("`z0data` (5 values)"));
}

#[test]
fn the_sweep_view_adds_the_sweep_and_its_z_matrix() {
    let p = Params {
        view: View::Sweep,
        ..Params::default()
    };
    for flavour in Flavour::ALL {
        let (_, cells) = export(&p, flavour);
        let code = cells.join("\n");
        assert!(code.contains("Z = np.array([r['z'] for r in results])"));
        assert!(
            code.contains("mus = np.array([0.02"),
            "the grid, exactly as the page runs it"
        );
        assert!(cells[0].contains("in `Z`"));
    }
}

#[test]
fn notes_name_what_the_link_cannot_carry() {
    let p = Params {
        warm: true,
        compare: reglab::link::Compare::With(OptimizerKind::Sgd),
        ..Params::default()
    };
    let (_, cells) = export(&p, Flavour::NumPy);
    assert!(cells[0].contains("warm=1"));
    assert!(cells[0].contains("The page also runs SGD"));
}

/// The bundle the build writes (scripts/notebook-bundle.mjs, run by node) holds exactly the
/// template files, each with the same text as the files compiled into native builds; and every
/// file in src/view/notebook/ with a .py or .md name is one of them.
#[test]
fn the_fetched_bundle_holds_exactly_the_template_files() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new("node")
        .arg(root.join("scripts/notebook-bundle.mjs"))
        .output()
        .expect("node runs scripts/notebook-bundle.mjs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bundle = String::from_utf8(out.stdout).expect("the bundle is UTF-8");
    let parsed = Templates::parse(&bundle).expect("the bundle parses");
    let builtin = Templates::builtin();
    assert_eq!(
        parsed, builtin,
        "the bundle and Templates::builtin() differ"
    );
    let mut files: Vec<String> = std::fs::read_dir(root.join("src/view/notebook"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".py") || n.ends_with(".md"))
        .collect();
    files.sort();
    let names: Vec<&str> = builtin.entries().iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, files);
    for (name, text) in builtin.entries() {
        let file = std::fs::read_to_string(root.join("src/view/notebook").join(name)).unwrap();
        assert_eq!(text, &file, "{name}");
        assert!(!text.contains(MARK), "{name} contains the bundle marker");
    }
    // A release build holds the same bundle (when one is at hand: DIST=dist cargo test).
    if let Ok(dist) = std::env::var("DIST") {
        let built = std::fs::read_to_string(std::path::Path::new(&dist).join(BUNDLE_FILE));
        assert_eq!(built.expect("the build has the bundle"), bundle);
    }
}

#[test]
fn a_page_that_is_not_a_bundle_is_an_error_and_a_missing_template_is_named() {
    assert_eq!(
        Templates::parse("<!doctype html><title>404</title>"),
        Err(TemplateError::NotBundle)
    );
    assert_eq!(Templates::parse(""), Err(TemplateError::NotBundle));
    let partial = Templates::parse(&format!("{MARK}intro.md\nHello {{{{title}}}}\n")).unwrap();
    assert_eq!(partial.get("intro.md"), Ok("Hello {{title}}\n"));
    let err = render_notebook(&partial, &Params::default(), LINK, Flavour::NumPy).unwrap_err();
    assert!(
        err.contains(".py” is missing") || err.contains(".md” is missing"),
        "{err}"
    );
}
