//! The message model: the envelope, the bytes of the message (bounded in memory, spilled to disk
//! past a threshold), and the facts derived once from parsing them.

mod buffer;
mod parsed;
pub mod source;
pub mod uuencode;

pub use buffer::{BufferError, MessageBuffer};
pub(crate) use parsed::decode_base64_lenient;
pub use parsed::{Attachment, ParsedMessage, PartRef, StructureProblem, text_as_sent};

use serde::{Deserialize, Serialize};
use std::net::IpAddr;

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
