//! The review console in a real headless Chromium (Debian's chromium and chromium-driver,
//! driven over WebDriver): login, throttling, sessions, anti-forgery tokens, escaping of hostile
//! mail, unit scope, the four-eyes release and the audit trail, and the dashboard's charts.

use crate::common::smtp::Sink;
use crate::common::test_config;
use canhgac::message::Envelope;
use canhgac::policy::{Action, Verdict};
use canhgac::scanners::Finding;
use canhgac::store::{Hold, Role, Status, Store};
use fantoccini::{Client, ClientBuilder, Locator};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

pub(crate) const PASSWORD: &str = "mật-khẩu-đủ-dài-1";

/// One browser at a time: Chromium is heavy on two cores.
pub(crate) static BROWSER_LOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// canhgac's console on a free loopback port over a temporary store.
pub(crate) struct Console {
    _dir: tempfile::TempDir,
    pub(crate) store: Arc<Store>,
    pub(crate) base: String,
    config: canhgac::config::Config,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for Console {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}

impl Console {
    pub(crate) async fn start(edit: impl FnOnce(&mut canhgac::config::Config)) -> Console {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut config = test_config();
        config.store.path = dir.path().join("quarantine.db");
        edit(&mut config);
        let store = Arc::new(Store::open(&config.store.path).expect("store"));
        for (name, role, units) in [
            ("officer1", Role::Officer, vec![]),
            ("officer2", Role::Officer, vec![]),
            ("snv-officer", Role::Officer, vec!["snv".to_owned()]),
            ("auditor", Role::Auditor, vec![]),
            ("admin", Role::Admin, vec![]),
        ] {
            store
                .add_user("test", name, role, &units, PASSWORD)
                .expect("user");
        }
        let (base, stop) = Self::serve(&store, &config).await;
        Console {
            _dir: dir,
            store,
            base,
            config,
            stop: Some(stop),
        }
    }

    async fn serve(
        store: &Arc<Store>,
        config: &canhgac::config::Config,
    ) -> (String, tokio::sync::oneshot::Sender<()>) {
        let listener = canhgac::web::bind("127.0.0.1:0".parse().expect("addr"))
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let state = canhgac::web::WebState::new(store.clone(), config.clone());
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(canhgac::web::serve(listener, state, async move {
            let _ = rx.await;
        }));
        (base, tx)
    }

    /// Stops the console, reopens the store from its file and serves it anew (on another
    /// port: browsers keep cookies per host, not per port), as an upgrade or restart would.
    pub(crate) async fn restart(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        self.store = Arc::new(Store::open(&self.config.store.path).expect("reopen"));
        let (base, stop) = Self::serve(&self.store, &self.config).await;
        self.base = base;
        self.stop = Some(stop);
    }

    /// Holds a message as the milter would; returns its id.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn hold(
        &self,
        from: &str,
        to: &[&str],
        subject: &str,
        raw: &[u8],
        findings: Vec<Finding>,
        level: Option<&str>,
        units: &[&str],
    ) -> String {
        let env = Envelope {
            mail_from: from.to_owned(),
            rcpt_to: to.iter().map(|s| (*s).to_owned()).collect(),
            client_addr: Some("192.0.2.10".parse().expect("ip")),
            helo: "mail.example".to_owned(),
            queue_id: Some("4ABCDEF".to_owned()),
            ..Envelope::default()
        };
        let verdict = Verdict {
            reason: String::new(),
            action: Action::Quarantine,
            dry_run_action: None,
            score: if level.is_some() { 0.0 } else { 20.0 },
            reply: None,
            level: level.map(str::to_owned),
            findings,
        };
        // Described as the milter has its worker do it when holding.
        let described = canhgac::extract::describe(
            raw,
            &canhgac::config::LimitsConfig::default(),
            Instant::now() + Duration::from_secs(20),
        );
        let hold = Hold {
            envelope: &env,
            raw,
            verdict: &verdict,
            internal_sender: true,
            header_from: from.to_owned(),
            subject: subject.to_owned(),
            units: units.iter().map(|u| (*u).to_owned()).collect(),
            described: Some(&described),
            authentication: None,
        };
        self.store.hold(&hold, &[]).expect("hold")
    }

