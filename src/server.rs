//! The daemon: everything `canhgac serve` runs, startable in-process (tests) as well as from the
//! command line. [`run`] binds the milter socket, opens the quarantine store, starts the
//! isolated scanning workers, the review console, the alert sender, the audit anchors and the
//! retention purge, and answers [`Control`] orders; [`run_until_signalled`] turns SIGHUP into a
//! reload and SIGTERM/SIGINT into a stop, as the service manager sends them.

use crate::config::Config;
use crate::engine::{Engine, EngineHandle};
use crate::milter::{self, MilterListener, Shared};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::sync::mpsc;

/// What the daemon runs with.
pub struct Options {
    pub config: Config,
    /// Built from `config` (rules compiled, score table checked).
    pub engine: Engine,
    /// The configuration file, re-read on reload (None: embedded defaults).
    pub config_path: Option<PathBuf>,
    /// The milter address was given on the command line: a reload does not warn that the
    /// file's `milter.listen` differs.
    pub listen_fixed: bool,
    /// Accept everything without scanning or storing (the benchmark baseline).
    pub noop: bool,
}

/// An order to the running daemon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// Re-read the configuration and rules (SIGHUP).
    Reload,
    /// Stop accepting, finish the messages in progress, stop (SIGTERM, SIGINT).
    Stop,
}

/// Runs the daemon until SIGTERM or SIGINT; SIGHUP reloads.
pub async fn run_until_signalled(options: Options) -> Result<(), String> {
    use tokio::signal::unix::{SignalKind, signal};
    let sig = |k| signal(k).map_err(|e| format!("cannot install signal handler: {e}"));
    let (mut hup, mut term, mut int) = (
        sig(SignalKind::hangup())?,
        sig(SignalKind::terminate())?,
        sig(SignalKind::interrupt())?,
    );
    let (tx, rx) = mpsc::channel(4);
    tokio::spawn(async move {
        loop {
            let order = tokio::select! {
                _ = hup.recv() => Control::Reload,
                _ = term.recv() => Control::Stop,
                _ = int.recv() => Control::Stop,
            };
            if tx.send(order).await.is_err() || order == Control::Stop {
                return;
            }
        }
    });
    run(options, rx).await
}

/// The pool of isolated scanning workers for `serve`, started and ready.
pub async fn start_workers(
    config: &Config,
    config_path: Option<&Path>,
    workers: usize,
) -> Result<std::sync::Arc<crate::worker::WorkerPool>, String> {
    let mut args: Vec<std::ffi::OsString> = vec!["worker".into()];
    if let Some(p) = config_path {
        // Absolute, so a worker started after a chdir still finds it.
        let p = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        args.push("--config".into());
        args.push(p.into_os_string());
    }
    let pool = crate::worker::WorkerPool::new(crate::worker::PoolConfig {
        // The running binary itself, even if the file was replaced by an upgrade since.
        program: PathBuf::from("/proc/self/exe"),
        args,
        workers,
        memory_limit_bytes: config.workers.memory_limit_bytes,
        start_timeout: Duration::from_secs(120),
    });
    pool.warm().await?;
    tracing::info!(workers, "scanning workers started");
    Ok(pool)
}

/// Writes what the milter counted for the yearly report every `every` (one transaction each
/// time); a failed write keeps the counts for the next.
async fn write_counts(
    store: std::sync::Arc<crate::store::Store>,
    tally: std::sync::Arc<crate::store::traffic::Tally>,
    every: Duration,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = stop.changed() => return,
        }
        if tally.is_empty() {
            continue;
        }
        let (s, t) = (store.clone(), tally.clone());
        match tokio::task::spawn_blocking(move || s.flush_tally(&t)).await {
            Ok(Err(e)) => {
                tracing::error!(error = %e, "cannot write the report counters; kept for the next try")
            }
            Err(e) => tracing::error!(error = %e, "counter task failed"),
            Ok(Ok(_)) => {}
        }
    }
}

