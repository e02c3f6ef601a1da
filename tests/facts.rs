//! Issue 16: what is derived from a message is derived once. Its archives are opened once per
//! message, within one budget, and text extraction and YARA both read the expanded members.

use crate::common::{mail, test_config};
use canhgac::message::ScanInput;
use canhgac::{Engine, extract};

#[test]
fn every_archive_is_opened_once_and_both_readers_see_its_members() {
    // ho-so.zip holds a marked .docx (a zip too) and inner.zip, which holds an ELF executable.
    let docx = canhgac::bench::corpus::docx(
        &["Độ mật: TỐI MẬT".to_owned(), "Báo cáo tình hình.".to_owned()],
        b"",
    );
    let mut elf = b"\x7fELF\x02\x01\x01".to_vec();
    elf.resize(128, 0);
    let inner = canhgac::mime_out::zip_of(&[("cai-dat", &elf)]);
    let outer = canhgac::mime_out::zip_of(&[("bao-cao.docx", &docx), ("inner.zip", &inner)]);
    let raw = mail::with_files("Hồ sơ", &[("ho-so.zip", "application/zip", &outer)]);
    let engine = Engine::build(&test_config()).expect("engine");
    let before = extract::zip_openings();
    let (findings, _) = engine.scan_content(&ScanInput::from_bytes(raw));
    let opened = extract::zip_openings() - before;
    let symbols: Vec<&str> = findings.iter().map(|f| f.symbol.as_str()).collect();
    // The text of the .docx two levels down was read (markings), and the executable three
    // levels down was seen (YARA): from one expansion.
    assert!(symbols.contains(&"MARKING_TOI_MAT"), "{symbols:?}");
    assert!(symbols.contains(&"YARA_EXECUTABLE_ELF"), "{symbols:?}");
    assert_eq!(
        opened, 3,
        "ho-so.zip, bao-cao.docx and inner.zip, each opened once"
    );
}

#[test]
fn an_html_body_is_derived_once_for_the_markings_and_the_spam_checks() {
    let hidden = "x".repeat(300);
    let html = format!(
        "<html><body><p>Độ mật: TỐI MẬT</p><p>Xác nhận tài khoản tại <a href=\"http://evil.example/login\">https://lamdong.gov.vn/dang-nhap</a></p><div style=\"display:none\">{hidden}</div></body></html>"
    );
    let raw = format!(
        "From: a@example.net\r\nTo: b@lamdong.gov.vn\r\nSubject: Thông báo\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n"
    );
    let engine = Engine::build(&test_config()).expect("engine");
    let before = extract::html::html_derivations();
    let (findings, _) = engine.scan_content(&ScanInput::from_bytes(raw.into_bytes()));
    let derived = extract::html::html_derivations() - before;
    let symbols: Vec<&str> = findings.iter().map(|f| f.symbol.as_str()).collect();
    // The markings detector read its text, the spam checks its links and hidden text.
    assert!(symbols.contains(&"MARKING_TOI_MAT"), "{symbols:?}");
    assert!(symbols.contains(&"HTML_LINK_MISMATCH"), "{symbols:?}");
    assert!(symbols.contains(&"HTML_HIDDEN_TEXT"), "{symbols:?}");
    assert_eq!(derived, 1, "one HTML body, derived once");
}

#[test]
fn the_classifier_reads_its_link_tokens_from_the_same_facts() {
    let raw = b"From: a@example.net\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Xem <a href=\"https://Evil.Example/login\">tai day</a> <img src=\"http://cdn.example/x.png\"></p>\r\n";
    let limits = canhgac::config::LimitsConfig::default();
    let parsed = canhgac::message::ParsedMessage::parse(raw, &limits);
    let before = extract::html::html_derivations();
    let text = extract::extract_message(&parsed, raw, &limits);
    let tokens = canhgac::spam::bayes::tokens_of(&parsed, &text);
    assert_eq!(
        extract::html::html_derivations() - before,
        1,
        "derived once for text and tokens"
    );
    assert!(tokens.contains("href=evil.example"), "{tokens:?}");
    assert!(tokens.contains("src=cdn.example"), "{tokens:?}");
}
