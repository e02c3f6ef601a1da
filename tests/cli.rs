//! The `canhgac` binary as a user runs it: `scan`, `check-config`, `serve` with signals.

use crate::common::{config_file, mail};
use std::process::{Command, Stdio};
use std::time::Duration;

/// Standard output of `--json`: one JSON object per line.
fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn canhgac() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_canhgac"));
    // Never a system-wide /etc/canhgac/canhgac.toml: a test names its configuration.
    c.env("CANHGAC_CONFIG", "");
    c
}

#[test]
fn scan_json_prints_one_object_per_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("1-clean.eml"),
        mail::plain("a@lamdong.gov.vn", "b@lamdong.gov.vn", "Chào", "Nội dung"),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("2-big.eml"),
        mail::with_attachment(21 * 1024 * 1024, "x.zip"),
    )
    .expect("write");
    let mbox = b"From a@b Sun Nov 29 10:00:00 2026\nSubject: one\n\nfirst\n\nFrom c@d Sun Nov 29 10:00:00 2026\nSubject: two\n\nsecond\n";
    std::fs::write(dir.path().join("3.mbox"), mbox).expect("write");
    let cfgdir = tempfile::tempdir().expect("tempdir");
    let cfg = config_file(cfgdir.path(), "");
    let out = canhgac()
        .arg("scan")
        .arg("--config")
        .arg(&cfg)
        .arg("--json")
        .arg(dir.path())
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 4);
    for l in &lines {
        for key in ["file", "verdict", "score", "smtp_reply", "findings"] {
            assert!(l.get(key).is_some(), "{key} missing in {l}");
        }
    }
    assert!(
        lines[0]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("1-clean.eml"))
    );
    assert_eq!(lines[0]["verdict"], "accept");
    assert_eq!(lines[0]["smtp_reply"], serde_json::Value::Null);
    assert_eq!(lines[1]["verdict"], "reject");
    assert!(
        lines[1]["smtp_reply"]
            .as_str()
            .is_some_and(|r| r.starts_with("552 5.3.4 "))
    );
    let f = &lines[1]["findings"][0];
    assert_eq!(f["symbol"], "ATTACHMENT_OVERSIZE");
    for key in ["symbol", "score", "detail", "location"] {
        assert!(f.get(key).is_some(), "{key} missing in {f}");
    }
    assert!(f["location"].as_str().is_some_and(|l| l.contains("x.zip")), "{f}");
    assert!(lines[2]["file"].as_str().is_some_and(|f| f.ends_with("3.mbox#1")));
    assert!(lines[3]["file"].as_str().is_some_and(|f| f.ends_with("3.mbox#2")));
}

#[test]
fn scan_json_shows_marking_level_and_evidence() {
    let cfgdir = tempfile::tempdir().expect("tempdir");
    let cfg = config_file(cfgdir.path(), "");
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/markings");
    let out = canhgac()
        .args(["scan", "--json", "--config"])
        .arg(&cfg)
        .arg(corpus.join("015-docx-table-toi-mat.eml"))
        .arg(corpus.join("047-neg-mat-khau.eml"))
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["verdict"], "quarantine", "{}", lines[0]);
    assert_eq!(lines[0]["level"], "TỐI MẬT", "{}", lines[0]);
    let f = lines[0]["findings"]
        .as_array()
        .and_then(|a| a.iter().find(|f| f["symbol"] == "MARKING_TOI_MAT"))
        .expect("marking finding");
    let location = f["location"].as_str().unwrap_or("");
    assert!(
        location.contains("nhan-su.docx") && location.contains("line"),
        "{f}"
    );
    assert!(
        f["detail"].as_str().is_some_and(|d| d.contains("[TỐI MẬT]")),
        "{f}"
    );
    assert_eq!(lines[1]["verdict"], "accept", "{}", lines[1]);
    assert_eq!(lines[1]["level"], serde_json::Value::Null);
}

#[test]
fn scan_human_output_and_unreadable_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ok = dir.path().join("ok.eml");
    std::fs::write(&ok, mail::plain("a@b.c", "d@e.f", "s", "b")).expect("write");
    let missing = dir.path().join("missing.eml");
    let cfg = config_file(dir.path(), "");
    let out = canhgac()
        .arg("scan")
        .arg("--config")
        .arg(&cfg)
        .arg(&ok)
        .arg(&missing)
        .output()
        .expect("run");
    assert!(!out.status.success(), "a file that cannot be read is an error");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("ok.eml: accept score=0.00"), "{stdout}");
    assert!(stderr.contains("missing.eml"), "{stderr}");
}

