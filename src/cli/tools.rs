//! `canhgac-tools`: the measuring tools, a binary of their own so that the gateway (`canhgac`)
//! carries no benchmark or corpus code: `bench` (a milter load generator playing Postfix),
//! `corpus` (the generated benchmark mix, the labelled markings corpus) and `eval`
//! (cross-validation of the spam decision).

use super::runtime;
use crate::message::source;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "canhgac-tools",
    version,
    about = "canhgac's measuring tools: milter load generator, corpora, spam cross-validation"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load-test a milter (canhgac or any other) by playing Postfix, and report throughput,
    /// latency, answers and CPU time.
    Bench(BenchArgs),
    /// Work with benchmark corpora.
    Corpus {
        #[command(subcommand)]
        command: CorpusCommand,
    },
    /// Write the gateway's man pages (man1/) and shell completions (bash, zsh, fish) to a
    /// directory, generated from its command line (for the Debian package).
    PackageDocs {
        #[arg(long)]
        out: PathBuf,
    },
    /// Compare canhgac's PDF text with poppler's `pdftotext` on every PDF under the paths (PDF
    /// files and the PDF attachments of .eml files; directories walked): characters each read
    /// and their agreement, as a Markdown table.
    PdfAgreement {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// What sender authentication (SPF, DKIM, DMARC, ARC) costs a message: the gateway's checks
    /// against a DNS responder of its own on loopback, with the cache warm, cold, DNS slow and
    /// DNS down; a Markdown table.
    AuthCost {
        /// Messages per condition (the slow and down ones use fewer).
        #[arg(long, default_value_t = 2000)]
        count: usize,
        /// The slow DNS's delay per answer, milliseconds.
        #[arg(long, default_value_t = 200)]
        slow_ms: u64,
    },
    /// Each content scanner's mean time on one message in this process, warm (scans back to
    /// back) and cold (the CPU caches emptied before each scan, as at the rates Postfix sends):
    /// a Markdown table.
    ScanTimes {
        #[arg(long, short)]
        config: Option<PathBuf>,
        /// The message (a file as sent: headers, blank line, body).
        #[arg(long)]
        message: PathBuf,
        /// Scans each way.
        #[arg(long, short = 'n', default_value_t = 500)]
        count: usize,
        /// Memory written before each cold scan, MiB: more than the CPU's last-level cache.
        #[arg(long, default_value_t = 64)]
        evict_mib: usize,
    },
    /// Write the Vietnamese model shipped with the rules (`rules/vietnamese-model.tsv`) from
    /// labelled mail: the classifier's token counts, tokens of a single message left out.
    VietnameseModel {
        #[arg(long, required = true)]
        ham: Vec<PathBuf>,
        #[arg(long, required = true)]
        spam: Vec<PathBuf>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Cross-validate the spam decision (rules, classifier, score thresholds) on labelled mail:
    /// directories of .eml files or mbox files.
    Eval {
        #[arg(long, short)]
        config: Option<PathBuf>,
        #[arg(long, required = true)]
        ham: Vec<PathBuf>,
        #[arg(long, required = true)]
        spam: Vec<PathBuf>,
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// List up to this many ham messages flagged and spam messages missed.
        #[arg(long, default_value_t = 0)]
        errors: usize,
        /// Write every message's class, classifier probability and rule symbols to this file
        /// (tab-separated), for fitting scores.
        #[arg(long)]
        dump: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum CorpusCommand {
    /// Write a deterministic synthetic mix of messages (and manifest.tsv) to a directory.
    Generate {
        #[arg(long)]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "mixed")]
        profile: crate::bench::corpus::Profile,
        #[arg(long, short = 'n', default_value_t = 1000)]
        count: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Write the labelled state-secret markings corpus (and its expected.toml) to a directory:
    /// `canhgac-tools corpus markings --out corpus/markings` rebuilds the committed one.
    Markings {
        #[arg(long)]
        out: PathBuf,
    },
    /// Write the labelled scans corpus (scanned and photographed documents, and traps) and its
    /// expected.toml: `canhgac-tools corpus scans --out corpus/scans` rebuilds the committed
    /// one (Debian's fonts-dejavu-core draws the documents).
    Scans {
        #[arg(long)]
        out: PathBuf,
        /// The directory of DejaVuSerif.ttf and DejaVuSerif-Bold.ttf.
        #[arg(long, default_value = crate::bench::scans::FONT_DIR)]
        fonts: PathBuf,
    },
}

/// `canhgac-tools scan-times`: see [`crate::bench::cold`].
fn scan_times(
    config: Option<&std::path::Path>,
    message: &std::path::Path,
    count: usize,
    evict_mib: usize,
) -> ExitCode {
    let engine = match super::load(config).and_then(|c| crate::engine::Engine::build(&c)) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("canhgac-tools: {e}");
            return ExitCode::from(2);
        }
    };
    let raw = match std::fs::read(message) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("canhgac-tools: {}: {e}", message.display());
            return ExitCode::from(2);
        }
    };
    let rows = crate::bench::cold::measure(&engine, raw, count, evict_mib << 20);
    print!("{}", crate::bench::cold::table(&rows));
    ExitCode::SUCCESS
}

