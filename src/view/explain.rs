//! The explanation's sentences that carry numbers: the band c ± 1/(2μ) for the current μ and
//! centre c, so the text is right for every link (not only the seed's c = 1).

use crate::core::Band;
use crate::view::format::short;

/// "1", "−2": the centre as the explanation writes it.
pub fn centre_text(c: f64) -> String {
    if c < 0.0 {
        format!("−{}", short(-c))
    } else {
        short(c)
    }
}

/// The centre as the second term of a difference: "1", "(−2)" (so "z − (−2)" reads right).
pub fn centre_term(c: f64) -> String {
    if c < 0.0 {
        format!("({})", centre_text(c))
    } else {
        centre_text(c)
    }
}

/// What the band is at this μ and centre c, in words: which z0 are kept and where the others
/// stop; or, for μ = 0, that there is no band.
pub fn band_sentence(mu: f64, c: f64) -> String {
    let (centre, term) = (centre_text(c), centre_term(c));
    match Band::for_mu(mu, c) {
        Some(b) => format!(
            "With μ = {}, 1/(2μ) = {}: every z0 in [{:.4}, {:.4}] = {centre} ± 1/(2μ) is kept as it \
             is; every z0 outside stops at the nearer edge, where the pull 2μ(z − {term}) = ±1 \
             exactly balances the fit's slope.",
            short(mu),
            short(b.half_width()),
            b.lo,
            b.hi,
        ),
        None => format!(
            "With μ = 0 nothing pulls towards {centre}: the optimum is z = z0 everywhere and there \
             is no band."
        ),
    }
}