#[test]
fn check_config_reports_file_line_key_value() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = dir.path().join("bad.toml");
    std::fs::write(&f, "# comment\n[milter]\nlisten = \"inet:127.0.0.1:8897\"\n\n[limits]\nmax_attachment_bytes = \"20MB\"\n").expect("write");
    let out = canhgac().arg("check-config").arg(&f).output().expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml:6:"), "{err}");
    assert!(
        err.contains("max_attachment_bytes") && err.contains("20MB"),
        "{err}"
    );

    let out = canhgac().arg("check-config").output().expect("run");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("max_attachment_bytes = 20971520"), "{text}");
    assert!(text.contains("listen = \"inet:127.0.0.1:8897\""), "{text}");
}

#[test]
fn check_config_rejects_unknown_symbol_in_rules() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).expect("mkdir");
    let scores =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/scores.toml")).expect("read");
    std::fs::write(
        rules.join("scores.toml"),
        format!("{scores}\n[symbols.ATACHMENT_OVERSIZE]\nscore = 1.0\ndescription = \"typo\"\n"),
    )
    .expect("write");
    let cfg = dir.path().join("c.toml");
    std::fs::write(
        &cfg,
        format!("[rules]\ndir = {:?}\n", rules.display().to_string()),
    )
    .expect("write");
    let out = canhgac().arg("check-config").arg(&cfg).output().expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("scores.toml:") && err.contains("ATACHMENT_OVERSIZE"),
        "{err}"
    );
}

/// Issue 19: a rule or the classifier made to refuse on its own is a configuration error naming
/// the file, the line and the symbol: in the score table, and through `[policy.actions]`.
#[test]
fn check_config_refuses_a_symbol_that_would_reject_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).expect("mkdir");
    let scores =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/scores.toml")).expect("read");
    let cfg = dir.path().join("c.toml");
    std::fs::write(
        &cfg,
        format!("[rules]\ndir = {:?}\n", rules.display().to_string()),
    )
    .expect("write");
    for (from, to, want) in [
        // A phrase rule given a refusing score.
        (
            "[symbols.SPAM_PHRASES_EN]\nscore = 1.0",
            "[symbols.SPAM_PHRASES_EN]\nscore = 20.0",
            ["SPAM_PHRASES_EN", "corroboration"],
        ),
        // A phrase rule given a forced reject.
        (
            "[symbols.VI_LOAN]\nscore = 5.0",
            "[symbols.VI_LOAN]\nscore = 5.0\naction = \"reject\"",
            ["VI_LOAN", "corroboration"],
        ),
        // The classifier's cap lifted past the tag score.
        (
            "statistical = true\nmax_score = 6.0",
            "statistical = true\nmax_score = 6.5",
            ["groups.bayes", "tags at most"],
        ),
    ] {
        assert!(scores.contains(from), "{from}");
        std::fs::write(rules.join("scores.toml"), scores.replace(from, to)).expect("write");
        let out = canhgac().arg("check-config").arg(&cfg).output().expect("run");
        assert!(!out.status.success(), "{to}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("scores.toml:") && want.iter().all(|w| err.contains(w)),
            "{want:?}: {err}"
        );
    }
    let cfg = dir.path().join("actions.toml");
    std::fs::write(&cfg, "[policy.actions]\nBAYES_SPAM_999 = \"reject\"\n").expect("write");
    let out = canhgac().arg("check-config").arg(&cfg).output().expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("actions.toml:2:") && err.contains("BAYES_SPAM_999") && err.contains("corroboration"),
        "{err}"
    );
}

/// Sends a signal to a child process.
fn kill(child: &std::process::Child, sig: &str) {
    let st = Command::new("kill")
        .arg(format!("-{sig}"))
        .arg(child.id().to_string())
        .status()
        .expect("kill");
    assert!(st.success());
}

