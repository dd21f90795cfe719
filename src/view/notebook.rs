//! "Export ▸ Notebook": a Jupyter notebook (nbformat 4) that reproduces the page's state — the
//! seed notebook's structure with the link's values filled in, and the link in its first cell.
//! Two flavours ([`Flavour`]): the seed's TensorFlow code, and NumPy alone (float32 with the
//! page's order of operations, so its final `z` equals the page's bit for bit).
//!
//! The text comes from the template files next to this one (`notebook/*.py`, `*.md`), filled by
//! [`template::render`]; [`json`] writes the file. The page fetches them when the user exports
//! ([`bundle`]: not compiled into its wasm); native builds have them compiled in. Pure Rust, no
//! web imports: tested natively (tests/notebook.rs), and the page only downloads the string.

pub mod bundle;
mod cells;
pub mod json;
pub mod template;
pub mod values;

pub use bundle::Templates;
pub use cells::Flavour;

use crate::link::{fmt_real, Params};

/// The notebook of state `p`, whose page is at `link`, as nbformat 4 JSON text, from
/// `templates`; `Err` names a template that could not be filled (a bug, reported on the page
/// instead of a broken file).
pub fn render_notebook(
    templates: &Templates,
    p: &Params,
    link: &str,
    flavour: Flavour,
) -> Result<String, String> {
    cells::cells(templates, p, link, flavour)
        .map(|cells| json::notebook_json(&cells))
        .map_err(|e| e.to_string())
}

/// [`render_notebook`] from the templates compiled in (native builds only).
#[cfg(not(target_arch = "wasm32"))]
pub fn notebook(p: &Params, link: &str, flavour: Flavour) -> Result<String, String> {
    render_notebook(&Templates::builtin(), p, link, flavour)
}

/// The notebook's file name: `reglab-mu{μ}-{numpy|tf}.ipynb`.
pub fn file_name(p: &Params, flavour: Flavour) -> String {
    format!("reglab-mu{}-{}.ipynb", fmt_real(p.mu), flavour.key())
}
