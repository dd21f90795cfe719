//! Every string the recording UI shows, in one place (the i18n work moves them into its
//! catalogue).

pub const LEGEND: &str = "Video for slides";
pub const RECORD: &str = "Record";
pub const RECORD_TITLE: &str =
    "Render the run's playback (z chart, losses, caption) to a video file for slides";
pub const CANCEL: &str = "Cancel";
pub const STILL: &str = "Last frame (PNG)";
pub const SIZE: &str = "Video size";
pub const NO_RUN: &str = "Compute a run first.";
pub const NO_RECORDER: &str = "This browser cannot record video: it has no MediaRecorder.";
pub const NO_CAPTURE: &str = "This browser cannot record video: it cannot capture a canvas.";
pub const NO_TYPE: &str =
    "This browser cannot record video: its MediaRecorder writes neither MP4 (H.264) nor WebM.";
pub const EMPTY: &str = "the recorder returned no video";
pub const CANCELLED: &str = "Recording cancelled.";

/// The caption strip's epoch counter.
pub fn epoch(at: String, of: String) -> String {
    format!("epoch {at} of {of}")
}

/// The progress bar's text.
pub fn progress(done: u32, frames: u32) -> String {
    format!("Recording: frame {done} of {frames}")
}

/// A finished recording.
pub fn saved(name: &str) -> String {
    format!("Saved {name}.")
}

/// A recording that failed.
pub fn failed(why: &str) -> String {
    format!("Recording failed: {why}")
}
