//! Sender authentication (issue 20): SPF for the HELO and MAIL FROM identities, every DKIM
//! signature (RSA and Ed25519), DMARC (its policy found by the DNS tree walk, which needs no
//! public suffix list to keep up to date) and ARC, with the `mail-auth` crate, as symbols the
//! policy scores (`rules/scores.toml`) and one `Authentication-Results` header (RFC 8601).
//!
//! Mail from inside the province (an authenticated client, or one of `[local]
//! internal_networks`) is not checked against itself. Mail claiming a `[local]` domain from
//! outside that fails SPF and carries no aligned DKIM signature is `LOCAL_SENDER_FORGED`
//! (refused). A DNS failure is a `*_TEMPERROR` symbol, never a pass and never a refusal by
//! itself; the checks of one message share one deadline (`[auth] timeout_ms`). When the
//! resolver itself stops answering, the checks are skipped (a temporary error at once) until it
//! answers again, so a DNS outage does not cost every message the whole deadline ([`Health`]).
//!
//! Like clamd, this runs beside the content scan in the gateway (it waits on DNS, not on CPU);
//! it reads only the header section and the body hash, and runs in a task of its own, so a
//! panic in it costs the message a temporary error, never the gateway.

use super::{KnownSymbol, NotBefore};
use crate::config::{AuthConfig, LocalConfig};
use crate::message::{Envelope, ScanInput};
use crate::verdict::{Finding, Why};
use mail_auth::dmarc::Policy;
use mail_auth::dmarc::verify::DmarcParameters;
use mail_auth::hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolverConfig, ResolverOpts};
use mail_auth::hickory_resolver::system_conf::read_system_conf;
use mail_auth::spf::verify::SpfParameters;
use mail_auth::{
    AuthenticatedMessage, AuthenticationResults, DkimResult, DmarcResult, MX, MessageAuthenticator,
    Parameters, RecordSet, ResolverCache, SpfResult, Txt,
};
use serde::Serialize;
use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How often the resolver is probed, at most: while it is down (to see it back), and while it
/// is up (after checks that ended in a temporary error).
const PROBE_EVERY: Duration = Duration::from_secs(5);

/// Every symbol of sender authentication.
pub const SYMBOLS: &[&str] = &[
    "SPF_PASS",
    "SPF_FAIL",
    "SPF_SOFTFAIL",
    "SPF_NEUTRAL",
    "SPF_NONE",
    "SPF_TEMPERROR",
    "SPF_PERMERROR",
    "SPF_HELO_FAIL",
    "DKIM_VALID",
    "DKIM_INVALID",
    "DKIM_TEMPERROR",
    "DMARC_PASS",
    "DMARC_REJECT",
    "DMARC_REJECT_SCORED",
    "DMARC_QUARANTINE",
    "DMARC_FAIL_NONE",
    "DMARC_TEMPERROR",
    "ARC_VALID",
    "ARC_INVALID",
    "AUTH_TEMPERROR",
    "LOCAL_SENDER_FORGED",
];

/// The symbols this check emits.
pub fn symbols() -> Vec<KnownSymbol> {
    super::named(SYMBOLS)
}

/// What was found, for people and for `scan --json` (one word per method, as in the header).
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct AuthSummary {
    /// Why nothing was checked, when nothing was (`internal`, `authenticated`, `off`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
    pub spf_helo: String,
    pub spf_mail_from: String,
    /// One entry per signature: `pass d=example.org s=sel` or `fail d=… (why)`.
    pub dkim: Vec<String>,
    pub dmarc: String,
    pub dmarc_policy: String,
    pub arc: String,
    /// The `Authentication-Results` value (without its name).
    pub header: String,
}

/// The outcome of the checks on one message.
#[derive(Debug, Clone, Default)]
pub struct AuthOutcome {
    pub findings: Vec<Finding>,
    pub summary: AuthSummary,
}

/// DNS answers kept for their TTL, at most `limit` per cache (when full, it starts over: a
/// simple bound, not an LRU; a resolver in front does the rest).
struct Cache<K, V> {
    map: Mutex<HashMap<K, (V, Instant)>>,
    limit: usize,
}

impl<K: Hash + Eq, V: Clone> Cache<K, V> {
    fn new(limit: usize) -> Self {
        Cache {
            map: Mutex::new(HashMap::new()),
            limit: limit.max(1),
        }
    }
}

impl<K: Hash + Eq, V: Clone> ResolverCache<K, V> for Cache<K, V> {
    fn get<Q>(&self, name: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.get(name)
            .filter(|(_, until)| *until > Instant::now())
            .map(|(v, _)| v.clone())
    }

    fn remove<Q>(&self, name: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.remove(name).map(|(v, _)| v)
    }

