//! Shared test helpers: messages, an in-process milter, an SMTP sink and client, and a private
//! Postfix instance.

#![allow(dead_code)]

pub mod clamd;
pub mod dns;
pub mod gateway;
pub mod mail;
pub mod postfix;
pub mod smtp;

use canhgac::config::{Config, ListenAddr};
use canhgac::engine::{Engine, EngineHandle};
use canhgac::milter::{self, MilterListener, Shared};
use std::net::SocketAddr;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A canhgac milter running inside the test process.
pub struct Milter {
    pub addr: ListenAddr,
    pub handle: EngineHandle,
    /// The yearly report's counters (with a store only), written by `store.flush_tally`.
    pub tally: Option<std::sync::Arc<canhgac::store::traffic::Tally>>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

impl Milter {
    /// Starts the real milter on `config.milter.listen` (use port 0 for a free port).
    pub async fn start(config: Config) -> Milter {
        Milter::start_with(config, None).await
    }

    /// Starts on a free loopback port with a quarantine store: held messages go to it before
    /// Postfix is answered.
    pub async fn start_with_store(
        mut config: Config,
        store: std::sync::Arc<canhgac::store::Store>,
    ) -> Milter {
        config.milter.listen = ListenAddr::Inet(SocketAddr::from(([127, 0, 0, 1], 0)));
        Milter::start_with(config, Some(store)).await
    }

    async fn start_with(config: Config, store: Option<std::sync::Arc<canhgac::store::Store>>) -> Milter {
        let engine = Engine::build(&config).expect("engine builds");
        let listener = MilterListener::bind(&config.milter.listen, config.milter.socket_mode)
            .await
            .expect("bind milter");
        let addr = listener.local_addr().expect("local addr");
        let handle = EngineHandle::new(engine);
        let mut shared = Shared::new(handle.clone());
        let tally = store
            .as_ref()
            .map(|_| std::sync::Arc::new(canhgac::store::traffic::Tally::new()));
        shared.tally = tally.clone();
        shared.store = store;
        let (tx, rx) = oneshot::channel();
        let task = tokio::spawn(milter::run(listener, shared, async move {
            let _ = rx.await;
        }));
        Milter {
            addr,
            handle,
            tally,
            stop: Some(tx),
            task: Some(task),
        }
    }

    /// Starts on a free loopback TCP port with `config` otherwise unchanged.
    pub async fn start_inet(mut config: Config) -> Milter {
        config.milter.listen = ListenAddr::Inet(SocketAddr::from(([127, 0, 0, 1], 0)));
        Milter::start(config).await
    }

    pub fn inet_addr(&self) -> SocketAddr {
        match &self.addr {
            ListenAddr::Inet(a) => *a,
            other => panic!("not inet: {other}"),
        }
    }

    /// The address in Postfix's notation.
    pub fn postfix_addr(&self) -> String {
        match &self.addr {
            ListenAddr::Inet(a) => format!("inet:{}:{}", a.ip(), a.port()),
            ListenAddr::Unix(p) => format!("unix:{}", p.display()),
        }
    }

    /// Graceful shutdown; waits for the milter task to end.
    pub async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.task.take() {
            let _ = t.await;
        }
    }
}

impl Drop for Milter {
    fn drop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
    }
}

/// The default configuration without clamd (tests of the gateway core; the virus tests start a
/// private clamd and point `[clamd] endpoints` at it).
pub fn test_config() -> Config {
    let mut c = Config::default();
    c.clamd.enabled = false;
    // No DNS in the tests but the one a test starts (tests/auth.rs).
    c.auth.enabled = false;
    // Never a token database someone trained in the checkout: tests say which model they use.
    c.spam.bayes_db = std::path::PathBuf::new();
    c.web.listen = "127.0.0.1:0".parse().expect("address");
    c.metrics.listen = "127.0.0.1:0".parse().expect("address");
    // The milter tests' client (192.0.2.10) is one of ours: a local sender from it is no forgery.
    c.local
        .internal_networks
        .push("192.0.2.0/24".parse().expect("network"));
    c
}

