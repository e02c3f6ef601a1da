//! iCalendar (RFC 5545): the text of a meeting invitation, as mail clients send it (a
//! `text/calendar` part beside the plain and HTML bodies, an `.ics` file). Read as a person sees
//! it in a calendar: each event's title (`SUMMARY`), its description, place and comments, the
//! HTML description Outlook adds (`X-ALT-DESC`), and files carried inline (`ATTACH` in base64).
//! A stamp in the title of an invitation ("TUYỆT MẬT - Họp bàn phương án") is a subject's.
//!
//! Lines are unfolded before they are decoded (a fold may cut a UTF-8 character in two), and
//! values unescaped (`\n`, `\,`, `\;`, `\\`). Bounded by its input: one pass over the bytes.

/// What an iCalendar file says, by where a reader sees it.
#[derive(Debug, Default, PartialEq)]
pub struct Calendar {
    /// Each event's or task's title (`SUMMARY`), a line each.
    pub titles: Vec<String>,
    /// Descriptions, places, comments, contacts and categories, a line each (a description's
    /// own line breaks kept).
    pub text: String,
    /// HTML descriptions (`X-ALT-DESC;FMTTYPE=text/html`).
    pub html: Vec<String>,
    /// Files carried inline: (name, declared type, bytes).
    pub files: Vec<(String, String, Vec<u8>)>,
}

/// Whether bytes start as an iCalendar (or vCalendar) file does: `BEGIN:VCALENDAR`.
pub fn is_calendar(head: &[u8]) -> bool {
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
    head.trim_ascii_start()
        .get(..15)
        .is_some_and(|h| h.eq_ignore_ascii_case(b"BEGIN:VCALENDAR"))
}

/// Reads a calendar's text; `decode` turns a line's bytes into text (the charset of the part).
pub fn read(data: &[u8], decode: &dyn Fn(&[u8]) -> String) -> Calendar {
    let mut cal = Calendar::default();
    // The whole file decoded once (its charset told from all of it, not line by line).
    let text = decode(&unfolded(data));
    for line in text.lines() {
        let Some((name, params, value)) = property(line) else {
            continue;
        };
        match name.to_ascii_uppercase().as_str() {
            "SUMMARY" => cal.titles.push(unescape(value).replace(['\r', '\n'], " ")),
            "DESCRIPTION" | "LOCATION" | "COMMENT" | "CONTACT" | "CATEGORIES" | "RESOURCES" => {
                cal.text.push_str(&unescape(value));
                cal.text.push('\n');
            }
            "X-ALT-DESC" if param(params, "FMTTYPE").is_some_and(|t| t.eq_ignore_ascii_case("text/html")) => {
                cal.html.push(unescape(value));
            }
            "ATTACH" if param(params, "ENCODING").is_some_and(|e| e.eq_ignore_ascii_case("BASE64")) => {
                let compact: Vec<u8> = value.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
                if let Some(bytes) = mail_parser::decoders::base64::base64_decode(&compact) {
                    let file_name = param(params, "X-FILENAME")
                        .or_else(|| param(params, "FILENAME"))
                        .unwrap_or_default();
                    let kind = param(params, "FMTTYPE").unwrap_or_default();
                    cal.files
                        .push((file_name.to_owned(), kind.to_ascii_lowercase(), bytes));
                }
            }
            _ => {}
        }
    }
    cal
}

/// The content lines, unfolded (a line break followed by a space or a tab continues the line,
/// RFC 5545 §3.1), each ended by `\n`. On bytes, so that a character folded in two is whole
/// again.
fn unfolded(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    for raw in data.split(|&b| b == b'\n') {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        match raw.first() {
            Some(b' ' | b'\t') if !out.is_empty() => {
                out.pop();
                out.extend_from_slice(&raw[1..]);
            }
            _ => out.extend_from_slice(raw),
        }
        out.push(b'\n');
    }
    out
}

/// A content line's name, parameters and value (`NAME;P=V;Q="x:y":value`); the value starts
/// at the first colon outside a quoted parameter value.
fn property(line: &str) -> Option<(&str, &str, &str)> {
    let mut quoted = false;
    let colon = line.char_indices().find_map(|(i, c)| match c {
        '"' => {
            quoted = !quoted;
            None
        }
        ':' if !quoted => Some(i),
        _ => None,
    })?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let (name, params) = head.split_once(';').unwrap_or((head, ""));
    Some((name.trim(), params, value))
}

/// A parameter's value (unquoted) among `P=V;Q="W"`, by name, in any case.
fn param<'a>(params: &'a str, name: &str) -> Option<&'a str> {
    params.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"'))
    })
}

/// A TEXT value unescaped: `\n` and `\N` a line break, `\,` `\;` `\\` the character.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf8(b: &[u8]) -> String {
        String::from_utf8_lossy(b).into_owned()
    }

    #[test]
    fn an_invitation_read_as_a_calendar_shows_it() {
        // Outlook's shape: folded lines (one fold inside "Ậ", a three-byte character), escaped
        // commas and line breaks, a quoted parameter with a colon, an HTML description, a file.
        let title = "TUYỆT MẬT - Họp bàn phương án".as_bytes();
        let cut = title.iter().position(|&b| b == 0xE1).unwrap_or(0) + 1;
        let mut ics = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY;LANGUAGE=vi:".to_vec();
        ics.extend_from_slice(&title[..cut]);
        ics.extend_from_slice(b"\r\n ");
        ics.extend_from_slice(&title[cut..]);
        ics.extend_from_slice(
            "\r\nDESCRIPTION:Kính gửi các đồng chí\\,\\nThành phần: Ban Giám đốc\\; Phòng PA03\r\nLOCATION:Phòng họp số 2\r\nORGANIZER;CN=\"Văn phòng: Sở\":mailto:vp@lamdong.gov.vn\r\nX-ALT-DESC;FMTTYPE=text/html:<html><body><p>MẬT</p></body></html>\r\nATTACH;ENCODING=BASE64;VALUE=BINARY;X-FILENAME=giay-moi.txt:R2nhuqV5IG3hu51p\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
                .as_bytes(),
        );
        assert!(is_calendar(&ics));
        let cal = read(&ics, &utf8);
        assert_eq!(cal.titles, vec!["TUYỆT MẬT - Họp bàn phương án"]);
        assert_eq!(
            cal.text,
            "Kính gửi các đồng chí,\nThành phần: Ban Giám đốc; Phòng PA03\nPhòng họp số 2\n"
        );
        assert_eq!(cal.html, vec!["<html><body><p>MẬT</p></body></html>"]);
        assert_eq!(
            cal.files,
            vec![(
                "giay-moi.txt".into(),
                String::new(),
                "Giấy mời".as_bytes().to_vec()
            )]
        );
    }

    #[test]
    fn not_a_calendar_and_broken_lines() {
        assert!(!is_calendar(b"BEGIN:VCARD\r\n"));
        assert!(is_calendar(b"\xEF\xBB\xBF\r\nbegin:vcalendar\r\n"));
        // Lines without a colon, a continuation before any line, a dangling escape.
        let cal = read(
            b" stray\r\nNOCOLON\r\nSUMMARY:a\\\r\nATTACH;ENCODING=BASE64:***\r\n",
            &utf8,
        );
        assert_eq!(cal.titles, vec!["a"]);
        assert!(cal.files.is_empty());
    }
}
