//! The regulation's yearly report (issue 22): each outcome through the milter moves exactly its
//! counters; a year of known traffic gives exactly the expected figures in CSV, JSON and HTML
//! from `canhgac report`; officers' later decisions and sent alerts are counted; the mailbox
//! activity lists; a scoped officer's report in the console (browser, with a screenshot).

use crate::common::{Milter, config_file, mail, test_config};
use crate::web::{BROWSER_LOCK, Browser, Console, PASSWORD, http};
use canhgac::config::LocalConfig;
use canhgac::directory::Directory;
use canhgac::policy::{Action, Verdict};
use canhgac::scanners::Finding;
use canhgac::store::traffic::{Ending, Seen, Tally, outcome_counters};
use canhgac::store::{Status, Store};
use indymilter_test::{Status as MilterStatus, TestConnection};
use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

const DIRECTORY: &str = "address,name,unit_id,unit_name,unit_mailbox\n\
an@snv.lamdong.gov.vn,Nguyễn Văn An,snv,Sở Nội vụ,snv@lamdong.gov.vn\n\
chi@snv.lamdong.gov.vn,Trần Thị Chi,snv,Sở Nội vụ,snv@lamdong.gov.vn\n\
binh@stc.lamdong.gov.vn,Lê Văn Bình,stc,Sở Tài chính,stc@lamdong.gov.vn\n";

fn write_directory(dir: &Path) -> std::path::PathBuf {
    let p = dir.join("directory.csv");
    std::fs::write(&p, DIRECTORY).expect("write directory");
    p
}

type Counts = BTreeMap<(String, String), i64>;

fn counts(store: &Store) -> Counts {
    store
        .counters(0, i64::MAX)
        .expect("counters")
        .into_iter()
        .fold(BTreeMap::new(), |mut m, r| {
            *m.entry((r.unit, r.counter)).or_default() += r.value;
            m
        })
}

/// What changed between two snapshots (bytes left out: their exact value is the wire size).
fn delta(before: &Counts, after: &Counts) -> Vec<(String, String, i64)> {
    after
        .iter()
        .filter(|((_, c), _)| !c.starts_with("bytes_"))
        .filter_map(|(k, v)| {
            let d = v - before.get(k).copied().unwrap_or(0);
            (d != 0).then(|| (k.0.clone(), k.1.clone(), d))
        })
        .collect()
}

fn want(rows: &[(&str, &str, i64)]) -> Vec<(String, String, i64)> {
    let mut v: Vec<_> = rows
        .iter()
        .map(|(u, c, n)| ((*u).to_owned(), (*c).to_owned(), *n))
        .collect();
    v.sort();
    v
}

/// One message through a new milter connection; returns the end-of-message status (or the
/// status of the stage that refused it).
async fn send(m: &Milter, from: &str, to: &[&str], raw: &[u8], mail_args: &[&str]) -> MilterStatus {
    send_from(m, Ipv4Addr::new(192, 0, 2, 10), from, to, raw, mail_args).await
}

/// [`send`] from a given client address (192.0.2.10 is one of the province's networks).
async fn send_from(
    m: &Milter,
    client: Ipv4Addr,
    from: &str,
    to: &[&str],
    raw: &[u8],
    mail_args: &[&str],
) -> MilterStatus {
    let mut conn = TestConnection::open(m.inet_addr()).await.expect("connect");
    let client = SocketAddr::from((client, 40000));
    conn.connect("client.example.org", client)
        .await
        .expect("connect stage");
    conn.helo("client.example.org").await.expect("helo");
    let from = format!("<{from}>");
    let mut args = vec![from.as_str()];
    args.extend_from_slice(mail_args);
    let st = conn.mail(args).await.expect("mail");
    if !matches!(st, MilterStatus::Continue) {
        return st;
    }
    for r in to {
        conn.rcpt([format!("<{r}>").as_str()]).await.expect("rcpt");
    }
    let (headers, body) = mail::split(raw);
    for (n, v) in headers {
        conn.header(n, v).await.expect("header");
    }
    conn.eoh().await.expect("eoh");
    let st = conn.body(body).await.expect("body");
    if !matches!(st, MilterStatus::Continue | MilterStatus::Noreply) {
        return st;
    }
    let (_, st) = conn.eom().await.expect("eom");
    st
}

