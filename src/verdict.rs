//! The ground floor: the words every layer shares. A scanner's [`Finding`], the [`Action`] a
//! message gets, the [`SmtpReply`] that says so, and the [`Verdict`] that holds them together.
//! Nothing here imports from the rest of the crate, so every layer may use it (ARCHITECTURE.md,
//! "Floors").

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// One thing a scanner found.
///
/// `detail` and `location` are English sentences, stable for logs, the result header, SMTP
/// replies and `scan --json`. For people, a finding also carries its facts as data: `why` (a
/// reason's key with its values and weighed factors) and `place` (where, part by part); the
/// console, `quarantine show`, `scan` and the alerts render those in the reader's language from
/// `rules/findings.toml` ([`crate::explain`]), falling back to the English text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The symbol, e.g. `ATTACHMENT_OVERSIZE`; listed in `rules/scores.toml`.
    pub symbol: String,
    /// Its score (filled in by the policy from the score table).
    pub score: f64,
    /// What was found, in English.
    pub detail: String,
    /// Where: `message`, `envelope`, `part 3 "report.pdf"`, …
    pub location: String,
    /// What was found, as data (None: the English detail is all there is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<Why>,
    /// Where, part by part (read from `location`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub place: Vec<Place>,
}

impl Finding {
    pub fn new(symbol: &str, detail: impl Into<String>, location: impl Into<String>) -> Finding {
        let location = location.into();
        Finding {
            symbol: symbol.to_owned(),
            score: 0.0,
            detail: detail.into(),
            place: Place::parse(&location),
            location,
            why: None,
        }
    }

    /// The same finding with its reason as data.
    pub fn with_why(mut self, why: Why) -> Finding {
        self.why = Some(why);
        self
    }
}

/// Why a finding was made, as data: the key of a reason in `rules/findings.toml`, the values
/// its sentence names (verbatim: names, numbers, quoted evidence), terms (values that are
/// themselves keys of the `[terms]` table, so they are translated too) and, for a judged
/// marking, the factors that weighed for it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Why {
    pub key: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub terms: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub factors: Vec<Factor>,
}

impl Why {
    pub fn new(key: &str) -> Why {
        Why {
            key: key.to_owned(),
            ..Why::default()
        }
    }

    /// Adds a value named `name`.
    pub fn value(mut self, name: &str, v: impl ToString) -> Why {
        self.values.insert(name.to_owned(), v.to_string());
        self
    }

    /// Adds a term named `name`: `key` is looked up in the `[terms]` table.
    pub fn term(mut self, name: &str, key: &str) -> Why {
        self.terms.insert(name.to_owned(), key.to_owned());
        self
    }
}

/// One reason a marking was judged one, with the weight it added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Factor {
    /// The key of `rules/findings.toml`'s `[factors]`: `capitals`, `at_top`, …
    pub factor: String,
    pub weight: i32,
}

