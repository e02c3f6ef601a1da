//! State-secret markings: the labelled corpus (zero misses, zero false alarms), the shared legal
//! texts and SpamAssassin ham (nothing raised), hostile content (bounded, unscannable), and a
//! marked message through the milter and through a real Postfix.

use crate::common::postfix::Postfix;
use crate::common::smtp::{Outcome, Sink, send};
use crate::common::{Milter, legal_bodies, shared_corpus, test_config};
use canhgac::bench::labelled;
use canhgac::message::{Envelope, ScanInput};
use canhgac::{Action, Engine};
use std::path::Path;
use std::time::{Duration, Instant};

fn corpus_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/markings")
}

fn input(raw: Vec<u8>) -> ScanInput {
    ScanInput {
        envelope: Envelope::default(),
        raw,
        truncated_at: None,
    }
}

fn marking_symbols(engine: &Engine, raw: Vec<u8>) -> (Vec<String>, canhgac::Verdict) {
    let v = engine.scan_content_verdict(&input(raw)).verdict;
    let mut s: Vec<String> = v
        .findings
        .iter()
        .filter(|f| f.symbol.starts_with("MARKING_"))
        .map(|f| f.symbol.clone())
        .collect();
    s.sort();
    s.dedup();
    (s, v)
}

#[test]
fn committed_corpus_is_what_the_generator_writes() {
    let set = labelled::labelled();
    assert!(set.len() >= 50, "the labelled set needs at least 50 messages");
    let dir = corpus_dir();
    for m in &set {
        let on_disk = std::fs::read(dir.join(&m.file)).unwrap_or_default();
        assert!(
            on_disk == m.bytes,
            "{} differs from the generator: run `cargo run -- corpus markings --out corpus/markings`",
            m.file
        );
    }
    let expected = std::fs::read_to_string(dir.join("expected.toml")).unwrap_or_default();
    assert_eq!(expected, labelled::expected_toml(&set), "expected.toml is stale");
    let files = std::fs::read_dir(&dir).expect("corpus/markings").count();
    assert_eq!(files, set.len() + 1, "stray files in corpus/markings");
}

