//! The message catalogue (src/i18n/): French is complete (a missing key does not compile; an
//! entry left in English fails here), uses the same holes as English and French typography;
//! numbers are shown the French way only on screen; the link's `lang` key.

use reglab::i18n::{
    self, fill, grouped, holes, messages, num, num_fixed, range, set_lang, Lang, EN, FR,
    SAME_IN_BOTH,
};
use reglab::link::Params;

/// (key, English, French) for every entry.
fn rows() -> Vec<(String, &'static str, &'static str)> {
    EN.entries()
        .into_iter()
        .zip(FR.entries())
        .map(|((key, en), (key_fr, fr))| {
            assert_eq!(key, key_fr, "both catalogues list their keys in one order");
            (key, en, fr)
        })
        .collect()
}

#[test]
fn no_french_entry_is_left_in_english() {
    let same: Vec<String> = rows()
        .into_iter()
        .filter(|(key, en, fr)| en == fr && !SAME_IN_BOTH.contains(&key.as_str()))
        .map(|(key, en, _)| format!("{key}: {en:?}"))
        .collect();
    assert!(
        same.is_empty(),
        "French entries identical to English:\n  {}",
        same.join("\n  ")
    );
}

#[test]
fn the_allow_list_names_only_entries_that_are_the_same() {
    for key in SAME_IN_BOTH {
        let row = rows().into_iter().find(|(k, _, _)| k == key);
        let (_, en, fr) = row.unwrap_or_else(|| panic!("{key} is not a key of the catalogue"));
        assert_eq!(en, fr, "{key} is allowed to be the same but differs");
    }
}

#[test]
fn every_entry_has_text_and_both_languages_use_the_same_holes() {
    for (key, en, fr) in rows() {
        assert!(
            !en.trim().is_empty() && !fr.trim().is_empty(),
            "{key} is empty"
        );
        let (mut a, mut b) = (holes(en), holes(fr));
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b, "{key}: holes differ between {en:?} and {fr:?}");
    }
}

/// What is wrong with `text`'s French typography, if anything.
fn typography(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut bad = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        match c {
            ':' | ';' | '?' | '!' => {
                // As punctuation (end of text, or a space after), it needs a no-break space
                // before; `1:2`, `https://` and `(?)` are not punctuation.
                let punctuation = after.is_none_or(|a| a.is_whitespace());
                let spaced = matches!(before, Some('\u{a0}' | '\u{202f}'));
                if before == Some(' ') || (punctuation && !spaced && before != Some('(')) {
                    bad.push(format!("{c:?} at {i} needs U+00A0 or U+202F before it"));
                }
            }
            '«' if !matches!(after, Some('\u{a0}' | '\u{202f}')) => {
                bad.push(format!("« at {i} needs a no-break space after it"));
            }
            '»' if !matches!(before, Some('\u{a0}' | '\u{202f}')) => {
                bad.push(format!("» at {i} needs a no-break space before it"));
            }
            '"' => bad.push(format!("straight quote at {i}: French uses « »")),
            _ => {}
        }
    }
    bad
}

#[test]
fn french_entries_follow_french_typography() {
    let bad: Vec<String> = FR
        .entries()
        .into_iter()
        .flat_map(|(key, fr)| {
            typography(fr)
                .into_iter()
                .map(move |why| format!("{key}: {why} in {fr:?}"))
        })
        .collect();
    assert!(bad.is_empty(), "French typography:\n  {}", bad.join("\n  "));
}

#[test]
fn the_typography_check_catches_mistakes() {
    assert!(!typography("bande : 1").is_empty());
    assert!(!typography("bande: 1").is_empty());
    assert!(!typography("vraiment ?").is_empty());
    assert!(!typography("« mot »").is_empty());
    assert!(typography("bande\u{a0}: 1, vraiment\u{202f}?").is_empty());
    assert!(typography("Touches (?) https://x").is_empty());
}

#[test]
fn fill_puts_values_in_named_holes() {
    assert_eq!(
        fill("μ = {mu}: {n} of {n}", &[("mu", "0.1"), ("n", "3")]),
        "μ = 0.1: 3 of 3"
    );
    assert_eq!(fill("{missing} stays", &[]), "{missing} stays");
    assert_eq!(fill("no holes", &[("x", "1")]), "no holes");
    assert_eq!(holes("μ = {mu}, band {band}"), ["mu", "band"]);
}

