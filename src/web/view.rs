//! What the console's pages show, built from store records: a held message's headers, findings
//! with the marker highlighted, extracted text and attachments; and the dashboard's bar charts.
//! Everything taken from mail stays text: templates escape it, nothing of the mail's HTML is
//! ever rendered, and invisible direction-changing characters are shown, not obeyed.

use crate::explain::{Explainer, Lang as ExplainLang};
use crate::extract::Described;
use crate::store::{Record, Stats};
use crate::verdict::Place;

/// A run of text, highlighted or not.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

/// A finding as shown.
pub struct FindingView {
    pub symbol: String,
    /// What the symbol means, in the reader's language (`description_vi` / `description` of
    /// `rules/scores.toml`); empty for a symbol the table does not describe.
    pub meaning: String,
    pub score: String,
    pub location: String,
    pub evidence: Vec<Segment>,
}

/// The text of one part or document, as extracted.
pub struct TextView {
    pub location: String,
    pub segments: Vec<Segment>,
    pub truncated: bool,
}

/// An attachment as listed.
pub struct AttachmentView {
    pub location: String,
    pub content_type: String,
    /// As people read it, in their language.
    pub size: String,
    pub sha256: String,
}

/// Everything the message page shows beyond the record itself.
#[derive(Default)]
pub struct MessageView {
    pub headers: Vec<String>,
    pub headers_truncated: bool,
    pub findings: Vec<FindingView>,
    pub texts: Vec<TextView>,
    pub attachments: Vec<AttachmentView>,
    /// The content was described when the message was held (else attachments and texts are
    /// not known here: the console never parses held bytes itself).
    pub described: bool,
}

/// Characters shown for what would otherwise reorder or hide text (bidi controls, zero-width
/// marks) and control characters; the rest is kept.
pub fn visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => {
                out.push_str(&format!("⟨U+{:04X}⟩", c as u32));
            }
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Splits a finding's detail at the marker the detector set off as `[MARKER]` inside « ».
pub fn evidence(detail: &str) -> Vec<Segment> {
    let detail = visible(detail);
    let found = detail.find('«').and_then(|open| {
        let close = open + detail[open..].find('»')?;
        let inner = &detail[open..close];
        let l = open + inner.find('[')?;
        let r = l + detail[l..close].find(']')?;
        Some((l, r))
    });
    match found {
        Some((l, r)) if r > l + 1 => vec![
            Segment {
                text: detail[..l].to_owned(),
                mark: false,
            },
            Segment {
                text: detail[l + 1..r].to_owned(),
                mark: true,
            },
            Segment {
                text: detail[r + 1..].to_owned(),
                mark: false,
            },
        ],
        _ => vec![Segment {
            text: detail,
            mark: false,
        }],
    }
}

/// The markers the findings point at (the text between `[` and `]` of their evidence).
fn markers(record: &Record) -> Vec<String> {
    let mut out: Vec<String> = record
        .findings
        .iter()
        .flat_map(|f| evidence(&f.detail))
        .filter(|s| s.mark && (1..=64).contains(&s.text.chars().count()))
        .map(|s| s.text)
        .collect();
    out.sort_by_key(|m| std::cmp::Reverse(m.len()));
    out.dedup();
    out
}

/// Splits text at every occurrence of any marker.
pub fn highlight(text: &str, markers: &[String]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        let next = markers
            .iter()
            .filter_map(|m| rest.find(m.as_str()).map(|i| (i, m.len())))
            .min_by_key(|&(i, len)| (i, std::cmp::Reverse(len)));
        match next {
            Some((i, len)) => {
                if i > 0 {
                    out.push(Segment {
                        text: rest[..i].to_owned(),
                        mark: false,
                    });
                }
                out.push(Segment {
                    text: rest[i..i + len].to_owned(),
                    mark: true,
                });
                rest = &rest[i + len..];
            }
            None => {
                if !rest.is_empty() {
                    out.push(Segment {
                        text: rest.to_owned(),
                        mark: false,
                    });
                }
                return out;
            }
        }
    }
}

