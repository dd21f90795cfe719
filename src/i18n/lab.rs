//! The live lab's words: the masthead, the caption, the μ bar, the controls, playback, the
//! readouts and sharing. French: U+00A0 before `:`, U+202F before `; ! ?` (tests/i18n.rs).

catalogue! {
    /// The masthead, the live lab, its controls and readouts.
    Lab {
        formula_seed: " minimised by {by}. The exact answer: z* = clamp(z0, 1 − 1/(2μ), 1 + 1/(2μ)).",
            ", minimisée par {by}. La réponse exacte\u{a0}: z* = clamp(z0, 1 − 1/(2μ), 1 + 1/(2μ)).";
        formula_changed: " — this link changes it: {problem}, minimised by {by}. The exact answer is computed per coordinate and drawn as z*.",
            " — ce lien la modifie\u{a0}: {problem}, minimisée par {by}. La réponse exacte est calculée coordonnée par coordonnée et tracée comme z*.";
        lecture_on: "Lecture mode (P)", "Mode cours (P)";
        lecture_off: "Leave lecture mode (P)", "Quitter le mode cours (P)";
        keys_button: "Keys (?)", "Touches (?)";
        views: "Views", "Vues";
        tab_live: "Live lab", "Labo en direct";
        tab_sweep: "μ sweep", "Balayage de μ";
        embed_title: "reglab: the learned z against z0 as μ changes", "reglab\u{a0}: le z appris face à z0 quand μ varie";
        language: "Language", "Langue";
        predict_caption: "Predict: where does z stop at μ = {mu}? Set the two edges, then press Reveal.",
            "Prédisez\u{a0}: où z s’arrête-t-il pour μ = {mu}\u{202f}? Placez les deux bords, puis appuyez sur Révéler.";
        your_prediction: "Your prediction", "Votre prédiction";
        charts: "Charts", "Graphiques";
        controls: "Controls", "Réglages";
        warm_title: "A μ change continues from the current z (Adam's moments start afresh) instead of restarting from z = 0",
            "Un changement de μ repart du z actuel (les moments d’Adam repartent de zéro) au lieu de recommencer à z = 0";
        warm_label: " Keep z when μ changes", " Garder z quand μ change";
        predict_first: "Predict first", "Prédire d’abord";
        leave_predict: "Leave predict mode", "Quitter le mode prédiction";
        computing: "Computing…", "Calcul en cours…";
        caption_band: "μ = {mu}: band {band} — {follow} of {n} coordinates follow z0",
            "μ = {mu}\u{a0}: bande {band} — {follow} coordonnées sur {n} suivent z0";
        caption_zero: "μ = 0: no pull towards c — all {n} coordinates follow z0",
            "μ = 0\u{a0}: rien ne tire vers c — les {n} coordonnées suivent toutes z0";
        caption_variant: "μ = {mu}, {problem}: {follow} of {n} coordinates stay on z0",
            "μ = {mu}, {problem}\u{a0}: {follow} coordonnées sur {n} restent sur z0";
        mu_rest: " — regularization weight", " — poids de la régularisation";
        mu_exact: "μ, exact value", "μ, valeur exacte";
        mu_bad: "μ must be a number from 0 to 1 000 000; keeping μ = ",
            "μ doit être un nombre entre 0 et 1\u{202f}000\u{202f}000\u{202f}; on garde μ = ";
        lr_label: "learning rate (Adam)", "taux d’apprentissage (Adam)";
        lr_value: "learning rate {lr}", "taux d’apprentissage {lr}";
        z0_order: "z0 min must be below z0 max", "z0 min doit être inférieur à z0 max";
        keeping: "{reason}; keeping {value}", "{reason}\u{202f}; on garde {value}";
        advanced: "Advanced: epochs, n, z0 range, Adam β1 β2 ε", "Avancé\u{a0}: époques, n, intervalle de z0, β1 β2 ε d’Adam";
        restore: "Restore the seed's settings", "Rétablir les réglages d’origine";
        instant: "Instant", "Immédiat";
        playback: "Playback of Run", "Lecture de l’exécution";
        run: "Run", "Lancer";
        pause: "Pause", "Pause";
        resume: "Resume", "Reprendre";
        step: "Step", "Pas à pas";
        reset: "Reset", "Revenir au début";
        optimizer: "Optimizer", "Optimiseur";
        optimizer_title: "optimizer", "optimiseur";
        compare_title: "compare with", "comparer avec";
        decay_title: "learning-rate decay", "décroissance du taux d’apprentissage";
        readouts: "Readouts", "Mesures";
        band_readout: "band [1 − 1/(2μ), 1 + 1/(2μ)] = ", "bande [1 − 1/(2μ), 1 + 1/(2μ)] = ";
        clamped_seed: "{count} of {n} coordinates clamped to the band's edges",
            "{count} coordonnées sur {n} bloquées aux bords de la bande";
        clamped_variant: "{count} of {n} coordinates held away from z0 by the pull",
            "{count} coordonnées sur {n} tenues à l’écart de z0 par le rappel";
        err_compare: "‖z − z*‖∞ with {opt} = {err} (after {epochs} epochs, {ms} ms)",
            "‖z − z*‖∞ avec {opt} = {err} (après {epochs} époques, {ms} ms)";
        status_tail: " — epoch {epoch} / {epochs}, {ms} ms of compute in the worker",
            " — époque {epoch} / {epochs}, {ms} ms de calcul dans le worker";
        status_workers: " — shared among {k} workers", " — partagé entre {k} workers";
        no_band_zero: "μ = 0: no band — nothing pulls z, so z* = z0", "μ = 0\u{a0}: pas de bande — rien ne tire z, donc z* = z0";
        own_bands: "{problem}: each coordinate has its own band c ± wᵢ/(2μ), half-widths {lo} to {hi}",
            "{problem}\u{a0}: chaque coordonnée a sa propre bande c ± wᵢ/(2μ), de demi-largeur {lo} à {hi}";
        no_band_smooth: "{problem}: no band — z* moves every z0 part of the way towards c = {c}",
            "{problem}\u{a0}: pas de bande — z* rapproche chaque z0 d’une partie du chemin vers c = {c}";
        state_idle: "Idle", "En attente";
        state_computing: "Computing", "Calcul";
        state_playing: "Playing", "Lecture";
        state_paused: "Paused", "En pause";
        state_done: "Done", "Terminé";
        state_diverged: "Diverged", "Divergence";
        state_error: "Error", "Erreur";
        copy_link: "Copy link", "Copier le lien";
        copy_embed: "Copy embed code", "Copier le code d’intégration";
        link_copied: "Link copied — it opens exactly this view.", "Lien copié — il ouvre exactement cette vue.";
        embed_copied: "Embed code copied — paste it into a slide or a course page.",
            "Code d’intégration copié — collez-le dans une diapositive ou une page de cours.";
        copy_link_by_hand: "Copy this link (Ctrl+C):", "Copiez ce lien (Ctrl+C)\u{a0}:";
        copy_embed_by_hand: "Copy this embed code (Ctrl+C):", "Copiez ce code d’intégration (Ctrl+C)\u{a0}:";
        open_in_reglab: "Open in reglab ↗", "Ouvrir dans reglab ↗";
        qr_button: "QR code (Q)", "Code QR (Q)";
        qr_title: "Scan to open this view", "Scannez pour ouvrir cette vue";
        close: "Close", "Fermer";
        qr_label: "QR code of the link below", "Code QR du lien ci-dessous";
        tour: "Tour", "Visite";
        tour_step: "Step {k} of {n}: ", "Étape {k} sur {n}\u{a0}: ";
        previous: "Previous", "Précédent";
        next: "Next", "Suivant";
        end_tour: "End tour", "Terminer la visite";
        take_tour: "Take the tour", "Faire la visite";
    }
}
