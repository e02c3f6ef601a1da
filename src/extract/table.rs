//! Data files read as a spreadsheet is: comma-, semicolon- or tab-separated values (`.csv`,
//! `.tsv`, a registry exported from a document-management system) a cell per line, and JSON a
//! key or string value per line, so "Độ mật" and "TỐI MẬT" in two cells stand on lines of their
//! own as they do when a workbook's cells are read, not glued to their neighbours by commas and
//! quotes. Both walk the text once; JSON's nesting is bounded by the parser's own limit.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The separators a delimited file may use, tried in this order when their counts tie.
const SEPARATORS: [u8; 3] = [b',', b';', b'\t'];

/// Bytes of the first line looked at to choose the separator.
const SNIFF: usize = 4096;

/// The separator of delimited `text`: a tab for a `.tsv` (`tab`), else the one of
/// `,` `;` and tab the first line uses most (outside quotes), a comma when it uses none.
fn separator(text: &str, tab: bool) -> u8 {
    if tab {
        return b'\t';
    }
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in text.as_bytes().iter().take(SNIFF) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(k) = SEPARATORS.iter().position(|&s| s == b) {
                    counts[k] += 1;
                }
            }
            _ => {}
        }
    }
    let mut best = 0;
    for k in 1..SEPARATORS.len() {
        if counts[k] > counts[best] {
            best = k;
        }
    }
    SEPARATORS[best]
}

/// The cells of delimited `text` (RFC 4180, quoted cells with their `""` and line breaks
/// undone; rows of any length), each trimmed on a line of its own, empty ones left out. `tab`:
/// the file says it is tab-separated (`.tsv`, `text/tab-separated-values`).
pub fn delimited_text(text: &str, tab: bool) -> String {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text, tab))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = String::with_capacity(text.len());
    let mut record = csv::ByteRecord::new();
    // The text is UTF-8 and its separators ASCII, so a cell is never cut inside a character.
    // Reading bytes from memory the reader has no error to give; one would end the reading.
    while let Ok(true) = reader.read_byte_record(&mut record) {
        for cell in record.iter() {
            let cell = String::from_utf8_lossy(cell);
            let cell = cell.trim();
            if !cell.is_empty() {
                out.push_str(cell);
                out.push('\n');
            }
        }
    }
    out
}

/// The keys and string values of JSON `text`, each on a line of its own, in document order
/// (numbers, booleans and nulls are no text); None when it is not JSON.
pub fn json_text(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut de = serde_json::Deserializer::from_str(text);
    de.deserialize_any(Lines(&mut out)).ok()?;
    de.end().ok()?;
    Some(out)
}

/// A visitor writing every key and string it meets into its string, a line each.
struct Lines<'o>(&'o mut String);

impl Lines<'_> {
    fn line(&mut self, s: &str) {
        let s = s.trim();
        if !s.is_empty() {
            self.0.push_str(s);
            self.0.push('\n');
        }
    }
}

impl<'de> de::DeserializeSeed<'de> for Lines<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Lines<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(mut self, v: &str) -> Result<(), E> {
        self.line(v);
        Ok(())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Lines(&mut *self.0))?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(Lines(&mut *self.0))?.is_some() {
            map.next_value_seed(Lines(&mut *self.0))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cells come a line each whatever the separator, quoted cells whole (their commas, doubled
    /// quotes and line breaks undone), empty cells and short rows without harm.
    #[test]
    fn delimited_files_are_read_a_cell_per_line() {
        for (text, tab, want) in [
            (
                "Độ mật,Số\r\nTỐI MẬT,12/KH-UBND\r\n",
                false,
                "Độ mật\nSố\nTỐI MẬT\n12/KH-UBND\n",
            ),
            (
                "STT;Trích yếu;Độ mật\n1;\"Kế hoạch; năm 2027\";MẬT\n",
                false,
                "STT\nTrích yếu\nĐộ mật\n1\nKế hoạch; năm 2027\nMẬT\n",
            ),
            ("a\tb, c\n\tTUYỆT MẬT\n", true, "a\nb, c\nTUYỆT MẬT\n"),
            (
                "\"Nói \"\"không\"\"\nhai dòng\",,x\ny\n",
                false,
                "Nói \"không\"\nhai dòng\nx\ny\n",
            ),
            ("\"unclosed, quote\nTỐI MẬT", false, "unclosed, quote\nTỐI MẬT\n"),
            ("", false, ""),
        ] {
            assert_eq!(delimited_text(text, tab), want, "{text:?}");
        }
    }

    /// Keys and strings a line each, in order, at any depth; other values are no text; what is
    /// not JSON (or not only JSON) gives None.
    #[test]
    fn json_is_read_a_key_or_string_per_line() {
        let text = r#"{"van_ban": [{"do_mat": "TỐI MẬT", "so": "12/KH-UBND", "trang": 3, "ok": true}], "ghi chú": null, "x": "\u1EACT"}"#;
        assert_eq!(
            json_text(text).as_deref(),
            Some("van_ban\ndo_mat\nTỐI MẬT\nso\n12/KH-UBND\ntrang\nok\nghi chú\nx\nẬT\n")
        );
        assert_eq!(json_text("[\"MẬT\"]").as_deref(), Some("MẬT\n"));
        for not in ["MẬT", "{\"a\": ", "{} trailing", "[".repeat(1000).as_str()] {
            assert_eq!(json_text(not), None, "{not:?}");
        }
    }
}
