//! Min/max per pixel column: what a line chart of a long series actually needs.
//!
//! A column covers a range of epochs; it keeps the smallest and largest value recorded there, so
//! a frame costs the same for 25 000 or 10 000 000 epochs and no spike disappears. Pure data,
//! tested natively; the charts draw the result.

use crate::core::Series;

/// One pixel column: its epoch (centre) and the min and max of the values it covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    /// The last epoch the column covers (x position).
    pub epoch: f64,
    /// Smallest value in the column.
    pub min: f64,
    /// Largest value in the column.
    pub max: f64,
}

/// The envelope of `series` over epochs 1..=`upto`, in at most `columns` columns spread over
/// epochs 1..=`span` (the x axis; `span` ≥ `upto` lets a playing run grow across a fixed axis).
/// Values ≤ `floor` (and non-finite ones) are raised to `floor`, so a log axis always has a
/// finite, positive value to draw.
pub fn envelope(series: &Series, upto: u64, span: u64, columns: usize, floor: f64) -> Vec<Column> {
    let columns = columns.max(1);
    let span = span.max(1);
    let per_column = (span as f64 / columns as f64).max(1.0);
    let mut out: Vec<Column> = Vec::with_capacity(columns.min(series.len()));
    let lift = |x: f32| {
        let x = f64::from(x);
        if x.is_finite() && x > floor {
            x
        } else {
            floor
        }
    };
    for k in 0..series.len() {
        let end = series.bucket_end_epoch(k).min(series.epochs());
        let start = k as u64 * series.width + 1;
        if start > upto {
            break;
        }
        let col = ((end.min(upto) as f64 - 1.0) / per_column).floor() as usize;
        let (lo, hi) = (lift(series.min[k]), lift(series.max()[k]));
        let epoch = ((col as f64 + 1.0) * per_column).min(end.min(upto) as f64);
        match out.last_mut() {
            Some(last) if ((last.epoch - 1.0) / per_column).floor() as usize == col => {
                last.min = last.min.min(lo);
                last.max = last.max.max(hi);
                last.epoch = epoch;
            }
            _ => out.push(Column {
                epoch,
                min: lo,
                max: hi,
            }),
        }
    }
    out
}

/// The smallest and largest value over several envelopes (for the y axis), if any.
pub fn value_range<'a>(envelopes: impl IntoIterator<Item = &'a [Column]>) -> Option<(f64, f64)> {
    envelopes
        .into_iter()
        .flatten()
        .fold(None, |acc, c| match acc {
            None => Some((c.min, c.max)),
            Some((lo, hi)) => Some((lo.min(c.min), hi.max(c.max))),
        })
}

/// The smallest and largest finite value, if any (NaN and ±∞ would stretch an axis away).
pub fn finite_range(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}
