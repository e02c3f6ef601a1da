//! `canhgac train` and `canhgac-tools eval`: the spam classifier's training and the cross-validated
//! measurement of the whole spam decision.

use super::eval::{self, Labelled, Rates};
use super::load;
use crate::message::source;
use crate::spam::{bayes, tokendb::TokenDb};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Every message under `paths` (files, directories of .eml, mbox files), or why not.
fn read_all(paths: &[PathBuf]) -> Result<Vec<Labelled>, String> {
    let mut out = Vec::new();
    for p in paths {
        let msgs = source::all_messages(p).map_err(|e| format!("cannot read {e}"))?;
        out.extend(msgs.into_iter().map(|m| Labelled {
            name: m.name,
            raw: m.raw,
        }));
    }
    Ok(out)
}

/// What `rules/vietnamese-model.tsv` says of itself.
const VIETNAMESE_MODEL_HEADER: &str = "The Vietnamese model shipped with the rules ([vietnamese_model] in spam.toml): for each\n\
token, its hash (XXH3-64 of the token's text, as the token database keeps it) and how many ham\n\
and spam messages of the project's labelled set had it; tokens of a single message left out.\n\
Written by `canhgac-tools vietnamese-model --ham corpus/vietnamese-spam/ham --spam\n\
corpus/vietnamese-spam/spam --out rules/vietnamese-model.tsv`: do not edit by hand.";

/// The text of the Vietnamese model shipped with the rules, trained on labelled mail.
pub fn vietnamese_model_text(ham: &[PathBuf], spam: &[PathBuf]) -> Result<String, String> {
    let limits = crate::config::LimitsConfig::default();
    let mut model = bayes::Model::default();
    for (paths, is_spam) in [(ham, false), (spam, true)] {
        for m in read_all(paths)? {
            model.learn(&bayes::tokens(&m.raw, &limits), is_spam);
        }
    }
    if model.hams == 0 || model.spams == 0 {
        return Err("no ham or no spam messages read".to_owned());
    }
    Ok(model.to_text(2, VIETNAMESE_MODEL_HEADER))
}

/// `canhgac-tools vietnamese-model --ham PATH --spam PATH --out FILE`.
pub fn vietnamese_model(ham: &[PathBuf], spam: &[PathBuf], out: &Path) -> ExitCode {
    let text = match vietnamese_model_text(ham, spam) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("canhgac-tools: vietnamese-model: {e}");
            return ExitCode::from(1);
        }
    };
    match std::fs::write(out, &text) {
        Ok(()) => {
            println!(
                "wrote {} ({} tokens)",
                out.display(),
                text.lines().filter(|l| !l.starts_with('#')).count() - 1
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("canhgac-tools: cannot write {}: {e}", out.display());
            ExitCode::from(1)
        }
    }
}

