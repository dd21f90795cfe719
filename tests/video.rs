//! The recording's plan (frames, epochs, layout, names) and the WebM duration patch, natively.

use reglab::view::video::{
    extension, file_name, frame_count, frame_due_ms, frame_epoch, frame_step, planned_length,
    planned_start, still_name, Layout, FPS,
};
use reglab::view::webm::{duration_ms, frame_times_ms, retime, with_duration, WebmError};

/// An element: ID bytes, a size field, the data.
fn el(id: &[u8], size: &[u8], data: &[u8]) -> Vec<u8> {
    [id, size, data].concat()
}

/// An element with a 1-byte size (data < 127 bytes).
fn small(id: &[u8], data: &[u8]) -> Vec<u8> {
    el(id, &[0x80 | data.len() as u8], data)
}

const UNKNOWN: [u8; 8] = [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];

/// A file shaped like Chromium's MediaRecorder output: EBML header, a Segment of unknown size
/// holding Info (TimecodeScale, MuxingApp, WritingApp, no Duration), Tracks and a Cluster of
/// unknown size.
fn chromium_like(info_extra: &[u8], segment_size: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let header = small(&[0x1A, 0x45, 0xDF, 0xA3], &small(&[0x42, 0x82], b"webm"));
    let info = [
        small(&[0x2A, 0xD7, 0xB1], &[0x0F, 0x42, 0x40]),
        small(&[0x4D, 0x80], b"Chrome"),
        small(&[0x57, 0x41], b"Chrome"),
        info_extra.to_vec(),
    ]
    .concat();
    let tracks = small(
        &[0x16, 0x54, 0xAE, 0x6B],
        &small(&[0xAE], &[0xD7, 0x81, 0x01]),
    );
    let cluster = el(
        &[0x1F, 0x43, 0xB6, 0x75],
        &UNKNOWN,
        &[0xE7, 0x81, 0x00, 0xA3, 0x84, 1, 2, 3, 4],
    );
    let tail = [tracks, cluster].concat();
    let body = [small(&[0x15, 0x49, 0xA9, 0x66], &info), tail.clone()].concat();
    let size = if segment_size.is_empty() {
        let mut s = vec![0x01, 0, 0, 0, 0, 0, 0, 0];
        s[1..].copy_from_slice(&(body.len() as u64).to_be_bytes()[1..]);
        s
    } else {
        segment_size.to_vec()
    };
    (
        [header, el(&[0x18, 0x53, 0x80, 0x67], &size, &body)].concat(),
        tail,
    )
}

#[test]
fn a_recording_without_duration_gets_one_and_keeps_everything_else() {
    let (file, tail) = chromium_like(&[], &UNKNOWN);
    assert_eq!(duration_ms(&file), None);
    let fixed = with_duration(&file, 3000.0).unwrap();
    assert_eq!(duration_ms(&fixed), Some(3000.0));
    assert_eq!(fixed.len(), file.len() + 11);
    assert!(fixed.ends_with(&tail), "tracks and clusters are untouched");
    // Patching twice overwrites the first value instead of adding a second element.
    let again = with_duration(&fixed, 1234.5).unwrap();
    assert_eq!(again.len(), fixed.len());
    assert_eq!(duration_ms(&again), Some(1234.5));
}

#[test]
fn a_known_segment_size_and_a_full_info_size_field_grow_with_it() {
    // Info data of 120 bytes: + 11 no longer fits a 1-byte size (max 126), which becomes 8 bytes.
    let pad = small(&[0xEC], &[0u8; 99]);
    let (file, tail) = chromium_like(&pad, &[]);
    let fixed = with_duration(&file, 10_000.0).unwrap();
    assert_eq!(duration_ms(&fixed), Some(10_000.0));
    assert_eq!(fixed.len(), file.len() + 11 + 7);
    assert!(fixed.ends_with(&tail));
    // The Segment's size says exactly how many bytes follow it.
    let seg_size_at = 4 + 1 + 7 + 4; // after the EBML header and the Segment ID
    let size = u64::from_be_bytes(fixed[seg_size_at..seg_size_at + 8].try_into().unwrap())
        & 0x00FF_FFFF_FFFF_FFFF;
    assert_eq!(size as usize, fixed.len() - seg_size_at - 8);
}

