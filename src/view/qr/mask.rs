//! The eight data masks of ISO/IEC 18004 and the penalty rules that choose among them. A mask
//! flips the data modules where its pattern holds, so that the code avoids large blocks of one
//! colour and shapes a scanner could mistake for a finder; the encoder scores all eight masked
//! symbols and keeps the one with the lowest penalty (ties: the lowest mask number).

use super::matrix::Matrix;

/// Whether mask `mask` (0–7) flips the module at column `x`, row `y` (the standard writes its
/// conditions with i the row and j the column).
pub fn flips(mask: usize, x: usize, y: usize) -> bool {
    let xy = x * y;
    match mask {
        0 => (x + y).is_multiple_of(2),
        1 => y.is_multiple_of(2),
        2 => x.is_multiple_of(3),
        3 => (x + y).is_multiple_of(3),
        4 => (x / 3 + y / 2).is_multiple_of(2),
        5 => xy % 2 + xy % 3 == 0,
        6 => (xy % 2 + xy % 3).is_multiple_of(2),
        _ => ((x + y) % 2 + xy % 3).is_multiple_of(2),
    }
}

/// Applies `mask` to every data module of `m` (function modules are left alone). Applying it
/// twice undoes it.
pub fn apply(m: &mut Matrix, mask: usize) {
    let size = m.size;
    for y in 0..size {
        for x in 0..size {
            let i = y * size + x;
            if !m.function[i] && flips(mask, x, y) {
                m.dark[i] = !m.dark[i];
            }
        }
    }
}

/// The dark-light pattern of a finder's centre line, 1:1:3:1:1.
const FINDER_LINE: [bool; 7] = [true, false, true, true, true, false, true];

/// Penalties N1 and N3 of one row or column. N1: each run of five or more modules of one
/// colour scores 3, plus 1 for each module beyond five. N3: each 1:1:3:1:1 dark-light pattern
/// with four light modules on at least one side scores 40 (beyond the edge is the quiet zone,
/// light).
fn line_penalty(line: &[bool]) -> u32 {
    let mut score = 0;
    let mut run = 0;
    for (i, &d) in line.iter().enumerate() {
        run = if i > 0 && line[i - 1] == d {
            run + 1
        } else {
            1
        };
        let run_ends = line.get(i + 1) != Some(&d);
        if run_ends && run >= 5 {
            score += 3 + (run - 5);
        }
    }
    let light_at = |k: isize| k < 0 || !line.get(k as usize).copied().unwrap_or(false);
    let light = |from: isize, to: isize| (from..to).all(light_at);
    for start in 0..line.len().saturating_sub(6) {
        if line[start..start + 7] == FINDER_LINE {
            let s = start as isize;
            if light(s - 4, s) || light(s + 7, s + 11) {
                score += 40;
            }
        }
    }
    score
}

/// The total penalty of a masked symbol: N1 and N3 over every row and column, N2 (3 for each
/// 2 × 2 block of one colour, overlapping blocks counted each) and N4 (10 for each full 5 %
/// that the share of dark modules is away from 50 %).
pub fn penalty(m: &Matrix) -> u32 {
    let size = m.size;
    let mut score = 0;
    for i in 0..size {
        let row: Vec<bool> = (0..size).map(|x| m.get(x, i)).collect();
        let column: Vec<bool> = (0..size).map(|y| m.get(i, y)).collect();
        score += line_penalty(&row) + line_penalty(&column);
    }
    for y in 0..size - 1 {
        for x in 0..size - 1 {
            let d = m.get(x, y);
            if m.get(x + 1, y) == d && m.get(x, y + 1) == d && m.get(x + 1, y + 1) == d {
                score += 3;
            }
        }
    }
    let total = (size * size) as u32;
    let dark = m.dark.iter().filter(|&&d| d).count() as u32;
    score + 10 * ((20 * dark).abs_diff(10 * total) / total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_score_three_plus_one_a_module_beyond_five() {
        assert_eq!(line_penalty(&[false; 4]), 0);
        assert_eq!(line_penalty(&[true; 5]), 3);
        let mut line = vec![true; 7];
        line.extend([false; 2]);
        assert_eq!(line_penalty(&line), 5);
    }

    #[test]
    fn a_finder_like_line_scores_forty_with_light_on_one_side() {
        let mut line = vec![true, true, false, true, true];
        line.extend(FINDER_LINE);
        // Its right side is the quiet zone: light. The left side is not.
        assert_eq!(line_penalty(&line), 40);
        line.push(true);
        assert_eq!(line_penalty(&line), 0);
    }

    #[test]
    fn every_mask_is_its_own_inverse() {
        for mask in 0..8 {
            let mut m = Matrix::new(2);
            let before = m.dark.clone();
            apply(&mut m, mask);
            apply(&mut m, mask);
            assert_eq!(m.dark, before);
        }
    }
}
