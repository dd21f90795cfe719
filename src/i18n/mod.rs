//! Every sentence, label and title the page shows, in English and in French, and the language
//! the page speaks.
//!
//! The catalogue is typed and checked at compile time: each area of the page has one struct
//! (declared with [`catalogue!`], one file per area), whose every field holds its English and
//! its French text side by side, so a key missing in either language does not compile.
//! Messages with numbers in them are templates with named holes (`{mu}`, `{n}`) filled by
//! [`fill`]; `tests/i18n.rs` checks that both languages use the same holes, that no French
//! entry was left in English (except [`SAME_IN_BOTH`]) and French typography.
//!
//! To add a key: add a line `name: "English", "Français";` to the area's `catalogue!` block
//! (e.g. `src/i18n/lab.rs`), then read it as `t().lab.name` (or
//! `fill(t().lab.name, &[("hole", value)])` for a template).
//!
//! The language is a per-thread setting (the page has one thread; native tests each run on
//! their own, so a French test never leaks into an English one), chosen once at start-up from
//! the link's `lang`, else the browser's preferred languages, else English.

#[macro_use]
mod macros;
pub mod charts;
pub mod keys;
pub mod lab;
mod language;
pub mod notices;
pub mod numbers;
pub mod panels;
pub mod record;
pub mod regime;
pub mod story;
pub mod teach;

pub use language::{lang, set_lang, Lang};
pub use numbers::{grouped, localise, num, num_fixed, range};

/// Every message of one language, by area.
#[allow(missing_docs)] // one field per area; each area's file documents it
pub struct Messages {
    pub lab: lab::Lab,
    pub panels: panels::Panels,
    pub charts: charts::Charts,
    pub notices: notices::Notices,
    pub teach: teach::Teach,
    pub names: charts::Names,
    pub regime: regime::Regime,
    pub story: story::Story,
    pub key_labels: keys::KeyLabels,
    pub link_notices: keys::LinkNotices,
    pub record: record::Record,
}

/// The English catalogue.
pub static EN: Messages = Messages {
    lab: lab::Lab::EN,
    panels: panels::Panels::EN,
    charts: charts::Charts::EN,
    notices: notices::Notices::EN,
    teach: teach::Teach::EN,
    names: charts::Names::EN,
    regime: regime::Regime::EN,
    story: story::Story::EN,
    key_labels: keys::KeyLabels::EN,
    link_notices: keys::LinkNotices::EN,
    record: record::Record::EN,
};

/// The French catalogue.
pub static FR: Messages = Messages {
    lab: lab::Lab::FR,
    panels: panels::Panels::FR,
    charts: charts::Charts::FR,
    notices: notices::Notices::FR,
    teach: teach::Teach::FR,
    names: charts::Names::FR,
    regime: regime::Regime::FR,
    story: story::Story::FR,
    key_labels: keys::KeyLabels::FR,
    link_notices: keys::LinkNotices::FR,
    record: record::Record::FR,
};

/// The catalogue of `lang`.
pub fn messages(lang: Lang) -> &'static Messages {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

/// The catalogue of the language the page speaks now.
// Not inlined: the page reads the catalogue at some 350 places, and the call is smaller than
// the thread-local read and the choice between two catalogues it would repeat at each.
#[inline(never)]
pub fn t() -> &'static Messages {
    messages(lang())
}

impl Messages {
    /// Every entry as (area.key, text), for the tests and the end-to-end spec's list of
    /// English strings (`examples/i18n_strings.rs`).
    pub fn entries(&self) -> Vec<(String, &'static str)> {
        let areas = [
            ("lab", self.lab.entries()),
            ("panels", self.panels.entries()),
            ("charts", self.charts.entries()),
            ("notices", self.notices.entries()),
            ("teach", self.teach.entries()),
            ("names", self.names.entries()),
            ("regime", self.regime.entries()),
            ("story", self.story.entries()),
            ("key_labels", self.key_labels.entries()),
            ("link_notices", self.link_notices.entries()),
            ("record", self.record.entries()),
        ];
        areas
            .into_iter()
            .flat_map(|(area, list)| {
                list.into_iter()
                    .map(move |(k, v)| (format!("{area}.{k}"), v))
            })
            .collect()
    }
}

/// Entries that are rightly the same in English and French: symbols, names, true cognates.
pub const SAME_IN_BOTH: &[&str] = &[
    "lab.pause",
    "charts.gradient",
    "charts.total_of",
    "names.tournesol_menu",
    "story.sources",
    "panels.png",
    "key_labels.z0min",
    "key_labels.z0max",
    "key_labels.c",
];

/// An area's (key, English, French) table.
type Table = &'static [(&'static str, &'static str, &'static str)];

/// `(en, fr)`'s text in the page's language.
fn pick((en, fr): (&'static str, &'static str)) -> &'static str {
    match lang() {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// `english`, an entry of the area `area` picks, in the page's language; `english` itself
/// when the area has no such entry.
fn translated(english: &'static str, table: Table) -> &'static str {
    let found = table.iter().find(|(_, en, _)| *en == english);
    found.map_or(english, |&(_, en, fr)| pick((en, fr)))
}

/// A name that the core or the link keep in English (an optimizer, a fit, a menu choice), in
/// the page's language; a name with no entry in [`charts::Names`] (Adam, SGD) is shown as is.
pub fn name(english: &'static str) -> &'static str {
    translated(english, charts::Names::TABLE)
}

/// A notice the link table keeps in English (an older key's note), in the page's language.
pub fn link_notice(english: &'static str) -> &'static str {
    translated(english, keys::LinkNotices::TABLE)
}

/// The label of link key `key` in the page's language; `english` (the table's label) when the
/// key has no entry (symbols such as μ).
pub fn key_label(key: &str, english: &'static str) -> &'static str {
    let found = keys::KeyLabels::TABLE.iter().find(|(k, _, _)| *k == key);
    found.map_or(english, |&(_, en, fr)| pick((en, fr)))
}

/// `template` with each `{name}` replaced by its value (a hole with no value stays as written,
/// which the tests catch).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names of `template`'s holes, in order.
pub fn holes(template: &str) -> Vec<&str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect()
}
