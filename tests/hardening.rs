//! Hostile mail through `canhgac serve` (issue 14): every defect found in review as a message
//! sent to the real binary, which must answer it, stay alive, accept the next message and keep
//! its memory bounded; a worker killed mid-scan costs that message a `451`; a message that
//! crashes a worker twice is held; normal mail on other connections keeps flowing while hostile
//! mail is processed.

use crate::common::gateway::{Gateway, children, cpu_ticks, ordinary, send_to, watch_peaks, watch_rss};
use crate::common::{config_file, mail};
use canhgac::store::Status as Held;
use indymilter_test::Status;
use std::process::Command;
use std::time::{Duration, Instant};

/// Defect 1: 50,000 forwarded messages inside each other, written `Content-Type :` (a space
/// before the colon, which the parser accepts and the old part count did not see).
fn nested_with_space_before_colon() -> Vec<u8> {
    let mut raw = b"From: <x@example.com>\r\nTo: <vanthu@lamdong.gov.vn>\r\nSubject: nest\r\nMIME-Version: 1.0\r\nContent-Type : message/rfc822\r\n\r\n".to_vec();
    for _ in 0..50_000 {
        raw.extend_from_slice(b"From: a@b\r\nContent-Type : message/rfc822\r\n\r\n");
    }
    raw.extend_from_slice(b"From: a@b\r\n\r\nbottom\r\n");
    raw
}

/// A one-page PDF whose font has `cmap` as its ToUnicode map, and `extra` objects.
fn pdf_with_cmap(cmap: &str, extra: &str) -> Vec<u8> {
    let content = "BT /F1 12 Tf <0041> Tj ET";
    format!(
        "%PDF-1.5\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >> endobj\n4 0 obj << /Length {} >>\nstream\n{content}\nendstream\nendobj\n5 0 obj << /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 6 0 R >> endobj\n6 0 obj << /Length {} >>\nstream\n{cmap}\nendstream\nendobj\n{extra}%%EOF\n",
        content.len(),
        cmap.len()
    )
    .into_bytes()
}

/// Defect 2a: 80 `bfrange` lines of 65,536 entries each in a 1.4 KB mail (543 MB before).
fn pdf_cmap_bomb() -> Vec<u8> {
    let mut cmap = String::from("1 begincodespacerange <0000> <FFFF> endcodespacerange\n80 beginbfrange\n");
    for _ in 0..80 {
        cmap.push_str("<0000> <FFFF> <0041>\n");
    }
    cmap.push_str("endbfrange\n");
    mail::with_files(
        "bao cao",
        &[("bao-cao.pdf", "application/pdf", &pdf_with_cmap(&cmap, ""))],
    )
}

/// Defect 2b: an object stream whose offsets alternate, compressed: a few KB of mail that made
/// the old reader copy the whole stream for every second object (1 GB and more).
fn pdf_object_stream_bomb() -> Vec<u8> {
    use std::io::Write;
    let body = "<< /X 1 >> ".repeat(10_000);
    let n = 100_000;
    let header: String = (0..n)
        .map(|i| format!("{} {} ", 1000 + i, if i % 2 == 0 { 0 } else { body.len() - 1 }))
        .collect();
    let stream = format!("{header}{body}");
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(stream.as_bytes()).expect("deflate");
    let packed = z.finish().expect("deflate");
    let mut extra = format!(
        "7 0 obj << /Type /ObjStm /N {n} /First {} /Filter /FlateDecode /Length {} >>\nstream\n",
        header.len(),
        packed.len()
    )
    .into_bytes();
    extra.extend_from_slice(&packed);
    extra.extend_from_slice(b"\nendstream\nendobj\n");
    let cmap =
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n1 beginbfchar\n<0041> <0041>\nendbfchar\n";
    let mut pdf = pdf_with_cmap(cmap, "");
    let at = pdf.len() - b"%%EOF\n".len();
    pdf.splice(at..at, extra);
    mail::with_files("bao cao", &[("bao-cao.pdf", "application/pdf", &pdf)])
}

/// Defect 3: 80,000 "MẬT" lines and 80,000 "Số:" lines (each compared with each before).
fn markings_quadratic() -> Vec<u8> {
    let mut body = String::new();
    for i in 0..80_000 {
        body.push_str(&format!("Số: {i}/UBND-VP\r\nMẬT\r\n"));
    }
    mail::plain(
        "sender@lamdong.gov.vn",
        "vanthu@lamdong.gov.vn",
        "Cong van",
        &body,
    )
}