/// One step of a finding's location. A location is written by the extractors as text along a
/// small grammar (`forwarded message in part 2 > part 3 "a.zip" > docs/b.docx > word/header1.xml,
/// page 2, line 4 (OCR, frame)`); [`Place::parse`] reads it back into these steps and
/// [`Place::english`] writes them again, unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "at", rename_all = "snake_case")]
pub enum Place {
    Message,
    Envelope,
    Headers,
    /// The header section as a whole (a header missing from it).
    HeaderSection,
    /// One header field, by name.
    Header {
        name: String,
    },
    Subject,
    Body,
    BodyPart {
        id: String,
    },
    /// A MIME part, with its file name when it has one.
    Part {
        id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
    /// A message forwarded as part `id` (its own parts follow).
    Forwarded {
        id: String,
    },
    /// A file inside an archive or document package.
    Member {
        name: String,
    },
    Page {
        n: u64,
    },
    Line {
        n: u64,
    },
    /// The file's name itself (read for markings like its text).
    FileName,
    /// The text alternatives of an HTML body's pictures (`<img alt>`).
    PictureText,
    /// A multipart's preamble, before its first part (not shown by readers).
    Preamble,
    /// A multipart's epilogue, after its closing boundary (not shown by readers).
    Epilogue,
    /// Read by OCR: `frame`, `red ink`, `page`.
    Ocr {
        how: String,
    },
    /// What OCR read before the stamp's confusions were set aside.
    OcrRead {
        text: String,
    },
    /// Text the grammar does not know (shown as it is).
    Other {
        text: String,
    },
}

impl Place {
    /// The steps of a location written by the extractors and scanners.
    pub fn parse(location: &str) -> Vec<Place> {
        let mut rest = location.trim();
        // Suffixes, read from the end: OCR notes, then line, then page. The grammar writes at
        // most four; more would be a file name built to look like them (and each look is a scan
        // of the whole text), so they stay part of the name.
        let mut tail = Vec::new();
        while tail.len() < 4 {
            if let Some(body) = rest.strip_suffix("»)")
                && let Some(at) = body.rfind(" (OCR read «").filter(|&at| at > 0)
            {
                tail.push(Place::OcrRead {
                    text: body[at + " (OCR read «".len()..].to_owned(),
                });
                rest = &rest[..at];
            } else if let Some(body) = rest.strip_suffix(')')
                && let Some(at) = body.rfind(" (OCR, ").filter(|&at| at > 0)
                && !body[at..].contains('«')
            {
                tail.push(Place::Ocr {
                    how: body[at + " (OCR, ".len()..].to_owned(),
                });
                rest = &rest[..at];
            } else if let Some(head) = rest.strip_suffix(", file name").filter(|h| !h.is_empty()) {
                tail.push(Place::FileName);
                rest = head;
            } else if let Some(head) = rest.strip_suffix(", pictures' text").filter(|h| !h.is_empty()) {
                tail.push(Place::PictureText);
                rest = head;
            } else if let Some(head) = rest
                .strip_suffix(", text before its first part")
                .filter(|h| !h.is_empty())
            {
                tail.push(Place::Preamble);
                rest = head;
            } else if let Some(head) = rest
                .strip_suffix(", text after its last part")
                .filter(|h| !h.is_empty())
            {
                tail.push(Place::Epilogue);
                rest = head;
            } else if let Some((head, n)) = number_suffix(rest, ", line ") {
                tail.push(Place::Line { n });
                rest = head;
            } else if let Some((head, n)) = number_suffix(rest, ", page ") {
                tail.push(Place::Page { n });
                rest = head;
            } else {
                break;
            }
        }
        let mut out = Vec::new();
        while let Some(after) = rest.strip_prefix("forwarded message in part ") {
            let Some((id, more)) = after.split_once(" > ") else {
                break;
            };
            out.push(Place::Forwarded { id: id.to_owned() });
            rest = more;
        }
        let first = match rest {
            "" => None,
            "message" => Some((Place::Message, "")),
            "envelope" => Some((Place::Envelope, "")),
            "headers" => Some((Place::Headers, "")),
            "header section" => Some((Place::HeaderSection, "")),
            _ if rest.starts_with("header ") && !rest["header ".len()..].contains(' ') => Some((
                Place::Header {
                    name: rest["header ".len()..].to_owned(),
                },
                "",
            )),
            "subject" => Some((Place::Subject, "")),
            "body" => Some((Place::Body, "")),
            _ => first_step(rest),
        };
        match first {
            Some((p, more)) => {
                out.push(p);
                if let Some(members) = more.strip_prefix(" > ") {
                    out.extend(members.split(" > ").map(member_step));
                } else if !more.is_empty() {
                    out.push(Place::Other {
                        text: more.to_owned(),
                    });
                }
            }
            None if !rest.is_empty() => out.push(Place::Other {
                text: rest.to_owned(),
            }),
            None => {}
        }
        out.extend(tail.into_iter().rev());
        out
    }

    /// The steps written in English, as the location they were read from.
    pub fn english(steps: &[Place]) -> String {
        let mut out = String::new();
        for (i, p) in steps.iter().enumerate() {
            let joiner = match p {
                Place::Page { .. }
                | Place::Line { .. }
                | Place::FileName
                | Place::PictureText
                | Place::Preamble
                | Place::Epilogue => ", ",
                Place::Ocr { .. } | Place::OcrRead { .. } => " ",
                _ if i == 0 => "",
                Place::Other { .. } if !matches!(steps[i - 1], Place::Forwarded { .. }) => "",
                _ => " > ",
            };
            out.push_str(if i == 0 { "" } else { joiner });
            match p {
                Place::Message => out.push_str("message"),
                Place::Envelope => out.push_str("envelope"),
                Place::Headers => out.push_str("headers"),
                Place::HeaderSection => out.push_str("header section"),
                Place::Header { name } => out.push_str(&format!("header {name}")),
                Place::Subject => out.push_str("subject"),
                Place::Body => out.push_str("body"),
                Place::BodyPart { id } => out.push_str(&format!("body part {id}")),
                Place::Part { id, name: None } => out.push_str(&format!("part {id}")),
                Place::Part { id, name: Some(n) } => out.push_str(&format!("part {id} {n:?}")),
                Place::Forwarded { id } => out.push_str(&format!("forwarded message in part {id}")),
                Place::Member { name } => out.push_str(name),
                Place::Page { n } => out.push_str(&format!("page {n}")),
                Place::Line { n } => out.push_str(&format!("line {n}")),
                Place::FileName => out.push_str("file name"),
                Place::PictureText => out.push_str("pictures' text"),
                Place::Preamble => out.push_str("text before its first part"),
                Place::Epilogue => out.push_str("text after its last part"),
                Place::Ocr { how } => out.push_str(&format!("(OCR, {how})")),
                Place::OcrRead { text } => out.push_str(&format!("(OCR read «{text}»)")),
                Place::Other { text } => out.push_str(text),
            }
        }
        out
    }
}

/// `head` and the number of a location ending in `marker` and digits.
fn number_suffix<'a>(s: &'a str, marker: &str) -> Option<(&'a str, u64)> {
    let at = s.rfind(marker).filter(|&at| at > 0)?;
    let n = &s[at + marker.len()..];
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((&s[..at], n.parse().ok()?))
}

