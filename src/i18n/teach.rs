//! The teaching aids' words: the key list, the tour, predict-then-reveal, the scrubber.

catalogue! {
    /// Keys, tour, prediction and scrubber.
    Teach {
        keys_title: "Keys", "Touches";
        key_space: "Space", "Espace";
        key_esc: "Esc", "Échap";
        key_p: "lecture mode on / off", "mode cours activé / désactivé";
        key_arrows: "previous / next μ of the sweep grid (during the tour: previous / next step)",
            "μ précédent / suivant de la grille de balayage (pendant la visite\u{a0}: étape précédente / suivante)";
        key_up: "μ × 1.78 (a quarter decade up)", "μ × 1,78 (un quart de décade au-dessus)";
        key_down: "μ ÷ 1.78 (a quarter decade down)", "μ ÷ 1,78 (un quart de décade en dessous)";
        key_play: "play / pause", "lecture / pause";
        key_replay: "replay the run", "rejouer l’exécution";
        key_back: "one snapshot back in the run (the scrubber)", "un instantané en arrière dans l’exécution (le curseur temporel)";
        key_forward: "one snapshot forward in the run (the scrubber)", "un instantané en avant dans l’exécution (le curseur temporel)";
        key_reveal: "reveal the answer of a prediction", "révéler la réponse d’une prédiction";
        key_full: "full screen on / off", "plein écran activé / désactivé";
        key_qr: "QR code of this view's link (for the room to scan)", "code QR du lien de cette vue (à scanner par la salle)";
        key_list: "this list", "cette liste";
        key_close: "close this list or the QR code", "fermer cette liste ou le code QR";
        your_sketch: "Your sketch", "Votre esquisse";
        your_clamp: "Your clamp", "Votre clamp";
        mean_error: "{what} was on average {mean} away from z* per coordinate.",
            "{what} était en moyenne à {mean} de z* par coordonnée.";
        score_band: "You predicted the band {predicted}; the answer is {answer}: the lower edge was off by {lo}, the upper edge by {hi}. {mean}{praise}",
            "Vous aviez prédit la bande {predicted}\u{202f}; la réponse est {answer}\u{a0}: le bord inférieur était décalé de {lo}, le bord supérieur de {hi}. {mean}{praise}";
        score_curve: "This problem has no single band, so only the curve counts. {mean}",
            "Ce problème n’a pas de bande unique, seule la courbe compte donc. {mean}";
        exactly_right: " Exactly right.", " Tout juste.";
        close: " Close.", " Presque.";
        quiz_title: "Predict: where does z stop at μ = {mu}? Drag the two dashed edges (or sketch z), then Reveal.",
            "Prédisez\u{a0}: où z s’arrête-t-il pour μ = {mu}\u{202f}? Faites glisser les deux bords pointillés (ou esquissez z), puis Révélez.";
        quiz_aria: "Your prediction: z against z0, with the diagonal z = z0 and the two band edges you predict. Set the edges with the fields below.",
            "Votre prédiction\u{a0}: z en fonction de z0, avec la diagonale z = z0 et les deux bords de bande que vous prédisez. Réglez les bords avec les champs ci-dessous.";
        sketch: " Sketch z with the pointer", " Esquisser z avec le pointeur";
        reveal: "Reveal (V)", "Révéler (V)";
        lower_edge: "Lower edge", "Bord inférieur";
        upper_edge: "Upper edge", "Bord supérieur";
        scrub_text: "epoch {epoch} of {epochs}", "époque {epoch} sur {epochs}";
        scrub_label: "Epoch", "Époque";
        tour1: "z0 is the data: 100 values spread evenly from −10 to 10 (the x axis). Adam starts every z at 0 and minimises |z − z0| summed, plus μ times the squared distance of z from 1.",
            "z0, ce sont les données\u{a0}: 100 valeurs réparties régulièrement de −10 à 10 (l’axe des x). Adam part de z = 0 partout et minimise la somme des |z − z0|, plus μ fois le carré de la distance de z à 1.";
        tour2: "μ = 0: nothing pulls towards 1, so the best z is z0 itself — every point lands on the diagonal z = z0. No band.",
            "μ = 0\u{a0}: rien ne tire vers 1, donc le meilleur z est z0 lui-même — chaque point tombe sur la diagonale z = z0. Pas de bande.";
        tour3: "A small μ: the band [1 − 1/(2μ), 1 + 1/(2μ)] = [−9, 11] appears. Inside it z still follows z0; the few z0 below −9 stop at the band's edge.",
            "Un petit μ\u{a0}: la bande [1 − 1/(2μ)\u{202f}; 1 + 1/(2μ)] = [−9\u{202f}; 11] apparaît. À l’intérieur, z suit encore z0\u{202f}; les quelques z0 sous −9 s’arrêtent au bord de la bande.";
        tour4: "A large μ: the band shrinks to [0.95, 1.05] and everything is pulled to about 1 — the fit term only decides which edge.",
            "Un grand μ\u{a0}: la bande se réduit à [0,95\u{202f}; 1,05] et tout est tiré vers 1 environ — le terme d’ajustement ne décide plus que du bord.";
        tour5: "Why Adam jitters: at the kink the gradient flips between −1 and +1, Adam normalises it, so z keeps stepping about one learning rate around z0. The third chart shows that floor.",
            "Pourquoi Adam tremble\u{a0}: au coude, le gradient bascule entre −1 et +1, Adam le normalise, donc z continue de faire des pas d’environ un taux d’apprentissage autour de z0. Le troisième graphique montre ce plancher.";
        tour6: "The sweep: every μ from 0.02 to 1 at once. Each heatmap row is one μ; the learned z matches the analytic clamp, row by row.",
            "Le balayage\u{a0}: tous les μ de 0,02 à 1 d’un coup. Chaque ligne de carte de chaleur est un μ\u{202f}; le z appris coïncide avec le clamp analytique, ligne par ligne.";
        tour7: "Where it comes from: Tournesol scores a video with the same loss — contributors' scores as z0, a pull of μ = 5 towards 0, each contributor's uncertainty rounding the kink. One contributor moves a score by at most its weight over 2μ. The story and its sources open below.",
            "D’où cela vient\u{a0}: Tournesol note une vidéo avec la même perte — les notes des contributeurs comme z0, un rappel de μ = 5 vers 0, l’incertitude de chaque contributeur arrondissant le coude. Un contributeur déplace une note d’au plus son poids divisé par 2μ. L’histoire et ses sources s’ouvrent plus bas.";
    }
}

impl Teach {
    /// The caption of tour step `k` (1-based), if there is one.
    pub fn tour_caption(&self, k: u64) -> Option<&'static str> {
        let all = [
            self.tour1, self.tour2, self.tour3, self.tour4, self.tour5, self.tour6, self.tour7,
        ];
        all.get(usize::try_from(k).ok()?.checked_sub(1)?).copied()
    }
}
