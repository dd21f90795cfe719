//! The words of the video recording (Record, beside the playback buttons).

catalogue! {
    /// Record: the fieldset, its buttons, progress and outcomes.
    Record {
        legend: "Video for slides", "Vidéo pour vos diapositives";
        record: "Record", "Enregistrer";
        record_title: "Render the run's playback (z chart, losses, caption) to a video file for slides",
            "Rendre la lecture de l’exécution (graphique de z, pertes, légende) en un fichier vidéo pour vos diapositives";
        cancel: "Cancel", "Annuler";
        still: "Last frame (PNG)", "Dernière image (PNG)";
        size: "Video size", "Taille de la vidéo";
        no_run: "Compute a run first.", "Lancez d’abord un calcul.";
        no_recorder: "This browser cannot record video: it has no MediaRecorder.",
            "Ce navigateur ne peut pas enregistrer de vidéo\u{a0}: il n’a pas de MediaRecorder.";
        no_capture: "This browser cannot record video: it cannot capture a canvas.",
            "Ce navigateur ne peut pas enregistrer de vidéo\u{a0}: il ne sait pas capturer un canevas.";
        no_type: "This browser cannot record video: its MediaRecorder writes no MP4 (H.264) or WebM that it can play back.",
            "Ce navigateur ne peut pas enregistrer de vidéo\u{a0}: son MediaRecorder n’écrit aucun MP4 (H.264) ni WebM qu’il sache relire.";
        empty: "the recorder returned no video", "l’enregistreur n’a rendu aucune vidéo";
        no_output: "This browser cannot record video: its recorder returned an empty file.",
            "Ce navigateur ne peut pas enregistrer de vidéo\u{a0}: son enregistreur a rendu un fichier vide.";
        cancelled: "Recording cancelled.", "Enregistrement annulé.";
        epoch: "epoch {at} of {of}", "époque {at} sur {of}";
        progress: "Recording: frame {done} of {frames}", "Enregistrement\u{a0}: image {done} sur {frames}";
        saved: "Saved {name}.", "{name} enregistré.";
        failed: "Recording failed: {why}", "L’enregistrement a échoué\u{a0}: {why}";
    }
}
