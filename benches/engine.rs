//! Engine::scan throughput (criterion): a typical 10 KB message, a 20 MiB attachment, the shared
//! MIME test suites, the generated benchmark mix, the markings detector (text extraction and
//! detection over the labelled set), each content scanner on its own, and the yearly report's
//! counting per message (in memory, and with its batched writes to SQLite). Each
//! iteration checks the verdicts (or findings), so a fast-but-wrong change shows.
//!
//! cargo bench --bench engine

use canhgac::{Action, Config, Engine, ScanInput};
use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use std::path::Path;

fn ten_kb_message() -> Vec<u8> {
    let mut m = b"From: <chuyenvien@lamdong.gov.vn>\r\nTo: <vanthu@lamdong.gov.vn>\r\nSubject: =?UTF-8?B?VGjDtG5nIGLDoW8=?=\r\nDate: Sun, 29 Nov 2026 10:00:00 +0700\r\nMessage-ID: <bench@lamdong.gov.vn>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n".to_vec();
    while m.len() < 10 * 1024 {
        m.extend_from_slice(
            "Kính gửi các cơ quan, đơn vị trên địa bàn tỉnh Lâm Đồng: đề nghị triển khai thực hiện.\r\n"
                .as_bytes(),
        );
    }
    m
}

fn attachment_message(size: usize) -> Vec<u8> {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut m = b"From: <a@lamdong.gov.vn>\r\nSubject: big\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--B\r\nContent-Type: application/pdf; name=a.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n".to_vec();
    let line: Vec<u8> = (0..76).map(|i| T[i % 64]).collect();
    for _ in 0..size / 57 {
        m.extend_from_slice(&line);
        m.extend_from_slice(b"\r\n");
    }
    m.extend_from_slice(b"--B--\r\n");
    m
}