/// A step after the first: a file inside an archive or package, or, inside a message saved as
/// a file (`part 2 "thu.eml" > body part 1`), that message's own subject, body parts and parts.
fn member_step(m: &str) -> Place {
    if m == "subject" {
        return Place::Subject;
    }
    let numbered = |id: &str| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    match first_step(m) {
        Some((p @ (Place::BodyPart { .. } | Place::Part { .. }), "")) if matches!(&p, Place::BodyPart { id } | Place::Part { id, .. } if numbered(id)) => {
            p
        }
        _ => Place::Member { name: m.to_owned() },
    }
}

/// The first step of a location (`body part 1`, `part 2`, `part 3 "name"`) and what follows.
fn first_step(s: &str) -> Option<(Place, &str)> {
    if let Some(after) = s.strip_prefix("body part ") {
        let end = after.find(' ').unwrap_or(after.len());
        return Some((
            Place::BodyPart {
                id: after[..end].to_owned(),
            },
            &after[end..],
        ));
    }
    let after = s.strip_prefix("part ")?;
    let end = after.find(' ').unwrap_or(after.len());
    let id = after[..end].to_owned();
    let more = &after[end..];
    // A name as `{:?}` writes it (anything else is not a name: it stays text).
    if let Some(quoted) = more.strip_prefix(" \"")
        && let Some((name, used)) = unquote(quoted)
        && format!("{name:?}")[1..] == quoted[..used]
    {
        return Some((Place::Part { id, name: Some(name) }, &quoted[used..]));
    }
    Some((Place::Part { id, name: None }, more))
}

/// A string written with Rust's `{:?}` after its opening quote: the text and the bytes read,
/// closing quote included.
fn unquote(s: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 1)),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                '0' => out.push('\0'),
                'u' => {
                    if chars.next()?.1 != '{' {
                        return None;
                    }
                    let mut hex = String::new();
                    for (_, h) in chars.by_ref() {
                        if h == '}' {
                            break;
                        }
                        hex.push(h);
                    }
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// What happens to a message. The order of the variants is their strength: when several apply,
/// the strongest wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Deliver, with the result header.
    Accept,
    /// Deliver, marked (result header and spam headers).
    Tag,
    /// Refuse for now (4xx): the sending MTA keeps the message and retries.
    Tempfail,
    /// Accept from the MTA and drop.
    Discard,
    /// Refuse (5xx): the sending MTA keeps the message and tells its sender.
    Reject,
    /// Hold for the security officers.
    Quarantine,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Accept => "accept",
            Action::Tag => "tag",
            Action::Tempfail => "tempfail",
            Action::Discard => "discard",
            Action::Reject => "reject",
            Action::Quarantine => "quarantine",
        }
    }

    /// Whether the message is delivered by this action.
    pub fn delivers(self) -> bool {
        matches!(self, Action::Accept | Action::Tag)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An SMTP reply: code, enhanced status code, and ASCII text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SmtpReply {
    pub code: u16,
    pub status: String,
    pub text: String,
}

impl SmtpReply {
    /// A reply whose text is reduced to what SMTP can carry (printable ASCII, one line, bounded).
    pub fn new(code: u16, status: &str, text: &str) -> SmtpReply {
        let mut clean: String = text
            .chars()
            .map(|c| {
                if (c.is_ascii_graphic() && c != '%') || c == ' ' {
                    c
                } else {
                    '?'
                }
            })
            .collect();
        if clean.len() > 400 {
            clean.truncate(400);
        }
        SmtpReply {
            code,
            status: status.to_owned(),
            text: clean,
        }
    }
}

impl fmt::Display for SmtpReply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.code, self.status, self.text)
    }
}

