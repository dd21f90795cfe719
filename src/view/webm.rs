//! Fixing a recorder's WebM after recording, in place.
//! - [`with_duration`]: Chromium's MediaRecorder streams WebM as it records, so its Segment Info
//!   never gets a Duration (Firefox writes 0): a `<video>` reports Infinity and players show no
//!   length or cannot seek. This adds the Duration element (or overwrites one).
//! - [`retime`]: recorders stamp frames with the wall clock, and Firefox's keeps counting while
//!   paused (a 1 s recording lasted 1.38 s), and every recorder stamps a frame that reached it
//!   late (a slow machine) late. Frames are rendered on a fixed plan (frame k shows epoch
//!   k·E/(F − 1)), so they are stamped on it too: frame k at k/FPS s (see `view::mp4` for MP4).
//!
//! EBML in brief: every element is an ID (a variable-length integer that keeps its length marker),
//! a size (a variable-length integer; all value bits set means "unknown"), then its data.

use super::video::planned_start;

/// EBML header, Segment, Segment Info, Duration, TimecodeScale, SeekHead, Cues, Cluster.
const EBML: u64 = 0x1A45_DFA3;
const SEGMENT: u64 = 0x1853_8067;
const INFO: u64 = 0x1549_A966;
const DURATION: u64 = 0x4489;
const TIMECODE_SCALE: u64 = 0x2A_D7B1;
const SEEK_HEAD: u64 = 0x114D_9B74;
const CUES: u64 = 0x1C53_BB6B;
const CLUSTER: u64 = 0x1F43_B675;
const TIMECODE: u64 = 0xE7;
const SIMPLE_BLOCK: u64 = 0xA3;
const BLOCK_GROUP: u64 = 0xA0;
const BLOCK: u64 = 0xA1;
/// The Segment's other children: where a Cluster of unknown size ends.
const TOP_LEVEL: [u64; 7] = [
    CLUSTER,
    CUES,
    SEEK_HEAD,
    INFO,
    0x1654_AE6B,
    0x1254_C367,
    0x1043_A770,
];

/// Why a file's duration could not be written (the file is then saved as recorded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebmError {
    /// Not EBML, or an element runs past the end of the file.
    Malformed,
    /// No Segment Info before the first Cluster.
    NoInfo,
    /// A SeekHead or Cues hold byte positions that growing the Info would invalidate (a recorder's
    /// live stream has neither).
    HasIndex,
}

/// One element header: where its data starts and its size (`None`: unknown).
struct Header {
    id: u64,
    size_at: usize,
    size_len: usize,
    data_at: usize,
    size: Option<u64>,
}

/// A variable-length integer at `at`: (value with the marker bit, value without it, length).
fn vint(b: &[u8], at: usize) -> Result<(u64, u64, usize), WebmError> {
    let first = *b.get(at).ok_or(WebmError::Malformed)?;
    let len = first.leading_zeros() as usize + 1;
    if len > 8 || at + len > b.len() {
        return Err(WebmError::Malformed);
    }
    let raw = uint(&b[at..at + len]);
    // The length marker is bit 7·len; the value is the bits below it.
    let value = raw & ((1u64 << (7 * len)) - 1);
    Ok((raw, value, len))
}

fn header(b: &[u8], at: usize) -> Result<Header, WebmError> {
    let (id, _, id_len) = vint(b, at)?;
    let size_at = at + id_len;
    let (_, size, size_len) = vint(b, size_at)?;
    let unknown = size == (1u64 << (7 * size_len)) - 1;
    Ok(Header {
        id,
        size_at,
        size_len,
        data_at: size_at + size_len,
        size: (!unknown).then_some(size),
    })
}

/// `value` as a size field `len` bytes long, if it fits (all-ones would read as "unknown").
fn encode_size(value: u64, len: usize) -> Option<Vec<u8>> {
    if len == 0 || len > 8 || value >= (1u64 << (7 * len)) - 1 {
        return None;
    }
    let marked = value | (1u64 << (7 * len));
    Some(marked.to_be_bytes()[8 - len..].to_vec())
}

/// A big-endian unsigned integer element's value.
fn uint(data: &[u8]) -> u64 {
    data.iter().fold(0u64, |v, &x| (v << 8) | u64::from(x))
}

