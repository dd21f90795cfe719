//! Fixing a recorder's MP4 after recording, in place: [`retime`] stamps its frames on the plan.
//!
//! A MediaRecorder stamps each frame with the wall clock at which the frame reached it, less the
//! time it was paused. On a slow or busy machine a frame reaches the encoder late, so the file
//! runs long (3.6 s for a 3 s recording at a 3× slower CPU), and the last picture, still on its
//! way when the recording stops, is lost. Frames are rendered on a fixed plan (frame k shows
//! epoch k·E/(F − 1)), so they are stamped on it, whatever the machine: the recording can then
//! hold its last picture as long as the encoder needs without lengthening the file.
//!
//! Chromium writes a fragmented MP4 (ISO BMFF): `moov` with one track and `mvex`, then `moof`
//! fragments (a `traf` with `tfhd`, `tfdt` and a `trun` listing each sample's duration and
//! size) with their `mdat`, then an `mfra` index of the fragments' times. Only durations and
//! times are rewritten, all of them fields of fixed width, so no byte moves; the index becomes
//! a `free` box (it is optional, and a stale one would mislead a player's seek). A file of
//! another shape (several tracks, an edit list, a segment index, durations only as defaults, no
//! fragments) is refused and saved as recorded. Two passes over the boxes: the first counts the
//! samples and reads the timescales, the second writes (one small walker: it ships in the page's
//! wasm).

use super::video::{planned_length, planned_start};

/// Why a file could not be restamped (it is then saved as recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mp4Error {
    /// Not ISO BMFF, or a box runs past its parent.
    Malformed,
    /// A shape this does not rewrite (see the module's doc).
    Unsupported,
    /// A new time does not fit its field.
    Overflow,
}
use Mp4Error::{Malformed, Overflow, Unsupported};

/// The big-endian number `len` bytes long at `at`.
fn read(f: &[u8], at: usize, len: usize) -> Result<u64, Mp4Error> {
    let bytes = f
        .get(at..at.checked_add(len).ok_or(Malformed)?)
        .ok_or(Malformed)?;
    Ok(bytes.iter().fold(0, |v, &b| v << 8 | u64::from(b)))
}

/// Writes `v` as a big-endian number `len` bytes long at `at`, if it fits.
fn write(f: &mut [u8], at: usize, len: usize, v: u64) -> Result<(), Mp4Error> {
    if len < 8 && v >> (8 * len) != 0 {
        return Err(Overflow);
    }
    let field = f.get_mut(at..at + len).ok_or(Malformed)?;
    field.copy_from_slice(&v.to_be_bytes()[8 - len..]);
    Ok(())
}

/// One pass over the boxes.
struct Walk {
    out: Vec<u8>,
    /// The second pass (the first only reads).
    writing: bool,
    frames: u32,
    frame_ms: f64,
    /// Samples met so far in this pass; the first pass's count.
    seen: usize,
    samples: usize,
    tracks: u32,
    movie_scale: u64,
    media_scale: u64,
    fragments: usize,
}

impl Walk {
    /// Where sample `i` starts on the plan, in media units (`i` = the count: the end).
    fn start(&self, i: usize) -> u64 {
        let periods = if i < self.samples {
            planned_start(i, self.samples, self.frames)
        } else {
            planned_length(self.samples, self.frames)
        };
        (periods * self.frame_ms * self.media_scale as f64 / 1000.0).round() as u64
    }

    fn walk(&mut self, from: usize, to: usize) -> Result<(), Mp4Error> {
        let mut at = from;
        while at < to {
            let size = read(&self.out, at, 4)? as usize;
            let kind = read(&self.out, at + 4, 4)? as u32;
            let (data, end) = match size {
                0 => (at + 8, to),
                1 => (
                    at + 16,
                    at.saturating_add(read(&self.out, at + 8, 8)? as usize),
                ),
                _ => (at + 8, at.saturating_add(size)),
            };
            if end > to || end < data {
                return Err(Malformed);
            }
            self.visit(&kind.to_be_bytes(), at, data, end)?;
            at = end;
        }
        Ok(())
    }

