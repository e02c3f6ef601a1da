//! Sessions of the review console (server-side, random 256-bit ids in an HttpOnly,
//! SameSite=Strict cookie, ended after idle minutes), their anti-forgery tokens, and the
//! throttling of failed logins per account and per client address.

use crate::store::Role;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
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
    /// The anti-forgery token every form of this session carries.
    pub csrf: String,
    last_seen: Instant,
}

impl Session {
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
    let mut b = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut b))
        .ok()?;
    Some(crate::store::hex(&b))
}

/// Compares secrets in time independent of where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && !a.is_empty()
        && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The sessions alive now.
pub struct Sessions {
    idle: Duration,
    map: Mutex<HashMap<String, Session>>,
}

impl Sessions {
    pub fn new(idle: Duration) -> Sessions {
        Sessions {
            idle,
            map: Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Session>> {
        self.map.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Starts a session; returns its id (None if the kernel gave no randomness).
    pub fn start(&self, user: String, role: Role, units: Vec<String>) -> Option<String> {
        let id = random_token()?;
        let csrf = random_token()?;
        let mut map = self.lock();
        let idle = self.idle;
        map.retain(|_, s| s.last_seen.elapsed() < idle);
        map.insert(
            id.clone(),
            Session {
                user,
                role,
                units,
                csrf,
                last_seen: Instant::now(),
            },
        );
        Some(id)
    }

    /// The live session with this id, touched; an idle one is ended.
    pub fn get(&self, id: &str) -> Option<Session> {
        let mut map = self.lock();
        let s = map.get_mut(id)?;
        if s.last_seen.elapsed() >= self.idle {
            map.remove(id);
            return None;
        }
        s.last_seen = Instant::now();
        Some(s.clone())
    }

    pub fn end(&self, id: &str) {
        self.lock().remove(id);
    }

    /// Ends every session of an account (disabled, or its password changed).
    pub fn end_user(&self, user: &str) {
        self.lock().retain(|_, s| s.user != user);
    }
}

/// Failed logins, per account and per client address.
pub struct Throttle {
    max: u32,
    lockout: Duration,
    map: Mutex<HashMap<String, (u32, Instant)>>,
}

/// A client address may fail this many times more often than one account, so that one
/// attacker behind the reverse proxy's address cannot lock every officer out.
const PER_ADDRESS_FACTOR: u32 = 4;

impl Throttle {
    pub fn new(max: u32, lockout: Duration) -> Throttle {
        Throttle {
            max,
            lockout,
            map: Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (u32, Instant)>> {
        self.map.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn keys(user: &str, addr: IpAddr) -> [(String, u32); 2] {
        [
            (format!("user:{user}"), 1),
            (format!("addr:{addr}"), PER_ADDRESS_FACTOR),
        ]
    }

    /// Whether logins for this account or from this address are refused now.
    pub fn blocked(&self, user: &str, addr: IpAddr) -> bool {
        let mut map = self.lock();
        let lockout = self.lockout;
        map.retain(|_, (_, since)| since.elapsed() < lockout);
        Self::keys(user, addr).iter().any(|(k, factor)| {
            map.get(k)
                .is_some_and(|(n, _)| *n >= self.max.saturating_mul(*factor))
        })
    }

    /// Counts a failure (the lockout runs from the latest one).
    pub fn failed(&self, user: &str, addr: IpAddr) {
        let mut map = self.lock();
        for (k, _) in Self::keys(user, addr) {
            let e = map.entry(k).or_insert((0, Instant::now()));
            e.0 = e.0.saturating_add(1);
            e.1 = Instant::now();
        }
    }

    /// A successful login clears the account's count.
    pub fn succeeded(&self, user: &str) {
        self.lock().remove(&format!("user:{user}"));
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

    #[test]
    fn sessions_end_when_idle() {
        let s = Sessions::new(Duration::from_millis(50));
        let id = s.start("a".into(), Role::Officer, vec![]).expect("random");
        assert_eq!(s.get(&id).map(|x| x.user), Some("a".to_owned()));
        std::thread::sleep(Duration::from_millis(80));
        assert!(s.get(&id).is_none(), "idle session ended");
    }

    #[test]
    fn throttle_blocks_after_max_failures() {
        let t = Throttle::new(3, Duration::from_secs(60));
        let ip: IpAddr = "192.0.2.1".parse().expect("ip");
        for _ in 0..3 {
            assert!(!t.blocked("a", ip));
            t.failed("a", ip);
        }
        assert!(t.blocked("a", ip), "account locked");
        assert!(!t.blocked("b", ip), "the address alone is not locked yet");
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("", ""));
        assert!(!same_secret("abc", "abcd"));
    }
}
