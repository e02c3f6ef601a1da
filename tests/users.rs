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
        .args(["--actor", "admin-test"])
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
    assert!(
        log.contains("admin-test") && log.contains("chuyển công tác"),
        "{log}"
    );
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
