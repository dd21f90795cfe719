//! The module grid of a QR code and what ISO/IEC 18004 draws on it before any data: the three
//! finder patterns with their light separators, the timing patterns, the alignment patterns,
//! the dark module, and the areas kept for the format and version information. Then the data
//! codewords go into every module left, in the standard's two-column zigzag.

use super::tables::alignment_positions;

/// A `size` × `size` grid, row by row: which modules are dark, and which belong to a function
/// pattern or the format / version information (masks and data leave those alone).
#[derive(Clone)]
pub struct Matrix {
    /// Modules across (17 + 4 × version).
    pub size: usize,
    /// Dark modules, row by row.
    pub dark: Vec<bool>,
    /// Function modules, row by row.
    pub function: Vec<bool>,
}

impl Matrix {
    /// The grid of `version` with all its function patterns drawn; the format and version
    /// areas are reserved (light) until `info::draw_format` and `info::draw_version` fill them.
    pub fn new(version: usize) -> Matrix {
        let size = 17 + 4 * version;
        let mut m = Matrix {
            size,
            dark: vec![false; size * size],
            function: vec![false; size * size],
        };
        m.draw_timing();
        for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            m.draw_finder(x, y);
        }
        m.draw_alignments(version);
        m.reserve_info(version);
        m
    }

    /// Whether column `x`, row `y` is dark.
    pub fn get(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.size + x]
    }

    /// Sets column `x`, row `y` as a function module of colour `dark`.
    pub fn set_function(&mut self, x: usize, y: usize, dark: bool) {
        let i = y * self.size + x;
        self.dark[i] = dark;
        self.function[i] = true;
    }

    /// Row 6 and column 6: alternating modules, dark at even coordinates, from which a reader
    /// finds the module pitch. Finders and alignments drawn afterwards overwrite their ends.
    fn draw_timing(&mut self) {
        for i in 0..self.size {
            let dark = i.is_multiple_of(2);
            self.set_function(6, i, dark);
            self.set_function(i, 6, dark);
        }
    }

    /// A finder pattern centred on (`cx`, `cy`): a dark 7 × 7 ring, a light ring, a dark 3 × 3
    /// core (ratio 1:1:3:1:1 across any line through the centre), and the light separator
    /// around it, clipped at the symbol's edge.
    fn draw_finder(&mut self, cx: usize, cy: usize) {
        for dy in -4i32..=4 {
            for dx in -4i32..=4 {
                let (x, y) = (cx as i32 + dx, cy as i32 + dy);
                if (0..self.size as i32).contains(&x) && (0..self.size as i32).contains(&y) {
                    let ring = dx.abs().max(dy.abs());
                    self.set_function(x as usize, y as usize, ring != 2 && ring != 4);
                }
            }
        }
    }

    /// The 5 × 5 alignment patterns (dark ring, light ring, dark centre) at every pair of
    /// `tables::alignment_positions` except the three that would overlap a finder.
    fn draw_alignments(&mut self, version: usize) {
        let positions = alignment_positions(version);
        let last = positions.len().saturating_sub(1);
        for (i, &cx) in positions.iter().enumerate() {
            for (j, &cy) in positions.iter().enumerate() {
                let corner = (i == 0 && (j == 0 || j == last)) || (i == last && j == 0);
                if corner {
                    continue;
                }
                for dy in 0..5usize {
                    for dx in 0..5usize {
                        let ring = dx.abs_diff(2).max(dy.abs_diff(2));
                        self.set_function(cx + dx - 2, cy + dy - 2, ring != 1);
                    }
                }
            }
        }
    }

    /// Reserves the format information's two copies (around the top-left finder, and split
    /// between the other two), the dark module at column 8, row size − 8 (always dark), and
    /// from version 7 on the two 6 × 3 version information blocks.
    fn reserve_info(&mut self, version: usize) {
        let size = self.size;
        for i in 0..9 {
            self.set_function(8, i, false);
            self.set_function(i, 8, false);
        }
        for i in 0..8 {
            self.set_function(size - 1 - i, 8, false);
            self.set_function(8, size - 1 - i, false);
        }
        self.set_function(8, 6, true);
        self.set_function(6, 8, true);
        self.set_function(8, size - 8, true);
        if version >= 7 {
            for i in 0..18 {
                let (a, b) = (size - 11 + i % 3, i / 3);
                self.set_function(a, b, false);
                self.set_function(b, a, false);
            }
        }
    }

    /// Places `codewords` bit by bit, most significant first, in every non-function module:
    /// columns in pairs from the right edge, right module then left, going up the first pair,
    /// down the next, and so on; the vertical timing column (6) is skipped. Modules left over
    /// (0 to 7 remainder bits) stay light.
    pub fn place(&mut self, codewords: &[u8]) {
        let size = self.size;
        let mut bit = 0;
        let mut right = size - 1;
        loop {
            let upward = (right + 1) & 2 == 0;
            for vert in 0..size {
                let y = if upward { size - 1 - vert } else { vert };
                for x in [right, right - 1] {
                    let i = y * size + x;
                    if self.function[i] || bit >= codewords.len() * 8 {
                        continue;
                    }
                    self.dark[i] = (codewords[bit / 8] >> (7 - bit % 8)) & 1 == 1;
                    bit += 1;
                }
            }
            if right < 3 {
                break;
            }
            right -= 2;
            if right == 6 {
                right = 5;
            }
        }
    }
}