/// Defect 4: the stamp in HTML a mail client shows but the old reader skipped.
fn html_marking(wrapper: &str) -> Vec<u8> {
    let doc = "<p>ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG</p><p>Số: 15/UBND-VP</p><p>TUYỆT MẬT</p><p>Kính gửi: các sở, ngành.</p>";
    let html = wrapper.replace("{}", doc);
    format!(
        "From: <sender@lamdong.gov.vn>\r\nTo: <vanthu@lamdong.gov.vn>\r\nSubject: Cong van\r\nDate: Sun, 29 Nov 2026 10:00:00 +0700\r\nMessage-ID: <h{}@lamdong.gov.vn>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n",
        wrapper.len()
    )
    .into_bytes()
}

/// Found while building the worker pool: a base64-encoded forwarded message holding 400,000
/// nested messages, whose part count is invisible before decoding. mail-parser parses it
/// recursively and copies the decoded part once per level (850 MiB, then a stack overflow).
/// Now refused before parsing.
fn encoded_nesting_bomb() -> Vec<u8> {
    let mut inner = Vec::new();
    for _ in 0..400_000 {
        inner.extend_from_slice(b"From: a@b\r\nContent-Type: message/rfc822\r\n\r\n");
    }
    inner.extend_from_slice(b"From: a@b\r\n\r\nbottom\r\n");
    let mut raw = b"From: <x@example.com>\r\nTo: <vanthu@lamdong.gov.vn>\r\nSubject: fwd\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n".to_vec();
    raw.extend_from_slice(&mail::base64(&inner));
    raw.extend_from_slice(b"\r\n--B--\r\n");
    raw
}

/// A legitimate-looking but heavy message: 16 MB of "Số:" and "MẬT" lines for the markings
/// detector (seconds of CPU in a debug build). Under a 1-second CPU limit per message it kills
/// its worker every time: a real crash, by a real limit.
fn cpu_hog() -> Vec<u8> {
    let text = "Số: 12/UBND-VP\nMẬT\n".repeat(700_000);
    mail::with_files("bao cao", &[("bao-cao.txt", "text/plain", text.as_bytes())])
}

// ---- the tests ---------------------------------------------------------------------------------

#[tokio::test]
async fn review_defects_cost_one_message_never_the_gateway() {
    let mut g = Gateway::start("", "").await;
    let (stop, peak) = watch_rss(g.pid());

    let s = g
        .survives(
            "nested, space before the colon",
            &nested_with_space_before_colon(),
        )
        .await;
    assert!(
        matches!(&s, Status::Reject { message: Some(m) } if m.to_string_lossy().starts_with("554")),
        "too complex is refused: {s:?}"
    );
    g.survives("PDF ToUnicode range bomb", &pdf_cmap_bomb()).await;
    g.survives("PDF object stream offsets", &pdf_object_stream_bomb())
        .await;
    g.survives("markings detector: MẬT × Số lines", &markings_quadratic())
        .await;
    let s = g
        .survives(
            "encoded forwarded message nesting 400,000 messages",
            &encoded_nesting_bomb(),
        )
        .await;
    assert!(
        matches!(&s, Status::Reject { message: Some(m) } if m.to_string_lossy().starts_with("554")),
        "refused before parsing: {s:?}"
    );
    let held_before = g.held_symbols().len();
    for wrapper in [
        "<html><head><title>x</title>{}</html>",
        "<html><body><noscript>{}</noscript></body></html>",
        "<html><body><template>{}</template></body></html>",
        "<html><body><object data=\"a.swf\">{}</object></body></html>",
        "<html><body><svg><text>{}</text></svg></body></html>",
    ] {
        g.survives(wrapper, &html_marking(wrapper)).await;
    }
    let held = g.held_symbols();
    assert_eq!(held.len(), held_before + 5, "{held:?}");
    for symbols in &held[..5] {
        assert!(symbols.iter().any(|s| s == "MARKING_TUYET_MAT"), "{symbols:?}");
    }

    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let peak = peak.join().expect("watcher");
    assert!(peak <= 320, "gateway and workers peaked at {peak} MiB");
    assert!(g.alive());
    assert_eq!(g.send(&ordinary(1)).await, Status::Accept);
}

