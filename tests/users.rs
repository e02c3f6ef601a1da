//! `canhgac user`: accounts of the review console, through the binary as an admin would use it.

use crate::common::config_file;
use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `canhgac user ARGS --config FILE` with `stdin` as standard input.
fn user(config: &std::path::Path, args: &[&str], stdin: &str) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_canhgac"))
        .arg("user")
        .args(args)
        .arg("--config")
        .arg(config)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run canhgac user");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write password");
    let out = child.wait_with_output().expect("wait");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn accounts_are_added_listed_changed_and_disabled_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cfg = config_file(dir.path(), "");
    let (ok, out, err) = user(
        &cfg,
        &["add", "quantri", "--role", "admin"],
        "một mật khẩu rất dài\n",
    );
    assert!(ok, "{err}");
    assert!(out.contains("account quantri created: admin"), "{out}");
    let (ok, out, err) = user(
        &cfg,
        &[
            "add",
            "lan.nt",
            "--role",
            "officer",
            "--units",
            "so-tttt,so-noi-vu",
        ],
        "mật khẩu của Lan 2026\n",
    );
    assert!(ok, "{err}");
    assert!(out.contains("units so-tttt,so-noi-vu"), "{out}");
    // Refusals name the problem and exit 1.
    let (ok, _, err) = user(
        &cfg,
        &["add", "lan.nt", "--role", "auditor"],
        "mật khẩu khác dài\n",
    );
    assert!(!ok && err.contains("already exists"), "{err}");
    let (ok, _, err) = user(&cfg, &["add", "kt", "--role", "auditor"], "ngắn\n");
    assert!(!ok && err.contains("shorter than 12"), "{err}");
    let (ok, _, err) = user(&cfg, &["add", "kt", "--role", "root"], "đủ dài rồi đấy nhé\n");
    assert!(!ok && err.contains("root"), "{err}");
    let (ok, _, err) = user(&cfg, &["passwd", "lan.nt"], "mật khẩu mới của Lan\n");
    assert!(ok, "{err}");
    let (ok, _, err) = user(&cfg, &["disable", "lan.nt", "--reason", "chuyển công tác"], "");
    assert!(ok, "{err}");
    let (ok, out, _) = user(&cfg, &["list"], "");
    assert!(ok);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "lan.nt\tofficer\tso-tttt,so-noi-vu\tdisabled",
            "quantri\tadmin\t*\tactive"
        ]
    );
    // Every change is in the audit log, by who did it.
    let out = Command::new(env!("CARGO_BIN_EXE_canhgac"))
        .args(["audit", "list", "--config"])
        .arg(&cfg)
        .output()
        .expect("audit list");
    let log = String::from_utf8_lossy(&out.stdout);
    for action in ["user-add", "user-passwd", "user-disable"] {
        assert!(log.contains(action), "{action}: {log}");
    }
    assert!(log.contains("cli:") && log.contains("chuyển công tác"), "{log}");
    // The store checks passwords the web console will use: the new one works, the account is
    // disabled, so neither logs in.
    let store = canhgac::store::Store::open(&dir.path().join("quarantine.db")).expect("store");
    assert_eq!(
        store
            .check_password("lan.nt", "mật khẩu mới của Lan")
            .expect("check"),
        None
    );
    assert!(
        store
            .check_password("quantri", "một mật khẩu rất dài")
            .expect("check")
            .is_some()
    );
}

#[test]
fn canhgac_web_serves_the_console_alone_and_stops_on_sigterm() {
    use std::io::Read;
    let dir = tempfile::tempdir().expect("temp dir");
    let port = crate::common::postfix::free_port();
    let cfg = config_file(dir.path(), &format!("[web]\nlisten = \"127.0.0.1:{port}\"\n"));
    let (ok, _, err) = user(&cfg, &["add", "quantri", "--role", "admin"], "mot-mat-khau-dai\n");
    assert!(ok, "{err}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_canhgac"))
        .args(["web", "--config"])
        .arg(&cfg)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run canhgac web");
    let mut answer = String::new();
    for _ in 0..100 {
        if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            s.write_all(b"GET /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .expect("request");
            s.read_to_string(&mut answer).expect("answer");
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("Đăng nhập"), "Vietnamese by default: {answer}");
    let st = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(st.success());
    let status = child.wait().expect("wait");
    let mut log = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut log);
    }
    assert!(status.success(), "{status:?}\n{log}");
    assert!(log.contains("review console started"), "{log}");
}

/// Issue 15, item 6, from the command line: the audit key lives where the configuration says
/// (outside the database's directory, private); `audit anchor` prints the head to keep
/// elsewhere; `audit verify` names the entry that breaks and why, for an edited entry and for
/// entries removed from the end (against the anchor).
#[test]
fn audit_verify_names_the_broken_entry_and_finds_truncation_against_an_anchor() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let key = dir.path().join("etc/canhgac/audit.key");
    let cfg = config_file(
        dir.path(),
        &format!("[audit]\nkey_file = \"{}\"\n", key.display()),
    );
    for name in ["a.one", "b.two", "c.three"] {
        let (ok, _, err) = user(&cfg, &["add", name, "--role", "officer"], "mật khẩu đủ dài 1\n");
        assert!(ok, "{err}");
    }
    assert_eq!(
        std::fs::metadata(&key).expect("key file").permissions().mode() & 0o777,
        0o600
    );
    assert!(
        !dir.path().join("audit.key").exists(),
        "no key beside the database"
    );
    let canhgac = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_canhgac"))
            .args(args)
            .arg("--config")
            .arg(&cfg)
            .output()
            .expect("run");
        (o.status.code(), String::from_utf8_lossy(&o.stdout).into_owned())
    };
    let (code, anchor) = canhgac(&["audit", "anchor"]);
    assert_eq!(code, Some(0));
    let anchor = anchor.trim().to_owned();
    assert!(anchor.starts_with("3:") && anchor.len() == 66, "{anchor}");
    let (code, out) = canhgac(&["audit", "verify", "--anchor", &anchor]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("intact: 3 entries") && out.contains("2 anchors checked"),
        "{out}"
    );

    let db = rusqlite::Connection::open(dir.path().join("quarantine.db")).expect("db");
    db.execute("UPDATE audit SET reason = 'role admin' WHERE seq = 2", [])
        .expect("tamper");
    let (code, out) = canhgac(&["audit", "verify"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("ALTERED at entry 2") && out.contains("entry 2 was changed"),
        "{out}"
    );
    db.execute(
        "UPDATE audit SET reason = 'role officer; units all' WHERE seq = 2",
        [],
    )
    .expect("restore");
    // The last entry and the store's own anchor removed: the mailed anchor still tells.
    db.execute_batch("DELETE FROM audit WHERE seq = 3; DELETE FROM audit_anchors;")
        .expect("truncate");
    let (code, out) = canhgac(&["audit", "verify"]);
    assert_eq!(
        code,
        Some(0),
        "without an anchor a shorter chain looks whole: {out}"
    );
    let (code, out) = canhgac(&["audit", "verify", "--anchor", &anchor]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("the chain ends at entry 2") && out.contains("recorded entry 3"),
        "{out}"
    );
    let (code, _) = canhgac(&["audit", "verify", "--anchor", "3:not-hex"]);
    assert_eq!(code, Some(2));
}
