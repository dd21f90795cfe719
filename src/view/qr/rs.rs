//! Reed–Solomon error correction as ISO/IEC 18004 specifies it: codewords are elements of
//! GF(256) built on the primitive polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D), and a block's
//! error-correction codewords are the remainder of the data polynomial times x^n divided by
//! the generator polynomial (x − α⁰)(x − α¹)…(x − α^(n−1)), α = 2.

/// The product of two GF(256) elements: carry-less multiplication reduced by 0x11D, one bit
/// of `b` at a time (about 90 000 products for the largest code: no tables needed).
fn mul(a: u8, b: u8) -> u8 {
    let mut product: u16 = 0;
    for i in (0..8).rev() {
        product = (product << 1) ^ ((product >> 7) * 0x11D);
        product ^= u16::from((b >> i) & 1) * u16::from(a);
    }
    product as u8
}

/// The generator polynomial of degree `n`, its coefficients from x^(n−1) down to x⁰ (the
/// leading 1 of x^n left out).
fn generator(n: usize) -> Vec<u8> {
    let mut poly = vec![0u8; n];
    poly[n - 1] = 1;
    let mut root: u8 = 1;
    for _ in 0..n {
        // Multiply by (x − root): shift up one degree and add root × the old polynomial.
        for j in 0..n {
            poly[j] = mul(poly[j], root) ^ poly.get(j + 1).copied().unwrap_or(0);
        }
        root = mul(root, 2);
    }
    poly
}

/// The `n` error-correction codewords of one block of `data` codewords.
pub fn ec_codewords(data: &[u8], n: usize) -> Vec<u8> {
    let gen = generator(n);
    let mut rem = vec![0u8; n];
    for &byte in data {
        // Long division, one data codeword at a time: the remainder shifts up a degree and the
        // generator, scaled by the codeword that drops out, is subtracted (XOR).
        let factor = byte ^ rem[0];
        rem.remove(0);
        rem.push(0);
        for (r, &g) in rem.iter_mut().zip(&gen) {
            *r ^= mul(g, factor);
        }
    }
    rem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_follow_the_field() {
        assert_eq!(mul(0, 0x53), 0);
        assert_eq!(mul(1, 0x53), 0x53);
        // α⁸ = α⁴ + α³ + α² + 1 = 0x1D.
        assert_eq!(mul(0x80, 2), 0x1D);
        // α^255 = 1: 2 multiplied by itself 255 times comes back to 1, and not before.
        let mut x = 1u8;
        for i in 1..=255 {
            x = mul(x, 2);
            assert_eq!(x == 1, i == 255, "α^{i}");
        }
    }

    #[test]
    fn the_standards_example_block() {
        // ISO/IEC 18004 Annex I: "01234567" as version 1-M, 16 data codewords and 10 EC.
        let data = [
            0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
            0xEC, 0x11,
        ];
        let ec = [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55];
        assert_eq!(ec_codewords(&data, 10), ec);
    }
}
