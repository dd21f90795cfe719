//! The language the page speaks: a per-thread setting (the page has one thread; native tests
//! each run on their own, so a French test never leaks into an English one).

use std::cell::Cell;

/// A language the page speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English: the default, and the fallback for every other language.
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Both languages, in the language menu's order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The link's and `<html lang>`'s code: `en`, `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language's own name, as the menu shows it (the same in every language, so a reader
    /// finds their own).
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// The language of a link's `lang` value (`fr`, `FR`); `None` for any other.
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The first language of a browser's preference list we speak (`fr-CA` → French), else
    /// English.
    pub fn from_preferences<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(|tag| Lang::parse(tag.split(['-', '_']).next().unwrap_or(tag)))
            .unwrap_or_default()
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language the page speaks now.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Makes the page speak `lang` from now on (the page calls it once, before it draws anything).
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}