fn marked(from: &str, to: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: Bao cao\r\nDate: Thu, 03 Dec 2026 08:00:00 +0700\r\nMessage-ID: <m1@lamdong.gov.vn>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nĐộ mật: TỐI MẬT\r\n\r\nBÁO CÁO\r\nTình hình thực hiện nhiệm vụ quý IV.\r\n"
    )
    .into_bytes()
}

#[tokio::test]
async fn each_outcome_through_the_milter_moves_exactly_its_counters() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut config = test_config();
    config.local.directory = write_directory(dir.path());
    config.store.path = dir.path().join("q.db");
    let store = Arc::new(Store::open(&config.store.path).expect("store"));
    let m = Milter::start_with_store(config, store.clone()).await;
    let tally = m.tally.clone().expect("a tally with a store");
    let mut before = counts(&store);
    let mut step = |expected: Vec<(String, String, i64)>, what: &str| {
        store.flush_tally(&tally).expect("flush");
        let after = counts(&store);
        assert_eq!(delta(&before, &after), expected, "{what}");
        before = after;
    };

    // Internal mail, one unit to another, with an attachment.
    let raw = mail::with_files("Lịch họp", &[("lich.txt", "text/plain", b"Lich hop thu hai")]);
    let st = send(
        &m,
        "an@snv.lamdong.gov.vn",
        &["binh@stc.lamdong.gov.vn"],
        &raw,
        &[],
    )
    .await;
    assert_eq!(st, MilterStatus::Accept);
    step(
        want(&[
            ("*", "attachments_sent", 1),
            ("*", "delivered", 1),
            ("*", "sent_internal", 1),
            ("snv", "attachments_sent", 1),
            ("snv", "delivered", 1),
            ("snv", "sent_internal", 1),
            ("stc", "attachments_received", 1),
            ("stc", "delivered", 1),
            ("stc", "received_internal", 1),
        ]),
        "internal",
    );

    // From outside the province to two units and someone outside.
    let raw = mail::plain(
        "lan@example.org",
        "an@snv.lamdong.gov.vn",
        "Xin chào",
        "Kính gửi anh An.",
    );
    let st = send(
        &m,
        "lan@example.org",
        &[
            "an@snv.lamdong.gov.vn",
            "binh@stc.lamdong.gov.vn",
            "x@example.net",
        ],
        &raw,
        &[],
    )
    .await;
    assert_eq!(st, MilterStatus::Accept);
    step(
        want(&[
            ("*", "delivered", 1),
            ("*", "received_external", 1),
            ("snv", "delivered", 1),
            ("snv", "received_external", 1),
            ("stc", "delivered", 1),
            ("stc", "received_external", 1),
        ]),
        "inbound",
    );

    // Spam refused (GTUBE) from outside.
    let raw = mail::plain(
        "win@spam.example",
        "chi@snv.lamdong.gov.vn",
        "win",
        "XJS*C4JDBQADN1.NSBESTNOATGSPAM-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X",
    );
    let st = send(&m, "win@spam.example", &["chi@snv.lamdong.gov.vn"], &raw, &[]).await;
    assert!(matches!(st, MilterStatus::Reject { .. }), "{st:?}");
    step(
        want(&[
            ("*", "received_external", 1),
            ("*", "refused", 1),
            ("*", "refused:spam", 1),
            ("snv", "received_external", 1),
            ("snv", "refused", 1),
            ("snv", "refused:spam", 1),
        ]),
        "spam",
    );

    // A program with a document's name (YARA), from outside: refused as malware.
    let raw = mail::with_files(
        "Hóa đơn",
        &[("hoa-don.pdf.exe", "application/octet-stream", b"harmless bytes")],
    );
    let st = send(&m, "billing@example.net", &["chi@snv.lamdong.gov.vn"], &raw, &[]).await;
    assert!(matches!(st, MilterStatus::Reject { .. }), "{st:?}");
    step(
        want(&[
            ("*", "attachments_received", 1),
            ("*", "received_external", 1),
            ("*", "refused", 1),
            ("*", "refused:virus", 1),
            ("snv", "attachments_received", 1),
            ("snv", "received_external", 1),
            ("snv", "refused", 1),
            ("snv", "refused:virus", 1),
        ]),
        "virus",
    );

    // Attachments over the regulation's 20 MB, found once decoded.
    let raw = mail::with_attachment(21 * 1024 * 1024, "ho-so.pdf");
    let st = send(
        &m,
        "an@snv.lamdong.gov.vn",
        &["binh@stc.lamdong.gov.vn"],
        &raw,
        &[],
    )
    .await;
    assert!(matches!(st, MilterStatus::Reject { .. }), "{st:?}");
    step(
        want(&[
            ("*", "attachments_sent", 1),
            ("*", "refused", 1),
            ("*", "refused:size", 1),
            ("*", "sent_internal", 1),
            ("snv", "attachments_sent", 1),
            ("snv", "refused", 1),
            ("snv", "refused:size", 1),
            ("snv", "sent_internal", 1),
            ("stc", "attachments_received", 1),
            ("stc", "received_internal", 1),
            ("stc", "refused", 1),
            ("stc", "refused:size", 1),
        ]),
        "attachment over 20 MB",
    );

    // A province sender claimed from outside, unauthenticated: tagged as forged; counted as
    // mail from outside, and as a forgery against the unit it claimed.
    let raw = mail::plain(
        "an@snv.lamdong.gov.vn",
        "binh@stc.lamdong.gov.vn",
        "Khẩn",
        "Chuyển tiền gấp.",
    );
    let st = send_from(
        &m,
        Ipv4Addr::new(198, 51, 100, 7),
        "an@snv.lamdong.gov.vn",
        &["binh@stc.lamdong.gov.vn"],
        &raw,
        &[],
    )
    .await;
    assert_eq!(st, MilterStatus::Accept);
    step(
        want(&[
            ("*", "delivered", 1),
            ("*", "forged_sender", 1),
            ("*", "received_external", 1),
            ("*", "tagged", 1),
            ("*", "tagged:spam", 1),
            ("snv", "delivered", 1),
            ("snv", "forged_sender", 1),
            ("snv", "tagged", 1),
            ("snv", "tagged:spam", 1),
            ("stc", "delivered", 1),
            ("stc", "forged_sender", 1),
            ("stc", "received_external", 1),
            ("stc", "tagged", 1),
            ("stc", "tagged:spam", 1),
        ]),
        "forged",
    );

    // Over the size limit, refused at MAIL FROM from SIZE= (no recipient known yet).
    let st = send(
        &m,
        "an@snv.lamdong.gov.vn",
        &["x@example.net"],
        b"",
        &["SIZE=99999999"],
    )
    .await;
    assert!(matches!(st, MilterStatus::Reject { .. }), "{st:?}");
    step(
        want(&[
            ("*", "refused", 1),
            ("*", "refused:size", 1),
            ("*", "sent_external", 1),
            ("snv", "refused", 1),
            ("snv", "refused:size", 1),
            ("snv", "sent_external", 1),
        ]),
        "size at MAIL FROM",
    );

    // A marked document held (TỐI MẬT), sent out of the province.
    let raw = marked("an@snv.lamdong.gov.vn", "doitac@example.com");
    let st = send(&m, "an@snv.lamdong.gov.vn", &["doitac@example.com"], &raw, &[]).await;
    assert_eq!(
        st,
        MilterStatus::Discard,
        "held: Postfix is told to drop its copy"
    );
    step(
        want(&[
            ("*", "held", 1),
            ("*", "held:marking", 1),
            ("*", "level:TỐI MẬT", 1),
            ("*", "sent_external", 1),
            ("snv", "held", 1),
            ("snv", "held:marking", 1),
            ("snv", "level:TỐI MẬT", 1),
            ("snv", "sent_external", 1),
        ]),
        "held",
    );

    // Officers' decisions and alerts are counted when they are recorded.
    let held = store.list(Some(Status::Held), 10).expect("list");
    let id = held.first().expect("the held message").id.clone();
    store
        .set_status(&id, Status::Confirmed, "officer1", "a real secret")
        .expect("confirm");
    // Counted for the units the held message concerns (as the console scopes it: the
    // recipient's domain too; the report shows the directory's units and the province's
    // domains only).
    step(
        want(&[
            ("*", "confirmed", 1),
            ("example.com", "confirmed", 1),
            ("snv", "confirmed", 1),
        ]),
        "confirmed",
    );
    let c = counts(&store);
    let get = |u: &str, k: &str| c.get(&(u.to_owned(), k.to_owned())).copied().unwrap_or(0);
    assert!(get("stc", "bytes_received") > 0);
    assert!(get("*", "bytes_sent") > get("stc", "bytes_received"));
    // Mailboxes: senders and recipients of delivered and held mail, not of refused mail.
    let boxes: Vec<String> = store
        .mailboxes()
        .expect("mailboxes")
        .into_iter()
        .map(|m| m.address)
        .collect();
    assert_eq!(
        boxes,
        ["an@snv.lamdong.gov.vn", "binh@stc.lamdong.gov.vn"],
        "chi only received a refused spam"
    );
    m.stop().await;
}