#[test]
fn files_it_cannot_patch_are_refused_not_broken() {
    assert_eq!(with_duration(b"not a webm", 1.0), Err(WebmError::Malformed));
    assert_eq!(with_duration(&[], 1.0), Err(WebmError::Malformed));
    let (file, _) = chromium_like(&[], &UNKNOWN);
    for cut in [3, 20, 40] {
        assert!(with_duration(&file[..cut], 1.0).is_err());
    }
    // A SeekHead holds byte positions that a longer Info would shift.
    let header = small(&[0x1A, 0x45, 0xDF, 0xA3], &[]);
    let seek = small(
        &[0x11, 0x4D, 0x9B, 0x74],
        &small(&[0x4D, 0xBB], &[0x53, 0xAC, 0x81, 0x10]),
    );
    let indexed = [header, el(&[0x18, 0x53, 0x80, 0x67], &UNKNOWN, &seek)].concat();
    assert_eq!(with_duration(&indexed, 1.0), Err(WebmError::HasIndex));
}

#[test]
fn frames_run_from_epoch_zero_to_the_finished_run_at_thirty_per_second() {
    let frames = frame_count(3);
    assert_eq!(frames, 90);
    assert_eq!(FPS, 30);
    assert_eq!(frame_epoch(0, frames, 25_000), 0);
    assert_eq!(frame_epoch(frames - 1, frames, 25_000), 25_000);
    assert_eq!(frame_epoch(1, frames, 25_000), 25_000 / 89);
    // The file lasts frames / FPS: the last frame is due one frame before the end.
    assert_eq!(frame_due_ms(frames), 3000.0);
    // Snapshots every 100 epochs: a frame shows the last one at or before its epoch.
    let snaps: Vec<u64> = (0..=250).map(|i| i * 100).collect();
    assert_eq!(frame_step(0, frames, 25_000, &snaps), Some(0));
    assert_eq!(frame_step(1, frames, 25_000, &snaps), Some(2)); // epoch 280 → snapshot 200
    assert_eq!(frame_step(frames - 1, frames, 25_000, &snaps), None);
    let steps: Vec<_> = (0..frames)
        .map(|k| frame_step(k, frames, 25_000, &snaps))
        .collect();
    assert!(steps.windows(2).all(|w| w[0] <= w[1] || w[1].is_none()));
}

#[test]
fn layout_names_and_types() {
    let l = Layout::of(1280, 720);
    assert_eq!(l.caption, (0.0, 0.0, 1280.0, 72.0));
    assert_eq!(l.z.2 + l.loss.2, 1280.0);
    assert_eq!(l.z.1 + l.z.3, 720.0);
    assert_eq!(extension("video/mp4;codecs=avc1.640028"), "mp4");
    assert_eq!(extension("video/webm;codecs=vp9"), "webm");
    assert_eq!(
        file_name("0.1", 3, (1280, 720), "video/mp4"),
        "reglab-mu0.1-3s-1280x720.mp4"
    );
    assert_eq!(
        still_name("0.1", (1920, 1080)),
        "reglab-mu0.1-last-frame-1920x1080.png"
    );
}

/// A SimpleBlock of track 1 at `rel` ms into its Cluster.
fn block(rel: i16) -> Vec<u8> {
    let r = rel.to_be_bytes();
    small(&[0xA3], &[0x81, r[0], r[1], 0x80, 0xAB, 0xCD])
}

/// A file shaped like Firefox's MediaRecorder output: an empty SeekHead, Info with a Duration of
/// 0, a Cluster of unknown size whose frames are stamped by a wall clock that ran on while the
/// recorder was paused (≈ 42 ms apart where 33.3 were asked), then a second Cluster of known
/// size with a 2-byte Timecode.
fn firefox_like() -> Vec<u8> {
    let header = small(&[0x1A, 0x45, 0xDF, 0xA3], &small(&[0x42, 0x82], b"webm"));
    let seek = small(&[0x11, 0x4D, 0x9B, 0x74], &[]);
    let info = small(
        &[0x15, 0x49, 0xA9, 0x66],
        &[
            small(&[0x2A, 0xD7, 0xB1], &[0x0F, 0x42, 0x40]),
            el(&[0x44, 0x89], &[0x88], &[0; 8]),
        ]
        .concat(),
    );
    let tracks = small(
        &[0x16, 0x54, 0xAE, 0x6B],
        &small(&[0xAE], &[0xD7, 0x81, 0x01]),
    );
    let first: Vec<u8> = [0, 62, 102, 144, 184].into_iter().flat_map(block).collect();
    let cluster1 = el(
        &[0x1F, 0x43, 0xB6, 0x75],
        &UNKNOWN,
        &[vec![0xE7, 0x81, 0x00], first].concat(),
    );
    let second: Vec<u8> = [0, 41, 93].into_iter().flat_map(block).collect();
    let cluster2 = small(
        &[0x1F, 0x43, 0xB6, 0x75],
        &[vec![0xE7, 0x82, 0x00, 0xF5], second].concat(),
    );
    let body = [seek, info, tracks, cluster1, cluster2].concat();
    [header, el(&[0x18, 0x53, 0x80, 0x67], &UNKNOWN, &body)].concat()
}

