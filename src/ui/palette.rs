//! Chart colours: the Okabe–Ito palette (safe for the common colour-vision deficiencies), with a
//! light and a dark background following the system setting.

use plotters::style::RGBColor;

/// Colours one chart needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Page background behind the chart.
    pub background: RGBColor,
    /// Axes, labels and text.
    pub foreground: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Learned z (blue).
    pub learned: RGBColor,
    /// The exact optimum z* (vermillion).
    pub optimum: RGBColor,
    /// The band's fill (sky blue, drawn translucent).
    pub band: RGBColor,
    /// The faint diagonal z = z0.
    pub diagonal: RGBColor,
    /// A fourth series colour (bluish green).
    pub green: RGBColor,
    /// A fifth (reddish purple), for a compared optimizer.
    pub purple: RGBColor,
}

impl Palette {
    /// The light theme.
    pub const LIGHT: Palette = Palette {
        background: RGBColor(255, 255, 255),
        foreground: RGBColor(33, 37, 41),
        grid: RGBColor(225, 228, 232),
        learned: RGBColor(0, 114, 178),
        optimum: RGBColor(213, 94, 0),
        band: RGBColor(86, 180, 233),
        diagonal: RGBColor(150, 150, 150),
        green: RGBColor(0, 158, 115),
        purple: RGBColor(204, 121, 167),
    };

    /// The dark theme.
    pub const DARK: Palette = Palette {
        background: RGBColor(24, 26, 31),
        foreground: RGBColor(230, 232, 235),
        grid: RGBColor(55, 60, 68),
        learned: RGBColor(86, 180, 233),
        optimum: RGBColor(230, 159, 0),
        band: RGBColor(0, 114, 178),
        diagonal: RGBColor(120, 120, 120),
        green: RGBColor(0, 158, 115),
        purple: RGBColor(204, 121, 167),
    };

    /// The colour of a series' colour role.
    pub fn ink(&self, ink: crate::view::charts::Ink) -> RGBColor {
        use crate::view::charts::Ink;
        match ink {
            Ink::Foreground => self.foreground,
            Ink::Learned => self.learned,
            Ink::Optimum => self.optimum,
            Ink::Green => self.green,
            Ink::Purple => self.purple,
        }
    }

    /// The palette for the current system colour scheme.
    pub fn current() -> Palette {
        let dark = web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches());
        if dark {
            Palette::DARK
        } else {
            Palette::LIGHT
        }
    }
}

/// The palette as a signal that follows the system colour scheme while the page is open.
pub fn watch_theme() -> leptos::prelude::Signal<Palette> {
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let theme = RwSignal::new(Palette::current());
    if let Some(query) =
        web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
    {
        let on_change = Closure::<dyn FnMut()>::new(move || theme.set(Palette::current()));
        let _ =
            query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        on_change.forget(); // lives as long as the page
    }
    theme.into()
}
