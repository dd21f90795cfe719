//! z0 in a link: up to [`MAX_VALUES`] values, quantised to 16 bits between their minimum and
//! maximum and written as base64url, so a dragged or pasted z0 fits in a shareable URL
//! (1000 values ≈ 2.7 kB of text).
//!
//! Layout before base64url (no padding): a version byte (1), lo and hi as little-endian f32,
//! then one little-endian u16 kᵢ per value; value i is lo + (hi − lo)·kᵢ/65535, so lo and hi
//! themselves are exact and every other value is within [`precision`] of what was encoded.
//! `decode(encode(v))` is a fixed point: encoding it again gives the same text, so a page that
//! always runs the decoded values runs exactly what its link says.

use crate::i18n::{fill, t};

/// The most values a link carries (beyond that, a link names a preset and a seed).
pub const MAX_VALUES: usize = 1000;

const VERSION: u8 = 1;
const LEVELS: f64 = 65_535.0;
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The largest |decoded − original| for values spanning [lo, hi]: half a quantisation step.
pub fn precision(lo: f32, hi: f32) -> f64 {
    (f64::from(hi) - f64::from(lo)) / LEVELS / 2.0
}

/// The link text for `values` (1..=[`MAX_VALUES`] finite values; `Err` says why not).
pub fn encode(values: &[f32]) -> Result<String, String> {
    check_len(values.len())?;
    if values.iter().any(|v| !v.is_finite()) {
        return Err(t().link_notices.z0_finite.into());
    }
    let lo = values.iter().copied().fold(f32::INFINITY, f32::min);
    let hi = values.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let span = f64::from(hi) - f64::from(lo);
    let mut bytes = Vec::with_capacity(9 + 2 * values.len());
    bytes.push(VERSION);
    bytes.extend_from_slice(&lo.to_le_bytes());
    bytes.extend_from_slice(&hi.to_le_bytes());
    for &v in values {
        let k = if span > 0.0 {
            ((f64::from(v) - f64::from(lo)) / span * LEVELS).round()
        } else {
            0.0
        };
        bytes.extend_from_slice(&(k.clamp(0.0, LEVELS) as u16).to_le_bytes());
    }
    Ok(base64url(&bytes))
}

/// The values a link text holds; `Err` says, for a person, what is wrong with it.
pub fn decode(text: &str) -> Result<Vec<f32>, String> {
    let bytes = unbase64url(text.trim()).ok_or(t().link_notices.z0_base64)?;
    if bytes.first() != Some(&VERSION) {
        return Err(t().link_notices.z0_unknown.into());
    }
    if bytes.len() < 11 || (bytes.len() - 9) % 2 != 0 {
        return Err(t().link_notices.z0_truncated.into());
    }
    let f =
        |at: usize| f32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let (lo, hi) = (f(1), f(5));
    if !(lo.is_finite() && hi.is_finite() && lo <= hi) {
        return Err(t().link_notices.z0_range.into());
    }
    check_len((bytes.len() - 9) / 2)?;
    let span = f64::from(hi) - f64::from(lo);
    Ok(bytes[9..]
        .chunks_exact(2)
        .map(|k| {
            let k = u16::from_le_bytes([k[0], k[1]]);
            match k {
                0 => lo,
                u16::MAX => hi,
                _ => (f64::from(lo) + span * f64::from(k) / LEVELS) as f32,
            }
        })
        .collect())
}

/// The values as a link carries them: `decode(encode(values))`.
pub fn quantise(values: &[f32]) -> Result<Vec<f32>, String> {
    decode(&encode(values)?)
}

fn check_len(n: usize) -> Result<(), String> {
    match n {
        0 => Err(t().link_notices.z0_empty.into()),
        n if n > MAX_VALUES => {
            let (max, n) = (MAX_VALUES.to_string(), n.to_string());
            Err(fill(
                t().link_notices.z0_too_many,
                &[("max", &max), ("n", &n)],
            ))
        }
        _ => Ok(()),
    }
}

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let x = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((x >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<u32> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|&a| a == c).map(|p| p as u32))
        .collect::<Option<_>>()?;
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let x = chunk
            .iter()
            .enumerate()
            .fold(0u32, |x, (i, &d)| x | (d << (18 - 6 * i)));
        for i in 0..chunk.len() - 1 {
            out.push((x >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}
