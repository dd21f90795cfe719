//! The numeric core: pure Rust, no screen, no clock, no messages.
//!
//! The problem is L(z) = ‖z − z0‖₁ + μ‖z − c‖₂² over z ∈ ℝⁿ (the seed notebook has c = 1).
//! It is separable, so its minimiser is known in closed form (see [`analytic`]):
//! z*ᵢ = clamp(z0ᵢ, c − 1/(2μ), c + 1/(2μ)). Its variants L(z) = Σ wᵢ·φ(zᵢ − z0ᵢ) + μ‖z − c‖₂²
//! (a [`fit`] term φ: L1, pseudo-Huber or L2, and weights wᵢ ≥ 0) have their optima in
//! [`variants`]. The optimizers in [`optim`] approach the optimum by subgradient steps (Adam,
//! SGD, momentum, RMSprop, Adagrad) or by proximal-gradient steps; [`run`] drives them and
//! records what the page draws; [`sweep`] repeats a run over a grid of μ.

pub mod analytic;
pub mod fit;
pub mod floats;
pub mod history;
pub mod optim;
pub mod problem;
pub mod run;
pub mod sweep;
pub mod variants;
pub mod z0;

pub use analytic::Band;
pub use history::{History, Series};
pub use optim::adagrad::Adagrad;
pub use optim::adam::{Adam, AdamConfig};
pub use optim::momentum::Momentum;
pub use optim::prox::Prox;
pub use optim::rmsprop::RmsProp;
pub use optim::sgd::Sgd;
pub use optim::{Decay, EpochStats, Optimizer, OptimizerConfig, OptimizerKind};
pub use problem::{linspace, Problem, ProblemError};
pub use run::{Run, StopReason};
pub use sweep::{logspace, run_sweep, SweepRow};