    fn insert(&self, key: K, value: V, valid_until: Instant) {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= self.limit {
            map.clear();
        }
        map.insert(key, (value, valid_until));
    }
}

/// mail-auth's parameters with this gateway's DNS caches.
type Cached<'x, P> = Parameters<
    'x,
    P,
    Cache<Box<str>, Txt>,
    Cache<Box<str>, RecordSet<MX>>,
    Cache<Box<str>, RecordSet<Ipv4Addr>>,
    Cache<Box<str>, RecordSet<Ipv6Addr>>,
    Cache<IpAddr, RecordSet<Box<str>>>,
>;

struct Caches {
    txt: Cache<Box<str>, Txt>,
    mx: Cache<Box<str>, RecordSet<MX>>,
    ipv4: Cache<Box<str>, RecordSet<Ipv4Addr>>,
    ipv6: Cache<Box<str>, RecordSet<Ipv6Addr>>,
    ptr: Cache<IpAddr, RecordSet<Box<str>>>,
}

/// Whether the resolver answers at all. Checks that end in a temporary error (a query or the
/// whole deadline timed out) start a probe: one query for the province's own domain (the first
/// of `[local] domains`; the root's name servers without one), from a resolver of the same
/// servers that caches nothing, where any answer (even an error code) is a resolver alive. No
/// answer marks it down: every message's checks are then skipped at once (`AUTH_TEMPERROR`, as
/// a timeout would have ended them) and a probe every [`PROBE_EVERY`] looks for it back. A
/// domain whose own name servers are dead cannot trip this: the resolver still answers the
/// probe, so the checks of other mail go on. The province's domain, not the root, so that a
/// resolver that serves the government network's zones without reaching the Internet still
/// counts as alive (it can still tell forged province senders).
struct Health {
    prober: MessageAuthenticator,
    /// The probe's question.
    probe: (
        mail_auth::hickory_resolver::proto::rr::Name,
        mail_auth::hickory_resolver::proto::rr::RecordType,
    ),
    down: AtomicBool,
    probing: AtomicBool,
    /// No new probe starts before this ([`PROBE_EVERY`]).
    next_probe: NotBefore,
    timeout: Duration,
}

impl Health {
    /// Whether the resolver answers a query it cannot have cached (within the query timeout).
    async fn resolver_answers(&self) -> bool {
        use mail_auth::hickory_resolver::net::NetError;
        let (name, kind) = self.probe.clone();
        let query = self.prober.resolver().lookup(name, kind);
        match tokio::time::timeout(self.timeout + Duration::from_secs(1), query).await {
            Ok(Ok(_)) | Ok(Err(NetError::Dns(_))) => true,
            Ok(Err(e)) => {
                tracing::debug!(error = %e, "DNS resolver probe: no answer");
                false
            }
            Err(_) => false,
        }
    }
}

/// The sender authentication checks, with their resolver and DNS caches (shared by every
/// message; kept across reloads only as long as the engine).
pub struct SenderAuth {
    authenticator: MessageAuthenticator,
    health: Health,
    caches: Caches,
    config: AuthConfig,
    local: LocalConfig,
    authserv_id: String,
}

/// The host name of this machine (the default authserv-id).
fn host_name() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length; gethostname writes at most that much.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    match std::str::from_utf8(&buf[..end]) {
        Ok(name) if rc == 0 && !name.is_empty() => name.to_owned(),
        _ => "canhgac".to_owned(),
    }
}

/// An RFC 8601 authserv-id: a host name's characters only (a configuration value goes into a
/// header).
fn clean_id(id: &str) -> String {
    let id: String = id
        .trim()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    if id.is_empty() { "canhgac".to_owned() } else { id }
}