#[test]
fn labelled_corpus_has_no_miss_and_no_false_alarm() {
    let engine = Engine::build(&test_config()).expect("engine");
    let mut failures = Vec::new();
    for m in labelled::labelled() {
        let (got, verdict) = marking_symbols(&engine, m.bytes.clone());
        let mut want: Vec<String> = m.symbols.iter().map(|s| (*s).to_owned()).collect();
        want.sort();
        if got != want {
            failures.push(format!(
                "{} ({}): want {want:?}, got {got:?}\n  {:#?}",
                m.file, m.why, verdict.findings
            ));
            continue;
        }
        // A marking is held; unreadable content is held unless something else refuses it (a zip
        // bomb is refused); anything else is not held.
        let levels = ["MARKING_TUYET_MAT", "MARKING_TOI_MAT", "MARKING_MAT"];
        let a = verdict.action;
        if want.iter().any(|w| levels.contains(&w.as_str())) {
            assert_eq!(a, Action::Quarantine, "{}", m.file);
        } else if want.iter().any(|w| w == "MARKING_UNSCANNABLE") {
            assert!(
                matches!(a, Action::Quarantine | Action::Reject),
                "{}: {a:?}",
                m.file
            );
        } else {
            assert!(matches!(a, Action::Accept | Action::Tag), "{}: {a:?}", m.file);
        }
        // The message's level is the highest found.
        let level = levels
            .iter()
            .zip(["TUYỆT MẬT", "TỐI MẬT", "MẬT"])
            .find(|(s, _)| want.iter().any(|w| w == *s))
            .map(|(_, n)| n.to_owned());
        assert_eq!(verdict.level, level, "{}", m.file);
        // Evidence: where, and the marker in the snippet.
        for f in verdict
            .findings
            .iter()
            .filter(|f| f.symbol.starts_with("MARKING_") && f.symbol != "MARKING_UNSCANNABLE")
        {
            assert!(
                !f.location.is_empty() && f.detail.contains('«'),
                "{}: {f:?}",
                m.file
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn vietnamese_legal_texts_raise_no_marking() {
    let engine = Engine::build(&test_config()).expect("engine");
    let bodies = legal_bodies();
    assert!(bodies.len() > 500, "{} bodies", bodies.len());
    let mut alarms = Vec::new();
    for (name, text) in bodies {
        let raw = format!(
            "From: phapche@lamdong.gov.vn\r\nTo: stc@lamdong.gov.vn\r\nSubject: =?UTF-8?B?VsSDbiBi4bqjbg==?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}\r\n",
            text.replace('\n', "\r\n")
        );
        let (got, v) = marking_symbols(&engine, raw.into_bytes());
        if !got.is_empty() {
            alarms.push(format!("{name}: {:?}", v.findings));
        }
    }
    assert!(alarms.is_empty(), "false alarms:\n{}", alarms.join("\n"));
}

#[test]
fn spamassassin_ham_raises_no_marking() {
    let engine = Engine::build(&test_config()).expect("engine");
    let dir = shared_corpus().join("spamassassin/ham");
    let mut files: Vec<_> = walk(&dir);
    files.sort();
    assert!(
        files.len() > 1000,
        "{} ham files in {}",
        files.len(),
        dir.display()
    );
    let mut alarms = Vec::new();
    // Mail encrypted to its recipients is held as unread, not as marked: one ham message is a
    // PGP message (easy_ham-01005).
    let mut encrypted = Vec::new();
    for f in files {
        let raw = std::fs::read(&f).expect("read");
        let (_, v) = marking_symbols(&engine, raw);
        let (unread, what): (Vec<_>, Vec<_>) = v
            .findings
            .iter()
            .filter(|f| f.symbol.starts_with("MARKING_"))
            .partition(|f| {
                f.symbol == "MARKING_UNSCANNABLE" && f.detail.contains("encrypted to its recipients")
            });
        if !what.is_empty() {
            alarms.push(format!("{}: {what:?}", f.display()));
        }
        if !unread.is_empty() {
            encrypted.extend(f.file_name().map(|n| n.to_string_lossy().into_owned()));
        }
    }
    assert!(
        alarms.is_empty(),
        "{} alarms:\n{}",
        alarms.len(),
        alarms.join("\n")
    );
    assert_eq!(
        encrypted,
        ["easy_ham-01005.5ad1b924b3315046822ae89493e5572f.eml"],
        "held as encrypted"
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn extraction_limits_end_in_unscannable_in_bounded_time() {
    // Text beyond limits.max_text_bytes, and an attachment over the time limit.
    let mut config = test_config();
    config.limits.max_text_bytes = 64 * 1024;
    let engine = Engine::build(&config).expect("engine");
    let big = "Đề nghị các đơn vị báo cáo kết quả.\n".repeat(10_000);
    let raw = format!(
        "From: a@lamdong.gov.vn\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{big}"
    );
    let (got, v) = marking_symbols(&engine, raw.into_bytes());
    assert_eq!(got, vec!["MARKING_UNSCANNABLE"], "{:?}", v.findings);
    assert!(
        v.findings.iter().any(|f| f.detail.contains("max_text_bytes")),
        "{:?}",
        v.findings
    );
    assert_eq!(v.action, Action::Quarantine);

    let mut config = test_config();
    config.limits.extract_timeout_ms = 1;
    let engine = Engine::build(&config).expect("engine");
    let rtf = format!("{{\\rtf1\\ansi {}}}", "\\b x\\b0 y\\par ".repeat(400_000));
    let raw = canhgac_test_mail(&[("slow.rtf", "application/rtf", rtf.as_bytes())]);
    let t = Instant::now();
    let (got, v) = marking_symbols(&engine, raw);
    assert_eq!(got, vec!["MARKING_UNSCANNABLE"], "{:?}", v.findings);
    assert!(
        v.findings.iter().any(|f| f.detail.contains("time limit")),
        "{:?}",
        v.findings
    );
    assert!(t.elapsed() < Duration::from_secs(30));
}

fn canhgac_test_mail(files: &[(&str, &str, &[u8])]) -> Vec<u8> {
    crate::common::mail::with_files("tệp", files)
}

#[test]
fn dry_run_reports_the_level_without_holding() {
    let mut config = test_config();
    config.policy.dry_run = true;
    let engine = Engine::build(&config).expect("engine");
    let m = labelled::labelled()
        .into_iter()
        .find(|m| m.file.contains("docx-table-toi-mat"))
        .expect("in set");
    let (_, v) = marking_symbols(&engine, m.bytes);
    assert_eq!(v.action, Action::Tag);
    assert_eq!(v.dry_run_action, Some(Action::Quarantine));
    assert_eq!(v.level.as_deref(), Some("TỐI MẬT"));
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn marked_message_is_held_by_postfix_not_delivered() {
    let milter = Milter::start_inet(test_config()).await;
    let sink = Sink::start().await;
    let pf = Postfix::start(&milter.postfix_addr(), sink.port, "");
    let set = labelled::labelled();
    let marked = set
        .iter()
        .find(|m| m.file.contains("pdf-unicode-toi-mat"))
        .expect("in set");
    let clean = set
        .iter()
        .find(|m| m.file.contains("neg-mat-khau"))
        .expect("in set");
    for m in [marked, clean] {
        let out = send(
            pf.smtp_port,
            "vanthu@snv.lamdong.gov.vn",
            &["stc@lamdong.gov.vn"],
            &m.bytes,
        )
        .await
        .expect("smtp");
        assert!(
            matches!(out, Outcome::Accepted(_)),
            "{}: {out:?}\n{}",
            m.file,
            pf.log()
        );
    }
    // The clean one is delivered; the marked one waits in the hold queue, never delivered.
    let got = sink.wait_for(1, Duration::from_secs(30)).await;
    assert_eq!(got.len(), 1, "{}", pf.log());
    assert!(
        got[0].text().contains("neg-mat-khau") || got[0].text().contains("THÔNG BÁO"),
        "{}",
        got[0].text()
    );
    pf.wait_held().await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        sink.messages.lock().expect("lock").len(),
        1,
        "held mail must not be delivered"
    );
    milter.stop().await;
}

#[test]
fn mutated_documents_never_panic_or_hang() {
    // Every attachment of the labelled set, damaged in deterministic ways (bytes flipped,
    // truncated, a block repeated), through the whole content scan: always a verdict, never a
    // scanner panic, in bounded time.
    let engine = Engine::build(&test_config()).expect("engine");
    let limits = canhgac::config::LimitsConfig::default();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut scanned = 0;
    for m in labelled::labelled() {
        let parsed = canhgac::message::ParsedMessage::parse(&m.bytes, &limits);
        for a in &parsed.attachments {
            let Some(data) = parsed.content(a) else { continue };
            if data.len() < 16 {
                continue;
            }
            for round in 0..6 {
                let mut d = data.to_vec();
                match round % 3 {
                    0 => {
                        for _ in 0..1 + d.len() / 64 {
                            let i = (next() as usize) % d.len();
                            d[i] ^= (next() & 0xFF) as u8 | 1;
                        }
                    }
                    1 => d.truncate((next() as usize) % d.len()),
                    _ => {
                        let i = (next() as usize) % d.len();
                        let block = d[i..(i + 64).min(d.len())].to_vec();
                        for _ in 0..50 {
                            d.splice(i..i, block.iter().copied());
                        }
                    }
                }
                let name = a.name.clone().unwrap_or_else(|| "x.bin".to_owned());
                let raw = crate::common::mail::with_files("hỏng", &[(&name, &a.content_type, &d)]);
                let t = Instant::now();
                let v = engine.scan_content_verdict(&input(raw)).verdict;
                assert!(
                    !v.findings.iter().any(|f| f.symbol == "SCAN_PANIC"),
                    "{} round {round}: {:?}",
                    m.file,
                    v.findings
                );
                assert!(
                    t.elapsed() < Duration::from_secs(10),
                    "{} round {round} took {:?}",
                    m.file,
                    t.elapsed()
                );
                scanned += 1;
            }
        }
    }
    assert!(scanned > 300, "{scanned} damaged documents scanned");
}

#[test]
fn legacy_text_without_a_charset_is_decoded_from_its_bytes() {
    use canhgac::vietnamese::Legacy;
    let engine = Engine::build(&test_config()).expect("engine");
    let doc = "UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố: 125/SNV-TCCC\nTỐI MẬT\nKính gửi: Sở Tài chính tỉnh Lâm Đồng\nVề việc rà soát biên chế các cơ quan hành chính năm 2026.\n";
    let bytes = |l: Legacy| -> Vec<u8> { l.encode(doc).chars().map(|c| c as u32 as u8).collect() };
    for (name, legacy) in [("vni", Legacy::Vni), ("tcvn3", Legacy::Tcvn3 { capitals: true })] {
        let data = bytes(legacy);
        // An attachment declared text/plain with no charset, base64.
        let attached = crate::common::mail::with_files("Bao cao", &[("bao-cao.txt", "text/plain", &data)]);
        // A body in 8 bits with no charset at all.
        let mut body = b"From: <a@lamdong.gov.vn>\r\nTo: <b@lamdong.gov.vn>\r\nSubject: Bao cao\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n".to_vec();
        body.extend_from_slice(&data);
        for (how, raw) in [("attachment", attached), ("body", body)] {
            let (symbols, v) = marking_symbols(&engine, raw);
            assert_eq!(symbols, ["MARKING_TOI_MAT"], "{name} {how}: {:?}", v.findings);
        }
    }
}

#[test]
fn a_damaged_legacy_word_file_is_still_read_among_its_binary_runs_and_reported() {
    use canhgac::vietnamese::Legacy;
    let engine = Engine::build(&test_config()).expect("engine");
    // A Word 97 file typed in .VnTime whose container is damaged (the OLE signature, then no
    // valid header): its binary structures (printable runs of Latin-1 junk among them) and its
    // text as 8-bit TCVN3 bytes, paragraphs ended by CR, are still read as runs, and the damage
    // reported. (Real .doc files are read through their container: corpus/markings.)
    let doc = "UBND TØnh L©m §ång\rSë Néi vô\rSè: 125/SNV-TCCC\rMËT\rKÝnh göi: Së Tµi chÝnh\rVÒ viÖc rµ so¸t biªn chÕ c¸c c¬ quan hµnh chÝnh n¨m 2026.\r";
    assert!(
        Legacy::Tcvn3 { capitals: false }
            .decode(doc)
            .contains("Sở Nội vụ"),
        "the sample is TCVN3"
    );
    let mut data = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    let mut x: u32 = 7;
    for i in 0..6000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        data.push((x >> 16) as u8);
        if i % 700 == 0 {
            // Printable junk with high bytes, as binary tables hold.
            data.extend_from_slice(
                b"\x00Times New Roman\xA0\xE9\xF3\xC4\xFE\x00.VnTime\x00\x8A\x9F\xB3\xC5\xD7 Normal\x00",
            );
        }
    }
    data.push(0);
    data.extend(doc.chars().map(|c| c as u32 as u8));
    data.push(0);
    data.extend_from_slice(&[0x13, 0x14, 0x15, 0x00, 0x01]);
    let raw = crate::common::mail::with_files("Cong van", &[("cong-van.doc", "application/msword", &data)]);
    let (symbols, v) = marking_symbols(&engine, raw);
    assert_eq!(
        symbols,
        ["MARKING_MAT", "MARKING_UNSCANNABLE"],
        "{:?}",
        v.findings
    );
}

/// The PDF reader against poppler's `pdftotext` on every PDF the corpora have (PDF files and
/// PDF attachments): the characters read agree on each at 99 % or more, unless canhgac refuses
/// the file (encrypted with a real password, a broken encryption dictionary).
#[test]
#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs poppler-utils (pdftotext): cargo test --features system-tests"
)]
fn pdf_text_agrees_with_pdftotext_on_every_corpus_pdf() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let rows = canhgac::bench::pdf_agreement::measure(&[root.join("corpus")]).expect("pdftotext runs");
    assert!(rows.len() >= 30, "{} PDFs", rows.len());
    let report = canhgac::bench::pdf_agreement::report(&rows, root);
    for r in &rows {
        assert!(r.error.is_some() || r.agreement >= 0.99, "{report}");
    }
    assert!(
        rows.iter().filter(|r| r.error.is_none()).count() >= 28,
        "{report}"
    );
}