/// Header section shown at most this long.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// Builds the message page's content from the record, the stored original's header section
/// (None: deleted or purged) and the description stored when it was held. Nothing here parses
/// MIME or extracts text: the header section is split into lines, the rest was done by the
/// worker that scanned the message.
///
/// Findings read in `lang` by `explain` (`rules/findings.toml`).
pub fn message_view(
    record: &Record,
    raw: Option<&[u8]>,
    described: Option<Described>,
    (explain, lang): (&Explainer, ExplainLang),
) -> MessageView {
    let mut view = MessageView {
        findings: record
            .findings
            .iter()
            .map(|f| FindingView {
                symbol: f.symbol.clone(),
                meaning: String::new(),
                score: crate::explain::decimal(f.score, lang),
                location: visible(&explain.location(f, lang)),
                evidence: evidence(&explain.detail(f, lang)),
            })
            .collect(),
        ..MessageView::default()
    };
    if let Some(raw) = raw {
        let end = crate::message::header_end(raw);
        view.headers_truncated = end > MAX_HEADER_BYTES;
        let head = String::from_utf8_lossy(&raw[..end.min(MAX_HEADER_BYTES)]);
        // Folded lines stay with their header.
        for line in head.lines() {
            match view.headers.last_mut() {
                Some(last) if line.starts_with([' ', '\t']) => {
                    last.push('\n');
                    last.push_str(&visible(line));
                }
                _ => view.headers.push(visible(line)),
            }
        }
    }
    let Some(described) = described else {
        return view;
    };
    view.described = true;
    view.attachments = described
        .attachments
        .iter()
        .map(|a| AttachmentView {
            location: visible(&explain.place(&Place::parse(&a.location), lang)),
            content_type: visible(&a.content_type),
            size: crate::explain::size(a.size, lang),
            sha256: visible(&a.sha256),
        })
        .collect();
    let markers = markers(record);
    view.texts = described
        .texts
        .iter()
        .map(|p| TextView {
            location: visible(&explain.place(&Place::parse(&p.location), lang)),
            truncated: p.truncated,
            segments: highlight(&visible(&p.text), &markers),
        })
        .collect();
    view
}

/// One bar of a chart, in SVG user units.
pub struct Bar {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
    pub label: String,
    pub value: u64,
    /// Where the label goes.
    pub lx: u32,
    pub ly: u32,
    /// Where the value goes.
    pub vx: u32,
    pub vy: u32,
}

/// A bar chart, drawn by the template as SVG.
pub struct Chart {
    pub width: u32,
    pub height: u32,
    pub bars: Vec<Bar>,
    pub vertical: bool,
}

/// Columns, one per day, labels every few days.
pub fn day_chart(stats: &Stats) -> Chart {
    let days: Vec<(String, u64)> = stats
        .by_day
        .iter()
        .map(|(day, v)| (day.get(5..).unwrap_or(day).to_owned(), *v))
        .collect();
    column_chart(&days)
}

/// Columns, one per label (at most ten labels shown).
pub fn column_chart(columns: &[(String, u64)]) -> Chart {
    let n = columns.len().max(1) as u32;
    let (width, height, top, bottom) = (760u32, 220u32, 20u32, 40u32);
    let max = columns.iter().map(|d| d.1).max().unwrap_or(0).max(1);
    let step = (width - 40) / n;
    let every = n.div_ceil(10).max(1) as usize;
    let bars = columns
        .iter()
        .enumerate()
        .map(|(i, (label, v))| {
            let h = ((height - top - bottom) as u64 * v / max) as u32;
            let x = 30 + i as u32 * step;
            Bar {
                x,
                y: height - bottom - h,
                w: step.saturating_sub(2).max(1),
                h,
                label: if i % every == 0 {
                    visible(label).chars().take(12).collect()
                } else {
                    String::new()
                },
                value: *v,
                lx: x,
                ly: height - bottom + 16,
                vx: x + step / 2,
                vy: (height - bottom - h).saturating_sub(4),
            }
        })
        .collect();
    Chart {
        width,
        height,
        bars,
        vertical: true,
    }
}

/// Rows, one per label.
pub fn row_chart(rows: &[(String, u64)]) -> Chart {
    let (width, row, label_w) = (460u32, 26u32, 170u32);
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, (label, v))| {
            let w = ((width - label_w - 50) as u64 * v / max) as u32;
            let y = 4 + i as u32 * row;
            let label: String = visible(label).chars().take(24).collect();
            Bar {
                x: label_w,
                y,
                w,
                h: row - 8,
                label,
                value: *v,
                lx: 4,
                ly: y + 14,
                vx: label_w + w + 6,
                vy: y + 14,
            }
        })
        .collect();
    Chart {
        width,
        height: (rows.len().max(1) as u32) * row + 8,
        bars,
        vertical: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_marks_the_marker() {
        let s = evidence("TỐI MẬT marking «Độ mật: [TỐI MẬT] số 12» (weight 9: capitals)");
        assert_eq!(s.len(), 3);
        assert!(s[1].mark && s[1].text == "TỐI MẬT");
        assert!(s[0].text.ends_with("Độ mật: ") && s[2].text.starts_with(" số 12»"));
        // Brackets outside « » are not the marker.
        assert_eq!(evidence("[x] no snippet").len(), 1);
    }

    #[test]
    fn highlight_finds_every_marker_longest_first() {
        let m = vec!["TỐI MẬT".to_owned(), "MẬT".to_owned()];
        let s = highlight("a TỐI MẬT b MẬT", &m);
        let marked: Vec<&str> = s.iter().filter(|x| x.mark).map(|x| x.text.as_str()).collect();
        assert_eq!(marked, vec!["TỐI MẬT", "MẬT"]);
    }

    #[test]
    fn direction_controls_are_shown_not_obeyed() {
        assert_eq!(visible("a\u{202E}fdp.exe"), "a⟨U+202E⟩fdp.exe");
        assert_eq!(visible("x\u{7}y"), "x\u{FFFD}y");
    }
}