impl SenderAuth {
    /// The checks of a configuration (`[auth]`, `[local]`, `[milter] authserv_id`); the
    /// resolver is the configured servers' or the system's.
    pub fn new(config: &AuthConfig, local: &LocalConfig, authserv_id: &str) -> Result<SenderAuth, String> {
        let mut opts = ResolverOpts::default();
        opts.timeout = Duration::from_millis(config.query_timeout_ms);
        opts.attempts = 1;
        // The resolver's own cache keeps what mail-auth's caches do not: negative answers (the
        // DMARC tree walk asks for `_dmarc.TLD` on every message), for their SOA's TTL.
        opts.cache_size = config.cache_entries as u64;
        let make = |opts: ResolverOpts| {
            if config.resolvers.is_empty() {
                // The system's servers with this configuration's timeouts and cache.
                let servers = read_system_conf()
                    .map(|(servers, _)| servers)
                    .unwrap_or_else(|_| ResolverConfig::from_name_servers(Vec::new()));
                MessageAuthenticator::new(servers, opts)
            } else {
                let servers = config
                    .resolvers
                    .iter()
                    .filter_map(|r| AuthConfig::resolver_addr(r))
                    .map(|addr| {
                        let mut udp = ConnectionConfig::udp();
                        udp.port = addr.port();
                        let mut tcp = ConnectionConfig::tcp();
                        tcp.port = addr.port();
                        NameServerConfig::new(addr.ip(), true, vec![udp, tcp])
                    })
                    .collect();
                MessageAuthenticator::new(ResolverConfig::from_name_servers(servers), opts)
            }
            .map_err(|e| format!("[auth] the DNS resolver cannot be set up: {e}"))
        };
        let authenticator = make(opts.clone())?;
        // The probe's resolver keeps nothing: an answer from a cache would hide a dead server.
        let mut uncached = opts;
        uncached.cache_size = 0;
        uncached.positive_max_ttl = Some(Duration::ZERO);
        uncached.negative_max_ttl = Some(Duration::ZERO);
        let probe = {
            use mail_auth::hickory_resolver::proto::rr::{Name, RecordType};
            let own = local
                .domains
                .iter()
                .map(|d| d.trim().trim_start_matches("*.").trim_matches('.'))
                .find(|d| !d.is_empty())
                .and_then(|d| Name::from_str_relaxed(format!("{d}.")).ok());
            match own {
                Some(name) => (name, RecordType::SOA),
                None => (Name::root(), RecordType::NS),
            }
        };
        let health = Health {
            prober: make(uncached)?,
            probe,
            down: AtomicBool::new(false),
            probing: AtomicBool::new(false),
            next_probe: NotBefore::new(),
            timeout: Duration::from_millis(config.query_timeout_ms),
        };
        let n = config.cache_entries;
        Ok(SenderAuth {
            authenticator,
            health,
            caches: Caches {
                txt: Cache::new(n),
                mx: Cache::new(n),
                ipv4: Cache::new(n),
                ipv6: Cache::new(n),
                ptr: Cache::new(n),
            },
            config: config.clone(),
            local: local.clone(),
            authserv_id: if authserv_id.trim().is_empty() {
                clean_id(&host_name())
            } else {
                clean_id(authserv_id)
            },
        })
    }

    /// The authserv-id of the headers this gateway writes.
    pub fn authserv_id(&self) -> &str {
        &self.authserv_id
    }

