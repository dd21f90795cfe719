//! reglab: minimise L(z) = ‖z − z0‖₁ + μ‖z − c‖₂² with Adam and show why z = clamp(z0, band).
//!
//! `core` is pure numerics (native and wasm32); `params` and `protocol` are plain data; `worker`
//! and `ui` exist only on wasm32.

pub mod core;
pub mod envelope;
pub mod export;
pub mod job;
pub mod keys;
pub mod mu_scale;
pub mod params;
pub mod problem_spec;
pub mod protocol;
pub mod tour;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod worker;
pub mod z0_code;