    pub(crate) fn marked(&self, unit: &str) -> String {
        let from = format!("vanthu@{unit}.lamdong.gov.vn");
        let raw = format!(
            "From: {from}\r\nTo: ubnd@lamdong.gov.vn\r\nSubject: Bao cao\r\nMessage-ID: <m-{unit}@lamdong.gov.vn>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nĐộ mật: TỐI MẬT\r\nBáo cáo tình hình.\r\n"
        );
        self.hold(
            &from,
            &["ubnd@lamdong.gov.vn"],
            &format!("Báo cáo {unit}"),
            raw.as_bytes(),
            vec![
                Finding::new(
                    "MARKING_TOI_MAT",
                    "TỐI MẬT marking «Độ mật: [TỐI MẬT]» (weight 9: capitals)",
                    "body part 1",
                )
                .with_why(
                    serde_json::from_value(serde_json::json!({
                        "key": "marking",
                        "values": {"level": "TỐI MẬT", "evidence": "Độ mật: [TỐI MẬT]", "weight": "9"},
                        "factors": [{"factor": "capitals", "weight": 2}, {"factor": "classification_field", "weight": 7}],
                    }))
                    .expect("why"),
                ),
            ],
            Some("TỐI MẬT"),
            &[unit, "lamdong.gov.vn"],
        )
    }
}

/// chromedriver and a headless Chromium session.
pub(crate) struct Browser {
    pub(crate) client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub(crate) async fn start() -> Browser {
        let port = crate::common::postfix::free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver must be installed (.ci/run installs chromium-driver)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir().expect("profile dir");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".to_owned(),
            serde_json::json!({
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1280,1100", "--lang=vi",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
            }),
        );
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a Chromium session");
        Browser {
            client,
            driver,
            _profile: profile,
        }
    }

    pub(crate) async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
    }

    pub(crate) async fn text(&self, css: &str) -> String {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .text()
            .await
            .expect("text")
    }

    pub(crate) async fn exists(&self, css: &str) -> bool {
        !self
            .client
            .find_all(Locator::Css(css))
            .await
            .expect("find")
            .is_empty()
    }

    pub(crate) async fn path(&self) -> String {
        self.client.current_url().await.expect("url").path().to_owned()
    }

    /// Types into the field with this id.
    pub(crate) async fn fill(&self, id: &str, text: &str) {
        self.client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("#{id}: {e}"))
            .send_keys(text)
            .await
            .expect("type");
    }

    /// Clicks a button that submits a form, and waits until the next page has replaced this one.
    pub(crate) async fn submit(&self, id: &str) {
        let old = self.client.find(Locator::Css("html")).await.expect("page");
        self.client
            .find(Locator::Id(id))
            .await
            .expect("button")
            .click()
            .await
            .expect("click");
        let deadline = Instant::now() + Duration::from_secs(20);
        while old.tag_name().await.is_ok() {
            assert!(Instant::now() < deadline, "submitting #{id} led nowhere");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        loop {
            let state = self.client.execute("return document.readyState", vec![]).await;
            if matches!(state, Ok(serde_json::Value::String(ref s)) if s == "complete") {
                break;
            }
            assert!(Instant::now() < deadline, "the page after #{id} did not load");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// A screenshot of the page, written to `target/tmp/web/NAME.png` and, when
    /// `CANHGAC_HANDBOOK_DIR` is set (`docs/make-screenshots`), into that directory for the
    /// officers' handbook. Asserts it is a real picture.
    pub(crate) async fn shot(&self, name: &str) {
        let png = self.client.screenshot().await.expect("screenshot");
        assert!(
            png.starts_with(b"\x89PNG") && png.len() > 10_000,
            "a real screenshot of {name}"
        );
        let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("web");
        std::fs::create_dir_all(&out).expect("output dir");
        std::fs::write(out.join(format!("{name}.png")), &png).expect("write screenshot");
        if let Some(dir) = std::env::var_os("CANHGAC_HANDBOOK_DIR") {
            std::fs::create_dir_all(&dir).expect("handbook dir");
            std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), &png)
                .expect("write handbook screenshot");
        }
    }

    pub(crate) async fn login(&self, base: &str, name: &str, password: &str) {
        self.goto(&format!("{base}/login")).await;
        self.fill("name", name).await;
        self.fill("password", password).await;
        self.submit("login").await;
    }

    pub(crate) async fn logout(&self, base: &str) {
        self.client.delete_all_cookies().await.expect("cookies");
        self.goto(&format!("{base}/login")).await;
    }

    /// The session cookie, for requests made outside the browser.
    pub(crate) async fn session_cookie(&self) -> String {
        let c = self
            .client
            .get_named_cookie("canhgac_session")
            .await
            .expect("session cookie");
        format!("canhgac_session={}", c.value())
    }

    /// No JavaScript dialog is open (an injected alert() would have opened one).
    pub(crate) async fn assert_no_dialog(&self) {
        assert!(
            self.client.get_alert_text().await.is_err(),
            "a JavaScript dialog opened: injected script ran"
        );
    }

    pub(crate) async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A plain HTTP/1.1 request; returns (status, headers, body).
pub(crate) async fn http(
    base: &str,
    method: &str,
    path: &str,
    cookie: &str,
    form: &str,
) -> (u16, String, String) {
    let headers = if cookie.is_empty() {
        String::new()
    } else {
        format!("Cookie: {cookie}\r\n")
    };
    request(None, base, method, path, &headers, form).await
}

/// One HTTP/1.1 exchange, from the local address `from` when given (any 127.0.0.0/8 address
/// is this machine), with extra header lines; returns (status, head, body).
pub(crate) async fn request(
    from: Option<std::net::IpAddr>,
    base: &str,
    method: &str,
    path: &str,
    headers: &str,
    form: &str,
) -> (u16, String, String) {
    let host = base.trim_start_matches("http://");
    let to: std::net::SocketAddr = host.parse().expect("host:port");
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    if let Some(ip) = from {
        socket
            .bind(std::net::SocketAddr::new(ip, 0))
            .expect("bind the client address");
    }
    let mut s = socket.connect(to).await.expect("connect");
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{headers}");
    if method == "POST" {
        req.push_str(&format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
            form.len()
        ));
    }
    req.push_str("\r\n");
    req.push_str(form);
    s.write_all(req.as_bytes()).await.expect("write");
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await.expect("read");
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, head.to_owned(), body.to_owned())
}

