//! The worker side: the tasks a worker runs (a run, a sweep, a loss-history export) are plain
//! Rust, tested natively (the CSV text they write is [`crate::view::csv`]'s); the Web Worker
//! loop around them ([`runtime`]) exists only on wasm32.

pub mod job;
#[cfg(target_arch = "wasm32")]
pub mod runtime;

#[cfg(target_arch = "wasm32")]
pub use runtime::start;