fn bench(c: &mut Criterion) {
    let engine = Engine::build(&Config::default()).expect("engine");

    let small = ScanInput::from_bytes(ten_kb_message());
    let mut g = c.benchmark_group("scan");
    g.throughput(Throughput::Bytes(small.raw.len() as u64));
    g.bench_function("10KB_text", |b| {
        b.iter(|| {
            let r = engine.scan_content_verdict(black_box(&small));
            assert_eq!(r.verdict.action, Action::Accept);
        })
    });

    let big = ScanInput::from_bytes(attachment_message(20 * 1024 * 1024));
    g.throughput(Throughput::Bytes(big.raw.len() as u64));
    g.sample_size(10);
    g.bench_function("20MiB_attachment", |b| {
        b.iter(|| {
            let r = engine.scan_content_verdict(black_box(&big));
            assert_eq!(r.verdict.action, Action::Accept);
        })
    });

    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/mime-testsuites");
    if let Ok(files) = canhgac::message::source::files(&dir) {
        let msgs: Vec<ScanInput> = files
            .iter()
            .filter_map(|f| canhgac::message::source::read_messages(f).ok())
            .flatten()
            .map(|m| ScanInput::from_bytes(m.raw))
            .collect();
        let bytes: usize = msgs.iter().map(|m| m.raw.len()).sum();
        let expected_accepts = msgs
            .iter()
            .filter(|m| engine.scan_content_verdict(m).verdict.action == Action::Accept)
            .count();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function("mime_testsuites", |b| {
            b.iter(|| {
                let accepts = msgs
                    .iter()
                    .filter(|m| engine.scan_content_verdict(m).verdict.action == Action::Accept)
                    .count();
                assert_eq!(accepts, expected_accepts);
            })
        });
    }
    // The project's own labelled corpus (corpus/): every message gets its expected verdict.
    let own: Vec<ScanInput> =
        canhgac::message::source::files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
            .unwrap_or_default()
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "eml"))
            .filter_map(|f| std::fs::read(f).ok())
            .map(ScanInput::from_bytes)
            .collect();
    assert!(!own.is_empty(), "corpus/ has messages");
    let own_accepts = own
        .iter()
        .filter(|m| engine.scan_content_verdict(m).verdict.action == Action::Accept)
        .count();
    g.throughput(Throughput::Bytes(own.iter().map(|m| m.raw.len() as u64).sum()));
    g.bench_function("project_corpus", |b| {
        b.iter(|| {
            let n = own
                .iter()
                .filter(|m| engine.scan_content_verdict(m).verdict.action == Action::Accept)
                .count();
            assert_eq!(n, own_accepts);
        })
    });

    // The generated mix (`canhgac-tools corpus generate`), messages under 2 MB: stamped dispatches are
    // held, everything else delivered.
    let generated: Vec<_> = (0..400)
        .map(|i| canhgac::bench::corpus::message(1, i, canhgac::bench::corpus::Profile::Mixed))
        .filter(|g| g.bytes.len() < 2 * 1024 * 1024)
        .collect();
    let want: Vec<Action> = generated
        .iter()
        .map(|g| {
            if g.marking.is_some() {
                Action::Quarantine
            } else {
                Action::Accept
            }
        })
        .collect();
    let mix: Vec<ScanInput> = generated
        .into_iter()
        .map(|g| ScanInput::from_bytes(g.bytes))
        .collect();
    let bytes: usize = mix.iter().map(|m| m.raw.len()).sum();
    // Held or delivered (accepted, or tagged by the spam rules: the mix has some spam-like
    // messages) is what the bench checks; the spam rules are measured in their own section.
    let held = |a: Action| a == Action::Quarantine;
    let got: Vec<bool> = mix
        .iter()
        .map(|m| held(engine.scan_content_verdict(m).verdict.action))
        .collect();
    assert_eq!(
        got,
        want.iter().map(|a| held(*a)).collect::<Vec<_>>(),
        "the generated mix: stamped dispatches held, the rest delivered"
    );
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("generated_mix", |b| {
        b.iter(|| {
            for (m, w) in mix.iter().zip(&want) {
                assert_eq!(held(engine.scan_content_verdict(m).verdict.action), held(*w));
            }
        })
    });
    g.finish();

    // Markings: text extraction + detection alone, over the labelled set (corpus/markings).
    let limits = Config::default().limits;
    let markings = canhgac::scanners::MarkingScanner::compile(
        canhgac::scanners::markings::EMBEDDED,
        Path::new("rules/markings.toml"),
    )
    .expect("rules");
    let labelled: Vec<(ScanInput, usize)> = canhgac::bench::labelled::labelled()
        .into_iter()
        .map(|m| (ScanInput::from_bytes(m.bytes), m.symbols.len()))
        .collect();
    let parsed: Vec<_> = labelled
        .iter()
        .map(|(m, _)| canhgac::message::ParsedMessage::parse(&m.raw, &limits))
        .collect();
    let mut g = c.benchmark_group("markings");
    g.throughput(Throughput::Bytes(
        labelled.iter().map(|(m, _)| m.raw.len() as u64).sum(),
    ));
    g.bench_function("labelled_extract_and_detect", |b| {
        b.iter(|| {
            for ((input, n), p) in labelled.iter().zip(&parsed) {
                let text = canhgac::extract::extract_message(p, &input.raw, &limits);
                let mut out = Vec::new();
                markings.detect(black_box(&text), &mut out);
                assert_eq!(out.is_empty(), *n == 0, "{:?}", out.first());
            }
        })
    });
    let text = canhgac::extract::extract_message(
        &canhgac::message::ParsedMessage::parse(&small.raw, &limits),
        &small.raw,
        &limits,
    );
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("detect_10KB_text", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            markings.detect(black_box(&text), &mut out);
            assert!(out.is_empty());
        })
    });
    g.finish();

    // Each content scanner alone, on a message with a .docx attachment inside a zip.
    let sample = (0..400)
        .map(|i| canhgac::bench::corpus::message(1, i, canhgac::bench::corpus::Profile::Mixed))
        .find(|g| g.attachment == Some("zip") && g.marking.is_none() && g.bytes.len() < 512 * 1024)
        .expect("a zip sample in the mix");
    let input = ScanInput::from_bytes(sample.bytes);
    let parsed = canhgac::message::ParsedMessage::parse(&input.raw, &Config::default().limits);
    let limits = Config::default().limits;
    let cx = canhgac::scanners::ScanContext::new(&input, &parsed, &limits);
    // Extracted once, as in the engine: each scanner below is measured without it.
    cx.text();
    let mut g = c.benchmark_group("scanner");
    g.throughput(Throughput::Bytes(input.raw.len() as u64));
    g.bench_function("parse", |b| {
        b.iter(|| {
            let p = canhgac::message::ParsedMessage::parse(black_box(&input.raw), &Config::default().limits);
            assert_eq!(p.attachments.len(), 1);
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            let t = canhgac::extract::extract_message(black_box(&parsed), &input.raw, &limits);
            assert!(!t.is_empty());
        })
    });
    for s in engine.scanners() {
        g.bench_function(s.name(), |b| {
            b.iter(|| {
                let mut out = Vec::new();
                s.scan(black_box(&cx), &mut out);
                assert!(out.is_empty(), "{}: {out:?}", s.name());
            })
        });
    }
    g.finish();
}

