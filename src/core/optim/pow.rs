//! f32 `pow` with exactly the bits of glibc's `powf` (glibc ≥ 2.28; the algorithm is Szabolcs
//! Nagy's for Arm's optimized-routines, MIT licence, which musl ships too).
//!
//! Why reglab carries its own: TensorFlow's CPU kernels compute Adam's β1ᵗ and β2ᵗ with the
//! system `powf`, glibc's on Linux. wasm has no system libm, and the `libm` crate's `powf` (the
//! older FreeBSD algorithm) differs from glibc's in the last bit for ~0.2 % of the steps. A
//! coordinate still dithering at its kink after thousands of epochs can then end one step
//! elsewhere (2 of 60 values of a `z0data` run at lr = 0.003, 1.1e-3 apart). With this port the
//! page, a native build and TensorFlow compute the same α(t), so z is the same to the bit
//! (`tests/pow.rs` checks it against the system `powf` over every step the app takes).
//!
//! The method: log2(x) in f64 from a 16-entry table of 1/c and log2(c) and a degree-5
//! polynomial in r = z/c − 1, times y (exact in f64 for an f32 y); then 2^(y·log2 x) from a
//! 32-entry table of 2^(k/32) and a cubic, rounded once to f32. No operation may be fused
//! (Rust never contracts a·b + c), so every platform gives the same bits.

/// 1/c for the 16 subintervals of [0x3f330000, 2·0x3f330000) that log2 splits z into.
const INV_C: [u64; 16] = [
    0x3ff661ec79f8f3be,
    0x3ff571ed4aaf883d,
    0x3ff49539f0f010b0,
    0x3ff3c995b0b80385,
    0x3ff30d190c8864a5,
    0x3ff25e227b0b8ea0,
    0x3ff1bb4a4a1a343f,
    0x3ff12358f08ae5ba,
    0x3ff0953f419900a7,
    0x3ff0000000000000,
    0x3fee608cfd9a47ac,
    0x3feca4b31f026aa0,
    0x3feb2036576afce6,
    0x3fe9c2d163a1aa2d,
    0x3fe886e6037841ed,
    0x3fe767dcf5534862,
];
/// log2(c) for the same subintervals.
const LOG2_C: [u64; 16] = [
    0xbfdefec65b963019,
    0xbfdb0b6832d4fca4,
    0xbfd7418b0a1fb77b,
    0xbfd39de91a6dcf7b,
    0xbfd01d9bf3f2b631,
    0xbfc97c1d1b3b7af0,
    0xbfc2f9e393af3c9f,
    0xbfb960cbbf788d5c,
    0xbfaa6f9db6475fce,
    0x0000000000000000,
    0x3fb338ca9f24f53d,
    0x3fc476a9543891ba,
    0x3fce840b4ac4e4d2,
    0x3fd40645f0c6651c,
    0x3fd88e9c2c1b9ff8,
    0x3fdce0a44eb17bcc,
];
/// log2(1 + r) ≈ A0·r⁵ + A1·r⁴ + A2·r³ + A3·r² + A4·r.
const LOG2_POLY: [u64; 5] = [
    0x3fd27616c9496e0b,
    0xbfd71969a075c67a,
    0x3fdec70a6ca7badd,
    0xbfe7154748bef6c8,
    0x3ff71547652ab82b,
];
/// 2^(k/32) for k = 0 … 31, as bit patterns whose exponent field the caller adds to.
const EXP2_TABLE: [u64; 32] = [
    0x3ff0000000000000,
    0x3fefd9b0d3158574,
    0x3fefb5586cf9890f,
    0x3fef9301d0125b51,
    0x3fef72b83c7d517b,
    0x3fef54873168b9aa,
    0x3fef387a6e756238,
    0x3fef1e9df51fdee1,
    0x3fef06fe0a31b715,
    0x3feef1a7373aa9cb,
    0x3feedea64c123422,
    0x3feece086061892d,
    0x3feebfdad5362a27,
    0x3feeb42b569d4f82,
    0x3feeab07dd485429,
    0x3feea47eb03a5585,
    0x3feea09e667f3bcd,
    0x3fee9f75e8ec5f74,
    0x3feea11473eb0187,
    0x3feea589994cce13,
    0x3feeace5422aa0db,
    0x3feeb737b0cdc5e5,
    0x3feec49182a3f090,
    0x3feed503b23e255d,
    0x3feee89f995ad3ad,
    0x3feeff76f2fb5e47,
    0x3fef199bdd85529c,
    0x3fef3720dcef9069,
    0x3fef5818dcfba487,
    0x3fef7c97337b9b5f,
    0x3fefa4afa2a490da,
    0x3fefd0765b6e4540,
];
/// 2^r − 1 ≈ C0·r³ + C1·r² + C2·r for |r| ≤ 1/64.
const EXP2_POLY: [u64; 3] = [0x3fac6af84b912394, 0x3fcebfce50fac4f3, 0x3fe62e42ff0c52d6];
/// 1.5·2⁵²/32: adding it rounds a double to a multiple of 1/32 and leaves k in the low bits.
const SHIFT: u64 = 0x42e8000000000000;
/// The largest y·log2(x) whose power still rounds below f32::MAX.
const OVERFLOW_AT: u64 = 0x405fffffffd1d571;
/// Added to k so that the result's sign bit comes out set (a negative x to an odd power).
const SIGN_BIAS: u64 = 1 << 16;
const ABS: u32 = 0x7fff_ffff;
const SIGN: u32 = 0x8000_0000;
const ONE: u32 = 0x3f80_0000;
const INF: u32 = 0x7f80_0000;

