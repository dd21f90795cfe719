//! Serde for the f32 vectors of the worker's messages: one byte string (4 little-endian bytes per
//! value) instead of one element at a time, so a finished run's 70 000 values are encoded and
//! decoded at memcpy speed (issue 17: the codec was part of the 12 ms between the worker's
//! compute and the page). A non-finite value (a diverged z) reads back as NaN, as it did when
//! these travelled as JSON's null: the page tells "diverged" from NaN alone.

use serde::de::{Error, Visitor};
use serde::{Deserializer, Serializer};

/// Writes the values' bits, non-finite ones as NaN.
pub fn serialize<S: Serializer>(v: &[f32], s: S) -> Result<S::Ok, S::Error> {
    write(v, s, true)
}

/// Reads them back, non-finite ones as NaN.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<f32>, D::Error> {
    read(d, true)
}

/// The same bytes with every value kept to the bit (a loss series' +∞ stays +∞).
pub mod exact {
    use serde::{Deserializer, Serializer};

    /// Writes the values' bits.
    pub fn serialize<S: Serializer>(v: &[f32], s: S) -> Result<S::Ok, S::Error> {
        super::write(v, s, false)
    }

    /// Reads them back.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<f32>, D::Error> {
        super::read(d, false)
    }
}

/// On a little-endian machine (wasm, x86, ARM) the values' own bytes are the wire's, so writing
/// them is one copy and reading them one `memcpy`: the page's wasm, built for size, ran a loop per
/// value, ≈ 1 ms for a finished run's 60 000 values (issue 17's worker overhead).
fn write<S: Serializer>(v: &[f32], s: S, finite_only: bool) -> Result<S::Ok, S::Error> {
    let finite = |x: f32| {
        if finite_only && !x.is_finite() {
            f32::NAN
        } else {
            x
        }
    };
    if cfg!(target_endian = "little") && !(finite_only && v.iter().any(|x| !x.is_finite())) {
        return s.serialize_bytes(bytemuck::cast_slice(v));
    }
    let bytes: Vec<u8> = v.iter().flat_map(|&x| finite(x).to_le_bytes()).collect();
    s.serialize_bytes(&bytes)
}

fn read<'de, D: Deserializer<'de>>(d: D, finite_only: bool) -> Result<Vec<f32>, D::Error> {
    struct Values(bool);
    impl Visitor<'_> for Values {
        type Value = Vec<f32>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("f32 values as 4 bytes each")
        }
        fn visit_bytes<E: Error>(self, b: &[u8]) -> Result<Vec<f32>, E> {
            if !b.len().is_multiple_of(4) {
                return Err(E::invalid_length(b.len(), &self));
            }
            let mut v = vec![0f32; b.len() / 4];
            bytemuck::cast_slice_mut::<f32, u8>(&mut v).copy_from_slice(b);
            if cfg!(target_endian = "big") || self.0 {
                for x in &mut v {
                    *x = f32::from_bits(u32::from_le(x.to_bits()));
                    if self.0 && !x.is_finite() {
                        *x = f32::NAN;
                    }
                }
            }
            Ok(v)
        }
    }
    d.deserialize_bytes(Values(finite_only))
}

/// One f32 (an `Option` on the wire): non-finite is written as none and read back as NaN.
pub mod scalar {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes a non-finite value as none.
    pub fn serialize<S: Serializer>(v: &f32, s: S) -> Result<S::Ok, S::Error> {
        match v.is_finite() {
            // `Some`, not a bare f32: a binary format reads the Option tag back.
            true => s.serialize_some(v),
            false => s.serialize_none(),
        }
    }

    /// Reads none as NaN.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
        Ok(Option::<f32>::deserialize(d)?.unwrap_or(f32::NAN))
    }
}
