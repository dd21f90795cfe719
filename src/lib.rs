//! reglab: minimise L(z) = ‖z − z0‖₁ + μ‖z − c‖₂² with Adam and show why z = clamp(z0, band).
//!
//! - [`core`]: pure numerics (native and wasm32); it imports nothing outside itself.
//! - [`link`]: the page's state as a URL (typed [`link::Params`]) and its conversion to a run.
//! - [`spec`]: what a run is ([`spec::RunSpec`], [`spec::SweepSpec`]); [`protocol`]: the
//!   page ⇄ worker messages and their codec.
//! - [`worker`]: the worker's tasks (native) and its Web Worker loop (wasm32 only).
//! - [`i18n`]: every word the page shows, in English and French, and the page's language.
//! - [`view`]: what the page draws, as data (native, tested); [`ui`]: the leptos page (wasm32).

pub mod core;
pub mod i18n;
pub mod link;
pub mod protocol;
pub mod spec;
#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod view;
pub mod worker;