/// xʸ in f32, bit for bit glibc's `powf`.
pub fn powf(x: f32, y: f32) -> f32 {
    let (mut ix, iy) = (x.to_bits(), y.to_bits());
    let mut sign_bias = 0;
    if ix.wrapping_sub(0x0080_0000) >= INF - 0x0080_0000 || zero_inf_nan(iy) {
        if zero_inf_nan(iy) {
            return y_zero_inf_nan(x, y);
        }
        if zero_inf_nan(ix) {
            let x2 = if ix & SIGN != 0 && int_kind(iy) == Int::Odd {
                -(x * x)
            } else {
                x * x
            };
            return if iy & SIGN != 0 { 1.0 / x2 } else { x2 };
        }
        // A finite negative or subnormal x.
        if ix & SIGN != 0 {
            match int_kind(iy) {
                Int::No => return f32::NAN,
                Int::Odd => sign_bias = SIGN_BIAS,
                Int::Even => {}
            }
            ix &= ABS;
        }
        if ix < 0x0080_0000 {
            // Normalise a subnormal: its biased exponent goes negative, which log2 handles.
            ix = ((f32::from_bits(ix) * 8_388_608.0).to_bits() & ABS).wrapping_sub(23 << 23);
        }
    }
    let y_log2_x = f64::from(y) * log2(ix);
    if (y_log2_x.to_bits() >> 47 & 0xffff) >= 126f64.to_bits() >> 47 {
        let tiny_or_huge = if y_log2_x > f64::from_bits(OVERFLOW_AT) {
            2f32.powi(97)
        } else if y_log2_x <= -150.0 {
            2f32.powi(-95)
        } else {
            return exp2(y_log2_x, sign_bias);
        };
        // Squared, it overflows to ∞ or underflows to 0, with the result's sign.
        let signed = if sign_bias != 0 {
            -tiny_or_huge
        } else {
            tiny_or_huge
        };
        return signed * tiny_or_huge;
    }
    exp2(y_log2_x, sign_bias)
}

/// xʸ for y = ±0, ±∞ or NaN (C99 Annex F).
fn y_zero_inf_nan(x: f32, y: f32) -> f32 {
    let (ix, iy) = (x.to_bits(), y.to_bits());
    if iy << 1 == 0 {
        return if signalling(ix) { x + y } else { 1.0 };
    }
    if ix == ONE {
        return if signalling(iy) { x + y } else { 1.0 };
    }
    if ix << 1 > INF << 1 || iy << 1 > INF << 1 {
        return x + y;
    }
    if ix << 1 == ONE << 1 {
        return 1.0;
    }
    if (ix << 1 < ONE << 1) == (iy & SIGN == 0) {
        return 0.0;
    }
    y * y
}

/// Whether the f32 with bits ix is a signalling NaN.
fn signalling(ix: u32) -> bool {
    (ix ^ 0x0040_0000) << 1 > 0x7fc0_0000 << 1
}

/// Whether ix is 0, ±∞ or NaN (its sign ignored).
fn zero_inf_nan(ix: u32) -> bool {
    (ix << 1).wrapping_sub(1) >= (INF << 1) - 1
}

#[derive(PartialEq, Eq)]
enum Int {
    No,
    Odd,
    Even,
}

/// Whether the f32 with bits iy is an integer, and if so whether odd.
fn int_kind(iy: u32) -> Int {
    let e = iy >> 23 & 0xff;
    if e < 0x7f {
        return Int::No;
    }
    if e > 0x7f + 23 {
        return Int::Even;
    }
    let unit = 1u32 << (0x7f + 23 - e);
    if iy & (unit - 1) != 0 {
        Int::No
    } else if iy & unit != 0 {
        Int::Odd
    } else {
        Int::Even
    }
}

/// log2 of the positive f32 with bits ix (a subnormal's exponent field may be negative).
fn log2(ix: u32) -> f64 {
    // x = 2ᵏ·z with z in [0x3f330000, 2·0x3f330000), exactly; table entry i has c near z.
    let tmp = ix.wrapping_sub(0x3f33_0000);
    let i = (tmp >> 19 & 15) as usize;
    let top = tmp & 0xff80_0000;
    let z = f64::from(f32::from_bits(ix.wrapping_sub(top)));
    let k = f64::from(top as i32 >> 23);
    let a = LOG2_POLY.map(f64::from_bits);
    let r = z * f64::from_bits(INV_C[i]) - 1.0;
    let y0 = f64::from_bits(LOG2_C[i]) + k;
    // The polynomial in the order glibc evaluates it (the rounding of each step is part of
    // the result's last bit).
    let r2 = r * r;
    let y = a[0] * r + a[1];
    let p = a[2] * r + a[3];
    let r4 = r2 * r2;
    let q = a[4] * r + y0;
    let q = p * r2 + q;
    y * r4 + q
}

/// 2^xd rounded to f32, with the sign that sign_bias asks for.
fn exp2(xd: f64, sign_bias: u64) -> f32 {
    let shift = f64::from_bits(SHIFT);
    let c = EXP2_POLY.map(f64::from_bits);
    // xd = k/32 + r, |r| ≤ 1/64.
    let kd = xd + shift;
    let ki = kd.to_bits();
    let r = xd - (kd - shift);
    let s = f64::from_bits(
        EXP2_TABLE[(ki % 32) as usize].wrapping_add(ki.wrapping_add(sign_bias) << (52 - 5)),
    );
    let z = c[0] * r + c[1];
    let r2 = r * r;
    let y = c[2] * r + 1.0;
    ((z * r2 + y) * s) as f32
}