/// A configuration file for the binary with clamd off (unless `extra` has a `[clamd]`), its
/// quarantine store in `dir` (and `extra` TOML appended).
pub fn config_file(dir: &std::path::Path, extra: &str) -> std::path::PathBuf {
    let p = dir.join("canhgac-test.toml");
    let store = if extra.contains("[store]") {
        String::new()
    } else {
        format!("[store]\npath = \"{}\"\n", dir.join("quarantine.db").display())
    };
    let spam = if extra.contains("[spam]") {
        String::new()
    } else {
        "[spam]\nbayes_db = \"\"\n".to_owned()
    };
    // Never the console's default port: tests run side by side.
    let web = if extra.contains("[web]") {
        String::new()
    } else {
        "[web]\nlisten = \"127.0.0.1:0\"\n".to_owned()
    };
    let auth = if extra.contains("[auth]") {
        String::new()
    } else {
        "[auth]\nenabled = false\n".to_owned()
    };
    let metrics = if extra.contains("[metrics]") {
        String::new()
    } else {
        "[metrics]\nlisten = \"127.0.0.1:0\"\n".to_owned()
    };
    let clamd = if extra.contains("[clamd]") {
        ""
    } else {
        "[clamd]\nenabled = false\n"
    };
    std::fs::write(&p, format!("{clamd}{store}{spam}{web}{metrics}{auth}{extra}\n")).expect("write config");
    p
}

/// Path of the shared corpora beside the checkout.
pub fn shared_corpus() -> std::path::PathBuf {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    assert!(
        p.is_dir(),
        "{} is missing: the shared corpora must be beside the checkout",
        p.display()
    );
    p
}

/// The text fields of the shared Vietnamese statutes, one message per provision.
pub fn legal_bodies() -> Vec<(String, String)> {
    let dir = shared_corpus().join("vietnamese-legal-text");
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("legal texts")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "legal texts missing in {}", dir.display());
    for f in files {
        let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&f).expect("read")).expect("json");
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let head = ["title", "description"]
            .iter()
            .filter_map(|k| doc.get(*k).and_then(|v| v.as_str()))
            .collect::<Vec<_>>()
            .join("\n");
        out.push((name.clone(), head));
        for (i, p) in doc
            .get("provisions")
            .and_then(|p| p.as_array())
            .into_iter()
            .flatten()
            .enumerate()
        {
            let text = ["title", "content"]
                .iter()
                .filter_map(|k| p.get(*k).and_then(|v| v.as_str()))
                .collect::<Vec<_>>()
                .join("\n");
            out.push((format!("{name} provision {i}"), text));
        }
        for (i, d) in doc
            .get("definitions")
            .and_then(|p| p.as_array())
            .into_iter()
            .flatten()
            .enumerate()
        {
            out.push((format!("{name} definition {i}"), d.to_string()));
        }
    }
    out
}

/// The daemon in-process (`canhgac::server::run`, what `canhgac serve` runs) on the
/// configuration file `path`, with the orders a service manager would send.
pub struct Daemon {
    pub config: Config,
    pub control: tokio::sync::mpsc::Sender<canhgac::server::Control>,
    pub task: JoinHandle<Result<(), String>>,
}

impl Daemon {
    /// Starts it and waits until every one of `ports` on 127.0.0.1 accepts connections.
    pub async fn start(path: &std::path::Path, ports: &[u16]) -> Daemon {
        let config = Config::load(path).expect("config");
        let engine = Engine::build(&config).expect("engine");
        let (control, orders) = tokio::sync::mpsc::channel(4);
        let task = tokio::spawn(canhgac::server::run(
            canhgac::server::Options {
                config: config.clone(),
                engine,
                config_path: Some(path.to_path_buf()),
                listen_fixed: false,
                noop: false,
            },
            orders,
        ));
        for _ in 0..200 {
            let mut up = true;
            for p in ports {
                up &= tokio::net::TcpStream::connect(("127.0.0.1", *p)).await.is_ok();
            }
            if up {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        Daemon {
            config,
            control,
            task,
        }
    }

    /// Tells it to stop; its result, if it stopped within 30 s.
    pub async fn stop(self) -> Option<Result<(), String>> {
        self.control
            .send(canhgac::server::Control::Stop)
            .await
            .expect("stop");
        tokio::time::timeout(std::time::Duration::from_secs(30), self.task)
            .await
            .ok()
            .map(|r| r.expect("task"))
    }
}

/// One message as Postfix passes it to the milter at `addr`: from `client`, envelope `from` and
/// `rcpt`; the end-of-message answer.
pub async fn milter_send(
    addr: std::net::SocketAddr,
    client: [u8; 4],
    from: &str,
    rcpt: &str,
    raw: &[u8],
) -> indymilter_test::Status {
    let mut conn = indymilter_test::TestConnection::open(addr).await.expect("open");
    conn.connect("client.example", std::net::SocketAddr::from((client, 4000)))
        .await
        .expect("connect");
    conn.mail([format!("<{from}>")]).await.expect("mail");
    conn.rcpt([format!("<{rcpt}>")]).await.expect("rcpt");
    let (headers, body) = mail::split(raw);
    for (n, v) in headers {
        conn.header(n, v).await.expect("header");
    }
    conn.eoh().await.expect("eoh");
    conn.body(body).await.expect("body");
    let status = conn.eom().await.expect("eom").1;
    let _ = conn.close().await;
    status
}
