//! Restamping a recorder's fragmented MP4 on the plan, natively, on files built box by box in the
//! shape Chromium's MediaRecorder writes (ftyp, moov with one track and mvex, moof + mdat
//! fragments whose trun lists every sample's duration and size, an mfra index).

use reglab::view::mp4::{retime, Mp4Error};
use reglab::view::video::frame_due_ms;

fn bx(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    [&((body.len() + 8) as u32).to_be_bytes()[..], kind, body].concat()
}

fn full(kind: &[u8; 4], version: u8, flags: u32, body: &[u8]) -> Vec<u8> {
    let vf = (u32::from(version) << 24 | flags).to_be_bytes();
    bx(kind, &[&vf[..], body].concat())
}

/// A version 0/1 time field.
fn time(version: u8, v: u64) -> Vec<u8> {
    if version == 1 {
        v.to_be_bytes().to_vec()
    } else {
        (v as u32).to_be_bytes().to_vec()
    }
}

const MOVIE_SCALE: u32 = 1000;
const MEDIA_SCALE: u32 = 30_000;

/// How a test file is built.
struct Shape {
    /// Version of mvhd, tkhd, mdhd, tfdt and tfra.
    version: u8,
    /// The samples' wall-clock durations (media units), one list per fragment.
    fragments: Vec<Vec<u32>>,
    trun_flags: u32,
    extra_trak: bool,
    edit_list: bool,
}

impl Shape {
    fn chromium(fragments: Vec<Vec<u32>>) -> Self {
        Self {
            version: 1,
            fragments,
            trun_flags: 0x305,
            extra_trak: false,
            edit_list: false,
        }
    }
}

fn header(kind: &[u8; 4], version: u8, scale: u32, duration: u64) -> Vec<u8> {
    let dates = time(version, 0xE736_B5F3).repeat(2);
    let body = match kind {
        b"tkhd" => [
            dates,
            1u32.to_be_bytes().to_vec(),
            vec![0; 4],
            time(version, duration),
            vec![0; 60],
        ]
        .concat(),
        _ => [
            dates,
            scale.to_be_bytes().to_vec(),
            time(version, duration),
            vec![0; 8],
        ]
        .concat(),
    };
    full(kind, version, if kind == b"tkhd" { 3 } else { 0 }, &body)
}

fn trak(s: &Shape, wall: u64) -> Vec<u8> {
    let stbl = bx(
        b"stbl",
        &[full(b"stts", 0, 0, &[0; 4]), full(b"stsz", 0, 0, &[0; 8])].concat(),
    );
    let mdia = bx(
        b"mdia",
        &[
            header(b"mdhd", s.version, MEDIA_SCALE, 0xE33),
            full(
                b"hdlr",
                0,
                0,
                b"\0\0\0\0vide\0\0\0\0\0\0\0\0\0\0\0\0VideoHandler\0",
            ),
            bx(b"minf", &stbl),
        ]
        .concat(),
    );
    let edts = if s.edit_list {
        bx(
            b"edts",
            &full(
                b"elst",
                0,
                0,
                &[0, 0, 0, 1, 0, 0, 0, 9, 0, 0, 0, 0, 0, 1, 0, 0],
            ),
        )
    } else {
        Vec::new()
    };
    bx(
        b"trak",
        &[header(b"tkhd", s.version, 0, wall), edts, mdia].concat(),
    )
}

