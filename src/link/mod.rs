//! The link: the page's whole state as a URL query, typed. A shared link reproduces what its
//! author saw, and a link written by any older version keeps opening.
//!
//! - [`params`]: [`Params`], every user-settable value; [`choice`]: the word-valued settings
//!   as enums that own their words and menu labels.
//! - [`table`]: one row per URL key (kind, bounds, field, label) and the legacy keys;
//!   [`value`] reads and writes one key, [`query`] the whole query string and its JSON.
//! - [`convert`]: `Params` → [`crate::spec::RunSpec`] / [`crate::spec::SweepSpec`], once.
//! - [`decimal`]: reading a decimal number as `str::parse` does, without core's float parser
//!   in the page.
//! - [`z0_code`]: z0 values in a link; [`mu_scale`]: the μ slider's log scale; [`keys`]: the
//!   lecture keys; [`tour`]: the guided tour's steps (each step is a link); [`embed`]: the
//!   embed link, its `<iframe>` code and the way back to the full lab.

pub mod choice;
pub mod convert;
pub mod decimal;
pub mod embed;
pub mod keys;
pub mod mu_scale;
pub mod params;
pub mod query;
pub mod table;
pub mod text;
pub mod tour;
pub mod value;
pub mod z0_code;

pub use choice::{Choice, Compare, DecayKind, FitKind, WeightKind, Z0Source};
pub use params::{Params, Playback, View};
pub use query::{Parsed, Replaced};
pub use table::{
    spec, Field, Kind, Spec, LEGACY, MAX_EPOCHS, MAX_MU, MAX_N, MAX_SEED, MAX_SWEEP, PANELS, SPECS,
    TOUR_STEPS,
};
pub use text::fmt_real;
