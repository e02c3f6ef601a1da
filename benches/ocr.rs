//! What OCR costs per scan (issue 18): CPU (this process and the tesseract and pdftoppm it runs)
//! and wall time of reading where the stamp sits, for every scan in `corpus/scans/`, then the
//! same scans again (read from the cache), then whole pages (`[ocr] whole_page`) for comparison.
//!
//! cargo bench --bench ocr        (needs tesseract-ocr-vie and poppler-utils)

use canhgac::config::Config;
use canhgac::engine::Engine;
use canhgac::message::{Envelope, ScanInput};
use std::path::Path;
use std::time::Instant;

/// CPU seconds used so far by this process and its waited-for children.
fn cpu() -> f64 {
    let secs = |who| {
        // SAFETY: getrusage only writes the struct it is given.
        let mut u: libc::rusage = unsafe { std::mem::zeroed() };
        unsafe { libc::getrusage(who, &mut u) };
        let t = |v: libc::timeval| v.tv_sec as f64 + v.tv_usec as f64 / 1e6;
        t(u.ru_utime) + t(u.ru_stime)
    };
    secs(libc::RUSAGE_SELF) + secs(libc::RUSAGE_CHILDREN)
}

fn input(raw: Vec<u8>) -> ScanInput {
    ScanInput {
        envelope: Envelope {
            rcpt_to: vec!["stc@lamdong.gov.vn".into()],
            ..Envelope::default()
        },
        raw,
        truncated_at: None,
    }
}

fn measure(engine: &Engine, files: &[(String, Vec<u8>)], label: &str) {
    println!("\n{label}");
    println!("{:<34} {:>9} {:>9}  found", "scan", "CPU s", "wall s");
    let (mut total_cpu, mut worst) = (0.0, 0.0f64);
    for (name, raw) in files {
        let (c, t) = (cpu(), Instant::now());
        let findings = engine.ocr_content(&input(raw.clone()));
        let (c, t) = (cpu() - c, t.elapsed().as_secs_f64());
        total_cpu += c;
        worst = worst.max(c);
        let mut found: Vec<&str> = findings.iter().map(|f| f.symbol.as_str()).collect();
        found.dedup();
        println!("{name:<34} {c:>9.3} {t:>9.3}  {found:?}");
    }
    println!(
        "mean CPU {:.3} s, worst {:.3} s per scan",
        total_cpu / files.len().max(1) as f64,
        worst
    );
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/scans");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("corpus/scans")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .map(|p| {
            (
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                std::fs::read(&p).expect("read"),
            )
        })
        .collect();
    files.sort();
    let mut config = Config::default();
    config.clamd.enabled = false;
    let engine = Engine::build(&config).expect("engine");
    measure(
        &engine,
        &files,
        "The stamp's place (top of the first page, frames, red ink): first read",
    );
    measure(&engine, &files, "The same scans again (cache by SHA-256)");
    config.ocr.whole_page = true;
    let whole = Engine::build(&config).expect("engine");
    measure(
        &whole,
        &files[..3],
        "With [ocr] whole_page = true (the whole first page as well)",
    );
}