#[test]
fn numbers_are_french_on_screen_only_in_french() {
    set_lang(Lang::En);
    assert_eq!(num(0.05), "0.05");
    assert_eq!(num(-9.0), "-9");
    assert_eq!(num_fixed(-4.5, 4), "-4.5000");
    assert_eq!(grouped(25_000), "25 000");
    assert_eq!(range("-9", "11"), "[-9, 11]");
    set_lang(Lang::Fr);
    assert_eq!(num(0.05), "0,05");
    assert_eq!(num(-9.0), "−9");
    assert_eq!(num(1e-7), "1,000e−7");
    assert_eq!(num_fixed(-4.5, 4), "−4,5000");
    assert_eq!(grouped(25_000), "25\u{202f}000");
    assert_eq!(range("−9", "11"), "[−9\u{202f}; 11]");
    // The machine forms never change with the language.
    assert_eq!(reglab::view::format::short(0.05), "0.05");
    assert_eq!(reglab::link::fmt_real(0.05), "0.05");
    set_lang(Lang::En);
}

#[test]
fn the_caption_template_reads_in_both_languages() {
    let values = [
        ("mu", "0,05"),
        ("band", "[−9\u{202f}; 11]"),
        ("follow", "95"),
        ("n", "100"),
    ];
    assert_eq!(
        fill(messages(Lang::Fr).lab.caption_band, &values),
        "μ = 0,05\u{a0}: bande [−9\u{202f}; 11] — 95 coordonnées sur 100 suivent z0"
    );
    let values = [
        ("mu", "0.05"),
        ("band", "[-9, 11]"),
        ("follow", "95"),
        ("n", "100"),
    ];
    assert_eq!(
        fill(messages(Lang::En).lab.caption_band, &values),
        "μ = 0.05: band [-9, 11] — 95 of 100 coordinates follow z0"
    );
}

#[test]
fn languages_come_from_the_link_else_the_browser_else_english() {
    assert_eq!(Lang::parse("fr"), Some(Lang::Fr));
    assert_eq!(Lang::parse("EN"), Some(Lang::En));
    assert_eq!(Lang::parse("de"), None);
    assert_eq!(Lang::from_preferences(["de-DE", "fr-CA", "en"]), Lang::Fr);
    assert_eq!(Lang::from_preferences(["en-US", "en"]), Lang::En);
    assert_eq!(Lang::from_preferences(["de"]), Lang::En);
    assert_eq!(Lang::from_preferences([]), Lang::En);
    assert_eq!(i18n::lang(), Lang::En, "a test thread starts in English");
}

#[test]
fn the_lang_key_is_read_quietly_and_never_handed_out() {
    let fr = Params::from_query("lang=fr&mu=0.05");
    assert_eq!(fr.params.lang, Some(Lang::Fr));
    assert!(fr.replaced.is_empty());
    // The address bar keeps it (so a reload keeps the language)…
    assert!(fr.params.to_query().ends_with("&lang=fr"));
    // …but the state is the same as without it: the shared link and the JSON are identical.
    let plain = Params::from_query("mu=0.05").params;
    assert_eq!(fr.params.shared(), plain);
    assert_eq!(fr.params.shared().to_query(), plain.to_query());
    assert_eq!(fr.params.to_json(), plain.to_json());
    assert!(!plain.to_query().contains("lang"));
    // An unknown language is no error: no notice, the browser decides.
    let de = Params::from_query("lang=de&mu=0.05");
    assert_eq!(de.params.lang, None);
    assert!(de.replaced.is_empty() && de.legacy.is_empty());
    assert_eq!(de.params, plain);
}

#[test]
fn key_labels_match_the_link_table_in_english() {
    for spec in reglab::link::SPECS {
        assert_eq!(
            i18n::key_label(spec.key, spec.label),
            spec.label,
            "{}",
            spec.key
        );
    }
    let english: Vec<&str> = EN
        .key_labels
        .entries()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    for key in english {
        assert!(
            reglab::link::SPECS.iter().any(|s| s.key == key),
            "{key} is not a link key"
        );
    }
}

#[test]
fn every_legacy_note_has_a_french_text() {
    set_lang(Lang::Fr);
    for (old, _, note) in reglab::link::LEGACY {
        assert_ne!(i18n::link_notice(note), *note, "{old}: {note}");
    }
    set_lang(Lang::En);
}
