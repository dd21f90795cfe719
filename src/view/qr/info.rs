//! The format information (level and mask, read first by a scanner) and the version
//! information (versions 7 and up), each a BCH code written twice in the symbol so that one
//! damaged copy does not make the code unreadable.

use super::matrix::Matrix;
use super::tables::Level;

/// The remainder of `data` × x^`degree` divided by the generator `poly` over GF(2): the check
/// bits of a BCH code.
fn bch_remainder(data: u32, degree: u32, poly: u32) -> u32 {
    let mut rem = data << degree;
    for bit in (degree..32).rev() {
        if rem >> bit & 1 == 1 {
            rem ^= poly << (bit - degree);
        }
    }
    rem
}

/// The 15 format bits: the level's two bits and the mask's three, ten BCH(15,5) check bits
/// (generator x¹⁰ + x⁸ + x⁵ + x⁴ + x² + x + 1, 0x537), the whole XORed with 101010000010010
/// (0x5412) so that no valid format word is all light.
pub fn format_bits(level: Level, mask: usize) -> u32 {
    let data = level.format_bits() << 3 | mask as u32;
    (data << 10 | bch_remainder(data, 10, 0x537)) ^ 0x5412
}

/// The 18 version bits: the version's six bits and twelve BCH(18,6) check bits (generator
/// x¹² + x¹¹ + x¹⁰ + x⁹ + x⁸ + x⁵ + x² + 1, 0x1F25).
pub fn version_bits(version: usize) -> u32 {
    let v = version as u32;
    v << 12 | bch_remainder(v, 12, 0x1F25)
}

/// Writes the format information of `level` and `mask`, bit 0 the least significant: one copy
/// around the top-left finder (up column 8 then left along row 8, skipping the timing
/// modules), the other split between the bottom-left finder (bits 0–6, up column 8) and the
/// top-right one (bits 7–14, along row 8).
pub fn draw_format(m: &mut Matrix, level: Level, mask: usize) {
    let bits = format_bits(level, mask);
    let bit = |i: usize| bits >> i & 1 == 1;
    let size = m.size;
    for i in 0..6 {
        m.set_function(8, i, bit(i));
    }
    m.set_function(8, 7, bit(6));
    m.set_function(8, 8, bit(7));
    m.set_function(7, 8, bit(8));
    for i in 9..15 {
        m.set_function(14 - i, 8, bit(i));
    }
    for i in 0..8 {
        m.set_function(size - 1 - i, 8, bit(i));
    }
    for i in 8..15 {
        m.set_function(8, size - 15 + i, bit(i));
    }
    m.set_function(8, size - 8, true);
}

/// Writes the version information (versions 7 and up): a 6 × 3 block above the bottom-left
/// finder and its transpose left of the top-right finder, bit 0 in the corner nearest the
/// symbol's origin.
pub fn draw_version(m: &mut Matrix, version: usize) {
    if version < 7 {
        return;
    }
    let bits = version_bits(version);
    for i in 0..18 {
        let dark = bits >> i & 1 == 1;
        let (a, b) = (m.size - 11 + i % 3, i / 3);
        m.set_function(a, b, dark);
        m.set_function(b, a, dark);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_words_match_the_standards_table() {
        // ISO/IEC 18004 Table C.1: M with mask 0, L with mask 0, H with masks 1 and 7, Q with
        // mask 5.
        assert_eq!(format_bits(Level::M, 0), 0b101010000010010);
        assert_eq!(format_bits(Level::L, 0), 0b111011111000100);
        assert_eq!(format_bits(Level::H, 1), 0b001001110111110);
        assert_eq!(format_bits(Level::H, 7), 0b000100000111011);
        assert_eq!(format_bits(Level::Q, 5), 0b010000110000011);
    }

    #[test]
    fn version_words_match_the_standards_table() {
        // Table D.1: version 7 and version 40.
        assert_eq!(version_bits(7), 0b000111110010010100);
        assert_eq!(version_bits(40), 0b101000110001101001);
    }
}