    fn params<P>(&self, p: P) -> Cached<'_, P> {
        Parameters {
            params: p,
            cache_txt: Some(&self.caches.txt),
            cache_mx: Some(&self.caches.mx),
            cache_ptr: Some(&self.caches.ptr),
            cache_ipv4: Some(&self.caches.ipv4),
            cache_ipv6: Some(&self.caches.ipv6),
        }
    }

    /// Whether the client is the province's own: authenticated, or in an internal network.
    fn internal(&self, env: &Envelope) -> Option<&'static str> {
        if env.auth_user.as_deref().is_some_and(|u| !u.is_empty()) {
            return Some("authenticated");
        }
        let ip = env.client_addr?;
        self.local
            .internal_networks
            .iter()
            .any(|n| n.contains(ip))
            .then_some("internal")
    }

    /// Checks one message (within `[auth] timeout_ms`; what did not finish is a temporary
    /// error).
    pub async fn check(self: &Arc<Self>, input: Arc<ScanInput>) -> AuthOutcome {
        let env = &input.envelope;
        let id = self.authserv_id.clone();
        if let Some(why) = self.internal(env) {
            let header = match env.auth_user.as_deref().filter(|u| !u.is_empty()) {
                Some(user) => format!("{id}; auth=pass smtp.auth={}", pvalue(user)),
                None => format!("{id}; none"),
            };
            return AuthOutcome {
                findings: Vec::new(),
                summary: AuthSummary {
                    skipped: Some(why.to_owned()),
                    header,
                    ..AuthSummary::default()
                },
            };
        }
        if self.health.down.load(Ordering::Relaxed) {
            self.probe();
            return temporary(
                &id,
                &format!(
                    "not checked: the DNS resolver does not answer (asked again every {} s)",
                    PROBE_EVERY.as_secs()
                ),
                Why::new("auth_resolver_down").value("s", PROBE_EVERY.as_secs()),
            );
        }
        let me = self.clone();
        let input2 = input.clone();
        let limit = Duration::from_millis(self.config.timeout_ms);
        // A task of its own: a panic in the checks is a join error here, not a dead connection.
        let work = tokio::spawn(async move { me.check_here(&input2.envelope, &input2.raw).await });
        let abort = work.abort_handle();
        let outcome = match tokio::time::timeout(limit, work).await {
            Ok(Ok(outcome)) => outcome,
            Ok(Err(e)) => {
                tracing::error!(error = %e, "sender authentication failed on this message");
                return temporary(&id, "the checks failed on this message", Why::new("auth_failed"));
            }
            Err(_) => {
                abort.abort();
                temporary(
                    &id,
                    &format!(
                        "the checks did not finish within {} ms (auth.timeout_ms)",
                        limit.as_millis()
                    ),
                    Why::new("auth_timeout").value("ms", limit.as_millis()),
                )
            }
        };
        if outcome.findings.iter().any(|f| f.symbol.ends_with("_TEMPERROR")) {
            self.probe();
        }
        outcome
    }

    /// The resolvers asked, for people: `[auth] resolvers`, or `system` for /etc/resolv.conf's.
    pub fn resolvers(&self) -> String {
        if self.config.resolvers.is_empty() {
            "system".to_owned()
        } else {
            self.config.resolvers.join(",")
        }
    }

    /// Whether the resolver is taken for down (checks skipped until a probe gets an answer).
    pub fn resolver_down(&self) -> bool {
        self.health.down.load(Ordering::Relaxed)
    }

    /// Starts a probe of the resolver ([`Health`]) unless one runs or one ran less than
    /// [`PROBE_EVERY`] ago; what it finds is logged when it changes.
    fn probe(self: &Arc<Self>) {
        let h = &self.health;
        if !h.next_probe.passed() || h.probing.swap(true, Ordering::AcqRel) {
            return;
        }
        let me = self.clone();
        tokio::spawn(async move {
            let h = &me.health;
            let answers = h.resolver_answers().await;
            h.next_probe.wait(PROBE_EVERY);
            let was_down = h.down.swap(!answers, Ordering::AcqRel);
            if answers && was_down {
                tracing::info!(
                    resolvers = %me.resolvers(),
                    "the DNS resolver answers again: sender authentication resumes"
                );
            } else if !answers && !was_down {
                tracing::warn!(
                    resolvers = %me.resolvers(),
                    "the DNS resolver does not answer: sender authentication is skipped \
                     (AUTH_TEMPERROR, never a pass) until it does; check [auth] resolvers"
                );
            }
            h.probing.store(false, Ordering::Release);
        });
    }

    async fn check_here(&self, env: &Envelope, raw: &[u8]) -> AuthOutcome {
        let id = self.authserv_id.as_str();
        let Some(mut message) = AuthenticatedMessage::parse(raw) else {
            return AuthOutcome {
                findings: Vec::new(),
                summary: AuthSummary {
                    skipped: Some("unparsable".to_owned()),
                    header: format!("{id}; none"),
                    ..AuthSummary::default()
                },
            };
        };
        // A From whose name and address a mailer encoded whole as one encoded word has no
        // address for mail-auth, but mail readers show one: DMARC is evaluated for the domain
        // they show (a spoofed "Bank <no-reply@bank.example>" so hidden is the bank's p=reject
        // like any), and a province domain claimed so is checked as any.
        if message.from.is_empty() {
            message.from.extend(crate::message::from_address_in_name(raw));
        }
        let mut findings = Vec::new();
        let mut summary = AuthSummary::default();
        let helo = env.helo.trim();
        let mail_from = env.mail_from.trim();
        let from_domain = |a: &str| {
            a.rsplit_once('@')
                .map(|(_, d)| d.trim_end_matches('>').to_ascii_lowercase())
        };
        let mail_from_domain = if mail_from.is_empty() {
            helo.to_ascii_lowercase()
        } else {
            from_domain(mail_from).unwrap_or_default()
        };
        let mut results = AuthenticationResults::new(id);
        // SPF for both identities (only with the client's address: `canhgac scan` of a file
        // has none), every DKIM signature and the ARC chain: asked of DNS at once, so a slow
        // server costs one round of lookups rather than four.
        let sender = if mail_from.is_empty() {
            format!("postmaster@{helo}")
        } else {
            mail_from.to_owned()
        };
        let spf_helo = async {
            match env.client_addr {
                Some(ip) if !helo.is_empty() => Some(
                    self.authenticator
                        .verify_spf(self.params(SpfParameters::verify_ehlo(ip, helo, id)))
                        .await,
                ),
                _ => None,
            }
        };
        let spf_mail = async {
            match env.client_addr {
                Some(ip) => Some(
                    self.authenticator
                        .verify_spf(self.params(SpfParameters::verify_mail_from(ip, helo, id, &sender)))
                        .await,
                ),
                None => None,
            }
        };
        let (spf_helo, spf, dkim, arc) = tokio::join!(
            spf_helo,
            spf_mail,
            self.authenticator.verify_dkim(self.params(&message)),
            self.authenticator.verify_arc(self.params(&message)),
        );
        if let (Some(ip), Some(out)) = (env.client_addr, &spf_helo) {
            summary.spf_helo = spf_word(out.result()).to_owned();
            if out.result() == SpfResult::Fail {
                findings.push(
                    Finding::new(
                        "SPF_HELO_FAIL",
                        format!("SPF of the HELO name {helo}: fail for {ip}"),
                        "envelope",
                    )
                    .with_why(Why::new("spf_helo").value("helo", helo).value("ip", ip)),
                );
            }
            results = results.with_spf_ehlo_result(out, ip, helo);
        }
        if let (Some(ip), Some(out)) = (env.client_addr, &spf) {
            summary.spf_mail_from = spf_word(out.result()).to_owned();
            let symbol = match out.result() {
                SpfResult::Pass => "SPF_PASS",
                SpfResult::Fail => "SPF_FAIL",
                SpfResult::SoftFail => "SPF_SOFTFAIL",
                SpfResult::Neutral => "SPF_NEUTRAL",
                SpfResult::TempError => "SPF_TEMPERROR",
                SpfResult::PermError => "SPF_PERMERROR",
                SpfResult::None => "SPF_NONE",
            };
            let word = spf_word(out.result());
            let why = if mail_from.is_empty() {
                Why::new("spf_bounce").value("helo", helo)
            } else {
                Why::new("spf").value("sender", mail_from)
            };
            findings.push(
                Finding::new(
                    symbol,
                    format!(
                        "SPF of {}: {word} for {ip}",
                        if mail_from.is_empty() {
                            "the bounce's HELO name"
                        } else {
                            mail_from
                        }
                    ),
                    "envelope",
                )
                .with_why(why.term("result", result_term(word)).value("ip", ip)),
            );
            results = results.with_spf_mailfrom_result(out, ip, mail_from, helo);
        }
        let header_from = message.from.first().cloned().unwrap_or_default();
        let header_from_domain = from_domain(&header_from).unwrap_or_default();
        for d in &dkim {
            let (domain, selector) = d
                .signature()
                .map_or((String::new(), String::new()), |s| (s.d.clone(), s.s.clone()));
            summary
                .dkim
                .push(format!("{} d={domain} s={selector}", dkim_word(d.result())));
        }
        let passed: Vec<String> = dkim
            .iter()
            .filter(|d| matches!(d.result(), DkimResult::Pass))
            .filter_map(|d| d.signature().map(|s| s.d.to_ascii_lowercase()))
            .collect();
        if !passed.is_empty() {
            findings.push(
                Finding::new(
                    "DKIM_VALID",
                    format!("valid DKIM signature of {}", passed.join(", ")),
                    "headers",
                )
                .with_why(Why::new("dkim_valid").value("domains", passed.join(", "))),
            );
        } else if dkim
            .iter()
            .any(|d| matches!(d.result(), DkimResult::TempError(_)))
        {
            findings.push(
                Finding::new(
                    "DKIM_TEMPERROR",
                    "a DKIM key could not be fetched (DNS)",
                    "headers",
                )
                .with_why(Why::new("dkim_temperror")),
            );
        } else if let Some(bad) = dkim.iter().find(|d| {
            matches!(
                d.result(),
                DkimResult::Fail(_) | DkimResult::PermError(_) | DkimResult::Neutral(_)
            )
        }) {
            let word = dkim_word(bad.result());
            // A signature mail-auth could not read (or would not trust, as one limited to a
            // length of the body) comes without its fields.
            let (domain, why) = match bad.signature() {
                Some(s) => (s.d.as_str(), Why::new("dkim_invalid").value("domain", &s.d)),
                None => ("?", Why::new("dkim_unreadable")),
            };
            findings.push(
                Finding::new(
                    "DKIM_INVALID",
                    format!("DKIM signature of {domain}: {word}"),
                    "headers",
                )
                .with_why(why.term("result", result_term(word))),
            );
        }
        results = results.with_dkim_results(&dkim, &header_from);
        // ARC.
        let sealer = arc
            .sets()
            .iter()
            .max_by_key(|s| s.seal.header.i)
            .map(|s| s.seal.header.d.to_ascii_lowercase());
        summary.arc = dkim_word(arc.result()).to_owned();
        match arc.result() {
            DkimResult::Pass => {
                let sealer = sealer.as_deref().unwrap_or("?");
                findings.push(
                    Finding::new(
                        "ARC_VALID",
                        format!("valid ARC chain, last sealed by {sealer}"),
                        "headers",
                    )
                    .with_why(Why::new("arc_valid").value("sealer", sealer)),
                )
            }
            DkimResult::None => {}
            other => findings.push(
                Finding::new(
                    "ARC_INVALID",
                    format!("ARC chain: {}", dkim_word(other)),
                    "headers",
                )
                .with_why(Why::new("arc_invalid").term("result", result_term(dkim_word(other)))),
            ),
        }
        if let Some(ip) = env.client_addr {
            results = results.with_arc_result(&arc, ip);
        }
        // DMARC, with the SPF result of MAIL FROM (none without a client address).
        let no_spf = mail_auth::SpfOutput::new(mail_from_domain.clone());
        let spf_out = spf.as_ref().unwrap_or(&no_spf);
        // A From naming several domains (several addresses in the field, or several From fields,
        // which RFC 5322 forbids and readers show one of) is checked for each of them, and the
        // strictest policy among those that fail applies (RFC 7489 §6.6.1); mail-auth exempts
        // such mail from DMARC, which a spoofer adding their own address would use.
        let mut from_domains: Vec<String> = Vec::new();
        for d in message.from.iter().filter_map(|a| from_domain(a)) {
            if !d.is_empty() && !from_domains.contains(&d) {
                from_domains.push(d);
            }
        }
        let dmarc = if from_domains.len() <= 1 {
            self.authenticator
                .verify_dmarc(self.params(DmarcParameters::new(&message, &dkim, &mail_from_domain, spf_out)))
                .await
        } else {
            let mut strictest: Option<mail_auth::DmarcOutput> = None;
            for d in from_domains.iter().take(MAX_FROM_DOMAINS) {
                // DMARC reads nothing of the message but its From addresses.
                let one = AuthenticatedMessage {
                    from: vec![format!("author@{d}")],
                    ..AuthenticatedMessage::default()
                };
                let out = self
                    .authenticator
                    .verify_dmarc(self.params(DmarcParameters::new(&one, &dkim, &mail_from_domain, spf_out)))
                    .await;
                if strictest
                    .as_ref()
                    .is_none_or(|s| dmarc_strictness(&out) > dmarc_strictness(s))
                {
                    strictest = Some(out);
                }
            }
            strictest.unwrap_or_default()
        };
        let policy = dmarc.policy();
        summary.dmarc_policy = match policy {
            Policy::Reject => "reject",
            Policy::Quarantine => "quarantine",
            Policy::None | Policy::Unspecified => "none",
        }
        .to_owned();
        let dmarc_result = dmarc.result();
        summary.dmarc = dmarc_word(&dmarc_result).to_owned();
        let trusted_arc = matches!(arc.result(), DkimResult::Pass)
            && sealer.as_deref().is_some_and(|s| {
                self.config
                    .trusted_arc_sealers
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(s))
            });
        let dmarc_domain = dmarc.domain().to_owned();
        match &dmarc_result {
            DmarcResult::Pass => findings.push(
                Finding::new("DMARC_PASS", format!("DMARC of {dmarc_domain}: pass"), "headers")
                    .with_why(Why::new("dmarc_pass").value("domain", &dmarc_domain)),
            ),
            DmarcResult::None => {}
            DmarcResult::TempError(_) => findings.push(
                Finding::new(
                    "DMARC_TEMPERROR",
                    format!("DMARC of {dmarc_domain}: temporary DNS error"),
                    "headers",
                )
                .with_why(Why::new("dmarc_temperror").value("domain", &dmarc_domain)),
            ),
            DmarcResult::Fail(_) | DmarcResult::PermError(_) => {
                let sealer = sealer.as_deref().unwrap_or("?");
                let (symbol, detail, key) = match policy {
                    Policy::Reject if trusted_arc => (
                        "DMARC_REJECT_SCORED",
                        format!(
                            "fails, policy reject; a valid ARC chain sealed by trusted {sealer} vouches for it"
                        ),
                        "dmarc_reject_vouched",
                    ),
                    Policy::Reject if !self.config.dmarc_reject => (
                        "DMARC_REJECT_SCORED",
                        "fails, policy reject (auth.dmarc_reject = false: scored)".to_owned(),
                        "dmarc_reject_scored",
                    ),
                    Policy::Reject => (
                        "DMARC_REJECT",
                        "fails, and its owner asks receivers to reject it (p=reject)".to_owned(),
                        "dmarc_reject",
                    ),
                    Policy::Quarantine => (
                        "DMARC_QUARANTINE",
                        "fails, policy quarantine".to_owned(),
                        "dmarc_quarantine",
                    ),
                    Policy::None | Policy::Unspecified => (
                        "DMARC_FAIL_NONE",
                        "fails, policy none".to_owned(),
                        "dmarc_fail_none",
                    ),
                };
                let mut why = Why::new(key).value("domain", &dmarc_domain);
                if key == "dmarc_reject_vouched" {
                    why = why.value("sealer", sealer);
                }
                findings.push(
                    Finding::new(symbol, format!("DMARC of {dmarc_domain}: {detail}"), "headers")
                        .with_why(why),
                );
            }
        }
        if !dmarc_domain.is_empty() {
            results = results.with_dmarc_result(&dmarc);
        }
        // The province's own domains, claimed from outside.
        let claimed: Vec<&str> = [header_from_domain.as_str(), mail_from_domain.as_str()]
            .into_iter()
            .filter(|d| !d.is_empty() && self.local.is_local(&format!("x@{d}")))
            .collect();
        if let Some(claim) = claimed.first() {
            let spf_result = spf.as_ref().map_or(SpfResult::None, |s| s.result());
            let aligned_dkim = passed.iter().any(|d| self.local.is_local(&format!("x@{d}")));
            let temporary = spf_result == SpfResult::TempError
                || dkim
                    .iter()
                    .any(|d| matches!(d.result(), DkimResult::TempError(_)));
            if spf_result != SpfResult::Pass && !aligned_dkim && !temporary {
                findings.push(
                    Finding::new(
                        "LOCAL_SENDER_FORGED",
                        format!(
                            "Message claims to be from the province's domain {claim} but was sent from outside, unauthenticated, failing SPF ({}) without an aligned DKIM signature",
                            spf_word(spf_result)
                        ),
                        "envelope",
                    )
                    .with_why(
                        Why::new("local_sender_forged")
                            .value("domain", claim)
                            .term("spf", result_term(spf_word(spf_result))),
                    ),
                );
            }
        }
        summary.header = results.to_string().replace("\r\n", "\n");
        AuthOutcome { findings, summary }
    }
}

