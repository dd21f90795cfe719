//! The worker side: the tasks a worker runs (a run, a sweep, a loss-history export) are plain
//! Rust, tested natively (a loss-history export sends numbers: the page writes the CSV text with
//! [`crate::view::csv`], so the worker's wasm prints no number); the Web Worker loop around them
//! ([`runtime`]) exists only on wasm32.

#[cfg(target_arch = "wasm32")]
pub mod helpers;
pub mod job;
pub mod loss_csv;
pub mod request;
#[cfg(target_arch = "wasm32")]
pub mod runtime;
pub mod split;
#[cfg(target_arch = "wasm32")]
mod upper_state;

pub use request::task_for;
#[cfg(target_arch = "wasm32")]
pub use runtime::start;
