//! Excel binary workbooks (`.xlsb`): the text of their BIFF12 parts ([MS-XLSB]). The package is
//! a zip like `.xlsx`, but its shared strings, worksheets and comments are records, not XML:
//! each a record type and a length (7 bits a byte, the high bit saying another byte follows)
//! and that many bytes. The strings are UTF-16 with their length in characters before them.
//!
//! Read here: the shared strings table (`xl/sharedStrings.bin`, a string a line), the strings
//! typed into a worksheet's cells (`xl/worksheets/sheet*.bin`, a row a line, cells apart by a
//! tab), the strings a formula leaves in a cell, the sheet's printed headers and footers (where
//! a spreadsheet is marked), and cell comments (`xl/comments*.bin`). Numbers and formulas are
//! not text. A record that runs past the end of its part ends the reading: what was read is
//! kept, and the damage is the caller's to report.

use std::time::Instant;

/// Record types read ([MS-XLSB] 2.3.2).
const ROW_HEADER: u32 = 0;
const CELL_STRING: u32 = 6;
const FORMULA_STRING: u32 = 8;
const SHARED_STRING_ITEM: u32 = 19;
const CELL_RICH_STRING: u32 = 62;
const HEADER_FOOTER: u32 = 479;
const COMMENT_TEXT: u32 = 637;

/// A cell record's fixed head: its column (4 bytes), style (3) and flags (1).
const CELL_HEAD: usize = 8;

/// The text of one binary part.
#[derive(Debug, Default, PartialEq)]
pub struct XlsbText {
    /// Cells, shared strings and comments.
    pub text: String,
    /// The printed page headers and footers, a section a line.
    pub headers: String,
}

/// The text of a BIFF12 part, and why the reading stopped early when it did (what was read
/// before is kept).
pub fn part_text(data: &[u8], deadline: Instant) -> (XlsbText, Option<String>) {
    let mut out = XlsbText::default();
    let mut records = Records { data, at: 0 };
    // Whether the current row already holds a cell's text (the next one is after a tab).
    let mut row_has_text = false;
    let mut count = 0u32;
    loop {
        count = count.wrapping_add(1);
        if count.is_multiple_of(4096) && Instant::now() > deadline {
            return (
                out,
                Some("time limit reached while reading the workbook".to_owned()),
            );
        }
        let (kind, body) = match records.next() {
            Ok(Some(r)) => r,
            Ok(None) => return (out, None),
            Err(why) => return (out, Some(why)),
        };
        match kind {
            ROW_HEADER => {
                if row_has_text {
                    out.text.push('\n');
                }
                row_has_text = false;
            }
            CELL_STRING | FORMULA_STRING | CELL_RICH_STRING => {
                let value = body.get(CELL_HEAD..).unwrap_or_default();
                let s = if kind == CELL_RICH_STRING {
                    rich_string(value)
                } else {
                    wide_string(value).map(|(s, _)| s)
                };
                if let Some(s) = s.filter(|s| !s.trim().is_empty()) {
                    if row_has_text {
                        out.text.push('\t');
                    }
                    out.text.push_str(&s);
                    row_has_text = true;
                }
            }
            SHARED_STRING_ITEM | COMMENT_TEXT => {
                if let Some(s) = rich_string(body) {
                    if row_has_text {
                        out.text.push('\n');
                        row_has_text = false;
                    }
                    out.text.push_str(&s);
                    out.text.push('\n');
                }
            }
            HEADER_FOOTER => {
                // Two bytes of flags, then six strings that may be null: odd header and
                // footer, even ones, first page's ones.
                let mut rest = body.get(2..).unwrap_or_default();
                for _ in 0..6 {
                    let Some((s, used)) = nullable_wide_string(rest) else {
                        break;
                    };
                    rest = rest.get(used..).unwrap_or_default();
                    let text = super::office::header_text(&s.unwrap_or_default());
                    if !text.trim().is_empty() {
                        out.headers.push_str(&text);
                        out.headers.push('\n');
                    }
                }
            }
            _ => {}
        }
    }
}

/// A record as Excel writes it: the writer beside the reader, for the labelled corpus's
/// workbooks and the tests.
pub fn record(kind: u32, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 8);
    let mut number = |mut n: u32| loop {
        let b = (n & 0x7F) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            break;
        }
        out.push(b | 0x80);
    };
    number(kind);
    number(body.len() as u32);
    out.extend_from_slice(body);
    out
}

/// An `XLWideString` as written: its count of UTF-16 units, then the units.
pub fn wide(s: &str) -> Vec<u8> {
    let units: Vec<u16> = s.encode_utf16().collect();
    let mut out = (units.len() as u32).to_le_bytes().to_vec();
    out.extend(units.iter().flat_map(|u| u.to_le_bytes()));
    out
}

