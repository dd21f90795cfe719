//! The QR code of the page's link (`view::qr`): the level and version chosen for a link's
//! length, the error for a link no QR code holds, the SVG path against the modules, and a real
//! round trip through a decoder (`rqrr`) for a short and a long link.

// rqrr, the decoder, is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use reglab::view::qr::{qr_picture, QrPicture, MAX_BYTES, MAX_ROOM_VERSION, QUIET_ZONE};

/// A link of exactly `len` characters, its tail `z0data=`-style base64url text.
fn link(len: usize) -> String {
    let head = "https://example.org/reglab/?mu=0.5&lr=0.01&epochs=2000&n=200&z0data=";
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut s = head.to_string();
    let mut state: u32 = 12345;
    while s.len() < len {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        s.push(alphabet[(state >> 16) as usize % 64] as char);
    }
    s.truncate(len);
    s
}

/// The default link: about a hundred characters.
const DEFAULT_LINK: &str = "https://example.org/reglab/?mu=0.5&lr=0.01&epochs=2000&n=20&z0min=-1&z0max=3&view=live&present=0";

/// Decodes the picture drawn at 4 pixels a module (quiet zone white) and returns the text.
fn decode(p: &QrPicture) -> String {
    const PX: usize = 4;
    let side = p.width * PX;
    let img = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        if p.dark(x / PX, y / PX) {
            0
        } else {
            255
        }
    });
    let mut img = img;
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one code found");
    let (_meta, text) = grids[0].decode().expect("the code decodes");
    text
}

#[test]
fn a_default_link_gets_the_highest_level() {
    assert!((90..=110).contains(&DEFAULT_LINK.len()));
    let p = qr_picture(DEFAULT_LINK).expect("a short link fits");
    assert_eq!(p.level, 'H');
    assert!(p.version <= 10, "version {}", p.version);
    assert_eq!(p.width, 17 + 4 * p.version as usize + 2 * QUIET_ZONE);
    assert_eq!(
        p.summary(),
        format!("QR version {}, error correction H", p.version)
    );
}

#[test]
fn levels_step_down_as_links_grow_and_stay_within_the_room_version() {
    let mut last = 'H';
    for len in [100, 300, 500, 700, 900, 1100, 1250] {
        let p = qr_picture(&link(len)).expect("fits");
        assert!(
            p.version <= MAX_ROOM_VERSION,
            "{len}: version {}",
            p.version
        );
        assert!(
            "LMQH".find(p.level) <= "LMQH".find(last),
            "{len}: {}",
            p.level
        );
        last = p.level;
    }
}

#[test]
fn a_2000_character_link_falls_back_to_level_l() {
    let p = qr_picture(&link(2000)).expect("2 000 characters fit in a QR code");
    assert_eq!(p.level, 'L');
    assert!(
        p.version > MAX_ROOM_VERSION && p.version <= 40,
        "version {}",
        p.version
    );
}

#[test]
fn a_5000_character_link_is_an_error_that_says_why() {
    let err = qr_picture(&link(5000)).expect_err("too long for any QR code");
    assert!(err.contains("5 000 characters"), "{err}");
    assert!(err.contains("2 953"), "{err}");
    assert!(err.contains("Copy link"), "{err}");
    // The last length that fits, and the first that does not (a URL's text is byte mode).
    assert!(qr_picture(&link(2953)).is_ok());
    assert!(qr_picture(&link(2954)).is_err());
}

/// Every cell the path covers, from its `M x yhNv1h-Nz` subpaths.
fn covered(path: &str) -> Vec<(usize, usize)> {
    let mut cells = Vec::new();
    for sub in path.split('M').filter(|s| !s.is_empty()) {
        let sub = sub.strip_suffix('z').expect("a subpath is closed");
        let (xy, rest) = sub.split_once('h').expect("h");
        let (run, back) = rest.split_once("v1h-").expect("v1h-");
        assert_eq!(run, back, "the run goes back as far as it went");
        let (x, y) = xy.split_once(' ').expect("x y");
        let (x, y, run): (usize, usize, usize) =
            (x.parse().unwrap(), y.parse().unwrap(), run.parse().unwrap());
        assert!(run >= 1);
        cells.extend((x..x + run).map(|cx| (cx, y)));
    }
    cells
}

