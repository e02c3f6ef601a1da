//! A byte stream of milter commands into the real milter (canhgac's frame decoder, handlers and
//! session, the engine at end of message), over a socket as Postfix talks to it.
//! One milter runs for the whole fuzzing process; each input is one connection.
#![no_main]
#[path = "common.rs"]
mod common;
use canhgac::config::{Config, ListenAddr};
use canhgac::engine::{Engine, EngineHandle};
use canhgac::milter::{self, MilterListener, Shared};
use libfuzzer_sys::fuzz_target;
use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

struct Running {
    rt: tokio::runtime::Runtime,
    addr: SocketAddr,
}

static MILTER: OnceLock<Running> = OnceLock::new();

fn milter() -> &'static Running {
    MILTER.get_or_init(|| {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("runtime");
        let mut config = Config::default();
        config.clamd.enabled = false;
        // No DNS here: sender authentication would wait out its resolver timeouts on every
        // message that names a domain (seconds an input); the `auth` target fuzzes it.
        config.auth.enabled = false;
        config.spam.bayes_db = Default::default();
        config.milter.io_timeout_secs = 2;
        config.milter.listen = ListenAddr::Inet(SocketAddr::from(([127, 0, 0, 1], 0)));
        let addr = rt.block_on(async {
            let engine = Engine::build(&config).expect("engine");
            let listener = MilterListener::bind(&config.milter.listen, config.milter.socket_mode)
                .await
                .expect("bind");
            let addr = match listener.local_addr().expect("addr") {
                ListenAddr::Inet(a) => a,
                ListenAddr::Unix(_) => unreachable!("inet listener"),
            };
            tokio::spawn(milter::run(listener, Shared::new(EngineHandle::new(engine)), std::future::pending::<()>()));
            addr
        });
        Running { rt, addr }
    })
}

fuzz_target!(|data: &[u8]| {
    common::allow_caught_parser_panics();
    let m = milter();
    m.rt.block_on(async {
        let Ok(mut s) = tokio::net::TcpStream::connect(m.addr).await else {
            return;
        };
        let _ = s.write_all(data).await;
        let _ = s.shutdown().await;
        let mut sink = [0u8; 4096];
        let _ = tokio::time::timeout(Duration::from_secs(5), async {
            while let Ok(n) = s.read(&mut sink).await {
                if n == 0 {
                    break;
                }
            }
        })
        .await;
    });
});
