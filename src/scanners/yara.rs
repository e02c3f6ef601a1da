//! YARA rules (yara-x) over every decoded attachment and every archive member. Rules live in
//! `rules/yara/*.yar`, are compiled once when the engine is built, and see one external
//! variable, `filename` (the attachment's or member's name). A matching rule `foo` becomes the
//! symbol `YARA_FOO`; its score and forced action come from `rules/scores.toml` or, when the
//! table does not list it, from the rule's metadata (`score`, `description`, `action`, `reply`).

use super::{Finding, ScanContext, Scanner};
use crate::config::ConfigError;
use crate::extract::ExtractProblem;
use crate::policy::{Action, KnownSymbol, SymbolRule};
use crate::verdict::Why;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Rule files built into the binary (the repository's `rules/yara/`).
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "executables.yar",
        include_str!("../../rules/yara/executables.yar"),
    ),
    (
        "office_macros.yar",
        include_str!("../../rules/yara/office_macros.yar"),
    ),
    (
        "phishing_html.yar",
        include_str!("../../rules/yara/phishing_html.yar"),
    ),
];

/// Time one attachment may take to scan.
const SCAN_TIMEOUT: Duration = Duration::from_secs(10);

/// Compiled YARA rules and what they mean.
pub struct YaraScanner {
    /// Compiled once per engine and never freed: a yara-x scanner borrows its rules, and reusing
    /// scanners (see [`with_scanner`]) saves about a millisecond per message. Engines are built at
    /// start-up and on reload only, so what stays allocated is one rule set per reload.
    rules: &'static yara_x::Rules,
    symbols: Vec<KnownSymbol>,
    /// Rule identifier → description, for findings.
    descriptions: std::collections::HashMap<String, String>,
}

/// The symbol for a rule identifier.
pub fn symbol_for(rule: &str) -> String {
    format!("YARA_{}", rule.to_ascii_uppercase())
}

/// Reads `dir/yara/*.yar` (sorted), or the embedded rules when `dir` is None.
pub fn load_sources(dir: Option<&Path>) -> Result<Vec<(PathBuf, String)>, ConfigError> {
    // A rules directory without a yara/ folder keeps the built-in YARA rules (as each other
    // rules file missing from it falls back to the built-in one).
    let Some(dir) = dir.filter(|d| d.join("yara").exists()) else {
        return Ok(EMBEDDED
            .iter()
            .map(|(name, text)| {
                (
                    PathBuf::from(format!("(built-in) rules/yara/{name}")),
                    (*text).to_owned(),
                )
            })
            .collect());
    };
    let ydir = dir.join("yara");
    let io = |e: std::io::Error| ConfigError::Io {
        file: ydir.clone(),
        error: e.to_string(),
    };
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&ydir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "yar" || e == "yara"))
            .collect(),
        Err(e) => return Err(io(e)),
    };
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).map_err(|e| ConfigError::Io {
                file: p.clone(),
                error: e.to_string(),
            })?;
            Ok((p, text))
        })
        .collect()
}

/// The rule declared at or before `line` in `text` (for error messages).
fn rule_at(text: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().take(line).collect();
    lines.into_iter().rev().find_map(|l| {
        let mut words = l
            .split_whitespace()
            .skip_while(|w| *w == "private" || *w == "global");
        (words.next() == Some("rule"))
            .then(|| words.next().map(|n| n.trim_end_matches([':', '{']).to_owned()))?
    })
}

