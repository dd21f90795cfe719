//! The link's settings as the runs they ask for: the one place a [`Params`] becomes a
//! [`RunSpec`] or a [`SweepSpec`]. Every value was checked when the link was read (see
//! [`super::query`]), so the conversion cannot fail.

use super::choice::WeightKind;
use super::params::Params;
use crate::spec::{RunSpec, SweepSpec, Weights};

impl Params {
    /// The run a page with these parameters asks for, keeping `snapshots` z snapshots for
    /// playback.
    pub fn run_spec(&self, snapshots: u32) -> RunSpec {
        RunSpec {
            mu: self.mu,
            centre: self.c,
            z0min: self.z0min,
            z0max: self.z0max,
            n: self.n,
            adam: self.adam(),
            epochs: self.epochs,
            snapshots,
            opt: self.opt,
            decay: self.decay.decay(self.epochs),
            z0: self.z0_spec(),
            seed: self.seed,
            fit: self.fit.fit(self.delta),
            weights: match self.w {
                WeightKind::Tournesol => Weights::Tournesol {
                    lambda: self.tlambda,
                    cap: self.tcap,
                },
                WeightKind::Uniform => Weights::Uniform,
            },
        }
    }

    /// The μ sweep these parameters ask for: the run at every μ of the sweep grid.
    pub fn sweep_spec(&self) -> SweepSpec {
        SweepSpec {
            base: self.run_spec(0),
            mus: self.sweep_mus(),
        }
    }
}