/// The Segment's header, after the EBML header.
fn segment(file: &[u8]) -> Result<Header, WebmError> {
    let ebml = header(file, 0)?;
    if ebml.id != EBML {
        return Err(WebmError::Malformed);
    }
    let size = ebml.size.ok_or(WebmError::Malformed)? as usize;
    let segment = header(file, ebml.data_at + size)?;
    if segment.id != SEGMENT {
        return Err(WebmError::Malformed);
    }
    Ok(segment)
}

/// The Segment Info and what is read from it.
struct Info {
    /// The Segment's header (its size grows with the Info's).
    segment: Header,
    /// The Info's header.
    header: Header,
    /// TimecodeScale in ns (1 ms when absent).
    scale: u64,
    /// The Duration's data (position, length), if written.
    duration: Option<(usize, usize)>,
}

/// `file`'s Segment Info. `growing`: the Info is to grow, so a SeekHead or Cues before it,
/// whose byte positions that would shift, is refused (an empty SeekHead, as Firefox writes,
/// holds none).
fn info(file: &[u8], growing: bool) -> Result<Info, WebmError> {
    let segment = segment(file)?;
    let mut at = segment.data_at;
    let header = loop {
        let h = header(file, at)?;
        match h.id {
            INFO => break h,
            CLUSTER => return Err(WebmError::NoInfo),
            SEEK_HEAD | CUES if growing && h.size != Some(0) => return Err(WebmError::HasIndex),
            _ => {}
        }
        at = h.data_at + h.size.ok_or(WebmError::NoInfo)? as usize;
    };
    let end = header.data_at + header.size.ok_or(WebmError::Malformed)? as usize;
    if end > file.len() {
        return Err(WebmError::Malformed);
    }
    let (mut scale, mut duration) = (1_000_000u64, None);
    let mut child = header.data_at;
    while child < end {
        let h = self::header(file, child)?;
        let size = h.size.ok_or(WebmError::Malformed)? as usize;
        let data = file
            .get(h.data_at..h.data_at + size)
            .ok_or(WebmError::Malformed)?;
        match h.id {
            TIMECODE_SCALE => scale = uint(data).max(1),
            DURATION => duration = Some((h.data_at, size)),
            _ => {}
        }
        child = h.data_at + size;
    }
    Ok(Info {
        segment,
        header,
        scale,
        duration,
    })
}

/// `file` (a WebM recording) with its Segment Info's Duration set to `duration_ms`.
pub fn with_duration(file: &[u8], duration_ms: f64) -> Result<Vec<u8>, WebmError> {
    let Info {
        segment,
        header: info,
        scale,
        duration,
    } = info(file, true)?;
    // Duration counts TimecodeScale units.
    let units = duration_ms * 1e6 / scale as f64;
    let mut out = file.to_vec();
    if let Some((data_at, size)) = duration {
        match size {
            4 => out[data_at..data_at + 4].copy_from_slice(&(units as f32).to_be_bytes()),
            8 => out[data_at..data_at + 8].copy_from_slice(&units.to_be_bytes()),
            _ => return Err(WebmError::Malformed),
        }
        return Ok(out);
    }
    let info_size = info.size.ok_or(WebmError::Malformed)? as usize;
    let info_end = info.data_at + info_size;
    let mut element = vec![0x44, 0x89, 0x88];
    element.extend_from_slice(&units.to_be_bytes());
    let new_size = (info_size + element.len()) as u64;
    let size_field = encode_size(new_size, info.size_len)
        .or_else(|| encode_size(new_size, 8))
        .ok_or(WebmError::Malformed)?;
    let grown = element.len() + size_field.len() - info.size_len;
    out.splice(info_end..info_end, element);
    out.splice(info.size_at..info.data_at, size_field);
    if let Some(size) = segment.size {
        let field =
            encode_size(size + grown as u64, segment.size_len).ok_or(WebmError::Malformed)?;
        out.splice(segment.size_at..segment.data_at, field);
    }
    Ok(out)
}

/// The Duration written in `file`'s Segment Info, in ms (for tests and checks).
pub fn duration_ms(file: &[u8]) -> Option<f64> {
    let info = info(file, false).ok()?;
    let (at, len) = info.duration?;
    let units = match len {
        4 => f64::from(f32::from_be_bytes(file[at..at + 4].try_into().ok()?)),
        8 => f64::from_be_bytes(file[at..at + 8].try_into().ok()?),
        _ => return None,
    };
    Some(units * info.scale as f64 / 1e6)
}