/// Counts one message of a known year's traffic.
#[allow(clippy::too_many_arguments)]
fn count(
    t: &Tally,
    dir: &Directory,
    at: i64,
    from: &str,
    to: &[&str],
    size: u64,
    attachments: u32,
    v: &Verdict,
) {
    let rcpt: Vec<String> = to.iter().map(|s| (*s).to_owned()).collect();
    let ending = Ending::of(v, false);
    t.count(
        &Seen {
            at,
            sender: from,
            recipients: &rcpt,
            size,
            attachments,
            ending,
            outcomes: outcome_counters(v, ending),
        },
        Some(dir),
        &LocalConfig::default(),
    );
}

fn verdict(action: Action, reason: &str, level: Option<&str>, symbols: &[&str]) -> Verdict {
    Verdict {
        action,
        dry_run_action: None,
        score: if reason == "score" { 20.0 } else { 0.0 },
        reply: None,
        level: level.map(str::to_owned),
        reason: reason.to_owned(),
        findings: symbols.iter().map(|s| Finding::new(s, "x", "message")).collect(),
    }
}

/// 2025 in Vietnam time: 10 March and 20 June at noon.
const MARCH: i64 = 1_741_582_800;
const JUNE: i64 = 1_750_395_600;

/// A store with a year of known traffic, and a configuration file naming it.
fn known_year(dir: &Path) -> std::path::PathBuf {
    let directory = write_directory(dir);
    let cfg = config_file(
        dir,
        &format!("[local]\ndirectory = \"{}\"\n", directory.display()),
    );
    let store = Store::open(&dir.join("quarantine.db")).expect("store");
    let d = Directory::load(&directory).expect("directory");
    let t = Tally::new();
    let clean = verdict(Action::Accept, "", None, &[]);
    for _ in 0..2 {
        count(
            &t,
            &d,
            MARCH,
            "an@snv.lamdong.gov.vn",
            &["binh@stc.lamdong.gov.vn"],
            1000,
            1,
            &clean,
        );
    }
    let spam = verdict(Action::Reject, "score", None, &["BAYES_SPAM_99", "VI_LOAN"]);
    count(
        &t,
        &d,
        MARCH,
        "x@spam.example",
        &["an@snv.lamdong.gov.vn"],
        500,
        0,
        &spam,
    );
    let secret = verdict(
        Action::Quarantine,
        "MARKING_TOI_MAT",
        Some("TỐI MẬT"),
        &["MARKING_TOI_MAT"],
    );
    count(
        &t,
        &d,
        JUNE,
        "an@snv.lamdong.gov.vn",
        &["x@example.org"],
        2000,
        0,
        &secret,
    );
    // Recent mail (for the activity list): chi sent yesterday, and an address the directory
    // does not know.
    let now = canhgac::store::now();
    count(
        &t,
        &d,
        now - 86_400,
        "chi@snv.lamdong.gov.vn",
        &["binh@stc.lamdong.gov.vn"],
        10,
        0,
        &clean,
    );
    count(
        &t,
        &d,
        now - 86_400,
        "moi@snv.lamdong.gov.vn",
        &["x@example.org"],
        10,
        0,
        &clean,
    );
    store.flush_tally(&t).expect("flush");
    cfg
}