/// The end of a labelled corpus's writing: how many messages went where, or why not.
fn wrote(result: std::io::Result<usize>, out: &std::path::Path) -> ExitCode {
    match result {
        Ok(n) => {
            println!("wrote {n} messages and expected.toml to {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("canhgac: cannot write {}: {e}", out.display());
            ExitCode::from(1)
        }
    }
}

/// Entry point of `canhgac-tools`.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Bench(args) => bench(args),
        Command::PackageDocs { out } => match package_docs(&out) {
            Ok(n) => {
                println!("{n} files written to {}", out.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("canhgac-tools: {}: {e}", out.display());
                ExitCode::from(1)
            }
        },
        Command::Eval {
            config,
            ham,
            spam,
            folds,
            errors,
            dump,
        } => super::spam::eval(config.as_deref(), &ham, &spam, folds, errors, dump.as_deref()),
        Command::Corpus {
            command:
                CorpusCommand::Generate {
                    out,
                    profile,
                    count,
                    seed,
                },
        } => match crate::bench::corpus::generate(&out, profile, count, seed) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("canhgac: cannot write {}: {e}", out.display());
                ExitCode::from(1)
            }
        },
        Command::ScanTimes {
            config,
            message,
            count,
            evict_mib,
        } => scan_times(config.as_deref(), &message, count, evict_mib),
        Command::VietnameseModel { ham, spam, out } => super::spam::vietnamese_model(&ham, &spam, &out),
        Command::AuthCost { count, slow_ms } => {
            let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
                Ok(rt) => rt,
                Err(e) => {
                    eprintln!("canhgac: cannot start a runtime: {e}");
                    return ExitCode::from(1);
                }
            };
            match rt.block_on(crate::bench::auth::measure(count, slow_ms)) {
                Ok(rows) => {
                    print!("{}", crate::bench::auth::report(&rows));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("canhgac: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::PdfAgreement { paths } => match crate::bench::pdf_agreement::measure(&paths) {
            Ok(rows) => {
                let root = std::env::current_dir().unwrap_or_default();
                print!("{}", crate::bench::pdf_agreement::report(&rows, &root));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("canhgac: cannot compare the PDFs: {e}");
                ExitCode::from(1)
            }
        },
        Command::Corpus {
            command: CorpusCommand::Scans { out, fonts },
        } => wrote(crate::bench::scans::write(&out, &fonts), &out),
        Command::Corpus {
            command: CorpusCommand::Markings { out },
        } => wrote(crate::bench::labelled::write(&out), &out),
    }
}

/// Options of `canhgac-tools bench`.
#[derive(clap::Args)]
struct BenchArgs {
    /// The milter: inet:HOST:PORT or unix:/path.
    #[arg(long, default_value = "inet:127.0.0.1:8897")]
    target: String,
    /// Messages to replay: .eml files, directories, mbox files. Without it, a 10 KB
    /// Vietnamese official message (see --size).
    #[arg(long)]
    input: Vec<PathBuf>,
    /// Size of the built-in message when no --input is given.
    #[arg(long, default_value_t = 10240)]
    size: usize,
    /// Connections at once.
    #[arg(long, short = 'c', default_value_t = 16)]
    concurrency: usize,
    /// Messages sent on one connection before it is closed and reopened.
    #[arg(long, default_value_t = 50)]
    per_connection: usize,
    /// Messages to measure (default 10000 unless --duration is given).
    #[arg(long, short = 'n')]
    count: Option<usize>,
    /// Seconds to run instead of a count.
    #[arg(long)]
    duration: Option<f64>,
    /// Messages sent first and not measured.
    #[arg(long, default_value_t = 200)]
    warmup: usize,
    /// The target's pid: report its CPU time per message and peak memory. Repeat it (or give a
    /// comma-separated list) for a milter made of several processes; their figures are summed.
    #[arg(long, value_delimiter = ',')]
    pid: Vec<u32>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Do not declare SIZE= at MAIL FROM (see over-size mail refused while it streams).
    #[arg(long)]
    no_size: bool,
    /// Offer this many messages a second (open loop), each on a connection of its own as
    /// Postfix opens one per SMTP session, instead of --concurrency connections back to back:
    /// the CPU and context switches per message at the rates Postfix really sends.
    #[arg(long)]
    rate: Option<f64>,
    /// Write the built-in message (of --size bytes, lines ending in LF) to this file and exit:
    /// the same message for another sender (`smtp-source -F`, benches/through-postfix.sh).
    #[arg(long)]
    write_message: Option<PathBuf>,
}

