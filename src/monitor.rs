//! The operators' HTTP endpoints of a running gateway, on `[metrics] listen` (loopback by
//! default, no login): `/metrics` (Prometheus text, see [`crate::metrics`]), `/healthz` (the
//! process answers) and `/readyz` (the quarantine store can be written and a clamd answers
//! PING; `503` naming what is not). Started by [`crate::server::run`].

use crate::engine::EngineHandle;
use crate::metrics::{Gauges, Metrics};
use crate::store::Store;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::sync::Arc;
use std::time::Duration;

/// How long `/metrics` and `/readyz` wait for each clamd endpoint's PONG.
const PING_WAIT: Duration = Duration::from_secs(2);

/// What the endpoints read.
#[derive(Clone)]
pub struct Monitor {
    pub metrics: Arc<Metrics>,
    pub engine: EngineHandle,
    pub store: Option<Arc<Store>>,
}

/// The endpoints' routes.
pub fn router(m: Monitor) -> Router {
    Router::new()
        .route("/metrics", get(metrics))
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(ready))
        .with_state(m)
}

/// Serves the endpoints on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    m: Monitor,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(m))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Each clamd endpoint: its name, whether it answered PING, in how many seconds.
async fn ping_clamd(engine: &EngineHandle) -> Option<Vec<(String, bool, f64)>> {
    let engine = engine.current();
    let clamd = engine.clamd()?;
    let pings = clamd.ping_timed(PING_WAIT).await;
    Some(
        pings
            .into_iter()
            .map(|(e, r, t)| (e.to_string(), r.is_ok(), t.as_secs_f64()))
            .collect(),
    )
}

async fn metrics(State(m): State<Monitor>) -> Response {
    let engine = m.engine.current();
    let mut g = Gauges {
        scan_permits_in_use: engine.scans_in_progress() as i64,
        worker_restarts: engine.workers().map_or(0, |w| w.counts().1),
        clamd: ping_clamd(&m.engine).await.unwrap_or_default(),
        dns_resolver: engine.dns_resolver(),
        ..Gauges::default()
    };
    if let Some(store) = m.store.clone() {
        let read = tokio::task::spawn_blocking(move || (store.backlog(), store.size_bytes())).await;
        match read {
            Ok((Ok((pending, oldest, held)), size)) => {
                g.alerts_pending = pending;
                g.alerts_oldest_pending_seconds = oldest;
                g.held_messages = held;
                g.store_bytes = size as i64;
            }
            Ok((Err(e), _)) => tracing::warn!(error = %e, "metrics: cannot read the store"),
            Err(e) => tracing::warn!(error = %e, "metrics: store task failed"),
        }
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        m.metrics.encode(&g),
    )
        .into_response()
}

async fn ready(State(m): State<Monitor>) -> Response {
    let mut problems = Vec::new();
    if let Some(store) = m.store.clone() {
        match tokio::task::spawn_blocking(move || store.check_writable()).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => problems.push(format!("store not writable: {e}")),
            Err(e) => problems.push(format!("store check failed: {e}")),
        }
    }
    if let Some(pings) = ping_clamd(&m.engine).await
        && !pings.iter().any(|(_, up, _)| *up)
    {
        let names: Vec<&str> = pings.iter().map(|(e, _, _)| e.as_str()).collect();
        problems.push(format!("no clamd answers PING ({})", names.join(", ")));
    }
    if problems.is_empty() {
        (StatusCode::OK, "ready\n").into_response()
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("not ready: {}\n", problems.join("; ")),
        )
            .into_response()
    }
}