/// What a domain publishes for sender authentication (for `canhgac doctor`): each record, or
/// `Ok(None)` when there is none, or why DNS did not say.
#[derive(Debug, Clone)]
pub struct Published {
    pub spf: Result<Option<String>, String>,
    pub dmarc: Result<Option<String>, String>,
    /// (selector, record) of the common selectors that have a key.
    pub dkim: Vec<(String, String)>,
}

/// DKIM selectors tried by `canhgac doctor` (a domain's selectors are not discoverable).
pub const COMMON_SELECTORS: &[&str] = &[
    "default",
    "mail",
    "dkim",
    "selector1",
    "selector2",
    "s1",
    "s2",
    "google",
];

impl SenderAuth {
    /// The TXT records of `name` that start with `prefix` (case-insensitive).
    async fn txt_starting(&self, name: &str, prefix: &str) -> Result<Option<String>, String> {
        use mail_auth::hickory_resolver::net::{DnsError, NetError};
        use mail_auth::hickory_resolver::proto::rr::{Name, RData};
        let name =
            Name::from_str_relaxed(format!("{}.", name.trim_end_matches('.'))).map_err(|e| e.to_string())?;
        match self.authenticator.resolver().txt_lookup(name).await {
            Ok(lookup) => Ok(lookup.answers().iter().find_map(|r| match &r.data {
                RData::TXT(t) => {
                    let text: Vec<u8> = t.txt_data.iter().flat_map(|d| d.iter().copied()).collect();
                    let text = String::from_utf8_lossy(&text).into_owned();
                    text.to_ascii_lowercase().starts_with(prefix).then_some(text)
                }
                _ => None,
            })),
            Err(NetError::Dns(DnsError::NoRecordsFound(_))) => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    }

    /// The SPF, DMARC and (common selectors') DKIM records `domain` publishes.
    pub async fn published(&self, domain: &str) -> Published {
        let spf = self.txt_starting(domain, "v=spf1").await;
        let dmarc = self.txt_starting(&format!("_dmarc.{domain}"), "v=dmarc1").await;
        let mut dkim = Vec::new();
        if spf.is_ok() {
            for sel in COMMON_SELECTORS {
                if let Ok(Some(key)) = self
                    .txt_starting(&format!("{sel}._domainkey.{domain}"), "v=dkim1")
                    .await
                {
                    dkim.push(((*sel).to_owned(), key));
                }
            }
        }
        Published { spf, dmarc, dkim }
    }
}

/// The outcome when the checks could not finish: a temporary error, no pass.
fn temporary(id: &str, detail: &str, why: Why) -> AuthOutcome {
    AuthOutcome {
        findings: vec![
            Finding::new(
                "AUTH_TEMPERROR",
                format!("Sender authentication: {detail}"),
                "message",
            )
            .with_why(why),
        ],
        summary: AuthSummary {
            spf_mail_from: "temperror".to_owned(),
            dmarc: "temperror".to_owned(),
            header: format!("{id}; spf=temperror; dkim=temperror; dmarc=temperror"),
            ..AuthSummary::default()
        },
    }
}

/// A property value as RFC 8601 writes it (quoted when it is not a plain token).
fn pvalue(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "@.-_+".contains(c))
    {
        s.to_owned()
    } else {
        format!(
            "\"{}\"",
            s.chars()
                .filter(|c| !c.is_control() && *c != '"' && *c != '\\')
                .collect::<String>()
        )
    }
}