#[tokio::test]
async fn serve_reloads_on_sighup_and_stops_on_sigterm() {
    use indymilter_test::{Status, TestConnection};
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("canhgac.toml");
    std::fs::write(
        &cfg,
        format!(
            "[clamd]\nenabled = false\n[auth]\nenabled = false\n[milter]\nlisten = \"inet:127.0.0.1:{port}\"\n[store]\npath = \"{}\"\n[web]\nlisten = \"127.0.0.1:0\"\n[metrics]\nlisten = \"127.0.0.1:0\"\n",
            dir.path().join("q.db").display()
        ),
    )
    .expect("write");
    let mut child = canhgac()
        .arg("serve")
        .arg("--config")
        .arg(&cfg)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn serve");
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let mut tries = 0;
    let connect = || async { TestConnection::open(addr).await };
    let mut conn = loop {
        match connect().await {
            Ok(c) => break c,
            Err(_) if tries < 100 => {
                tries += 1;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("serve did not listen: {e}"),
        }
    };
    async fn attachment_verdict(conn: &mut TestConnection) -> Status {
        conn.connect("c", std::net::SocketAddr::from(([127, 0, 0, 1], 1)))
            .await
            .expect("connect");
        conn.mail(["<a@b.c>"]).await.expect("mail");
        conn.rcpt(["<d@e.f>"]).await.expect("rcpt");
        let (headers, body) = mail::split(&mail::with_attachment(5000, "a.bin"));
        for (n, v) in headers {
            conn.header(n, v).await.expect("header");
        }
        conn.eoh().await.expect("eoh");
        conn.body(body).await.expect("body");
        conn.eom().await.expect("eom").1
    }
    assert_eq!(attachment_verdict(&mut conn).await, Status::Accept);
    conn.close().await.expect("close");

    // Lower the limit and reload.
    std::fs::write(
        &cfg,
        format!(
            "[clamd]\nenabled = false\n[auth]\nenabled = false\n[milter]\nlisten = \"inet:127.0.0.1:{port}\"\n[limits]\nmax_attachment_bytes = 1000\n"
        ),
    )
    .expect("write");
    kill(&child, "HUP");
    // The reload builds a new engine (rules compiled, in a debug build) in the background: new
    // connections get it once it is ready.
    let mut reloaded = false;
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let mut conn = TestConnection::open(addr).await.expect("open");
        let verdict = attachment_verdict(&mut conn).await;
        conn.close().await.expect("close");
        if matches!(verdict, Status::Reject { .. }) {
            reloaded = true;
            break;
        }
    }
    assert!(reloaded, "the lower limit never took effect");

    // A broken file: the running configuration stays.
    std::fs::write(&cfg, "[milter\n").expect("write");
    kill(&child, "HUP");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut conn = TestConnection::open(addr).await.expect("still serving");
    assert!(matches!(
        attachment_verdict(&mut conn).await,
        Status::Reject { .. }
    ));
    conn.close().await.expect("close");

    kill(&child, "TERM");
    let status = tokio::task::spawn_blocking(move || {
        let st = child.wait().expect("wait");
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            use std::io::Read;
            let _ = e.read_to_string(&mut err);
        }
        (st, err)
    })
    .await
    .expect("join");
    assert!(status.0.success(), "exit {:?}\n{}", status.0, status.1);
    assert!(
        status.1.contains("review console started"),
        "serve also serves the review console:\n{}",
        status.1
    );
    assert!(status.1.contains("configuration reloaded"), "{}", status.1);
    assert!(
        status
            .1
            .contains("reload failed, keeping the running configuration"),
        "{}",
        status.1
    );
    assert!(
        status.1.contains("canhgac.toml:1:"),
        "reload error names the file and line: {}",
        status.1
    );
    assert!(
        status.1.contains("action=reject"),
        "one log line per message with its verdict: {}",
        status.1
    );
}

/// Issue 17: a command given no `--config` takes `$CANHGAC_CONFIG` (else
/// /etc/canhgac/canhgac.toml), reads the file's relative paths against the file's directory,
/// never the directory it was started in, and says which configuration and store it uses.
#[test]
fn without_config_a_command_says_what_it_uses_and_reads_paths_beside_the_file() {
    let etc = tempfile::tempdir().expect("tempdir");
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let cfg = etc.path().join("canhgac.toml");
    std::fs::write(&cfg, "[store]\npath = \"state/q.db\"\n").expect("write");
    let out = canhgac()
        .args(["quarantine", "list"])
        .env("CANHGAC_CONFIG", &cfg)
        .current_dir(elsewhere.path())
        .output()
        .expect("run");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    let store = etc.path().join("state/q.db");
    assert!(
        said.contains(&format!(
            "configuration {}; store {}",
            cfg.display(),
            store.display()
        )),
        "{said}"
    );
    assert!(store.exists(), "the store beside the file");
    assert!(
        !elsewhere.path().join("state").exists(),
        "nothing in the working directory"
    );
    // Given --config, nothing is said: the command was told.
    let out = canhgac()
        .args(["quarantine", "list", "--config"])
        .arg(&cfg)
        .output()
        .expect("run");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("configuration"));
}

/// Issue 24: a broken alert template in the rules directory is a `check-config` error naming
/// the file and the line.
#[test]
fn check_config_names_a_broken_alert_template() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rules = dir.path().join("rules");
    std::fs::create_dir_all(rules.join("alerts")).expect("mkdir");
    let template = rules.join("alerts/sender_unit.txt");
    std::fs::write(&template, "Thư bị tạm giữ\n\nKính gửi: {{ unit }\n").expect("write");
    let cfg = dir.path().join("canhgac.toml");
    std::fs::write(&cfg, format!("[rules]\ndir = \"{}\"\n", rules.display())).expect("write");
    let out = canhgac().arg("check-config").arg(&cfg).output().expect("run");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(said.contains(&format!("{}:3:", template.display())), "{said}");
}

