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
        ListenAddr::Inet(SocketAddr::from(([127, 0, 0, 1], 8891)))
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
