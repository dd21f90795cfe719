//! One byte-mode QR code, from bytes to modules: codewords, function patterns, data placement,
//! then each of the eight masks tried and the one with the lowest penalty kept, its format
//! information written in.

use super::codewords::{data_codewords_of, interleaved};
use super::info::{draw_format, draw_version};
use super::mask::{apply, penalty};
use super::matrix::Matrix;
use super::tables::Level;

/// The modules of `bytes` as a `version` code at `level`, row by row (true = dark), with the
/// mask the standard's penalty rules prefer. The caller has checked that the bytes fit.
pub fn encode(bytes: &[u8], version: usize, level: Level) -> Vec<bool> {
    let unmasked = unmasked(bytes, version, level);
    (0..8)
        .map(|mask| masked(&unmasked, level, mask))
        .min_by_key(penalty)
        .expect("eight masks")
        .dark
}

/// The symbol with its function patterns, version information and data, before any mask.
fn unmasked(bytes: &[u8], version: usize, level: Level) -> Matrix {
    let codewords = interleaved(&data_codewords_of(bytes, version, level), version, level);
    let mut m = Matrix::new(version);
    draw_version(&mut m, version);
    m.place(&codewords);
    m
}

/// `unmasked` with `mask` applied and the format information of `level` and `mask` written.
fn masked(unmasked: &Matrix, level: Level, mask: usize) -> Matrix {
    let mut m = unmasked.clone();
    apply(&mut m, mask);
    draw_format(&mut m, level, mask);
    m
}

// The `qrcode` crate is a native dev-dependency: these tests check every module against it.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::view::qr::tables::{byte_capacity, min_version};

    /// The same symbol drawn by the `qrcode` crate with the same mask.
    fn reference(bytes: &[u8], version: usize, level: Level, mask: usize) -> Vec<bool> {
        use qrcode::bits::Bits;
        use qrcode::canvas::{Canvas, MaskPattern};
        use qrcode::{EcLevel, Version};
        let ec = [EcLevel::L, EcLevel::M, EcLevel::Q, EcLevel::H][level as usize];
        let v = Version::Normal(version as i16);
        let mut bits = Bits::new(v);
        bits.push_byte_data(bytes).unwrap();
        bits.push_terminator(ec).unwrap();
        let (data, ecc) = qrcode::ec::construct_codewords(&bits.into_bytes(), v, ec).unwrap();
        let mut canvas = Canvas::new(v, ec);
        canvas.draw_all_functional_patterns();
        canvas.draw_data(&data, &ecc);
        let patterns = [
            MaskPattern::Checkerboard,
            MaskPattern::HorizontalLines,
            MaskPattern::VerticalLines,
            MaskPattern::DiagonalLines,
            MaskPattern::LargeCheckerboard,
            MaskPattern::Fields,
            MaskPattern::Diamonds,
            MaskPattern::Meadow,
        ];
        canvas.apply_mask(patterns[mask]);
        canvas
            .into_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect()
    }

    #[test]
    fn every_version_level_and_mask_matches_the_qrcode_crate_module_for_module() {
        for version in 1..=40 {
            for level in Level::DESCENDING {
                let len = byte_capacity(version, level);
                let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + version) as u8).collect();
                let unmasked = unmasked(&bytes, version, level);
                for mask in 0..8 {
                    let ours = masked(&unmasked, level, mask).dark;
                    assert!(
                        ours == reference(&bytes, version, level, mask),
                        "version {version}, level {level:?}, mask {mask}"
                    );
                }
            }
        }
    }

    #[test]
    fn capacities_are_the_standards() {
        // ISO/IEC 18004 Table 7, byte mode: versions 1, 10 and 40 at L, M, Q, H.
        let table = [
            (1, [17, 14, 11, 7]),
            (10, [271, 213, 151, 119]),
            (40, [2953, 2331, 1663, 1273]),
        ];
        for (version, caps) in table {
            for (level, cap) in [Level::L, Level::M, Level::Q, Level::H]
                .into_iter()
                .zip(caps)
            {
                assert_eq!(byte_capacity(version, level), cap, "{version}-{level:?}");
            }
        }
        assert_eq!(min_version(0, Level::H), Some(1));
        assert_eq!(min_version(2953, Level::L), Some(40));
        assert_eq!(min_version(2954, Level::L), None);
    }
}