fn report(cfg: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_canhgac"))
        .env("CANHGAC_CONFIG", "")
        .arg("report")
        .arg("-c")
        .arg(cfg)
        .args(args)
        .output()
        .expect("run canhgac report");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn a_year_of_known_traffic_gives_exactly_its_figures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = known_year(dir.path());
    let csv = report(&cfg, &["--year", "2025", "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "ky,sent_internal,sent_external,received_internal,received_external,attachments,bytes,\
delivered,spam_tagged,spam_refused,virus,oversize,forged_sender,blocked,unscannable,\
held_marking,level_mat,level_toi_mat,level_tuyet_mat,held,released,confirmed,false_positive,alerts_sent"
    );
    let zero = "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0";
    let expected = [
        "2025-01,".to_owned() + zero,
        "2025-02,".to_owned() + zero,
        "2025-03,2,0,0,1,2,2500,2,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0".to_owned(),
        "2025-04,".to_owned() + zero,
        "2025-05,".to_owned() + zero,
        "2025-06,0,1,0,0,0,2000,0,0,0,0,0,0,0,0,1,0,1,0,1,0,0,0,0".to_owned(),
        "2025-07,".to_owned() + zero,
        "2025-08,".to_owned() + zero,
        "2025-09,".to_owned() + zero,
        "2025-10,".to_owned() + zero,
        "2025-11,".to_owned() + zero,
        "2025-12,".to_owned() + zero,
        "tong,2,1,0,1,2,4500,2,0,1,0,0,0,0,0,1,0,1,0,1,0,0,0,0".to_owned(),
        "don_vi:snv,2,1,0,1,2,4500,2,0,1,0,0,0,0,0,1,0,1,0,1,0,0,0,0".to_owned(),
        "don_vi:stc,0,0,2,0,2,2000,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0".to_owned(),
    ];
    assert_eq!(
        &lines[1..],
        &expected.iter().map(String::as_str).collect::<Vec<_>>()[..],
        "{csv}"
    );

    // One unit's report: its own figures only.
    let json: serde_json::Value = serde_json::from_str(&report(
        &cfg,
        &["--year", "2025", "--unit", "stc", "--format", "json"],
    ))
    .expect("json");
    assert_eq!(json["unit"], "stc");
    assert_eq!(json["unit_name"], "Sở Tài chính");
    assert_eq!(json["total"]["figures"]["received_internal"], 2);
    assert_eq!(json["total"]["figures"]["sent_internal"], 0);
    assert_eq!(json["months"][2]["figures"]["attachments"], 2);
    assert_eq!(json["months"][2]["counters"]["bytes_received"], 2000);
    assert_eq!(json["units"].as_array().map(Vec::len), Some(0));

    // The HTML: an official report in Vietnamese, with the same figures and its charts.
    let html = report(&cfg, &["--year", "2025", "--unit", "snv"]);
    for text in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Tình hình quản lý, sử dụng hộp thư điện tử công vụ năm 2025",
        "Sở Nội vụ",
        "Điều 14",
        "Tháng 3",
        "4,5 kB",
        "<svg",
        "@media print",
        "TỐI MẬT: 1",
    ] {
        assert!(html.contains(text), "the HTML report lacks {text:?}");
    }
    // A year with nothing counted is a report of zeros, not an error; an unknown unit and a
    // year out of range are errors naming the value.
    let empty = report(&cfg, &["--year", "2024", "--format", "csv"]);
    assert!(empty.contains("tong,0,0,0,0"), "{empty}");
    for (args, text) in [
        (&["--year", "2025", "--unit", "khong-co"][..], "khong-co"),
        (&["--year", "1999"][..], "1999"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_canhgac"))
            .env("CANHGAC_CONFIG", "")
            .arg("report")
            .arg("-c")
            .arg(&cfg)
            .args(args)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(text), "{args:?}");
    }
}

