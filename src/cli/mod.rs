//! The command line: `serve`, `scan`, `check-config`, `bench`, `corpus`, and the officers'
//! `quarantine`, `audit` and `directory` commands (`officer.rs`). Thin: every command calls the
//! engine or the store.

mod doctor;
pub mod eval;
mod lists;
mod officer;
mod report;
mod spam;
mod store;
pub mod tools;
mod users;

use crate::config::{Config, ConfigError, ListenAddr, LogFormat};
use crate::engine::{Engine, ScanReport};
use crate::explain::{Explainer, Lang};
use crate::message::{ScanInput, source};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "canhgac",
    version,
    about = "Mail-filtering milter and content gateway"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the milter (embedded defaults: inet:127.0.0.1:8897).
    Serve {
        /// Configuration file (TOML); without it, the embedded defaults.
        #[arg(long, short)]
        config: Option<PathBuf>,
        /// Override `[milter] listen` (inet:HOST:PORT or unix:/path).
        #[arg(long)]
        listen: Option<String>,
        /// Baseline for benchmarks: same protocol handling and buffering, no scanning, accept all.
        #[arg(long)]
        noop: bool,
    },
    /// A scanning worker (started by `serve`, not by people): reads messages on stdin, writes
    /// findings on stdout.
    #[command(hide = true)]
    Worker {
        #[arg(long, short)]
        config: Option<PathBuf>,
    },
    /// Serve only the officers' review console (`[web] listen`, default 127.0.0.1:8025).
    Web {
        #[arg(long, short)]
        config: Option<PathBuf>,
        /// Override `[web] listen` (HOST:PORT).
        #[arg(long)]
        listen: Option<String>,
    },
    /// Scan .eml files, directories of them, or mbox files with the same engine, and print verdicts.
    Scan {
        #[arg(long, short)]
        config: Option<PathBuf>,
        /// One JSON object per message, one per line.
        #[arg(long)]
        json: bool,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Check the running installation: configuration, rules, store, clamd and its size limits,
    /// the relays, Postfix's settings (postconf), the unit directory, the alert links. Prints
    /// ok / warn / FAIL with the fix for each; exit code 0, 1 (warnings) or 2 (a failure).
    Doctor {
        #[arg(long, short)]
        config: Option<PathBuf>,
        #[command(flatten)]
        args: doctor::DoctorArgs,
    },
    /// Validate a configuration file (and the rules it names) and print the effective configuration.
    CheckConfig { file: Option<PathBuf> },
    /// Train the spam classifier's token database ([spam] bayes_db) on your own mail:
    /// directories of .eml files or mbox files. Incremental: train again as mail comes in;
    /// a message trained before is not counted twice. Reload canhgac (SIGHUP) afterwards.
    Train {
        #[arg(long, short)]
        config: Option<PathBuf>,
        #[arg(long)]
        ham: Vec<PathBuf>,
        #[arg(long)]
        spam: Vec<PathBuf>,
        /// The token database (default: [spam] bayes_db of the configuration).
        #[arg(long)]
        db: Option<PathBuf>,
        /// Learn every spam / not-spam word officers gave on held messages in the console
        /// (the quarantine store of the configuration). A message is learned once.
        #[arg(long)]
        from_quarantine: bool,
    },
    /// Review held messages (the quarantine store).
    Quarantine {
        #[arg(long, short, global = true)]
        config: Option<PathBuf>,
        /// Act as this console account: its password is asked for (or read as the first line
        /// of standard input). Needed to release a marked message (four-eyes); without it the
        /// audit log names the local login as `cli:USER`.
        #[arg(long, global = true)]
        user: Option<String>,
        #[command(subcommand)]
        command: officer::QuarantineCommand,
    },
    /// The tamper-evident audit log of the quarantine.
    Audit {
        #[arg(long, short, global = true)]
        config: Option<PathBuf>,
        #[command(subcommand)]
        command: officer::AuditCommand,
    },
    /// Accounts of the review console: officers, admins, auditors.
    User {
        #[arg(long, short, global = true)]
        config: Option<PathBuf>,
        /// Act as this console account: its password is asked for (or read as the first line
        /// of standard input). Needed to release a marked message (four-eyes); without it the
        /// audit log names the local login as `cli:USER`.
        #[arg(long, global = true)]
        user: Option<String>,
        #[command(subcommand)]
        command: users::UserCommand,
    },
    /// The allow and block lists (by envelope sender, From address, domain, client address
    /// or network, recipient unit): a block refuses with 550 5.7.1, an allow skips spam
    /// scoring only (never the virus scan or the markings).
    Lists {
        #[arg(long, short, global = true)]
        config: Option<PathBuf>,
        /// Act as this console account (its password is asked for); without it the audit log
        /// names the local login as `cli:USER`.
        #[arg(long, global = true)]
        user: Option<String>,
        #[command(subcommand)]
        command: lists::ListsCommand,
    },
    /// The regulation's yearly report (art. 14) of a unit or of the whole province, from what
    /// the gateway counted: use of mail by month, what was filtered, state-secret markings
    /// intercepted, inactive mailboxes. HTML (printable), CSV or JSON.
    Report {
        #[arg(long, short)]
        config: Option<PathBuf>,
        /// The year (default: this year, Vietnam time).
        #[arg(long)]
        year: Option<i64>,
        /// A unit id of the directory (default: the province, every unit).
        #[arg(long)]
        unit: Option<String>,
        #[arg(long, value_enum, default_value = "html")]
        format: report::Format,
        /// The mailbox activity lists instead (art. 7.2.d): directory mailboxes that sent
        /// nothing for [report] inactive_days, and province addresses missing from the
        /// directory (CSV or JSON).
        #[arg(long)]
        activity: bool,
        /// Write to this file (default: standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// The quarantine store itself: copy it to another database (`migrate`).
    Store {
        #[arg(long, short, global = true)]
        config: Option<PathBuf>,
        #[command(subcommand)]
        command: store::StoreCommand,
    },
    /// The unit directory (Danh bạ hộp thư điện tử công vụ).
    Directory {
        #[arg(long, short, global = true)]
        config: Option<PathBuf>,
        #[command(subcommand)]
        command: officer::DirectoryCommand,
    },
}

/// The gateway's command line, for its man pages and completions (`canhgac-tools package-docs`).
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    // A panic caught by the engine (a parser bug on hostile input) is logged as one line; the
    // message still gets a verdict.
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map_or(String::new(), |l| format!("{}:{}", l.file(), l.line()));
        tracing::error!(at = %at, "internal panic: {what}");
    }));
    let cli = Cli::parse();
    match cli.command {
        Command::Serve { config, listen, noop } => serve(config.as_deref(), listen.as_deref(), noop),
        Command::Web { config, listen } => web(config.as_deref(), listen.as_deref()),
        Command::Worker { config } => worker(config.as_deref()),
        Command::Scan { config, json, paths } => scan(config.as_deref(), json, &paths),
        Command::CheckConfig { file } => check_config(file.as_deref()),
        Command::Doctor { config, args } => doctor::run(config.as_deref(), &args),
        Command::Quarantine {
            config,
            user,
            command,
        } => match officer::config_for(config.as_deref()) {
            Ok(c) => officer::quarantine(&c, user.as_deref(), command),
            Err(code) => code,
        },
        Command::Train {
            config,
            ham,
            spam,
            db,
            from_quarantine: false,
        } => spam::train(config.as_deref(), &ham, &spam, db.as_deref()),
        Command::Train {
            config,
            ham,
            spam,
            db,
            from_quarantine: true,
        } => spam::train_from_quarantine(config.as_deref(), &ham, &spam, db.as_deref()),
        Command::User {
            config,
            user,
            command,
        } => match officer::config_for(config.as_deref()) {
            Ok(c) => users::user(&c, user.as_deref(), command),
            Err(code) => code,
        },
        Command::Lists {
            config,
            user,
            command,
        } => match officer::config_for(config.as_deref()) {
            Ok(c) => lists::lists(&c, user.as_deref(), command),
            Err(code) => code,
        },
        Command::Store { config, command } => match officer::config_for(config.as_deref()) {
            Ok(c) => store::run(&c, command),
            Err(code) => code,
        },
        Command::Audit { config, command } => match officer::config_for(config.as_deref()) {
            Ok(c) => officer::audit(&c, command),
            Err(code) => code,
        },
        Command::Report {
            config,
            year,
            unit,
            format,
            activity,
            output,
        } => match officer::config_for(config.as_deref()) {
            Ok(c) => report::run(
                &c,
                report::Request {
                    year,
                    unit,
                    format,
                    activity,
                    output,
                },
            ),
            Err(code) => code,
        },
        Command::Directory { config, command } => match officer::config_for(config.as_deref()) {
            Ok(c) => officer::directory(&c, command),
            Err(code) => code,
        },
    }
}

