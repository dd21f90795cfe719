//! The Tournesol story (issue 15), as plain data: where reglab's loss comes from in Tournesol's
//! own code, what its Lipschitz constant means for μ, and the link that opens that state.
//!
//! Tournesol aggregates contributors' scores of one video with `qr_median` (solidago's
//! `primitives.py`): it finds the zero of
//! (x − default_value)/lipschitz + Σ wᵢ·(x − xᵢ)/√(δᵢ² + (x − xᵢ)²).
//! (Our derivation:) that is the derivative of
//! Σ wᵢ·√(δᵢ² + (x − xᵢ)²) + (x − default_value)²/(2·lipschitz), which for δ = 0 is reglab's
//! w·|z − z0| + μ(z − c)² with μ = 1/(2·lipschitz) ([`tournesol_mu`]). The long version, with
//! every quoted line, is `docs/tournesol.md`; `tests/tournesol_story.rs` checks the numbers.

/// A line range of Tournesol's code that the story relies on.
#[derive(Debug, Clone, Copy)]
pub struct Citation {
    /// Path inside the tournesol-app/tournesol repository.
    pub path: &'static str,
    /// The function (or setting) quoted.
    pub function: &'static str,
    /// GitHub blob URL at the pinned commit, with the lines (`#Lnn` or `#Lnn-Lmm`).
    pub url: &'static str,
}

/// One paragraph of the story as the page shows it.
#[derive(Debug, Clone, Copy)]
pub struct Paragraph {
    /// Its place in the story (its heading and text are the catalogue's, src/i18n/story.rs).
    pub index: usize,
    /// True when the paragraph is a derivation of ours, not something Tournesol's code says.
    pub ours: bool,
}

impl Paragraph {
    /// Its heading, in the page's language.
    pub fn heading(&self) -> &'static str {
        self.words().0
    }

    /// Its 1–3 sentences, in the page's language.
    pub fn text(&self) -> &'static str {
        self.words().1
    }

    fn words(&self) -> (&'static str, &'static str) {
        crate::i18n::t()
            .story
            .paragraph(self.index)
            .unwrap_or_else(|| unreachable!("the catalogue has every paragraph"))
    }
}

/// The tournesol-app/tournesol commit read (branch `main`, 2026-08-20).
pub const COMMIT: &str = "f8110b95c34978a750c50014f5a40b4391a3f74c";

/// The last commit with the older backend Mehestan code (`backend/ml/mehestan/`, 2023-05-20),
/// before it moved into solidago: its `W` is the inverse of today's `lipschitz`.
pub const LEGACY_COMMIT: &str = "d0bcc09358779f83864916a0cd120375d3e951ae";

/// Tournesol's default Lipschitz constant of the aggregation (`aggregation_lipshitz = 0.1` in
/// `backend/ml/management/commands/ml_train.py`; also solidago's `DefaultPipeline`).
pub const DEFAULT_LIPSCHITZ: f64 = 0.1;

/// The older backend's `W = 20.0` (`backend/ml/mehestan/global_scores.py` at
/// [`LEGACY_COMMIT`]), used as `QrMed(2 * W, …)` for the global scores.
pub const LEGACY_W: f64 = 20.0;

/// The lines quoted, at [`COMMIT`].
pub const CITATIONS: &[Citation] = &[
    Citation {
        path: "solidago/src/solidago/primitives.py",
        function: "_qr_quantile_loss_derivative",
        url: "https://github.com/tournesol-app/tournesol/blob/f8110b95c34978a750c50014f5a40b4391a3f74c/solidago/src/solidago/primitives.py#L87-L94",
    },
    Citation {
        path: "solidago/src/solidago/primitives.py",
        function: "qr_quantile",
        url: "https://github.com/tournesol-app/tournesol/blob/f8110b95c34978a750c50014f5a40b4391a3f74c/solidago/src/solidago/primitives.py#L67-L71",
    },
    Citation {
        path: "solidago/src/solidago/primitives.py",
        function: "qr_median",
        url: "https://github.com/tournesol-app/tournesol/blob/f8110b95c34978a750c50014f5a40b4391a3f74c/solidago/src/solidago/primitives.py#L118",
    },
    Citation {
        path: "backend/ml/management/commands/ml_train.py",
        function: "get_solidago_pipeline (aggregation_lipshitz)",
        url: "https://github.com/tournesol-app/tournesol/blob/f8110b95c34978a750c50014f5a40b4391a3f74c/backend/ml/management/commands/ml_train.py#L29",
    },
    Citation {
        path: "backend/ml/management/commands/ml_train.py",
        function: "get_solidago_pipeline (QuantileShift target_score, EntitywiseQrQuantile)",
        url: "https://github.com/tournesol-app/tournesol/blob/f8110b95c34978a750c50014f5a40b4391a3f74c/backend/ml/management/commands/ml_train.py#L51-L62",
    },
    Citation {
        path: "solidago/src/solidago/pipeline/pipeline.py",
        function: "DefaultPipeline.aggregation",
        url: "https://github.com/tournesol-app/tournesol/blob/f8110b95c34978a750c50014f5a40b4391a3f74c/solidago/src/solidago/pipeline/pipeline.py#L66-L70",
    },
    Citation {
        path: "solidago/src/solidago/aggregation/entitywise_qr_quantile.py",
        function: "EntitywiseQrQuantile.__call__",
        url: "https://github.com/tournesol-app/tournesol/blob/f8110b95c34978a750c50014f5a40b4391a3f74c/solidago/src/solidago/aggregation/entitywise_qr_quantile.py#L58-L66",
    },
    Citation {
        path: "solidago/tests/test_primitives.py",
        function: "test_qrmedian_resilience",
        url: "https://github.com/tournesol-app/tournesol/blob/f8110b95c34978a750c50014f5a40b4391a3f74c/solidago/tests/test_primitives.py#L12-L20",
    },
];

