//! Serde for f32 vectors whose non-finite values (a diverged z) must survive JSON, which has no
//! NaN or infinity: written as null, read back as NaN.

use serde::{Deserialize, Deserializer, Serializer};

/// Writes non-finite values as null.
pub fn serialize<S: Serializer>(v: &[f32], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|x| x.is_finite().then_some(*x)))
}

/// Reads null as NaN.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<f32>, D::Error> {
    let v: Vec<Option<f32>> = Vec::deserialize(d)?;
    Ok(v.into_iter().map(|x| x.unwrap_or(f32::NAN)).collect())
}

/// The same for one f32: non-finite is written as null and read back as NaN.
pub mod scalar {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes a non-finite value as null.
    pub fn serialize<S: Serializer>(v: &f32, s: S) -> Result<S::Ok, S::Error> {
        match v.is_finite() {
            // `Some`, not a bare f32: a binary format reads the Option tag back.
            true => s.serialize_some(v),
            false => s.serialize_none(),
        }
    }

    /// Reads null as NaN.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
        Ok(Option::<f32>::deserialize(d)?.unwrap_or(f32::NAN))
    }
}
