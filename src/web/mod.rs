//! The security officers' review console: an axum server rendering compile-time checked,
//! auto-escaping templates (askama) over the quarantine store. Served by `canhgac serve` and
//! alone by `canhgac web`. Every action calls the same store and release functions as the CLI.
//! No script, no remote asset: a strict Content-Security-Policy forbids both.

mod i18n;
mod pages;
pub mod report;
mod session;
pub mod view;

pub use i18n::Lang;

use crate::config::Config;
use crate::store::Store;
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use session::{PasswordChecker, Throttle};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// What every request handler shares.
pub struct WebState {
    pub store: Arc<Store>,
    pub config: Config,
    /// Failed logins per client address.
    throttle: Throttle,
    /// Checks passwords on threads of its own.
    passwords: PasswordChecker,
    /// Session lifetimes in seconds: without a request, and since login.
    idle_secs: i64,
    max_secs: i64,
    /// Served over TLS (by a proxy in front): cookies are `Secure`, HSTS is sent.
    secure: bool,
    /// Woken when an officer gives a spam / not-spam word: the daemon's learner
    /// (`server`) teaches it to the classifier. Nobody listens when the console runs alone
    /// (`canhgac web`): `canhgac train --from-quarantine` learns the words then.
    pub feedback_given: Arc<tokio::sync::Notify>,
    /// What each symbol means, in English and Vietnamese (`rules/scores.toml` of the rules in
    /// use), shown beside every finding.
    symbols: std::collections::HashMap<String, crate::policy::SymbolText>,
    /// How findings read in each language (`rules/findings.toml` of the rules in use).
    pub explain: crate::explain::Explainer,
}

impl WebState {
    pub fn new(store: Arc<Store>, config: Config) -> Arc<WebState> {
        let w = &config.web;
        let secs = |n: u64, unit: u64| i64::try_from(n.saturating_mul(unit)).unwrap_or(i64::MAX);
        Arc::new(WebState {
            throttle: Throttle::new(
                w.max_failed_logins,
                Duration::from_secs(w.lockout_minutes.saturating_mul(60)),
            ),
            passwords: PasswordChecker::new(store.clone(), w.password_checks),
            idle_secs: secs(w.session_idle_minutes, 60),
            max_secs: secs(w.session_max_hours, 3600),
            secure: w.public_url.starts_with("https://"),
            feedback_given: Arc::new(tokio::sync::Notify::new()),
            symbols: crate::scanners::symbol_texts_of(&config),
            explain: crate::explain::Explainer::load(config.rules_dir()).unwrap_or_else(|e| {
                // The engine refuses such a file at start; a console running alone says so and
                // reads findings with the built-in sentences.
                tracing::error!(error = %e, "findings' sentences not loaded; the built-in ones are used");
                crate::explain::Explainer::built_in()
            }),
            store,
            config,
        })
    }

    /// What a symbol means, in `lang` (English when no Vietnamese text is given).
    fn meaning(&self, symbol: &str, lang: Lang) -> String {
        self.symbols
            .get(symbol)
            .map_or_else(String::new, |t| match (lang, &t.vi) {
                (Lang::Vi, Some(vi)) => vi.clone(),
                _ => t.en.clone(),
            })
    }

    /// The default language of the interface.
    fn language(&self) -> Lang {
        Lang::parse(&self.config.web.language).unwrap_or(Lang::Vi)
    }
}

/// The Content-Security-Policy of every response: nothing but this site's own stylesheet;
/// no script at all, no framing, forms post only here.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

async fn security_headers(
    axum::extract::State(state): axum::extract::State<Arc<WebState>>,
    mut res: Response,
) -> Response {
    let h = res.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if state.secure {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    res
}

/// The console's routes.
pub fn router(state: Arc<WebState>) -> Router {
    pages::routes()
        .layer(axum::middleware::map_response_with_state(
            state.clone(),
            security_headers,
        ))
        .with_state(state)
}

/// Binds the console's address.
pub async fn bind(addr: SocketAddr) -> Result<tokio::net::TcpListener, String> {
    tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("web.listen: cannot listen on {addr}: {e}"))
}

/// Serves the console until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<WebState>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await
}
