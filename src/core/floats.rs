//! Serde for the f32 vectors of the worker's messages: one byte string (4 little-endian bytes per
//! value) instead of one element at a time, so a finished run's 70 000 values are encoded and
//! decoded at memcpy speed (issue 17: the codec was part of the 12 ms between the worker's
//! compute and the page). A non-finite value (a diverged z) reads back as NaN, as it did when
//! these travelled as JSON's null: the page tells "diverged" from NaN alone.

use serde::de::{Error, Visitor};
use serde::{Deserializer, Serializer};

/// Writes the values' bits, non-finite ones as NaN.
pub fn serialize<S: Serializer>(v: &[f32], s: S) -> Result<S::Ok, S::Error> {
    write(v, s, |x| if x.is_finite() { x } else { f32::NAN })
}

/// Reads them back, non-finite ones as NaN.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<f32>, D::Error> {
    read(d, |x| if x.is_finite() { x } else { f32::NAN })
}

/// The same bytes with every value kept to the bit (a loss series' +∞ stays +∞).
pub mod exact {
    use serde::{Deserializer, Serializer};

    /// Writes the values' bits.
    pub fn serialize<S: Serializer>(v: &[f32], s: S) -> Result<S::Ok, S::Error> {
        super::write(v, s, |x| x)
    }

    /// Reads them back.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<f32>, D::Error> {
        super::read(d, |x| x)
    }
}

fn write<S: Serializer>(v: &[f32], s: S, map: fn(f32) -> f32) -> Result<S::Ok, S::Error> {
    let bytes: Vec<u8> = v.iter().flat_map(|&x| map(x).to_le_bytes()).collect();
    s.serialize_bytes(&bytes)
}

fn read<'de, D: Deserializer<'de>>(d: D, map: fn(f32) -> f32) -> Result<Vec<f32>, D::Error> {
    struct Values(fn(f32) -> f32);
    impl Visitor<'_> for Values {
        type Value = Vec<f32>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("f32 values as 4 bytes each")
        }
        fn visit_bytes<E: Error>(self, b: &[u8]) -> Result<Vec<f32>, E> {
            if !b.len().is_multiple_of(4) {
                return Err(E::invalid_length(b.len(), &self));
            }
            Ok(b.chunks_exact(4)
                .map(|c| (self.0)(f32::from_le_bytes([c[0], c[1], c[2], c[3]])))
                .collect())
        }
    }
    d.deserialize_bytes(Values(map))
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