/// The configuration of a command: `--config`, else `$CANHGAC_CONFIG`, else
/// `/etc/canhgac/canhgac.toml` when it exists, else the embedded defaults; relative paths made
/// absolute ([`Config::for_command`]).
pub(crate) fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
    Config::for_command(path)
}

/// Tells on standard error which configuration a command uses when it was not given
/// `--config`, and the database it works on (so nobody writes to a store they did not mean).
pub(crate) fn say_what_is_used(given: Option<&Path>, config: &Config, database: Option<(&str, &Path)>) {
    if given.is_none() {
        let db = database.map_or(String::new(), |(what, p)| format!("; {what} {}", p.display()));
        eprintln!("canhgac: configuration {}{db}", config.origin());
    }
}

/// The tokio runtime, or the exit code after saying why there is none.
pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, ExitCode> {
    runtime_with(0)
}

/// The tokio runtime with `threads` worker threads (0: tokio's default, one per core).
fn runtime_with(threads: usize) -> Result<tokio::runtime::Runtime, ExitCode> {
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    if threads > 0 {
        builder.worker_threads(threads);
    }
    builder.enable_all().build().map_err(|e| {
        eprintln!("canhgac: cannot start the runtime: {e}");
        ExitCode::from(1)
    })
}

/// The engine of a command that reads mail (`scan`, `train --from-quarantine`), with its
/// runtime: hostile content costs one message here too, as it is read in one isolated worker
/// (`[workers] isolate`). Or the exit code after saying why not.
pub(crate) fn engine_reading_in_a_worker(
    config: &Config,
) -> Result<(std::sync::Arc<Engine>, tokio::runtime::Runtime), ExitCode> {
    let engine = build_engine(config)?;
    let rt = runtime()?;
    let engine = if config.workers.isolate {
        match rt.block_on(crate::server::start_workers(config, config.source.as_deref(), 1)) {
            Ok(pool) => engine.with_workers(pool),
            Err(e) => {
                eprintln!("canhgac: {e}");
                return Err(ExitCode::from(1));
            }
        }
    } else {
        engine
    };
    Ok((std::sync::Arc::new(engine), rt))
}