impl YaraScanner {
    /// Compiles rule files (none is fine: archives are still reported for their limits). An
    /// error names the file, line, rule and what is wrong.
    pub fn compile(sources: &[(PathBuf, String)]) -> Result<YaraScanner, ConfigError> {
        let mut compiler = yara_x::Compiler::new();
        compiler
            .define_global("filename", "")
            .map_err(|e| ConfigError::Io {
                file: PathBuf::from("rules/yara"),
                error: e.to_string(),
            })?;
        for (path, text) in sources {
            let origin = path.display().to_string();
            if let Err(e) = compiler.add_source(yara_x::SourceCode::from(text.as_str()).with_origin(origin)) {
                let span = e.labels().next().map(|l| l.span().range()).unwrap_or(0..0);
                let (line, column) = crate::config::line_col(text, span.start);
                let rule = rule_at(text, line).unwrap_or_else(|| "(no rule)".to_owned());
                return Err(ConfigError::Invalid {
                    file: path.clone(),
                    line,
                    column,
                    key: format!("rule {rule}"),
                    value: text.get(span).unwrap_or("").chars().take(80).collect(),
                    message: e.title().to_owned(),
                });
            }
        }
        let rules: &'static yara_x::Rules = Box::leak(Box::new(compiler.build()));
        let mut symbols = Vec::new();
        let mut descriptions = std::collections::HashMap::new();
        for rule in rules.iter() {
            let ident = rule.identifier();
            let mut score = 0.0;
            let mut description = format!("YARA rule {ident}");
            let mut action = None;
            let mut reply = None;
            let file = sources
                .iter()
                .find(|(_, t)| t.contains(&format!("rule {ident}")))
                .map_or_else(|| PathBuf::from("rules/yara"), |(p, _)| p.clone());
            let meta_err = |key: &str, msg: String| ConfigError::Invalid {
                file: file.clone(),
                line: 0,
                column: 0,
                key: format!("rule {ident}, meta {key}"),
                value: String::new(),
                message: msg,
            };
            for (key, value) in rule.metadata() {
                match (key, value) {
                    ("score", yara_x::MetaValue::Integer(i)) => score = i as f64,
                    ("score", yara_x::MetaValue::Float(f)) => score = f,
                    ("description", yara_x::MetaValue::String(s)) => description = s.to_owned(),
                    ("action", yara_x::MetaValue::String(s)) => {
                        action = Some(
                            toml::Value::String(s.to_owned())
                                .try_into::<Action>()
                                .map_err(|_| meta_err("action", format!("unknown action {s:?}")))?,
                        )
                    }
                    ("reply", yara_x::MetaValue::String(s)) => reply = Some(s.to_owned()),
                    ("score" | "description" | "action" | "reply", _) => {
                        return Err(meta_err(key, "has the wrong type".to_owned()));
                    }
                    _ => {}
                }
            }
            let rule = SymbolRule::new(score, description, action, reply.as_deref())
                .map_err(|(k, m)| meta_err(k, m))?;
            descriptions.insert(ident.to_owned(), rule.description.clone());
            symbols.push(KnownSymbol {
                name: symbol_for(ident),
                default: Some(rule),
            });
        }
        Ok(YaraScanner {
            rules,
            symbols,
            descriptions,
        })
    }

    /// Runs the rules over `data` named `name`, adding a finding per matching rule.
    fn scan_one(
        &self,
        scanner: &mut yara_x::Scanner<'_>,
        name: &str,
        location: &str,
        data: &[u8],
        out: &mut Vec<Finding>,
    ) {
        if let Err(e) = scanner.set_global("filename", name) {
            tracing::warn!(error = %e, "cannot set YARA filename");
        }
        match scanner.scan(data) {
            Ok(results) => {
                for rule in results.matching_rules() {
                    let id = rule.identifier();
                    let what = self.descriptions.get(id).map_or(id, String::as_str);
                    out.push(
                        Finding::new(&symbol_for(id), format!("{what}: {name:?}"), location).with_why(
                            Why::new("yara_match")
                                .value("rule", id)
                                .value("description", what)
                                .value("file", name),
                        ),
                    );
                }
            }
            Err(e) => out.push(
                Finding::new(
                    "ATTACHMENT_UNSCANNABLE",
                    format!("YARA scan of {name:?} failed: {e}"),
                    location,
                )
                .with_why(Why::new("yara_failed").value("file", name).value("why", &e)),
            ),
        }
    }
}