/// The records of a part, in order.
struct Records<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Records<'a> {
    /// A variable-length number of at most `max` bytes, 7 bits each, least significant first.
    fn number(&mut self, max: usize) -> Option<u32> {
        let mut n = 0u32;
        for i in 0..max {
            let b = *self.data.get(self.at)?;
            self.at += 1;
            n |= u32::from(b & 0x7F) << (7 * i);
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn next(&mut self) -> Result<Option<(u32, &'a [u8])>, String> {
        if self.at >= self.data.len() {
            return Ok(None);
        }
        let start = self.at;
        let damaged = || format!("a record at byte {start} of the workbook part is damaged");
        let kind = self.number(2).ok_or_else(damaged)?;
        let len = self.number(4).ok_or_else(damaged)? as usize;
        let body = self
            .data
            .get(self.at..self.at.saturating_add(len))
            .ok_or_else(damaged)?;
        self.at += len;
        Ok(Some((kind, body)))
    }
}

/// An `XLWideString`: a count of UTF-16 units, then the units; with the bytes it took.
fn wide_string(data: &[u8]) -> Option<(String, usize)> {
    let count = u32::from_le_bytes(data.get(..4)?.try_into().ok()?) as usize;
    let bytes = data.get(4..4usize.checked_add(count.checked_mul(2)?)?)?;
    let units = bytes.chunks_exact(2).map(|u| u16::from_le_bytes([u[0], u[1]]));
    let s: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    Some((s, 4 + bytes.len()))
}

/// An `XLNullableWideString`: a count of `0xFFFFFFFF` is no string.
fn nullable_wide_string(data: &[u8]) -> Option<(Option<String>, usize)> {
    if data.get(..4)? == [0xFF; 4] {
        return Some((None, 4));
    }
    wide_string(data).map(|(s, used)| (Some(s), used))
}

/// A `RichStr`: a byte of flags (its runs and phonetic text follow the string and are not
/// read), then the string.
fn rich_string(data: &[u8]) -> Option<String> {
    wide_string(data.get(1..)?).map(|(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn later() -> Instant {
        Instant::now() + Duration::from_secs(60)
    }

    fn cell(col: u32, value: &[u8]) -> Vec<u8> {
        [&col.to_le_bytes()[..], &[0, 0, 0, 0], value].concat()
    }

    #[test]
    fn shared_strings_cells_headers_and_comments_are_read() {
        let sst = [
            record(159, &[0; 8]),
            record(SHARED_STRING_ITEM, &[&[0][..], &wide("Kế hoạch")[..]].concat()),
            record(
                SHARED_STRING_ITEM,
                &[&[1][..], &wide("TỐI MẬT")[..], &[0; 4]].concat(),
            ),
            record(160, &[]),
        ]
        .concat();
        let (t, err) = part_text(&sst, later());
        assert_eq!((t.text.as_str(), err), ("Kế hoạch\nTỐI MẬT\n", None));

        let sheet = [
            record(ROW_HEADER, &[0; 17]),
            record(CELL_STRING, &cell(0, &wide("Độ mật"))),
            record(5, &cell(1, &2.5f64.to_le_bytes())),
            record(FORMULA_STRING, &cell(2, &[&wide("Mật")[..], &[0; 6]].concat())),
            record(ROW_HEADER, &[0; 17]),
            record(
                CELL_RICH_STRING,
                &cell(0, &[&[0][..], &wide("Số 12")[..]].concat()),
            ),
            record(
                HEADER_FOOTER,
                &[
                    &[0, 0][..],
                    &wide("&C&\"Times New Roman,Bold\"MẬT")[..],
                    &[0xFF; 4],
                    &wide(""),
                ]
                .concat(),
            ),
        ]
        .concat();
        let (t, err) = part_text(&sheet, later());
        assert_eq!(err, None);
        assert_eq!(t.text, "Độ mật\tMật\nSố 12");
        assert_eq!(t.headers, "MẬT\n");
    }

    /// A record that claims more bytes than the part holds, a string longer than its record,
    /// a length of five continuation bytes: reading stops, keeping what came before.
    #[test]
    fn damaged_records_stop_the_reading_and_keep_what_was_read() {
        let good = record(SHARED_STRING_ITEM, &[&[0][..], &wide("MẬT")[..]].concat());
        let mut cut = good.clone();
        cut.extend_from_slice(&[SHARED_STRING_ITEM as u8, 0x7F, 1, 2]);
        let (t, err) = part_text(&cut, later());
        assert_eq!(t.text, "MẬT\n");
        assert!(err.is_some_and(|e| e.contains("damaged")));

        let liar = record(SHARED_STRING_ITEM, &[0, 0xFF, 0xFF, 0xFF, 0x7F, b'A', 0]);
        assert_eq!(part_text(&liar, later()), (XlsbText::default(), None));

        let endless = [0x13, 0x80, 0x80, 0x80, 0x80, 0x01];
        assert!(part_text(&endless, later()).1.is_some());
    }
}
