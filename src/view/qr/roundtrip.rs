//! Round trips of the encoder through a real decoder (`rqrr`, a native dev-dependency): every
//! version 1–40 at every level, filled to its byte capacity with bytes of every value, comes
//! back byte for byte, with the version, level and mask the decoder reads from the format and
//! version information.

use super::encode::encode;
use super::tables::{byte_capacity, Level};

/// Decodes a `size` × `size` code drawn at 3 pixels a module with a 4-module light quiet zone;
/// returns the bytes and what the decoder read of version, level bits and mask.
fn decode(modules: &[bool], size: usize) -> (Vec<u8>, usize, u16, u16) {
    const PX: usize = 3;
    let side = (size + 8) * PX;
    let dark = |x: usize, y: usize| {
        let (x, y) = ((x / PX).wrapping_sub(4), (y / PX).wrapping_sub(4));
        x < size && y < size && modules[y * size + x]
    };
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(
            side,
            side,
            |x, y| if dark(x, y) { 0 } else { 255 },
        );
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one code found");
    let mut bytes = Vec::new();
    let meta = grids[0].decode_to(&mut bytes).expect("the code decodes");
    (bytes, meta.version.0, meta.ecc_level, meta.mask)
}

#[test]
fn every_version_and_level_decodes_at_its_full_capacity() {
    let mut decoded = 0;
    for version in 1..=40 {
        for level in Level::DESCENDING {
            let len = byte_capacity(version, level);
            // Every byte value, shifted per version so each code carries different data.
            let bytes: Vec<u8> = (0..len).map(|i| (i * 7 + version * 13) as u8).collect();
            let modules = encode(&bytes, version, level);
            let (back, v, ecc, _mask) = decode(&modules, 17 + 4 * version);
            assert_eq!(v, version, "version read back");
            assert_eq!(u32::from(ecc), level.format_bits(), "{version}-{level:?}");
            assert!(back == bytes, "{version}-{level:?}: the bytes come back");
            decoded += 1;
        }
    }
    assert_eq!(decoded, 160);
}

#[test]
fn short_and_empty_payloads_decode_at_every_level() {
    for level in Level::DESCENDING {
        for bytes in [&b""[..], b"a", "μ%&=".as_bytes()] {
            let (back, v, _, _) = decode(&encode(bytes, 1, level), 21);
            assert_eq!((back.as_slice(), v), (bytes, 1));
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Random byte strings — not only UTF-8 — at a random level, in the smallest version that
    /// holds them, come back byte for byte.
    #[test]
    fn random_bytes_round_trip(
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..700),
        level in 0..4usize,
    ) {
        let level = Level::DESCENDING[level];
        let version = super::tables::min_version(bytes.len(), level).expect("700 bytes fit");
        let (back, v, _, _) = decode(&encode(&bytes, version, level), 17 + 4 * version);
        proptest::prop_assert_eq!((back, v), (bytes, version));
    }
}