/// The engine, or exit code 2 after printing the configuration error.
fn build_engine(config: &Config) -> Result<Engine, ExitCode> {
    Engine::build(config).map_err(|e| {
        eprintln!("canhgac: {e}");
        ExitCode::from(2)
    })
}

fn init_logging(level: &str, format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .or_else(|_| tracing_subscriber::EnvFilter::try_new(level))
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false);
    // Under systemd standard error goes to the journal (the unit sets the mail facility and
    // the identifier), which stamps each line itself.
    let journal = std::env::var_os("JOURNAL_STREAM").is_some();
    let _ = match (format, journal) {
        (LogFormat::Text, false) => builder.try_init(),
        (LogFormat::Text, true) => builder.without_time().try_init(),
        (LogFormat::Json, false) => builder.json().flatten_event(true).try_init(),
        (LogFormat::Json, true) => builder.json().flatten_event(true).without_time().try_init(),
    };
}

fn check_config(file: Option<&Path>) -> ExitCode {
    let config = match load(file) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("canhgac: {e}");
            return ExitCode::from(1);
        }
    };
    if let Err(e) = Engine::build(&config) {
        eprintln!("canhgac: {e}");
        return ExitCode::from(1);
    }
    println!("# effective configuration ({})", config.origin());
    print!("{}", config.to_toml());
    ExitCode::SUCCESS
}

