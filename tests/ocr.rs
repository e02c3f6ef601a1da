//! Scans and photos (issue 18): the labelled scans corpus (every carrier found with its level,
//! no trap flagged), what OCR leaves unread (limits, OCR off, a missing tesseract) and where
//! that holds the message, the cache, and the gateway reading scans in workers of their own
//! while text mail flows.

use crate::common::gateway::{Gateway, children, ordinary};
use crate::common::test_config;
use canhgac::bench::scans;
use canhgac::message::{Envelope, ScanInput};
use canhgac::{Action, Engine};
use indymilter_test::Status;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/scans")
}

/// The committed scans, with what each must give: (file, carrier, symbols).
fn expected() -> Vec<(String, String, Vec<String>)> {
    let text = std::fs::read_to_string(corpus_dir().join("expected.toml")).expect("expected.toml");
    let doc: toml::Value = toml::from_str(&text).expect("expected.toml parses");
    doc.get("message")
        .and_then(|m| m.as_array())
        .expect("messages")
        .iter()
        .map(|m| {
            let s = |k: &str| m.get(k).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
            let symbols = m
                .get("symbols")
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect();
            (s("file"), s("carrier"), symbols)
        })
        .collect()
}

fn scan(raw: Vec<u8>, rcpt: &str) -> ScanInput {
    ScanInput {
        envelope: Envelope {
            mail_from: "vanthu@snv.lamdong.gov.vn".into(),
            rcpt_to: vec![rcpt.into()],
            ..Envelope::default()
        },
        raw,
        truncated_at: None,
    }
}

fn symbols(v: &canhgac::Verdict, prefix: &str) -> Vec<String> {
    let mut s: Vec<String> = v
        .findings
        .iter()
        .filter(|f| f.symbol.starts_with(prefix))
        .map(|f| f.symbol.clone())
        .collect();
    s.sort();
    s.dedup();
    s
}

/// The first attachment of a committed scan message.
fn attachment(file: &str) -> Vec<u8> {
    let raw = std::fs::read(corpus_dir().join(file)).expect("scan file");
    let m = mail_parser::MessageParser::default().parse(&raw).expect("parses");
    m.attachments()
        .next()
        .map(|a| a.contents().to_vec())
        .expect("an attachment")
}

#[test]
#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs fonts-dejavu-core: cargo test --features system-tests"
)]
fn committed_scans_are_what_the_generator_writes() {
    let set = scans::scans(Path::new(scans::FONT_DIR)).expect("fonts-dejavu-core");
    let dir = corpus_dir();
    for m in &set {
        let on_disk = std::fs::read(dir.join(&m.file)).unwrap_or_default();
        assert!(
            on_disk == m.bytes,
            "{} differs from the generator: run `canhgac-tools corpus scans --out corpus/scans`",
            m.file
        );
    }
    let text = std::fs::read_to_string(dir.join("expected.toml")).unwrap_or_default();
    assert_eq!(text, scans::expected_toml(&set), "expected.toml is stale");
    let files = std::fs::read_dir(&dir).expect("corpus/scans").count();
    assert_eq!(files, set.len() + 1, "stray files in corpus/scans");
}

