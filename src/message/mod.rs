//! The message model: the envelope, the bytes of the message (bounded in memory, spilled to disk
//! past a threshold), and the facts derived once from parsing them.

mod buffer;
mod parsed;
pub mod source;

pub use buffer::{BufferError, MessageBuffer};
pub use parsed::{Attachment, ParsedMessage, PartRef, StructureProblem};

use serde::Serialize;
use std::net::IpAddr;

/// What the SMTP dialogue told us about a message.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
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
    fn brackets() {
        assert_eq!(strip_brackets("<a@b.c>"), "a@b.c");
        assert_eq!(strip_brackets("<>"), "");
        assert_eq!(strip_brackets("a@b.c"), "a@b.c");
    }
}
