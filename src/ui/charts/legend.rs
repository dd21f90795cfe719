//! The legend drawn inside saved images and video frames (on the page, legends are HTML beside
//! the canvas). Plotters' series labels would draw the same box, but their default font is
//! named by a string, which links a Unicode lower-casing table (4.3 KB gzipped) into the page
//! for nothing: this draws the box with the same layout from a list of entries.

use plotters::coord::Shift;
use plotters::element::MultiLineText;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use super::{err, DrawResult};

/// The little picture before a legend entry's label, drawn at (x, y): x the box's inner left
/// edge, y the label line's middle; sizes in canvas pixels, as plotters' legends have them.
#[derive(Clone, Copy)]
pub(crate) enum Swatch {
    /// A horizontal stroke this long.
    Line(ShapeStyle, i32),
    /// A vertical stroke, 14 px high.
    Bar(ShapeStyle),
    /// A filled rectangle from (x + x0, y + y0) to (x + x1, y + y1).
    Block(ShapeStyle, (i32, i32), (i32, i32)),
    /// A filled dot of radius 5.
    Dot(ShapeStyle),
}

impl Swatch {
    fn draw(self, area: &DrawingArea<CanvasBackend, Shift>, (x, y): (i32, i32)) -> DrawResult {
        match self {
            Swatch::Line(style, len) => area.draw(&PathElement::new([(x, y), (x + len, y)], style)),
            Swatch::Bar(style) => {
                area.draw(&PathElement::new([(x + 10, y - 7), (x + 10, y + 7)], style))
            }
            Swatch::Block(style, (x0, y0), (x1, y1)) => {
                area.draw(&Rectangle::new([(x + x0, y + y0), (x + x1, y + y1)], style))
            }
            Swatch::Dot(style) => area.draw(&Circle::new((x + 10, y), 5, style)),
        }
        .map_err(err)
    }
}

/// One line of a legend.
pub(crate) struct Entry {
    /// What the series is.
    pub(crate) label: String,
    /// How it looks.
    pub(crate) swatch: Swatch,
}

/// Where a legend sits in the plotting area, 5 px from its corner.
#[derive(Clone, Copy)]
pub(crate) enum Corner {
    /// Top left.
    UpperLeft,
    /// Top right.
    UpperRight,
}

/// A legend's box: its corner, text, padding (canvas px) and colours.
pub(crate) struct LegendStyle<'a> {
    /// Where it sits.
    pub(crate) corner: Corner,
    /// The labels' font.
    pub(crate) font: TextStyle<'a>,
    /// Padding inside the box.
    pub(crate) margin: i32,
    /// The box's fill.
    pub(crate) background: ShapeStyle,
    /// The box's outline.
    pub(crate) border: ShapeStyle,
}

impl<'a> LegendStyle<'a> {
    /// The saved images' legend box: the palette's background, 85 % opaque, outlined in its grid
    /// colour.
    pub(crate) fn boxed(
        corner: Corner,
        font: TextStyle<'a>,
        margin: i32,
        palette: &crate::ui::palette::Palette,
    ) -> Self {
        Self {
            corner,
            font,
            margin,
            background: palette.background.mix(0.85).filled(),
            border: palette.grid.into(),
        }
    }
}

/// Width in canvas px kept for the swatches, left of the labels.
const SWATCH_AREA: i32 = 30;

/// Draws `entries` as a boxed legend in `area` (a chart's plotting area).
pub(crate) fn draw_legend(
    area: &DrawingArea<CanvasBackend, Shift>,
    entries: &[Entry],
    style: &LegendStyle,
) -> DrawResult {
    if entries.is_empty() {
        return Ok(());
    }
    let mut labels = MultiLineText::<_, &str>::new((0, 0), &style.font);
    for e in entries {
        labels.push_line(e.label.as_str());
    }
    let (w, h) = labels.estimate_dimension().map_err(err)?;
    let (w, h) = (w + SWATCH_AREA + 2 * style.margin, h + 2 * style.margin);
    let x = match style.corner {
        Corner::UpperLeft => 5,
        Corner::UpperRight => area.dim_in_pixel().0 as i32 - w - 5,
    };
    let y = 5;
    labels.relocate((x + SWATCH_AREA + style.margin, y + style.margin));
    let outline = [(x, y), (x + w, y + h)];
    area.draw(&Rectangle::new(outline, style.background.filled()))
        .map_err(err)?;
    area.draw(&Rectangle::new(outline, style.border))
        .map_err(err)?;
    area.draw(&labels).map_err(err)?;
    for (((_, y0), (_, y1)), e) in labels
        .compute_line_layout()
        .map_err(err)?
        .into_iter()
        .zip(entries)
    {
        e.swatch.draw(area, (x + style.margin, (y0 + y1) / 2))?;
    }
    Ok(())
}
