//! Two gateways, one quarantine (issue 23): `canhgac serve` twice on one PostgreSQL database (a
//! private cluster the tests start). A message held through gateway A is released from the
//! console gateway B serves; holds from both at once keep one valid audit chain; alerts are
//! sent once with both senders draining the outbox; PostgreSQL stopped under load means
//! tempfails and nothing lost, and the gateway recovers when it returns; `canhgac store
//! migrate` copies a store with every kind of row.

use crate::common::gateway::send_to;
use crate::common::postfix::free_port;
use crate::common::smtp::Sink;
use crate::common::{config_file, milter_send};
use crate::web::{csrf_of, http};
use canhgac::store::testing::Cluster;
use canhgac::store::{FourEyes, Role, Status as Held, Store};
use indymilter_test::{Status, TestConnection};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PASSWORD: &str = "mật khẩu đủ dài 2026";

/// `canhgac serve` on a configuration naming the shared database.
struct Serve {
    child: Child,
    milter: SocketAddr,
    web: String,
    metrics: u16,
    dir: tempfile::TempDir,
}

impl Serve {
    async fn start(url: &str, key: &Path, extra: &str) -> Serve {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mp, wp, metrics) = (free_port(), free_port(), free_port());
        let cfg = config_file(
            dir.path(),
            &format!(
                "[milter]\nlisten = \"inet:127.0.0.1:{mp}\"\n\
                 [store]\nurl = \"{url}\"\npath = \"{}\"\n\
                 [audit]\nkey_file = \"{}\"\n\
                 [web]\nlisten = \"127.0.0.1:{wp}\"\n\
                 [metrics]\nlisten = \"127.0.0.1:{metrics}\"\n{extra}",
                dir.path().join("unused.db").display(),
                key.display()
            ),
        );
        let log = std::fs::File::create(dir.path().join("serve.log")).expect("log");
        let child = Command::new(env!("CARGO_BIN_EXE_canhgac"))
            .args(["serve", "--config"])
            .arg(&cfg)
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("spawn serve");
        let s = Serve {
            child,
            milter: SocketAddr::from(([127, 0, 0, 1], mp)),
            web: format!("http://127.0.0.1:{wp}"),
            metrics,
            dir,
        };
        let until = Instant::now() + Duration::from_secs(60);
        while TestConnection::open(s.milter).await.is_err()
            || tokio::net::TcpStream::connect(("127.0.0.1", wp)).await.is_err()
        {
            assert!(Instant::now() < until, "serve did not start:\n{}", s.log());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        s
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("serve.log")).unwrap_or_default()
    }

    async fn ready(&self) -> u16 {
        http(
            &format!("http://127.0.0.1:{}", self.metrics),
            "GET",
            "/readyz",
            "",
            "",
        )
        .await
        .0
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A marked message (held for its marking, alerts to the officers).
fn marked(i: usize) -> Vec<u8> {
    format!(
        "From: vanthu@snv.lamdong.gov.vn\r\nTo: ubnd@lamdong.gov.vn\r\nSubject: Bao cao {i}\r\nMessage-ID: <shared-{i}@snv.lamdong.gov.vn>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nĐộ mật: TỐI MẬT\r\nBáo cáo số {i} về tình hình.\r\n"
    )
    .into_bytes()
}

async fn send_marked(addr: SocketAddr, i: usize) -> Status {
    milter_send(
        addr,
        [10, 0, 0, 5],
        "vanthu@snv.lamdong.gov.vn",
        "ubnd@lamdong.gov.vn",
        &marked(i),
    )
    .await
}

/// Logs in to a console over HTTP; the session cookie.
async fn login(base: &str, name: &str) -> String {
    let (_, head, page) = http(base, "GET", "/login", "", "").await;
    let login_cookie = head
        .lines()
        .find_map(|l| {
            l.strip_prefix("set-cookie: ")
                .or_else(|| l.strip_prefix("Set-Cookie: "))
        })
        .and_then(|c| c.split(';').next())
        .expect("login cookie")
        .to_owned();
    let form = format!(
        "csrf={}&name={name}&password={}",
        csrf_of(&page),
        PASSWORD
            .replace(' ', "+")
            .bytes()
            .fold(String::new(), |mut s, b| {
                if b.is_ascii_alphanumeric() || b == b'+' {
                    s.push(b as char);
                } else {
                    s.push_str(&format!("%{b:02X}"));
                }
                s
            })
    );
    let (status, head, body) = http(base, "POST", "/login", &login_cookie, &form).await;
    assert!(
        status == 303 || status == 302,
        "login {name}: {status}\n{head}\n{body}"
    );
    head.lines()
        .filter_map(|l| {
            l.strip_prefix("set-cookie: ")
                .or_else(|| l.strip_prefix("Set-Cookie: "))
        })
        .filter_map(|c| c.split(';').next())
        .find(|c| c.starts_with("canhgac_session="))
        .expect("session cookie")
        .to_owned()
}

/// An officer's action on a held message through the console at `base`.
async fn act(base: &str, cookie: &str, id: &str, action: &str) -> (u16, String) {
    let (_, _, page) = http(base, "GET", &format!("/messages/{id}"), cookie, "").await;
    let (status, _, body) = http(
        base,
        "POST",
        &format!("/messages/{id}/action"),
        cookie,
        &format!("action={action}&reason=checked&csrf={}", csrf_of(&page)),
    )
    .await;
    (status, body)
}

fn shared_key(dir: &Path) -> PathBuf {
    let key = dir.join("audit.key");
    canhgac::store::AuditKey::load_or_create(&key).expect("key");
    key
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs PostgreSQL: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_gateways_share_one_quarantine_console_chain_and_outbox() {
    let cluster = Cluster::shared();
    let url = cluster.fresh_database().expect("database");
    let keys = tempfile::tempdir().expect("tempdir");
    let key = shared_key(keys.path());
    let (alerts, released) = (Sink::start().await, Sink::start().await);
    let extra = format!(
        "[alerts]\nsmtp = \"127.0.0.1:{}\"\nofficers = [\"antoanthongtin@lamdong.gov.vn\"]\ninterval_secs = 1\nretry_secs = 1\n\
         [release]\nsmtp = \"127.0.0.1:{}\"\n",
        alerts.port, released.port
    );
    let a = Serve::start(&url, &key, &extra).await;
    let b = Serve::start(&url, &key, &extra).await;
    let store = Store::open_postgres(&url, &key).expect("the shared store");
    for name in ["officer1", "officer2"] {
        store
            .add_user("test", name, Role::Officer, &[], PASSWORD)
            .expect("account");
    }

    // Held through A...
    assert_eq!(send_marked(a.milter, 0).await, Status::Discard, "{}", a.log());
    let held = store.list(Some(Held::Held), 10).expect("list");
    assert_eq!(held.len(), 1, "{}", a.log());
    let id = held[0].id.clone();
    // ...released from B's console, four-eyes: officer1 asks, officer2 approves.
    let one = login(&b.web, "officer1").await;
    let (status, body) = act(&b.web, &one, &id, "release").await;
    assert!(status < 400, "request: {status} {body}");
    assert!(matches!(
        store.release_requests(&id).expect("requests").as_slice(),
        [r] if r.requested_by == "officer1"
    ));
    let two = login(&b.web, "officer2").await;
    let (status, body) = act(&b.web, &two, &id, "release").await;
    assert!(status < 400, "approve: {status} {body}\n{}", b.log());
    let got = released.wait_for(1, Duration::from_secs(20)).await;
    assert_eq!(got.len(), 1, "released once");
    assert_eq!(store.get(&id).expect("get").status, Held::Released);
    // The doctor checks the shared store (and says the URL does not insist on TLS).
    let doctor = Command::new(env!("CARGO_BIN_EXE_canhgac"))
        .args(["doctor", "--no-postfix", "--config"])
        .arg(a.dir.path().join("canhgac-test.toml"))
        .output()
        .expect("doctor");
    let said = String::from_utf8_lossy(&doctor.stdout).into_owned();
    assert!(said.contains("is writable"), "{said}");
    assert!(said.contains("does not insist on TLS"), "{said}");
    // A's console sees what B did.
    let (_, _, page) = http(
        &a.web,
        "GET",
        &format!("/messages/{id}"),
        &login(&a.web, "officer1").await,
        "",
    )
    .await;
    assert!(page.contains(&id), "A's console shows the message");

    // Holds from both gateways at once: one chain, every hold in it.
    let mut sends = Vec::new();
    for i in 1..=40 {
        let to = if i % 2 == 0 { a.milter } else { b.milter };
        sends.push(tokio::spawn(send_marked(to, i)));
    }
    for s in sends {
        assert_eq!(s.await.expect("send"), Status::Discard);
    }
    let all = store.list(None, 100).expect("list");
    assert_eq!(all.len(), 41);
    let check = store.audit_verify().expect("verify");
    assert_eq!(check.first_bad, None, "{:?}", check.why);
    let holds = store
        .audit_entries(None)
        .expect("entries")
        .iter()
        .filter(|e| e.action == "hold")
        .count();
    assert_eq!(holds, 41);

    // Every alert sent once, though both gateways drain the outbox.
    let until = Instant::now() + Duration::from_secs(60);
    let rows = loop {
        let rows: Vec<_> = all
            .iter()
            .flat_map(|r| store.alerts_of(&r.id).expect("alerts"))
            .collect();
        if !rows.is_empty() && rows.iter().all(|r| r.sent_at.is_some()) {
            break rows;
        }
        assert!(
            Instant::now() < until,
            "alerts not all sent:\n{}\n{}",
            a.log(),
            b.log()
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    tokio::time::sleep(Duration::from_secs(3)).await;
    let mails = alerts.messages.lock().expect("sink").clone();
    let mut seen = std::collections::HashSet::new();
    for m in &mails {
        let text = m.text();
        let qid = text
            .lines()
            .find_map(|l| l.strip_prefix("X-Canhgac-Quarantine-Id: "))
            .unwrap_or("anchor")
            .to_owned();
        let mut rcpt = m.rcpt_to.clone();
        rcpt.sort();
        assert!(
            seen.insert((qid.clone(), rcpt.clone())),
            "alert for {qid} to {rcpt:?} sent twice"
        );
    }
    let of_messages = mails
        .iter()
        .filter(|m| m.text().contains("X-Canhgac-Quarantine-Id: "))
        .count();
    assert_eq!(of_messages, rows.len(), "one mail per alert");
    assert!(rows.iter().all(|r| r.attempts == 1), "each taken once");
    // Nothing of the gateways' own work on the shared store failed (counters, lists, anchors).
    for (name, g) in [("A", &a), ("B", &b)] {
        let log = g.log();
        assert!(!log.contains("ERROR"), "gateway {name}:\n{log}");
    }
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs PostgreSQL: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_stopped_under_load_means_tempfails_and_nothing_lost() {
    let cluster = Cluster::start().expect("a private cluster of its own");
    let url = cluster.database("q").expect("database");
    let keys = tempfile::tempdir().expect("tempdir");
    let key = shared_key(keys.path());
    let g = Serve::start(&url, &key, "").await;
    assert_eq!(g.ready().await, 200, "{}", g.log());
    let mut answers: Vec<(usize, Status)> = Vec::new();
    for i in 0..5 {
        answers.push((i, send_marked(g.milter, i).await));
    }
    cluster.stop().expect("stop PostgreSQL");
    for i in 5..15 {
        answers.push((i, send_marked(g.milter, i).await));
        // Mail that needs no store still flows.
        assert_eq!(
            send_to(g.milter, b"Subject: hi\r\n\r\nordinary\r\n").await,
            Status::Accept
        );
    }
    assert_eq!(g.ready().await, 503, "/readyz reports the store");
    cluster.restart().expect("start PostgreSQL again");
    // Back within the reconnection backoff.
    let until = Instant::now() + Duration::from_secs(60);
    let mut i = 15;
    loop {
        let s = send_marked(g.milter, i).await;
        answers.push((i, s.clone()));
        i += 1;
        if s == Status::Discard {
            break;
        }
        assert!(Instant::now() < until, "no recovery:\n{}", g.log());
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert_eq!(g.ready().await, 200);
    for (j, s) in &answers[5..15] {
        assert!(
            matches!(s, Status::Tempfail { .. }),
            "message {j} during the outage: {s:?}"
        );
    }
    // Every message accepted as held is in the store; none tempfailed is.
    let store = Store::open_postgres(&url, &key).expect("store");
    let subjects: std::collections::HashSet<String> = store
        .list(None, 1000)
        .expect("list")
        .into_iter()
        .map(|r| r.subject)
        .collect();
    for (j, s) in &answers {
        let stored = subjects.contains(&format!("Bao cao {j}"));
        match s {
            Status::Discard => assert!(stored, "message {j} was answered as held but is not stored"),
            Status::Tempfail { .. } => assert!(!stored, "message {j} tempfailed yet stored"),
            other => panic!("message {j}: {other:?}"),
        }
    }
    assert_eq!(store.audit_verify().expect("verify").first_bad, None);
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs PostgreSQL: cargo test --features system-tests"
)]
#[test]
fn store_migrate_copies_every_kind_of_row_and_verifies_the_chain() {
    use canhgac::message::Envelope;
    use canhgac::store::traffic::{Ending, Seen, Tally, outcome_counters};
    use canhgac::store::{Hold, NewAlert};
    use canhgac::verdict::{Action, Finding, Verdict};
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("canhgac.db");
    let source = Store::open(&path).expect("source");
    let env = Envelope {
        mail_from: "vanthu@snv.lamdong.gov.vn".into(),
        rcpt_to: vec!["ubnd@lamdong.gov.vn".into()],
        ..Envelope::default()
    };
    let verdict = Verdict {
        reason: String::new(),
        action: Action::Quarantine,
        dry_run_action: None,
        score: 0.0,
        reply: None,
        level: Some("TỐI MẬT".into()),
        findings: vec![Finding::new("MARKING_TOI_MAT", "TỐI MẬT", "body")],
    };
    let raw: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    let hold = |subject: &str| {
        source
            .hold(
                &Hold {
                    envelope: &env,
                    raw: &raw,
                    verdict: &verdict,
                    internal_sender: true,
                    header_from: "vanthu@snv.lamdong.gov.vn".into(),
                    subject: subject.into(),
                    units: vec!["snv".into(), "ubnd".into()],
                    described: None,
                    authentication: Some("mx; spf=pass"),
                },
                &[NewAlert {
                    kind: "marking".into(),
                    recipients: vec!["snv@lamdong.gov.vn".into()],
                    compose: Box::new(|id| format!("Subject: alert {id}\r\n\r\nx\r\n").into_bytes()),
                }],
            )
            .expect("hold")
    };
    let first = hold("một");
    let second = hold("hai");
    source
        .add_user("test", "officer1", Role::Officer, &[], PASSWORD)
        .expect("user");
    source
        .add_user("test", "officer2", Role::Officer, &["snv".into()], PASSWORD)
        .expect("user");
    source.session_start("officer1", 3600, 86400).expect("session");
    assert!(matches!(
        source
            .release_step(&first, "officer1", "xem xét")
            .expect("request"),
        FourEyes::Requested(_)
    ));
    source
        .list_add(
            "officer1",
            canhgac::policy::lists::ListKind::Block,
            canhgac::policy::lists::ListField::Domain,
            "lua-dao.example",
            "lừa đảo",
        )
        .expect("list");
    source.give_feedback("officer1", &second, true).expect("feedback");
    let tally = Tally::new();
    let accept = Verdict {
        action: Action::Accept,
        level: None,
        findings: vec![],
        ..verdict.clone()
    };
    tally.count(
        &Seen {
            at: canhgac::store::now(),
            sender: "vanthu@snv.lamdong.gov.vn",
            recipients: &["ubnd@lamdong.gov.vn".to_owned()],
            size: 100,
            attachments: 1,
            ending: Ending::Delivered,
            outcomes: outcome_counters(&accept, Ending::Delivered),
        },
        None,
        &canhgac::config::LocalConfig::default(),
    );
    source.flush_tally(&tally).expect("flush");
    source.anchor_audit().expect("anchor").expect("a head");
    let entries = source.audit_verify().expect("verify").entries;
    drop(source);

    let url = Cluster::shared().fresh_database().expect("database");
    let out = Command::new(env!("CARGO_BIN_EXE_canhgac"))
        .args(["store", "migrate", "--from"])
        .arg(format!("sqlite:{}", path.display()))
        .args(["--to", &url])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for table in canhgac::store::TABLES {
        let n: u64 = text
            .lines()
            .find_map(|l| {
                let mut w = l.split_whitespace();
                (w.next() == Some(table)).then(|| w.next()?.parse().ok())?
            })
            .unwrap_or_else(|| panic!("{table} not reported:\n{text}"));
        assert!(n > 0, "{table}: no row of it was made for the test:\n{text}");
    }
    assert!(text.contains(&format!("{entries} entries")), "{text}");

    // The copy, read through the store: bytes, accounts, requests; and it goes on working.
    let key = dir.path().join("audit.key");
    let target = Store::open_postgres(&url, &key).expect("target");
    assert_eq!(target.raw(&first).expect("raw").as_deref(), Some(raw.as_slice()));
    assert_eq!(
        target.get(&second).expect("get").authentication.as_deref(),
        Some("mx; spf=pass")
    );
    assert!(
        target
            .check_password("officer2", PASSWORD)
            .expect("check")
            .is_some()
    );
    let list = target.list(None, 10).expect("list");
    assert_eq!(
        list.iter().map(|r| r.subject.as_str()).collect::<Vec<_>>(),
        ["hai", "một"]
    );
    assert!(matches!(
        target
            .release_step(&first, "officer2", "đồng ý")
            .expect("approve"),
        FourEyes::Approved(_)
    ));
    let third = {
        let e = Envelope::default();
        target
            .hold(
                &Hold {
                    envelope: &e,
                    raw: b"Subject: x\r\n\r\ny\r\n",
                    verdict: &verdict,
                    internal_sender: false,
                    header_from: String::new(),
                    subject: "ba".into(),
                    units: vec![],
                    described: None,
                    authentication: None,
                },
                &[NewAlert {
                    kind: "marking".into(),
                    recipients: vec!["x@lamdong.gov.vn".into()],
                    compose: Box::new(|_| b"Subject: a\r\n\r\nb\r\n".to_vec()),
                }],
            )
            .expect("a new hold on the target")
    };
    assert_eq!(target.list(None, 10).expect("list")[0].id, third, "newest first");
    assert_eq!(target.audit_verify().expect("verify").first_bad, None);
    // A second migration into the same database is refused.
    let again = Command::new(env!("CARGO_BIN_EXE_canhgac"))
        .args(["store", "migrate", "--from"])
        .arg(format!("sqlite:{}", path.display()))
        .args(["--to", &url])
        .output()
        .expect("run");
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("not empty"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs PostgreSQL: cargo test --features system-tests"
)]
#[test]
fn the_store_speaks_tls_and_verifies_the_server() {
    let cluster = Cluster::start_tls().expect("a TLS cluster");
    let plain = cluster.database("q").expect("database");
    let keys = tempfile::tempdir().expect("tempdir");
    let key = shared_key(keys.path());
    let ca = cluster.ca_file();
    let url = format!("{plain}?sslmode=verify-full&sslrootcert={}", ca.display());
    let store = Store::open_postgres(&url, &key).expect("over TLS, the server verified");
    store
        .audit("officer1", "view", "m", "")
        .expect("a write over TLS");
    // Really encrypted: the server says so of this session.
    let tls_on = |u: &str| -> bool {
        let mut c = postgres::Client::connect(
            u.split('?').next().unwrap_or(u),
            postgres_openssl::MakeTlsConnector::new({
                let mut b = openssl::ssl::SslConnector::builder(openssl::ssl::SslMethod::tls()).expect("tls");
                b.set_ca_file(&ca).expect("ca");
                b.build()
            }),
        )
        .expect("connect");
        c.query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[])
            .expect("pg_stat_ssl")
            .get(0)
    };
    assert!(std::thread::scope(|s| s
        .spawn(|| tls_on(&plain))
        .join()
        .expect("thread")));
    // Another authority: refused, naming the certificate problem.
    let other = tempfile::tempdir().expect("tempdir");
    let (wrong, _) = canhgac::store::testing::self_signed(other.path(), "other", "other", false)
        .expect("another authority");
    let e = Store::open_postgres(
        &format!("{plain}?sslmode=require&sslrootcert={}", wrong.display()),
        &key,
    )
    .err()
    .expect("an unknown authority is refused")
    .to_string();
    assert!(e.contains("certificate"), "{e}");
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs PostgreSQL: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gateway_starts_while_postgres_is_down_and_holds_once_it_is_back() {
    let cluster = Cluster::start().expect("a private cluster of its own");
    let url = cluster.database("q").expect("database");
    cluster.stop().expect("stop PostgreSQL before the gateway starts");
    let keys = tempfile::tempdir().expect("tempdir");
    let key = shared_key(keys.path());
    let g = Serve::start(&url, &key, "").await;
    assert_eq!(
        send_to(g.milter, b"Subject: hi\r\n\r\nordinary\r\n").await,
        Status::Accept,
        "mail that needs no store flows:\n{}",
        g.log()
    );
    assert!(matches!(send_marked(g.milter, 0).await, Status::Tempfail { .. }));
    assert_eq!(g.ready().await, 503);
    cluster.restart().expect("start PostgreSQL");
    let until = Instant::now() + Duration::from_secs(60);
    let mut i = 1;
    while send_marked(g.milter, i).await != Status::Discard {
        assert!(Instant::now() < until, "never held:\n{}", g.log());
        tokio::time::sleep(Duration::from_millis(500)).await;
        i += 1;
    }
    // The schema was made on first contact; the hold is there, and only it.
    let store = Store::open_postgres(&url, &key).expect("store");
    let held = store.list(None, 10).expect("list");
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].subject, format!("Bao cao {i}"));
    assert_eq!(g.ready().await, 200);
}