/// The file.
fn build(s: &Shape) -> Vec<u8> {
    let total: u64 = s.fragments.iter().flatten().map(|&d| u64::from(d)).sum();
    let wall = total * u64::from(MOVIE_SCALE) / u64::from(MEDIA_SCALE);
    let mut moov = [header(b"mvhd", s.version, MOVIE_SCALE, wall), trak(s, wall)].concat();
    if s.extra_trak {
        moov.extend(trak(s, wall));
    }
    moov.extend(bx(
        b"mvex",
        &full(
            b"trex",
            0,
            0,
            &[0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        ),
    ));
    let mut out = [bx(b"ftyp", b"isom\0\0\0\0isomavc1mp41"), bx(b"moov", &moov)].concat();
    let mut moofs = Vec::new();
    let mut base = 0u64;
    let mut sample_byte = 0u8;
    for durations in &s.fragments {
        let mut run = (durations.len() as u32).to_be_bytes().to_vec();
        run.extend(0x330u32.to_be_bytes()); // data offset
        run.extend(0x0200_0000u32.to_be_bytes()); // first sample's flags
        let mut data = Vec::new();
        for &d in durations {
            if s.trun_flags & 0x100 != 0 {
                run.extend(d.to_be_bytes());
            }
            run.extend(3u32.to_be_bytes());
            sample_byte = sample_byte.wrapping_add(1);
            data.extend([sample_byte; 3]);
        }
        let traf = bx(
            b"traf",
            &[
                full(b"tfhd", 0, 0x02_0020, &[0, 0, 0, 1, 1, 1, 0, 0]),
                full(b"tfdt", s.version, 0, &time(s.version, base)),
                full(b"trun", 1, s.trun_flags, &run),
            ]
            .concat(),
        );
        moofs.push(out.len());
        out.extend(bx(
            b"moof",
            &[full(b"mfhd", 0, 0, &1u32.to_be_bytes()), traf].concat(),
        ));
        out.extend(bx(b"mdat", &data));
        base += durations.iter().map(|&d| u64::from(d)).sum::<u64>();
    }
    // The index: one entry per fragment, at its first sample.
    let mut tfra = [
        1u32.to_be_bytes(),
        0x3Fu32.to_be_bytes(),
        (moofs.len() as u32).to_be_bytes(),
    ]
    .concat();
    let mut base = 0u64;
    for (moof, durations) in moofs.iter().zip(&s.fragments) {
        tfra.extend(time(s.version, base));
        tfra.extend(time(s.version, *moof as u64));
        tfra.extend([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
        base += durations.iter().map(|&d| u64::from(d)).sum::<u64>();
    }
    let mfra = [
        full(b"tfra", s.version, 0, &tfra),
        full(b"mfro", 0, 0, &[0, 0, 0, 0x4C]),
    ]
    .concat();
    out.extend(bx(b"mfra", &mfra));
    out
}

fn number(file: &[u8], at: usize, len: usize) -> u64 {
    file[at..at + len]
        .iter()
        .fold(0, |v, &b| v << 8 | u64::from(b))
}

/// Where each box of `kind` starts its contents (the test files hold no such bytes elsewhere).
fn find(file: &[u8], kind: &[u8; 4]) -> Vec<usize> {
    file.windows(4)
        .enumerate()
        .filter(|(_, w)| w == kind)
        .map(|(i, _)| i + 4)
        .collect()
}

/// Each sample's start in ms: the fragments' decode times and the samples' durations.
fn frame_times_ms(file: &[u8]) -> Vec<f64> {
    let mut times = Vec::new();
    for (tfdt, trun) in find(file, b"tfdt").into_iter().zip(find(file, b"trun")) {
        let wide = if file[tfdt] == 1 { 8 } else { 4 };
        let mut t = number(file, tfdt + 4, wide);
        // The builder's trun: flags 0x305 (data offset, first sample's flags, duration, size).
        for k in 0..number(file, trun + 4, 4) as usize {
            times.push(t as f64 * 1000.0 / f64::from(MEDIA_SCALE));
            t += number(file, trun + 16 + 8 * k, 4);
        }
    }
    times
}

/// The movie's duration in ms (mvhd: what a player shows).
fn duration_ms(file: &[u8]) -> f64 {
    let at = find(file, b"mvhd")[0];
    let wide = if file[at] == 1 { 8 } else { 4 };
    number(file, at + 4 + 2 * wide + 4, wide) as f64
}

/// A paused recorder on a slow machine: frames 1 to 3 times a period apart (media units).
fn wall_clock(n: usize) -> Vec<u32> {
    (0..n).map(|k| 1000 + 731 * (k as u32 % 3)).collect()
}

fn period_ms() -> f64 {
    frame_due_ms(1)
}

#[test]
fn a_chromium_file_is_restamped_on_the_plan_in_place() {
    for version in [0, 1] {
        let mut shape = Shape::chromium(vec![wall_clock(50), wall_clock(40)]);
        shape.version = version;
        let file = build(&shape);
        let before = frame_times_ms(&file);
        assert_eq!(before.len(), 90);
        assert!(
            before[89] > 89.0 * period_ms() * 1.5,
            "the wall clock ran long: {}",
            before[89]
        );
        let fixed = retime(&file, 90, period_ms()).unwrap();
        assert_eq!(fixed.len(), file.len(), "nothing moves");
        let times = frame_times_ms(&fixed);
        for (k, t) in times.iter().enumerate() {
            assert!(
                (t - k as f64 * period_ms()).abs() < 1e-9,
                "frame {k} at {t} ms"
            );
        }
        assert_eq!(duration_ms(&fixed), 3000.0);
        // The random-access index, which held the recorder's times, is free space now.
        assert_eq!(find(&fixed, b"mfra"), vec![]);
        assert_eq!(find(&fixed, b"free").len(), 1);
        assert_eq!(find(&fixed, b"free"), find(&file, b"mfra"));
        // Only times changed: every sample's bytes are where they were.
        let mdat = |f: &[u8]| {
            find(f, b"mdat")
                .into_iter()
                .map(|at| f[at..at - 8 + number(f, at - 8, 4) as usize].to_vec())
                .collect::<Vec<_>>()
        };
        assert_eq!(mdat(&fixed), mdat(&file));
        // Restamping twice changes nothing more.
        assert_eq!(retime(&fixed, 90, period_ms()).unwrap(), fixed);
    }
}

#[test]
fn the_held_last_picture_shares_the_last_period_and_a_dropped_frame_shortens_the_file() {
    // 92 samples for 90 frames (the finished run sent thrice and every send encoded).
    let file = build(&Shape::chromium(vec![wall_clock(92)]));
    let fixed = retime(&file, 90, period_ms()).unwrap();
    let times = frame_times_ms(&fixed);
    let want = |periods: f64| (periods * 1000.0).round() * 1000.0 / f64::from(MEDIA_SCALE);
    assert_eq!(times[89], want(89.0));
    assert_eq!(times[90], want(89.0 + 1.0 / 3.0));
    assert_eq!(times[91], want(89.0 + 2.0 / 3.0));
    assert_eq!(duration_ms(&fixed), 3000.0);
    // 89 samples for 90 frames: one period each, 89 periods long.
    let file = build(&Shape::chromium(vec![wall_clock(89)]));
    let fixed = retime(&file, 90, period_ms()).unwrap();
    assert_eq!(duration_ms(&fixed), (89.0 * period_ms()).round());
    assert_eq!(frame_times_ms(&fixed)[88], want(88.0));
}

#[test]
fn shapes_it_does_not_rewrite_are_refused_not_broken() {
    let refused = |shape: Shape| retime(&build(&shape), 90, period_ms());
    let mut s = Shape::chromium(vec![wall_clock(90)]);
    s.trun_flags = 0x205; // durations only as defaults
    assert_eq!(refused(s), Err(Mp4Error::Unsupported));
    let mut s = Shape::chromium(vec![wall_clock(90)]);
    s.extra_trak = true;
    assert_eq!(refused(s), Err(Mp4Error::Unsupported));
    let mut s = Shape::chromium(vec![wall_clock(90)]);
    s.edit_list = true;
    assert_eq!(refused(s), Err(Mp4Error::Unsupported));
    assert_eq!(
        retime(b"not an mp4 at all", 90, period_ms()),
        Err(Mp4Error::Malformed)
    );
    // A 32-bit decode time cannot hold a time this far out.
    let mut s = Shape::chromium(vec![wall_clock(3), wall_clock(3)]);
    s.version = 0;
    assert_eq!(retime(&build(&s), 6, 1e9), Err(Mp4Error::Overflow));
    // A cut file is refused or restamped, never a panic, and never changes length.
    let whole = build(&Shape::chromium(vec![wall_clock(30), wall_clock(30)]));
    for cut in 0..whole.len() {
        if let Ok(out) = retime(&whole[..cut], 60, period_ms()) {
            assert_eq!(out.len(), cut);
        }
    }
}
