//! The regime map's words: its title, legend, the sentence under it and its readouts.

catalogue! {
    /// The regime map.
    Regime {
        lower: "pinned to the lower edge", "bloqué au bord inférieur";
        inside: "inside the band", "dans la bande";
        upper: "pinned to the upper edge", "bloqué au bord supérieur";
        why_l2: "z* = (w·z0 + μc)/(w + μ) moves every z0 the same fraction of the way to c",
            "z* = (w·z0 + μc)/(w + μ) rapproche chaque z0 de c de la même fraction du chemin";
        why_smooth: "its slope passes smoothly through zero, so z* moves towards c by an amount that shrinks as z0 nears c",
            "sa pente passe en douceur par zéro, donc z* se rapproche de c d’autant moins que z0 est près de c";
        no_pinned: "The {fit} has no pinned region: {why}, and never stops exactly at an edge. So the map draws no regions, only the z0 values at the current μ.",
            "L’{fit} n’a pas de région bloquée\u{a0}: {why}, et ne s’arrête jamais exactement sur un bord. La carte ne trace donc pas de régions, seulement les valeurs de z0 au μ actuel.";
        uniform: "Below the curve {c} − {w}1/(2μ) a coordinate is pinned to the lower edge, between the curves z* = z0, above {c} + {w}1/(2μ) it is pinned to the upper edge. A larger μ narrows the band, so more of the plane is pinned.",
            "Sous la courbe {c} − {w}1/(2μ), une coordonnée est bloquée au bord inférieur, entre les courbes z* = z0, au-dessus de {c} + {w}1/(2μ), elle est bloquée au bord supérieur. Un μ plus grand rétrécit la bande, donc une plus grande partie du plan est bloquée.";
        weighted: "With these weights each coordinate has its own band {c} ± wᵢ/(2μ), so the boundary depends on the coordinate's weight: the curves are drawn for the smallest weight (w = {lo}) and the largest (w = {hi}), the other weights lightly. Between them a z0 is pinned only if its weight is small enough; each dot is coloured by its own band.",
            "Avec ces poids, chaque coordonnée a sa propre bande {c} ± wᵢ/(2μ), donc la frontière dépend du poids de la coordonnée\u{a0}: les courbes sont tracées pour le plus petit poids (w = {lo}) et le plus grand (w = {hi}), les autres poids en léger. Entre elles, un z0 n’est bloqué que si son poids est assez petit\u{202f}; chaque point est coloré selon sa propre bande.";
        centre_moves: " The centre c = {c} moves both boundaries.", " Le centre c = {c} déplace les deux frontières.";
        plane_inside: "the whole plane is inside, ", "tout le plan est dans la bande, ";
        at_zero: " At μ = 0 (now) nothing pulls towards c: {inside}z* = z0 for every z0 (the map's μ axis starts at the slider's smallest non-zero μ, {min}).",
            " À μ = 0 (maintenant), rien ne tire vers c\u{a0}: {inside}z* = z0 pour tout z0 (l’axe des μ de la carte commence au plus petit μ non nul du curseur, {min}).";
        star_range: "z* from {a} (w = {wa}) to {b} (w = {wb})", "z* de {a} (w = {wa}) à {b} (w = {wb})";
        never_one: "{at}: never pinned with the {fit}, z* = {star}", "{at}\u{a0}: jamais bloqué avec l’{fit}, z* = {star}";
        never_both: "{at}: never pinned with the {fit}, {both}", "{at}\u{a0}: jamais bloqué avec l’{fit}, {both}";
        region_one: "{at}: {region}, z* = {star}", "{at}\u{a0}: {region}, z* = {star}";
        region_every: "{at}: {region} for every weight, {both}", "{at}\u{a0}: {region} pour tous les poids, {both}";
        depends: "{at}: it depends on the coordinate's weight: {r} for w = {wa} (z* = {a}), {q} for w = {wb} (z* = {b})",
            "{at}\u{a0}: cela dépend du poids de la coordonnée\u{a0}: {r} pour w = {wa} (z* = {a}), {q} pour w = {wb} (z* = {b})";
        plane_inside_band: "the whole plane is inside the band, ", "tout le plan est dans la bande, ";
        all_follow: "{at}: {inside}z* = z0 for all {n} coordinates", "{at}\u{a0}: {inside}z* = z0 pour les {n} coordonnées";
        counts: "{at}: of {n} coordinates, {lower} {lower_label}, {inside} {inside_label}, {upper} {upper_label}",
            "{at}\u{a0}: sur {n} coordonnées, {lower} {lower_label}, {inside} {inside_label}, {upper} {upper_label}";
        none_pinned: "{at}: no coordinate is pinned with the {fit}; each z* lies between its z0 and c",
            "{at}\u{a0}: aucune coordonnée n’est bloquée avec l’{fit}\u{202f}; chaque z* est entre son z0 et c";
        title: "Regime map: where z* sits for every μ and z0", "Carte des régimes\u{a0}: où se trouve z* pour chaque μ et chaque z0";
        slider: "μ on the regime map", "μ sur la carte des régimes";
        inside_legend: "inside the band: z* = z0", "dans la bande\u{a0}: z* = z0";
        edge_legend: "{region}: z* = the edge", "{region}\u{a0}: z* = le bord";
        boundary: "boundary c ± w/(2μ)", "frontière c ± w/(2μ)";
        smaller_weights: "pinned only for the smaller weights", "bloqué seulement pour les plus petits poids";
        current_mu: "current μ, with the z0 dots", "μ actuel, avec les points z0";
        boundaries: "boundaries c ± w/(2μ), smallest and largest w", "frontières c ± w/(2μ), plus petit et plus grand w";
    }
}
