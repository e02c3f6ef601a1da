//! Configuration value types that validate themselves while being read, so that a bad value is
//! reported with the line it is on.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;

/// Where the milter listens: `inet:HOST:PORT` or `unix:/path`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(try_from = "String", into = "String")]
pub enum ListenAddr {
    Inet(SocketAddr),
    Unix(PathBuf),
}

impl Default for ListenAddr {
    fn default() -> Self {
        ListenAddr::Inet(SocketAddr::from(([127, 0, 0, 1], 8897)))
    }
}

impl FromStr for ListenAddr {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if let Some(rest) = s.strip_prefix("inet:") {
            // Postfix also writes inet:PORT@HOST; accept HOST:PORT, the form the docs use.
            let addr = if let Some((port, host)) = rest.split_once('@') {
                format!("{host}:{port}")
            } else {
                rest.to_owned()
            };
            let addr = addr.replace("localhost:", "127.0.0.1:");
            addr.parse::<SocketAddr>().map(ListenAddr::Inet).map_err(|_| {
                format!("invalid value {s:?}: expected inet:HOST:PORT with a numeric IP address and a port 0-65535")
            })
        } else if let Some(path) = s.strip_prefix("unix:") {
            if path.is_empty() || !path.starts_with('/') {
                return Err(format!("invalid value {s:?}: expected unix:/absolute/path"));
            }
            Ok(ListenAddr::Unix(PathBuf::from(path)))
        } else {
            Err(format!(
                "invalid value {s:?}: expected inet:HOST:PORT or unix:/path"
            ))
        }
    }
}

impl fmt::Display for ListenAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListenAddr::Inet(a) => write!(f, "inet:{a}"),
            ListenAddr::Unix(p) => write!(f, "unix:{}", p.display()),
        }
    }
}

impl TryFrom<String> for ListenAddr {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<ListenAddr> for String {
    fn from(v: ListenAddr) -> String {
        v.to_string()
    }
}

/// Permission bits of a unix socket, written in octal (`"0660"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SocketMode(pub u32);

impl Default for SocketMode {
    fn default() -> Self {
        SocketMode(0o660)
    }
}

impl<'de> Deserialize<'de> for SocketMode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match u32::from_str_radix(&s, 8) {
            Ok(m) if m <= 0o777 => Ok(SocketMode(m)),
            _ => Err(serde::de::Error::custom(format!(
                "invalid value {s:?}: expected an octal mode such as \"0660\""
            ))),
        }
    }
}

impl Serialize for SocketMode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{:04o}", self.0))
    }
}

/// A clamd socket: `unix:/path` or `tcp:HOST:PORT`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(try_from = "String", into = "String")]
pub enum ClamdEndpoint {
    Unix(PathBuf),
    Tcp(String),
}

impl FromStr for ClamdEndpoint {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if let Some(path) = s.strip_prefix("unix:") {
            if path.starts_with('/') {
                return Ok(ClamdEndpoint::Unix(PathBuf::from(path)));
            }
        } else if let Some(addr) = s.strip_prefix("tcp:")
            && let Some((host, port)) = addr.rsplit_once(':')
            && !host.is_empty()
            && port.parse::<u16>().is_ok()
        {
            return Ok(ClamdEndpoint::Tcp(addr.to_owned()));
        }
        Err(format!(
            "invalid value {s:?}: expected unix:/absolute/path or tcp:HOST:PORT"
        ))
    }
}

impl fmt::Display for ClamdEndpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClamdEndpoint::Unix(p) => write!(f, "unix:{}", p.display()),
            ClamdEndpoint::Tcp(a) => write!(f, "tcp:{a}"),
        }
    }
}

impl TryFrom<String> for ClamdEndpoint {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<ClamdEndpoint> for String {
    fn from(v: ClamdEndpoint) -> String {
        v.to_string()
    }
}

/// An IP network in CIDR notation (`10.0.0.0/8`, `::1/128`; a bare address is one host).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(try_from = "String", into = "String")]
pub struct Network {
    pub addr: std::net::IpAddr,
    pub prefix: u8,
}

impl Network {
    /// Whether `ip` is in this network (IPv4-mapped IPv6 addresses count as IPv4).
    pub fn contains(&self, ip: std::net::IpAddr) -> bool {
        use std::net::IpAddr;
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        match (self.addr, ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                u32::from(n) & mask == u32::from(a) & mask
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                u128::from(n) & mask == u128::from(a) & mask
            }
            _ => false,
        }
    }
}

impl FromStr for Network {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("invalid value {s:?}: expected a network such as 10.0.0.0/8 or ::1/128");
        let (a, p) = s.split_once('/').unwrap_or((s, ""));
        let addr: std::net::IpAddr = a.trim().parse().map_err(|_| bad())?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = if p.is_empty() {
            max
        } else {
            p.trim().parse::<u8>().map_err(|_| bad())?
        };
        if prefix > max {
            return Err(bad());
        }
        Ok(Network { addr, prefix })
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

impl TryFrom<String> for Network {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<Network> for String {
    fn from(v: Network) -> String {
        v.to_string()
    }
}
