//! The Tournesol story's words (src/view/tournesol_story.rs keeps its structure and sources).
//! Quotations from Tournesol's code stay in English, between French guillemets in French.

catalogue! {
    /// The Tournesol story.
    Story {
        summary: "Where this comes from: Tournesol's robust scores", "D’où cela vient\u{a0}: les notes robustes de Tournesol";
        ours: " (our derivation)", " (notre dérivation)";
        open_preset: "Open this state (μ = 5, c = 0, δ = 1)", "Ouvrir cet état (μ = 5, c = 0, δ = 1)";
        link_to_it: "Link to it", "Lien vers cet état";
        sources: "Sources (tournesol-app/tournesol)", "Sources (tournesol-app/tournesol)";
        h1: "What Tournesol computes", "Ce que calcule Tournesol";
        p1: "Tournesol scores a video with qr_median from solidago's primitives.py. Brent's method finds the x where (x − default_value)/lipschitz + Σ wᵢ·(x − xᵢ)/√(δᵢ² + (x − xᵢ)²) is zero, with xᵢ a contributor's score, wᵢ its voting right and δᵢ its uncertainty.",
            "Tournesol note une vidéo avec qr_median, tiré de primitives.py dans solidago. La méthode de Brent trouve le x où (x − default_value)/lipschitz + Σ wᵢ·(x − xᵢ)/√(δᵢ² + (x − xᵢ)²) s’annule, avec xᵢ la note d’un contributeur, wᵢ son droit de vote et δᵢ son incertitude.";
        h2: "The same loss as here", "La même perte qu’ici";
        p2: "That sum is the derivative of Σ wᵢ·√(δᵢ² + (x − xᵢ)²) + (x − default_value)²/(2·lipschitz). With δ = 0 it is this lab's w·|z − z0| + μ(z − c)², with z0 = xᵢ, c = default_value and μ = 1/(2·lipschitz).",
            "Cette somme est la dérivée de Σ wᵢ·√(δᵢ² + (x − xᵢ)²) + (x − default_value)²/(2·lipschitz). Avec δ = 0, c’est le w·|z − z0| + μ(z − c)² de ce labo, avec z0 = xᵢ, c = default_value et μ = 1/(2·lipschitz).";
        h3: "Tournesol's default", "La valeur par défaut de Tournesol";
        p3: "Tournesol's scoring runs with aggregation_lipshitz = 0.1, as does solidago's default pipeline. Its comment calls 2·0.1 \"the therorical max score that can be reached by an entity with 2 contributors\".",
            "Le calcul des notes de Tournesol utilise aggregation_lipshitz = 0.1, comme le pipeline par défaut de solidago. Son commentaire appelle 2·0,1 «\u{a0}the therorical max score that can be reached by an entity with 2 contributors\u{a0}» (la note maximale théorique d’une entité à 2 contributeurs).";
        h4: "μ = 5, and what the band means", "μ = 5, et ce que signifie la bande";
        p4: "So μ = 1/(2 · 0.1) = 5, and the band half-width w/(2μ) is w·lipschitz: one contributor of voting right w moves the score at most 0.1·w from the prior. The older Mehestan code wrote the pull as W·m, with W = 1/lipschitz, and said \"The influence of a single contributor 'i' is bounded by (w_i/W)\".",
            "Donc μ = 1/(2 · 0,1) = 5, et la demi-largeur de bande w/(2μ) vaut w·lipschitz\u{a0}: un contributeur de droit de vote w déplace la note d’au plus 0,1·w depuis l’a priori. L’ancien code de Mehestan écrivait le rappel W·m, avec W = 1/lipschitz, et disait «\u{a0}The influence of a single contributor 'i' is bounded by (w_i/W)\u{a0}» (l’influence d’un seul contributeur est bornée par w_i/W).";
        h5: "Uncertainty rounds the kink", "L’incertitude arrondit le coude";
        p5: "Tournesol's √(δ² + d²) is this lab's pseudo-Huber δ²(√(1 + (d/δ)²) − 1) divided by δ, plus a constant, so with δ = 1 they are the same term. A large δ turns the kink into a gentle quadratic: an uncertain contributor pulls less.",
            "Le √(δ² + d²) de Tournesol est le pseudo-Huber δ²(√(1 + (d/δ)²) − 1) de ce labo divisé par δ, à une constante près, donc avec δ = 1 c’est le même terme. Un grand δ change le coude en une parabole douce\u{a0}: un contributeur incertain tire moins fort.";
        h6: "The preset", "Le préréglage";
        p6: "The link opens μ = 5, c = 0 (Tournesol's prior is 0), pseudo-Huber with δ = 1, weights λ·n/(C + n) standing in for voting rights, and the proximal optimizer, which like Tournesol's root finder lands on the optimum. Every weight is below λ = 2, so every z stays within 0.2 of c.",
            "Le lien ouvre μ = 5, c = 0 (l’a priori de Tournesol est 0), pseudo-Huber avec δ = 1, des poids λ·n/(C + n) à la place des droits de vote, et l’optimiseur proximal, qui, comme la recherche de racine de Tournesol, atterrit sur l’optimum. Chaque poids est inférieur à λ = 2, donc chaque z reste à moins de 0,2 de c.";
    }
}

impl Story {
    /// (heading, text) of paragraph `i` (0-based), in reading order.
    pub fn paragraph(&self, i: usize) -> Option<(&'static str, &'static str)> {
        let all = [
            (self.h1, self.p1),
            (self.h2, self.p2),
            (self.h3, self.p3),
            (self.h4, self.p4),
            (self.h5, self.p5),
            (self.h6, self.p6),
        ];
        all.get(i).copied()
    }
}
