//! A PDF page's glyphs put back into lines, as a reader sees them: each glyph where the content
//! stream drew it (text and graphics matrices applied), grouped into lines along its writing
//! direction (rotated stamps too), ordered along each line, with a space at a gap and a line
//! break at a wide one (a table cell or the other column). Producers draw text in any order —
//! LibreOffice draws a letter its font lacks (`Ậ`) after the rest of the line, from a fallback
//! font — so content-stream order alone splits words. A glyph drawn twice at one place (fake
//! bold) is read once. Runs in a legacy Vietnamese font are decoded per run, after ordering.

use crate::vietnamese::Legacy;

/// One glyph as drawn.
#[derive(Debug, Clone)]
pub struct Glyph {
    /// Order in the content stream (ties keep it).
    pub seq: u32,
    /// Writing direction in whole degrees.
    pub angle: i16,
    /// Position across the writing direction (the baseline), and along it.
    pub across: f32,
    pub along: f32,
    /// Where the glyph ends along the line.
    pub end: f32,
    /// Font size in page units.
    pub size: f32,
    /// Its text (a legacy font's byte as a Latin-1 character).
    pub text: String,
    pub legacy: Option<Legacy>,
}

/// Writes the glyphs' text, line by line, to `out`; says whether TCVN3 in a lower-case font was
/// decoded.
pub fn lay_out(mut glyphs: Vec<Glyph>, out: &mut String) -> bool {
    let mut tcvn3_lowercase = false;
    // Lines: by direction, then from the top of the page down (largest `across` first).
    glyphs.sort_by(|a, b| {
        a.angle
            .cmp(&b.angle)
            .then(b.across.total_cmp(&a.across))
            .then(a.seq.cmp(&b.seq))
    });
    let mut start = 0;
    while start < glyphs.len() {
        let (angle, across, size) = (
            glyphs[start].angle,
            glyphs[start].across,
            glyphs[start].size.max(1.0),
        );
        let mut end = start + 1;
        while end < glyphs.len()
            && glyphs[end].angle == angle
            && (across - glyphs[end].across).abs() <= 0.5 * size.max(glyphs[end].size)
        {
            end += 1;
        }
        let line = &mut glyphs[start..end];
        line.sort_by(|a, b| a.along.total_cmp(&b.along).then(a.seq.cmp(&b.seq)));
        tcvn3_lowercase |= write_line(line, out);
        if !out.ends_with('\n') {
            out.push('\n');
        }
        start = end;
    }
    tcvn3_lowercase
}

fn write_line(line: &[Glyph], out: &mut String) -> bool {
    let mut tcvn3_lowercase = false;
    let mut run = String::new();
    let mut run_legacy: Option<Legacy> = None;
    let mut flush = |run: &mut String, legacy: Option<Legacy>, out: &mut String| {
        match legacy {
            Some(l) => {
                tcvn3_lowercase |= l == (Legacy::Tcvn3 { capitals: false });
                out.push_str(&l.decode(run));
            }
            None => out.push_str(run),
        }
        run.clear();
    };
    // The glyphs written so far on this line (the last is the one before).
    let mut kept: Vec<&Glyph> = Vec::new();
    for g in line {
        // Fake bold: the same glyph drawn again a hair away.
        if kept.iter().rev().take(4).any(|k| {
            k.text == g.text
                && (k.along - g.along).abs() < 0.1 * g.size
                && (k.across - g.across).abs() < 0.2 * g.size
        }) {
            continue;
        }
        if let Some(p) = kept.last() {
            let gap = g.along - p.end;
            let size = g.size.max(p.size).max(1.0);
            let separator = if gap > 2.5 * size {
                Some('\n')
            } else if gap > 0.2 * size && !p.text.ends_with(' ') && !g.text.starts_with(' ') {
                Some(' ')
            } else {
                None
            };
            if let Some(sep) = separator {
                flush(&mut run, run_legacy, out);
                out.push(sep);
            }
        }
        if g.legacy != run_legacy {
            flush(&mut run, run_legacy, out);
            run_legacy = g.legacy;
        }
        run.push_str(&g.text);
        kept.push(g);
    }
    flush(&mut run, run_legacy, out);
    tcvn3_lowercase
}