#[test]
fn the_activity_lists_name_inactive_and_unlisted_mailboxes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = known_year(dir.path());
    let csv = report(&cfg, &["--activity", "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "list,address,name,unit,last_sent,last_received");
    // an last sent in June 2025 (over 90 days ago), binh never sent, chi sent yesterday.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("inactive,an@snv.lamdong.gov.vn,Nguyễn Văn An,snv,2025-06-20,")),
        "{csv}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("inactive,binh@stc.lamdong.gov.vn,Lê Văn Bình,stc,,")),
        "{csv}"
    );
    assert!(!csv.contains("chi@snv"), "{csv}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("unlisted,moi@snv.lamdong.gov.vn,,snv.lamdong.gov.vn,")),
        "{csv}"
    );
    assert_eq!(lines.len(), 4, "{csv}");
    // Per unit, and the threshold is configuration.
    let stc = report(&cfg, &["--activity", "--unit", "stc", "--format", "csv"]);
    assert_eq!(stc.lines().count(), 2, "{stc}");
    let text = std::fs::read_to_string(&cfg).expect("read") + "[report]\ninactive_days = 1000\n";
    std::fs::write(&cfg, text).expect("write");
    let long = report(&cfg, &["--activity", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&long).expect("json");
    let inactive: Vec<&str> = v["inactive"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|m| m["address"].as_str())
        .collect();
    assert_eq!(inactive, ["binh@stc.lamdong.gov.vn"]);
}

#[test]
fn releases_false_positives_and_sent_alerts_are_counted_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("q.db")).expect("store");
    let env = canhgac::message::Envelope {
        mail_from: "an@snv.lamdong.gov.vn".into(),
        rcpt_to: vec!["binh@stc.lamdong.gov.vn".into()],
        ..Default::default()
    };
    let v = verdict(Action::Quarantine, "MARKING_MAT", Some("MẬT"), &["MARKING_MAT"]);
    let hold = |subject: &str| canhgac::store::Hold {
        envelope: &env,
        raw: b"Subject: x\r\n\r\nMAT\r\n",
        verdict: &v,
        internal_sender: true,
        header_from: env.mail_from.clone(),
        subject: subject.to_owned(),
        units: vec!["snv".into(), "stc".into()],
        described: None,
        authentication: None,
    };
    let alert = || canhgac::store::NewAlert {
        kind: "sender_unit".into(),
        recipients: vec!["snv@lamdong.gov.vn".into()],
        compose: Box::new(|id: &str| format!("Subject: {id}\r\n\r\nx\r\n").into_bytes()),
    };
    let a = store.hold(&hold("a"), &[alert()]).expect("hold");
    let b = store.hold(&hold("b"), &[]).expect("hold");
    store.begin_release(&a, "officer1", "approved").expect("begin");
    store
        .finish_release(&a, "officer1", "approved", "250 ok")
        .expect("finish");
    store
        .set_status(&b, Status::FalsePositive, "officer1", "not a secret")
        .expect("fp");
    for row in store.due_alerts(10).expect("due") {
        store.alert_sent(row.id).expect("sent");
        // Marked sent twice (a retry that raced): counted once.
        store.alert_sent(row.id).expect("sent again");
    }
    let c = counts(&store);
    let get = |u: &str, k: &str| c.get(&(u.to_owned(), k.to_owned())).copied().unwrap_or(0);
    for u in ["*", "snv", "stc"] {
        assert_eq!(get(u, "released"), 1, "{u}");
        assert_eq!(get(u, "false_positive"), 1, "{u}");
        assert_eq!(get(u, "alerts_sent"), 1, "{u}");
    }
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Chromium: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_s_report_page_keeps_officers_to_their_units() {
    let _one = BROWSER_LOCK.lock().await;
    let data = tempfile::tempdir().expect("tempdir");
    let directory = write_directory(data.path());
    let c = Console::start(|cfg| cfg.local.directory = directory.clone()).await;
    // This year's traffic.
    let d = Directory::load(&directory).expect("directory");
    let t = Tally::new();
    let now = canhgac::store::now();
    let clean = verdict(Action::Accept, "", None, &[]);
    for _ in 0..3 {
        count(
            &t,
            &d,
            now,
            "an@snv.lamdong.gov.vn",
            &["binh@stc.lamdong.gov.vn"],
            40_000,
            1,
            &clean,
        );
    }
    let secret = verdict(
        Action::Quarantine,
        "MARKING_TUYET_MAT",
        Some("TUYỆT MẬT"),
        &["MARKING_TUYET_MAT"],
    );
    count(
        &t,
        &d,
        now,
        "binh@stc.lamdong.gov.vn",
        &["x@example.org"],
        9000,
        1,
        &secret,
    );
    c.store.flush_tally(&t).expect("flush");

    let b = Browser::start().await;
    b.login(&c.base, "admin", PASSWORD).await;
    b.goto(&format!("{}/report", c.base)).await;
    assert!(
        b.text("#report-title")
            .await
            .contains("hộp thư điện tử công vụ năm")
    );
    let units = b.text("#table-units").await;
    assert!(
        units.contains("Sở Nội vụ") && units.contains("Sở Tài chính"),
        "{units}"
    );
    let secrets = b.text("#table-secrets").await;
    assert!(secrets.contains("Cả năm"), "{secrets}");
    assert!(b.text("#report-summary").await.contains("TUYỆT MẬT: 1"));
    for chart in ["#chart-use", "#chart-stopped"] {
        assert!(b.exists(&format!("{chart} svg rect")).await, "{chart}");
    }
    b.shot("08-bao-cao-nam").await;
    // The CSV behind it.
    let cookie = b.session_cookie().await;
    let (status, head, csv) = http(&c.base, "GET", "/report.csv?unit=snv", &cookie, "").await;
    assert_eq!(status, 200);
    assert!(head.contains("text/csv") && head.contains("bao-cao-"), "{head}");
    assert!(csv.contains("\r\ntong,3,0,"), "{csv}");
    b.logout(&c.base).await;

    // An officer of snv: snv's report by default, never another unit's or the province's.
    b.login(&c.base, "snv-officer", PASSWORD).await;
    b.goto(&format!("{}/report", c.base)).await;
    assert_eq!(b.text("#report-unit").await, "Sở Nội vụ");
    assert!(
        !b.exists("#table-units").await,
        "no per-unit table outside the province report"
    );
    let cookie = b.session_cookie().await;
    for path in [
        "/report?unit=stc",
        "/report.csv?unit=stc",
        "/report.json?unit=stc",
    ] {
        let (status, _, body) = http(&c.base, "GET", path, &cookie, "").await;
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("Sở Tài chính"), "{path}");
    }
    let (status, _, json) = http(&c.base, "GET", "/report.json", &cookie, "").await;
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["unit"], "snv");
    assert_eq!(v["total"]["figures"]["sent_internal"], 3);
    // Every report made is in the audit trail.
    let trail = c.store.audit_entries(None).expect("audit");
    assert!(
        trail
            .iter()
            .any(|e| e.action == "report" && e.actor == "snv-officer" && e.message_id.ends_with(":snv"))
    );
    b.close().await;
}
