//! What a person calls each link key, as the parameter fields and notices show it (the link
//! table, src/link/table.rs, keeps the English label), and the link's other notices: older keys
//! and values that were refused. [`super::key_label`] looks a label up by its key.

catalogue! {
    /// Link key labels, by URL key; symbols (μ, n, β1, β2, ε) are the same in both languages
    /// and not listed.
    KeyLabels {
        lr: "exact learning rate", "taux d’apprentissage exact";
        epochs: "epochs", "époques";
        z0min: "z0 min", "z0 min";
        z0max: "z0 max", "z0 max";
        play: "playback", "lecture";
        view: "view", "vue";
        smin: "sweep μ min", "μ min du balayage";
        smax: "sweep μ max", "μ max du balayage";
        scount: "sweep count", "nombre de μ du balayage";
        present: "lecture mode", "mode cours";
        embed: "embed mode", "mode intégré";
        quiz: "predict first", "prédire d’abord";
        warm: "keep z when μ changes", "garder z quand μ change";
        hide: "hidden panels", "panneaux masqués";
        tour: "tour step", "étape de la visite";
        opt: "optimizer", "optimiseur";
        compare: "compared optimizer", "optimiseur comparé";
        decay: "learning-rate decay", "décroissance du taux d’apprentissage";
        z0: "z0 shape", "forme de z0";
        z0data: "z0 values", "valeurs de z0";
        seed: "seed", "graine";
        c: "centre c", "centre c";
        fit: "fit term", "terme d’ajustement";
        delta: "pseudo-Huber δ", "δ de pseudo-Huber";
        w: "weights", "poids";
        tlambda: "Tournesol λ", "λ de Tournesol";
        tcap: "Tournesol C", "C de Tournesol";
        lang: "language", "langue";
    }
}

catalogue! {
    /// The link's notices beyond one refused value.
    LinkNotices {
        z0_order: "z0min must be below z0max", "z0min doit être inférieur à z0max";
        s_order: "smin must not exceed smax", "smin ne doit pas dépasser smax";
        no_values: "the link has no z0 values (z0data)", "le lien n’a pas de valeurs de z0 (z0data)";
        not_play: "not one of instant, 1, 3, 10", "pas l’un de instant, 1, 3, 10";
        not_view: "not one of live, sweep", "pas l’un de live, sweep";
        ignored: "ignored", "ignoré";
        renamed_mu: "the regularization weight is now called mu", "le poids de la régularisation s’appelle maintenant mu";
        renamed_lr: "the learning rate is now called lr", "le taux d’apprentissage s’appelle maintenant lr";
        renamed_steps: "steps are now called epochs", "les pas s’appellent maintenant epochs";
        renamed_iters: "iterations are now called epochs", "les itérations s’appellent maintenant epochs";
        renamed_dim: "the dimension is now called n", "la dimension s’appelle maintenant n";
        renamed_speed: "the playback speed is now called play", "la vitesse de lecture s’appelle maintenant play";
        dropped_theme: "the page now follows your system's light or dark setting", "la page suit maintenant le thème clair ou sombre de votre système";
        dropped_autorun: "a link now always opens with its run computed", "un lien s’ouvre maintenant toujours avec son exécution calculée";
        z0_finite: "z0 values must be finite numbers", "les valeurs de z0 doivent être des nombres finis";
        z0_base64: "not base64url text", "pas du texte base64url";
        z0_unknown: "not a z0 encoding this page knows", "pas un codage de z0 que cette page connaît";
        z0_truncated: "truncated z0 data", "données de z0 tronquées";
        z0_range: "z0 data with a broken range", "données de z0 avec un intervalle invalide";
        z0_empty: "z0 needs at least one value", "z0 demande au moins une valeur";
        z0_too_many: "a link carries at most {max} z0 values, this z0 has {n}", "un lien porte au plus {max} valeurs de z0, ce z0 en a {n}";
        embed_title: "reglab: the L1 fit pulled towards c = {c} with weight μ = {mu} — an interactive chart",
            "reglab\u{a0}: l’ajustement L1 tiré vers c = {c} avec le poids μ = {mu} — un graphique interactif";
        doc_title: "reglab — regularization you can see", "reglab — la régularisation qui se voit";
    }
}