/// The anti-forgery token in a page's forms.
pub(crate) fn csrf_of(html: &str) -> String {
    let at = html.find("name=\"csrf\" value=\"").expect("a form with a token") + 19;
    html[at..].split('"').next().unwrap_or_default().to_owned()
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Chromium: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_wrong_password_and_throttling() {
    let _one = BROWSER_LOCK.lock().await;
    let c = Console::start(|cfg| cfg.web.max_failed_logins = 3).await;
    let b = Browser::start().await;
    // A page without a session leads to the login page, and back after logging in.
    b.goto(&format!("{}/messages", c.base)).await;
    assert_eq!(b.path().await, "/login");
    b.fill("name", "officer1").await;
    b.fill("password", PASSWORD).await;
    b.submit("login").await;
    assert_eq!(b.path().await, "/messages", "back where the officer was going");
    assert!(b.text("header").await.contains("officer1"));
    let cookie = b
        .client
        .get_named_cookie("canhgac_session")
        .await
        .expect("cookie");
    assert_eq!(cookie.http_only(), Some(true));
    assert_eq!(format!("{:?}", cookie.same_site()), "Some(Strict)");
    b.logout(&c.base).await;

    // A wrong password: refused with a message, no session.
    b.login(&c.base, "officer2", "not the password at all").await;
    assert_eq!(b.path().await, "/login");
    assert!(
        b.text("#login-error")
            .await
            .contains("Sai tài khoản hoặc mật khẩu")
    );
    assert!(b.client.get_named_cookie("canhgac_session").await.is_err());
    // Two more failures reach the limit (3): now even the right password is refused.
    for _ in 0..2 {
        b.login(&c.base, "officer2", "still wrong password").await;
    }
    b.login(&c.base, "officer2", PASSWORD).await;
    assert_eq!(b.path().await, "/login");
    assert!(
        b.text("#login-error").await.contains("quá nhiều lần"),
        "throttled: {}",
        b.text("main").await
    );
    // Another account is not locked by officer2's failures.
    b.login(&c.base, "officer1", PASSWORD).await;
    assert_eq!(b.path().await, "/", "{}", b.text("main").await);
    // Disabling the account (here as the CLI does, in the store) ends its session at once.
    c.store
        .disable_user("admin", "officer1", "left the office")
        .expect("disable");
    b.goto(&format!("{}/messages", c.base)).await;
    assert_eq!(b.path().await, "/login");
    // Failures are in the audit trail.
    let trail = c.store.audit_entries(Some("user:officer2")).expect("audit");
    assert_eq!(trail.iter().filter(|e| e.action == "login-failed").count(), 3);
    b.close().await;
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Chromium: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_without_a_session_leads_to_login_and_shows_no_data() {
    let _one = BROWSER_LOCK.lock().await;
    let c = Console::start(|_| {}).await;
    let id = c.marked("snv");
    let pages = [
        "/".to_owned(),
        "/messages?status=held".to_owned(),
        format!("/messages/{id}"),
        format!("/messages/{id}/eml"),
        format!("/audit?id={id}"),
        "/users".to_owned(),
        "/lists".to_owned(),
        "/report".to_owned(),
    ];
    // In the browser: each page shows the login form, nothing of the message.
    let b = Browser::start().await;
    for page in &pages {
        b.goto(&format!("{}{page}", c.base)).await;
        assert_eq!(b.path().await, "/login", "{page}");
        let text = b.text("body").await;
        assert!(
            !text.contains("Báo cáo") && !text.contains("TỐI MẬT"),
            "{page}: {text}"
        );
        assert!(b.exists("#password").await, "{page}: the login form");
    }
    b.close().await;
    // Over plain HTTP, every route, with no session or a made-up one.
    for path in [
        "/".to_owned(),
        "/messages".to_owned(),
        "/messages?q=B%C3%A1o".to_owned(),
        format!("/messages/{id}"),
        format!("/messages/{id}/eml"),
        "/audit".to_owned(),
        format!("/audit?id={id}"),
        "/users".to_owned(),
        "/lists".to_owned(),
        "/report?year=2026&unit=snv".to_owned(),
        "/report.csv".to_owned(),
        "/report.json?unit=snv".to_owned(),
        "/no/such/page".to_owned(),
    ] {
        let (status, head, body) = http(&c.base, "GET", &path, "", "").await;
        assert_eq!(status, 303, "{path}: {head}");
        assert!(
            head.to_lowercase().contains("location: /login?next="),
            "{path}: {head}"
        );
        assert!(
            !body.contains("Báo cáo") && !body.contains(&id),
            "{path} leaks data"
        );
        // A forged or expired session cookie is no better.
        let (status, _, _) = http(&c.base, "GET", &path, "canhgac_session=0123abcd", "").await;
        assert_eq!(status, 303, "{path} with a made-up session");
    }
    for path in [
        format!("/messages/{id}/action"),
        "/logout".to_owned(),
        "/users".to_owned(),
        "/users/officer1/disable".to_owned(),
        "/users/officer1/password".to_owned(),
        format!("/messages/{id}/feedback"),
        "/lists".to_owned(),
        "/lists/1/remove".to_owned(),
    ] {
        let (status, _, body) = http(&c.base, "POST", &path, "", "action=release&reason=x&csrf=x").await;
        assert_eq!(status, 401, "{path}");
        assert!(
            !body.contains("Báo cáo") && !body.contains("TỐI MẬT"),
            "{path} leaks data"
        );
    }
    assert_eq!(c.store.get(&id).expect("get").status, Status::Held);
    // Every answer carries the security headers.
    let (_, head, _) = http(&c.base, "GET", "/login", "", "").await;
    let head = head.to_lowercase();
    for h in [
        "content-security-policy: default-src 'none'",
        "frame-ancestors 'none'",
        "x-frame-options: deny",
        "x-content-type-options: nosniff",
        "referrer-policy: no-referrer",
        "set-cookie: canhgac_login=",
        "httponly; samesite=strict",
    ] {
        assert!(head.contains(h), "missing {h}: {head}");
    }
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Chromium: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forms_without_or_with_a_wrong_token_are_forbidden() {
    let _one = BROWSER_LOCK.lock().await;
    let c = Console::start(|_| {}).await;
    let id = c.marked("snv");
    let b = Browser::start().await;
    b.login(&c.base, "officer1", PASSWORD).await;
    b.goto(&format!("{}/messages/{id}", c.base)).await;
    // In the browser: the form's token altered, then submitted.
    b.client
        .execute(
            "document.querySelector('#action-form input[name=csrf]').value = 'forged';",
            vec![],
        )
        .await
        .expect("alter the token");
    b.client
        .find(Locator::Id("action"))
        .await
        .expect("select")
        .select_by_value("delete")
        .await
        .expect("select");
    b.fill("reason", "thử").await;
    b.submit("apply").await;
    assert!(
        b.text("#error-code").await.contains("403"),
        "{}",
        b.text("main").await
    );
    // Outside the browser, with the same session: no token, a wrong token, the right one.
    let cookie = b.session_cookie().await;
    let path = format!("/messages/{id}/action");
    let (status, _, _) = http(&c.base, "POST", &path, &cookie, "action=delete&reason=x").await;
    assert_eq!(status, 403, "no token");
    let (status, _, _) = http(
        &c.base,
        "POST",
        &path,
        &cookie,
        "action=delete&reason=x&csrf=00ff",
    )
    .await;
    assert_eq!(status, 403, "wrong token");
    let (status, _, _) = http(&c.base, "POST", "/logout", &cookie, "").await;
    assert_eq!(status, 403, "logout needs the token too");
    let (status, _, _) = http(&c.base, "POST", "/login", "", "name=officer1&password=x").await;
    assert_eq!(status, 403, "login form without its token");
    assert_eq!(
        c.store.get(&id).expect("get").status,
        Status::Held,
        "nothing happened"
    );
    let (_, _, page) = http(&c.base, "GET", &format!("/messages/{id}"), &cookie, "").await;
    let token = csrf_of(&page);
    let (status, _, _) = http(
        &c.base,
        "POST",
        &path,
        &cookie,
        &format!("action=confirm&reason=th%E1%BA%ADt&csrf={token}"),
    )
    .await;
    assert_eq!(status, 303, "the right token works");
    assert_eq!(c.store.get(&id).expect("get").status, Status::Confirmed);
    // An auditor reads but cannot act, even with its own valid token.
    b.logout(&c.base).await;
    b.login(&c.base, "auditor", PASSWORD).await;
    let cookie = b.session_cookie().await;
    let (_, _, page) = http(&c.base, "GET", &format!("/messages/{id}"), &cookie, "").await;
    assert!(
        !page.contains("id=\"action-form\""),
        "no action form for an auditor"
    );
    let token = csrf_of(&page);
    let (status, _, _) = http(
        &c.base,
        "POST",
        &path,
        &cookie,
        &format!("action=delete&reason=x&csrf={token}"),
    )
    .await;
    assert_eq!(status, 403, "auditors act on nothing");
    let (status, _, _) = http(&c.base, "GET", &format!("/messages/{id}/eml"), &cookie, "").await;
    assert_eq!(status, 403, "auditors do not download originals");
    b.close().await;
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Chromium: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_subjects_senders_names_bodies_and_evidence_stay_text() {
    let _one = BROWSER_LOCK.lock().await;
    let c = Console::start(|_| {}).await;
    let script =
        "<script>document.body.insertAdjacentHTML('beforeend','<b id=pwned>x</b>');alert(1)</script>";
    let img = "<img src=x id=pwned onerror=alert(2)>";
    let svg = "\"><svg id=pwned onload=alert(3)>";
    let raw = format!(
        "From: \"{svg}\" <x@evil.example>\r\nTo: ubnd@lamdong.gov.vn\r\nSubject: {script}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>{img}<iframe id=pwned src=\"http://192.0.2.1/\"></iframe><p>TỐI MẬT</p>{script}</body></html>\r\n--b\r\nContent-Type: text/plain; name=\"{img}.txt\"\r\nContent-Disposition: attachment; filename=\"{img}\u{202E}txt.exe\"\r\n\r\n{script}\r\n--b--\r\n"
    );
    let id =
        c.hold(
            &format!("{svg}@evil.example"),
            &["ubnd@lamdong.gov.vn"],
            script,
            raw.as_bytes(),
            vec![
            Finding::new(
                "MARKING_TOI_MAT",
                format!("TỐI MẬT marking «{img}[TỐI MẬT]{script}»"),
                format!("part 2 \"{img}\""),
            ),
            // The same evidence as data, read in Vietnamese: still text.
            Finding::new("MARKING_TOI_MAT", "x", format!("part 3 \"{img}\" > {svg}, line 2")).with_why(
                serde_json::from_value(serde_json::json!({
                    "key": "marking",
                    "values": {"level": svg, "evidence": format!("{img}[TỐI MẬT]{script}"), "weight": script},
                    "factors": [{"factor": img, "weight": 1}],
                }))
                .expect("why"),
            ),
            Finding::new("SPAM_PHRASES", svg, "body"),
        ],
            Some("TỐI MẬT"),
            &["evil.example", "lamdong.gov.vn"],
        );
    let b = Browser::start().await;
    b.login(&c.base, "officer1", PASSWORD).await;
    for page in [
        format!("{}/messages", c.base),
        format!("{}/messages/{id}", c.base),
        format!("{}/", c.base),
    ] {
        b.goto(&page).await;
        b.assert_no_dialog().await;
        assert!(!b.exists("#pwned").await, "{page}: an injected element exists");
        assert!(
            !b.exists("main script, main iframe, main img").await,
            "{page}: injected markup"
        );
    }
    b.goto(&format!("{}/messages/{id}", c.base)).await;
    // The payloads are shown as text.
    assert_eq!(b.text("#subject").await, script);
    assert!(b.text("#mail-from").await.contains(svg));
    let findings = b.text("#findings").await;
    assert!(findings.contains(img) && findings.contains(svg), "{findings}");
    assert!(
        findings.contains("Dấu độ mật"),
        "the evidence as data, in Vietnamese: {findings}"
    );
    assert_eq!(
        b.text("#findings mark").await,
        "TỐI MẬT",
        "the marker is highlighted"
    );
    let attachments = b.text("#attachments").await;
    assert!(
        !attachments.contains('\u{202E}') && attachments.contains("txt.exe"),
        "a direction override is shown, not obeyed: {attachments}"
    );
    let main = b.text("main").await;
    assert!(
        main.matches(script).count() >= 3,
        "subject, evidence and the text attachment show the script as text:\n{main}"
    );
    assert!(
        b.exists(".text mark").await,
        "the marker is highlighted in the extracted text"
    );
    b.shot("hostile-message").await;
    b.assert_no_dialog().await;
    b.close().await;
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Chromium: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officer_scoped_to_a_unit_sees_only_its_units_messages() {
    let _one = BROWSER_LOCK.lock().await;
    let c = Console::start(|_| {}).await;
    let own = c.marked("snv");
    let other = c.marked("stc");
    let b = Browser::start().await;
    b.login(&c.base, "snv-officer", PASSWORD).await;
    b.goto(&format!("{}/messages", c.base)).await;
    let list = b.text("#messages").await;
    assert!(
        list.contains("Báo cáo snv") && !list.contains("Báo cáo stc"),
        "{list}"
    );
    b.goto(&format!("{}/messages/{own}", c.base)).await;
    assert!(b.text("#subject").await.contains("snv"));
    // Guessing another unit's id: the same answer as for no such message.
    b.goto(&format!("{}/messages/{other}", c.base)).await;
    assert!(b.text("#error-code").await.contains("404"));
    let cookie = b.session_cookie().await;
    for path in [
        format!("/messages/{other}"),
        format!("/messages/{other}/eml"),
        format!("/audit?id={other}"),
    ] {
        let (status, _, body) = http(&c.base, "GET", &path, &cookie, "").await;
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("Báo cáo stc"));
    }
    let (_, _, page) = http(&c.base, "GET", &format!("/messages/{own}"), &cookie, "").await;
    let token = csrf_of(&page);
    let (status, _, _) = http(
        &c.base,
        "POST",
        &format!("/messages/{other}/action"),
        &cookie,
        &format!("action=delete&reason=x&csrf={token}"),
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(c.store.get(&other).expect("get").status, Status::Held);
    // Its audit log holds its units' messages only.
    let (status, _, body) = http(&c.base, "GET", "/audit", &cookie, "").await;
    assert_eq!(status, 200);
    assert!(body.contains(&own) && !body.contains(&other), "{body}");
    // The dashboard counts only its units.
    b.goto(&format!("{}/", c.base)).await;
    assert_eq!(b.text("#held-count").await, "1");
    b.close().await;
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Chromium: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_marked_message_is_released_by_two_officers_with_a_verified_trail() {
    let _one = BROWSER_LOCK.lock().await;
    let sink = Sink::start().await;
    let port = sink.port;
    let c = Console::start(move |cfg| cfg.release.smtp = format!("127.0.0.1:{port}")).await;
    let id = c.marked("snv");
    let b = Browser::start().await;
    let act = |action: &'static str, reason: &'static str| {
        let b = &b;
        async move {
            b.client
                .find(Locator::Id("action"))
                .await
                .expect("select")
                .select_by_value(action)
                .await
                .expect("option");
            b.fill("reason", reason).await;
            b.submit("apply").await;
        }
    };
    // officer1 requests.
    b.goto(&format!("{}/login", c.base)).await;
    b.shot("01-dang-nhap").await;
    b.login(&c.base, "officer1", PASSWORD).await;
    b.goto(&format!("{}/messages/{id}", c.base)).await;
    act("release", "Đã kiểm tra: không phải tài liệu mật").await;
    b.shot("05-yeu-cau-tra-thu").await;
    assert!(b.exists("#flash").await);
    assert!(
        b.exists("#awaiting").await,
        "officer1 now waits for a second officer"
    );
    assert_eq!(c.store.get(&id).expect("get").status, Status::Held);
    assert!(
        sink.messages.lock().expect("sink").is_empty(),
        "nothing released yet"
    );
    // officer1 cannot approve: the form does not offer it, and a crafted request is refused.
    let options = b.text("#action").await;
    assert!(!options.contains("Phê duyệt"), "{options}");
    let cookie = b.session_cookie().await;
    let (_, _, page) = http(&c.base, "GET", &format!("/messages/{id}"), &cookie, "").await;
    let token = csrf_of(&page);
    let (status, _, body) = http(
        &c.base,
        "POST",
        &format!("/messages/{id}/action"),
        &cookie,
        &format!("action=release&reason=approve+mine&csrf={token}"),
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("four-eyes"), "{body}");
    assert_eq!(c.store.get(&id).expect("get").status, Status::Held);
    // officer2 sees the pending request on the dashboard and approves it.
    b.logout(&c.base).await;
    b.login(&c.base, "officer2", PASSWORD).await;
    assert_eq!(b.text("#pending-count").await, "1");
    b.goto(&format!("{}/messages/{id}", c.base)).await;
    assert!(b.text("#action").await.contains("Phê duyệt trả thư"));
    b.shot("06-phe-duyet").await;
    act("release", "Đồng ý trả thư").await;
    let got = sink.wait_for(1, Duration::from_secs(10)).await;
    assert_eq!(got.len(), 1, "released once");
    assert_eq!(got[0].rcpt_to, vec!["ubnd@lamdong.gov.vn".to_owned()]);
    assert_eq!(c.store.get(&id).expect("get").status, Status::Released);
    assert!(b.text("#status").await.contains("Đã trả"));
    // The audit log shows both officers and verifies.
    b.goto(&format!("{}/audit?id={id}", c.base)).await;
    let trail = b.text("#audit").await;
    for (who, what) in [
        ("officer1", "release-request"),
        ("officer2", "release-approve"),
        ("officer2", "release"),
        ("officer1", "view"),
    ] {
        assert!(
            trail.lines().any(|l| l.contains(who) && l.contains(what)),
            "{who} {what} missing:\n{trail}"
        );
    }
    assert!(b.exists("#chain.ok").await, "{}", b.text("#chain").await);
    // In Vietnamese, each action by its name, the recorded code beside it (issue 24).
    for named in [
        "đề nghị trả thư (release-request)",
        "phê duyệt trả thư (release-approve)",
        "xem thư (view)",
    ] {
        assert!(trail.contains(named), "{named}:\n{trail}");
    }
    b.shot("07-nhat-ky").await;
    let check = c.store.audit_verify().expect("verify");
    assert_eq!(check.first_bad, None);
    b.close().await;
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Chromium: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_draws_its_charts() {
    let _one = BROWSER_LOCK.lock().await;
    let c = Console::start(|_| {}).await;
    for unit in ["snv", "snv", "stc", "sgd"] {
        c.marked(unit);
    }
    let raw = b"From: a@spam.example\r\nSubject: win\r\n\r\nbuy now\r\n";
    c.hold(
        "a@spam.example",
        &["x@lamdong.gov.vn"],
        "win",
        raw,
        vec![Finding::new("BAYES_SPAM_99", "p=0.99", "message")],
        None,
        &["spam.example", "lamdong.gov.vn"],
    );
    let b = Browser::start().await;
    b.login(&c.base, "admin", PASSWORD).await;
    assert_eq!(b.path().await, "/");
    assert_eq!(b.text("#held-count").await, "5");
    for chart in ["#chart-days", "#chart-reasons", "#chart-levels", "#chart-units"] {
        let bars = b
            .client
            .find_all(Locator::Css(&format!("{chart} svg rect")))
            .await
            .expect("bars");
        assert!(!bars.is_empty(), "{chart} has no bars");
    }
    let units = b.text("#chart-units").await;
    assert!(
        units.contains("snv") && units.contains("lamdong.gov.vn"),
        "{units}"
    );
    b.shot("02-tong-quan").await;
    // The English interface is one click away.
    let href = b
        .client
        .find(Locator::Css("a.lang"))
        .await
        .expect("language link")
        .attr("href")
        .await
        .expect("href")
        .expect("a link");
    b.goto(&format!("{}{href}", c.base)).await;
    assert!(b.text("nav").await.contains("Dashboard"));
    b.close().await;
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Chromium: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_manage_accounts_and_others_cannot() {
    let _one = BROWSER_LOCK.lock().await;
    let c = Console::start(|_| {}).await;
    let b = Browser::start().await;
    b.login(&c.base, "officer1", PASSWORD).await;
    b.goto(&format!("{}/users", c.base)).await;
    assert!(b.text("#error-code").await.contains("403"));
    b.logout(&c.base).await;
    b.login(&c.base, "admin", PASSWORD).await;
    b.goto(&format!("{}/users", c.base)).await;
    b.fill("new-name", "lan.nt").await;
    b.client
        .find(Locator::Id("new-role"))
        .await
        .expect("role")
        .select_by_value("officer")
        .await
        .expect("option");
    b.fill("new-units", "snv, stc").await;
    b.fill("new-password", "một mật khẩu dài đủ").await;
    b.submit("add-user").await;
    assert!(b.exists("#flash").await, "{}", b.text("main").await);
    assert!(b.text("#users").await.contains("lan.nt"));
    let user = c.store.user("lan.nt").expect("read").expect("created");
    assert_eq!(user.units, vec!["snv".to_owned(), "stc".to_owned()]);
    let trail = c.store.audit_entries(Some("user:lan.nt")).expect("audit");
    assert_eq!(trail[0].actor, "admin");
    // A too-short password is refused with the reason.
    b.fill("new-name", "short.pw").await;
    b.fill("new-password", "short").await;
    b.client
        .execute(
            "document.getElementById('new-password').removeAttribute('minlength')",
            vec![],
        )
        .await
        .expect("script");
    b.submit("add-user").await;
    assert!(b.text("#error-code").await.contains("400"));
    assert!(c.store.user("short.pw").expect("read").is_none());
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_tls_cookies_are_secure_and_browsers_keep_to_https() {
    let c = Console::start(|cfg| cfg.web.public_url = "https://canhgac.lamdong.gov.vn".into()).await;
    let (status, head, body) = http(&c.base, "GET", "/login", "", "").await;
    assert_eq!(status, 200);
    let head = head.to_lowercase();
    assert!(
        head.contains("set-cookie: canhgac_login=") && head.contains("samesite=strict; secure"),
        "{head}"
    );
    assert!(head.contains("strict-transport-security: max-age="), "{head}");
    // The session cookie too.
    let token = csrf_of(&body);
    let login = head
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .and_then(|c| c.split(';').next())
        .expect("login cookie")
        .to_owned();
    let form = format!(
        "csrf={token}&name=officer1&password={}",
        PASSWORD.replace(' ', "+")
    );
    let form = form
        .bytes()
        .map(|b| {
            if b.is_ascii() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect::<String>();
    let (status, head, _) = http(&c.base, "POST", "/login", &login, &form).await;
    assert_eq!(status, 303, "{head}");
    let session = head
        .to_lowercase()
        .lines()
        .find(|l| l.starts_with("set-cookie: canhgac_session="))
        .map(str::to_owned)
        .expect("session cookie");
    assert!(
        session.contains("httponly") && session.contains("secure"),
        "{session}"
    );
}