fn scan(config_path: Option<&Path>, json: bool, paths: &[PathBuf]) -> ExitCode {
    let config = match load(config_path) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("canhgac: {e}");
            return ExitCode::from(2);
        }
    };
    say_what_is_used(config_path, &config, None);
    init_logging("warn", LogFormat::Text);
    let (engine, rt) = match engine_reading_in_a_worker(&config) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in paths {
        let files = match source::files(path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("canhgac: cannot read {e}");
                failed = true;
                continue;
            }
        };
        for file in files {
            let msgs = match source::read_messages(&file) {
                Ok(m) => m,
                Err(e) => {
                    eprintln!("canhgac: cannot read {e}");
                    failed = true;
                    continue;
                }
            };
            for m in msgs {
                let report = rt.block_on(engine.scan(std::sync::Arc::new(ScanInput::from_bytes(m.raw))));
                let line = if json {
                    json_line(&m.name, &report, engine.explainer())
                } else {
                    human(&m.name, &report, engine.explainer())
                };
                if writeln!(out, "{line}").is_err() {
                    return ExitCode::from(1); // stdout closed (e.g. piped into head)
                }
            }
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// One message's verdict as a JSON object (the `scan --json` format): each finding's stable
/// fields (`symbol`, `score`, `detail`, `location`, and its facts as data: `why`, `place`),
/// with its sentences for people in `text` (`vi`, `en`: `detail` and `location` each).
pub fn json_line(name: &str, r: &ScanReport, explain: &Explainer) -> String {
    let v = &r.verdict;
    let findings: Vec<serde_json::Value> = v
        .findings
        .iter()
        .map(|f| {
            let mut j = serde_json::to_value(f).unwrap_or_default();
            if let Some(o) = j.as_object_mut() {
                let text = |lang| serde_json::json!({"detail": explain.detail(f, lang), "location": explain.location(f, lang)});
                o.insert("text".into(), serde_json::json!({"vi": text(Lang::Vi), "en": text(Lang::En)}));
            }
            j
        })
        .collect();
    serde_json::json!({
        "file": name,
        "verdict": v.action,
        "dry_run_verdict": v.dry_run_action,
        "score": v.score,
        "smtp_reply": v.reply.as_ref().map(|r| r.to_string()),
        "level": v.level,
        "findings": findings,
        "authentication": r.authentication,
        "timings_us": r.timings.iter().map(|t| (t.scanner, t.micros)).collect::<std::collections::BTreeMap<_, _>>(),
    })
    .to_string()
}

/// What a symbol means, in Vietnamese when `vi` (the terminal's [`Lang`]) and the table says;
/// empty if unknown.
pub(crate) fn meaning(
    texts: &std::collections::HashMap<String, crate::policy::SymbolText>,
    symbol: &str,
    vi: bool,
) -> String {
    texts.get(symbol).map_or_else(String::new, |t| match (&t.vi, vi) {
        (Some(vi), true) => vi.clone(),
        _ => t.en.clone(),
    })
}

fn human(name: &str, r: &ScanReport, explain: &Explainer) -> String {
    let v = &r.verdict;
    // In the terminal's language (LANG=vi_VN.UTF-8: Vietnamese words, decimal comma).
    let lang = Lang::of_terminal();
    let mut s = match lang {
        Lang::Vi => format!(
            "{name}: {} (điểm {})",
            explain.action(v.action.as_str(), lang),
            crate::explain::decimal(v.score, lang)
        ),
        Lang::En => format!("{name}: {} score={:.2}", v.action, v.score),
    };
    if let Some(level) = &v.level {
        s.push_str(&match lang {
            Lang::Vi => format!(", độ mật {level}"),
            Lang::En => format!(" level={level}"),
        });
    }
    if let Some(w) = v.dry_run_action {
        s.push_str(&match lang {
            Lang::Vi => format!(" (chạy thử: lẽ ra {})", explain.action(w.as_str(), lang)),
            Lang::En => format!(" (dry-run: would {w})"),
        });
    }
    if let Some(reply) = &v.reply {
        s.push_str(&format!(" [{reply}]"));
    }
    let at = if lang == Lang::Vi { "ở" } else { "at" };
    for f in &v.findings {
        s.push_str(&format!(
            "\n    {}({}) {at} {}: {}",
            f.symbol,
            crate::explain::decimal(f.score, lang),
            explain.location(f, lang),
            explain.detail(f, lang)
        ));
    }
    s
}

fn serve(config_path: Option<&Path>, listen: Option<&str>, noop: bool) -> ExitCode {
    let mut config = match load(config_path) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("canhgac: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(l) = listen {
        match l.parse::<ListenAddr>() {
            Ok(a) => config.milter.listen = a,
            Err(e) => {
                eprintln!("canhgac: --listen: {e}");
                return ExitCode::from(2);
            }
        }
    }
    init_logging(&config.log.level, config.log.format);
    return_large_buffers_to_the_system();
    let engine = match build_engine(&config) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let rt = match runtime_with(config.milter.runtime_threads) {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    let options = crate::server::Options {
        config_path: config.source.clone(),
        config,
        engine,
        listen_fixed: listen.is_some(),
        noop,
    };
    match rt.block_on(crate::server::run_until_signalled(options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            eprintln!("canhgac: {e}");
            ExitCode::from(1)
        }
    }
}

/// `canhgac worker`: the isolated content scanner `serve` starts (see [`crate::worker`]).
fn worker(config_path: Option<&Path>) -> ExitCode {
    let config = match load(config_path) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("canhgac worker: {e}");
            return ExitCode::from(2);
        }
    };
    // The gateway logs what matters of a message; a worker speaks only of its own trouble.
    init_logging("warn", config.log.format);
    return_large_buffers_to_the_system();
    let engine = match build_engine(&config) {
        Ok(e) => e,
        Err(code) => return code,
    };
    // A request may carry a message up to the wire limit (and a prefix of a larger one).
    let max_raw = config
        .limits
        .max_message_bytes
        .saturating_mul(2)
        .saturating_add(1 << 20);
    let code = crate::worker::child::serve(
        max_raw,
        config.workers.cpu_secs_per_message,
        move |kind, input| engine.scan_for_worker(kind, input),
    );
    ExitCode::from(code as u8)
}