/// Runs the gateway until told to stop (or its milter fails): binds the milter socket, opens
/// the store, starts the scanning workers, the review console, the alert sender, the audit
/// anchors and the retention purge; reloads on [`Control::Reload`]; on [`Control::Stop`] (or
/// when every sender of `control` is gone) stops accepting and lets messages in progress finish
/// within `shutdown_grace_secs`.
pub async fn run(options: Options, mut control: mpsc::Receiver<Control>) -> Result<(), String> {
    let Options {
        config,
        engine,
        config_path,
        listen_fixed,
        noop,
    } = options;
    let listener = MilterListener::bind(&config.milter.listen, config.milter.socket_mode)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.milter.listen))?;
    // The quarantine store: opened before the first message, or the gateway does not start (a
    // shared PostgreSQL store that is unreachable now is opened all the same: holds tempfail
    // until it is back).
    let store = if noop {
        None
    } else {
        let c = config.clone();
        let store = tokio::task::spawn_blocking(move || crate::store::Store::for_gateway(&c))
            .await
            .map_err(|e| format!("store task failed: {e}"))?
            .map_err(|e| e.to_string())?;
        tracing::info!(store = %store.path().display(), answer = ?config.store.answer, "quarantine store open");
        Some(std::sync::Arc::new(store))
    };
    let engine = if !noop && config.workers.isolate {
        let engine = engine
            .with_workers(start_workers(&config, config_path.as_deref(), config.scan_concurrency()).await?);
        if config.ocr.enabled {
            // Scans are read by workers of their own: text mail never waits behind them.
            engine.with_ocr_workers(start_workers(&config, config_path.as_deref(), config.ocr.workers).await?)
        } else {
            engine
        }
    } else {
        engine
    };
    let handle = EngineHandle::new(engine);
    let mut shared = Shared::new(handle.clone());
    shared.noop = noop;
    shared.store = store.clone();
    if let Some(store) = &store {
        // The allow and block lists are in force before the first message. A shared store
        // that cannot be reached now (the gateway starting during a PostgreSQL outage) is the
        // one exception: mail is scored without them until they are read, within seconds of
        // the database's return (`keep_lists`); holds tempfail meanwhile anyway.
        let s = store.clone();
        let entries = tokio::task::spawn_blocking(move || s.list_entries())
            .await
            .map_err(|e| format!("store task failed: {e}"))?;
        match entries {
            Ok(entries) => {
                tracing::info!(entries = entries.len(), "allow and block lists loaded");
                shared.lists.replace(crate::policy::lists::Lists::new(entries));
            }
            Err(e) if !config.store.url.is_empty() => tracing::warn!(
                error = %e,
                "the shared store cannot be reached: starting without the allow and block lists until it can"
            ),
            Err(e) => return Err(e.to_string()),
        }
    }
    let lists = shared.lists.clone();
    // The yearly report's counters: counted in memory by the milter, written here in batches.
    let tally = match (&store, config.report.enabled) {
        (Some(_), true) => Some(std::sync::Arc::new(crate::store::traffic::Tally::new())),
        _ => None,
    };
    shared.tally = tally.clone();
    if noop {
        tracing::warn!("--noop: every message is accepted without scanning (benchmark baseline)");
    }
    tracing::info!(
        listen = %config.milter.listen,
        config = %config_path.as_ref().map_or("embedded defaults".to_owned(), |p| p.display().to_string()),
        dry_run = config.policy.dry_run,
        "canhgac milter started"
    );
    warn_if_clamd_unreachable(&config).await;
    let (tx, mut rx) = tokio::sync::watch::channel(false);
    let shutdown = async move {
        let _ = rx.wait_for(|stop| *stop).await;
    };
    let mut background = Vec::new();
    // Metrics and health checks for the operators.
    let metrics = std::sync::Arc::new(crate::metrics::Metrics::new());
    if config.metrics.enabled && !noop {
        shared.metrics = Some(metrics.clone());
        let listener = tokio::net::TcpListener::bind(config.metrics.listen)
            .await
            .map_err(|e| format!("metrics.listen: cannot listen on {}: {e}", config.metrics.listen))?;
        let addr = listener.local_addr().map_or(config.metrics.listen, |a| a);
        tracing::info!(listen = %addr, "metrics and health checks (/metrics, /healthz, /readyz) started");
        let monitor = crate::monitor::Monitor {
            metrics,
            engine: handle.clone(),
            store: store.clone(),
        };
        let mut stop = tx.subscribe();
        background.push(tokio::spawn(async move {
            let shutdown = async move {
                let _ = stop.wait_for(|s| *s).await;
            };
            if let Err(e) = crate::monitor::serve(listener, monitor, shutdown).await {
                tracing::error!(error = %e, "metrics endpoint stopped");
            }
        }));
    }
    let mut milter = tokio::spawn(milter::run(listener, shared, shutdown));
    // The review console, on the same store (not with --noop: nothing is held then).
    let mut web = None;
    if let (Some(store), true) = (&store, config.web.enabled) {
        let listener = crate::web::bind(config.web.listen).await?;
        let addr = listener.local_addr().map_or(config.web.listen, |a| a);
        tracing::info!(listen = %addr, "review console started");
        let state = crate::web::WebState::new(store.clone(), config.clone());
        // The officers' spam / not-spam words are learned here, in the daemon: tokens are
        // read by a worker, then the engine is rebuilt with the model (as on SIGHUP).
        if !config.spam.bayes_db.as_os_str().is_empty() {
            background.push(tokio::spawn(learn_feedback(
                store.clone(),
                handle.clone(),
                config_path.clone(),
                state.feedback_given.clone(),
                tx.subscribe(),
            )));
        }
        let mut stop = tx.subscribe();
        web = Some(tokio::spawn(async move {
            let shutdown = async move {
                let _ = stop.wait_for(|s| *s).await;
            };
            if let Err(e) = crate::web::serve(listener, state, shutdown).await {
                tracing::error!(error = %e, "review console stopped");
            }
        }));
    }
    // Background work on the store: the alert sender, and the daily retention purge.
    if let Some(store) = &store {
        if config.alerts.enabled {
            background.push(tokio::spawn(crate::alerts::run_sender(
                store.clone(),
                config.clone(),
                tx.subscribe(),
            )));
        }
        // Anchors of the audit chain's head: at start and every [audit] anchor_hours.
        if config.audit.anchor_hours > 0 {
            let (s, c, mut stop) = (store.clone(), config.clone(), tx.subscribe());
            background.push(tokio::spawn(async move {
                loop {
                    let (s2, c2) = (s.clone(), c.clone());
                    match tokio::task::spawn_blocking(move || crate::alerts::anchor_audit(&s2, &c2)).await {
                        Ok(Err(e)) => tracing::error!(error = %e, "audit anchor failed"),
                        Err(e) => tracing::error!(error = %e, "audit anchor task failed"),
                        Ok(Ok(_)) => {}
                    }
                    tokio::select! {
                        _ = tokio::time::sleep(Duration::from_secs(c.audit.anchor_hours.saturating_mul(3600))) => {}
                        _ = stop.changed() => return,
                    }
                }
            }));
        }
        background.push(tokio::spawn(keep_lists(store.clone(), lists, tx.subscribe())));
        if crate::spam::tokendb::is_url(&config.spam.bayes_db) {
            background.push(tokio::spawn(keep_model(
                config.spam.bayes_db.clone(),
                handle.clone(),
                config_path.clone(),
                tx.subscribe(),
            )));
        }
        if let Some(t) = &tally {
            background.push(tokio::spawn(write_counts(
                store.clone(),
                t.clone(),
                Duration::from_secs(config.report.flush_secs.max(1)),
                tx.subscribe(),
            )));
        }
        let (s, days, mut stop) = (store.clone(), config.store.retention_days, tx.subscribe());
        let years = config.report.keep_years;
        background.push(tokio::spawn(async move {
            loop {
                let s2 = s.clone();
                match tokio::task::spawn_blocking(move || s2.purge(days)).await {
                    Ok(Ok(n)) if n > 0 => {
                        tracing::info!(purged = n, days, "retention: original bytes purged")
                    }
                    Ok(Err(e)) => tracing::error!(error = %e, "retention purge failed"),
                    _ => {}
                }
                let s2 = s.clone();
                match tokio::task::spawn_blocking(move || s2.purge_counters(years)).await {
                    Ok(Ok(n)) if n > 0 => {
                        tracing::info!(purged = n, years, "retention: report counters purged")
                    }
                    Ok(Err(e)) => tracing::error!(error = %e, "counter purge failed"),
                    _ => {}
                }
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_secs(86_400)) => {}
                    _ = stop.changed() => return,
                }
            }
        }));
    }
    // Under systemd (Type=notify): started now, and alive while this runtime answers.
    tell_systemd(&[sd_notify::NotifyState::Ready]);
    if let Some(every) = sd_notify::watchdog_enabled() {
        let mut stop = tx.subscribe();
        background.push(tokio::spawn(async move {
            loop {
                tell_systemd(&[sd_notify::NotifyState::Watchdog]);
                tokio::select! {
                    _ = tokio::time::sleep(every / 3) => {}
                    _ = stop.changed() => return,
                }
            }
        }));
    }
    loop {
        tokio::select! {
            order = control.recv() => {
                if !matches!(order, Some(Control::Reload)) {
                    break;
                }
                // Building an engine reads files and compiles YARA rules: off the runtime.
                let (h, path) = (handle.clone(), config_path.clone());
                let reloaded = tokio::task::spawn_blocking(move || h.reload(path.as_deref()))
                    .await
                    .unwrap_or_else(|e| Err(crate::config::ConfigError::Io {
                        file: config_path.clone().unwrap_or_default(),
                        error: format!("reload task failed: {e}"),
                    }));
                match reloaded {
                    Ok(()) => {
                        let new = handle.current();
                        if !listen_fixed && new.config().milter.listen != config.milter.listen {
                            tracing::warn!("milter.listen changed; the new address takes effect after a restart");
                        }
                        if new.config().store != config.store || new.config().alerts != config.alerts {
                            tracing::warn!("[store] and [alerts] changes take effect after a restart");
                        }
                        if new.config().web != config.web || new.config().release != config.release {
                            tracing::warn!("[web] and [release] changes take effect in the review console after a restart");
                        }
                        tracing::info!("configuration reloaded");
                    }
                    Err(e) => tracing::error!("reload failed, keeping the running configuration: {e}"),
                }
            }
            res = &mut milter => {
                return match res {
                    Ok(Ok(())) => Ok(()),
                    Ok(Err(e)) => Err(format!("milter stopped: {e}")),
                    Err(e) => Err(format!("milter task failed: {e}")),
                };
            }
        }
    }
    let grace = Duration::from_secs(handle.current().config().milter.shutdown_grace_secs);
    tracing::info!(
        grace_secs = grace.as_secs(),
        "shutting down: finishing messages in progress"
    );
    tell_systemd(&[sd_notify::NotifyState::Stopping]);
    let _ = tx.send(true);
    background.extend(web);
    for b in background {
        let _ = tokio::time::timeout(Duration::from_secs(5), b).await;
    }
    match tokio::time::timeout(grace, &mut milter).await {
        Ok(_) => tracing::info!("stopped"),
        Err(_) => tracing::warn!(
            "grace period over; stopping with messages in progress (the MTA applies milter_default_action)"
        ),
    }
    // What the last messages counted.
    if let (Some(s), Some(t)) = (store, tally) {
        match tokio::task::spawn_blocking(move || s.flush_tally(&t)).await {
            Ok(Err(e)) => tracing::error!(error = %e, "cannot write the report counters"),
            Err(e) => tracing::error!(error = %e, "counter task failed"),
            Ok(Ok(_)) => {}
        }
    }
    Ok(())
}

