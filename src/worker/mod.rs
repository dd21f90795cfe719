//! The worker side: the tasks a worker runs (a run, a sweep, a loss-history export) and the
//! text files it writes are plain Rust, tested natively; the Web Worker loop around them
//! ([`runtime`]) exists only on wasm32.

pub mod export;
pub mod job;
#[cfg(target_arch = "wasm32")]
pub mod runtime;

#[cfg(target_arch = "wasm32")]
pub use runtime::start;
