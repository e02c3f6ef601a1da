//! Scans and photos read by OCR for state-secret stamps: image attachments, inline images,
//! images inside documents and PDF pages without text, within the per-message limits of
//! `[ocr]`. The reading itself is [`crate::extract::ocr`]; the text it gives is weighed by the
//! markings detector ([`super::MarkingScanner::detect_ocr`]). What a limit, a missing tool or a
//! broken image leaves unread is `OCR_INCOMPLETE`, or `OCR_INCOMPLETE_OUTBOUND` when a recipient
//! is outside `[local] domains` (held by default: an unread scan must not leave the province
//! unseen).

use super::Finding;
use crate::config::{LocalConfig, OcrConfig};
use crate::extract::ocr::{self, Cache, Region, RegionText};
use crate::extract::{OcrKind, OcrSource, PieceKind, TextPiece};
use crate::policy::KnownSymbol;
use crate::verdict::Why;
use std::time::Instant;

/// Some content only OCR could read was not read (recipients all local).
pub const INCOMPLETE: &str = "OCR_INCOMPLETE";
/// As [`INCOMPLETE`], with a recipient outside `[local] domains`.
pub const INCOMPLETE_OUTBOUND: &str = "OCR_INCOMPLETE_OUTBOUND";

/// The OCR of one message's images, with a cache shared by the messages this process reads.
pub struct OcrScanner {
    config: OcrConfig,
    local: LocalConfig,
    cache: Cache,
}

/// What OCR read of a message.
#[derive(Debug, Default)]
pub struct OcrRead {
    pub pieces: Vec<TextPiece>,
    /// (location, why) of what was not (fully) read.
    pub unread: Vec<(String, String)>,
    /// Images and pages read (from the cache or by tesseract).
    pub read: usize,
    pub from_cache: usize,
}

impl OcrScanner {
    pub fn new(config: &OcrConfig, local: &LocalConfig) -> OcrScanner {
        OcrScanner {
            config: config.clone(),
            local: local.clone(),
            cache: Cache::new(config.cache_entries),
        }
    }

    pub fn symbols() -> Vec<KnownSymbol> {
        super::named(&[INCOMPLETE, INCOMPLETE_OUTBOUND])
    }

    pub fn enabled(&self) -> bool {
        self.config.enabled
    }

    /// Images remembered by this process.
    pub fn cached(&self) -> usize {
        self.cache.len()
    }

    /// Reads `sources` (with their bytes) by `deadline`, at most `[ocr] max_images` of them.
    pub fn read(&self, sources: &[OcrSource], deadline: Instant) -> OcrRead {
        let mut out = OcrRead::default();
        for (n, s) in sources.iter().enumerate() {
            if n >= self.config.max_images {
                out.unread.push((
                    s.location.clone(),
                    format!(
                        "{} images and PDF pages in this message; OCR stopped at {} (ocr.max_images)",
                        sources.len(),
                        self.config.max_images
                    ),
                ));
                break;
            }
            if Instant::now() > deadline {
                out.unread.push((
                    s.location.clone(),
                    "the OCR time limit per message (ocr.timeout_ms) was reached".into(),
                ));
                break;
            }
            let Some(data) = &s.data else {
                out.unread
                    .push((s.location.clone(), "the image's bytes were not kept".into()));
                continue;
            };
            let what = match s.kind {
                OcrKind::Image => "image".to_owned(),
                OcrKind::PdfPage(p) => format!("pdf page {p}"),
            };
            let key = Cache::key(data, &what, self.config.whole_page);
            let regions = match self.cache.get(&key) {
                Some(r) => {
                    out.from_cache += 1;
                    Ok(r)
                }
                None => {
                    let r = self.read_one(s.kind, data, s.password.as_deref(), deadline);
                    if let Ok(r) = &r {
                        self.cache.put(key, r.clone());
                    }
                    r
                }
            };
            match regions {
                Ok(regions) => {
                    out.read += 1;
                    for r in regions {
                        let (kind, name) = match r.region {
                            Region::Frame => (PieceKind::Stamp, "frame"),
                            Region::RedInk => (PieceKind::Scan, "red ink"),
                            Region::Page => (PieceKind::Scan, "page"),
                        };
                        out.pieces.push(TextPiece {
                            location: format!("{} (OCR, {name})", s.location),
                            kind,
                            text: r.text,
                            tcvn3_lowercase: false,
                        });
                    }
                }
                Err(why) => out.unread.push((s.location.clone(), why)),
            }
        }
        out
    }

    fn read_one(
        &self,
        kind: OcrKind,
        data: &[u8],
        password: Option<&str>,
        deadline: Instant,
    ) -> Result<Vec<RegionText>, String> {
        let img = match kind {
            OcrKind::Image => ocr::decode_image(&self.config, data, deadline)?,
            OcrKind::PdfPage(p) => ocr::render_pdf_page(&self.config, data, p, password, deadline)?,
        };
        ocr::read_image(&self.config, &img, deadline)
    }

    /// The findings for what was left unread: one symbol for the message, by where it goes.
    pub fn unread_findings(&self, unread: &[(String, String)], recipients: &[String]) -> Vec<Finding> {
        let outbound = recipients
            .iter()
            .any(|r| !self.local.is_local(r.trim_start_matches('<')));
        let symbol = if outbound { INCOMPLETE_OUTBOUND } else { INCOMPLETE };
        unread
            .iter()
            .take(8)
            .map(|(location, why)| {
                Finding::new(symbol, format!("not read by OCR: {why}"), location).with_why(
                    Why::new("ocr_unread")
                        .value("why", why)
                        .term("kind", crate::extract::problem_kind(why)),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanner() -> OcrScanner {
        let local = LocalConfig {
            domains: vec!["lamdong.gov.vn".into()],
            ..LocalConfig::default()
        };
        OcrScanner::new(&OcrConfig::default(), &local)
    }

    #[test]
    fn unread_is_held_only_when_it_leaves_the_province() {
        let s = scanner();
        let unread = vec![("part 2".to_owned(), "why".to_owned())];
        let inside = s.unread_findings(
            &unread,
            &["a@snv.lamdong.gov.vn".into(), "b@lamdong.gov.vn".into()],
        );
        assert_eq!(inside[0].symbol, INCOMPLETE);
        let outside = s.unread_findings(&unread, &["a@lamdong.gov.vn".into(), "<x@gmail.com>".into()]);
        assert_eq!(outside[0].symbol, INCOMPLETE_OUTBOUND);
    }

    #[test]
    fn limits_leave_the_rest_unread() {
        let config = OcrConfig {
            max_images: 1,
            ..OcrConfig::default()
        };
        let s = OcrScanner::new(&config, &LocalConfig::default());
        let src = |n: usize| OcrSource {
            location: format!("part {n}"),
            kind: OcrKind::Image,
            data: Some(b"not an image".to_vec()),
            password: None,
        };
        let r = s.read(
            &[src(1), src(2)],
            Instant::now() + std::time::Duration::from_secs(5),
        );
        assert_eq!(r.unread.len(), 2, "{:?}", r.unread);
        assert!(r.unread[0].1.contains("cannot read the image"));
        assert!(r.unread[1].1.contains("ocr.max_images"));
    }
}