/// `canhgac train --ham PATH --spam PATH [--db FILE]`.
pub fn train(config: Option<&Path>, ham: &[PathBuf], spam: &[PathBuf], db: Option<&Path>) -> ExitCode {
    let cfg = match load(config) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("canhgac: {e}");
            return ExitCode::from(2);
        }
    };
    if ham.is_empty() && spam.is_empty() {
        eprintln!("canhgac: train: give --ham PATH and/or --spam PATH");
        return ExitCode::from(2);
    }
    let path = db.map_or_else(|| cfg.spam.bayes_db.clone(), Path::to_path_buf);
    if path.as_os_str().is_empty() {
        eprintln!("canhgac: train: no token database ([spam] bayes_db is empty; give --db FILE)");
        return ExitCode::from(2);
    }
    super::say_what_is_used(
        config,
        &cfg,
        Some(("token database", &crate::spam::tokendb::display(&path))),
    );
    let mut store = match TokenDb::open(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("canhgac: {e}");
            return ExitCode::from(1);
        }
    };
    for (paths, is_spam, class) in [(ham, false, "ham"), (spam, true, "spam")] {
        if paths.is_empty() {
            continue;
        }
        let msgs = match read_all(paths) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("canhgac: {e}");
                return ExitCode::from(2);
            }
        };
        let items = msgs
            .iter()
            .map(|m| (m.raw.as_slice(), bayes::tokens(&m.raw, &cfg.limits), is_spam));
        match store.train(items) {
            Ok(s) => println!(
                "{class}: {} messages: {} learned, {} moved from the other class, {} trained before",
                msgs.len(),
                s.learned,
                s.relearned,
                s.already
            ),
            Err(e) => {
                eprintln!("canhgac: {e}");
                return ExitCode::from(1);
            }
        }
    }
    match store.counts() {
        Ok((h, s, t)) => {
            println!(
                "{}: {h} ham, {s} spam, {t} tokens",
                crate::spam::tokendb::display(&path).display()
            );
            if h >= cfg.spam.min_ham && s >= cfg.spam.min_spam {
                println!("the classifier is in use from the next start or reload (SIGHUP)");
            } else {
                println!(
                    "the classifier stays off until at least {} ham and {} spam are trained ([spam] min_ham, min_spam)",
                    cfg.spam.min_ham, cfg.spam.min_spam
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("canhgac: {e}");
            ExitCode::from(1)
        }
    }
}

/// `canhgac train --from-quarantine [--db FILE]`: the officers' words on held messages.
/// Content is read in an isolated worker (`[workers] isolate`), as the gateway reads it.
pub fn train_from_quarantine(
    config_path: Option<&Path>,
    ham: &[PathBuf],
    spam: &[PathBuf],
    db: Option<&Path>,
) -> ExitCode {
    if !ham.is_empty() || !spam.is_empty() {
        eprintln!("canhgac: train: --from-quarantine learns the store's words; train folders in another run");
        return ExitCode::from(2);
    }
    let mut cfg = match load(config_path) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("canhgac: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(db) = db {
        cfg.spam.bayes_db = db.to_path_buf();
    }
    if cfg.spam.bayes_db.as_os_str().is_empty() {
        eprintln!("canhgac: train: no token database ([spam] bayes_db is empty; give --db FILE)");
        return ExitCode::from(2);
    }
    let store = match super::officer::open(&cfg) {
        Ok(s) => std::sync::Arc::new(s),
        Err(code) => return code,
    };
    let (engine, rt) = match super::engine_reading_in_a_worker(&cfg) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let actor = match super::officer::actor(&cfg, &store, None) {
        Ok(a) => a,
        Err(code) => return code,
    };
    match rt.block_on(crate::review::learn_feedback(&store, &engine, &actor, true)) {
        Ok(done) => {
            println!(
                "officers' feedback: {} learned, {} learned before, {} not readable (original purged or deleted)",
                done.learned, done.already, done.skipped
            );
            println!("the classifier uses it from the next start or reload (SIGHUP)");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("canhgac: train: {e}");
            ExitCode::from(1)
        }
    }
}

/// `canhgac-tools eval --ham PATH --spam PATH [--folds K] [--errors N]`.
pub fn eval(
    config: Option<&Path>,
    ham: &[PathBuf],
    spam: &[PathBuf],
    folds: usize,
    errors: usize,
    dump: Option<&Path>,
) -> ExitCode {
    let cfg = match load(config) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("canhgac: {e}");
            return ExitCode::from(2);
        }
    };
    let (h, s) = match (read_all(ham), read_all(spam)) {
        (Ok(h), Ok(s)) => (h, s),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("canhgac: {e}");
            return ExitCode::from(2);
        }
    };
    if h.is_empty() || s.is_empty() {
        eprintln!("canhgac: eval: need both ham and spam messages");
        return ExitCode::from(2);
    }
    let started = std::time::Instant::now();
    let r = match eval::run(&cfg, &h, &s, folds, true) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("canhgac: {e}");
            return ExitCode::from(2);
        }
    };
    println!(
        "{} ham, {} spam; {}-fold cross-validation (each fold classified by a model trained on the others)",
        h.len(),
        s.len(),
        r.folds
    );
    println!(
        "{:<34} {:>10} {:>12} {:>10}",
        "operating point", "ham FP", "spam recall", "precision"
    );
    let line = |name: &str, x: Rates| {
        println!(
            "{:<34} {:>9.2}% {:>11.2}% {:>9.2}%   ({} ham flagged, {} spam caught)",
            name,
            x.ham_false_positive_rate * 100.0,
            x.spam_recall * 100.0,
            x.precision * 100.0,
            x.false_positives,
            x.true_positives
        );
    };
    line(&format!("tag (score >= {:.1})", r.tag_threshold), r.tag());
    line(
        &format!("reject (score >= {:.1})", r.reject_threshold),
        r.reject(),
    );
    let (rules_tag, rules_reject) = r.rules_only();
    line("rules alone, tag", rules_tag);
    line("rules alone, reject", rules_reject);
    for p in [0.5, 0.9, 0.99] {
        line(&format!("classifier alone (p >= {p})"), r.classifier(p));
    }
    println!(
        "content scan per message (parse, extraction, YARA, markings, spam rules and classifier; clamd not included): mean {:.3} ms, p99 {:.3} ms; of which spam rules and classifier: mean {:.3} ms",
        r.scan_micros_mean / 1000.0,
        r.scan_micros_p99 as f64 / 1000.0,
        r.spam_micros_mean / 1000.0
    );
    println!("evaluation took {:.1} s", started.elapsed().as_secs_f64());
    if let Some(path) = dump {
        // One line per message, for fitting scores: class, probability, rule symbols, name, the
        // share of its body words the model knew, its language and the model's ham of it.
        let mut out = String::new();
        for (set, class) in [(&r.ham, "ham"), (&r.spam, "spam")] {
            for j in set {
                let syms: Vec<&str> = j
                    .verdict
                    .findings
                    .iter()
                    .map(|f| f.symbol.as_str())
                    .filter(|s| !s.starts_with("BAYES_"))
                    .collect();
                out.push_str(&format!(
                    "{class}\t{:.6}\t{}\t{}\t{:.4}\t{}\t{}\n",
                    j.probability,
                    syms.join(","),
                    j.name,
                    j.known_share,
                    j.language.name(),
                    j.language_hams
                ));
            }
        }
        if let Err(e) = std::fs::write(path, out) {
            eprintln!("canhgac: {}: {e}", path.display());
            return ExitCode::from(1);
        }
    }
    // Hit frequencies, as SpamAssassin's rule QA prints them: how often each symbol fired.
    let mut hits: std::collections::BTreeMap<&str, (usize, usize, f64)> = std::collections::BTreeMap::new();
    for (set, is_spam) in [(&r.ham, false), (&r.spam, true)] {
        for j in set {
            let mut seen: Vec<&str> = Vec::new();
            for f in &j.verdict.findings {
                if seen.contains(&f.symbol.as_str()) {
                    continue;
                }
                seen.push(&f.symbol);
                let e = hits.entry(&f.symbol).or_insert((0, 0, f.score));
                if is_spam {
                    e.1 += 1;
                } else {
                    e.0 += 1;
                }
            }
        }
    }
    println!("{:<24} {:>7} {:>8} {:>8}", "symbol", "score", "ham %", "spam %");
    for (sym, (ham_hits, spam_hits, score)) in &hits {
        println!(
            "{:<24} {:>7.2} {:>8.2} {:>8.2}",
            sym,
            score,
            *ham_hits as f64 * 100.0 / h.len() as f64,
            *spam_hits as f64 * 100.0 / s.len() as f64
        );
    }
    if errors > 0 {
        let symbols = |j: &eval::Judged| {
            j.verdict
                .findings
                .iter()
                .map(|f| format!("{}({:.1})", f.symbol, f.score))
                .collect::<Vec<_>>()
                .join(",")
        };
        let list = |title: &str, mut items: Vec<&eval::Judged>, worst_first: bool| {
            items.sort_by(|a, b| {
                let o = a.verdict.score.total_cmp(&b.verdict.score);
                if worst_first { o.reverse() } else { o }
            });
            println!("{title} ({}):", items.len());
            for j in items.iter().take(errors) {
                println!(
                    "  {} {:.2} p={:.4} {} {}",
                    j.verdict.action,
                    j.verdict.score,
                    j.probability,
                    j.name,
                    symbols(j)
                );
            }
        };
        use crate::verdict::Action;
        list(
            "ham flagged",
            r.ham
                .iter()
                .filter(|j| j.verdict.action != Action::Accept)
                .collect(),
            true,
        );
        list(
            "spam not rejected",
            r.spam
                .iter()
                .filter(|j| j.verdict.action != Action::Reject)
                .collect(),
            false,
        );
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    /// `rules/vietnamese-model.tsv` is what `canhgac-tools vietnamese-model` writes from the
    /// labelled set: after the set or the tokens change, run the command the file names.
    #[test]
    fn the_shipped_vietnamese_model_is_the_labelled_sets() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/vietnamese-spam");
        let text = super::vietnamese_model_text(&[dir.join("ham")], &[dir.join("spam")]).expect("model");
        assert!(
            text == crate::scanners::spam::EMBEDDED_VIETNAMESE_MODEL,
            "rules/vietnamese-model.tsv is stale: run `canhgac-tools vietnamese-model --ham \
             corpus/vietnamese-spam/ham --spam corpus/vietnamese-spam/spam --out rules/vietnamese-model.tsv`"
        );
    }
}
