//! The review console's store queries over 100,000 held messages (criterion): the quarantine
//! list's first page, a filtered and a searched page, an officer scoped to one unit, a deep
//! page, the dashboard's figures, a message's audit trail and the whole chain's verification.
//! The store lives on /dev/shm when it exists, so seeding 100,000 synced holds takes seconds;
//! the queries themselves read from SQLite's page cache either way.
//!
//! cargo bench --bench console
//! CANHGAC_BENCH_STORE=postgres cargo bench --bench console   (the same on PostgreSQL, issue 23:
//! a private cluster started like the tests', fsync off, so the seeding is no measure of holds)

use canhgac::message::Envelope;
use canhgac::policy::{Action, Verdict};
use canhgac::scanners::Finding;
use canhgac::store::{Filter, Hold, Sort, Status, Store};
use criterion::{Criterion, black_box, criterion_group, criterion_main};
use std::time::Instant;

const MESSAGES: usize = 100_000;
const UNITS: [&str; 20] = [
    "snv", "stc", "sgd", "syt", "sct", "sxd", "stnmt", "snnptnt", "sldtbxh", "svhttdl", "skhcn", "stp",
    "skhdt", "sgtvt", "thanhtra", "vpubnd", "bqlda", "dalat", "baoloc", "ductrong",
];

fn seed(store: &Store) -> (String, String) {
    let started = Instant::now();
    let mut first = (String::new(), String::new());
    for i in 0..MESSAGES {
        let unit = UNITS[i % UNITS.len()];
        let from = format!("chuyenvien{i}@{unit}.lamdong.gov.vn");
        let env = Envelope {
            mail_from: from.clone(),
            rcpt_to: vec![format!(
                "vanthu@{}.lamdong.gov.vn",
                UNITS[(i * 7 + 3) % UNITS.len()]
            )],
            ..Envelope::default()
        };
        let (level, symbol, score) = match i % 10 {
            0 => (Some("TỐI MẬT"), "MARKING_TOI_MAT", 0.0),
            1 | 2 => (Some("MẬT"), "MARKING_MAT", 0.0),
            3 => (None, "VIRUS_FOUND", 100.0),
            _ => (None, "BAYES_SPAM_99", 16.0),
        };
        let verdict = Verdict {
            reason: String::new(),
            action: Action::Quarantine,
            dry_run_action: None,
            score,
            reply: None,
            level: level.map(str::to_owned),
            findings: vec![Finding::new(symbol, "TỐI MẬT marking «[TỐI MẬT]»", "body part 1")],
        };
        let subject = if i % 1000 == 7 {
            format!("Tờ trình phê duyệt dự án số {i}")
        } else {
            format!("Báo cáo tình hình tháng {} số {i}", i % 12 + 1)
        };
        let raw = format!("From: {from}\r\nSubject: {subject}\r\n\r\nNội dung báo cáo.\r\n");
        let hold = Hold {
            envelope: &env,
            raw: raw.as_bytes(),
            verdict: &verdict,
            internal_sender: true,
            header_from: from,
            subject,
            units: vec![unit.to_owned(), UNITS[(i * 7 + 3) % UNITS.len()].to_owned()],
            described: None,
            authentication: None,
        };
        let id = store.hold(&hold, &[]).expect("hold");
        if i == 0 {
            first.0 = id;
        } else if i == MESSAGES / 2 {
            first.1 = id;
        }
    }
    eprintln!(
        "seeded {MESSAGES} held messages in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    first
}

fn bench(c: &mut Criterion) {
    let shm = std::path::Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm).expect("tempdir")
    } else {
        tempfile::tempdir().expect("tempdir")
    };
    // Kept alive for the bench (stopped and removed when dropped).
    let cluster;
    let store = if std::env::var("CANHGAC_BENCH_STORE").as_deref() == Ok("postgres") {
        cluster = canhgac::store::testing::Cluster::start().expect("private PostgreSQL");
        let url = cluster.database("bench").expect("database");
        Store::open_postgres(&url, &dir.path().join("audit.key")).expect("store")
    } else {
        Store::open(&dir.path().join("q.db")).expect("store")
    };
    let (_, middle) = seed(&store);
    let page = |f: Filter| Filter {
        per_page: 50,
        page: 1,
        ..f
    };
    let cases: Vec<(&str, Filter)> = vec![
        ("list/first page", page(Filter::default())),
        (
            "list/held, markings, by sender",
            page(Filter {
                status: Some(Status::Held),
                reason: Some("marking".into()),
                sort: Sort::Sender,
                ascending: true,
                ..Filter::default()
            }),
        ),
        (
            "list/search subject",
            page(Filter {
                search: "Tờ trình".into(),
                ..Filter::default()
            }),
        ),
        (
            "list/officer scoped to one unit",
            page(Filter {
                scope: Some(vec!["snv".into()]),
                ..Filter::default()
            }),
        ),
        (
            "list/page 1000",
            Filter {
                page: 1000,
                per_page: 50,
                ..Filter::default()
            },
        ),
    ];
    let mut g = c.benchmark_group("console");
    g.sample_size(10);
    for (name, filter) in cases {
        let p = store.query(&filter).expect("query");
        assert!(p.total > 0 && !p.rows.is_empty(), "{name}: no rows");
        g.bench_function(name, |b| {
            b.iter(|| black_box(store.query(&filter).expect("query")))
        });
    }
    g.bench_function("dashboard/30 days, all units", |b| {
        b.iter(|| black_box(store.stats(&None, 30).expect("stats")))
    });
    let scope = Some(vec!["snv".to_owned()]);
    g.bench_function("dashboard/30 days, one unit", |b| {
        b.iter(|| black_box(store.stats(&scope, 30).expect("stats")))
    });
    g.bench_function("message/record and trail", |b| {
        b.iter(|| {
            black_box(store.get(&middle).expect("get"));
            black_box(store.audit_entries(Some(&middle)).expect("trail"))
        })
    });
    g.bench_function("audit/verify 100k entries", |b| {
        b.iter(|| {
            let check = store.audit_verify().expect("verify");
            assert_eq!(check.first_bad, None);
            black_box(check)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
