//! The message model: the envelope, the bytes of the message (bounded in memory, spilled to disk
//! past a threshold), and the facts derived once from parsing them.

mod buffer;
pub mod encoded;
mod parsed;
pub mod source;

pub use buffer::{BufferError, MessageBuffer};
pub(crate) use parsed::decode_base64_lenient;
pub use parsed::{Attachment, ParsedMessage, PartRef, StructureProblem, text_as_sent};

use serde::{Deserialize, Serialize};
use std::net::IpAddr;

/// A message's subject, as mail readers show it. The parser's reading, except where an
/// encoded word is in a Vietnamese 8-bit character set it does not know (`=?VISCII?B?…?=`,
/// [`crate::vietnamese::Charset8`]): then the header's encoded words are decoded here.
pub fn subject<'m>(msg: &'m mail_parser::Message<'_>) -> Option<std::borrow::Cow<'m, str>> {
    let parsed = msg.subject();
    let raw = msg.header_raw("Subject");
    match raw.filter(|r| r.contains("=?")).and_then(decode_vietnamese_words) {
        Some(decoded) => Some(std::borrow::Cow::Owned(decoded)),
        None => parsed.map(std::borrow::Cow::Borrowed),
    }
}

/// The RFC 2047 encoded words of a header decoded, when one of them is in a
/// [`crate::vietnamese::Charset8`] (the others through `encoding_rs` by their label); `None` when
/// none is (the parser's reading stands). White space between two encoded words is dropped.
fn decode_vietnamese_words(raw: &str) -> Option<String> {
    let mut out = String::new();
    let mut ours = false;
    let mut rest = raw;
    let mut after_word = false;
    while let Some(at) = rest.find("=?") {
        let (before, word) = rest.split_at(at);
        let mut parts = word[2..].splitn(3, '?');
        let (Some(charset), Some(encoding), Some(tail)) = (parts.next(), parts.next(), parts.next()) else {
            break;
        };
        let Some(end) = tail.find("?=") else { break };
        let text = &tail[..end];
        let bytes = match encoding.to_ascii_uppercase().as_str() {
            "B" => Some(parsed::decode_base64_lenient(text.as_bytes())),
            "Q" => Some(q_decode(text)),
            _ => None,
        };
        if !(after_word && bytes.is_some() && before.trim().is_empty()) {
            out.push_str(before);
        }
        // (RFC 2231's language after a `*`: `=?VISCII*vi?Q?…?=`.)
        let label = charset.split('*').next().unwrap_or(charset);
        let bytes_were_decoded = bytes.is_some();
        match (bytes, crate::vietnamese::Charset8::from_label(label)) {
            (Some(b), Some(ours_cs)) => {
                ours = true;
                out.push_str(&ours_cs.decode(&b));
            }
            (Some(b), None) => {
                let enc = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap_or(encoding_rs::UTF_8);
                out.push_str(&enc.decode_without_bom_handling(&b).0);
            }
            // Not B or Q: the word as it stands.
            (None, _) => out.push_str(
                word.get(..2 + charset.len() + 1 + encoding.len() + 1 + end + 2)
                    .unwrap_or(word),
            ),
        }
        rest = &tail[end + 2..];
        after_word = bytes_were_decoded;
    }
    out.push_str(rest);
    ours.then(|| out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The bytes of RFC 2047's Q encoding: quoted-printable with `_` for a space.
fn q_decode(text: &str) -> Vec<u8> {
    parsed::decode_qp_lenient(text.replace('_', " ").as_bytes())
}

/// The display name and the address of a From name that holds both ("Văn phòng <vp@x.vn>", as a
/// From whose name and address a mailer encoded whole as one encoded word decodes: PHP's
/// `mb_encode_mimeheader`, Python's legacy `email` API), if it does.
pub fn address_in_name(name: &str) -> Option<(&str, &str)> {
    let (display, address) = name.trim_end().strip_suffix('>')?.rsplit_once('<')?;
    let address = address.trim();
    bare_address(address)?;
    Some((display.trim().trim_matches('"').trim(), address))
}

/// `local@domain` when `text` is one address and nothing else (no spaces, brackets, quotes,
/// commas or semicolons; a dotted domain): its domain. What [`address_in_name`] and the spam
/// rules' display-name check take for an address.
pub fn bare_address(text: &str) -> Option<&str> {
    let (local, domain) = text.rsplit_once('@')?;
    let valid = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.contains(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | ',' | ';'));
    valid.then_some(domain)
}

/// The From address, lower-case, of a message whose From has no address of its own but a name
/// that holds one ([`address_in_name`]): what mail readers show. `None` otherwise. Reads at most
/// the first 256 KiB of the header section; a parser panic is no address.
pub fn from_address_in_name(raw: &[u8]) -> Option<String> {
    let end = memchr::memmem::find(raw, b"\r\n\r\n")
        .or_else(|| memchr::memmem::find(raw, b"\n\n"))
        .map_or(raw.len(), |i| i + 2);
    let head = raw.get(..end.min(256 * 1024))?;
    let parsed =
        std::panic::catch_unwind(|| mail_parser::MessageParser::default().parse_headers(head)).ok()??;
    let from = parsed.from()?.first()?;
    if from.address().is_some() {
        return None;
    }
    address_in_name(from.name()?).map(|(_, a)| a.to_ascii_lowercase())
}

/// What the SMTP dialogue told us about a message.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Envelope {
    /// The client's IP address (None when unknown, e.g. a local submission or `canhgac scan`).
    pub client_addr: Option<IpAddr>,
    /// The client's name as Postfix resolved it (`unknown` when it did not).
    pub client_name: String,
    pub helo: String,
    /// MAIL FROM address, without angle brackets (empty for the null sender).
    pub mail_from: String,
    /// ESMTP arguments of MAIL FROM (`SIZE=…`, `BODY=8BITMIME`, …).
    pub mail_args: Vec<String>,
    /// RCPT TO addresses, without angle brackets.
    pub rcpt_to: Vec<String>,
    /// Postfix queue id (macro `i`).
    pub queue_id: Option<String>,
    /// SASL login name (macro `{auth_authen}`), when the client authenticated.
    pub auth_user: Option<String>,
    /// The allow-list entry this message matched (`policy::lists`): spam scoring is skipped;
    /// every other scanner runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spam_allowed: Option<String>,
}

