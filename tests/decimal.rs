//! `link::decimal`: the page reads numbers with its own grammar check and the browser's parser
//! (core's float parser costs 12 KB of gzipped wasm). Here, natively, the grammar must accept
//! exactly what `str::parse::<f64>` accepts, and the f32 rounding (the correctly rounded f64
//! rounded again, the midpoints settled exactly) must equal `str::parse::<f32>` bit for bit —
//! above all on the decimals built to fall on or next to an f32 midpoint.

use proptest::prelude::*;
use reglab::link::decimal::{to_f32, Decimal};

/// What the page computes for `text`, given the browser's correctly rounded f64 (here Rust's).
fn page_f32(text: &str) -> Option<f32> {
    let d = Decimal::read(text)?;
    let x = d
        .special
        .unwrap_or_else(|| text.parse::<f64>().expect("grammar accepted it"));
    Some(to_f32(x, || Decimal::read(text)))
}

fn same_f32(text: &str) {
    let want = text.parse::<f32>().ok().map(f32::to_bits);
    let got = page_f32(text).map(f32::to_bits);
    // NaN: any NaN will do (the page treats every NaN alike).
    let nan = |b: Option<u32>| b.map(|b| f32::from_bits(b).is_nan());
    if nan(want) == Some(true) {
        assert_eq!(nan(got), Some(true), "{text:?}");
    } else {
        assert_eq!(got, want, "{text:?}");
    }
}

fn same_grammar(text: &str) {
    assert_eq!(
        Decimal::read(text).is_some(),
        text.parse::<f64>().is_ok(),
        "{text:?}: accepted by one grammar and not the other"
    );
}

#[test]
fn the_grammar_is_rusts() {
    for text in [
        "",
        "+",
        "-",
        ".",
        "e5",
        "1e",
        "1e+",
        "1.e5",
        ".5",
        "5.",
        "+.5",
        "-0",
        "00012",
        "1E-3",
        "1_0",
        " 1",
        "1 ",
        "0x10",
        "inf",
        "-INF",
        "Infinity",
        "+infinity",
        "infinit",
        "nan",
        "-NaN",
        "NAN",
        "1e400",
        "1e-400",
        "1.2.3",
        "1e5.5",
        "−1",
        "١",
        "1e99999999999999999999",
        "0.1",
        "12345678901234567890123",
        "1,5",
        "e",
        "E",
        "-.e1",
        "5e-",
        "+-1",
    ] {
        same_grammar(text);
    }
}

#[test]
fn specials_and_plain_values_round_as_rust_does() {
    for text in [
        "inf",
        "-inf",
        "nan",
        "0",
        "-0",
        "0.1",
        "1e-45",
        "1e-46",
        "7e-46",
        "7.1e-46",
        "3.4028235e38",
        "3.4028236e38",
        "3.40282357e38",
        "3.4028235677973366e38",
        "1e39",
        "0.05",
        "16777217",
        "16777217.000000001",
        "16777216.999999999",
        "33554434",
        "33554435",
    ] {
        same_f32(text);
    }
}

/// The decimal expansion of an f64 (exact: every dyadic rational has one).
fn exact_decimal(x: f64) -> String {
    let bits = x.to_bits();
    let (m, e) = (
        (bits & ((1 << 52) - 1)) | (1 << 52),
        ((bits >> 52) as i32) - 1075,
    );
    // x = m·2^e = m·5^-e·10^e for e < 0.
    let mut digits = vec![0u32]; // base 10^9, least significant first
    let mul = |d: &mut Vec<u32>, k: u64| {
        let mut carry = 0u64;
        for limb in d.iter_mut() {
            let v = u64::from(*limb) * k + carry;
            *limb = (v % 1_000_000_000) as u32;
            carry = v / 1_000_000_000;
        }
        while carry > 0 {
            d.push((carry % 1_000_000_000) as u32);
            carry /= 1_000_000_000;
        }
    };
    digits[0] = (m % 1_000_000_000) as u32;
    digits.push((m / 1_000_000_000) as u32);
    let scale = if e < 0 { 5 } else { 2 };
    (0..e.unsigned_abs()).for_each(|_| mul(&mut digits, scale));
    let mut s = digits
        .iter()
        .rev()
        .map(|l| format!("{l:09}"))
        .collect::<String>();
    s = s.trim_start_matches('0').to_string();
    if e < 0 {
        format!("{s}e{e}")
    } else {
        s
    }
}

/// Decimals exactly on an f32 midpoint, and a hair (many digits) either side of it: the cases
/// where rounding the f64 again would be wrong.
fn midpoint_cases(below: f32) -> Vec<String> {
    let above = f32::from_bits(below.to_bits() + 1);
    let mid = (f64::from(below) + f64::from(above)) / 2.0;
    let exact = exact_decimal(mid);
    let (digits, exp) = exact.split_once('e').unwrap_or((&exact, "0"));
    vec![
        format!("{digits}e{exp}"),
        format!(
            "{digits}00000000000000000000001e{}",
            exp.parse::<i32>().unwrap() - 23
        ),
        format!(
            "{}e{}",
            minus_one_ulp_then_nines(digits),
            exp.parse::<i32>().unwrap() - 23
        ),
    ]
}

/// `digits` lowered by one in its last place, then 23 nines: with the exponent lowered by 23,
/// the decimal a hair below `digits`.
fn minus_one_ulp_then_nines(digits: &str) -> String {
    let mut d: Vec<u8> = digits.bytes().collect();
    let mut i = d.len() - 1;
    while d[i] == b'0' {
        d[i] = b'9';
        i -= 1;
    }
    d[i] -= 1;
    let mut s = String::from_utf8(d).unwrap();
    s.push_str(&"9".repeat(23));
    s
}

#[test]
fn f32_midpoints_are_settled_exactly() {
    let samples = [
        1.0f32,
        0.1,
        0.05,
        16_777_216.0,
        3.0e38,
        1e-38,
        1.4e-45,
        7.0e-45,
        123.456,
    ];
    for below in samples {
        for case in midpoint_cases(below) {
            same_f32(&case);
            same_f32(&format!("-{case}"));
        }
    }
    // The midpoint above f32::MAX rounds to infinity (ties to even), a hair below it to MAX.
    let top = 2f64.powi(128) - 2f64.powi(103);
    same_f32(&exact_decimal(top));
    same_f32(&format!(
        "{}e-23",
        minus_one_ulp_then_nines(&exact_decimal(top))
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn any_text_of_number_characters_reads_alike(text in "[-+]?[0-9.eE+-]{0,12}") {
        same_grammar(&text);
        if text.parse::<f64>().is_ok() {
            same_f32(&text);
        }
    }

    #[test]
    fn every_f32_midpoint_is_settled(bits in 1u32..0x7F7F_FFFF) {
        for case in midpoint_cases(f32::from_bits(bits)) {
            same_f32(&case);
        }
    }

    #[test]
    fn shortest_f64_text_reads_back(x in any::<f64>()) {
        let text = format!("{x:e}");
        same_grammar(&text);
        same_f32(&text);
        prop_assert_eq!(Decimal::read(&text).is_some(), true);
    }
}