    /// One box; `data` is where its contents start (a full box's version first).
    fn visit(
        &mut self,
        kind: &[u8; 4],
        at: usize,
        data: usize,
        end: usize,
    ) -> Result<(), Mp4Error> {
        let wide = self.out.get(data) == Some(&1);
        // A version 1 full box has 64-bit times, a version 0 one 32-bit.
        let time = if wide { 8 } else { 4 };
        match kind {
            b"moov" | b"trak" | b"mdia" | b"mvex" | b"traf" => self.walk(data, end)?,
            b"moof" => {
                self.fragments += 1;
                self.walk(data, end)?;
            }
            b"edts" | b"sidx" => return Err(Unsupported),
            b"mvhd" | b"mdhd" | b"tkhd" | b"mehd" => {
                // After version and flags: creation and modification times, then the timescale
                // (mvhd, mdhd) or the track ID and 4 reserved bytes (tkhd), then the duration.
                let scale_at = data + 4 + 2 * time;
                let duration_at = match kind {
                    b"mehd" => data + 4,
                    _ => scale_at + if kind == b"tkhd" { 8 } else { 4 },
                };
                if !self.writing {
                    match kind {
                        b"mvhd" => self.movie_scale = read(&self.out, scale_at, 4)?,
                        b"mdhd" => self.media_scale = read(&self.out, scale_at, 4)?,
                        b"tkhd" => self.tracks += 1,
                        _ => {}
                    }
                    return Ok(());
                }
                let value = if kind == b"mdhd" {
                    self.start(self.samples)
                } else {
                    let ms = planned_length(self.samples, self.frames) * self.frame_ms;
                    (ms * self.movie_scale as f64 / 1000.0).round() as u64
                };
                write(&mut self.out, duration_at, time, value)?;
            }
            b"tfdt" if self.writing => {
                let start = self.start(self.seen);
                write(&mut self.out, data + 4, time, start)?;
            }
            b"trun" => {
                // Optional fields after the count: a data offset, the first sample's flags;
                // then per sample: duration, size, flags, composition offset, each if flagged.
                let flags = read(&self.out, data, 4)?;
                if flags & 0x100 == 0 {
                    return Err(Unsupported);
                }
                let count = read(&self.out, data + 4, 4)? as usize;
                let first = data + 8 + 4 * ((flags & 1) + (flags >> 2 & 1)) as usize;
                let stride = 4 * (flags >> 8 & 0xF).count_ones() as usize;
                if count > end.saturating_sub(first) / stride {
                    return Err(Malformed);
                }
                if self.writing {
                    for k in 0..count {
                        let i = self.seen + k;
                        let duration = self.start(i + 1) - self.start(i);
                        write(&mut self.out, first + k * stride, 4, duration)?;
                    }
                }
                self.seen += count;
            }
            // The random-access index (optional; players find fragments without it) would
            // still hold the recorder's times: it becomes free space rather than be rewritten.
            b"mfra" if self.writing => self.out[at + 4..at + 8].copy_from_slice(b"free"),
            _ => {}
        }
        Ok(())
    }
}

/// `file` with its samples restamped on the plan of `frames` frames of `frame_ms` each
/// (see [`planned_start`]): sample durations, each fragment's decode time and the movie's,
/// track's and media's durations; the random-access index becomes free space. Nothing moves.
pub fn retime(file: &[u8], frames: u32, frame_ms: f64) -> Result<Vec<u8>, Mp4Error> {
    let mut w = Walk {
        out: file.to_vec(),
        writing: false,
        frames,
        frame_ms,
        seen: 0,
        samples: 0,
        tracks: 0,
        movie_scale: 0,
        media_scale: 0,
        fragments: 0,
    };
    w.walk(0, file.len())?;
    if w.tracks != 1 || w.fragments == 0 || w.seen == 0 {
        return Err(Unsupported);
    }
    if w.movie_scale == 0 || w.media_scale == 0 {
        return Err(Malformed);
    }
    (w.samples, w.seen, w.writing) = (w.seen, 0, true);
    w.walk(0, file.len())?;
    Ok(w.out)
}