impl Envelope {
    /// The `SIZE=` value the client declared at MAIL FROM, if any.
    pub fn declared_size(&self) -> Option<u64> {
        self.mail_args.iter().find_map(|a| {
            let (k, v) = a.split_once('=')?;
            k.eq_ignore_ascii_case("SIZE").then(|| v.parse().ok()).flatten()
        })
    }
}

/// Where a message's header section ends (the offset of its blank line; the whole message when
/// there is none): the one place this is decided, for every caller that looks at the header
/// section alone (the inline-scan choice, the From and Subject of a held message, the headers an
/// officer is shown).
pub fn header_end(raw: &[u8]) -> usize {
    memchr::memmem::find(raw, b"\r\n\r\n")
        .or_else(|| memchr::memmem::find(raw, b"\n\n"))
        .unwrap_or(raw.len())
}

/// Strips the angle brackets of an SMTP path (`<a@b>` → `a@b`).
pub fn strip_brackets(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('<').and_then(|s| s.strip_suffix('>')).unwrap_or(s)
}

/// Everything the engine scans: one whole message and its envelope.
#[derive(Debug, Clone, Default)]
pub struct ScanInput {
    pub envelope: Envelope,
    /// The message as received: header section, blank line, body.
    pub raw: Vec<u8>,
    /// Size on the wire when the milter stopped buffering (`raw` then holds only a prefix).
    pub truncated_at: Option<u64>,
}

