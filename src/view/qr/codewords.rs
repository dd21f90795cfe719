//! The codeword sequence of a byte-mode QR code, as ISO/IEC 18004 builds it: the bit stream
//! (mode indicator, character count, the bytes, terminator, padding), split into Reed–Solomon
//! blocks, each block's error-correction codewords appended, and the blocks interleaved so that
//! a smudge over neighbouring modules damages many blocks a little rather than one beyond repair.

use super::rs::ec_codewords;
use super::tables::{blocks, count_bits, data_codewords, total_codewords, Level};

/// A growing bit stream, most significant bit first.
struct Bits(Vec<bool>);

impl Bits {
    /// Appends the low `n` bits of `value`, the highest first.
    fn push(&mut self, value: usize, n: usize) {
        self.0.extend((0..n).rev().map(|i| (value >> i) & 1 == 1));
    }
}

/// The data codewords of `bytes` as one byte-mode segment of `version` at `level`. Byte mode is
/// mode indicator 0100, then the count (8 bits up to version 9, 16 after), then the bytes. Up
/// to four 0 bits of terminator follow, 0 bits to the next byte boundary, then the pad
/// codewords 11101100 and 00010001 in turn until the data capacity is full.
///
/// The caller has checked that the bytes fit (`tables::byte_capacity`).
pub fn data_codewords_of(bytes: &[u8], version: usize, level: Level) -> Vec<u8> {
    let capacity = data_codewords(version, level) * 8;
    let mut bits = Bits(Vec::with_capacity(capacity));
    bits.push(0b0100, 4);
    bits.push(bytes.len(), count_bits(version));
    for &b in bytes {
        bits.push(usize::from(b), 8);
    }
    assert!(bits.0.len() <= capacity, "the bytes fit the version");
    let terminator = (capacity - bits.0.len()).min(4);
    bits.push(0, terminator);
    let to_byte = (8 - bits.0.len() % 8) % 8;
    bits.push(0, to_byte);
    for pad in [0xEC, 0x11].into_iter().cycle() {
        if bits.0.len() >= capacity {
            break;
        }
        bits.push(pad, 8);
    }
    bits.0
        .chunks(8)
        .map(|byte| byte.iter().fold(0u8, |acc, &b| acc << 1 | u8::from(b)))
        .collect()
}

/// The final codeword sequence of `version` at `level` from its data codewords: split into
/// blocks — the first ones short, the rest one data codeword longer when the total does not
/// divide evenly — each followed by its error-correction codewords; then the data codewords
/// are read out column by column across the blocks (a short block skips the last column),
/// then the error-correction codewords the same way.
pub fn interleaved(data: &[u8], version: usize, level: Level) -> Vec<u8> {
    let (count, ec_len) = blocks(version, level);
    let total = total_codewords(version);
    let short_len = total / count - ec_len;
    let longs = total % count;
    let shorts = count - longs;
    let mut blocks_data = Vec::with_capacity(count);
    let mut rest = data;
    for i in 0..count {
        let len = short_len + usize::from(i >= shorts);
        let (block, tail) = rest.split_at(len);
        blocks_data.push((block, ec_codewords(block, ec_len)));
        rest = tail;
    }
    let mut out = Vec::with_capacity(total);
    for column in 0..=short_len {
        out.extend(blocks_data.iter().filter_map(|(d, _)| d.get(column)));
    }
    for column in 0..ec_len {
        out.extend(blocks_data.iter().map(|(_, ec)| ec[column]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stream_is_mode_count_bytes_terminator_and_pads() {
        // Version 1-H holds 9 data codewords: 0100 00000010 'h' 'i' 0000, then pads.
        let cw = data_codewords_of(b"hi", 1, Level::H);
        assert_eq!(cw, [0x40, 0x26, 0x86, 0x90, 0xEC, 0x11, 0xEC, 0x11, 0xEC]);
        // Sixteen count bits from version 10 on.
        let cw = data_codewords_of(b"", 10, Level::L);
        assert_eq!(&cw[..5], [0x40, 0x00, 0x00, 0xEC, 0x11]);
    }

    #[test]
    fn every_codeword_is_placed_once() {
        for version in [1, 5, 10, 27, 40] {
            for level in Level::DESCENDING {
                let n = data_codewords(version, level);
                let data: Vec<u8> = (0..n).map(|i| i as u8).collect();
                let out = interleaved(&data, version, level);
                assert_eq!(out.len(), total_codewords(version));
                // Data codewords keep each block's order; the first is the first.
                assert_eq!(out[0], 0);
            }
        }
    }
}
