//! The size scanner: the regulation's limit on the decoded size of all attachments of a message
//! (art. 6: at most 20 MB), and the wire-size limit.

use super::{Finding, ScanContext, Scanner};
use crate::config::LimitsConfig;
use crate::message::StructureProblem;
use crate::policy::KnownSymbol;
use crate::verdict::Why;

/// Emits `ATTACHMENT_OVERSIZE` and `MESSAGE_OVERSIZE`.
pub struct SizeScanner {
    max_attachment_bytes: u64,
    max_message_bytes: u64,
}

impl SizeScanner {
    pub fn new(limits: &LimitsConfig) -> SizeScanner {
        SizeScanner {
            max_attachment_bytes: limits.max_attachment_bytes,
            max_message_bytes: limits.max_message_bytes,
        }
    }
}

impl Scanner for SizeScanner {
    fn name(&self) -> &'static str {
        "size"
    }

    fn symbols(&self) -> Vec<KnownSymbol> {
        super::named(&["ATTACHMENT_OVERSIZE", "MESSAGE_OVERSIZE"])
    }

    fn scan(&self, cx: &ScanContext<'_, '_>, out: &mut Vec<Finding>) {
        let wire = cx.input.truncated_at.unwrap_or(cx.input.raw.len() as u64);
        if wire > self.max_message_bytes {
            out.push(
                Finding::new(
                    "MESSAGE_OVERSIZE",
                    format!(
                        "Message size {wire} bytes exceeds the limit of {} bytes",
                        self.max_message_bytes
                    ),
                    "message",
                )
                .with_why(
                    Why::new("message_oversize")
                        .value("size", wire)
                        .value("limit", self.max_message_bytes),
                ),
            );
        }
        if cx.parsed.message.is_none() && cx.parsed.problems.contains(&StructureProblem::ParserPanic) {
            // The structure is unknown. Decoding never makes content larger than its encoding,
            // so the raw size bounds the attachments: only a message that could hold too much
            // is refused.
            let bound = cx.input.raw.len() as u64;
            if bound > self.max_attachment_bytes {
                out.push(
                    Finding::new(
                        "ATTACHMENT_OVERSIZE",
                        format!(
                            "Message of {bound} bytes could not be parsed to measure its attachments, and may exceed the limit of {} bytes per message",
                            self.max_attachment_bytes
                        ),
                        "message",
                    )
                    .with_why(
                        Why::new("attachments_unmeasured")
                            .value("size", bound)
                            .value("limit", self.max_attachment_bytes),
                    ),
                );
            }
            return;
        }
        let total = cx.parsed.total_attachment_bytes();
        if total > self.max_attachment_bytes {
            // Name the largest attachments as evidence.
            let mut by_size: Vec<_> = cx.parsed.attachments.iter().collect();
            by_size.sort_by_key(|a| std::cmp::Reverse(a.decoded_size));
            let largest: Vec<String> = by_size
                .iter()
                .take(3)
                .map(|a| format!("{} ({} bytes)", a.location, a.decoded_size))
                .collect();
            out.push(
                Finding::new(
                    "ATTACHMENT_OVERSIZE",
                    format!(
                        "Attachments total {total} bytes ({:.1} MiB) decoded, limit is {} bytes ({} MiB) per message",
                        total as f64 / 1_048_576.0,
                        self.max_attachment_bytes,
                        self.max_attachment_bytes / 1_048_576
                    ),
                    largest.join(", "),
                )
                .with_why(
                    Why::new("attachments_oversize")
                        .value("total", total)
                        .value("limit", self.max_attachment_bytes),
                ),
            );
        }
    }
}
