//! What a recording of a run's playback holds, as data: its sizes, its frames and which picture
//! each frame shows, the file types tried, the file's name. The page renders the frames
//! (`ui::record`); everything here is decided natively and tested.

/// Frames per second of a recording.
pub const FPS: u32 = 30;

/// The sizes a recording can have: (width, height, menu label).
pub const SIZES: [(u32, u32, &str); 2] = [(1280, 720, "1280×720"), (1920, 1080, "1920×1080")];

/// The file types asked of MediaRecorder, best first: H.264 in MP4 (PowerPoint and Keynote play
/// it; a bare `video/mp4` may mean VP9, which they do not), then WebM.
pub const TYPES: [&str; 6] = [
    "video/mp4;codecs=avc1.640028",
    "video/mp4;codecs=avc1.42E028",
    "video/mp4;codecs=avc1",
    "video/webm;codecs=vp9",
    "video/webm;codecs=vp8",
    "video/webm",
];

/// Where the parts of a frame sit on a `w`×`h` picture: the caption strip on top, the z chart
/// on the left, the loss chart on the right, each (x, y, width, height).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    /// The caption strip.
    pub caption: (f64, f64, f64, f64),
    /// Chart 1, z against z0.
    pub z: (f64, f64, f64, f64),
    /// Chart 2, the losses.
    pub loss: (f64, f64, f64, f64),
}

impl Layout {
    /// The layout of a `w`×`h` frame.
    pub fn of(w: u32, h: u32) -> Self {
        let (w, h) = (f64::from(w), f64::from(h));
        let top = (h * 0.1).round();
        let split = (w * 0.58).round();
        Self {
            caption: (0.0, 0.0, w, top),
            z: (0.0, top, split, h - top),
            loss: (split, top, w - split, h - top),
        }
    }
}

/// Frames of a recording `seconds` long.
pub fn frame_count(seconds: u32) -> u32 {
    (seconds * FPS).max(2)
}

/// The epoch frame `k` of `frames` shows, for a run of `epochs` epochs: k·E/(F − 1), so the
/// first frame shows epoch 0 and the last the finished run, each frame held 1/FPS s (the file
/// lasts exactly F/FPS s).
pub fn frame_epoch(k: u32, frames: u32, epochs: u64) -> u64 {
    let last = u64::from(frames.max(2) - 1);
    (u64::from(k.min(frames)) * epochs / last).min(epochs)
}

/// The snapshot frame `k` shows (`None`: the finished run), given the epochs of the run's
/// snapshots in order: the last one at or before the frame's epoch.
pub fn frame_step(k: u32, frames: u32, epochs: u64, snapshots: &[u64]) -> Option<usize> {
    if k + 1 >= frames {
        return None;
    }
    let at = frame_epoch(k, frames, epochs);
    Some(snapshots.partition_point(|&e| e <= at).saturating_sub(1))
}

/// When frame `k` is due, in ms from the recording's start.
pub fn frame_due_ms(k: u32) -> f64 {
    f64::from(k) * 1000.0 / f64::from(FPS)
}

/// The file's extension for the type the recorder used.
pub fn extension(mime: &str) -> &'static str {
    if mime.starts_with("video/mp4") {
        "mp4"
    } else {
        "webm"
    }
}

/// The file's name: `reglab-mu0.1-3s-1280x720.mp4`.
pub fn file_name(mu: &str, seconds: u32, (w, h): (u32, u32), mime: &str) -> String {
    format!("reglab-mu{mu}-{seconds}s-{w}x{h}.{}", extension(mime))
}

/// The last frame's PNG: `reglab-mu0.1-last-frame-1280x720.png`.
pub fn still_name(mu: &str, (w, h): (u32, u32)) -> String {
    format!("reglab-mu{mu}-last-frame-{w}x{h}.png")
}

/// When the `i`-th of `n` recorded frames starts on the plan of `frames` frames, in frame
/// periods (1/FPS s). A recorder may hand back more frames than planned (the finished run is
/// sent more than once, so that a busy encoder cannot drop the picture a slide ends on) or
/// fewer (a dropped frame): the frames from the plan's last one on share the last period, so a
/// file lasts at most `frames` periods and ends on the finished run; with fewer, each keeps one
/// period.
pub fn planned_start(i: usize, n: usize, frames: u32) -> f64 {
    let last = frames.max(1) as usize - 1;
    if i <= last || n <= last + 1 {
        i as f64
    } else {
        last as f64 + (i - last) as f64 / (n - last) as f64
    }
}

/// How long `n` recorded frames last on the plan of `frames` frames, in frame periods.
pub fn planned_length(n: usize, frames: u32) -> f64 {
    n.min(frames as usize) as f64
}
