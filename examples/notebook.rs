//! Writes the notebook of a link, as the page's "Export ▸ Notebook" does:
//!   cargo run --example notebook -- numpy 'mu=0.25&epochs=4000' > reglab.ipynb
//! (flavour `numpy` or `tf`; the link's query without `?`). `make notebook-tf` uses it.

use reglab::link::Params;
use reglab::view::notebook::{notebook, Flavour};

fn main() {
    let mut args = std::env::args().skip(1);
    let flavour = match args.next().as_deref() {
        Some("tf") => Flavour::TensorFlow,
        _ => Flavour::NumPy,
    };
    let query = args.next().unwrap_or_default();
    let parsed = Params::from_query(&query);
    for r in &parsed.replaced {
        eprintln!("replaced {}={}: {}", r.key, r.given, r.reason);
    }
    let link = format!("index.html?{}", parsed.params.to_query());
    match notebook(&parsed.params, &link, flavour) {
        Ok(text) => print!("{text}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