/// A 2-D affine matrix `[a b c d e f]`, as PDF writes them (row vectors).
pub type Matrix = [f64; 6];

pub const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`.
pub fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

/// A glyph drawn at the origin of text space `m` (the text matrix times the CTM), `advance`
/// text-space units wide, `size` the font size (scaled by `m` to page units).
pub fn place(m: &Matrix, advance: f64, size: f64, seq: u32, text: String, legacy: Option<Legacy>) -> Glyph {
    let (x, y) = (m[4], m[5]);
    let (dx, dy) = (m[0], m[1]);
    let scale = (dx * dx + dy * dy).sqrt();
    let (ux, uy) = if scale > 1e-9 {
        (dx / scale, dy / scale)
    } else {
        (1.0, 0.0)
    };
    let along = x * ux + y * uy;
    let vertical = (m[2] * m[2] + m[3] * m[3]).sqrt();
    let finite = |v: f64| if v.is_finite() { v as f32 } else { 0.0 };
    Glyph {
        seq,
        angle: if scale > 1e-9 {
            dy.atan2(dx).to_degrees().round() as i16
        } else {
            0
        },
        across: finite(-x * uy + y * ux),
        along: finite(along),
        end: finite(along + advance * scale),
        size: finite(size * vertical).abs(),
        text,
        legacy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(seq: u32, x: f32, y: f32, text: &str) -> Glyph {
        Glyph {
            seq,
            angle: 0,
            across: y,
            along: x,
            end: x + 6.0,
            size: 12.0,
            text: text.into(),
            legacy: None,
        }
    }

    #[test]
    fn a_letter_drawn_last_is_put_back_in_its_word() {
        // LibreOffice: "M" and "T" from the main font, "Ậ" afterwards from a fallback font.
        let mut out = String::new();
        lay_out(
            vec![
                g(0, 0.0, 800.0, "M"),
                g(1, 12.0, 800.0, "T"),
                g(2, 6.0, 800.0, "Ậ"),
            ],
            &mut out,
        );
        assert_eq!(out, "MẬT\n");
    }

    #[test]
    fn lines_top_down_gaps_spaces_and_columns() {
        let mut out = String::new();
        lay_out(
            vec![
                g(0, 300.0, 800.0, "B"),
                g(1, 0.0, 780.0, "C"),
                g(2, 0.0, 800.0, "A"),
                g(3, 7.0, 780.0, "D"),
                g(4, 30.0, 780.0, "E"),
            ],
            &mut out,
        );
        assert_eq!(out, "A\nB\nCD E\n");
    }

    #[test]
    fn fake_bold_is_read_once_and_rotated_text_keeps_its_order() {
        let mut out = String::new();
        let mut twice = vec![
            g(0, 0.0, 800.0, "M"),
            g(1, 0.4, 800.3, "M"),
            g(2, 6.0, 800.0, "T"),
        ];
        for (i, t) in ["M", "Ậ", "T"].iter().enumerate() {
            // Written upwards at x = 50.
            twice.push(Glyph {
                angle: 90,
                across: -50.0,
                along: 100.0 + 6.0 * i as f32,
                end: 106.0 + 6.0 * i as f32,
                ..g(10 + i as u32, 0.0, 0.0, t)
            });
        }
        lay_out(twice, &mut out);
        assert_eq!(out, "MT\nMẬT\n");
    }

    #[test]
    fn legacy_runs_are_decoded_after_ordering() {
        let mut out = String::new();
        let vni = |seq, x, t: &str| Glyph {
            legacy: Some(Legacy::Vni),
            ..g(seq, x, 800.0, t)
        };
        // VNI "MAÄT": the accent byte drawn last.
        lay_out(
            vec![
                vni(0, 0.0, "M"),
                vni(1, 6.0, "A"),
                vni(3, 18.0, "T"),
                vni(2, 12.0, "Ä"),
            ],
            &mut out,
        );
        assert_eq!(out, "MẬT\n");
    }
}
