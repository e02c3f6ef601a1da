//! Sessions of the review console (kept hashed in the store, so a restart keeps them; random
//! 256-bit ids in an HttpOnly, SameSite=Strict cookie; idle and absolute lifetimes), their
//! anti-forgery tokens, the real client address behind trusted reverse proxies, the throttling
//! of failed logins per client address, and the bounded pool that checks passwords.

use crate::config::Network;
use crate::store::{Role, Store, StoreError, User};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The session cookie's name.
pub const COOKIE: &str = "canhgac_session";
/// The cookie carrying the login form's anti-forgery token (before there is a session).
pub const LOGIN_COOKIE: &str = "canhgac_login";
/// The interface language cookie.
pub const LANG_COOKIE: &str = "canhgac_lang";

/// A logged-in officer.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: String,
    pub role: Role,
    /// Units the account is limited to (empty: all).
    pub units: Vec<String>,
    /// The anti-forgery token every form of this session carries: derived from the session
    /// id, so it needs no storage and changes with every login.
    pub csrf: String,
}

impl Session {
    /// The session of an account, for the session id `id`.
    pub fn of(id: &str, user: User) -> Session {
        use sha2::Digest;
        let csrf = crate::store::hex(&sha2::Sha256::digest(format!("canhgac csrf {id}").as_bytes()));
        Session {
            user: user.name,
            role: user.role,
            units: user.units,
            csrf,
        }
    }

    /// The units this session may see: None for all.
    pub fn scope(&self) -> Option<Vec<String>> {
        match self.role {
            Role::Officer if !self.units.is_empty() => Some(self.units.clone()),
            _ => None,
        }
    }

    /// Whether this session may act on messages (auditors only read).
    pub fn may_act(&self) -> bool {
        matches!(self.role, Role::Officer | Role::Admin)
    }
}

/// Random bytes from the kernel, hex-encoded.
pub fn random_token() -> Option<String> {
    crate::store::random_hex(32)
}

/// Compares secrets in time independent of where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && !a.is_empty()
        && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The client's address: the peer's, or, when the peer is a trusted reverse proxy, the
/// rightmost address of `X-Forwarded-For` that is not itself a trusted proxy (addresses to its
/// left were written by the client and prove nothing). A malformed header counts as the
/// proxy's own address.
pub fn client_addr(peer: IpAddr, headers: &axum::http::HeaderMap, trusted: &[Network]) -> IpAddr {
    let trusted_ip = |ip: IpAddr| trusted.iter().any(|n| n.contains(ip));
    if !trusted_ip(peer) {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        match hop.parse::<IpAddr>() {
            Ok(ip) => {
                client = ip;
                if !trusted_ip(ip) {
                    break;
                }
            }
            Err(_) => break,
        }
    }
    client
}

/// Failed logins per client address (per account they are counted in the store). Bounded:
/// past `MAX_ADDRESSES` remembered addresses the oldest are forgotten.
pub struct Throttle {
    max: u32,
    window: Duration,
    map: Mutex<HashMap<IpAddr, (u32, Instant)>>,
}

/// A client address may fail this many times more often than one account.
pub const PER_ADDRESS_FACTOR: u32 = 4;
const MAX_ADDRESSES: usize = 100_000;