/// Issue 24: the findings' sentences are data (`rules/findings.toml`): a replacement naming a
/// value its reason does not have is a `check-config` error naming the file and the line, and a
/// good one changes what `scan` says in Vietnamese.
#[test]
fn findings_sentences_are_checked_and_used() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rules = dir.path().join("rules");
    std::fs::create_dir_all(&rules).expect("mkdir");
    let file = rules.join("findings.toml");
    let cfg = dir.path().join("canhgac.toml");
    std::fs::write(
        &cfg,
        format!(
            "[rules]\ndir = \"{}\"\n[workers]\nisolate = false\n[auth]\nenabled = false\n[clamd]\nenabled = false\n",
            rules.display()
        ),
    )
    .expect("write");
    std::fs::write(
        &file,
        "# Sở Thông tin và Truyền thông\n[reasons.marking]\nvalues = [\"level\", \"evidence\"]\nvi = \"Có dấu {muc}\"\nen = \"x\"\n",
    )
    .expect("write");
    let out = canhgac().arg("check-config").arg(&cfg).output().expect("run");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains(&format!("{}:4:", file.display())) && said.contains("muc"),
        "{said}"
    );
    std::fs::write(
        &file,
        "[reasons.marking]\nvalues = [\"level\", \"evidence\"]\nvi = \"Tài liệu có dấu {level}: «{evidence}»\"\nen = \"Document marked {level}: «{evidence}»\"\n",
    )
    .expect("write");
    let out = canhgac().arg("check-config").arg(&cfg).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mail = dir.path().join("m.eml");
    std::fs::write(
        &mail,
        "From: a@snv.lamdong.gov.vn\r\nTo: b@stc.lamdong.gov.vn\r\nSubject: Công văn\r\n\r\nỦY BAN NHÂN DÂN\r\nSố: 12/UBND-VP\r\nTỐI MẬT\r\nNội dung.\r\n",
    )
    .expect("write");
    for (lang, said) in [
        ("vi_VN.UTF-8", "tạm giữ (điểm 2,50), độ mật TỐI MẬT"),
        ("vi_VN.UTF-8", "Tài liệu có dấu TỐI MẬT: «[TỐI MẬT]»"),
        ("C.UTF-8", "quarantine score=2.50 level=TỐI MẬT"),
        ("C.UTF-8", "Document marked TỐI MẬT: «[TỐI MẬT]»"),
    ] {
        let out = canhgac()
            .args(["scan", "--config"])
            .arg(&cfg)
            .arg(&mail)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(said), "{lang}: {text}");
    }
    // scan --json: the stable English fields, the facts as data, and both languages' sentences.
    let out = canhgac()
        .args(["scan", "--json", "--config"])
        .arg(&cfg)
        .arg(&mail)
        .output()
        .expect("run");
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let f = &j["findings"][0];
    assert_eq!(f["symbol"], "MARKING_TOI_MAT", "{j}");
    assert!(
        f["detail"]
            .as_str()
            .is_some_and(|d| d.starts_with("TỐI MẬT marking")),
        "{f}"
    );
    assert_eq!(f["why"]["key"], "marking", "{f}");
    assert_eq!(f["place"][0]["at"], "body_part", "{f}");
    assert_eq!(
        f["text"]["vi"]["detail"], "Tài liệu có dấu TỐI MẬT: «[TỐI MẬT]»",
        "{f}"
    );
    assert!(
        f["text"]["vi"]["location"]
            .as_str()
            .is_some_and(|l| l.contains("dòng 3")),
        "{f}"
    );
}

/// The doctor never creates the audit key: a store whose key is missing is reported, not
/// opened (opening would make a key owned by whoever runs the doctor).
#[test]
fn doctor_reports_a_missing_audit_key_without_making_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    let key = dir.path().join("audit.key");
    let cfg = dir.path().join("canhgac.toml");
    std::fs::write(
        &cfg,
        format!(
            "[clamd]\nenabled = false\n[auth]\nenabled = false\n[store]\npath = \"{}\"\n[audit]\nkey_file = \"{}\"\n",
            db.display(),
            key.display()
        ),
    )
    .expect("write");
    let mut c = canhgac::Config::load(&cfg).expect("config");
    c.audit.key_file = key.clone();
    drop(canhgac::store::Store::from_config(&c).expect("store made with its key"));
    std::fs::remove_file(&key).expect("the key goes missing");
    let out = canhgac()
        .env("CANHGAC_CONFIG", "")
        .args(["doctor", "--no-postfix", "--config"])
        .arg(&cfg)
        .output()
        .expect("doctor");
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("audit key") && text.contains("is missing"),
        "{text}"
    );
    assert!(!out.status.success(), "{text}");
    assert!(!key.exists(), "the doctor made an audit key");
}