/// Learns the officers' spam / not-spam words as they are given in the console (and any left
/// pending at start), then rebuilds the engine so the model in use includes them.
async fn learn_feedback(
    store: std::sync::Arc<crate::store::Store>,
    handle: EngineHandle,
    config_path: Option<PathBuf>,
    given: std::sync::Arc<tokio::sync::Notify>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        let engine = handle.current();
        match crate::review::learn_feedback(&store, &engine, "canhgac", false).await {
            Ok(done) if done.learned > 0 => {
                let (h, path) = (handle.clone(), config_path.clone());
                match tokio::task::spawn_blocking(move || h.reload(path.as_deref())).await {
                    Ok(Ok(())) => tracing::info!(
                        learned = done.learned,
                        "classifier taught the officers' spam feedback; engine reloaded"
                    ),
                    Ok(Err(e)) => tracing::error!(
                        "officers' spam feedback learned, but the reload failed (the model in use is the old one): {e}"
                    ),
                    Err(e) => tracing::error!(error = %e, "reload task failed"),
                }
            }
            Ok(_) => {}
            Err(e) => tracing::error!("cannot learn the officers' spam feedback: {e}"),
        }
        tokio::select! {
            _ = given.notified() => {}
            _ = stop.changed() => return,
        }
    }
}

