//! The Debian package as an administrator meets it (issue 17): `dpkg -i` of the .deb that
//! `.ci/build-deb` made; the unit checked by `systemd-analyze verify` and the gateway started
//! the way the installed unit says (its user, group, working directory, environment, umask,
//! state directory, ExecStart; READY=1 and the watchdog on a notify socket); one file edited,
//! the first admin added as root without `--config`; a marked message through a private
//! Postfix held and shown at the link of the alert it caused; `canhgac doctor` passing, then
//! failing with the right words for each setting broken (the Postfix milter line, the store not
//! writable, clamd stopped); `/metrics` moving by exactly one; then purge leaves nothing behind.
//!
//! Root, Postfix, clamd and Chromium are needed (system tests); the .deb must be built first
//! (`.ci/run` does: `.ci/build-deb`).

use crate::common::clamd::Clamd;
use crate::common::postfix::{Postfix, free_port};
use crate::common::smtp::{self, Sink};
use crate::monitor::{get, sample};
use crate::web::{BROWSER_LOCK, Browser};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const CONFIG: &str = "/etc/canhgac/canhgac.toml";
const PASSWORD: &str = "mật khẩu đủ dài 2026";

/// The .deb built by `.ci/build-deb` in this target directory.
fn the_deb() -> PathBuf {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target dir")
        .to_path_buf();
    let dir = target.join("debian");
    let mut debs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}: build the package first: .ci/build-deb", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "deb") && p.to_string_lossy().contains("canhgac_"))
        .collect();
    debs.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
    debs.pop().unwrap_or_else(|| {
        panic!(
            "no canhgac_*.deb in {}: build it first: .ci/build-deb",
            dir.display()
        )
    })
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"))
}