/// The yearly report's counting (issue 22): what the milter does per message (its outcome
/// counters, the units of the sender and the recipients from a directory of 2,000 mailboxes in
/// 60 units, the in-memory tally), alone and with the daemon's batched writes (a flush every
/// 1,000 messages into a SQLite store on disk, as every `[report] flush_secs` at ~100 msg/s).
fn report_counting(c: &mut Criterion) {
    use canhgac::store::traffic::{Ending, Seen, Tally, outcome_counters};
    let mut csv = String::from(canhgac::directory::HEADER);
    csv.push('\n');
    for i in 0..2000 {
        let unit = i % 60;
        csv.push_str(&format!(
            "cv{i}@u{unit}.lamdong.gov.vn,Cán bộ {i},u{unit},Đơn vị {unit},u{unit}@lamdong.gov.vn\n"
        ));
    }
    let dir = canhgac::directory::Directory::parse(&csv, Path::new("bench.csv")).expect("directory");
    let local = canhgac::config::LocalConfig::default();
    let verdicts = [
        canhgac::Verdict {
            action: Action::Accept,
            dry_run_action: None,
            score: 0.0,
            reply: None,
            level: None,
            reason: String::new(),
            findings: Vec::new(),
        },
        canhgac::Verdict {
            action: Action::Reject,
            dry_run_action: None,
            score: 16.0,
            reply: None,
            level: None,
            reason: "score".into(),
            findings: vec![canhgac::Finding::new("VI_LOAN", "x", "body")],
        },
    ];
    let messages: Vec<(String, Vec<String>)> = (0..4096)
        .map(|i| {
            let from = if i % 2 == 0 {
                format!("cv{}@u{}.lamdong.gov.vn", i % 2000, (i % 2000) % 60)
            } else {
                format!("sender{i}@example.com")
            };
            let to = vec![
                format!("cv{}@u{}.lamdong.gov.vn", (i * 7) % 2000, ((i * 7) % 2000) % 60),
                format!("cv{}@u{}.lamdong.gov.vn", (i * 13) % 2000, ((i * 13) % 2000) % 60),
            ];
            (from, to)
        })
        .collect();
    let now = canhgac::store::now();
    let count = |tally: &Tally, i: u64| {
        let (from, to) = &messages[i as usize % messages.len()];
        let v = &verdicts[i as usize % 2];
        let ending = Ending::of(v, false);
        tally.count(
            &Seen {
                at: now - (i as i64 % 30) * 86_400,
                sender: from,
                recipients: to,
                size: 10_240,
                attachments: 1,
                ending,
                outcomes: outcome_counters(v, ending),
            },
            Some(&dir),
            &local,
        );
    };
    let mut g = c.benchmark_group("report");
    g.throughput(Throughput::Elements(1));
    let tally = Tally::new();
    g.bench_function("count_in_memory", |b| {
        let mut i = 0u64;
        b.iter(|| {
            count(&tally, i);
            i += 1;
        })
    });
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = canhgac::store::Store::open(&tmp.path().join("bench.db")).expect("store");
    g.bench_function("count_and_write_every_1000", |b| {
        b.iter_custom(|iters| {
            let tally = Tally::new();
            let t = std::time::Instant::now();
            for i in 0..iters {
                count(&tally, i);
                if i % 1000 == 999 {
                    store.flush_tally(&tally).expect("flush");
                }
            }
            store.flush_tally(&tally).expect("flush");
            t.elapsed()
        })
    });
    g.finish();
}

criterion_group!(benches, bench, report_counting);
criterion_main!(benches);