/// The older backend's lines, at [`LEGACY_COMMIT`].
pub const LEGACY_CITATIONS: &[Citation] = &[
    Citation {
        path: "backend/ml/mehestan/primitives.py",
        function: "L_prime",
        url: "https://github.com/tournesol-app/tournesol/blob/d0bcc09358779f83864916a0cd120375d3e951ae/backend/ml/mehestan/primitives.py#L13-L15",
    },
    Citation {
        path: "backend/ml/mehestan/primitives.py",
        function: "QrMed_inner",
        url: "https://github.com/tournesol-app/tournesol/blob/d0bcc09358779f83864916a0cd120375d3e951ae/backend/ml/mehestan/primitives.py#L25-L26",
    },
    Citation {
        path: "backend/ml/mehestan/global_scores.py",
        function: "W",
        url: "https://github.com/tournesol-app/tournesol/blob/d0bcc09358779f83864916a0cd120375d3e951ae/backend/ml/mehestan/global_scores.py#L12-L14",
    },
    Citation {
        path: "backend/ml/mehestan/global_scores.py",
        function: "get_global_scores",
        url: "https://github.com/tournesol-app/tournesol/blob/d0bcc09358779f83864916a0cd120375d3e951ae/backend/ml/mehestan/global_scores.py#L334",
    },
];

/// The story, in reading order.
pub const PARAGRAPHS: &[Paragraph] = &[
    Paragraph {
        index: 0,
        ours: false,
    },
    Paragraph {
        index: 1,
        ours: true,
    },
    Paragraph {
        index: 2,
        ours: false,
    },
    Paragraph {
        index: 3,
        ours: true,
    },
    Paragraph {
        index: 4,
        ours: true,
    },
    Paragraph {
        index: 5,
        ours: false,
    },
];

/// The preset link (query string over the defaults) that opens the state the story describes:
/// Tournesol-style weights (λ = 2, C = 3), μ = [`tournesol_mu`]`(`[`DEFAULT_LIPSCHITZ`]`)` = 5,
/// c = 0, pseudo-Huber with δ = 1 (Tournesol's √(δ² + d²) up to a constant) and the proximal
/// optimizer (an exact solve, like Tournesol's Brent's method).
pub const PRESET_QUERY: &str = "w=tournesol&tlambda=2&tcap=3&mu=5&c=0&fit=huber&delta=1&opt=prox";

/// reglab's μ for Tournesol's `lipschitz` (our derivation): solidago's qr_median minimises
/// Σ wᵢ·√(δᵢ² + (x − xᵢ)²) + (x − x0)²/(2·lipschitz), so μ = 1/(2·lipschitz), and the L1 band
/// half-width w/(2μ) is w·lipschitz. Tournesol's default 0.1 gives μ = 5; lipschitz = +∞ gives
/// μ = 0 (no pull), lipschitz = 0 gives μ = +∞ (everything on c).
pub fn tournesol_mu(lipschitz: f64) -> f64 {
    1.0 / (2.0 * lipschitz)
}

/// reglab's μ for the older backend's `QrMed(W, …)` (our derivation): its derivative
/// `W * m - Σ w·(x − m)/√(δ² + (x − m)²)` is that of (W/2)·m² + Σ w·√(δ² + (x − m)²), so
/// μ = W/2 and W = 1/lipschitz. The global scores used `QrMed(2 * W, …)` with W = 20: μ = 20.
pub fn mehestan_mu(w_argument: f64) -> f64 {
    w_argument / 2.0
}
