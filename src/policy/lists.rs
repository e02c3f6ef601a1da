//! Allow and block lists, applied before any scoring: by envelope sender, From address,
//! domain, client address or network, and recipient unit. Pure data and matching; the entries
//! live in the store (`store::lists`) and the milter asks at each SMTP stage what it can know
//! by then.
//!
//! A block refuses the message (`LIST_BLOCKED`, `550 5.7.1` from the score table); an allow
//! skips spam scoring only: the virus scan, the size rule and the markings detector still run.
//! A block wins over an allow. A domain entry covers its subdomains; an address entry is exact
//! (case-insensitive); a network entry is an address or a CIDR network.

use ipnet::IpNet;
use std::collections::HashSet;
use std::net::IpAddr;

/// Which list an entry is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    Allow,
    Block,
}

impl ListKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ListKind::Allow => "allow",
            ListKind::Block => "block",
        }
    }

    pub fn parse(s: &str) -> Option<ListKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "allow" => Some(ListKind::Allow),
            "block" => Some(ListKind::Block),
            _ => None,
        }
    }
}

/// What an entry matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListField {
    /// The envelope sender (MAIL FROM), exactly.
    Sender,
    /// The address in the From header, exactly.
    From,
    /// The domain (or a parent domain) of the envelope sender or of the From address.
    Domain,
    /// The client's address, or a network containing it.
    Ip,
    /// A recipient's unit (its id in the directory, else the recipient's domain).
    Unit,
}

impl ListField {
    pub const ALL: [ListField; 5] = [
        ListField::Sender,
        ListField::From,
        ListField::Domain,
        ListField::Ip,
        ListField::Unit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ListField::Sender => "sender",
            ListField::From => "from",
            ListField::Domain => "domain",
            ListField::Ip => "ip",
            ListField::Unit => "unit",
        }
    }

    pub fn parse(s: &str) -> Option<ListField> {
        let s = s.trim().to_ascii_lowercase();
        ListField::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The value as stored and compared: lower case, trimmed; an address without brackets; a
    /// network in its canonical form. Or why the value cannot be an entry of this field.
    pub fn normalise(self, value: &str) -> Result<String, String> {
        let v = value.trim().trim_start_matches('<').trim_end_matches('>').trim();
        if v.is_empty() || v.len() > 320 || v.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(format!("{:?} is not a {} value", value, self.as_str()));
        }
        let v = v.to_lowercase();
        match self {
            ListField::Sender | ListField::From => match v.rsplit_once('@') {
                Some((l, d)) if !l.is_empty() && valid_domain(d) => Ok(v),
                _ => Err(format!("{value:?} is not an address (local@domain)")),
            },
            ListField::Domain => {
                let d = v
                    .trim_start_matches("*.")
                    .trim_start_matches('@')
                    .trim_end_matches('.');
                if valid_domain(d) {
                    Ok(d.to_owned())
                } else {
                    Err(format!("{value:?} is not a domain"))
                }
            }
            ListField::Ip => match (v.parse::<IpNet>(), v.parse::<IpAddr>()) {
                (Ok(n), _) => Ok(n.trunc().to_string()),
                (_, Ok(a)) => Ok(IpNet::from(a).to_string()),
                _ => Err(format!("{value:?} is not an IP address or network (CIDR)")),
            },
            ListField::Unit => {
                if v.chars().all(|c| c.is_alphanumeric() || "-_.@".contains(c)) {
                    Ok(v)
                } else {
                    Err(format!("{value:?} is not a unit id"))
                }
            }
        }
    }
}

fn valid_domain(d: &str) -> bool {
    !d.is_empty()
        && d.len() <= 253
        && d.split('.').all(|l| {
            !l.is_empty() && l.len() <= 63 && l.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        })
}

/// One entry as the store keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct ListEntry {
    pub id: i64,
    pub kind: ListKind,
    pub field: ListField,
    /// Normalised ([`ListField::normalise`]).
    pub value: String,
    pub note: String,
    pub added_by: String,
    pub added_at: i64,
}

impl ListEntry {
    /// How the entry is named in a finding, a log line and the audit trail.
    pub fn describe(&self) -> String {
        format!(
            "{} {} {} (entry {})",
            self.kind.as_str(),
            self.field.as_str(),
            self.value,
            self.id
        )
    }
}

/// What is known of a message when a list is consulted: more at each SMTP stage.
#[derive(Debug, Default, Clone, Copy)]
pub struct Probe<'a> {
    pub client: Option<IpAddr>,
    /// The envelope sender (empty for the null sender).
    pub sender: Option<&'a str>,
    /// The address of the From header.
    pub from: Option<&'a str>,
    /// The units of every recipient (for an allow, every one must be allowed).
    pub recipient_units: Option<&'a [String]>,
}