/// `canhgac web`: the review console alone, on the configured store, until SIGTERM or SIGINT.
fn web(config_path: Option<&Path>, listen: Option<&str>) -> ExitCode {
    let mut config = match officer::config_for(config_path) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if let Some(l) = listen {
        match l.parse() {
            Ok(a) => config.web.listen = a,
            Err(e) => {
                eprintln!("canhgac: --listen {l:?}: {e} (expected HOST:PORT)");
                return ExitCode::from(2);
            }
        }
    }
    init_logging(&config.log.level, config.log.format);
    let store = match officer::open(&config) {
        Ok(s) => std::sync::Arc::new(s),
        Err(code) => return code,
    };
    let rt = match runtime() {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    let result = rt.block_on(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let listener = crate::web::bind(config.web.listen).await?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        tracing::info!(listen = %addr, config = %config.origin(), store = %config.store.path.display(), "review console started");
        let mut term = signal(SignalKind::terminate()).map_err(|e| e.to_string())?;
        let mut int = signal(SignalKind::interrupt()).map_err(|e| e.to_string())?;
        let shutdown = async move {
            tokio::select! {
                _ = term.recv() => {}
                _ = int.recv() => {}
            }
        };
        let state = crate::web::WebState::new(store, config);
        crate::web::serve(listener, state, shutdown)
            .await
            .map_err(|e| format!("review console: {e}"))
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            eprintln!("canhgac: {e}");
            ExitCode::from(1)
        }
    }
}

/// Makes glibc serve every allocation of 1 MiB or more (whole messages being scanned) with its
/// own mapping, returned to the system when freed. By default glibc raises that threshold after
/// the first large free and keeps later large buffers in its per-thread arenas: measured, 200
/// concurrent 25 MB messages then peak at 816 MiB resident instead of 209 MiB (BENCHMARKS.md).
fn return_large_buffers_to_the_system() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator tuning; it is called before any thread is started.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}
