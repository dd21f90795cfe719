//! Reading a decimal number (a link's value, a typed field) exactly as `str::parse` does, without
//! carrying core's float parser into the page.
//!
//! Why: `str::parse::<f64>` brings Eisel–Lemire's table of 128-bit powers of five, 17 KB of
//! incompressible data (≈ 12 KB of the page's gzipped wasm, measured). The browser already has a
//! correctly rounded decimal parser, `parseFloat`. So in the page the grammar is checked here —
//! Rust's grammar exactly, so that a link means the same in the page and natively — and the
//! conversion is the engine's. Natively (tests, examples) it is `str::parse` itself, and
//! `tests/decimal.rs` checks the grammar against it; `tests/web.rs` checks the page's values bit
//! for bit against `str::parse` in a browser.
//!
//! f32: the page rounds the correctly rounded f64 to f32. That double rounding is wrong only when
//! the f64 lands exactly on the midpoint between two f32 (the decimal itself lying within half an
//! f64 ulp of it); [`parse_f32`] then settles the tie exactly (a comparison of integers).

/// `text` as an f64, as `text.parse::<f64>()` reads it (`None` where it fails).
pub fn parse_f64(text: &str) -> Option<f64> {
    #[cfg(target_arch = "wasm32")]
    {
        let d = Decimal::read(text)?;
        Some(match d.special {
            Some(x) => x,
            None => js_sys::parse_float(text),
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse().ok()
    }
}

/// `text` as an f32, as `text.parse::<f32>()` reads it (`None` where it fails).
pub fn parse_f32(text: &str) -> Option<f32> {
    #[cfg(target_arch = "wasm32")]
    {
        let x = parse_f64(text)?;
        Some(to_f32(x, || Decimal::read(text)))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse().ok()
    }
}

/// A decimal as written: its significant digits D and exponent E (the value is ±D·10^E), or the
/// special value it names (`inf`, `infinity`, `nan`, any case).
#[derive(Debug, Clone, PartialEq)]
pub struct Decimal {
    /// The digits of D, most significant first, without leading zeros.
    pub digits: Vec<u8>,
    /// E (saturated: no f32 or f64 is near a number whose exponent does not fit).
    pub exp: i64,
    /// A special value, or `None` for a number.
    pub special: Option<f64>,
}

impl Decimal {
    /// `text` read by Rust's float grammar: `[+-]` then `inf`, `infinity` or `nan` (any case),
    /// or digits with an optional `.` (a digit on at least one side) and an optional exponent
    /// `e|E [+-] digits`. Nothing else: no spaces, no `_`, no hex.
    pub fn read(text: &str) -> Option<Self> {
        let (negative, body) = match text.as_bytes().first()? {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        };
        let sign = if negative { -1.0 } else { 1.0 };
        let special = |x: f64| {
            Some(Self {
                digits: Vec::new(),
                exp: 0,
                special: Some(x),
            })
        };
        if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
            return special(sign * f64::INFINITY);
        }
        if body.eq_ignore_ascii_case("nan") {
            return special(f64::NAN);
        }
        let (mantissa, exponent) = match body.find(['e', 'E']) {
            Some(at) => (&body[..at], Some(&body[at + 1..])),
            None => (body, None),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let is_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.len() + fraction.len() == 0 || !is_digits(whole) || !is_digits(fraction) {
            return None;
        }
        let exp = match exponent {
            None => 0,
            Some(e) => {
                let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
                if digits.is_empty() || !is_digits(digits) {
                    return None;
                }
                let magnitude = digits
                    .bytes()
                    .fold(0i64, |v, b| (v * 10 + i64::from(b - b'0')).min(1 << 40));
                if e.starts_with('-') {
                    -magnitude
                } else {
                    magnitude
                }
            }
        };
        let digits: Vec<u8> = whole
            .bytes()
            .chain(fraction.bytes())
            .map(|b| b - b'0')
            .skip_while(|&d| d == 0)
            .collect();
        Some(Self {
            digits,
            exp: exp - fraction.len() as i64,
            special: None,
        })
    }
}

/// The f32 nearest to the decimal whose correctly rounded f64 is `x` (`exact` reads the decimal,
/// needed only when `x` is an f32 midpoint).
pub fn to_f32(x: f64, exact: impl FnOnce() -> Option<Decimal>) -> f32 {
    let rounded = x as f32;
    let Some((below, above)) = f32_midpoint(x) else {
        return rounded;
    };
    match exact().map(|d| compare_to_midpoint(&d, x.abs())) {
        Some(std::cmp::Ordering::Less) => below,
        Some(std::cmp::Ordering::Greater) => above,
        _ => rounded,
    }
}

/// 2^k as an f64 (k within the normal range).
fn pow2(k: i32) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// When `x` lies exactly halfway between two f32, those two (nearer zero, farther from zero,
/// with `x`'s sign; the one beyond `f32::MAX` is infinity).
fn f32_midpoint(x: f64) -> Option<(f32, f32)> {
    if !x.is_finite() || x == 0.0 || x.abs() < pow2(-151) {
        return None;
    }
    let e = ((x.abs().to_bits() >> 52) as i32) - 1023;
    // The spacing of f32 around |x| (2^-149 below the normal range).
    let quantum = pow2((e - 23).max(-149));
    let steps = x.abs() / quantum;
    if steps - steps.floor() != 0.5 {
        return None;
    }
    let near = (steps.floor() * quantum) as f32;
    let far = ((steps.floor() + 1.0) * quantum) as f32;
    Some((near.copysign(x as f32), far.copysign(x as f32)))
}

/// |decimal| against `midpoint` (> 0, a dyadic rational within f32's range).
fn compare_to_midpoint(d: &Decimal, midpoint: f64) -> std::cmp::Ordering {
    // midpoint = N·2^k with N odd.
    let bits = midpoint.to_bits();
    let (mut n, mut k) = (
        (bits & ((1 << 52) - 1)) | (1 << 52),
        ((bits >> 52) as i64) - 1075,
    );
    while n % 2 == 0 {
        n /= 2;
        k += 1;
    }
    // D·10^E against N·2^k, both sides made integers.
    let mut left = Big::from_digits(&d.digits);
    let mut right = Big::from(n);
    let (ten_left, ten_right) = (d.exp.max(0), (-d.exp).max(0));
    let (two_left, two_right) = ((-k).max(0), k.max(0));
    if ten_left + ten_right > 2_000 {
        // A decimal this far from f32's range cannot round to f64 within it.
        return std::cmp::Ordering::Equal;
    }
    (0..ten_left).for_each(|_| left.mul_small(10));
    (0..two_left).for_each(|_| left.mul_small(2));
    (0..ten_right).for_each(|_| right.mul_small(10));
    (0..two_right).for_each(|_| right.mul_small(2));
    left.cmp(&right)
}

/// A non-negative integer as base-2^32 limbs, least significant first, without high zeros.
#[derive(PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn from(n: u64) -> Self {
        let mut b = Self(vec![n as u32, (n >> 32) as u32]);
        b.trim();
        b
    }

    fn from_digits(digits: &[u8]) -> Self {
        let mut b = Self(Vec::new());
        for &d in digits {
            b.mul_small(10);
            b.add_small(u32::from(d));
        }
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn add_small(&mut self, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            let v = u64::from(*limb) + carry;
            *limb = v as u32;
            carry = v >> 32;
            if carry == 0 {
                return;
            }
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}