#[test]
fn frames_are_restamped_on_the_plan_in_place() {
    let file = firefox_like();
    assert_eq!(
        frame_times_ms(&file),
        Some(vec![0, 62, 102, 144, 184, 245, 286, 338])
    );
    let frame = 1000.0 / f64::from(FPS);
    let fixed = retime(&file, 8, frame).unwrap();
    assert_eq!(fixed.len(), file.len(), "nothing moves");
    let want: Vec<i64> = (0..8)
        .map(|k| (f64::from(k) * frame).round() as i64)
        .collect();
    assert_eq!(frame_times_ms(&fixed), Some(want));
    // Only timecodes changed: the frames' data and flags are untouched.
    let differing = file.iter().zip(&fixed).filter(|(a, b)| a != b).count();
    assert!(differing <= 2 * 8 + 2, "{differing} bytes changed");
    // Firefox's empty SeekHead holds no positions: its Duration of 0 is overwritten.
    assert_eq!(duration_ms(&fixed), Some(0.0));
    let done = with_duration(&fixed, 8.0 * frame).unwrap();
    assert_eq!(duration_ms(&done), Some(8.0 * frame));
    assert_eq!(frame_times_ms(&done), frame_times_ms(&fixed));
}

#[test]
fn restamping_refuses_what_does_not_fit() {
    // A frame's time relative to its Cluster is 16 bits: 40 s apart does not fit.
    let file = firefox_like();
    assert_eq!(retime(&file, 8, 40_000.0), Err(WebmError::Malformed));
    assert_eq!(retime(b"not a webm", 8, 33.3), Err(WebmError::Malformed));
    // A cut file is refused or restamped up to the cut, never a panic.
    for cut in 0..file.len() {
        if let Ok(out) = retime(&file[..cut], 8, 33.3) {
            assert_eq!(out.len(), cut);
        }
    }
}

#[test]
fn frames_past_the_plan_share_its_last_period_and_a_short_file_keeps_one_each() {
    // The finished run sent thrice (two frames more than the 6 planned): the last three share
    // the last period, so the file still lasts 6 periods and ends on the finished run.
    let starts: Vec<f64> = (0..8).map(|i| planned_start(i, 8, 6)).collect();
    assert_eq!(&starts[..6], &[0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
    assert!((starts[6] - (5.0 + 1.0 / 3.0)).abs() < 1e-12);
    assert!((starts[7] - (5.0 + 2.0 / 3.0)).abs() < 1e-12);
    assert_eq!(planned_length(8, 6), 6.0);
    // A frame dropped: each of the 5 keeps one period; exactly as planned: one period each.
    assert_eq!(
        (0..5).map(|i| planned_start(i, 5, 6)).collect::<Vec<_>>(),
        [0.0, 1.0, 2.0, 3.0, 4.0]
    );
    assert_eq!(planned_length(5, 6), 5.0);
    assert_eq!(
        (0..6).map(|i| planned_start(i, 6, 6)).collect::<Vec<_>>(),
        [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    );
    // Always increasing and inside the file, whatever the counts.
    for frames in 1..12u32 {
        for n in 1..20usize {
            let t: Vec<f64> = (0..n).map(|i| planned_start(i, n, frames)).collect();
            assert!(t.windows(2).all(|w| w[0] < w[1]), "{frames} {n}: {t:?}");
            assert!(t[n - 1] < planned_length(n, frames), "{frames} {n}");
        }
    }
}

#[test]
fn a_webm_with_more_frames_than_planned_ends_on_the_plan() {
    let file = firefox_like();
    let frame = 1000.0 / f64::from(FPS);
    let fixed = retime(&file, 6, frame).unwrap();
    let ms = |periods: f64| (periods * frame).round() as i64;
    assert_eq!(
        frame_times_ms(&fixed),
        Some(vec![
            0,
            ms(1.0),
            ms(2.0),
            ms(3.0),
            ms(4.0),
            ms(5.0),
            ms(5.0 + 1.0 / 3.0),
            ms(5.0 + 2.0 / 3.0)
        ])
    );
    // Planned for more than it holds: one period each.
    let fixed = retime(&file, 10, frame).unwrap();
    assert_eq!(
        frame_times_ms(&fixed),
        Some((0..8).map(|k| ms(f64::from(k))).collect())
    );
}
