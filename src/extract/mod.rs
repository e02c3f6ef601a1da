//! Attachment content: archives opened within bounds, and the text of every part and document
//! format (for the state-secret markings detector). A zip bomb, an endless nesting, an entity
//! bomb or an encrypted member ends in a reported problem, never in unbounded time or memory.

pub mod archive;
pub mod describe;
pub mod html;
pub mod ical;
pub mod mailfile;
pub mod ocr;
pub mod odf_crypt;
pub mod office;
pub mod office_crypt;
pub mod ole;
pub mod passwords;
pub mod pdf;
mod pdf_crypt;
mod pdf_glyphs;
mod pdf_layout;
pub mod rtf;
pub mod table;
pub mod text;
pub mod tnef;
pub mod xlsb;
mod zip;

pub use describe::{AttachmentFact, Described, TextFact, describe};
pub use text::{
    ExtractedText, OcrCollect, OcrKind, OcrSource, PieceKind, TextPiece, TextProblem, extract_message,
    extract_message_collecting, extract_message_until, extract_message_with,
};

pub use self::zip::{Archives, Member, for_each_member, walk_archive, zip_openings};

use crate::config::LimitsConfig;

/// Bounds for everything expanded from one message's archives, shared by all of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Budget {
    pub max_depth: usize,
    pub members_left: usize,
    pub bytes_left: u64,
    pub max_ratio: u64,
    /// The passwords the message gives for its encrypted members, and what they opened.
    pub passwords: passwords::Passwords,
}

impl Budget {
    pub fn new(limits: &LimitsConfig) -> Budget {
        Budget {
            max_depth: limits.max_archive_depth,
            members_left: limits.max_archive_members,
            bytes_left: limits.max_expanded_bytes,
            max_ratio: limits.max_compression_ratio,
            passwords: passwords::Passwords::default(),
        }
    }

    /// Whether a container at nesting `depth` (at `path`) lies deeper than the budget allows;
    /// the problem is recorded when it does.
    pub fn too_deep(&self, path: &str, depth: usize, problems: &mut Vec<ExtractProblem>) -> bool {
        let deep = depth > self.max_depth;
        if deep {
            problems.push(ExtractProblem::TooDeep(path.to_owned()));
        }
        deep
    }

    /// Counts a file of `len` bytes read out of a container (at `member`, its path) against the
    /// budget; false, with the problem recorded, when no member or too few bytes are left (the
    /// bytes are then spent: nothing more is read from the message).
    pub fn admit(&mut self, member: &str, len: usize, problems: &mut Vec<ExtractProblem>) -> bool {
        if self.members_left == 0 {
            problems.push(ExtractProblem::TooManyMembers(member.to_owned()));
            return false;
        }
        if len as u64 > self.bytes_left {
            problems.push(ExtractProblem::TooLarge(member.to_owned()));
            self.bytes_left = 0;
            return false;
        }
        self.members_left -= 1;
        self.bytes_left -= len as u64;
        true
    }

    /// Visits the file `name` of the container at `path` (as `visit(member_path, name, bytes)`)
    /// if the budget admits it ([`Budget::admit`]); false when it does not (nothing more is to
    /// be read).
    pub fn visit(
        &mut self,
        path: &str,
        name: &str,
        bytes: &[u8],
        problems: &mut Vec<ExtractProblem>,
        visit: &mut dyn FnMut(&str, &str, &[u8]),
    ) -> bool {
        let member = format!("{path} > {name}");
        let ok = self.admit(&member, bytes.len(), problems);
        if ok {
            visit(&member, name, bytes);
        }
        ok
    }
}

/// Why some content of an archive could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ExtractProblem {
    /// A member is encrypted (path).
    Encrypted(String),
    /// Archives nested deeper than allowed (path of the archive not opened).
    TooDeep(String),
    /// The message's member budget ran out.
    TooManyMembers(String),
    /// The message's expanded-bytes budget ran out.
    TooLarge(String),
    /// A member expands more than `ratio` times its compressed size (path, ratio limit).
    Bomb(String, u64),
    /// The archive is damaged or uses an unsupported method (path, reason).
    Unreadable(String, String),
}

impl ExtractProblem {
    /// Where it happened (a path inside the message).
    pub fn path(&self) -> &str {
        match self {
            ExtractProblem::Encrypted(l)
            | ExtractProblem::TooDeep(l)
            | ExtractProblem::TooManyMembers(l)
            | ExtractProblem::TooLarge(l)
            | ExtractProblem::Bomb(l, _)
            | ExtractProblem::Unreadable(l, _) => l,
        }
    }

    /// For people: what and where.
    pub fn describe(&self) -> String {
        match self {
            ExtractProblem::Encrypted(p) => format!("encrypted member {p}"),
            ExtractProblem::TooDeep(p) => format!("archive nested too deep: {p}"),
            ExtractProblem::TooManyMembers(p) => format!("too many archive members, stopped at {p}"),
            ExtractProblem::TooLarge(p) => format!("expanded size limit reached at {p}"),
            ExtractProblem::Bomb(p, r) => format!("{p} expands more than {r} times its compressed size"),
            ExtractProblem::Unreadable(p, why) => format!("cannot read archive {p}: {why}"),
        }
    }
}

/// The kind of a problem's English explanation, as a key of `rules/findings.toml`'s `[terms]`
/// (what an officer needs to know first: encrypted, damaged, a limit reached…); the
/// explanation itself stays beside it.
pub fn problem_kind(why: &str) -> &'static str {
    let w = why.to_ascii_lowercase();
    let has = |s: &str| w.contains(s);
    if has("encrypt") || has("password") {
        "encrypted"
    } else if has("time limit") {
        "time_limit"
    } else if has("extracted-text limit") || has("extraction limit") {
        "text_limit"
    } else if has("nested too deep") {
        "too_deep"
    } else if has("too many") {
        "too_many_members"
    } else if has("entities") {
        "xml_entities"
    } else if has("expands more than") || has("bomb") {
        "bomb"
    } else if has("size limit") || has("too large") || has("too big") {
        "too_large"
    } else if has("tounicode") {
        "no_unicode_map"
    } else if has("not supported") || has("unsupported") {
        "unsupported"
    } else if [
        "damaged",
        "malformed",
        "cannot",
        "corrupt",
        "invalid",
        "truncated",
        "broken",
    ]
    .iter()
    .any(|s| has(s))
    {
        "damaged"
    } else {
        "unreadable"
    }
}

/// Whether bytes look like an archive whose members are expanded: zip, or one of
/// [`archive::is_other_archive`]'s formats.
pub fn is_archive(data: &[u8]) -> bool {
    is_zip(data) || archive::is_other_archive(data)
}

/// Whether bytes look like a zip archive (local file header, or an empty archive).
pub fn is_zip(data: &[u8]) -> bool {
    data.starts_with(b"PK\x03\x04") || data.starts_with(b"PK\x05\x06")
}

/// A deadline far enough away for unit tests of the extractors.
#[cfg(test)]
pub(crate) fn test_deadline() -> std::time::Instant {
    std::time::Instant::now() + std::time::Duration::from_secs(5)
}