/// The lists in memory, indexed for the milter: a handful of hash lookups per message.
#[derive(Debug, Default, Clone)]
pub struct Lists {
    entries: Vec<ListEntry>,
    /// (kind, field, value) → index into `entries`, for every field but `Ip`.
    exact: std::collections::HashMap<(ListKind, ListField, String), usize>,
    /// Networks, with the index of their entry.
    networks: Vec<(ListKind, IpNet, usize)>,
    /// Units on each list (for the all-recipients rule of an allow).
    units: HashSet<(ListKind, String)>,
}

impl Lists {
    pub fn new(entries: Vec<ListEntry>) -> Lists {
        let mut lists = Lists::default();
        for (i, e) in entries.iter().enumerate() {
            if e.field == ListField::Ip {
                if let Ok(n) = e.value.parse::<IpNet>() {
                    lists.networks.push((e.kind, n, i));
                }
            } else {
                lists.exact.insert((e.kind, e.field, e.value.clone()), i);
                if e.field == ListField::Unit {
                    lists.units.insert((e.kind, e.value.clone()));
                }
            }
        }
        lists.entries = entries;
        lists
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether the block list has an entry (of `field`, or of any field).
    pub fn blocks(&self, field: Option<ListField>) -> bool {
        self.entries
            .iter()
            .any(|e| e.kind == ListKind::Block && field.is_none_or(|f| e.field == f))
    }

    pub fn entries(&self) -> &[ListEntry] {
        &self.entries
    }

    /// The entry of `kind` that matches what is known, if any: a block before an allow.
    pub fn check(&self, probe: &Probe<'_>) -> Option<&ListEntry> {
        if self.entries.is_empty() {
            return None;
        }
        self.find(ListKind::Block, probe)
            .or_else(|| self.find(ListKind::Allow, probe))
    }

    /// The first entry of `kind` matching the probe.
    pub fn find(&self, kind: ListKind, probe: &Probe<'_>) -> Option<&ListEntry> {
        if self.entries.is_empty() {
            return None;
        }
        let exact = |field: ListField, value: &str| {
            self.exact
                .get(&(kind, field, value.to_owned()))
                .and_then(|&i| self.entries.get(i))
        };
        if let Some(ip) = probe.client
            && let Some((_, _, i)) = self
                .networks
                .iter()
                .find(|(k, n, _)| *k == kind && n.contains(&ip))
        {
            return self.entries.get(*i);
        }
        for (field, address) in [(ListField::Sender, probe.sender), (ListField::From, probe.from)] {
            let Some(a) = address.map(str::to_lowercase).filter(|a| !a.is_empty()) else {
                continue;
            };
            if let Some(e) = exact(field, &a) {
                return Some(e);
            }
            if let Some((_, domain)) = a.rsplit_once('@') {
                // The domain and each parent: a.b.example → b.example → example.
                let mut d = domain.trim_end_matches('.');
                loop {
                    if let Some(e) = exact(ListField::Domain, d) {
                        return Some(e);
                    }
                    match d.split_once('.') {
                        Some((_, rest)) if !rest.is_empty() => d = rest,
                        _ => break,
                    }
                }
            }
        }
        let units = probe.recipient_units.filter(|u| !u.is_empty())?;
        let on = |u: &String| self.units.contains(&(kind, u.to_lowercase()));
        // A block refuses mail to one blocked unit; an allow needs every recipient's unit.
        let hit = match kind {
            ListKind::Block => units.iter().find(|u| on(u)),
            ListKind::Allow => units.iter().all(on).then(|| &units[0]),
        }?;
        exact(ListField::Unit, &hit.to_lowercase())
    }
}

/// The lists in force, swapped whole when the store's change (each milter connection takes a
/// snapshot when it starts, as it does of the engine).
#[derive(Clone, Default)]
pub struct ListsHandle {
    current: std::sync::Arc<std::sync::RwLock<std::sync::Arc<Lists>>>,
}

impl ListsHandle {
    pub fn current(&self) -> std::sync::Arc<Lists> {
        match self.current.read() {
            Ok(g) => g.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }

    pub fn replace(&self, lists: Lists) {
        let mut g = match self.current.write() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        *g = std::sync::Arc::new(lists);
    }
}

/// The address in a From header's value (`Name <a@b>`, `a@b (Name)`, `a@b`), lower case; None
/// when there is none. Bounded: one pass over at most the first 2,048 bytes.
pub fn header_address(value: &str) -> Option<String> {
    let v = match value.char_indices().nth(2048) {
        Some((at, _)) => &value[..at],
        None => value,
    };
    let candidate = match (v.rfind('<'), v.rfind('>')) {
        (Some(open), Some(close)) if open < close => &v[open + 1..close],
        _ => v
            .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')' || c == '"')
            .find(|w| w.contains('@'))?,
    };
    let a = candidate
        .trim_matches(|c: char| c.is_whitespace() || c == '<' || c == '>')
        .to_lowercase();
    match a.rsplit_once('@') {
        Some((l, d)) if !l.is_empty() && !d.is_empty() => Some(a),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i64, kind: ListKind, field: ListField, value: &str) -> ListEntry {
        ListEntry {
            id,
            kind,
            field,
            value: field.normalise(value).expect("valid"),
            note: String::new(),
            added_by: "test".into(),
            added_at: 0,
        }
    }

