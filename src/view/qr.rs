//! The QR code of the page's link, as data: which error-correction level, which version, and the
//! dark modules as SVG path data (the overlay in `ui::qr` only draws it, black on white).
//!
//! The code is made here, not by a crate (the `qrcode` crate cost about 15 KB of the page's
//! gzipped wasm): a byte-mode encoder after ISO/IEC 18004 in the child modules — `tables` (the
//! standard's numbers), `rs` (Reed–Solomon), `codewords` (bit stream, blocks, interleaving),
//! `matrix` (function patterns, data placement), `info` (format and version information),
//! `mask` (the eight masks and the penalty rules) and `encode` (one code, the best mask). The
//! picture is built here, one subpath per horizontal run of dark modules.

mod codewords;
mod encode;
mod info;
mod mask;
mod matrix;
mod rs;
mod tables;

use crate::view::format::grouped;
use encode::encode;
use tables::{min_version, Level};

/// Light modules around the code on every side. ISO/IEC 18004 asks for four: scanners find the
/// three finder patterns by their contrast against this margin, and a page background (dark
/// theme, a slide's colour) must not touch them.
pub const QUIET_ZONE: usize = 4;

/// The largest version we accept before giving up error correction. Version 25 is 117 modules
/// across (125 with the quiet zone); drawn at 60 % of a 1080-pixel projector that is about five
/// screen pixels a module, which a phone still resolves from the back of a lecture room. Larger
/// versions shrink the modules, and a lower level that keeps them large reads better than a
/// higher one that makes them too small to see.
pub const MAX_ROOM_VERSION: i16 = 25;

/// The most bytes any QR code holds (version 40, level L, byte mode).
pub const MAX_BYTES: usize = 2953;

/// A QR code ready to draw: `width` × `width` modules, the quiet zone included.
#[derive(Debug, Clone, PartialEq)]
pub struct QrPicture {
    /// Modules across, the quiet zone on both sides included (the SVG `viewBox` is
    /// `0 0 width width`, one unit a module).
    pub width: usize,
    /// The QR version, 1 to 40 (version v is 17 + 4v modules across).
    pub version: i16,
    /// The error-correction level: 'L' (7 %), 'M' (15 %), 'Q' (25 %) or 'H' (30 % of the code
    /// may be lost).
    pub level: char,
    /// SVG path data of the dark modules, in module units, the quiet zone included: one
    /// `M x yhNv1h-Nz` subpath per horizontal run of N dark modules.
    pub path: String,
    /// The code's modules without the quiet zone, row by row (true = dark).
    modules: Vec<bool>,
}

impl QrPicture {
    /// Whether the module at column `x`, row `y` of the picture (quiet zone included) is dark;
    /// false outside the code.
    pub fn dark(&self, x: usize, y: usize) -> bool {
        let size = self.width - 2 * QUIET_ZONE;
        let (Some(cx), Some(cy)) = (x.checked_sub(QUIET_ZONE), y.checked_sub(QUIET_ZONE)) else {
            return false;
        };
        cx < size && cy < size && self.modules[cy * size + cx]
    }

    /// How many modules are dark.
    pub fn dark_count(&self) -> usize {
        self.modules.iter().filter(|&&d| d).count()
    }

    /// The one line the overlay shows under the link: "QR version 7, error correction H".
    pub fn summary(&self) -> String {
        format!(
            "QR version {}, error correction {}",
            self.version, self.level
        )
    }
}

/// The QR code of `text`, sized to it. The text is one byte-mode segment (its UTF-8 bytes, as
/// a scanner hands a URL back); each level's version is the smallest that holds it. The level
/// is the highest of H, Q, M, L whose smallest version is at most [`MAX_ROOM_VERSION`]; when
/// none is, level L (whose versions are the smallest, up to 40). A text too long for any QR
/// code is an error with a message a person can act on.
pub fn qr_picture(text: &str) -> Result<QrPicture, String> {
    let len = text.len();
    let room = Level::DESCENDING.into_iter().find_map(|level| {
        min_version(len, level)
            .filter(|&v| v <= MAX_ROOM_VERSION as usize)
            .map(|v| (v, level))
    });
    let (version, level) = room
        .or_else(|| min_version(len, Level::L).map(|v| (v, Level::L)))
        .ok_or_else(|| too_long(text))?;
    let modules = encode(text.as_bytes(), version, level);
    let size = 17 + 4 * version;
    Ok(QrPicture {
        width: size + 2 * QUIET_ZONE,
        version: version as i16,
        level: level.letter(),
        path: path_of(&modules, size),
        modules,
    })
}

/// The message for a text no QR code holds.
fn too_long(text: &str) -> String {
    format!(
        "This link is too long for a QR code ({} characters; a QR code holds at most {}). \
         Use Copy link instead.",
        grouped(text.chars().count() as u64),
        grouped(MAX_BYTES as u64)
    )
}

/// SVG path data of the dark modules of a `size` × `size` code, one rectangle per horizontal
/// run: about half the text of one square per module (a version-40 code: 114 KB, not 219 KB).
fn path_of(modules: &[bool], size: usize) -> String {
    use std::fmt::Write;
    let mut path = String::new();
    for (y, row) in modules.chunks(size).enumerate() {
        let mut x = 0;
        while x < size {
            if !row[x] {
                x += 1;
                continue;
            }
            let run = row[x..].iter().take_while(|&&d| d).count();
            let _ = write!(
                path,
                "M{} {}h{run}v1h-{run}z",
                x + QUIET_ZONE,
                y + QUIET_ZONE
            );
            x += run;
        }
    }
    path
}

// Native only: the decoder is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod roundtrip;
