//! The state-secret markings detector on arbitrary text (the first byte picks the kind of
//! piece: subject, body, document, page header).
#![no_main]
use canhgac::extract::{ExtractedText, PieceKind, TextPiece};
use canhgac::scanners::markings::{EMBEDDED, MarkingScanner};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static SCANNER: OnceLock<MarkingScanner> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let scanner = SCANNER.get_or_init(|| {
        MarkingScanner::compile(EMBEDDED, std::path::Path::new("markings.toml")).expect("embedded rules")
    });
    let kind = match kind % 4 {
        0 => PieceKind::Subject,
        1 => PieceKind::Body,
        2 => PieceKind::Document,
        _ => PieceKind::PageHeader,
    };
    let text = ExtractedText {
        pieces: vec![TextPiece {
            location: "fuzz".into(),
            kind,
            text: String::from_utf8_lossy(rest).into_owned(),
            tcvn3_lowercase: kind == PieceKind::Document,
        }],
        ..ExtractedText::default()
    };
    let mut out = Vec::new();
    scanner.detect(&text, &mut out);
});
