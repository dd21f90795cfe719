//! The explanation's sentences that carry numbers: the band c ± 1/(2μ) for the current μ and
//! centre c, so the text is right for every link (not only the seed's c = 1).

use crate::core::Band;
use crate::i18n::{fill, num, num_fixed, range, t};

/// "1", "−2": the centre as the explanation writes it.
pub fn centre_text(c: f64) -> String {
    if c < 0.0 {
        format!("−{}", num(-c))
    } else {
        num(c)
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
    let m = &t().panels;
    match Band::for_mu(mu, c) {
        Some(b) => {
            let (mu, half) = (num(mu), num(b.half_width()));
            let band = range(&num_fixed(b.lo, 4), &num_fixed(b.hi, 4));
            let holes = [("mu", &mu), ("half", &half), ("band", &band)];
            let words = [("centre", &centre), ("term", &term)];
            let values: Vec<(&str, &str)> = holes
                .iter()
                .chain(&words)
                .map(|(k, v)| (*k, v.as_str()))
                .collect();
            fill(m.band_sentence, &values)
        }
        None => fill(m.band_sentence_zero, &[("centre", &centre)]),
    }
}
