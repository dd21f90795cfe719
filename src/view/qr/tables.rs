//! The numbers of ISO/IEC 18004 that cannot be derived: the error-correction level's two bits
//! and, for each version and level, how many Reed–Solomon blocks the codewords are split into
//! and how many error-correction codewords each block carries (the standard's Table 9). The
//! rest — the symbol's codeword count, the data codewords, the byte-mode capacity — follows
//! from these and the symbol's geometry.

/// An error-correction level: how much of the code may be lost and still be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// About 7 % of the codewords may be restored.
    L,
    /// About 15 %.
    M,
    /// About 25 %.
    Q,
    /// About 30 %.
    H,
}

impl Level {
    /// All four, from the highest to the lowest: the order in which `view::qr` tries them.
    pub const DESCENDING: [Level; 4] = [Level::H, Level::Q, Level::M, Level::L];

    /// The letter the standard names the level by.
    pub fn letter(self) -> char {
        match self {
            Level::L => 'L',
            Level::M => 'M',
            Level::Q => 'Q',
            Level::H => 'H',
        }
    }

    /// The level's two bits in the format information. The standard numbers them out of
    /// order (L 01, M 00, Q 11, H 10), so that the all-light and all-dark format words are not
    /// valid codes.
    pub fn format_bits(self) -> u32 {
        match self {
            Level::L => 1,
            Level::M => 0,
            Level::Q => 3,
            Level::H => 2,
        }
    }

    /// The level's row in the tables below.
    fn row(self) -> usize {
        self as usize
    }
}

/// Error-correction codewords per block, by level (L, M, Q, H) and version 1–40.
const EC_PER_BLOCK: [[u8; 40]; 4] = [
    [
        7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30,
        30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
    [
        10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28,
        28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ],
    [
        13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30,
        30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
    [
        17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30,
        30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
];

/// Reed–Solomon blocks, by level (L, M, Q, H) and version 1–40.
const BLOCKS: [[u8; 40]; 4] = [
    [
        1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13,
        14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
    ],
    [
        1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23,
        25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ],
    [
        1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29,
        34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
    ],
    [
        1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35,
        37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
    ],
];

/// How `version`'s codewords are split at `level`: (blocks, error-correction codewords per
/// block).
pub fn blocks(version: usize, level: Level) -> (usize, usize) {
    let i = version - 1;
    (
        usize::from(BLOCKS[level.row()][i]),
        usize::from(EC_PER_BLOCK[level.row()][i]),
    )
}

/// The alignment patterns' centre coordinates (the same list across and down) of `version`.
/// The standard's Annex E lists them; they follow a rule: the first is 6 (the timing pattern),
/// the last is 7 in from the far edge, and the ones between are evenly spaced by an even step,
/// rounded so the patterns cover the symbol as evenly as possible (version 32's step is the
/// one exception to that rounding: 26).
pub fn alignment_positions(version: usize) -> Vec<usize> {
    if version == 1 {
        return Vec::new();
    }
    let count = version / 7 + 2;
    let size = 17 + 4 * version;
    let step = if version == 32 {
        26
    } else {
        (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
    };
    let mut positions = vec![6];
    positions.extend((0..count - 1).rev().map(|i| size - 7 - i * step));
    positions
}

/// Codewords in a `version` symbol: its modules less the function patterns and the format
/// and version information, in bytes (any 0 to 7 leftover modules are remainder bits).
pub fn total_codewords(version: usize) -> usize {
    let v = version;
    let mut modules = (16 * v + 128) * v + 64;
    if v >= 2 {
        let align = v / 7 + 2;
        modules -= (25 * align - 10) * align - 55;
        if v >= 7 {
            modules -= 36;
        }
    }
    modules / 8
}

/// Data codewords of `version` at `level`: the total less the error-correction codewords.
pub fn data_codewords(version: usize, level: Level) -> usize {
    let (count, ec) = blocks(version, level);
    total_codewords(version) - count * ec
}

/// Bits of the byte-mode character count: 8 up to version 9, 16 from version 10 on.
pub fn count_bits(version: usize) -> usize {
    if version <= 9 {
        8
    } else {
        16
    }
}

/// The most bytes `version` holds at `level` in one byte-mode segment: its data bits less the
/// 4-bit mode indicator and the character count, in whole bytes.
pub fn byte_capacity(version: usize, level: Level) -> usize {
    (data_codewords(version, level) * 8 - 4 - count_bits(version)) / 8
}

/// The smallest version (1–40) whose `level` holds `len` bytes in byte mode, if any does.
pub fn min_version(len: usize, level: Level) -> Option<usize> {
    (1..=40).find(|&v| byte_capacity(v, level) >= len)
}