impl Throttle {
    pub fn new(max_per_account: u32, window: Duration) -> Throttle {
        Throttle {
            max: max_per_account.saturating_mul(PER_ADDRESS_FACTOR),
            window,
            map: Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<IpAddr, (u32, Instant)>> {
        self.map.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether logins from this address are refused now.
    pub fn blocked(&self, addr: IpAddr) -> bool {
        let mut map = self.lock();
        let window = self.window;
        if map.get(&addr).is_some_and(|(_, since)| since.elapsed() >= window) {
            map.remove(&addr);
        }
        map.get(&addr).is_some_and(|(n, _)| *n >= self.max)
    }

    /// Counts a failure (the window runs from the latest one).
    pub fn failed(&self, addr: IpAddr) {
        let mut map = self.lock();
        if map.len() >= MAX_ADDRESSES {
            let window = self.window;
            map.retain(|_, (_, since)| since.elapsed() < window);
            if map.len() >= MAX_ADDRESSES
                && let Some(oldest) = map.iter().min_by_key(|(_, (_, t))| *t).map(|(k, _)| *k)
            {
                map.remove(&oldest);
            }
        }
        let e = map.entry(addr).or_insert((0, Instant::now()));
        e.0 = e.0.saturating_add(1);
        e.1 = Instant::now();
    }

    /// A successful login from an address clears it.
    pub fn succeeded(&self, addr: IpAddr) {
        self.lock().remove(&addr);
    }
}

/// Why a password could not be checked now.
#[derive(Debug)]
pub enum CheckError {
    /// Every checker is busy and the queue is full: answer 503, try again shortly.
    Busy,
    Store(StoreError),
}

type Job = (
    String,
    String,
    tokio::sync::oneshot::Sender<Result<Option<User>, StoreError>>,
);

/// Checks passwords (Argon2id: 19 MiB and tens of milliseconds each) on a few threads of its
/// own, never on the blocking pool the milter writes the store from; a burst of logins waits
/// in a short queue, and past it is answered "busy" at once.
pub struct PasswordChecker {
    tx: std::sync::mpsc::SyncSender<Job>,
}

impl PasswordChecker {
    /// `threads` checkers and a queue of four logins per checker.
    pub fn new(store: Arc<Store>, threads: usize) -> PasswordChecker {
        let threads = threads.max(1);
        let (tx, rx) = std::sync::mpsc::sync_channel::<Job>(threads * 4);
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..threads {
            let rx = rx.clone();
            let store = store.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("canhgac-password-{i}"))
                .spawn(move || {
                    loop {
                        let job = {
                            let rx = rx.lock().unwrap_or_else(|p| p.into_inner());
                            rx.recv()
                        };
                        let Ok((name, password, reply)) = job else {
                            return;
                        };
                        let _ = reply.send(store.check_password(&name, &password));
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "web: cannot start a password checker thread");
            }
        }
        PasswordChecker { tx }
    }

    /// The account when the password is right (None: wrong, unknown or disabled).
    pub async fn check(&self, name: &str, password: &str) -> Result<Option<User>, CheckError> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.tx
            .try_send((name.to_owned(), password.to_owned(), reply))
            .map_err(|_| CheckError::Busy)?;
        match answer.await {
            Ok(r) => r.map_err(CheckError::Store),
            Err(_) => Err(CheckError::Busy),
        }
    }
}

/// The value of a cookie in a `Cookie` header.
pub fn cookie<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nets(list: &[&str]) -> Vec<Network> {
        list.iter().map(|s| s.parse().expect("network")).collect()
    }

    fn xff(v: &str) -> axum::http::HeaderMap {
        let mut h = axum::http::HeaderMap::new();
        h.insert("x-forwarded-for", v.parse().expect("header"));
        h
    }

    #[test]
    fn the_client_is_read_from_trusted_proxies_only() {
        let ip = |s: &str| s.parse::<IpAddr>().expect("ip");
        let proxies = nets(&["127.0.0.1", "10.0.0.0/8"]);
        // Directly connected: the header is the client's own words and is ignored.
        assert_eq!(
            client_addr(ip("192.0.2.7"), &xff("203.0.113.9"), &proxies),
            ip("192.0.2.7")
        );
        // Through the proxy: its X-Forwarded-For names the client.
        assert_eq!(
            client_addr(ip("127.0.0.1"), &xff("203.0.113.9"), &proxies),
            ip("203.0.113.9")
        );
        // A forged address to the left of the real one changes nothing.
        assert_eq!(
            client_addr(ip("127.0.0.1"), &xff("1.2.3.4, 203.0.113.9"), &proxies),
            ip("203.0.113.9")
        );
        // Two proxies: the rightmost untrusted hop.
        assert_eq!(
            client_addr(ip("127.0.0.1"), &xff("1.2.3.4, 203.0.113.9, 10.1.2.3"), &proxies),
            ip("203.0.113.9")
        );
        // Garbage stops the walk at the last trusted hop.
        assert_eq!(
            client_addr(ip("127.0.0.1"), &xff("nonsense"), &proxies),
            ip("127.0.0.1")
        );
        assert_eq!(
            client_addr(ip("127.0.0.1"), &axum::http::HeaderMap::new(), &proxies),
            ip("127.0.0.1")
        );
        // No trusted proxies: always the peer.
        assert_eq!(
            client_addr(ip("127.0.0.1"), &xff("203.0.113.9"), &[]),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn an_address_is_throttled_alone() {
        let t = Throttle::new(2, Duration::from_secs(60));
        let a: IpAddr = "192.0.2.1".parse().expect("ip");
        let b: IpAddr = "192.0.2.2".parse().expect("ip");
        for _ in 0..(2 * PER_ADDRESS_FACTOR) {
            assert!(!t.blocked(a));
            t.failed(a);
        }
        assert!(t.blocked(a));
        assert!(!t.blocked(b));
        t.succeeded(a);
        assert!(!t.blocked(a));
    }

    #[test]
    fn accounts_back_off_and_never_lock_for_good() {
        let mut u = User {
            name: "x".into(),
            role: Role::Officer,
            units: vec![],
            disabled: false,
            created_at: 0,
            updated_at: 0,
            created_by: String::new(),
            password_by: String::new(),
            created_seq: 0,
            failed_logins: 4,
            last_failed_at: 1000,
        };
        assert_eq!(u.login_wait(5, 900, 1000), 0);
        u.failed_logins = 5;
        assert_eq!(u.login_wait(5, 900, 1000), 30);
        assert_eq!(u.login_wait(5, 900, 1030), 0);
        u.failed_logins = 7;
        assert_eq!(u.login_wait(5, 900, 1000), 120);
        u.failed_logins = 1000;
        assert_eq!(u.login_wait(5, 900, 1000), 900, "capped");
    }
}