/// How often the daemon looks whether the lists changed (in the console or by the CLI).
const LIST_REFRESH: Duration = Duration::from_secs(2);

/// Keeps the milter's allow and block lists as the store's: reloaded within [`LIST_REFRESH`]
/// of a change made anywhere (this console, another gateway's, `canhgac lists`). On a store
/// error the lists in force stay.
async fn keep_lists(
    store: std::sync::Arc<crate::store::Store>,
    lists: crate::policy::lists::ListsHandle,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let mut seen = None;
    loop {
        let s = store.clone();
        let loaded = tokio::task::spawn_blocking(move || {
            let generation = s.lists_generation()?;
            if seen == Some(generation) {
                return Ok(None);
            }
            Ok::<_, crate::store::StoreError>(Some((generation, s.list_entries()?)))
        })
        .await;
        match loaded {
            Ok(Ok(Some((generation, entries)))) => {
                if seen.is_some() {
                    tracing::info!(entries = entries.len(), "allow and block lists reloaded");
                }
                lists.replace(crate::policy::lists::Lists::new(entries));
                seen = Some(generation);
            }
            Ok(Ok(None)) => {}
            Ok(Err(e)) => {
                tracing::error!(error = %e, "cannot read the allow and block lists; the lists in force stay")
            }
            Err(e) => tracing::error!(error = %e, "list task failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(LIST_REFRESH) => {}
            _ = stop.changed() => return,
        }
    }
}

/// How often a gateway sharing a PostgreSQL token database looks whether another one trained it.
const MODEL_REFRESH: Duration = Duration::from_secs(30);

/// Keeps the classifier's model as the shared token database's: the engine is rebuilt within
/// [`MODEL_REFRESH`] of a training by any gateway (its generation changed). On an error the
/// model in use stays.
async fn keep_model(
    db: PathBuf,
    handle: EngineHandle,
    config_path: Option<PathBuf>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    // One connection, kept (made again by itself after a failure); opened on the first look.
    let mut tokens: Option<crate::spam::tokendb::TokenDb> = None;
    let mut seen: Option<i64> = None;
    loop {
        let (at, open) = (db.clone(), tokens.take());
        let looked = tokio::task::spawn_blocking(move || {
            let t = match open {
                Some(t) => t,
                None => crate::spam::tokendb::TokenDb::open(&at)?,
            };
            let g = t.generation()?;
            Ok::<_, crate::spam::tokendb::TokenDbError>((t, g))
        })
        .await;
        match looked {
            Ok(Ok((t, g))) => {
                tokens = Some(t);
                if seen.is_some_and(|s| s != g) {
                    let (h, path) = (handle.clone(), config_path.clone());
                    match tokio::task::spawn_blocking(move || h.reload(path.as_deref())).await {
                        Ok(Ok(())) => {
                            tracing::info!(
                                generation = g,
                                "shared classifier trained elsewhere; engine reloaded"
                            );
                            seen = Some(g);
                        }
                        Ok(Err(e)) => {
                            tracing::error!("the shared classifier changed, but the reload failed: {e}")
                        }
                        Err(e) => tracing::error!(error = %e, "reload task failed"),
                    }
                } else {
                    seen = Some(g);
                }
            }
            Ok(Err(e)) => tracing::warn!(error = %e, "cannot read the shared classifier's generation"),
            Err(e) => tracing::error!(error = %e, "model task failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(MODEL_REFRESH) => {}
            _ = stop.changed() => return,
        }
    }
}

/// Tells the operator at start-up when clamd does not answer: every message would be tempfailed.
async fn warn_if_clamd_unreachable(config: &Config) {
    if !config.clamd.enabled {
        tracing::warn!("clamd is disabled: messages are not scanned for viruses");
        return;
    }
    let scanner = crate::scanners::ClamdScanner::new(&config.clamd);
    let mut any = false;
    for (endpoint, answer) in scanner.ping_all(Duration::from_secs(3)).await {
        match answer {
            Ok(()) => any = true,
            Err(why) => tracing::warn!(endpoint = %endpoint, "clamd not answering: {why}"),
        }
    }
    if !any {
        tracing::warn!(
            "no clamd answers: every message will get VIRUS_SCAN_FAIL (451 4.7.1) until one does; \
             install and start clamav-daemon, or set [clamd] enabled = false"
        );
    }
}

/// Tells systemd the service's state (nothing when not started by systemd with Type=notify).
fn tell_systemd(state: &[sd_notify::NotifyState<'_>]) {
    if let Err(e) = sd_notify::notify(state) {
        tracing::warn!(error = %e, "cannot notify systemd");
    }
}
