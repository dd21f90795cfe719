//! Notices and error messages: the link's refused values, the worker's failures, divergence.

catalogue! {
    /// Notices and errors.
    Notices {
        changed: "Some settings in this link were changed:", "Certains réglages de ce lien ont été modifiés\u{a0}:";
        using: "; using ", "\u{202f}; on utilise ";
        dismiss: "Dismiss", "Fermer";
        not_a_number: "not a number", "pas un nombre";
        not_finite: "not a finite number", "pas un nombre fini";
        outside: "outside {min}…{max}", "hors de {min}…{max}";
        not_whole: "not a whole number", "pas un nombre entier";
        not_flag: "not 0 or 1", "ni 0 ni 1";
        no_panel: "no panel called {name}", "aucun panneau nommé {name}";
        not_one_of: "not one of {words}", "pas l’un de {words}";
        run_at: "the run at μ = {mu}", "l’exécution à μ = {mu}";
        sweep_of: "the μ sweep ({n} values)", "le balayage de μ ({n} valeurs)";
        failed_tries: "the worker failed ({n} tries): {why}", "le worker a échoué ({n} essais)\u{a0}: {why}";
        gave_up: "{failure}, {n} times in a row: gave up. Reload the page to try again.",
            "{failure}, {n} fois de suite\u{a0}: abandon. Rechargez la page pour réessayer.";
        resumed: "resumed {what}", "{what} a repris";
        no_run: "no run was in progress", "aucune exécution n’était en cours";
        restarted: "{failure}: a fresh worker was started and {resumed}.", "{failure}\u{a0}: un nouveau worker a été lancé et {resumed}.";
        loss_export: "the loss-history export", "l’export de l’historique des pertes";
        crashed: "The worker crashed ({why})", "Le worker a planté ({why})";
        unreadable: "A message from the worker could not be read", "Un message du worker n’a pas pu être lu";
        silent: "The worker stopped answering for {s} s", "Le worker ne répond plus depuis {s} s";
        diverged: "Diverged at epoch {epoch}: the losses became infinite. Lower the learning rate.",
            "Divergence à l’époque {epoch}\u{a0}: les pertes sont devenues infinies. Baissez le taux d’apprentissage.";
        drag_needs: "Dragging z0 needs n ≤ {max}: a link carries at most that many values. Lower n, or pick a preset.",
            "Déplacer z0 demande n ≤ {max}\u{a0}: un lien porte au plus ce nombre de valeurs. Baissez n ou choisissez un préréglage.";
    }
}
