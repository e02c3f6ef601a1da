//! Issue 15: the review console's protections as an attacker and a careless operator would try
//! them, in headless Chromium and over raw HTTP: throttling behind a real reverse proxy (Debian's
//! nginx, started here) that cannot be turned against the officers, an admin's unlock, redirect
//! targets, four-eyes by two people in two browsers, and sessions that survive a restart.

use crate::common::postfix::free_port;
use crate::common::smtp::Sink;
use crate::web::{BROWSER_LOCK, Browser, Console, PASSWORD, csrf_of, http, request};
use canhgac::store::Status;
use std::net::IpAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// nginx in front of the console, as a deployment puts it (TLS aside): it appends the client's
/// address to `X-Forwarded-For`.
struct Nginx {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Nginx {
    fn start(upstream: &str) -> Nginx {
        let dir = tempfile::tempdir().expect("tempdir");
        let port = free_port();
        let d = dir.path().display();
        let conf = format!(
            "worker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\nevents {{ worker_connections 256; }}\nhttp {{\n  access_log off;\n  client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n  fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n  server {{\n    listen 127.0.0.1:{port};\n    location / {{\n      proxy_pass {upstream};\n      proxy_buffering off;\n      proxy_set_header Host $host:$server_port;\n      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    }}\n  }}\n}}\n"
        );
        let path = dir.path().join("nginx.conf");
        std::fs::write(&path, conf).expect("nginx.conf");
        let child = Command::new("/usr/sbin/nginx")
            .arg("-c")
            .arg(&path)
            .arg("-p")
            .arg(dir.path())
            .args(["-g", "daemon off;"])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("nginx must be installed (.ci/run installs nginx-light)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "nginx did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Nginx {
            child,
            port,
            _dir: dir,
        }
    }

    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 exchange from the local address `from`.
async fn request_from(
    from: IpAddr,
    base: &str,
    method: &str,
    path: &str,
    headers: &str,
    form: &str,
) -> (u16, String, String) {
    request(Some(from), base, method, path, headers, form).await
}

fn form_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A login from `from` through `base`, with `extra` header lines (a forged
/// `X-Forwarded-For`, say); returns the answer's status and head.
async fn login_from(from: IpAddr, base: &str, name: &str, password: &str, extra: &str) -> (u16, String) {
    let (status, head, body) = request_from(from, base, "GET", "/login", extra, "").await;
    assert_eq!(status, 200, "{head}");
    let cookie = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .starts_with("set-cookie: canhgac_login=")
                .then(|| l[12..].to_owned())
        })
        .and_then(|c| c.split(';').next().map(str::to_owned))
        .expect("login cookie");
    let form = format!(
        "csrf={}&name={}&password={}&next=%2F",
        csrf_of(&body),
        form_encode(name),
        form_encode(password)
    );
    let (status, head, _) = request_from(
        from,
        base,
        "POST",
        "/login",
        &format!("{extra}Cookie: {cookie}\r\n"),
        &form,
    )
    .await;
    (status, head)
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Chromium and nginx: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_reverse_proxy_an_attacker_cannot_lock_the_officers_out() {
    let _one = BROWSER_LOCK.lock().await;
    // The console trusts its proxy on loopback (the default), and nothing else.
    let c = Console::start(|cfg| cfg.web.max_failed_logins = 5).await;
    let proxy = Nginx::start(&c.base);
    let attacker: IpAddr = "127.0.0.2".parse().expect("ip");
    let base = proxy.base();
    // 25 failed logins with made-up names from one address, each claiming another address in
    // X-Forwarded-For: the proxy appends the real one and the console reads that.
    let mut codes = Vec::new();
    for i in 0..25 {
        let forged = format!("X-Forwarded-For: 198.51.100.{i}\r\n");
        let (status, _) = login_from(attacker, &base, &format!("nobody{i}"), "wrong password", &forged).await;
        codes.push(status);
    }
    assert!(codes[..20].iter().all(|&s| s == 401), "{codes:?}");
    assert!(codes[20..].iter().all(|&s| s == 429), "{codes:?}");
    // The attacker's address is refused even with a real officer's right password…
    let (status, _) = login_from(attacker, &base, "officer2", PASSWORD, "").await;
    assert_eq!(status, 429);
    // … and the officers, behind the same proxy, log in as usual (in a browser).
    let b = Browser::start().await;
    b.login(&base, "officer1", PASSWORD).await;
    assert_eq!(
        b.path().await,
        "/",
        "officer1 logs in behind the proxy: {}",
        b.text("main").await
    );
    b.logout(&base).await;
    // The failures are audited with the client's real address, not the proxy's.
    let trail = c.store.audit_entries(Some("user:nobody3")).expect("audit");
    assert!(trail.iter().any(|e| e.reason == "from 127.0.0.2"), "{trail:?}");

    // Someone guessing one officer's password (from many addresses) makes that account wait
    // (backoff, never a hard lock); an admin unlocks it at once in the console.
    for i in 0..5u8 {
        let from = IpAddr::from([127, 0, 1, i + 1]);
        let (status, _) = login_from(from, &base, "officer2", "a wrong guess", "").await;
        assert_eq!(status, 401);
    }
    let (status, head) = login_from("127.0.0.9".parse().expect("ip"), &base, "officer2", PASSWORD, "").await;
    assert_eq!(status, 429, "the account waits after 5 failures");
    assert!(head.to_ascii_lowercase().contains("retry-after: "), "{head}");
    b.login(&base, "officer2", PASSWORD).await;
    assert_eq!(b.path().await, "/login", "officer2 waits");
    b.login(&base, "admin", PASSWORD).await;
    b.goto(&format!("{base}/users")).await;
    assert!(b.text("#users").await.contains("5"), "{}", b.text("#users").await);
    b.submit("unlock-officer2").await;
    b.logout(&base).await;
    b.login(&base, "officer2", PASSWORD).await;
    assert_eq!(b.path().await, "/", "unlocked: {}", b.text("main").await);
    let trail = c.store.audit_entries(Some("user:officer2")).expect("audit");
    assert!(
        trail
            .iter()
            .any(|e| e.action == "user-unlock" && e.actor == "admin"),
        "{trail:?}"
    );

    // Without the proxy, a client's own X-Forwarded-For is ignored: an address that is no
    // trusted proxy is the client. (127.0.0.2 connecting directly is such a client.)
    let c2 = Console::start(|cfg| {
        cfg.web.max_failed_logins = 1;
        cfg.web.trusted_proxies = vec!["127.0.0.1".parse().expect("net")];
    })
    .await;
    for i in 0..4 {
        let forged = format!("X-Forwarded-For: 203.0.113.{i}\r\n");
        let (status, _) = login_from(attacker, &c2.base, &format!("x{i}"), "wrong password", &forged).await;
        assert_eq!(status, 401);
    }
    let forged = "X-Forwarded-For: 203.0.113.99\r\n";
    let (status, _) = login_from(attacker, &c2.base, "officer1", PASSWORD, forged).await;
    assert_eq!(
        status, 429,
        "a forged header does not escape the address throttle"
    );

    // A burst of logins is answered, every one, without waiting on each other's Argon2 checks
    // beyond the bounded checkers: 401, 429 or 503, nothing else, nothing hangs.
    let mut burst = Vec::new();
    for i in 0..40u8 {
        let base = c.base.clone();
        burst.push(tokio::spawn(async move {
            let from = IpAddr::from([127, 0, 2, i + 1]);
            tokio::time::timeout(
                Duration::from_secs(60),
                login_from(from, &base, &format!("burst{i}"), "wrong password", ""),
            )
            .await
            .map(|(s, _)| s)
        }));
    }
    for t in burst {
        let status = t.await.expect("task").expect("answered within a minute");
        assert!(matches!(status, 401 | 429 | 503), "{status}");
    }
    b.close().await;
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Chromium: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redirect_targets_never_leave_the_site() {
    let c = Console::start(|_| {}).await;
    let payloads = [
        "/%09/evil.example",
        "/%0a/evil.example",
        "/%0d%0a/evil.example",
        "//evil.example",
        "///evil.example",
        "/%5cevil.example",
        "%5c%5cevil.example",
        "/%5c/evil.example",
        "https://evil.example/",
        "http:%2f%2fevil.example",
        "javascript:alert(1)",
        "%2f%2fevil.example",
        "/%20/evil.example",
        "/%e2%80%8b/evil.example",
        "evil.example",
    ];
    for p in payloads {
        let (status, head, _) = http(&c.base, "GET", &format!("/lang/vi?next={p}"), "", "").await;
        assert_eq!(status, 303, "{p}: {head}");
        let location = head
            .lines()
            .find_map(|l| {
                l.to_ascii_lowercase()
                    .strip_prefix("location: ")
                    .map(str::to_owned)
            })
            .expect("a Location");
        assert_eq!(location, "/", "{p} led to {location:?}");
        // The login form's `next` too: what it carries back is the dashboard.
        let (_, _, body) = http(&c.base, "GET", &format!("/login?next={p}"), "", "").await;
        assert!(body.contains("name=\"next\" value=\"/\""), "{p}");
    }
    let (_, head, _) = http(&c.base, "GET", "/lang/en?next=/messages%3Fstatus%3Dheld", "", "").await;
    assert!(
        head.contains("location: /messages?status=held") || head.contains("Location: /messages?status=held"),
        "{head}"
    );
    // In a browser: the tab trick stays on the console.
    let _one = BROWSER_LOCK.lock().await;
    let b = Browser::start().await;
    b.goto(&format!("{}/lang/vi?next=/%09/evil.example", c.base))
        .await;
    let url = b.client.current_url().await.expect("url");
    assert_eq!(url.host_str(), Some("127.0.0.1"), "{url}");
    b.close().await;
}

/// Two browsers, two people: an admin cannot approve a request of an account they created, nor
/// by an account made after the request; a second, unrelated officer can.
#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Chromium: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_eyes_takes_two_unrelated_people_in_two_browsers() {
    let _one = BROWSER_LOCK.lock().await;
    let sink = Sink::start().await;
    let port = sink.port;
    let c = Console::start(move |cfg| cfg.release.smtp = format!("127.0.0.1:{port}")).await;
    let id = c.marked("snv");
    let admin = Browser::start().await;
    let officer = Browser::start().await;
    // The admin makes an account for lan.nt.
    admin.login(&c.base, "admin", PASSWORD).await;
    admin.goto(&format!("{}/users", c.base)).await;
    admin.fill("new-name", "lan.nt").await;
    admin.fill("new-password", "mật khẩu của Lan 2026").await;
    admin.submit("add-user").await;
    assert!(admin.text("#users").await.contains("lan.nt"));
    // lan.nt, in another browser, asks to release the marked message.
    officer.login(&c.base, "lan.nt", "mật khẩu của Lan 2026").await;
    officer.goto(&format!("{}/messages/{id}", c.base)).await;
    act(&officer, "Đã kiểm tra: không phải tài liệu mật").await;
    assert!(
        officer.exists("#awaiting").await,
        "{}",
        officer.text("main").await
    );
    // The admin who created lan.nt's account cannot approve it.
    admin.goto(&format!("{}/messages/{id}", c.base)).await;
    act(&admin, "Tôi duyệt").await;
    let page = admin.text("main").await;
    assert!(page.contains("created the account lan.nt"), "{page}");
    assert_eq!(c.store.get(&id).expect("get").status, Status::Held);
    // An account the admin makes now, after the request, cannot approve it either.
    admin.goto(&format!("{}/users", c.base)).await;
    admin.fill("new-name", "hoa.tt").await;
    admin.fill("new-password", "mật khẩu của Hoa 2026").await;
    admin.submit("add-user").await;
    officer.logout(&c.base).await;
    officer.login(&c.base, "hoa.tt", "mật khẩu của Hoa 2026").await;
    officer.goto(&format!("{}/messages/{id}", c.base)).await;
    act(&officer, "Đồng ý").await;
    let page = officer.text("main").await;
    assert!(page.contains("created after the request"), "{page}");
    assert!(sink.messages.lock().expect("sink").is_empty(), "nothing released");
    // officer2, an account older than the request and unrelated to lan.nt, approves.
    officer.logout(&c.base).await;
    officer.login(&c.base, "officer2", PASSWORD).await;
    officer.goto(&format!("{}/messages/{id}", c.base)).await;
    act(&officer, "Đồng ý trả thư").await;
    let got = sink.wait_for(1, Duration::from_secs(10)).await;
    assert_eq!(got.len(), 1, "released once");
    assert_eq!(c.store.get(&id).expect("get").status, Status::Released);
    let trail: Vec<(String, String)> = c
        .store
        .audit_entries(Some(&id))
        .expect("audit")
        .into_iter()
        .map(|e| (e.actor, e.action))
        .filter(|(_, a)| a.starts_with("release"))
        .collect();
    assert_eq!(
        trail,
        [
            ("lan.nt", "release-request"),
            ("officer2", "release-approve"),
            ("officer2", "release-begin"),
            ("officer2", "release"),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
    admin.close().await;
    officer.close().await;
}

/// Chooses "release" on a message's page and submits it with a reason.
async fn act(b: &Browser, reason: &str) {
    b.client
        .find(fantoccini::Locator::Id("action"))
        .await
        .expect("select")
        .select_by_value("release")
        .await
        .expect("option");
    b.fill("reason", reason).await;
    b.submit("apply").await;
}

/// Sessions are kept (hashed) in the store: a restart, as an upgrade does, logs nobody out.
#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Chromium: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_keeps_the_officers_logged_in() {
    let _one = BROWSER_LOCK.lock().await;
    let mut c = Console::start(|_| {}).await;
    let b = Browser::start().await;
    b.login(&c.base, "officer1", PASSWORD).await;
    assert_eq!(b.path().await, "/");
    let cookie = b.session_cookie().await;
    c.restart().await;
    b.goto(&format!("{}/messages", c.base)).await;
    assert_eq!(b.path().await, "/messages", "still logged in after the restart");
    assert!(b.text("header").await.contains("officer1"));
    // Forms still carry a token the restarted console accepts.
    let (_, _, page) = http(&c.base, "GET", "/messages", &cookie, "").await;
    let token = csrf_of(&page);
    let (status, head, _) = http(&c.base, "POST", "/logout", &cookie, &format!("csrf={token}")).await;
    assert_eq!(status, 303, "{head}");
    // Logged out means gone from the store: the old cookie leads to the login page.
    let (status, head, _) = http(&c.base, "GET", "/messages", &cookie, "").await;
    assert_eq!(status, 303, "{head}");
    assert!(head.contains("/login"), "{head}");
    b.close().await;
}

/// Issue 16: the console shows what the worker described when the message was held, and never
/// parses held bytes itself (a message built to crash a parser would crash the console, and
/// the gateway serving it, when an officer opened it).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_shows_the_stored_description_and_never_parses_held_mail() {
    use canhgac::extract::{Described, TextFact};
    let c = Console::start(|_| {}).await;
    let hold = |raw: &[u8], described: Option<&Described>| {
        let env = canhgac::message::Envelope {
            mail_from: "vanthu@snv.lamdong.gov.vn".to_owned(),
            rcpt_to: vec!["ubnd@lamdong.gov.vn".to_owned()],
            ..Default::default()
        };
        let verdict = canhgac::Verdict {
            reason: String::new(),
            action: canhgac::Action::Quarantine,
            dry_run_action: None,
            score: 0.0,
            reply: None,
            level: Some("MẬT".to_owned()),
            findings: vec![canhgac::Finding::new(
                "MARKING_MAT",
                "MẬT marking «[MẬT]»",
                "body part 1",
            )],
        };
        c.store
            .hold(
                &canhgac::store::Hold {
                    envelope: &env,
                    raw,
                    verdict: &verdict,
                    internal_sender: true,
                    header_from: env.mail_from.clone(),
                    subject: "x".to_owned(),
                    units: vec!["snv".to_owned()],
                    described,
                    authentication: None,
                },
                &[],
            )
            .expect("hold")
    };
    let raw = b"From: vanthu@snv.lamdong.gov.vn\r\nSubject: x\r\n\r\nNOI-DUNG-GOC-KHONG-DUOC-PHAN-TICH\r\n";
    let stored = Described {
        attachments: Vec::new(),
        texts: vec![TextFact {
            location: "body part 1".to_owned(),
            text: "MO-TA-DA-LUU: Độ mật: MẬT".to_owned(),
            truncated: false,
        }],
    };
    let described = hold(raw, Some(&stored));
    let undescribed = hold(raw, None);
    let (status, head) = login_from(
        "127.0.0.1".parse().expect("ip"),
        &c.base,
        "officer1",
        PASSWORD,
        "",
    )
    .await;
    assert_eq!(status, 303, "{head}");
    let cookie = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .starts_with("set-cookie: canhgac_session=")
                .then(|| l[12..].to_owned())
        })
        .and_then(|c| c.split(';').next().map(str::to_owned))
        .expect("session cookie");
    let (status, _, page) = http(&c.base, "GET", &format!("/messages/{described}"), &cookie, "").await;
    assert_eq!(status, 200);
    assert!(page.contains("MO-TA-DA-LUU"), "the stored description is shown");
    assert!(page.contains("<mark>MẬT</mark>"), "with the marker highlighted");
    assert!(
        !page.contains("NOI-DUNG-GOC"),
        "the held bytes were not parsed for text"
    );
    let (status, _, page) = http(&c.base, "GET", &format!("/messages/{undescribed}"), &cookie, "").await;
    assert_eq!(status, 200);
    assert!(page.contains("id=\"not-described\""), "says it was not described");
    assert!(!page.contains("NOI-DUNG-GOC"));
}