#[test]
#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs tesseract-ocr-vie and poppler-utils: cargo test --features system-tests"
)]
fn every_scan_is_found_with_its_level_and_no_trap_is_flagged() {
    let engine = Engine::build(&test_config()).expect("engine");
    let mut misses = Vec::new();
    let mut report = Vec::new();
    let cases = expected();
    assert!(cases.len() >= 14, "the scans corpus is smaller than expected");
    for (file, carrier, want) in &cases {
        let raw = std::fs::read(corpus_dir().join(file)).expect("scan file");
        let started = Instant::now();
        let v = engine
            .scan_content_verdict(&scan(raw, "stc@lamdong.gov.vn"))
            .verdict;
        let got = symbols(&v, "MARKING_");
        let unread = symbols(&v, "OCR_");
        report.push(format!(
            "{carrier:28} want {want:?} got {got:?} {:?}",
            started.elapsed()
        ));
        if got != *want || !unread.is_empty() {
            misses.push(format!(
                "{file}: want {want:?}, got {got:?} {unread:?}: {:#?}",
                v.findings
            ));
        }
        if !want.is_empty() {
            assert_eq!(v.action, Action::Quarantine, "{file}");
        }
    }
    eprintln!("{}", report.join("\n"));
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs tesseract-ocr-vie: cargo test --features system-tests"
)]
fn the_same_scan_is_read_once() {
    let engine = Engine::build(&test_config()).expect("engine");
    let raw = std::fs::read(corpus_dir().join("004-png-scan.eml")).expect("scan");
    let first = engine.scan_content_verdict(&scan(raw.clone(), "a@lamdong.gov.vn"));
    assert_eq!(engine.ocr_cached(), 1);
    // The same image to other recipients, or retried: read from the cache, same findings.
    let again = engine.scan_content_verdict(&scan(raw, "b@lamdong.gov.vn"));
    assert_eq!(engine.ocr_cached(), 1);
    assert_eq!(symbols(&first.verdict, "MARKING_"), ["MARKING_TOI_MAT"]);
    assert_eq!(symbols(&again.verdict, "MARKING_"), ["MARKING_TOI_MAT"]);
}

/// A message with one scan that OCR is kept from reading, to `rcpt`, under `config`.
fn unread(config: canhgac::config::Config, rcpt: &str) -> canhgac::Verdict {
    let raw = std::fs::read(corpus_dir().join("004-png-scan.eml")).expect("scan");
    Engine::build(&config)
        .expect("engine")
        .scan_content_verdict(&scan(raw, rcpt))
        .verdict
}

#[test]
fn what_ocr_cannot_read_is_held_when_it_leaves_the_province() {
    let mut c = test_config();
    c.local.domains = vec!["lamdong.gov.vn".into()];
    // No tesseract at all: nothing is read, nothing passes as read.
    c.ocr.tesseract = PathBuf::from("/nonexistent/tesseract");
    let v = unread(c.clone(), "ketoan@gmail.com");
    assert_eq!(
        symbols(&v, "OCR_"),
        ["OCR_INCOMPLETE_OUTBOUND"],
        "{:?}",
        v.findings
    );
    assert_eq!(v.action, Action::Quarantine);
    assert!(
        v.findings
            .iter()
            .any(|f| f.detail.contains("cannot start tesseract")),
        "{:?}",
        v.findings
    );
    let v = unread(c.clone(), "stc@lamdong.gov.vn");
    assert_eq!(symbols(&v, "OCR_"), ["OCR_INCOMPLETE"]);
    assert_eq!(
        v.action,
        Action::Accept,
        "inside the province: delivered, named in the result header"
    );
    // The image limit.
    c.ocr.tesseract = PathBuf::from("tesseract");
    c.ocr.max_images = 0;
    let v = unread(c.clone(), "ketoan@gmail.com");
    assert!(
        v.findings.iter().any(|f| f.detail.contains("ocr.max_images")),
        "{:?}",
        v.findings
    );
    assert_eq!(v.action, Action::Quarantine);
    // The pixel limit.
    c.ocr.max_images = 12;
    c.ocr.max_pixels = 1000;
    let v = unread(c.clone(), "ketoan@gmail.com");
    assert!(
        v.findings.iter().any(|f| f.detail.contains("ocr.max_pixels")),
        "{:?}",
        v.findings
    );
    // OCR off.
    c.ocr.enabled = false;
    let v = unread(c, "ketoan@gmail.com");
    assert!(
        v.findings
            .iter()
            .any(|f| f.detail.contains("ocr.enabled = false")),
        "{:?}",
        v.findings
    );
    assert_eq!(v.action, Action::Quarantine);
}

