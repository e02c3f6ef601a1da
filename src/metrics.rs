//! Prometheus metrics, `canhgac_` names after Prometheus's conventions (`_total` counters,
//! `_seconds` and `_bytes` units). One [`Metrics`] per running gateway, shared by its milter
//! connections: they count messages, symbols, bytes and timings as they happen; what lives in
//! the store or the worker pool (alerts pending, held messages, store size, worker restarts,
//! clamd up) is read when scraped ([`Gauges`]). Served by `canhgac serve` on `[metrics] listen`
//! with `/healthz` and `/readyz` (see [`crate::server`]).

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::{Registry, Unit};
use std::sync::atomic::AtomicU64;

/// A verdict's labels: what was done and why (the deciding symbol, `score`, or `clean`).
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct VerdictLabels {
    pub action: String,
    pub reason: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct SymbolLabels {
    pub symbol: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ScannerLabels {
    pub scanner: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct EndpointLabels {
    pub endpoint: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ResolverLabels {
    pub resolvers: String,
}

type Timings<L> = Family<L, Histogram, fn() -> Histogram>;

fn scan_buckets() -> Histogram {
    // 0.5 ms … 16 s.
    Histogram::new(exponential_buckets(0.0005, 2.0, 16))
}

fn eom_buckets() -> Histogram {
    // 1 ms … 65 s (the scan timeout's range).
    Histogram::new(exponential_buckets(0.001, 2.0, 17))
}

/// The gateway's metrics. Counters move where things happen; [`Metrics::encode`] sets the
/// gauges read at scrape time first.
pub struct Metrics {
    registry: Registry,
    messages: Family<VerdictLabels, Counter>,
    symbols: Family<SymbolLabels, Counter>,
    scanned_bytes: Counter,
    scanner_seconds: Timings<ScannerLabels>,
    end_of_message_seconds: Histogram,
    milter_connections: Gauge,
    scan_permits_in_use: Gauge,
    worker_restarts: Counter<u64, AtomicU64>,
    clamd_up: Family<EndpointLabels, Gauge>,
    clamd_ping_seconds: Family<EndpointLabels, Gauge<f64, AtomicU64>>,
    dns_resolver_up: Family<ResolverLabels, Gauge>,
    alerts_pending: Gauge,
    alerts_oldest_pending_seconds: Gauge,
    held_messages: Gauge,
    store_bytes: Gauge,
}

/// What is read when scraped, from the store, the engine and clamd.
#[derive(Debug, Default, Clone)]
pub struct Gauges {
    pub scan_permits_in_use: i64,
    /// Workers that died on a message since start (a counter kept by the pool).
    pub worker_restarts: u64,
    /// Each clamd endpoint: answered PING, and in how many seconds.
    pub clamd: Vec<(String, bool, f64)>,
    /// Sender authentication's resolvers (`system` for /etc/resolv.conf's) and whether they
    /// answer (false: the checks are being skipped); None when authentication is off.
    pub dns_resolver: Option<(String, bool)>,
    pub alerts_pending: i64,
    pub alerts_oldest_pending_seconds: i64,
    pub held_messages: i64,
    pub store_bytes: i64,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("canhgac");
        let m = Metrics {
            messages: Family::default(),
            symbols: Family::default(),
            scanned_bytes: Counter::default(),
            scanner_seconds: Family::new_with_constructor(scan_buckets),
            end_of_message_seconds: eom_buckets(),
            milter_connections: Gauge::default(),
            scan_permits_in_use: Gauge::default(),
            worker_restarts: Counter::default(),
            clamd_up: Family::default(),
            clamd_ping_seconds: Family::default(),
            dns_resolver_up: Family::default(),
            alerts_pending: Gauge::default(),
            alerts_oldest_pending_seconds: Gauge::default(),
            held_messages: Gauge::default(),
            store_bytes: Gauge::default(),
            registry: Registry::default(),
        };
        let r = &mut registry;
        r.register(
            "messages",
            "Messages by verdict action and reason (the deciding symbol, score, or clean)",
            m.messages.clone(),
        );
        r.register("symbols", "Findings by symbol", m.symbols.clone());
        r.register_with_unit(
            "scanned",
            "Bytes of messages scanned",
            Unit::Bytes,
            m.scanned_bytes.clone(),
        );
        r.register_with_unit(
            "scanner_duration",
            "Time each scanner took on a message",
            Unit::Seconds,
            m.scanner_seconds.clone(),
        );
        r.register_with_unit(
            "end_of_message_duration",
            "From Postfix's end of message to our answer (scan, policy, hold)",
            Unit::Seconds,
            m.end_of_message_seconds.clone(),
        );
        r.register(
            "milter_connections",
            "Milter connections open",
            m.milter_connections.clone(),
        );
        r.register(
            "scan_permits_in_use",
            "Messages being scanned at once (of [milter] scan_concurrency)",
            m.scan_permits_in_use.clone(),
        );
        r.register(
            "worker_restarts",
            "Scanning workers that died on a message and were replaced",
            m.worker_restarts.clone(),
        );
        r.register(
            "clamd_up",
            "Whether a clamd endpoint answers PING",
            m.clamd_up.clone(),
        );
        r.register_with_unit(
            "clamd_ping_duration",
            "How long a clamd endpoint took to answer PING when scraped",
            Unit::Seconds,
            m.clamd_ping_seconds.clone(),
        );
        r.register(
            "dns_resolver_up",
            "Whether sender authentication's DNS resolver answers (0: its checks are skipped)",
            m.dns_resolver_up.clone(),
        );
        r.register(
            "alerts_pending",
            "Alerts in the outbox not yet sent",
            m.alerts_pending.clone(),
        );
        r.register_with_unit(
            "alerts_oldest_pending_age",
            "Age of the oldest alert not yet sent (0 when none)",
            Unit::Seconds,
            m.alerts_oldest_pending_seconds.clone(),
        );
        r.register(
            "held_messages",
            "Messages held in the quarantine awaiting review",
            m.held_messages.clone(),
        );
        r.register_with_unit(
            "store_size",
            "Size of the quarantine store's files",
            Unit::Bytes,
            m.store_bytes.clone(),
        );
        Metrics { registry, ..m }
    }

    /// A milter connection opened; the guard counts it closed when dropped.
    pub fn connection(self: &std::sync::Arc<Self>) -> ConnectionGuard {
        self.milter_connections.inc();
        ConnectionGuard(self.clone())
    }

    /// A message's verdict: counted once with its action and reason, each distinct symbol once.
    pub fn verdict<'a>(&self, action: &str, reason: &str, symbols: impl IntoIterator<Item = &'a str>) {
        let reason = if reason.is_empty() { "clean" } else { reason };
        self.messages
            .get_or_create(&VerdictLabels {
                action: action.to_owned(),
                reason: reason.to_owned(),
            })
            .inc();
        // A message may carry thousands of findings (one per part): a set, not a scan.
        let mut seen = std::collections::HashSet::new();
        for s in symbols {
            if seen.insert(s) {
                self.symbols
                    .get_or_create(&SymbolLabels { symbol: s.to_owned() })
                    .inc();
            }
        }
    }

    /// A scanned message's size, each scanner's time and the end-of-message latency.
    pub fn scanned(&self, bytes: u64, scanners: &[(&str, u64)], end_of_message: std::time::Duration) {
        self.scanned_bytes.inc_by(bytes);
        for (name, micros) in scanners {
            self.scanner_seconds
                .get_or_create(&ScannerLabels {
                    scanner: (*name).to_owned(),
                })
                .observe(*micros as f64 / 1e6);
        }
        self.end_of_message_seconds.observe(end_of_message.as_secs_f64());
    }

    /// The text exposition (Prometheus/OpenMetrics), with the scrape-time gauges set first.
    pub fn encode(&self, g: &Gauges) -> String {
        self.scan_permits_in_use.set(g.scan_permits_in_use);
        let seen = self.worker_restarts.get();
        if g.worker_restarts > seen {
            self.worker_restarts.inc_by(g.worker_restarts - seen);
        }
        for (endpoint, up, secs) in &g.clamd {
            let l = EndpointLabels {
                endpoint: endpoint.clone(),
            };
            self.clamd_up.get_or_create(&l).set(i64::from(*up));
            self.clamd_ping_seconds.get_or_create(&l).set(*secs);
        }
        if let Some((resolvers, up)) = &g.dns_resolver {
            let l = ResolverLabels {
                resolvers: resolvers.clone(),
            };
            self.dns_resolver_up.get_or_create(&l).set(i64::from(*up));
        }
        self.alerts_pending.set(g.alerts_pending);
        self.alerts_oldest_pending_seconds
            .set(g.alerts_oldest_pending_seconds);
        self.held_messages.set(g.held_messages);
        self.store_bytes.set(g.store_bytes);
        let mut out = String::new();
        if let Err(e) = prometheus_client::encoding::text::encode(&mut out, &self.registry) {
            tracing::warn!("cannot encode the metrics: {e}");
        }
        out
    }
}

/// Counts one open milter connection until dropped.
pub struct ConnectionGuard(std::sync::Arc<Metrics>);

impl Drop for ConnectionGuard {
    fn drop(&mut self) {
        self.0.milter_connections.dec();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_and_gauges_are_named_after_prometheus_conventions() {
        let m = std::sync::Arc::new(Metrics::new());
        let conn = m.connection();
        m.verdict("reject", "score", ["EICAR", "EICAR", "HTML_ONLY"]);
        m.verdict("quarantine", "MARKING_TOI_MAT", ["MARKING_TOI_MAT"]);
        m.scanned(1234, &[("clamd", 1500)], std::time::Duration::from_millis(3));
        let g = Gauges {
            clamd: vec![("unix:/run/clamd.ctl".into(), true, 0.002)],
            dns_resolver: Some(("system".into(), false)),
            alerts_pending: 2,
            worker_restarts: 1,
            ..Gauges::default()
        };
        let text = m.encode(&g);
        for line in [
            "canhgac_messages_total{action=\"reject\",reason=\"score\"} 1",
            "canhgac_messages_total{action=\"quarantine\",reason=\"MARKING_TOI_MAT\"} 1",
            "canhgac_symbols_total{symbol=\"EICAR\"} 1",
            "canhgac_scanned_bytes_total 1234",
            "canhgac_scanner_duration_seconds_count{scanner=\"clamd\"} 1",
            "canhgac_end_of_message_duration_seconds_count 1",
            "canhgac_milter_connections 1",
            "canhgac_clamd_up{endpoint=\"unix:/run/clamd.ctl\"} 1",
            "canhgac_dns_resolver_up{resolvers=\"system\"} 0",
            "canhgac_alerts_pending 2",
            "canhgac_worker_restarts_total 1",
            "canhgac_held_messages 0",
            "canhgac_store_size_bytes 0",
        ] {
            assert!(text.contains(line), "{line} in\n{text}");
        }
        drop(conn);
        // The restarts counter follows the pool's count, never backwards.
        let text = m.encode(&Gauges {
            worker_restarts: 1,
            ..Gauges::default()
        });
        assert!(text.contains("canhgac_milter_connections 0"), "{text}");
        assert!(text.contains("canhgac_worker_restarts_total 1"), "{text}");
    }

    /// The shipped alert rules and dashboard name only series the gateway exposes.
    #[test]
    fn the_shipped_rules_and_dashboard_name_real_series() {
        let m = Metrics::new();
        m.verdict("accept", "", ["X"]);
        m.scanned(1, &[("x", 1)], std::time::Duration::ZERO);
        let exposed = m.encode(&Gauges {
            clamd: vec![("unix:/x".into(), true, 0.0)],
            dns_resolver: Some(("system".into(), true)),
            ..Gauges::default()
        });
        let series: Vec<&str> = exposed
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split(['{', ' ']).next())
            .collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config");
        for file in ["prometheus-alerts.yml", "grafana-dashboard.json"] {
            let text = std::fs::read_to_string(root.join(file)).expect("read");
            let mut named = 0;
            for (i, _) in text.match_indices("canhgac_") {
                let name: String = text[i..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                if name.len() > "canhgac_".len() {
                    named += 1;
                    assert!(
                        series.contains(&name.as_str()),
                        "{file}: {name} is not exposed: {series:?}"
                    );
                }
            }
            assert!(named > 5, "{file}");
        }
    }
}