#[tokio::test]
async fn a_worker_killed_mid_scan_costs_that_message_a_tempfail() {
    // No OCR workers: the one process below is the scanning worker.
    let g = Gateway::start("scan_concurrency = 1", "[ocr]\nenabled = false\n").await;
    // A message that keeps a (debug-built) worker busy for a while: a large text attachment.
    let text: String =
        "Kính gửi các đơn vị. Báo cáo tình hình thực hiện nhiệm vụ năm 2026.\n".repeat(120_000);
    let big = mail::with_files("bao cao", &[("bao-cao.txt", "text/plain", text.as_bytes())]);
    let workers = children(g.pid());
    assert_eq!(workers.len(), 1, "one worker for scan_concurrency = 1");
    let before = cpu_ticks(workers[0]);
    let addr = g.addr;
    let sending = tokio::spawn(async move { send_to(addr, &big).await });
    // Wait until the worker is busy on it, then kill it.
    let mut busy = false;
    for _ in 0..600 {
        if cpu_ticks(workers[0]) > before + 10 {
            busy = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(busy, "the worker never started on the message");
    unsafe { libc::kill(workers[0] as i32, libc::SIGKILL) };
    let status = sending.await.expect("join");
    assert!(
        matches!(&status, Status::Tempfail { message: Some(m) } if m.to_string_lossy().starts_with("451 4.3.0")),
        "{status:?}\n{}",
        g.log()
    );
    // A new worker takes the next message.
    assert_eq!(g.send(&ordinary(2)).await, Status::Accept, "{}", g.log());
    let now = children(g.pid());
    assert_eq!(now.len(), 1);
    assert_ne!(now[0], workers[0], "the dead worker was replaced");
    // A worker killed while idle is replaced without blaming the next message.
    unsafe { libc::kill(now[0] as i32, libc::SIGKILL) };
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(g.send(&ordinary(3)).await, Status::Accept, "{}", g.log());
    assert_eq!(
        g.log().matches("scanning worker died on a message").count(),
        1,
        "only the message killed mid-scan was blamed\n{}",
        g.log()
    );
    assert!(
        g.log().contains("scanning worker died on a message"),
        "{}",
        g.log()
    );
}

#[tokio::test]
async fn a_message_that_crashes_a_worker_twice_is_held_not_retried_forever() {
    // One CPU second per message: the heavy message kills its worker (SIGXCPU) every time.
    let mut g = Gateway::start("", "[workers]\ncpu_secs_per_message = 1\n").await;
    let hog = cpu_hog();
    let first = g.survives("crashing message, first try", &hog).await;
    assert!(
        matches!(&first, Status::Tempfail { message: Some(m) } if m.to_string_lossy().starts_with("451 4.3.0")),
        "{first:?}\n{}",
        g.log()
    );
    assert!(g.log().contains("CPU limit"), "{}", g.log());
    assert!(g.held_symbols().is_empty());
    // The sender's MTA retries: the second crash holds it for the officers.
    let second = g.survives("crashing message, second try", &hog).await;
    assert!(!matches!(second, Status::Tempfail { .. }), "{second:?}");
    let held = g.held_symbols();
    assert_eq!(held.len(), 1, "{held:?}");
    assert!(held[0].iter().any(|s| s == "SCAN_CRASH"), "{held:?}");
    let store = g.store();
    let id = store.list(Some(Held::Held), 1).expect("list")[0].id.clone();
    assert_eq!(store.get(&id).expect("get").reason, "unscannable");
    // Nobody parses it again: not a third worker to describe it, not the console showing it.
    assert_eq!(store.described(&id).expect("described"), None);
    // The officers are told, and only they: nothing says the message holds a marking.
    let alerts = store.alerts_of(&id).expect("alerts");
    assert_eq!(alerts.len(), 1, "one alert");
    assert_eq!(alerts[0].kind, "officers");
    let text = String::from_utf8_lossy(&alerts[0].body).into_owned();
    assert!(text.contains("Subject: =?UTF-8?B?"), "{text}");
    assert!(g.alive());
}

/// While hostile messages are processed, 200 normal messages on other connections are all
/// accepted with p99 end-of-message latency ≤ 2 s, and the gateway with its workers stays
/// ≤ 320 MiB (proportional sizes summed; 229 measured in a debug build).
#[tokio::test]
async fn normal_mail_flows_while_hostile_mail_is_processed() {
    let g = Gateway::start("", "").await;
    let (stop, peaks) = watch_peaks(g.pid());
    let addr = g.addr;
    let hostile = tokio::spawn(async move {
        let messages = [
            pdf_cmap_bomb(),
            pdf_object_stream_bomb(),
            markings_quadratic(),
            nested_with_space_before_colon(),
            encoded_nesting_bomb(),
            cpu_hog(),
        ];
        let mut answers = Vec::new();
        for round in 0..2 {
            for m in &messages {
                answers.push((round, send_to(addr, m).await));
            }
        }
        answers
    });
    let mut latencies = Vec::new();
    let mut tasks = Vec::new();
    for client in 0..4 {
        tasks.push(tokio::spawn(async move {
            let mut out = Vec::new();
            for i in 0..50 {
                let m = ordinary(client * 1000 + i);
                let t = Instant::now();
                let s = send_to(addr, &m).await;
                out.push((s, t.elapsed()));
            }
            out
        }));
    }
    for t in tasks {
        for (s, d) in t.await.expect("client") {
            assert_eq!(s, Status::Accept, "{}", g.log());
            latencies.push(d);
        }
    }
    let answers = hostile.await.expect("hostile");
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let peaks = peaks.join().expect("watcher");
    latencies.sort();
    assert_eq!(latencies.len(), 200);
    let p99 = latencies[197];
    eprintln!(
        "p99 {p99:?}; peak MiB: {} in all, gateway {}, largest worker {}; hostile answers {answers:?}",
        peaks.tree, peaks.gateway, peaks.worker
    );
    assert!(
        p99 <= Duration::from_secs(2),
        "p99 end-of-message latency {p99:?}"
    );
    assert!(
        peaks.tree <= 320,
        "the gateway and its workers peaked at {} MiB",
        peaks.tree
    );
    assert_eq!(answers.len(), 12, "every hostile message was answered");
}

/// `canhgac scan` reads content in a worker too: a file that kills its worker (here by the CPU
/// limit) gets a verdict (tempfail) instead of taking the command down, and the next file is
/// still scanned.
#[test]
fn scan_survives_a_file_that_kills_its_worker() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mail = dir.path().join("mail");
    std::fs::create_dir(&mail).expect("mkdir");
    std::fs::write(mail.join("1-crash.eml"), cpu_hog()).expect("write");
    std::fs::write(mail.join("2-nested.eml"), nested_with_space_before_colon()).expect("write");
    std::fs::write(mail.join("3-ordinary.eml"), ordinary(3)).expect("write");
    let cfg = config_file(dir.path(), "[workers]\ncpu_secs_per_message = 1\n");
    let out = Command::new(env!("CARGO_BIN_EXE_canhgac"))
        .arg("scan")
        .arg("--json")
        .arg("--config")
        .arg(&cfg)
        .arg(&mail)
        .output()
        .expect("run scan");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let verdicts: Vec<(String, String)> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json line");
            (
                v["file"]
                    .as_str()
                    .unwrap_or_default()
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
                v["verdict"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        verdicts,
        vec![
            ("1-crash.eml".to_owned(), "tempfail".to_owned()),
            ("2-nested.eml".to_owned(), "reject".to_owned()),
            ("3-ordinary.eml".to_owned(), "accept".to_owned()),
        ],
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every input a fuzz target once failed on (`fuzz/regressions/message/`) goes through the
/// engine in-process: a verdict, no panic escaping, no hang.
#[test]
fn fuzz_regressions_get_a_verdict() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/message");
    let mut config = crate::common::test_config();
    config.workers.isolate = false;
    let engine = canhgac::Engine::build(&config).expect("engine");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz/regressions/message") {
        let path = entry.expect("entry").path();
        let raw = std::fs::read(&path).expect("read");
        let report = engine.scan_content_verdict(&canhgac::ScanInput::from_bytes(raw));
        assert!(
            !report.verdict.findings.is_empty(),
            "{}: findings explain the verdict",
            path.display()
        );
        n += 1;
    }
    assert!(n >= 1, "the regression inputs are there");
}