#[test]
fn the_path_covers_exactly_the_dark_modules_once() {
    for text in [DEFAULT_LINK.to_string(), link(1500)] {
        let p = qr_picture(&text).unwrap();
        let cells = covered(&p.path);
        assert_eq!(cells.len(), p.dark_count(), "no module drawn twice");
        let set: BTreeSet<_> = cells.into_iter().collect();
        let dark: BTreeSet<_> = (0..p.width)
            .flat_map(|y| (0..p.width).map(move |x| (x, y)))
            .filter(|&(x, y)| p.dark(x, y))
            .collect();
        assert_eq!(set, dark);
        // The quiet zone is light all round.
        let q = QUIET_ZONE;
        assert!((0..p.width).all(|i| {
            !p.dark(i, q - 1)
                && !p.dark(q - 1, i)
                && !p.dark(i, p.width - q)
                && !p.dark(p.width - q, i)
        }));
        // Runs are merged: fewer subpaths than dark modules.
        assert!(p.path.matches('M').count() < p.dark_count() * 2 / 3);
    }
}

#[test]
fn a_short_link_decodes_to_itself() {
    let p = qr_picture(DEFAULT_LINK).unwrap();
    assert_eq!(decode(&p), DEFAULT_LINK);
}

#[test]
fn a_long_z0data_link_decodes_to_itself() {
    let text = link(1500);
    let p = qr_picture(&text).unwrap();
    assert_eq!(p.level, 'L');
    assert_eq!(decode(&p), text);
}

#[test]
fn the_longest_link_that_fits_decodes_to_itself() {
    let text = link(2953);
    let p = qr_picture(&text).unwrap();
    assert_eq!((p.version, p.level), (40, 'L'));
    assert_eq!(decode(&p), text);
}

/// The version and level the `qrcode` crate chose before reglab had its own encoder (a native
/// dev-dependency, kept as this test's reference): the same policy as `qr_picture`, the
/// crate's own segmentation, and one byte-mode segment in version 40-L as the last resort.
fn old_choice(text: &str) -> Option<(i16, char)> {
    use qrcode::bits::{encode_auto, Bits};
    use qrcode::{EcLevel, Version};
    let number = |v: Version| match v {
        Version::Normal(n) | Version::Micro(n) => n,
    };
    let mut fallback = None;
    for (level, letter) in [
        (EcLevel::H, 'H'),
        (EcLevel::Q, 'Q'),
        (EcLevel::M, 'M'),
        (EcLevel::L, 'L'),
    ] {
        let Ok(bits) = encode_auto(text.as_bytes(), level) else {
            continue;
        };
        if number(bits.version()) <= MAX_ROOM_VERSION {
            return Some((number(bits.version()), letter));
        }
        fallback = Some((number(bits.version()), letter));
    }
    fallback.or_else(|| {
        let mut bits = Bits::new(Version::Normal(40));
        bits.push_byte_data(text.as_bytes()).ok()?;
        bits.push_terminator(EcLevel::L).ok()?;
        Some((40, 'L'))
    })
}

/// Every length 0..=MAX_BYTES + 1 at which the old choice for `text_of(len)` differs from the
/// choice one byte shorter, with the length before it: the edges of every version and level.
fn edges(text_of: impl Fn(usize) -> String) -> Vec<usize> {
    let mut lens = vec![0];
    let mut last = old_choice(&text_of(0));
    for len in 1..=MAX_BYTES + 1 {
        let now = old_choice(&text_of(len));
        if now != last {
            lens.extend([len - 1, len]);
        }
        last = now;
    }
    lens
}