fn spf_word(r: SpfResult) -> &'static str {
    match r {
        SpfResult::Pass => "pass",
        SpfResult::Fail => "fail",
        SpfResult::SoftFail => "softfail",
        SpfResult::Neutral => "neutral",
        SpfResult::TempError => "temperror",
        SpfResult::PermError => "permerror",
        SpfResult::None => "none",
    }
}

fn dkim_word(r: &DkimResult) -> &'static str {
    match r {
        DkimResult::Pass => "pass",
        DkimResult::Neutral(_) => "neutral",
        DkimResult::Fail(_) => "fail",
        DkimResult::PermError(_) => "permerror",
        DkimResult::TempError(_) => "temperror",
        DkimResult::None => "none",
    }
}

/// The From domains whose DMARC is checked for one message (a field listing more is a spoofer's
/// or a mailing tool's, and the strictest of the first ones decides).
const MAX_FROM_DOMAINS: usize = 8;

/// How strict a DMARC outcome is, for the strictest of several author domains: a failure with
/// its policy (reject, quarantine, none) above a temporary error above a pass or no policy.
fn dmarc_strictness(o: &mail_auth::DmarcOutput) -> u8 {
    match o.result() {
        DmarcResult::Fail(_) | DmarcResult::PermError(_) => match o.policy() {
            Policy::Reject => 5,
            Policy::Quarantine => 4,
            Policy::None | Policy::Unspecified => 3,
        },
        DmarcResult::TempError(_) => 2,
        DmarcResult::Pass => 1,
        DmarcResult::None => 0,
    }
}