    #[test]
    fn values_are_normalised_or_refused_by_name() {
        assert_eq!(ListField::Sender.normalise(" <A@B.vn> ").as_deref(), Ok("a@b.vn"));
        assert_eq!(
            ListField::Domain.normalise("*.Spam.Example.").as_deref(),
            Ok("spam.example")
        );
        assert_eq!(ListField::Ip.normalise("10.1.2.3/8").as_deref(), Ok("10.0.0.0/8"));
        assert_eq!(
            ListField::Ip.normalise("2001:db8::1").as_deref(),
            Ok("2001:db8::1/128")
        );
        for (f, bad) in [
            (ListField::Sender, "no-at-sign"),
            (ListField::From, "a@"),
            (ListField::Domain, "a..b"),
            (ListField::Ip, "10.0.0.300"),
            (ListField::Unit, "a unit"),
            (ListField::Domain, ""),
        ] {
            let e = f.normalise(bad).expect_err(bad);
            assert!(e.contains(&format!("{bad:?}")), "{e}");
        }
    }

    #[test]
    fn blocks_win_domains_cover_subdomains_and_allows_need_every_unit() {
        let lists = Lists::new(vec![
            entry(1, ListKind::Allow, ListField::Domain, "partner.vn"),
            entry(2, ListKind::Block, ListField::Sender, "bad@partner.vn"),
            entry(3, ListKind::Block, ListField::Ip, "203.0.113.0/24"),
            entry(4, ListKind::Allow, ListField::Unit, "soyte"),
            entry(5, ListKind::Block, ListField::From, "ceo@fake.example"),
            entry(6, ListKind::Block, ListField::Unit, "closed"),
        ]);
        let id = |p: Probe<'_>| lists.check(&p).map(|e| e.id);
        let p = |s: &'static str| Probe {
            sender: Some(s),
            ..Probe::default()
        };
        assert_eq!(id(p("a@mail.partner.vn")), Some(1));
        assert_eq!(id(p("A@Partner.VN")), Some(1));
        assert_eq!(id(p("bad@partner.vn")), Some(2), "a block wins over an allow");
        assert_eq!(id(p("a@notpartner.vn")), None);
        assert_eq!(
            id(Probe {
                client: "203.0.113.9".parse().ok(),
                ..p("a@partner.vn")
            }),
            Some(3)
        );
        assert_eq!(
            id(Probe {
                from: Some("ceo@fake.example"),
                ..Probe::default()
            }),
            Some(5)
        );
        let units = |u: &[&str]| u.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let both = units(&["soyte", "sotc"]);
        let one = units(&["soyte"]);
        let closed = units(&["sotc", "closed"]);
        let with = |u: &Vec<String>| {
            id(Probe {
                recipient_units: Some(u.as_slice()),
                ..Probe::default()
            })
        };
        assert_eq!(with(&one), Some(4));
        assert_eq!(with(&both), None, "one recipient outside the allowed unit");
        assert_eq!(with(&closed), Some(6), "one blocked unit is enough");
        assert_eq!(Lists::default().check(&p("a@partner.vn")), None);
    }

    #[test]
    fn from_header_addresses() {
        assert_eq!(header_address("\"Tên\" <A@B.vn>").as_deref(), Some("a@b.vn"));
        assert_eq!(header_address("a@b.vn (Tên)").as_deref(), Some("a@b.vn"));
        assert_eq!(header_address("a@b.vn").as_deref(), Some("a@b.vn"));
        assert_eq!(header_address("<\"Tên\" <a@b.vn>>").as_deref(), Some("a@b.vn"));
        assert_eq!(header_address("Tên không địa chỉ"), None);
        assert_eq!(header_address("<>"), None);
        let long = format!("{}<a@b.vn>", "x".repeat(100_000));
        assert_eq!(header_address(&long), None, "only the head is read");
    }
}
