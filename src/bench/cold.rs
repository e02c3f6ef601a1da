//! `canhgac-tools scan-times`: each content scanner's time on one message in this process, back
//! to back (the CPU caches warm) and with the caches emptied before each scan. At the rates
//! Postfix sends, Postfix's own processes run between two messages and a scanning worker starts
//! every message cold: what a scan then costs is mostly the memory it touches, which a loop of
//! warm scans hides (BENCHMARKS.md, "Cold caches").

use crate::engine::Engine;
use crate::message::ScanInput;
use std::time::Instant;

/// One scanner's mean time per message, microseconds.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub scanner: String,
    pub warm_us: f64,
    pub cold_us: f64,
}

/// Scans `raw` `2 × n` times with `engine`'s content scanners, alternately warm (right after
/// the previous scan of it) and cold (after writing `evict_bytes` of other memory, a cache line
/// at a time); the mean of each scanner's own timing either way, in the order the scanners ran,
/// then `total` (the whole content scan, timed from outside).
pub fn measure(engine: &Engine, raw: Vec<u8>, n: usize, evict_bytes: usize) -> Vec<Row> {
    let input = ScanInput::from_bytes(raw);
    let mut evict = vec![0u8; evict_bytes];
    // (scanner, warm sum, cold sum), microseconds, in the order the scanners first ran
    let mut sums: Vec<(&'static str, u64, u64)> = Vec::new();
    // The first scan builds what is built lazily (regex caches, allocations): not counted.
    engine.scan_content(&input);
    for i in 0..2 * n {
        let cold = i % 2 == 1;
        if cold {
            for b in evict.iter_mut().step_by(64) {
                *b = b.wrapping_add(1);
            }
            std::hint::black_box(&evict);
        }
        let started = Instant::now();
        let (_, timings) = engine.scan_content(&input);
        let total = started.elapsed().as_micros() as u64;
        let all = timings
            .iter()
            .map(|t| (t.scanner, t.micros))
            .chain([("total", total)]);
        for (scanner, micros) in all {
            let at = match sums.iter().position(|s| s.0 == scanner) {
                Some(at) => at,
                None => {
                    sums.push((scanner, 0, 0));
                    sums.len() - 1
                }
            };
            if cold {
                sums[at].2 += micros;
            } else {
                sums[at].1 += micros;
            }
        }
    }
    let n = n.max(1) as f64;
    sums.into_iter()
        .map(|(scanner, warm, cold)| Row {
            scanner: scanner.to_owned(),
            warm_us: warm as f64 / n,
            cold_us: cold as f64 / n,
        })
        .collect()
}

/// The rows as a Markdown table.
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from("| scanner | warm µs | cold µs | cold / warm |\n|---|---|---|---|\n");
    for r in rows {
        let ratio = if r.warm_us > 0.0 {
            format!("{:.1}", r.cold_us / r.warm_us)
        } else {
            "–".to_owned()
        };
        out.push_str(&format!(
            "| {} | {:.1} | {:.1} | {ratio} |\n",
            r.scanner, r.warm_us, r.cold_us
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scanner_is_timed_warm_and_cold_and_the_total_last() {
        let engine = Engine::build(&crate::config::Config::default()).expect("engine");
        let raw =
            b"From: a@example.vn\r\nTo: b@lamdong.gov.vn\r\nSubject: Thu moi\r\n\r\nKinh gui anh chi.\r\n";
        let rows = measure(&engine, raw.to_vec(), 3, 1 << 16);
        let names: Vec<&str> = rows.iter().map(|r| r.scanner.as_str()).collect();
        assert!(names.contains(&"parse") && names.contains(&"spam"), "{names:?}");
        assert_eq!(names.last(), Some(&"total"));
        assert_eq!(table(&rows).lines().count(), rows.len() + 2);
    }
}
