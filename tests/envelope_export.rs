//! Pixel-column envelopes and CSV export.

use reglab::core::{AdamConfig, Problem, Run, Series};
use reglab::view::csv::run_csv;
use reglab::view::envelope::envelope;

fn series(values: impl IntoIterator<Item = f32>, planned: u64) -> Series {
    let mut s = Series::new(planned);
    for v in values {
        s.push(v);
    }
    s
}

#[test]
fn columns_are_bounded_and_keep_the_extremes() {
    for n in [10u64, 999, 25_000, 1_000_000] {
        let s = series(
            (1..=n).map(|e| {
                if e == n / 2 {
                    1e6
                } else {
                    1.0 + (e % 5) as f32
                }
            }),
            n,
        );
        let cols = envelope(&s, n, n, 700, 1e-12);
        assert!(
            cols.len() <= 700 && !cols.is_empty(),
            "n={n}: {} columns",
            cols.len()
        );
        assert_eq!(cols.iter().map(|c| c.max).fold(0.0, f64::max), 1e6, "n={n}");
        assert_eq!(
            cols.iter().map(|c| c.min).fold(f64::INFINITY, f64::min),
            1.0,
            "n={n}"
        );
        assert!(cols.windows(2).all(|w| w[0].epoch < w[1].epoch));
        assert!(cols.last().unwrap().epoch <= n as f64);
    }
}

#[test]
fn a_playing_run_grows_across_a_fixed_axis() {
    let s = series((1..=25_000).map(|e| e as f32), 25_000);
    let part = envelope(&s, 5_000, 25_000, 500, 1e-12);
    let whole = envelope(&s, 25_000, 25_000, 500, 1e-12);
    assert!(part.len() * 4 < whole.len() + 10);
    assert!(part.last().unwrap().epoch <= 5_000.0);
    assert!(part.last().unwrap().max <= 5_000.0);
}

#[test]
fn non_positive_and_non_finite_values_sit_on_the_floor() {
    let s = series([0.0, -3.0, f32::NAN, 2.0], 4);
    let cols = envelope(&s, 4, 4, 10, 1e-9);
    assert!(cols.iter().all(|c| c.min >= 1e-9 && c.max.is_finite()));
}

#[test]
fn csv_has_a_row_per_coordinate_and_reads_back_exactly() {
    let mut run = Run::new(Problem::seed(0.25), AdamConfig::default(), 2_000);
    run.finish();
    let p = run.problem();
    let csv = run_csv(p.z0(), run.z(), p.z_star(), &[]);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("dim,z0,z,z_star"));
    let rows: Vec<Vec<String>> = lines
        .map(|l| l.split(',').map(String::from).collect())
        .collect();
    assert_eq!(rows.len(), 100);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row[0], i.to_string());
        assert_eq!(
            row[2].parse::<f32>().unwrap().to_bits(),
            run.z()[i].to_bits()
        );
        assert_eq!(row[3].parse::<f32>().unwrap(), p.z_star()[i]);
    }
}

#[test]
fn crc32_matches_the_standard_check_value() {
    assert_eq!(reglab::view::csv::crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(reglab::view::csv::crc32(b"IEND"), 0xAE42_6082);
}

#[test]
fn text_chunks_go_before_iend() {
    // A 1×1 PNG's IEND: length 0, "IEND", CRC.
    let mut png = vec![137, 80, 78, 71, 13, 10, 26, 10];
    png.extend_from_slice(&[0, 0, 0, 0]);
    png.extend_from_slice(b"IEND");
    png.extend_from_slice(&0xAE42_6082u32.to_be_bytes());
    let out = reglab::view::csv::png_with_text(
        &png,
        &[("Description", "mu = 0.25, lr = 1e-3, epochs = 25000 μ")],
    )
    .unwrap();
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("tEXtDescription\0mu = 0.25, lr = 1e-3, epochs = 25000"));
    assert!(out.ends_with(&png[8..]));
    let len = u32::from_be_bytes(out[8..12].try_into().unwrap()) as usize;
    let crc = u32::from_be_bytes(out[12 + 4 + len..12 + 8 + len].try_into().unwrap());
    assert_eq!(crc, reglab::view::csv::crc32(&out[12..12 + 4 + len]));
    assert!(reglab::view::csv::png_with_text(b"not a png at all....", &[]).is_err());
}
