//! The panels' words: the explanation, the problem panel, the exports, the sweep, the
//! explorer.

catalogue! {
    /// Explanation, problem, exports, sweep, explorer.
    Panels {
        sweep_run: "Run sweep", "Lancer le balayage";
        cancel: "Cancel", "Annuler";
        sweep_running: "Running: μ {done} of {total}, {ms} ms so far", "En cours\u{a0}: μ {done} sur {total}, {ms} ms jusqu’ici";
        sweep_done: "Done: {total} μ × {epochs} epochs in {ms} ms of worker compute", "Terminé\u{a0}: {total} μ × {epochs} époques en {ms} ms de calcul du worker";
        sweep_cancelled: "Cancelled after {done} of {total} μ", "Annulé après {done} μ sur {total}";
        sweep_error: "Error: {why}", "Erreur\u{a0}: {why}";
        sweep_idle: "Not run yet", "Pas encore lancé";
        grid: "μ grid (log-spaced)", "Grille de μ (espacement log)";
        shared_hint: "Every other setting (epochs, n, z0 range, Adam) is shared with the live view.", "Tous les autres réglages (époques, n, intervalle de z0, Adam) sont partagés avec le labo en direct.";
        overlay_title: "z against z0 for every μ (the seed's overlay)", "z en fonction de z0 pour chaque μ (la superposition du notebook d’origine)";
        overlay_aria: "Learned z against z0, one line per μ, coloured from dark (small μ) to yellow (large μ)", "z appris en fonction de z0, une ligne par μ, du sombre (petit μ) au jaune (grand μ)";
        clamping_starts: "Clamping starts at μ = {mu}: below it the band [1 − 1/(2μ), 1 + 1/(2μ)] holds every z0. {none} of the {count} sweep μ clamp nothing.",
            "Le blocage commence à μ = {mu}\u{a0}: en dessous, la bande [1 − 1/(2μ)\u{202f}; 1 + 1/(2μ)] contient tous les z0. {none} des {count} μ du balayage ne bloquent rien.";
        never_clamped: "z0 sits at the centre: nothing is ever clamped.", "z0 est au centre\u{a0}: rien n’est jamais bloqué.";
        edges_title: "Band edges 1 ± 1/(2μ) against μ, z0 range shaded", "Bords de bande 1 ± 1/(2μ) en fonction de μ, intervalle de z0 ombré";
        edges_aria: "The band edges against μ on a log axis, with the range of z0 shaded and the sweep's μ values marked", "Les bords de bande en fonction de μ sur un axe log, avec l’intervalle de z0 ombré et les μ du balayage marqués";
        heatmap_aria: "Heatmap of {title} over μ (rows) and dimension (columns). Arrow keys move, Enter opens the live view at the row's μ.", "Carte de chaleur de {title} selon μ (lignes) et la coordonnée (colonnes). Les flèches déplacent, Entrée ouvre le labo en direct au μ de la ligne.";
        cell: "μ = {mu}, dimension {col}: z0 = {z0}, z = {z}, z* = {star}, z − z* = {diff}. Click or press Enter to open the live view at this μ.", "μ = {mu}, coordonnée {col}\u{a0}: z0 = {z0}, z = {z}, z* = {star}, z − z* = {diff}. Cliquez ou appuyez sur Entrée pour ouvrir le labo en direct à ce μ.";
        cell_hint: "Point at a heatmap cell (or focus a heatmap and use the arrow keys) to read its values.", "Pointez une case d’une carte de chaleur (ou donnez-lui le focus et utilisez les flèches) pour lire ses valeurs.";
        overlay_caption: "z against z0 for every μ of the sweep", "z en fonction de z0 pour chaque μ du balayage";
        edges_caption: "Band edges 1 ± 1/(2μ) against μ", "Bords de bande 1 ± 1/(2μ) en fonction de μ";
        export: "Export", "Exporter";
        run_csv: "Run CSV", "CSV de l’exécution";
        loss_csv: "Loss history CSV", "CSV de l’historique des pertes";
        sweep_csv: "Sweep CSV", "CSV du balayage";
        png_which: "Chart to save as PNG", "Graphique à enregistrer en PNG";
        png: "PNG", "PNG";
        state_json: "State JSON", "JSON de l’état";
        notebook: "Notebook", "Carnet Jupyter";
        notebook_label: "Notebook: ", "Carnet Jupyter\u{a0}: ";
        notebook_failed: "Could not make the notebook: {why}", "Impossible de créer le carnet Jupyter\u{a0}: {why}";
        notebook_fetch_failed: "Could not load the notebook’s templates ({why}): check the connection and try again.", "Impossible de charger les modèles du carnet Jupyter ({why})\u{a0}: vérifiez la connexion et réessayez.";
        png_z: "z against z0", "z en fonction de z0";
        png_loss: "losses", "pertes";
        png_subopt: "distance to z*", "distance à z*";
        png_overlay: "sweep overlay", "superposition du balayage";
        png_learned: "heatmap: learned z", "carte de chaleur\u{a0}: z appris";
        png_analytic: "heatmap: z*", "carte de chaleur\u{a0}: z*";
        png_diff: "heatmap: z − z*", "carte de chaleur\u{a0}: z − z*";
        save_loss_failed: "Could not save the loss history: {why}", "Impossible d’enregistrer l’historique des pertes\u{a0}: {why}";
        save_csv_failed: "Could not save the CSV: {why}", "Impossible d’enregistrer le CSV\u{a0}: {why}";
        save_sweep_failed: "Could not save the sweep: {why}", "Impossible d’enregistrer le balayage\u{a0}: {why}";
        save_state_failed: "Could not save the state: {why}", "Impossible d’enregistrer l’état\u{a0}: {why}";
        png_failed: "Could not make the PNG: {why}", "Impossible de créer le PNG\u{a0}: {why}";
        paste_one: "paste at least one number", "collez au moins un nombre";
        too_many: "{count} numbers: a link carries at most {max}; for more, use a preset with n up to 10 000", "{count} nombres\u{a0}: un lien en porte au plus {max}\u{202f}; au-delà, utilisez un préréglage avec n jusqu’à 10\u{202f}000";
        bad_value: "value {i} ({text}) is not a number between −1e6 and 1e6", "la valeur {i} ({text}) n’est pas un nombre entre −1e6 et 1e6";
        z0_unchanged: "{why}; z0 is unchanged", "{why}\u{202f}; z0 est inchangé";
        problem: "Problem: z0, fit term, centre, weights", "Problème\u{a0}: z0, terme d’ajustement, centre, poids";
        z0_shape: "z0 shape", "forme de z0";
        fit_term: "fit term", "terme d’ajustement";
        weights: "weights wᵢ", "poids wᵢ";
        drag_hint: "Drag a point of the z chart sideways to move its z0 (n ≤ {max}). The seed draws the noise and the Tournesol comparison counts.", "Faites glisser un point du graphique de z de côté pour déplacer son z0 (n ≤ {max}). La graine tire le bruit et les nombres de comparaisons de Tournesol.";
        paste_label: "Paste z0 values (spaces, commas or new lines)", "Collez des valeurs de z0 (séparées par des espaces, des virgules ou des retours à la ligne)";
        use_values: "Use these values", "Utiliser ces valeurs";
        tournesol_preset: "Tournesol preset (λ = 2, C = 3, μ = 1)", "Préréglage Tournesol (λ = 2, C = 3, μ = 1)";
        back_to_seed: "Back to the seed's problem", "Revenir au problème d’origine";
        explorer: "Subgradient explorer", "Explorateur de sous-gradient";
        explorer_pick: "coordinate (click a point in the z chart)", "coordonnée (cliquez sur un point du graphique de z)";
        explorer_aria: "One coordinate's loss and its subgradient set, with the optimum where the set contains 0", "La perte d’une coordonnée et son sous-différentiel, avec l’optimum là où il contient 0";
        explorer_text: "Coordinate {i}: z0 = {z0}, z* = {star}, learned z = {z}. At z*, ∂l = {interval} contains 0{why}.", "Coordonnée {i}\u{a0}: z0 = {z0}, z* = {star}, z appris = {z}. En z*, ∂l = {interval} contient 0{why}.";
        on_kink: " (z* sits on the kink: the interval does it)", " (z* est sur le coude\u{a0}: l’intervalle suffit)";
        on_edge: " (z* is on a band edge: the pull 2μ(z − {c}) cancels the slope ±1)", " (z* est sur un bord de bande\u{a0}: le rappel 2μ(z − {c}) annule la pente ±1)";
        show_star: "show the analytic z* (dashed)", "afficher le z* analytique (pointillés)";
        no_run_yet: "no run to draw yet", "pas encore d’exécution à tracer";
        sweep_first: "run the sweep first", "lancez d’abord le balayage";
        why_title: "Why z = clamp(z0, band)", "Pourquoi z = clamp(z0, bande)";
        each_coordinate: "Each coordinate is its own 1-D problem ", "Chaque coordonnée est un problème à une dimension ";
        its_subgradient: ". Its subgradient is ", ". Son sous-gradient est ";
        sign_interval: ", where the sign becomes the whole interval [−1, 1] at the kink z = z0.",
            ", où le signe devient tout l’intervalle [−1\u{202f}; 1] au coude z = z0.";
        optimum_where: "The optimum is where 0 lies in that set. At z = z0 this needs ",
            "L’optimum est là où 0 appartient à cet ensemble. En z = z0, il faut ";
        within: ", i.e. z0 within 1/(2μ) of c = {c}. ", ", c’est-à-dire z0 à moins de 1/(2μ) de c = {c}. ";
        band_sentence: "With μ = {mu}, 1/(2μ) = {half}: every z0 in {band} = {centre} ± 1/(2μ) is kept as it is; every z0 outside stops at the nearer edge, where the pull 2μ(z − {term}) = ±1 exactly balances the fit's slope.",
            "Avec μ = {mu}, 1/(2μ) = {half}\u{a0}: chaque z0 de {band} = {centre} ± 1/(2μ) est gardé tel quel\u{202f}; chaque z0 en dehors s’arrête au bord le plus proche, où le rappel 2μ(z − {term}) = ±1 compense exactement la pente de l’ajustement.";
        band_sentence_zero: "With μ = 0 nothing pulls towards {centre}: the optimum is z = z0 everywhere and there is no band.",
            "Avec μ = 0, rien ne tire vers {centre}\u{a0}: l’optimum est z = z0 partout et il n’y a pas de bande.";
        jitter: "Why the learned z jitters: inside the band the gradient flips between about −1 and +1 each time z crosses z0. Adam divides by ",
            "Pourquoi le z appris tremble\u{a0}: dans la bande, le gradient bascule entre environ −1 et +1 chaque fois que z traverse z0. Adam divise par ";
        step_length: " ≈ 1, so every step has length about the learning rate (",
            " ≈ 1, donc chaque pas a pour longueur environ le taux d’apprentissage (";
        dance: "), on every coordinate, forever: z keeps dancing around z0 on a scale set by the learning rate (the dashed line in the third chart), and ‖z − z*‖∞ levels off within about ten learning rates instead of going to 0. A decaying learning rate would remove the dance; Keras' Adam does not decay it.",
            "), sur chaque coordonnée, sans fin\u{a0}: z danse autour de z0 à une échelle fixée par le taux d’apprentissage (la ligne pointillée du troisième graphique), et ‖z − z*‖∞ plafonne à une dizaine de taux d’apprentissage au lieu de tendre vers 0. Un taux d’apprentissage décroissant supprimerait cette danse\u{202f}; l’Adam de Keras ne le fait pas décroître.";
    }
}