#[tokio::test]
#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs tesseract-ocr-vie and poppler-utils: cargo test --features system-tests"
)]
async fn scans_are_read_in_workers_of_their_own_and_text_mail_does_not_wait() {
    // One scanning worker: without OCR workers of its own, a text message would queue behind
    // the scans' OCR.
    let g = Gateway::start("scan_concurrency = 1", "[ocr]\nworkers = 1\n").await;
    assert_eq!(children(g.child.id()).len(), 2, "one scanning and one OCR worker");
    // Five different scanned traps: several seconds of OCR, nothing to find.
    let traps: Vec<Vec<u8>> = [
        "010-trap-hoa-toc-box.eml",
        "011-trap-khan-box.eml",
        "012-trap-bao-mat-box.eml",
        "013-trap-mat-do-box.eml",
        "015-trap-clean-scan.eml",
    ]
    .iter()
    .map(|f| attachment(f))
    .collect();
    let names: Vec<String> = (0..traps.len()).map(|i| format!("scan-{i}.pdf")).collect();
    let files: Vec<(&str, &str, &[u8])> = names
        .iter()
        .zip(&traps)
        .map(|(n, d)| (n.as_str(), "application/pdf", d.as_slice()))
        .collect();
    let heavy = crate::common::mail::with_files("Ban quet", &files);
    let addr = g.addr;
    let started = Instant::now();
    let scans = tokio::spawn(async move {
        let s = crate::common::gateway::send_to(addr, &heavy).await;
        (s, started.elapsed())
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let t = Instant::now();
    assert_eq!(g.send(&ordinary(1)).await, Status::Accept, "{}", g.log());
    let text_took = t.elapsed();
    let text_done = started.elapsed();
    let (status, scans_done) = scans.await.expect("scan task");
    assert_eq!(status, Status::Accept, "the traps hold nothing\n{}", g.log());
    eprintln!("text message answered in {text_took:?}; the scans took {scans_done:?}");
    assert!(
        text_done < scans_done,
        "the text message ({text_done:?}) waited for the scans ({scans_done:?})"
    );
    // A marked scan is held, with the evidence OCR read.
    let marked = std::fs::read(corpus_dir().join("001-pdf-grey-scan.eml")).expect("scan");
    g.send(&marked).await;
    let held = g.held_symbols();
    assert!(
        held.iter().any(|s| s.iter().any(|s| s == "MARKING_MAT")),
        "{held:?}\n{}",
        g.log()
    );
}

#[test]
fn icons_and_logos_are_not_sources_but_scans_and_text_less_pages_are() {
    let png = |w: u32, h: u32| {
        let mut out = Vec::new();
        image::GrayImage::from_pixel(w, h, image::Luma([200]))
            .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
            .expect("png");
        out
    };
    let pdf = attachment("001-pdf-grey-scan.eml");
    let raw = crate::common::mail::with_files(
        "anh",
        &[
            ("logo.png", "image/png", &png(64, 40)),
            ("pixel.png", "image/png", &png(1, 1)),
            ("scan.png", "image/png", &png(800, 1100)),
            ("scan.pdf", "application/pdf", &pdf),
        ],
    );
    let limits = test_config().limits;
    let parsed = canhgac::message::ParsedMessage::parse(&raw, &limits);
    let text = canhgac::extract::extract_message(&parsed, &raw, &limits);
    let sources: Vec<(&str, canhgac::extract::OcrKind)> =
        text.ocr.iter().map(|s| (s.location.as_str(), s.kind)).collect();
    assert_eq!(sources.len(), 2, "{sources:?}");
    assert!(sources[0].0.contains("scan.png"), "{sources:?}");
    assert_eq!(sources[1].1, canhgac::extract::OcrKind::PdfPage(1));
}

/// `heif-enc` of libheif-examples: the committed PNG scan as a phone would store it (HEIC, or
/// AVIF with `avif`).
fn heif_of(png: &[u8], avif: bool) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("tempdir");
    let (input, output) = (dir.path().join("scan.png"), dir.path().join("scan.heif"));
    std::fs::write(&input, png).expect("write the png");
    let mut cmd = std::process::Command::new("heif-enc");
    if avif {
        cmd.arg("-A");
    }
    let status = cmd
        .args(["-q", "50", "-o"])
        .arg(&output)
        .arg(&input)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("heif-enc (apt install libheif-examples)");
    assert!(status.success(), "heif-enc: {status}");
    std::fs::read(&output).expect("the encoded photo")
}

/// Phones store photos as HEIC (an iPhone's default) or AVIF: a stamped paper photographed so
/// is read as the same scan in PNG is; a JPEG 2000 or JPEG XL image is not read and counts as
/// unread (held when it leaves the province), as does a HEIC photo without heif-convert.
#[test]
#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs tesseract-ocr-vie and libheif-examples: cargo test --features system-tests"
)]
fn phones_heic_and_avif_photos_are_read_and_other_formats_count_unread() {
    let png = attachment("004-png-scan.eml");
    let mut c = test_config();
    c.local.domains = vec!["lamdong.gov.vn".into()];
    let engine = Engine::build(&c).expect("engine");
    let judge = |engine: &Engine, name: &str, ctype: &str, data: &[u8], rcpt: &str| {
        let raw = crate::common::mail::with_files("Gửi anh văn bản", &[(name, ctype, data)]);
        engine.scan_content_verdict(&scan(raw, rcpt)).verdict
    };
    for (name, ctype, avif) in [
        ("IMG_0412.HEIC", "image/heic", false),
        ("anh.avif", "image/avif", true),
    ] {
        let v = judge(&engine, name, ctype, &heif_of(&png, avif), "stc@lamdong.gov.vn");
        assert_eq!(
            symbols(&v, "MARKING_"),
            ["MARKING_TOI_MAT"],
            "{name}: {:?}",
            v.findings
        );
        assert!(symbols(&v, "OCR_").is_empty(), "{name}: {:?}", v.findings);
        assert_eq!(v.action, Action::Quarantine, "{name}");
    }
    // JPEG 2000 and JPEG XL: images, not read, never passed as read.
    let jp2 = [b"\0\0\0\x0cjP  \r\n\x87\n".as_slice(), &[0u8; 3000]].concat();
    let jxl = [b"\xFF\x0A".as_slice(), &[0x55u8; 3000]].concat();
    for (name, data, format) in [
        ("ban-chup.jp2", &jp2, "JPEG 2000"),
        ("ban-chup.jxl", &jxl, "JPEG XL"),
    ] {
        let v = judge(
            &engine,
            name,
            "application/octet-stream",
            data,
            "ketoan@gmail.com",
        );
        assert_eq!(
            symbols(&v, "OCR_"),
            ["OCR_INCOMPLETE_OUTBOUND"],
            "{name}: {:?}",
            v.findings
        );
        assert!(
            v.findings.iter().any(|f| f.detail.contains(format)),
            "{:?}",
            v.findings
        );
        assert_eq!(v.action, Action::Quarantine, "{name}");
        let v = judge(
            &engine,
            name,
            "application/octet-stream",
            data,
            "stc@lamdong.gov.vn",
        );
        assert_eq!(
            symbols(&v, "OCR_"),
            ["OCR_INCOMPLETE"],
            "{name}: {:?}",
            v.findings
        );
        assert_eq!(v.action, Action::Accept, "{name}");
    }
    // No heif-convert: the photo is unread, not passed.
    c.ocr.heif_convert = PathBuf::from("/nonexistent/heif-convert");
    let engine = Engine::build(&c).expect("engine");
    let v = judge(
        &engine,
        "IMG_0413.HEIC",
        "image/heic",
        &heif_of(&png, false),
        "ketoan@gmail.com",
    );
    assert_eq!(
        symbols(&v, "OCR_"),
        ["OCR_INCOMPLETE_OUTBOUND"],
        "{:?}",
        v.findings
    );
    assert!(
        v.findings
            .iter()
            .any(|f| f.detail.contains("cannot start heif-convert")),
        "{:?}",
        v.findings
    );
    assert_eq!(v.action, Action::Quarantine);
}