impl Scanner for YaraScanner {
    fn name(&self) -> &'static str {
        "yara"
    }

    fn symbols(&self) -> Vec<KnownSymbol> {
        let mut s = self.symbols.clone();
        s.extend(super::named(&[
            "ATTACHMENT_UNSCANNABLE",
            "ARCHIVE_ENCRYPTED",
            "PASSWORD_IN_MESSAGE",
            "ARCHIVE_BOMB",
        ]));
        s
    }

    fn scan(&self, cx: &ScanContext<'_, '_>, out: &mut Vec<Finding>) {
        if cx.parsed.attachments.is_empty() {
            return;
        }
        with_scanner(self.rules, |scanner| self.scan_attachments(scanner, cx, out));
    }
}

thread_local! {
    /// One yara-x scanner per thread for the current rule set (a scanner is not `Send`, and
    /// creating one instantiates a wasm module: ~1 ms).
    static SCANNER: std::cell::RefCell<Option<(usize, yara_x::Scanner<'static>)>> =
        const { std::cell::RefCell::new(None) };
}

/// Runs `f` with this thread's scanner for `rules`, creating it on first use.
fn with_scanner(rules: &'static yara_x::Rules, f: impl FnOnce(&mut yara_x::Scanner<'static>)) {
    let key = rules as *const yara_x::Rules as usize;
    SCANNER.with(|cell| {
        let Ok(mut slot) = cell.try_borrow_mut() else {
            // Re-entered (cannot happen): use a fresh scanner.
            let mut s = yara_x::Scanner::new(rules);
            s.set_timeout(SCAN_TIMEOUT);
            f(&mut s);
            return;
        };
        if slot.as_ref().is_none_or(|(k, _)| *k != key) {
            let mut s = yara_x::Scanner::new(rules);
            s.set_timeout(SCAN_TIMEOUT);
            *slot = Some((key, s));
        }
        if let Some((_, s)) = slot.as_mut() {
            f(s);
        }
    });
}

