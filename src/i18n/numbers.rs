//! Numbers as people read them in the page's language: English keeps the page's own forms
//! ([`crate::view::format`]); French writes a decimal comma, a true minus sign, a narrow
//! no-break space between thousands and `[a ; b]` for an interval. Only what is shown goes
//! through here: links, CSV, JSON and data attributes keep [`crate::view::format::short`] and
//! `fmt_real`, with a dot.

use super::language::{lang, Lang};
use crate::view::format;

/// U+202F, the narrow no-break space French sets before `; ! ?` and between thousands.
pub const NNBSP: char = '\u{202f}';

/// `text` (a number as the page writes it in English) in French: `-1.5e-3` → `−1,5e−3`.
fn frenchify(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '.' => ',',
            '-' => '−',
            c => c,
        })
        .collect()
}

/// A number in at most 4 significant digits ([`format::short`]) in the page's language.
pub fn num(x: f64) -> String {
    localise(format::short(x))
}

/// A number with exactly `digits` decimals, in the page's language.
pub fn num_fixed(x: f64, digits: usize) -> String {
    localise(format!("{x:.digits$}"))
}

/// `text`, a number written the English way, in the page's language.
pub fn localise(text: String) -> String {
    match lang() {
        Lang::En => text,
        Lang::Fr => frenchify(&text),
    }
}

/// A count with its thousands set apart ([`format::grouped`]): "2 953" / "2 953" (narrow
/// no-break space in French, so the number never breaks across lines).
pub fn grouped(n: u64) -> String {
    let text = format::grouped(n);
    match lang() {
        Lang::En => text,
        Lang::Fr => text.replace(' ', &NNBSP.to_string()),
    }
}

/// The interval [lo, hi] with both ends already written: "[−9, 11]" / "[−9 ; 11]".
pub fn range(lo: &str, hi: &str) -> String {
    match lang() {
        Lang::En => format!("[{lo}, {hi}]"),
        Lang::Fr => format!("[{lo}{NNBSP}; {hi}]"),
    }
}
