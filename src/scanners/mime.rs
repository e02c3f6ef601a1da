//! The MIME structure scanner: says what could not be parsed, and refuses what is too complex to
//! scan within bounds.

use super::{Finding, ScanContext, Scanner};
use crate::message::StructureProblem;
use crate::policy::KnownSymbol;
use crate::verdict::Why;

/// Emits the `MIME_*` symbols from the parse's problems.
pub struct MimeScanner;

impl Scanner for MimeScanner {
    fn name(&self) -> &'static str {
        "mime"
    }

    fn symbols(&self) -> Vec<KnownSymbol> {
        super::named(&[
            "MIME_NO_HEADERS",
            "MIME_BAD_ENCODING",
            "MIME_NUL_BYTE",
            "MIME_TOO_COMPLEX",
            "MIME_UNPARSABLE",
        ])
    }

    fn scan(&self, cx: &ScanContext<'_, '_>, out: &mut Vec<Finding>) {
        let mut bad_encoding = Vec::new();
        for p in &cx.parsed.problems {
            match p {
                StructureProblem::NoHeaders => out.push(
                    Finding::new(
                        "MIME_NO_HEADERS",
                        "no header section found; read as a single text body",
                        "message",
                    )
                    .with_why(Why::new("mime_no_headers")),
                ),
                StructureProblem::BadEncoding(loc) => bad_encoding.push(loc.as_str()),
                StructureProblem::NulBytes(n) => out.push(
                    Finding::new("MIME_NUL_BYTE", format!("{n} NUL bytes"), "message")
                        .with_why(Why::new("mime_nul_bytes").value("n", n)),
                ),
                StructureProblem::TooComplex(why) => out.push(
                    Finding::new(
                        "MIME_TOO_COMPLEX",
                        format!("Message structure too complex to scan: {why}"),
                        "message",
                    )
                    .with_why(Why::new("mime_too_complex").value("why", why)),
                ),
                StructureProblem::ParserPanic => out.push(
                    Finding::new(
                        "MIME_UNPARSABLE",
                        "the MIME parser failed on this message; its structure is unknown",
                        "message",
                    )
                    .with_why(Why::new("mime_unparsable")),
                ),
            }
        }
        if !bad_encoding.is_empty() {
            let n = bad_encoding.len();
            bad_encoding.truncate(5);
            out.push(
                Finding::new(
                    "MIME_BAD_ENCODING",
                    format!("{n} part(s) could not be decoded cleanly"),
                    bad_encoding.join(", "),
                )
                .with_why(Why::new("mime_bad_encoding").value("n", n)),
            );
        }
    }
}