impl YaraScanner {
    fn scan_attachments(
        &self,
        scanner: &mut yara_x::Scanner<'static>,
        cx: &ScanContext<'_, '_>,
        out: &mut Vec<Finding>,
    ) {
        let remaining = |scanner: &mut yara_x::Scanner<'static>| {
            // The message's deadline bounds every scan (the engine reports it when it passes).
            let left = cx.deadline.checked_duration_since(std::time::Instant::now())?;
            scanner.set_timeout(left.clamp(Duration::from_millis(1), SCAN_TIMEOUT));
            Some(())
        };
        for a in &cx.parsed.attachments {
            let Some(data) = cx.parsed.content(a) else {
                continue;
            };
            if remaining(scanner).is_none() {
                return;
            }
            let name = a.name.clone().unwrap_or_default();
            self.scan_one(scanner, &name, &a.location, data, out);
        }
        // Every archive member, as the message's one expansion found them (text extraction
        // reads the same members: nothing is inflated twice, one budget bounds it all).
        let archives = cx.archives();
        for m in &archives.members {
            if remaining(scanner).is_none() {
                return;
            }
            self.scan_one(scanner, &m.name, &m.path, &m.data, out);
        }
        // Office documents opened with a password the message gives, decrypted, and a package's
        // parts (its macros live in one), within what the archives left of the message's budget.
        let mut budget = archives
            .budget
            .clone()
            .unwrap_or_else(|| crate::extract::Budget::new(cx.limits()));
        for (location, plain) in &cx.text().decrypted {
            if remaining(scanner).is_none() {
                return;
            }
            let name = cx
                .parsed
                .attachments
                .iter()
                .find(|a| a.location == *location)
                .and_then(|a| a.name.clone())
                .or_else(|| {
                    archives
                        .members
                        .iter()
                        .find(|m| m.path == *location)
                        .map(|m| m.name.clone())
                })
                .unwrap_or_default();
            self.scan_one(scanner, &name, location, plain, out);
            if crate::extract::is_zip(plain) {
                let _ = crate::extract::walk_archive(plain, location, &mut budget, &mut |path, part, _| {
                    if remaining(scanner).is_some() {
                        let name = path.rsplit(" > ").next().unwrap_or(path);
                        self.scan_one(scanner, name, path, part, out);
                    }
                });
            }
        }
        for p in &archives.problems {
            let symbol = match p {
                ExtractProblem::Encrypted(_) => "ARCHIVE_ENCRYPTED",
                ExtractProblem::Bomb(..) => "ARCHIVE_BOMB",
                ExtractProblem::TooDeep(_)
                | ExtractProblem::TooManyMembers(_)
                | ExtractProblem::TooLarge(_)
                | ExtractProblem::Unreadable(..) => "ATTACHMENT_UNSCANNABLE",
            };
            let detail = if symbol == "ARCHIVE_BOMB" {
                format!("Archive bomb refused: {}", p.describe())
            } else {
                p.describe()
            };
            let kind = match p {
                ExtractProblem::Encrypted(_) => "encrypted",
                ExtractProblem::Bomb(..) => "bomb",
                ExtractProblem::TooDeep(_) => "too_deep",
                ExtractProblem::TooManyMembers(_) => "too_many_members",
                ExtractProblem::TooLarge(_) => "too_large",
                ExtractProblem::Unreadable(..) => "damaged",
            };
            let why = Why::new("archive_problem")
                .value("why", &detail)
                .term("kind", kind);
            out.push(Finding::new(symbol, detail, p.path()).with_why(why));
        }
        // Members and PDFs sent encrypted beside their password: read like the others (members
        // given to clamd apart), and said, with the password an officer needs to open the file.
        for o in archives.decrypted().iter().chain(&cx.text().opened) {
            let detail = format!(
                "encrypted {} opened with a password the message gives: {:?}",
                o.path, o.password
            );
            let why = Why::new("archive_password").value("password", &o.password);
            out.push(Finding::new("PASSWORD_IN_MESSAGE", detail, &o.path).with_why(why));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_list_matches_rules_directory() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/yara");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .expect("rules/yara")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".yar"))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = EMBEDDED.iter().map(|(n, _)| (*n).to_owned()).collect();
        embedded.sort();
        assert_eq!(
            on_disk, embedded,
            "every rules/yara/*.yar must be listed in EMBEDDED"
        );
    }

    #[test]
    fn compile_error_names_file_line_and_rule() {
        let src =
            "rule good { condition: true }\n\nrule broken {\n  strings: $a = \"x\"\n  condition: $b\n}\n";
        let err = YaraScanner::compile(&[(PathBuf::from("bad.yar"), src.to_owned())])
            .err()
            .expect("must fail")
            .to_string();
        assert!(err.starts_with("bad.yar:5:"), "{err}");
        assert!(err.contains("rule broken"), "{err}");
    }

    #[test]
    fn metadata_gives_score_and_action() {
        let src = "rule exe_thing { meta: score = 7 description = \"x\" action = \"reject\" reply = \"554 5.7.1\" condition: true }";
        let s = YaraScanner::compile(&[(PathBuf::from("m.yar"), src.to_owned())]).expect("compiles");
        let sym = s
            .symbols()
            .into_iter()
            .find(|k| k.name == "YARA_EXE_THING")
            .expect("symbol");
        let rule = sym.default.expect("default");
        assert_eq!(rule.score, 7.0);
        assert_eq!(
            rule.force,
            Some((Action::Reject, Some((554, "5.7.1".to_owned()))))
        );
        let bad = "rule r { meta: action = \"explode\" condition: true }";
        let err = YaraScanner::compile(&[(PathBuf::from("m.yar"), bad.to_owned())])
            .err()
            .expect("bad action");
        assert!(err.to_string().contains("explode"), "{err}");
    }
}