/// The engine's decision about one message, with everything that explains it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// What is done with the message (after `dry_run`).
    pub action: Action,
    /// Under `policy.dry_run`: what would have been done, when that differs from `action`.
    pub dry_run_action: Option<Action>,
    /// Sum of the findings' scores.
    pub score: f64,
    /// The SMTP reply for reject and tempfail.
    pub reply: Option<SmtpReply>,
    /// The highest state-secret marking level found (`TUYỆT MẬT`, `TỐI MẬT`, `MẬT`), if any.
    pub level: Option<String>,
    /// Why: the symbol whose own action decided, `score` when the total did, empty when
    /// nothing did (delivered clean). For logs and metrics.
    pub reason: String,
    /// Every finding, with its score.
    pub findings: Vec<Finding>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_are_read_into_steps_and_written_back_unchanged() {
        let cases = [
            "message",
            "envelope",
            "header section",
            "header From",
            "header X-Mailer",
            "subject",
            "body part 1",
            "part 2",
            r#"part 3 "bao-cao.pdf", page 2, line 7"#,
            r#"part 2 "to-trinh.docx" > word/header1.xml, line 1"#,
            r#"forwarded message in part 2 > part 2.1 "a \"b\" > c.zip" > x/y.doc, line 3"#,
            r#"part 4 "scan.png" (OCR, frame), line 1 (OCR read «|MẶT|»)"#,
            r#"part 5 "đơn\u{202e}.pdf" > a, line 5.txt, line 9"#,
            r#"part 2 "thu.eml" > body part 1, line 4"#,
            r#"part 2 "thu.eml" > subject"#,
            r#"part 2 "a.zip" > part 1.txt > part 3 "b.pdf", page 1"#,
            r#"part 2 "a.zip" > x.docx, file name"#,
            "forwarded message in part 2 > body part 1, pictures' text, line 3",
            "part 0, text before its first part, line 1",
            "part 3, text after its last part",
            "part 2, part 3",
            "something else",
            "",
        ];
        for c in cases {
            let steps = Place::parse(c);
            assert_eq!(Place::english(&steps), c, "{steps:?}");
        }
        assert_eq!(
            Place::parse(r#"part 3 "bao-cao.pdf" > ảnh.zip > tờ 1.png (OCR, frame), line 2"#),
            vec![
                Place::Part {
                    id: "3".into(),
                    name: Some("bao-cao.pdf".into())
                },
                Place::Member {
                    name: "ảnh.zip".into()
                },
                Place::Member {
                    name: "tờ 1.png".into()
                },
                Place::Ocr { how: "frame".into() },
                Place::Line { n: 2 },
            ]
        );
        // Inside a message saved as a file, its own steps; a member merely named like one
        // ("part 1.txt") stays a member.
        assert_eq!(
            Place::parse(
                r#"part 2 "a.zip" > thu.eml > body part 1 > part 1.txt > part 3 "b.pdf", file name"#
            ),
            vec![
                Place::Part {
                    id: "2".into(),
                    name: Some("a.zip".into())
                },
                Place::Member {
                    name: "thu.eml".into()
                },
                Place::BodyPart { id: "1".into() },
                Place::Member {
                    name: "part 1.txt".into()
                },
                Place::Part {
                    id: "3".into(),
                    name: Some("b.pdf".into())
                },
                Place::FileName,
            ]
        );
        assert_eq!(
            Place::parse(r#"part 5 "đơn\u{202e}.pdf""#)[0],
            Place::Part {
                id: "5".into(),
                name: Some("đơn\u{202e}.pdf".into())
            }
        );
    }

    #[test]
    fn a_finding_without_its_facts_as_data_still_reads() {
        let old = r#"{"symbol":"X","score":1.0,"detail":"d","location":"part 2"}"#;
        let f: Finding = serde_json::from_str(old).expect("old record");
        assert!(f.why.is_none() && f.place.is_empty());
        let new = Finding::new("X", "d", "part 2").with_why(
            Why::new("virus_found")
                .value("signature", 1)
                .term("t", "encrypted"),
        );
        let back: Finding = serde_json::from_str(&serde_json::to_string(&new).expect("json")).expect("read");
        assert_eq!(back, new);
    }

    #[test]
    fn any_location_is_read_without_panicking_and_written_back() {
        let pieces = [
            "part ",
            "body part ",
            "2",
            " \"",
            "\"",
            "\\u{",
            "1F600}",
            "\\",
            " > ",
            ", line ",
            ", page ",
            "7",
            " (OCR, ",
            " (OCR read «",
            "»)",
            ")",
            "header ",
            "subject",
            "forwarded message in part ",
            "ệ",
            " ",
        ];
        let mut seed = 0x2545_f491_u64;
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..(seed % 9) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(1);
            let steps = Place::parse(&s);
            assert_eq!(Place::english(&steps), s.trim(), "{steps:?}");
        }
    }

    #[test]
    fn a_name_built_of_suffixes_stays_a_name() {
        let name = ", line 1".repeat(10_000);
        let location = format!("part 2 \"a.zip\" > x{name}, line 3");
        let steps = Place::parse(&location);
        assert!(steps.iter().filter(|p| matches!(p, Place::Line { .. })).count() <= 4);
        assert_eq!(Place::english(&steps), location);
    }
}