/// The built-in benchmark message: a Vietnamese official dispatch of about `size` bytes.
fn builtin_message(size: usize) -> Vec<u8> {
    let mut m = "From: \"Văn phòng\" <vanphong@lamdong.gov.vn>\r\nTo: <stc@lamdong.gov.vn>\r\nSubject: =?UTF-8?B?VGjDtG5nIGLDoW8gbOG7i2NoIGjhu41w?=\r\nDate: Mon, 30 Nov 2026 08:15:00 +0700\r\nMessage-ID: <bench.1@lamdong.gov.vn>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n".as_bytes().to_vec();
    while m.len() < size {
        m.extend_from_slice(
            "Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị triển khai thực hiện kế hoạch.\r\n".as_bytes(),
        );
    }
    m
}

fn bench(a: BenchArgs) -> ExitCode {
    use crate::bench::{self, Options, Target, client::Prepared};
    if let Some(path) = &a.write_message {
        let text = String::from_utf8_lossy(&builtin_message(a.size)).replace("\r\n", "\n");
        return match std::fs::write(path, text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("canhgac: --write-message {}: {e}", path.display());
                ExitCode::from(1)
            }
        };
    }
    let target: Target = match a.target.parse() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("canhgac: --target: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(r) = a.rate
        && !(r.is_finite() && r > 0.0)
    {
        eprintln!("canhgac: --rate {r}: give a number of messages a second above 0");
        return ExitCode::from(2);
    }
    let mut messages = Vec::new();
    for path in &a.input {
        let files = match source::files(path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("canhgac: cannot read {e}");
                return ExitCode::from(2);
            }
        };
        for f in files {
            match source::read_messages(&f) {
                Ok(ms) => messages.extend(ms.into_iter().map(|m| Prepared::from_raw(&m.raw))),
                Err(e) => {
                    eprintln!("canhgac: cannot read {e}");
                    return ExitCode::from(2);
                }
            }
        }
    }
    if a.input.is_empty() {
        messages.push(Prepared::from_raw(&builtin_message(a.size)));
    }
    let opts = Options {
        target,
        concurrency: a.concurrency,
        per_connection: a.per_connection,
        count: if a.duration.is_none() {
            Some(a.count.unwrap_or(10_000))
        } else {
            a.count
        },
        duration: a.duration.map(Duration::from_secs_f64),
        warmup: a.warmup,
        pids: a.pid,
        declare_size: !a.no_size,
        rate: a.rate,
    };
    let rt = match runtime() {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    match rt.block_on(bench::run(opts, messages)) {
        Ok(report) => {
            if a.json {
                println!("{}", serde_json::to_string(&report).unwrap_or_default());
            } else {
                print!("{}", report.table());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("canhgac: {e}");
            ExitCode::from(1)
        }
    }
}

/// Man pages of `canhgac` and each of its commands (`canhgac-serve.1`, …) under `out/man1`,
/// completions under `out/completions`; the number of files written.
fn package_docs(out: &std::path::Path) -> std::io::Result<usize> {
    use clap_complete::Shell;
    let cmd = super::command();
    let man = out.join("man1");
    std::fs::create_dir_all(&man)?;
    let mut n = 0;
    let mut pages = vec![(cmd.get_name().to_owned(), cmd.clone())];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("{}-{}", cmd.get_name(), sub.get_name());
        pages.push((name.clone(), sub.clone().name(name)));
    }
    for (name, page) in pages {
        let mut buf = Vec::new();
        clap_mangen::Man::new(page).render(&mut buf)?;
        std::fs::write(man.join(format!("{name}.1")), buf)?;
        n += 1;
    }
    let completions = out.join("completions");
    std::fs::create_dir_all(&completions)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut c = cmd.clone();
        clap_complete::generate_to(shell, &mut c, "canhgac", &completions)?;
        n += 1;
    }
    Ok(n)
}