/// Where each Cluster's Timecode and each of its frames' relative timecodes sit in `file`.
struct Cluster {
    /// The Timecode's data (position, length).
    timecode: Option<(usize, usize)>,
    /// Each frame's Block header: the position of its 16-bit relative timecode.
    frames: Vec<usize>,
}

/// The Clusters of `file`, in order (`Err` where it is not a WebM it understands).
fn clusters(file: &[u8]) -> Result<Vec<Cluster>, WebmError> {
    let segment = segment(file)?;
    let (mut out, mut at) = (Vec::new(), segment.data_at);
    let end = segment
        .size
        .map_or(file.len(), |s| segment.data_at + s as usize)
        .min(file.len());
    while at < end {
        let h = header(file, at)?;
        if h.id != CLUSTER {
            at = h.data_at + h.size.ok_or(WebmError::Malformed)? as usize;
            continue;
        }
        let stop = h.size.map_or(end, |s| h.data_at + s as usize);
        let mut cluster = Cluster {
            timecode: None,
            frames: Vec::new(),
        };
        let mut child = h.data_at;
        while child < stop {
            let c = header(file, child)?;
            if h.size.is_none() && TOP_LEVEL.contains(&c.id) {
                break;
            }
            let size = c.size.ok_or(WebmError::Malformed)? as usize;
            match c.id {
                _ if c.data_at + size > file.len() => return Err(WebmError::Malformed),
                TIMECODE => cluster.timecode = Some((c.data_at, size)),
                SIMPLE_BLOCK => cluster.frames.push(block_time_at(file, c.data_at)?),
                BLOCK_GROUP => {
                    let b = header(file, c.data_at)?;
                    if b.id == BLOCK {
                        cluster.frames.push(block_time_at(file, b.data_at)?);
                    }
                }
                _ => {}
            }
            child = c.data_at + size;
        }
        at = child;
        out.push(cluster);
    }
    Ok(out)
}

/// A Block's relative timecode follows its track number (a variable-length integer).
fn block_time_at(file: &[u8], data_at: usize) -> Result<usize, WebmError> {
    let (_, _, track_len) = vint(file, data_at)?;
    let at = data_at + track_len;
    (at + 2 <= file.len())
        .then_some(at)
        .ok_or(WebmError::Malformed)
}

/// `file` with its frames (in file order, counted over all Clusters) stamped on the plan of
/// `frames` frames of `frame_ms` each (frame k at k·`frame_ms`; see [`planned_start`] for more
/// or fewer frames than planned), each Cluster at its first frame's time. Timecodes are
/// rewritten in place, so no byte moves; a file whose fields cannot hold the new times is
/// refused, not broken.
pub fn retime(file: &[u8], frames: u32, frame_ms: f64) -> Result<Vec<u8>, WebmError> {
    let mut out = file.to_vec();
    let mut k = 0usize;
    // Timecodes count TimecodeScale units (1 ms in every recorder's file, but read it).
    let unit_ms = info(file, false).map_or(1_000_000, |i| i.scale) as f64 / 1e6;
    let frame = frame_ms / unit_ms;
    let clusters = clusters(file)?;
    let n = clusters.iter().map(|c| c.frames.len()).sum();
    let at_plan = |k: usize| (planned_start(k, n, frames) * frame).round() as u64;
    for cluster in clusters {
        let first = at_plan(k);
        if let Some((at, len)) = cluster.timecode {
            if len == 0 || len > 8 || (len < 8 && first >> (8 * len) != 0) {
                return Err(WebmError::Malformed);
            }
            out[at..at + len].copy_from_slice(&first.to_be_bytes()[8 - len..]);
        }
        for at in cluster.frames {
            let rel = at_plan(k) - first;
            let rel = i16::try_from(rel).map_err(|_| WebmError::Malformed)?;
            out[at..at + 2].copy_from_slice(&rel.to_be_bytes());
            k += 1;
        }
    }
    Ok(out)
}

/// Each frame's time in TimecodeScale units (ms in a recorder's file), in file order (for tests
/// and checks).
pub fn frame_times_ms(file: &[u8]) -> Option<Vec<i64>> {
    let mut times = Vec::new();
    for cluster in clusters(file).ok()? {
        let base = cluster
            .timecode
            .map_or(0, |(at, len)| uint(&file[at..at + len]) as i64);
        for at in cluster.frames {
            times.push(base + i64::from(i16::from_be_bytes([file[at], file[at + 1]])));
        }
    }
    Some(times)
}
