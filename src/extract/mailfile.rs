//! Messages attached as files, opened like archives: an `.eml` or a web archive (`.mht`) sent
//! as `application/octet-stream` (mail-parser opens only the parts declared `message/rfc822`),
//! and an Outlook `.msg`. Their attachments become members of the message's one expansion
//! ([`super::Archives`]), so YARA reads them as it reads a zip's, and a file hidden one
//! message deeper is no way around the rules. Each member counts against the message's budget.
//! (Their text is read apart, as the message they are: see `text.rs`.)

use super::{Budget, ExtractProblem};
use crate::config::LimitsConfig;
use crate::message::ParsedMessage;

/// What kind of message file an attachment or member is, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailFile {
    /// MIME: a message saved as a file, a web archive.
    Mime,
    /// An Outlook message (a Compound File Binary container).
    Outlook,
}

/// The Compound File Binary signature (Outlook's `.msg`, legacy Office).
const CFB: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Whether the file named `name`, declared `content_type` (empty for an archive member), with
/// these first bytes is a message file. Parts declared `message/rfc822` or `message/global` are
/// not: the parser has opened them already; nor is an archive.
pub fn kind(name: &str, content_type: &str, head: &[u8]) -> Option<MailFile> {
    let name = name.trim_end_matches(['"', '\'', ' ']);
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let content_type = content_type.to_ascii_lowercase();
    if content_type.starts_with("message/") {
        return None;
    }
    if head.starts_with(CFB) && (ext == "msg" || content_type == "application/vnd.ms-outlook") {
        return Some(MailFile::Outlook);
    }
    if head.starts_with(CFB) || super::is_archive(head) {
        return None;
    }
    super::text::is_mime_file(&ext, &content_type, head).then_some(MailFile::Mime)
}

/// Calls `visit(path, member_name, bytes)` for each attachment of the MIME file `data` (at
/// `path`, nesting `depth`), within `budget`; what cannot be read goes to `problems`. It is
/// parsed as the message itself is ([`ParsedMessage::parse`]: its parts counted and its encoded
/// nesting bounded before the parser sees it, the parser's panics caught), so its attachments
/// include those of the messages forwarded in it.
pub fn mime_members(
    data: &[u8],
    path: &str,
    depth: usize,
    limits: &LimitsConfig,
    budget: &mut Budget,
    problems: &mut Vec<ExtractProblem>,
    visit: &mut dyn FnMut(&str, &str, &[u8]),
) {
    if budget.too_deep(path, depth, problems) {
        return;
    }
    let parsed = ParsedMessage::parse(data, limits);
    if let Some(why) = parsed.too_complex() {
        problems.push(ExtractProblem::Unreadable(
            path.to_owned(),
            format!("message file too complex to read: {why}"),
        ));
        return;
    }
    for (i, a) in parsed.attachments.iter().enumerate() {
        let Some(bytes) = parsed.content(a) else {
            continue;
        };
        let name = a.name.clone().unwrap_or_else(|| format!("attachment-{}", i + 1));
        if !budget.visit(path, &name, bytes, problems, visit) {
            return;
        }
    }
}

/// The same for an Outlook `.msg`: the files attached to it.
pub fn outlook_members(
    data: &[u8],
    path: &str,
    depth: usize,
    budget: &mut Budget,
    problems: &mut Vec<ExtractProblem>,
    visit: &mut dyn FnMut(&str, &str, &[u8]),
) {
    if budget.too_deep(path, depth, problems) {
        return;
    }
    match super::ole::read(data) {
        Ok(found) => {
            for (name, bytes) in &found.embedded {
                if !budget.visit(path, name, bytes, problems, visit) {
                    return;
                }
            }
        }
        Err(super::ole::OleError::Encrypted(_)) => problems.push(ExtractProblem::Encrypted(path.to_owned())),
        Err(super::ole::OleError::Damaged(why)) => {
            problems.push(ExtractProblem::Unreadable(path.to_owned(), why))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget() -> Budget {
        Budget::new(&LimitsConfig::default())
    }

    const EML: &str = "From: a@example.com\r\nTo: b@example.com\r\nSubject: x\r\nMIME-Version: 1.0\r\n\
        Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n\
        --b\r\nContent-Type: application/octet-stream; name=\"setup.exe\"\r\n\
        Content-Disposition: attachment; filename=\"setup.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\n\
        TVqQAAMAAAA=\r\n--b--\r\n";

    /// An .eml attached as a plain file gives its attachments, decoded, under its path; a part
    /// the parser opened itself (message/rfc822) or a zip is no message file here.
    #[test]
    fn an_attached_message_file_gives_its_attachments() {
        assert_eq!(
            kind("fwd.eml", "application/octet-stream", EML.as_bytes()),
            Some(MailFile::Mime)
        );
        assert_eq!(kind("fwd.eml", "message/rfc822", EML.as_bytes()), None);
        assert_eq!(kind("a.zip", "application/zip", b"PK\x03\x04rest"), None);
        assert_eq!(kind("notes.txt", "text/plain", b"hello"), None);
        // What the .eml gives within a budget: the files visited and the problems.
        let open_within = |mut b: Budget, limits: &LimitsConfig| {
            let (mut got, mut problems) = (Vec::new(), Vec::new());
            mime_members(
                EML.as_bytes(),
                "part 2 \"fwd.eml\"",
                1,
                limits,
                &mut b,
                &mut problems,
                &mut |path, _, data| got.push((path.to_owned(), data.to_vec())),
            );
            (got, problems, b)
        };
        let open = |b: Budget| open_within(b, &LimitsConfig::default());
        let (got, problems, left) = open(budget());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "part 2 \"fwd.eml\" > setup.exe");
        assert!(got[0].1.starts_with(b"MZ"), "{:?}", got[0].1);
        // The budget counts it; an empty budget or no depth left refuses it.
        assert_eq!(left.members_left, budget().members_left - 1);
        let (got, problems, _) = open(Budget {
            members_left: 0,
            ..budget()
        });
        assert!(got.is_empty());
        assert!(
            matches!(problems[..], [ExtractProblem::TooManyMembers(_)]),
            "{problems:?}"
        );
        let (got, problems, _) = open(Budget {
            max_depth: 0,
            ..budget()
        });
        assert!(got.is_empty());
        assert!(
            matches!(problems[..], [ExtractProblem::TooDeep(_)]),
            "{problems:?}"
        );
        // Its parts are counted before the parser sees them, as the message's own are: an .eml
        // of more parts than the limit is not read, and says so.
        let few_parts = LimitsConfig {
            max_mime_parts: 1,
            ..LimitsConfig::default()
        };
        let (got, problems, _) = open_within(budget(), &few_parts);
        assert!(got.is_empty());
        assert!(
            matches!(&problems[..], [ExtractProblem::Unreadable(_, why)] if why.contains("too complex")),
            "{problems:?}"
        );
    }
}