fn ok(cmd: &mut Command) -> String {
    let out = run(cmd);
    assert!(
        out.status.success(),
        "{cmd:?}: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The installed package; purged when dropped (also when the test fails half-way).
struct Installed;

impl Installed {
    fn install(deb: &Path) -> Installed {
        // A package left by an earlier failed run goes first.
        let _ = run(Command::new("dpkg").args(["--purge", "canhgac"]));
        ok(Command::new("dpkg").arg("-i").arg(deb));
        Installed
    }
}

impl Drop for Installed {
    fn drop(&mut self) {
        let _ = run(Command::new("dpkg").args(["--purge", "canhgac"]));
    }
}

/// What the installed unit says about how to start the service.
#[derive(Debug, Default)]
struct Unit {
    user: String,
    group: String,
    working_directory: String,
    umask: u32,
    environment: Vec<(String, String)>,
    state_directory: String,
    runtime_directory: String,
    exec_start: Vec<String>,
    watchdog_secs: u64,
}

fn unit_file() -> PathBuf {
    [
        "/usr/lib/systemd/system/canhgac.service",
        "/lib/systemd/system/canhgac.service",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
    .expect("the package installs canhgac.service")
}

fn read_unit(text: &str) -> Unit {
    let mut u = Unit::default();
    for line in text.lines().map(str::trim).filter(|l| !l.starts_with('#')) {
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        match k {
            "User" => u.user = v.into(),
            "Group" => u.group = v.into(),
            "WorkingDirectory" => u.working_directory = v.into(),
            "UMask" => u.umask = u32::from_str_radix(v, 8).expect("UMask"),
            "Environment" => {
                let (n, val) = v.split_once('=').expect("NAME=VALUE");
                u.environment.push((n.into(), val.into()));
            }
            "StateDirectory" => u.state_directory = v.into(),
            "RuntimeDirectory" => u.runtime_directory = v.into(),
            "ExecStart" => u.exec_start = v.split_whitespace().map(str::to_owned).collect(),
            "WatchdogSec" => u.watchdog_secs = v.trim_end_matches('s').parse().expect("WatchdogSec"),
            _ => {}
        }
    }
    u
}

fn id_of(flag: &str, name: &str) -> u32 {
    ok(Command::new("id").arg(flag).arg(name))
        .trim()
        .parse()
        .expect("id")
}

/// The service started as systemd would start it from `unit`, with a notify socket.
struct Service {
    child: std::process::Child,
    notify: std::os::unix::net::UnixDatagram,
    _notify_dir: tempfile::TempDir,
}

impl Service {
    fn start(unit: &Unit) -> Service {
        let (uid, gid) = (id_of("-u", &unit.user), id_of("-g", &unit.group));
        let state = Path::new("/var/lib").join(&unit.state_directory);
        let runtime = Path::new("/run").join(&unit.runtime_directory);
        std::fs::create_dir_all(&runtime).expect("runtime dir");
        std::os::unix::fs::chown(&runtime, Some(uid), Some(gid)).expect("chown");
        let notify_dir = tempfile::tempdir().expect("tempdir");
        std::fs::set_permissions(notify_dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let sock = notify_dir.path().join("notify");
        let notify = std::os::unix::net::UnixDatagram::bind(&sock).expect("notify socket");
        std::fs::set_permissions(&sock, std::fs::Permissions::from_mode(0o777)).expect("chmod");
        notify
            .set_read_timeout(Some(Duration::from_secs(60)))
            .expect("timeout");
        let umask = unit.umask;
        let mut cmd = Command::new(&unit.exec_start[0]);
        cmd.args(&unit.exec_start[1..])
            .current_dir(&unit.working_directory)
            .env_clear()
            .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
            .env("STATE_DIRECTORY", &state)
            .env("RUNTIME_DIRECTORY", &runtime)
            .env("NOTIFY_SOCKET", &sock)
            .env("WATCHDOG_USEC", (unit.watchdog_secs * 1_000_000).to_string())
            .envs(unit.environment.iter().map(|(k, v)| (k, v)))
            .uid(uid)
            .gid(gid)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        // SAFETY: umask is async-signal-safe and touches no memory of the parent.
        unsafe {
            cmd.pre_exec(move || {
                libc::umask(umask as libc::mode_t);
                Ok(())
            });
        }
        let child = cmd.spawn().expect("start the service");
        Service {
            child,
            notify,
            _notify_dir: notify_dir,
        }
    }

    /// Waits for a notification containing `what`.
    fn wait_notify(&self, what: &str) {
        let mut buf = [0u8; 512];
        let end = Instant::now() + Duration::from_secs(60);
        while Instant::now() < end {
            if let Ok(n) = self.notify.recv(&mut buf)
                && String::from_utf8_lossy(&buf[..n]).contains(what)
            {
                return;
            }
        }
        panic!("no {what} on the notify socket within 60 s");
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        // SAFETY: sends SIGTERM to our own child.
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM);
        }
        let end = Instant::now() + Duration::from_secs(30);
        while Instant::now() < end {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `canhgac doctor` as `user` (None: root) with the test's clamd and Postfix: exit code, output.
fn doctor(user: Option<&str>, clamd: &Clamd, pf: &Postfix) -> (i32, String) {
    let mut cmd = match user {
        Some(u) => {
            let mut c = Command::new("runuser");
            c.args(["-u", u, "--", "/usr/bin/canhgac"]);
            c
        }
        None => Command::new("/usr/bin/canhgac"),
    };
    cmd.arg("doctor")
        .arg("--clamd-conf")
        .arg(clamd.conf())
        .arg("--postfix-config")
        .arg(pf.conf_dir())
        .env_remove("CANHGAC_CONFIG");
    let out = run(&mut cmd);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

/// Messages held, whatever their reason, in a `/metrics` text.
fn quarantined(metrics: &str) -> f64 {
    metrics
        .lines()
        .filter(|l| l.starts_with("canhgac_messages_total{action=\"quarantine\""))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

fn set_postfix(pf: &Postfix, setting: &str) {
    ok(Command::new("postconf")
        .arg("-c")
        .arg(pf.conf_dir())
        .arg("-e")
        .arg(setting));
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs root, Postfix, clamd, Chromium and the .deb: .ci/run"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_package_installs_runs_as_its_unit_says_and_purges_cleanly() {
    let _one = BROWSER_LOCK.lock().await;
    let deb = the_deb();
    let installed = Installed::install(&deb);

    // Where the package puts things, and with which owners and modes.
    for f in [
        "/usr/bin/canhgac",
        "/usr/share/canhgac/rules/scores.toml",
        "/usr/share/canhgac/rules/findings.toml",
        "/usr/share/canhgac/rules/vietnamese-model.tsv",
        "/usr/share/canhgac/rules/yara/executables.yar",
        "/usr/share/doc/canhgac/huong-dan-can-bo-an-toan-thong-tin.md",
        "/usr/share/doc/canhgac/images/04-thu-bi-giu.png",
        "/usr/share/man/man1/canhgac.1.gz",
        "/usr/share/man/man1/canhgac-doctor.1.gz",
        "/usr/share/bash-completion/completions/canhgac",
        "/usr/share/doc/canhgac/examples/canhgac.toml",
        "/usr/share/doc/canhgac/changelog.Debian.gz",
    ] {
        assert!(Path::new(f).exists(), "{f} installed");
    }
    let (uid, gid) = (id_of("-u", "canhgac"), id_of("-g", "canhgac"));
    let conf = std::fs::metadata(CONFIG).expect("config");
    assert_eq!(
        (conf.mode() & 0o777, conf.gid()),
        (0o640, gid),
        "config: 0640 root:canhgac"
    );
    let key = std::fs::metadata("/etc/canhgac/audit.key").expect("audit key made by postinst");
    assert_eq!((key.mode() & 0o777, key.uid()), (0o600, uid));
    let state = std::fs::metadata("/var/lib/canhgac").expect("state dir");
    assert_eq!((state.mode() & 0o777, state.uid()), (0o700, uid));
    let spool = std::fs::metadata("/var/spool/postfix/canhgac").expect("socket dir");
    assert_eq!(spool.mode() & 0o7777, 0o2750, "setgid, for the postfix group");
    assert!(
        ok(Command::new("dpkg-query").args(["-W", "-f=${Conffiles}", "canhgac"])).contains(CONFIG),
        "the configuration is a conffile"
    );
    let unit_path = unit_file();
    let verify = run(Command::new("systemd-analyze").arg("verify").arg(&unit_path));
    let said = String::from_utf8_lossy(&verify.stderr).into_owned();
    assert!(
        verify.status.success() && !said.contains("canhgac.service:"),
        "systemd-analyze verify: {said}"
    );
    let unit = read_unit(&std::fs::read_to_string(&unit_path).expect("unit"));
    assert_eq!(
        (unit.user.as_str(), unit.working_directory.as_str(), unit.umask),
        ("canhgac", "/var/lib/canhgac", 0o077),
        "{unit:?}"
    );

    // The parts around it: clamd, the alert and release relay, Postfix with the package's socket.
    let clamd = Clamd::start();
    clamd.open_to_all();
    let relay = Sink::start().await;
    let (web_port, metrics_port) = (free_port(), free_port());
    let pf = Postfix::start(
        "unix:/var/spool/postfix/canhgac/milter.sock",
        relay.port,
        "milter_content_timeout = 300s",
    );

    // The site's DNS (a private nsd here): the province's domain publishes SPF, DMARC and a
    // DKIM key, which the doctor reports.
    let dns = crate::common::dns::Dns::start(&[
        ("vn", String::new()),
        (
            "lamdong.gov.vn",
            "@ IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n_dmarc IN TXT \"v=DMARC1; p=reject\"\nmail._domainkey IN TXT \"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"\n".to_owned(),
        ),
    ]);

    // The administrator edits one file.
    let base = format!("http://127.0.0.1:{web_port}");
    let directory = "/etc/canhgac/danh-ba.csv";
    std::fs::write(
        directory,
        "address,name,unit_id,unit_name,unit_mailbox\nvanthu@snv.lamdong.gov.vn,Văn thư,snv,Sở Nội vụ,snv@lamdong.gov.vn\n",
    )
    .expect("directory");
    let edited = std::fs::read_to_string(CONFIG)
        .expect("read")
        .replace("directory = \"\"", &format!("directory = \"{directory}\""))
        .replace("127.0.0.1:10040", &format!("127.0.0.1:{}", relay.port))
        .replace("127.0.0.1:8025", &format!("127.0.0.1:{web_port}"))
        .replace("public_url = \"\"", &format!("public_url = \"{base}\""))
        .replace("127.0.0.1:9897", &format!("127.0.0.1:{metrics_port}"))
        + &format!("\n[clamd]\nendpoints = [\"{}\"]\n", clamd.endpoint())
        + &format!("\n[auth]\nresolvers = [\"{}\"]\n", dns.resolver());
    let edited = edited.replace(
        "officers = [\"antoanthongtin@lamdong.gov.vn\"]",
        "officers = [\"antoanthongtin@lamdong.gov.vn\"]\ninterval_secs = 1",
    );
    std::fs::write(CONFIG, edited).expect("edit the configuration");

    // The first admin, as root without --config: the package's file and store, said so.
    let mut add = Command::new("/usr/bin/canhgac");
    add.args(["user", "add", "admin", "--role", "admin"])
        .env_remove("CANHGAC_CONFIG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = add.spawn().expect("user add");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        writeln!(stdin, "{PASSWORD}").expect("password");
    }
    let out = child.wait_with_output().expect("user add");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("configuration /etc/canhgac/canhgac.toml; store /var/lib/canhgac/canhgac.db"),
        "{said}"
    );
    for f in ["/var/lib/canhgac/canhgac.db", "/var/lib/canhgac/canhgac.db-wal"] {
        if let Ok(m) = std::fs::metadata(f) {
            assert_eq!(
                (m.uid(), m.mode() & 0o077),
                (uid, 0),
                "{f}: the gateway's, private"
            );
        }
    }
    // A small classifier, trained as root too (its files are the gateway's as well).
    let corpus = crate::common::shared_corpus().join("spamassassin");
    let pick = |class: &str| {
        let d = tempfile::tempdir().expect("tempdir");
        let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join(class))
            .expect("corpus")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        for f in files.iter().take(20) {
            std::fs::copy(f, d.path().join(f.file_name().expect("name"))).expect("copy");
        }
        d
    };
    let (ham, spam) = (pick("ham"), pick("spam"));
    ok(Command::new("/usr/bin/canhgac")
        .args(["train", "--ham"])
        .arg(ham.path())
        .arg("--spam")
        .arg(spam.path())
        .env_remove("CANHGAC_CONFIG"));
    assert_eq!(
        std::fs::metadata("/var/lib/canhgac/bayes.db")
            .expect("bayes")
            .uid(),
        uid
    );

    // Started as the unit says: ready, and the watchdog fed.
    let service = Service::start(&unit);
    service.wait_notify("READY=1");
    service.wait_notify("WATCHDOG=1");
    let sock = std::fs::metadata("/var/spool/postfix/canhgac/milter.sock").expect("milter socket");
    assert_eq!(
        (sock.uid(), sock.gid(), sock.mode() & 0o777),
        (uid, id_of("-g", "postfix"), 0o660),
        "the socket is the postfix group's"
    );

    // The doctor passes on the running installation.
    let (code, said) = doctor(None, &clamd, &pf);
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("passed as descriptors (zFILDES)"), "{said}");
    assert!(
        !said
            .lines()
            .any(|l| l.starts_with("FAIL") || l.starts_with("warn")),
        "{said}"
    );

    // One marked message through Postfix: held; /metrics moves by exactly one; its alert's
    // link shows it in the console.
    let before = get(metrics_port, "/metrics").await.1;
    let marked = crate::quarantine::marked();
    let sent = smtp::send(
        pf.smtp_port,
        "congvan@doitac.example",
        &["vanthu@snv.lamdong.gov.vn"],
        &marked,
    )
    .await
    .expect("smtp");
    assert!(
        sent.reply().starts_with("250"),
        "Postfix took it: {}",
        sent.reply()
    );
    // The officers' alert about it (they also get the audit chain's anchor at start).
    let text_of = |r: &smtp::Received| {
        mail_parser::MessageParser::default()
            .parse(&r.data)
            .and_then(|m| m.body_text(0).map(|t| t.into_owned()))
            .unwrap_or_default()
    };
    let end = Instant::now() + Duration::from_secs(60);
    let link = loop {
        let got = relay.wait_for(1, Duration::from_secs(1)).await;
        let found = got
            .iter()
            .filter(|r| r.rcpt_to == ["antoanthongtin@lamdong.gov.vn"])
            .map(text_of)
            .find_map(|t| {
                Some(
                    t.lines()
                        .find_map(|l| l.strip_prefix("Xem xét tại: "))?
                        .trim()
                        .to_owned(),
                )
            });
        if let Some(link) = found {
            break link;
        }
        assert!(
            Instant::now() < end,
            "no alert with a review link: {got:?}\n{}",
            pf.log()
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    assert!(link.starts_with(&format!("{base}/messages/Q")), "{link}");
    let id = link.rsplit('/').next().expect("id").to_owned();
    let after = get(metrics_port, "/metrics").await.1;
    assert_eq!(quarantined(&after) - quarantined(&before), 1.0, "{after}");
    assert_eq!(sample(&after, "canhgac_held_messages"), 1.0, "{after}");
    let b = Browser::start().await;
    b.login(&base, "admin", PASSWORD).await;
    b.goto(&link).await;
    assert!(b.exists("#findings").await, "{link}: {}", b.text("main").await);
    assert!(b.text("main").await.contains(&id), "the held message's page");
    b.close().await;

    // Each broken setting: a failure naming it.
    set_postfix(&pf, "smtpd_milters =");
    let (code, said) = doctor(None, &clamd, &pf);
    assert_eq!(code, 2, "{said}");
    assert!(
        said.contains("FAIL  postfix")
            && said.contains("does not name unix:/var/spool/postfix/canhgac/milter.sock"),
        "{said}"
    );
    set_postfix(&pf, "smtpd_milters = unix:/var/spool/postfix/canhgac/milter.sock");

    std::fs::set_permissions(
        "/var/lib/canhgac/canhgac.db",
        std::fs::Permissions::from_mode(0o400),
    )
    .expect("chmod");
    let (code, said) = doctor(Some("canhgac"), &clamd, &pf);
    assert_eq!(code, 2, "{said}");
    assert!(
        said.contains("FAIL  store") && said.contains("cannot be written"),
        "{said}"
    );
    std::fs::set_permissions(
        "/var/lib/canhgac/canhgac.db",
        std::fs::Permissions::from_mode(0o600),
    )
    .expect("chmod");

    let mut clamd = clamd;
    clamd.stop();
    let (code, said) = doctor(None, &clamd, &pf);
    assert_eq!(code, 2, "{said}");
    assert!(
        said.contains("FAIL  clamd") && said.contains("no clamd endpoint answers"),
        "{said}"
    );
    assert!(
        said.contains("FAIL  readiness") && said.contains("no clamd answers PING"),
        "{said}"
    );

    // Removed and purged: nothing of it stays but the system user.
    drop(service);
    drop(installed);
    for f in [
        "/usr/bin/canhgac",
        "/etc/canhgac/canhgac.toml",
        "/etc/canhgac/audit.key",
        "/var/lib/canhgac",
        "/var/spool/postfix/canhgac",
        "/usr/share/canhgac",
    ] {
        assert!(!Path::new(f).exists(), "{f} left after purge");
    }
    let _ = std::fs::remove_file(directory);
    let _ = std::fs::remove_dir("/etc/canhgac");
}