impl ScanInput {
    /// Whether the top-level Content-Type is text/plain or text/html (or absent, which means
    /// text/plain): such a message has no attachments. A cheap look at the header section only,
    /// to choose where to scan it; the parse decides everything else.
    pub fn is_single_text_part(&self) -> bool {
        let raw = &self.raw;
        let head_end = header_end(raw);
        let head = &raw[..head_end];
        let mut line_start = 0;
        for nl in memchr::memchr_iter(b'\n', head).chain(std::iter::once(head.len())) {
            let line = &head[line_start..nl];
            line_start = nl + 1;
            const NAME: &[u8] = b"content-type:";
            if line.len() >= NAME.len() && line[..NAME.len()].eq_ignore_ascii_case(NAME) {
                let value = line[NAME.len()..].trim_ascii_start();
                let is = |t: &[u8]| value.len() >= t.len() && value[..t.len()].eq_ignore_ascii_case(t);
                return is(b"text/plain") || is(b"text/html");
            }
        }
        true
    }

    /// A message with an empty envelope (for `canhgac scan`, tests and benches).
    pub fn from_bytes(raw: Vec<u8>) -> ScanInput {
        ScanInput {
            raw,
            ..ScanInput::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A subject with an encoded word in VISCII is decoded here, beside words in other
    /// character sets; one without is the parser's.
    #[test]
    fn subjects_in_vietnamese_8bit_character_sets() {
        use crate::vietnamese::Charset8;
        let viscii = String::from_utf8_lossy(&crate::mime_out::base64(&Charset8::Viscii.encode("TỐI MẬT")))
            .replace("\r\n", "");
        for (raw, want) in [
            (
                format!("Subject: =?VISCII?B?{viscii}?= =?utf-8?Q?_-_K=E1=BA=BF_ho=E1=BA=A1ch?=\r\n"),
                "TỐI MẬT - Kế hoạch",
            ),
            (
                "Subject: Fwd: =?x-viet-tcvn5712?Q?M=86T?= =?x?X?y?=\r\n".to_owned(),
                "Fwd: MẬT =?x?X?y?=",
            ),
            ("Subject: =?utf-8?B?VOG7kEkgTeG6rFQ=?=\r\n".to_owned(), "TỐI MẬT"),
        ] {
            let raw = format!("From: a@b\r\n{raw}\r\nx\r\n");
            let parsed =
                crate::message::ParsedMessage::parse(raw.as_bytes(), &crate::config::LimitsConfig::default());
            let m = parsed.message.as_ref().expect("parsed");
            assert_eq!(subject(m).as_deref(), Some(want), "{raw}");
        }
    }

    #[test]
    fn declared_size() {
        let mut e = Envelope::default();
        assert_eq!(e.declared_size(), None);
        e.mail_args = vec!["BODY=8BITMIME".into(), "size=1234".into()];
        assert_eq!(e.declared_size(), Some(1234));
        e.mail_args = vec!["SIZE=abc".into()];
        assert_eq!(e.declared_size(), None);
    }

    #[test]
    fn single_text_part() {
        let yes: &[&[u8]] = &[
            b"Subject: a\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nx",
            b"Subject: a\nCONTENT-TYPE:  TEXT/HTML\n\n<p>x</p>",
            b"Subject: no content type\r\n\r\nx",
        ];
        let no: &[&[u8]] = &[
            b"Subject: a\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B",
            b"Content-Type: application/pdf\r\n\r\n%PDF",
            b"Subject: a\r\nContent-Type: message/rfc822\r\n\r\nFrom: x",
        ];
        for m in yes {
            assert!(
                ScanInput::from_bytes(m.to_vec()).is_single_text_part(),
                "{}",
                String::from_utf8_lossy(m)
            );
        }
        for m in no {
            assert!(
                !ScanInput::from_bytes(m.to_vec()).is_single_text_part(),
                "{}",
                String::from_utf8_lossy(m)
            );
        }
    }

    #[test]
    fn brackets() {
        assert_eq!(strip_brackets("<a@b.c>"), "a@b.c");
        assert_eq!(strip_brackets("<>"), "");
        assert_eq!(strip_brackets("a@b.c"), "a@b.c");
    }
}
