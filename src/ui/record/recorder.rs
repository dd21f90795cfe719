//! The browser's side of a recording: whether it can record a canvas at all, and a MediaRecorder
//! fed one frame at a time from a canvas' stream. No Rust closures are handed to the browser:
//! the recorder's `dataavailable` and `stop` events resolve promises, so nothing outlives a
//! recording but what its owner keeps.

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{BlobEvent, HtmlCanvasElement, MediaRecorder, MediaRecorderOptions, MediaStream};

use super::clock;
use crate::i18n::t;
use crate::view::video::TYPES;

fn js(e: JsValue) -> String {
    crate::ui::js_error::js_error(&e)
}

/// Whether `object` has a function named `name` (asking before calling: a missing API would
/// throw out of the wasm call).
fn has_fn(object: &JsValue, name: &str) -> bool {
    Reflect::get(object, &name.into()).is_ok_and(|f| f.is_function())
}

/// The file type this browser records a canvas to (the first of [`TYPES`] it supports), or
/// why it cannot record at all.
pub fn supported_type() -> Result<&'static str, &'static str> {
    let window = web_sys::window().ok_or(t().record.no_recorder)?;
    let recorder = Reflect::get(&window, &"MediaRecorder".into()).unwrap_or(JsValue::UNDEFINED);
    if !recorder.is_function() || !has_fn(&recorder, "isTypeSupported") {
        return Err(t().record.no_recorder);
    }
    let canvas_proto = Reflect::get(&window, &"HTMLCanvasElement".into())
        .and_then(|c| Reflect::get(&c, &"prototype".into()))
        .unwrap_or(JsValue::UNDEFINED);
    if !has_fn(&canvas_proto, "captureStream") {
        return Err(t().record.no_capture);
    }
    // A type the recorder writes but the same browser cannot play back is no use (WebKitGTK
    // records H.264 MP4 where its player may lack the decoder): ask the player too.
    let video = window
        .document()
        .and_then(|d| d.create_element("video").ok());
    let plays = |mime: &str| {
        video.as_ref().is_some_and(|v| {
            Reflect::get(v, &"canPlayType".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .and_then(|f| f.call1(v, &mime.into()).ok())
                .and_then(|answer| answer.as_string())
                .is_some_and(|answer| !answer.is_empty())
        })
    };
    TYPES
        .into_iter()
        .find(|mime| MediaRecorder::is_type_supported(mime) && plays(mime))
        .ok_or(t().record.no_type)
}

/// A MediaRecorder on a canvas' stream, fed by [`Recorder::frame`].
pub struct Recorder {
    recorder: MediaRecorder,
    stream: MediaStream,
    /// Sends the canvas' picture as a frame: `request` called on `track`.
    track: JsValue,
    request: js_sys::Function,
    /// Resolves with the recording (the one `dataavailable`: no timeslice is asked for).
    data: Promise,
    /// Resolves with the `stop` event.
    stopped: Promise,
}

impl Recorder {
    /// Starts recording `canvas` as `mime`; frames are sent only by [`Recorder::frame`].
    pub fn start(canvas: &HtmlCanvasElement, mime: &str) -> Result<Self, String> {
        // Rate 0: the stream carries a frame only when asked, so each drawn frame is one frame.
        let stream = canvas
            .capture_stream_with_frame_request_rate(0.0)
            .map_err(js)?;
        // The spec's requestFrame is on the track (Chromium, WebKit); Firefox has it on the stream.
        let track: JsValue = stream.get_video_tracks().get(0);
        let track = if has_fn(&track, "requestFrame") {
            track
        } else if has_fn(&stream, "requestFrame") {
            stream.clone().into()
        } else {
            return Err(t().record.no_capture.into());
        };
        let request: js_sys::Function = Reflect::get(&track, &"requestFrame".into())
            .map_err(js)?
            .unchecked_into();
        let options = MediaRecorderOptions::new();
        options.set_mime_type(mime);
        // Charts are flat colour and thin lines: a generous rate keeps them sharp.
        options.set_video_bits_per_second(8_000_000);
        let recorder =
            MediaRecorder::new_with_media_stream_and_media_recorder_options(&stream, &options)
                .map_err(js)?;
        let data = Promise::new(&mut |resolve, _| recorder.set_ondataavailable(Some(&resolve)));
        let stopped = Promise::new(&mut |resolve, _| recorder.set_onstop(Some(&resolve)));
        recorder.start().map_err(js)?;
        // Paused between frames (see `frame`).
        recorder.pause().map_err(js)?;
        Ok(Self {
            recorder,
            stream,
            track,
            request,
            data,
            stopped,
        })
    }

    /// The type the recorder writes (it may add codec details to the one asked for).
    pub fn mime(&self) -> String {
        let m = self.recorder.mime_type();
        if m.is_empty() {
            "video/webm".into()
        } else {
            m
        }
    }

    /// Records what the canvas shows now for `ms` of the file's time: resumes the recorder, sends
    /// the frame, waits, pauses again. A paused recorder's clock stands still, so drawing the
    /// next frame (which may take longer than a frame on a slow or busy machine) adds nothing to
    /// the file's length. The picture is sent `sends` times spread over its `ms` (the same
    /// picture): Chromium's encoder drops a frame that arrives while it is busy, and the last one
    /// must not be lost; the extra copies are restamped into the last frame's time afterwards
    /// (`view::mp4`, `view::webm`). Returns the time actually recorded (the page's clock).
    pub async fn frame(&self, ms: f64, sends: u32) -> f64 {
        let resumed = clock::now();
        let _ = self.recorder.resume();
        let _ = self.request.call0(&self.track);
        for k in 1..sends {
            clock::sleep_until(resumed + ms * f64::from(k) / f64::from(sends)).await;
            let _ = self.request.call0(&self.track);
        }
        clock::sleep_until(resumed + ms).await;
        let _ = self.recorder.pause();
        clock::now() - resumed
    }

    /// A handle that stops the recording (for Cancel).
    pub fn stopper(&self) -> MediaRecorder {
        self.recorder.clone()
    }

    /// Stops (if still recording) and waits for the `stop` event; its time on the page's clock.
    pub async fn stop(&self) -> f64 {
        if self.recorder.state() != web_sys::RecordingState::Inactive {
            let _ = self.recorder.stop();
        }
        let event = JsFuture::from(self.stopped.clone()).await;
        event
            .ok()
            .and_then(|e| e.dyn_into::<web_sys::Event>().ok())
            .map_or_else(clock::now, |e| e.time_stamp())
    }

    /// The recorded file's bytes (after [`Recorder::stop`]).
    pub async fn bytes(&self) -> Result<Vec<u8>, String> {
        let event: BlobEvent = JsFuture::from(self.data.clone())
            .await
            .map_err(js)?
            .dyn_into()
            .map_err(|_| t().record.empty.to_string())?;
        let blob = event.data().ok_or(t().record.empty)?;
        let buffer = JsFuture::from(blob.array_buffer()).await.map_err(js)?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

impl Drop for Recorder {
    /// Lets the browser free the recorder and the stream: no handler keeps them, the capture
    /// track ends.
    fn drop(&mut self) {
        self.recorder.set_ondataavailable(None);
        self.recorder.set_onstop(None);
        if self.recorder.state() != web_sys::RecordingState::Inactive {
            let _ = self.recorder.stop();
        }
        let tracks = self.stream.get_tracks();
        for t in tracks.iter() {
            if let Ok(t) = t.dyn_into::<web_sys::MediaStreamTrack>() {
                t.stop();
            }
        }
    }
}
