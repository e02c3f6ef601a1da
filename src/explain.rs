//! Findings in the reader's language. A finding carries its facts as data ([`Why`], [`Place`]);
//! this module writes them with the sentences of `rules/findings.toml` (built in, each entry
//! replaceable by a file of the same name in `[rules] dir`), in Vietnamese or English, with
//! numbers and sizes the reader's way. A finding without data, or whose sentence needs a value
//! it lacks, reads as its English detail: nothing is ever hidden for want of a translation.
//!
//! Loaded and checked when the engine is built (so `check-config` names a broken file and line)
//! and by the console, which builds no engine.

use crate::config::{ConfigError, rule_source};
use crate::verdict::{Finding, Place, Why};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The built-in sentences.
pub const EMBEDDED: &str = include_str!("../rules/findings.toml");

/// The language a person reads (the console's too: `web::i18n` adds its interface words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    /// The language of this terminal: Vietnamese when `LC_ALL`, `LC_MESSAGES` or `LANG` (the
    /// first set) starts with `vi`, else English.
    pub fn of_terminal() -> Lang {
        let vi = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
            .is_some_and(|v| v.starts_with("vi"));
        if vi { Lang::Vi } else { Lang::En }
    }
}

/// What each place step may name.
const PLACE_VALUES: &[(&str, &[&str])] = &[
    ("message", &[]),
    ("envelope", &[]),
    ("headers", &[]),
    ("header_section", &[]),
    ("header", &["name"]),
    ("subject", &[]),
    ("body", &[]),
    ("body_part", &["id"]),
    ("part", &["id"]),
    ("part_named", &["id", "name"]),
    ("forwarded", &["id"]),
    ("member", &["name"]),
    ("page", &["n"]),
    ("line", &["n"]),
    ("file_name", &[]),
    ("picture_text", &[]),
    ("preamble", &[]),
    ("epilogue", &[]),
    ("ocr_frame", &[]),
    ("ocr_red_ink", &[]),
    ("ocr_page", &[]),
    ("ocr_read", &["text"]),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    reasons: BTreeMap<String, RawReason>,
    #[serde(default)]
    factors: BTreeMap<String, Pair>,
    #[serde(default)]
    terms: BTreeMap<String, Pair>,
    #[serde(default)]
    places: BTreeMap<String, Pair>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReason {
    values: Vec<String>,
    vi: String,
    en: String,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Pair {
    vi: String,
    en: String,
}

/// The sentences, checked. Cheap to share (the console and the engine each keep one).
#[derive(Debug, Clone, Default)]
pub struct Explainer {
    reasons: HashMap<String, (String, String)>,
    factors: HashMap<String, (String, String)>,
    terms: HashMap<String, (String, String)>,
    places: HashMap<String, (String, String)>,
}

impl Explainer {
    /// The built-in sentences (tested: `the_built_in_sentences_load`).
    pub fn built_in() -> Explainer {
        Self::compile(EMBEDDED, Path::new("(built-in) rules/findings.toml"), None).unwrap_or_default()
    }

    /// The sentences of a rules directory: its `findings.toml` over the built-in one, entry by
    /// entry.
    pub fn load(dir: Option<&Path>) -> Result<Explainer, ConfigError> {
        let (origin, text) = rule_source(dir, "findings.toml", EMBEDDED)?;
        if dir.is_none() || origin.starts_with("(built-in)") {
            return Self::compile(&text, &origin, None);
        }
        Self::compile(&text, &origin, Some(Self::built_in()))
    }

    fn compile(text: &str, origin: &Path, base: Option<Explainer>) -> Result<Explainer, ConfigError> {
        let raw: RawFile = toml::from_str(text).map_err(|e| ConfigError::from_toml(origin, text, &e))?;
        let mut out = base.unwrap_or_default();
        let bad =
            |section: &str, key: &str, msg: String| ConfigError::at_key(origin, text, section, key, &msg);
        for (key, r) in raw.reasons {
            let section = format!("reasons.{key}");
            for (lang, sentence) in [("vi", &r.vi), ("en", &r.en)] {
                check(sentence, &r.values).map_err(|m| bad(&section, lang, m))?;
            }
            out.reasons.insert(key, (r.vi, r.en));
        }
        for (key, p) in raw.places {
            let Some((_, names)) = PLACE_VALUES.iter().find(|(k, _)| *k == key) else {
                let known: Vec<&str> = PLACE_VALUES.iter().map(|(k, _)| *k).collect();
                return Err(bad(
                    "places",
                    &key,
                    format!("no such place step (known: {})", known.join(", ")),
                ));
            };
            let names: Vec<String> = names.iter().map(|s| (*s).to_owned()).collect();
            for sentence in [&p.vi, &p.en] {
                check(sentence, &names).map_err(|m| bad("places", &key, m))?;
            }
            out.places.insert(key, (p.vi, p.en));
        }
        for (table, into) in [(raw.factors, &mut out.factors), (raw.terms, &mut out.terms)] {
            for (key, p) in table {
                into.insert(key, (p.vi, p.en));
            }
        }
        Ok(out)
    }

    /// What a finding says, in `lang`: its reason's sentence with its values, else its English
    /// detail.
    pub fn detail(&self, f: &Finding, lang: Lang) -> String {
        f.why
            .as_ref()
            .and_then(|w| self.sentence(w, lang))
            .unwrap_or_else(|| f.detail.clone())
    }

    /// Where a finding is, in `lang`: its steps, else its English location.
    pub fn location(&self, f: &Finding, lang: Lang) -> String {
        if f.place.is_empty() {
            return f.location.clone();
        }
        self.place(&f.place, lang)
    }

    /// A location's steps in `lang`.
    pub fn place(&self, steps: &[Place], lang: Lang) -> String {
        let mut out = String::new();
        for (i, p) in steps.iter().enumerate() {
            let (joiner, key, values): (&str, String, Vec<(&str, String)>) = match p {
                Place::Message => (" > ", "message".into(), vec![]),
                Place::Envelope => (" > ", "envelope".into(), vec![]),
                Place::Headers => (" > ", "headers".into(), vec![]),
                Place::HeaderSection => (" > ", "header_section".into(), vec![]),
                Place::Header { name } => (" > ", "header".into(), vec![("name", name.clone())]),
                Place::Subject => (" > ", "subject".into(), vec![]),
                Place::Body => (" > ", "body".into(), vec![]),
                Place::BodyPart { id } => (" > ", "body_part".into(), vec![("id", id.clone())]),
                Place::Part { id, name: None } => (" > ", "part".into(), vec![("id", id.clone())]),
                Place::Part { id, name: Some(n) } => (
                    " > ",
                    "part_named".into(),
                    vec![("id", id.clone()), ("name", n.clone())],
                ),
                Place::Forwarded { id } => (" > ", "forwarded".into(), vec![("id", id.clone())]),
                Place::Member { name } => (" > ", "member".into(), vec![("name", name.clone())]),
                Place::Page { n } => (", ", "page".into(), vec![("n", n.to_string())]),
                Place::Line { n } => (", ", "line".into(), vec![("n", n.to_string())]),
                Place::FileName => (", ", "file_name".into(), vec![]),
                Place::PictureText => (", ", "picture_text".into(), vec![]),
                Place::Preamble => (", ", "preamble".into(), vec![]),
                Place::Epilogue => (", ", "epilogue".into(), vec![]),
                Place::Ocr { how } => (" ", format!("ocr_{}", how.replace(' ', "_")), vec![]),
                Place::OcrRead { text } => (" ", "ocr_read".into(), vec![("text", text.clone())]),
                Place::Other { text } => {
                    out.push_str(text);
                    continue;
                }
            };
            if i > 0 {
                out.push_str(joiner);
            }
            let values: BTreeMap<String, String> =
                values.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
            match self
                .places
                .get(&key)
                .and_then(|s| fill(pick(s, lang), lang, &|n| values.get(n).cloned()))
            {
                Some(s) => out.push_str(&s),
                None => out.push_str(&Place::english(std::slice::from_ref(p))),
            }
        }
        out
    }

    /// A reason's sentence in `lang`; None when the key is unknown or a value it names is missing.
    pub fn sentence(&self, w: &Why, lang: Lang) -> Option<String> {
        let sentence = pick(self.reasons.get(&w.key)?, lang);
        fill(sentence, lang, &|name| {
            if let Some(v) = w.values.get(name) {
                return Some(v.clone());
            }
            if let Some(t) = w.terms.get(name) {
                return Some(
                    self.terms
                        .get(t)
                        .map_or_else(|| t.clone(), |p| pick(p, lang).to_owned()),
                );
            }
            (name == "factors").then(|| {
                w.factors
                    .iter()
                    .map(|f| {
                        let label = self
                            .factors
                            .get(&f.factor)
                            .map_or(f.factor.as_str(), |p| pick(p, lang));
                        format!("{label} {:+}", f.weight)
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        })
    }

    /// What the verdict did, in `lang` (`[terms] action_*`).
    pub fn action(&self, action: &str, lang: Lang) -> String {
        let key = format!("action_{action}");
        match self.terms.get(&key) {
            Some(p) => pick(p, lang).to_owned(),
            None => action.to_owned(),
        }
    }

    /// Whether a factor key (of the markings scanner) has its sentences.
    pub fn knows_factor(&self, key: &str) -> bool {
        self.factors.contains_key(key)
    }

    /// Whether a term key has its sentences.
    pub fn knows_term(&self, key: &str) -> bool {
        self.terms.contains_key(key)
    }

    /// Whether a reason key has its sentences.
    pub fn knows_reason(&self, key: &str) -> bool {
        self.reasons.contains_key(key)
    }
}

fn pick(p: &(String, String), lang: Lang) -> &str {
    match lang {
        Lang::Vi => &p.0,
        Lang::En => &p.1,
    }
}

/// The placeholders of a sentence: `(name, format)`; an unclosed brace is an error.
fn placeholders(sentence: &str) -> Result<Vec<(&str, &str)>, String> {
    let mut out = Vec::new();
    let mut rest = sentence;
    while let Some(open) = rest.find('{') {
        let Some(len) = rest[open..].find('}') else {
            return Err(format!("unclosed {{ in {sentence:?}"));
        };
        let inner = &rest[open + 1..open + len];
        let (name, format) = inner.split_once(':').unwrap_or((inner, ""));
        out.push((name, format));
        rest = &rest[open + len + 1..];
    }
    Ok(out)
}

/// Checks that a sentence names only `allowed` values, with known formats.
fn check(sentence: &str, allowed: &[String]) -> Result<(), String> {
    for (name, format) in placeholders(sentence)? {
        if !allowed.iter().any(|a| a == name) {
            return Err(format!(
                "{{{name}}} is not a value of this entry (it has: {})",
                if allowed.is_empty() {
                    "none".to_owned()
                } else {
                    allowed.join(", ")
                }
            ));
        }
        if !matches!(format, "" | "size" | "n") {
            return Err(format!("{{{name}:{format}}}: the formats are :size and :n"));
        }
    }
    Ok(())
}

/// The sentence with its placeholders filled from `value`; None when one is missing.
fn fill(sentence: &str, lang: Lang, value: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::with_capacity(sentence.len() + 32);
    let mut rest = sentence;
    while let Some(open) = rest.find('{') {
        let len = rest[open..].find('}')?;
        out.push_str(&rest[..open]);
        let inner = &rest[open + 1..open + len];
        let (name, format) = inner.split_once(':').unwrap_or((inner, ""));
        let v = value(name)?;
        match (format, v.parse::<u64>()) {
            ("size", Ok(n)) => out.push_str(&size(n, lang)),
            ("n", Ok(n)) => out.push_str(&number(n, lang)),
            _ => out.push_str(&v),
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// A score with two decimals: `6,50` in Vietnamese, `6.50` in English.
pub fn decimal(v: f64, lang: Lang) -> String {
    let s = format!("{v:.2}");
    if lang == Lang::Vi { s.replace('.', ",") } else { s }
}

/// A size with the exact count of bytes: `3,1 kB (3.134 byte)`.
pub fn size_exact(bytes: u64, lang: Lang) -> String {
    if bytes < 1024 {
        return size(bytes, lang);
    }
    format!("{} ({} byte)", size(bytes, lang), number(bytes, lang))
}

/// A count with its thousands grouped: `12.345` in Vietnamese, `12,345` in English.
pub fn number(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = if lang == Lang::Vi { '.' } else { ',' };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A size in bytes as people read it, by powers of 1024 as the limits are set (20 MB is
/// 20 × 1024 × 1024 bytes): `20 MB`, `1,5 MB` in Vietnamese, `1.5 MB` in English, `512 byte`.
pub fn size(bytes: u64, lang: Lang) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "kB")];
    let Some(&(base, unit)) = UNITS.iter().find(|(b, _)| bytes >= *b) else {
        return format!("{} byte", number(bytes, lang));
    };
    let tenths = (bytes as u128 * 10 + base as u128 / 2) / base as u128;
    let (whole, frac) = (tenths / 10, tenths % 10);
    let whole = number(whole as u64, lang);
    match (frac, lang) {
        (0, _) => format!("{whole} {unit}"),
        (f, Lang::Vi) => format!("{whole},{f} {unit}"),
        (f, Lang::En) => format!("{whole}.{f} {unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::Factor;

    #[test]
    fn the_built_in_sentences_load() {
        let e = Explainer::compile(EMBEDDED, Path::new("findings.toml"), None).expect("built in");
        assert!(e.knows_reason("marking") && e.knows_factor("capitals") && e.knows_term("encrypted"));
        use crate::verdict::Action;
        for a in [
            Action::Accept,
            Action::Tag,
            Action::Tempfail,
            Action::Discard,
            Action::Reject,
            Action::Quarantine,
        ] {
            assert!(e.knows_term(&format!("action_{a}")), "{a} has no words");
        }
        assert_eq!(e.action("quarantine", Lang::Vi), "tạm giữ");
        for (key, _) in PLACE_VALUES {
            assert!(e.places.contains_key(*key), "place {key} has no sentences");
        }
    }

    #[test]
    fn a_marking_reads_in_vietnamese_and_in_english() {
        let e = Explainer::built_in();
        let f = Finding::new(
            "MARKING_TOI_MAT",
            "TỐI MẬT marking «[TỐI MẬT]» (weight 8: capitals, at the top)",
            r#"part 2 "to-trinh.docx" > word/document.xml, line 4"#,
        )
        .with_why(Why {
            key: "marking".into(),
            values: [("level", "TỐI MẬT"), ("evidence", "[TỐI MẬT]"), ("weight", "8")]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
            terms: BTreeMap::new(),
            factors: vec![
                Factor {
                    factor: "capitals".into(),
                    weight: 3,
                },
                Factor {
                    factor: "at_top".into(),
                    weight: 5,
                },
            ],
        });
        assert_eq!(
            e.detail(&f, Lang::Vi),
            "Dấu độ mật TỐI MẬT «[TỐI MẬT]» (điểm 8: viết hoa +3, ở đầu văn bản +5)"
        );
        assert_eq!(
            e.detail(&f, Lang::En),
            "TỐI MẬT marking «[TỐI MẬT]» (weight 8: capitals +3, at the top +5)"
        );
        assert_eq!(
            e.location(&f, Lang::Vi),
            "tệp đính kèm «to-trinh.docx» (phần 2) > «word/document.xml», dòng 4"
        );
        // Without data, the English text.
        let plain = Finding::new("X", "something", "");
        assert_eq!(e.detail(&plain, Lang::Vi), "something");
        // A value the sentence needs is missing: the English text, never a hole.
        let short = Finding::new("X", "english", "message").with_why(Why::new("virus_found"));
        assert_eq!(e.detail(&short, Lang::Vi), "english");
        assert_eq!(e.location(&short, Lang::Vi), "toàn bộ thư");
    }

    #[test]
    fn sizes_and_numbers_the_reader_s_way() {
        assert_eq!(size(20 * 1024 * 1024, Lang::Vi), "20 MB");
        assert_eq!(size(25 * 1024 * 1024 + 300 * 1024, Lang::Vi), "25,3 MB");
        assert_eq!(size(25 * 1024 * 1024 + 300 * 1024, Lang::En), "25.3 MB");
        assert_eq!(size(512, Lang::Vi), "512 byte");
        assert_eq!(size(1536, Lang::Vi), "1,5 kB");
        assert_eq!(number(1_234_567, Lang::Vi), "1.234.567");
        assert_eq!(number(1_234_567, Lang::En), "1,234,567");
        let f = Finding::new("ATTACHMENT_OVERSIZE", "x", "message").with_why(
            Why::new("attachments_oversize")
                .value("total", 26_000_000)
                .value("limit", 20 * 1024 * 1024),
        );
        assert!(
            Explainer::built_in()
                .detail(&f, Lang::Vi)
                .starts_with("Tổng dung lượng tệp đính kèm 24,8 MB (sau giải mã), vượt giới hạn 20 MB"),
        );
    }

    #[test]
    fn a_replacement_file_is_checked_and_completed_by_the_built_in_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("findings.toml"),
            "[reasons.virus_found]\nvalues = [\"signature\"]\nvi = \"Có mã độc: {signature}\"\nen = \"Malware: {signature}\"\n",
        )
        .expect("write");
        let e = Explainer::load(Some(dir.path())).expect("load");
        let f = Finding::new("VIRUS_FOUND", "x", "message")
            .with_why(Why::new("virus_found").value("signature", "Eicar"));
        assert_eq!(e.detail(&f, Lang::Vi), "Có mã độc: Eicar");
        assert!(e.knows_reason("marking"), "the rest from the built-in file");
        std::fs::write(
            dir.path().join("findings.toml"),
            "# x\n[reasons.virus_found]\nvalues = [\"signature\"]\nvi = \"Có mã độc: {signatur}\"\nen = \"Malware\"\n",
        )
        .expect("write");
        let err = Explainer::load(Some(dir.path()))
            .expect_err("unknown value")
            .to_string();
        assert!(
            err.contains("findings.toml") && err.contains(":4") && err.contains("signatur"),
            "{err}"
        );
        std::fs::write(
            dir.path().join("findings.toml"),
            "[places]\nroom = { vi = \"x\", en = \"x\" }\n",
        )
        .expect("write");
        let err = Explainer::load(Some(dir.path()))
            .expect_err("unknown place")
            .to_string();
        assert!(err.contains("room"), "{err}");
    }

    /// Every reason key and term key written in the sources has its sentences (a key without
    /// them would show the English text).
    #[test]
    fn every_key_the_scanners_write_has_its_sentences() {
        fn walk(dir: &Path, out: &mut String) {
            for e in std::fs::read_dir(dir).expect("src") {
                let p = e.expect("entry").path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push_str(&std::fs::read_to_string(&p).expect("read"));
                }
            }
        }
        let mut src = String::new();
        walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut src);
        let e = Explainer::built_in();
        let literal = |after: &str| -> Vec<String> {
            src.match_indices(after)
                .filter_map(|(at, _)| {
                    let rest = &src[at + after.len()..];
                    let end = rest.find('"')?;
                    Some(rest[..end].to_owned())
                })
                .filter(|k| k.chars().all(|c| c.is_ascii_lowercase() || c == '_') && !k.is_empty())
                .collect()
        };
        let reasons = literal("Why::new(\"");
        assert!(reasons.len() > 30, "{reasons:?}");
        for k in reasons {
            assert!(
                e.knows_reason(&k),
                "reason {k} has no sentences in rules/findings.toml"
            );
        }
        for k in literal(".term(\"kind\", \"") {
            assert!(e.knows_term(&k), "term {k} has no words in rules/findings.toml");
        }
        for k in [
            "lookalike_carries",
            "lookalike_one_letter",
            "lookalike_suffix",
            "lookalike_brand",
        ] {
            assert!(e.knows_reason(k), "{k}");
        }
        for k in [
            "seen_in_from",
            "seen_in_reply_to",
            "seen_in_envelope_sender",
            "seen_in_link",
            "worker_scanning",
            "worker_ocr",
            // Sender authentication's results (`scanners::auth::result_term`).
            "auth_pass",
            "auth_fail",
            "auth_softfail",
            "auth_neutral",
            "auth_temperror",
            "auth_permerror",
            "auth_none",
        ] {
            assert!(e.knows_term(k), "{k}");
        }
    }
}
