//! The charts' words: titles, legends, axis names, and the names of optimizers, fits and
//! choices that the charts and menus show (core and link keep their English names; the page
//! shows them through [`super::name`]).

catalogue! {
    /// Chart titles, legends and axes.
    Charts {
        loss_title: "Losses per epoch, log scale — μ = {mu}", "Pertes par époque, échelle log — μ = {mu}";
        subopt_title: "Distance to the exact optimum, log scale — μ = {mu}", "Distance à l’optimum exact, échelle log — μ = {mu}";
        learning_rate: "learning rate {lr}", "taux d’apprentissage {lr}";
        total: "total = fit + μ·reg", "total = ajustement + μ·rég";
        fit: "fit = {term}", "ajustement = {term}";
        reg: "reg = ‖{z}‖₂²", "rég = ‖{z}‖₂²";
        gradient: "‖gradient‖₂", "‖gradient‖₂";
        total_of: "total ({name})", "total ({name})";
        z_title: "z against z0", "z en fonction de z0";
        z_title_band: "z against z0 — μ = {mu}, band {band}", "z en fonction de z0 — μ = {mu}, bande {band}";
        z_title_zero: "z against z0 — μ = 0: no band, nothing pulls z away from z0",
            "z en fonction de z0 — μ = 0\u{a0}: pas de bande, rien n’écarte z de z0";
        z_title_variant: "z against z0 — μ = {mu}, {problem}", "z en fonction de z0 — μ = {mu}, {problem}";
        legend_bars: "bars: each coordinate's band", "barres\u{a0}: la bande de chaque coordonnée";
        legend_smooth: "no band: a smooth fit moves every z0", "pas de bande\u{a0}: un ajustement lisse déplace chaque z0";
        legend_band: "band: z follows z0 inside", "bande\u{a0}: z suit z0 à l’intérieur";
        legend_learned_first: "learned z (first optimizer)", "z appris (premier optimiseur)";
        learned_z: "learned z", "z appris";
        learned_of: "learned z ({name})", "z appris ({name})";
        analytic_of: "analytic {star}", "{star} analytique";
        difference: "difference z − z*", "différence z − z*";
        axis_mu: "μ (log scale)", "μ (échelle log)";
        axis_dimension: "dimension", "coordonnée";
        axis_epoch: "epoch", "époque";
        axis_z0: "z0 (data)", "z0 (données)";
        axis_z: "z (learned)", "z (appris)";
        axis_prediction: "z (your prediction)", "z (votre prédiction)";
        png_band: "z vs z0 — μ = {mu}, band {band}", "z selon z0 — μ = {mu}, bande {band}";
        png_zero: "z vs z0 — μ = 0: no band, nothing pulls z away from z0", "z selon z0 — μ = 0\u{a0}: pas de bande, rien n’écarte z de z0";
        png_variant: "z vs z0 — μ = {mu}, {problem}", "z selon z0 — μ = {mu}, {problem}";
        band_short: "band {band}", "bande {band}";
        band_each: "band of each coordinate: c ± wᵢ/(2μ)", "bande de chaque coordonnée\u{a0}: c ± wᵢ/(2μ)";
        clamping_starts: "clamping starts at μ = {mu}", "le blocage commence à μ = {mu}";
        z_aria: "Learned z against z0, with the exact optimum z* and the band shaded. Click a point to explore its coordinate; drag it sideways to move its z0.",
            "z appris en fonction de z0, avec l’optimum exact z* et la bande ombrée. Cliquez sur un point pour explorer sa coordonnée\u{202f}; faites-le glisser de côté pour déplacer son z0.";
        loss_aria: "Fit, regulariser, total loss and gradient norm against epoch, log scale",
            "Ajustement, régularisation, perte totale et norme du gradient par époque, échelle log";
        subopt_aria: "Suboptimality L(z) minus L(z*) and the largest distance to z* against epoch, log scale",
            "Sous-optimalité L(z) moins L(z*) et plus grande distance à z* par époque, échelle log";
    }
}

catalogue! {
    /// Names the core and the link keep in English (optimizers, fits, menu choices), with their
    /// French; [`super::name`] looks a name up by its English text.
    Names {
        momentum: "SGD with momentum", "SGD avec moment";
        nesterov: "Nesterov momentum", "moment de Nesterov";
        prox: "Proximal gradient", "Gradient proximal";
        none: "none", "aucun";
        halve: "halve 5 times", "diviser par 2 cinq fois";
        exp: "exponential (÷100)", "exponentielle (÷100)";
        l1_fit: "L1 fit", "ajustement L1";
        l2_fit: "L2 fit", "ajustement L2";
        huber_fit: "pseudo-Huber fit (δ = {delta})", "ajustement pseudo-Huber (δ = {delta})";
        tournesol_weights: ", Tournesol weights (λ = {lambda}, C = {cap})", ", poids de Tournesol (λ = {lambda}, C = {cap})";
        star_l1: "z* = clamp(z0, band)", "z* = clamp(z0, bande)";
        star_huber: "z* (exact, per-coordinate solve)", "z* (exact, résolu par coordonnée)";
        data: "your values (pasted or dragged)", "vos valeurs (collées ou déplacées)";
        fit_l1: "L1 (the seed)", "L1 (le notebook d’origine)";
        fit_huber: "pseudo-Huber (smooth L1)", "pseudo-Huber (L1 lissé)";
        fit_l2: "L2 (squared error)", "L2 (erreur quadratique)";
        uniform: "uniform", "uniformes";
        all_one: "all 1 (the seed)", "tous à 1 (le notebook d’origine)";
        tournesol_menu: "Tournesol λ·n/(C + n)", "Tournesol λ·n/(C + n)";
        straight: "straight line (the seed)", "droite (le notebook d’origine)";
        noise: "line + normal noise", "droite + bruit normal";
        steps: "five steps", "cinq marches";
        sine: "sine, two periods", "sinus, deux périodes";
    }
}