/// The `[terms]` key (rules/findings.toml) of an SPF, DKIM or ARC result word, so an officer
/// reads the result in Vietnamese.
fn result_term(word: &str) -> &'static str {
    match word {
        "pass" => "auth_pass",
        "fail" => "auth_fail",
        "softfail" => "auth_softfail",
        "neutral" => "auth_neutral",
        "temperror" => "auth_temperror",
        "permerror" => "auth_permerror",
        _ => "auth_none",
    }
}

fn dmarc_word(r: &DmarcResult) -> &'static str {
    match r {
        DmarcResult::Pass => "pass",
        DmarcResult::Fail(_) => "fail",
        DmarcResult::TempError(_) => "temperror",
        DmarcResult::PermError(_) => "permerror",
        DmarcResult::None => "none",
    }
}

/// What the checks parse from hostile hands, for the fuzz target `auth`: a message's header
/// section (DKIM-Signature, ARC sets, From) and the DNS records a sender's domain publishes
/// (SPF, DMARC, DKIM key). Returns how many things were read.
pub fn parse_hostile(data: &[u8]) -> usize {
    use mail_auth::common::parse::TxtRecordParser;
    let mut n = 0;
    if let Some(m) = AuthenticatedMessage::parse(data) {
        n += m.from.len() + m.headers.len();
    }
    n += usize::from(mail_auth::spf::Spf::parse(data).is_ok());
    n += usize::from(mail_auth::dmarc::Dmarc::parse(data).is_ok());
    n += usize::from(mail_auth::common::verify::DomainKey::parse(data).is_ok());
    n
}

/// The authserv-id an `Authentication-Results` value names (the text before its first `;`,
/// without comments or a version), lower case.
pub fn authserv_id_of(value: &str) -> String {
    let head = value.split(';').next().unwrap_or_default();
    let head = head.split('(').next().unwrap_or_default();
    head.split_whitespace()
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_authserv_id_of_a_header_value() {
        assert_eq!(
            authserv_id_of(" mx.lamdong.gov.vn; spf=pass"),
            "mx.lamdong.gov.vn"
        );
        assert_eq!(authserv_id_of("MX.Lamdong.gov.vn 1; none"), "mx.lamdong.gov.vn");
        assert_eq!(authserv_id_of("mx (comment); none"), "mx");
        assert_eq!(authserv_id_of(""), "");
        assert_eq!(
            clean_id("mx.lamdong.gov.vn\r\nX-Evil: 1"),
            "mx.lamdong.gov.vnX-Evil1"
        );
    }
}