#[test]
fn the_choice_is_the_old_crates_at_every_edge_and_every_version_decodes() {
    // Lowercase letters are byte mode for the crate's segmenter too: one segment, as ours.
    let text_of = |len: usize| "reglab".chars().cycle().take(len).collect::<String>();
    let mut versions = BTreeSet::new();
    let mut decoded = 0;
    for len in edges(text_of) {
        let text = text_of(len);
        let ours = qr_picture(&text).ok().map(|p| {
            if versions.insert((p.version, p.level)) {
                assert_eq!(decode(&p), text, "{len} bytes");
                decoded += 1;
            }
            (p.version, p.level)
        });
        assert_eq!(ours, old_choice(&text), "{len} bytes");
    }
    let all: BTreeSet<i16> = versions.iter().map(|&(v, _)| v).collect();
    assert_eq!(all, (1..=40).collect(), "every version is reached");
    let levels: BTreeSet<char> = versions.iter().map(|&(_, l)| l).collect();
    assert_eq!(levels, "HQML".chars().collect());
    eprintln!(
        "{decoded} codes decoded, {} (version, level) pairs",
        versions.len()
    );
}

#[test]
fn urls_with_all_sorts_of_bytes_and_the_empty_string_decode_to_themselves() {
    let texts = [
        String::new(),
        "https://example.org/reglab/?mu=0.5&note=%C2%B5%20%26%3D&x=a=b&y=μ".to_string(),
        "μ=λ·σ² & 100 % — “quotes” 日本語 🙂".to_string(),
        "\u{1}\t\r\n\u{7f}\u{80}\u{ff}\u{fffd}".to_string(),
        "μ".repeat(600),
    ];
    for text in texts {
        let p = qr_picture(&text).unwrap();
        assert_eq!(decode(&p), text, "{} bytes", text.len());
    }
}

#[test]
fn max_bytes_counts_bytes_not_characters() {
    // μ is two bytes in UTF-8: 1 476 of them and one ASCII letter are exactly MAX_BYTES.
    let fits = format!("{}a", "μ".repeat(1476));
    assert_eq!(fits.len(), MAX_BYTES);
    let p = qr_picture(&fits).unwrap();
    assert_eq!((p.version, p.level), (40, 'L'));
    assert_eq!(decode(&p), fits);
    assert!(qr_picture(&format!("{fits}a")).is_err());
    assert!(qr_picture(&"μ".repeat(1477)).is_err());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(40))]

    /// Any text — any Unicode scalar values, up to 400 of them — comes back from the decoder.
    #[test]
    fn random_texts_round_trip(text in proptest::collection::vec(proptest::prelude::any::<char>(), 0..400)) {
        let text: String = text.into_iter().collect();
        let p = qr_picture(&text).unwrap();
        proptest::prop_assert_eq!(decode(&p), text);
    }
}

/// How good a choice is for a scanner: a higher level first, then a smaller version.
fn rank((version, level): (i16, char)) -> (usize, i16) {
    ("LMQH".find(level).expect("a level"), -version)
}

#[test]
fn on_the_pages_links_the_choice_is_the_old_crates_or_better() {
    // The crate split a link's base64url tail into alphanumeric segments where that looked
    // cheaper locally, and the extra segment headers made about 9 % of lengths one version
    // larger, or a level lower, than one byte-mode segment: never smaller.
    let p = qr_picture(DEFAULT_LINK).unwrap();
    assert_eq!(Some((p.version, p.level)), old_choice(DEFAULT_LINK));
    let (mut same, mut better) = (0, 0);
    for len in (0..=MAX_BYTES).step_by(9).chain([527, 707, 988, 994]) {
        let text = link(len);
        let p = qr_picture(&text).unwrap();
        let old = old_choice(&text).expect("the old crate fitted it");
        let ours = (p.version, p.level);
        assert!(rank(ours) >= rank(old), "{len}: {ours:?} vs {old:?}");
        if ours == old {
            same += 1;
        } else {
            better += 1;
        }
    }
    eprintln!("{same} link lengths chosen as before, {better} better");
    assert!(better > 0 && same > 10 * better);
}
