//! What an officer is shown of a held message's content: its attachments (type, decoded size,
//! SHA-256) and the text extracted from its body and attachments. Computed once, when the
//! message is held, by the same isolated worker that scanned it, and stored with it: the
//! console and the CLI show the stored description and never parse the held bytes themselves
//! (a message built to crash a parser would otherwise crash the console, or the gateway that
//! serves it, the moment an officer opens it).

use crate::config::LimitsConfig;
use crate::message::ParsedMessage;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::time::Instant;

/// Text of one part kept at most this long (characters).
pub const MAX_TEXT_CHARS: usize = 50_000;

/// An attachment as listed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AttachmentFact {
    pub location: String,
    pub content_type: String,
    /// Decoded bytes.
    pub size: u64,
    pub sha256: String,
}

/// The text of one part or document, as extracted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TextFact {
    pub location: String,
    pub text: String,
    /// Longer than [`MAX_TEXT_CHARS`]: cut there.
    pub truncated: bool,
}

/// The content of a held message as shown to officers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Described {
    pub attachments: Vec<AttachmentFact>,
    pub texts: Vec<TextFact>,
}

/// Describes a message within `limits`, by `deadline`.
pub fn describe(raw: &[u8], limits: &LimitsConfig, deadline: Instant) -> Described {
    let parsed = ParsedMessage::parse(raw, limits);
    let attachments = parsed
        .attachments
        .iter()
        .map(|a| {
            let data = parsed.content(a).unwrap_or_default();
            AttachmentFact {
                location: a.location.clone(),
                content_type: a.content_type.clone(),
                size: data.len() as u64,
                sha256: crate::mime_out::hex(&Sha256::digest(data)),
            }
        })
        .collect();
    let text = super::extract_message_until(&parsed, raw, limits, deadline);
    // (A file's name is shown with its attachment, not again as a text.)
    let texts = text
        .pieces
        .iter()
        .filter(|p| p.kind != super::PieceKind::FileName)
        .map(|p| {
            let shown: String = p.text.chars().take(MAX_TEXT_CHARS).collect();
            TextFact {
                location: p.location.clone(),
                truncated: shown.len() < p.text.len(),
                text: shown,
            }
        })
        .collect();
    Described { attachments, texts }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_described_with_its_attachments_and_texts() {
        let raw = b"From: a@b\r\nSubject: Bao cao\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nKinh gui cac don vi.\r\n--B\r\nContent-Type: text/plain; name=\"ghi-chu.txt\"\r\nContent-Disposition: attachment; filename=\"ghi-chu.txt\"\r\n\r\nDo mat: MAT\r\n--B--\r\n";
        let limits = LimitsConfig::default();
        let d = describe(raw, &limits, Instant::now() + std::time::Duration::from_secs(10));
        assert_eq!(d.attachments.len(), 1, "{d:?}");
        assert!(d.attachments[0].location.contains("ghi-chu.txt"));
        assert_eq!(d.attachments[0].sha256.len(), 64);
        assert!(d.texts.iter().any(|t| t.text.contains("Kinh gui")), "{d:?}");
        assert!(d.texts.iter().any(|t| t.text.contains("Do mat: MAT")), "{d:?}");
        let json = serde_json::to_string(&d).expect("json");
        assert_eq!(serde_json::from_str::<Described>(&json).expect("back"), d);
    }
}
