//! State-secret markings (`TUYỆT MẬT`, `TỐI MẬT`, `MẬT`) in the text of every part and
//! attachment. Each occurrence of the level word is weighed — its shape (capitals, alone on a
//! line, leading a subject), its place (near the document number, at the top, in a page header)
//! and its company (document-header phrases, companion stamps) — against everyday language
//! (mật khẩu, bảo mật, giải mật…) and running text that lists the levels. Phrases and weights are
//! data in `rules/markings.toml`. Content that could not be read is `MARKING_UNSCANNABLE`.

use super::{Finding, ScanContext, Scanner};
use crate::config::ConfigError;
use crate::extract::{self, PieceKind, TextPiece};
use crate::policy::KnownSymbol;
use crate::verdict::{Factor, Why};
use crate::vietnamese;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The rules built into the binary (the repository's `rules/markings.toml`).
pub const EMBEDDED: &str = include_str!("../../rules/markings.toml");

/// The symbol for content that could not be read fully.
pub const UNSCANNABLE: &str = "MARKING_UNSCANNABLE";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Detector {
    threshold: i32,
    near_lines: usize,
    top_lines: usize,
    sentence_words: usize,
    snippet_chars: usize,
    max_findings: usize,
    /// Lines after a field's label alone in a table cell within which a level alone in a cell
    /// is its value (the next cell of its row, or the cell under a column's heading). Absent
    /// from a site's older markings.toml: 0, a field is then only "Độ mật: Tối mật" on a line.
    #[serde(default)]
    field_cell_lines: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Weights {
    capitals: i32,
    alone: i32,
    leading: i32,
    near_document_number: i32,
    top: i32,
    header_phrase: i32,
    companion: i32,
    page_header: i32,
    subject: i32,
    field: i32,
    stamp: i32,
    folded: i32,
    listing: i32,
    sentence: i32,
    /// Absent from a site's older markings.toml: names are then not weighed.
    #[serde(default)]
    file_name: i32,
    /// Absent from a site's older markings.toml: a folded level of several words in a name
    /// or a subject then weighs as a lone one.
    #[serde(default)]
    folded_phrase: i32,
    /// Absent from a site's older markings.toml: a level in a subject weighs as on any line.
    #[serde(default)]
    subject_level: i32,
    /// Absent from a site's older markings.toml: a subject's level in brackets then needs
    /// capitals as anywhere else.
    #[serde(default)]
    subject_bracket: i32,
    /// Absent from a site's older markings.toml: a level closing a heading after a dash or in
    /// brackets then weighs as on any line.
    #[serde(default)]
    closes_line: i32,
    /// Absent from a site's older markings.toml: a level in brackets inside a body's line then
    /// weighs as on any line.
    #[serde(default)]
    in_brackets: i32,
    /// Absent from a site's older markings.toml: a level of several words in capitals then
    /// weighs as a lone one.
    #[serde(default)]
    phrase: i32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelRule {
    name: String,
    symbol: String,
    words: Vec<String>,
    folded: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Marker {
    word: String,
    folded: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Context {
    not_after: Vec<String>,
    not_before: Vec<String>,
    field_labels: Vec<String>,
    document_number: Vec<String>,
    header_phrases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Companion {
    symbol: String,
    name: String,
    words: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    detector: Detector,
    weights: Weights,
    levels: Vec<LevelRule>,
    marker: Marker,
    context: Context,
    companions: Vec<Companion>,
}

/// A phrase split into upper-case words.
type Words = Vec<String>;

fn words_of(phrase: &str) -> Words {
    split_words(phrase)
        .into_iter()
        .map(|(_, _, w)| w.to_uppercase())
        .collect()
}

/// Words (letters and digits) of `line` with their byte spans.
fn split_words(line: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        let word_char = c.is_alphanumeric() || ('\u{300}'..='\u{36F}').contains(&c);
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i, &line[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, line.len(), &line[s..]));
    }
    out
}

/// Format characters that show nothing: the soft hyphen, zero-width space, non-joiner and
/// joiner, the direction marks, embeddings and isolates, the word joiner and invisible
/// operators, and the zero-width no-break space (a BOM inside text).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Whether `text` has an [`is_invisible`] character, from its bytes: each is encoded from C2,
/// E2 or EF, and only those bytes are looked at.
fn has_invisible(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, b).any(|i| {
        text.get(i..)
            .and_then(|t| t.chars().next())
            .is_some_and(is_invisible)
    })
}

/// The marking rules, compiled.
#[derive(Clone)]
pub struct MarkingScanner {
    d: Detector,
    w: Weights,
    /// Levels, highest first.
    levels: Vec<Level>,
    marker: String,
    /// The marker's characters (for the quick test).
    marker_chars: Vec<char>,
    /// The quick test's key: the marker's first marked letter (its index in `marker_chars`) and
    /// a searcher for each of its forms (small, then capital: the spaced-letter check uses the
    /// last), built once.
    marker_key: Option<(usize, Vec<memchr::memmem::Finder<'static>>)>,
    marker_folded: String,
    not_after: Vec<Words>,
    not_before: Vec<Words>,
    field_labels: Vec<Words>,
    document_number: Vec<String>,
    header_phrases: Vec<String>,
    companions: Vec<Companion>,
}

/// A level, compiled.
#[derive(Clone)]
struct Level {
    /// Higher is more secret.
    rank: u8,
    name: String,
    symbol: String,
    /// Spellings with diacritics, and without.
    spell: Vec<Words>,
    folded: Vec<Words>,
}

/// One occurrence judged a marking.
#[derive(Debug, Clone)]
struct Hit {
    rank: u8,
    symbol: String,
    level: String,
    score: i32,
    /// What weighed for it: keys of `rules/findings.toml` [factors] and their weights.
    reasons: Vec<(&'static str, i32)>,
    location: String,
    snippet: String,
}

/// Reads `dir/markings.toml`; the embedded rules when `dir` is None or has no such file (a
/// rules directory may override only some files; the detector is never left without rules).
pub fn load_source(dir: Option<&Path>) -> Result<(PathBuf, String), ConfigError> {
    super::rule_source(dir, "markings.toml", EMBEDDED)
}

/// The English words of a factor key (the detail's text; people read `rules/findings.toml`).
fn factor_english(key: &str) -> &str {
    match key {
        "classification_field" => "classification field",
        "alone_on_line" => "alone on its line",
        "leads_line" => "leads the line",
        "near_document_number" => "near the document number",
        "at_top" => "at the top",
        "document_header" => "document header",
        "companion_stamp" => "companion stamp",
        "page_header" => "page header",
        "in_frame" => "in a frame at the top of a scan",
        "without_diacritics" => "without diacritics",
        "lists_levels" => "the line lists several levels",
        "running_text" => "running text",
        "file_name" => "in the file name",
        "folded_phrase" => "a level of several words without diacritics in a name or subject",
        "subject_level" => "a level in the subject",
        "subject_bracket" => "in brackets in the subject",
        "closes_line" => "closes the line after a dash or in brackets",
        "in_brackets" => "in brackets",
        "alone_in_cell" => "alone in a table cell or a column",
        "level_phrase" => "a level of several words in capitals",
        other => other,
    }
}

/// Every factor key the detector may give (checked against `rules/findings.toml` by a test).
#[cfg(test)]
const FACTORS: [&str; 22] = [
    "capitals",
    "classification_field",
    "alone_on_line",
    "leads_line",
    "near_document_number",
    "at_top",
    "document_header",
    "companion_stamp",
    "page_header",
    "subject",
    "in_frame",
    "without_diacritics",
    "lists_levels",
    "running_text",
    "file_name",
    "folded_phrase",
    "subject_level",
    "subject_bracket",
    "closes_line",
    "in_brackets",
    "alone_in_cell",
    "level_phrase",
];

/// A level word found on a line that survived the everyday-language tests, before it is weighed.
struct Candidate<'a> {
    /// The marker's word and the level's first word (indices into the line's words).
    i: usize,
    start: usize,
    rank: u8,
    name: &'a str,
    symbol: &'a str,
    /// The value of a classification field ("Độ mật: Tối mật").
    field: bool,
    capitals: bool,
    /// In brackets in a subject, in any case ("[Mật] Báo cáo").
    bracketed: bool,
    /// The line above, when the stamp was wrapped onto two lines («TỐI» over «MẬT»).
    wrapped_from: Option<&'a str>,
}

impl MarkingScanner {
    /// Compiles the rules in `text` (from `origin`). Errors name the file, line and value.
    pub fn compile(text: &str, origin: &Path) -> Result<MarkingScanner, ConfigError> {
        let raw: RawRules = toml::from_str(text).map_err(|e| ConfigError::from_toml(origin, text, &e))?;
        let bad = |section: &str, key: &str, msg: &str| ConfigError::at_key(origin, text, section, key, msg);
        if raw.levels.is_empty() {
            return Err(bad("", "levels", "at least one level is needed"));
        }
        let mut levels = Vec::new();
        for (i, l) in raw.levels.iter().enumerate() {
            let spell: Vec<Words> = l.words.iter().map(|p| words_of(p)).collect();
            let folded: Vec<Words> = l.folded.iter().map(|p| words_of(p)).collect();
            if spell
                .iter()
                .any(|w| w.last() != Some(&raw.marker.word.to_uppercase()))
            {
                return Err(bad(
                    "levels",
                    "words",
                    &format!(
                        "every spelling of {:?} must end with the marker word {:?}",
                        l.name, raw.marker.word
                    ),
                ));
            }
            if folded
                .iter()
                .any(|w| w.last() != Some(&raw.marker.folded.to_uppercase()))
            {
                return Err(bad(
                    "levels",
                    "folded",
                    &format!(
                        "every folded spelling of {:?} must end with {:?}",
                        l.name, raw.marker.folded
                    ),
                ));
            }
            if !l.symbol.starts_with("MARKING_") {
                return Err(bad(
                    "levels",
                    "symbol",
                    &format!("{:?} must start with MARKING_", l.symbol),
                ));
            }
            levels.push(Level {
                rank: (raw.levels.len() - i) as u8,
                name: l.name.clone(),
                symbol: l.symbol.clone(),
                spell,
                folded,
            });
        }
        let up = |v: &[String]| v.iter().map(|s| s.to_uppercase()).collect::<Vec<_>>();
        let marker_chars: Vec<char> = raw.marker.word.to_uppercase().chars().collect();
        let marker_key = marker_chars.iter().position(|c| !c.is_ascii()).map(|k| {
            let key = marker_chars[k];
            let forms = key.to_lowercase().chain(std::iter::once(key));
            let finders = forms
                .map(|form| memchr::memmem::Finder::new(form.to_string().as_bytes()).into_owned())
                .collect();
            (k, finders)
        });
        Ok(MarkingScanner {
            levels,
            marker: raw.marker.word.to_uppercase(),
            marker_chars,
            marker_key,
            marker_folded: raw.marker.folded.to_uppercase(),
            not_after: raw.context.not_after.iter().map(|p| words_of(p)).collect(),
            not_before: raw.context.not_before.iter().map(|p| words_of(p)).collect(),
            field_labels: raw.context.field_labels.iter().map(|p| words_of(p)).collect(),
            document_number: up(&raw.context.document_number),
            header_phrases: raw.context.header_phrases.clone(),
            companions: raw.companions,
            d: raw.detector,
            w: raw.weights,
        })
    }

    /// Findings in what OCR read of scans and photos ([`crate::extract::ocr`]): each line that,
    /// once the frame's edges and tesseract's confusions are set aside, spells a level alone
    /// ([`MarkingScanner::level_of_ocr_line`]) is read as that level; then the pieces are
    /// weighed like any other text.
    pub fn detect_ocr(&self, mut pieces: Vec<TextPiece>, out: &mut Vec<Finding>) {
        // One stamp read through both edges of its frame, once exactly and once with a
        // confusion set aside, is one reading: of the pieces of one place that read the same
        // once repaired, the first is kept.
        let mut read: Vec<(String, String)> = Vec::new();
        pieces.retain_mut(|p| {
            let place = p.location.clone();
            let mut repaired = String::with_capacity(p.text.len());
            for line in p.text.lines() {
                match self.level_of_ocr_line(line) {
                    Some(level) => {
                        if line.trim() != level {
                            p.location = format!("{} (OCR read «{}»)", p.location, line.trim());
                        }
                        repaired.push_str(level);
                    }
                    None => repaired.push_str(line),
                }
                repaired.push('\n');
            }
            if read.iter().any(|(l, t)| *l == place && *t == repaired) {
                return false;
            }
            read.push((place, repaired.clone()));
            p.text = repaired;
            true
        });
        let text = extract::ExtractedText {
            pieces,
            ..Default::default()
        };
        self.detect(&text, out);
    }

    /// The level a line of OCR text spells on its own, if any: frame lines read as `|`, `I`,
    /// `l`, `[`, `]` at its ends and every diacritic set aside (tesseract reads Ậ as Ặ, Â or A,
    /// Ố as Ô or O), spaces between the words optional, 0 read for O.
    pub fn level_of_ocr_line(&self, line: &str) -> Option<&str> {
        let junk = |c: char| !c.is_alphanumeric() || matches!(c, 'I' | 'l' | '1' | '|');
        let core = line.trim_matches(junk);
        if core.is_empty() || core.chars().count() > 24 {
            return None;
        }
        let squeeze = |s: &str| -> String {
            vietnamese::fold(s)
                .to_uppercase()
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| if c == '0' { 'O' } else { c })
                .collect()
        };
        let read = squeeze(core);
        // The letters must be capitals as a stamp is (a lower-case word in a box is not one).
        if core.chars().any(|c| c.is_lowercase()) {
            return None;
        }
        self.levels.iter().find_map(|l| {
            l.folded
                .iter()
                .any(|f| squeeze(&f.join(" ")) == read)
                .then_some(l.name.as_str())
        })
    }

    /// The symbols of each level, highest first, with their display names.
    pub fn levels(&self) -> impl Iterator<Item = (&str, &str)> {
        self.levels.iter().map(|l| (l.symbol.as_str(), l.name.as_str()))
    }

    /// Findings for already extracted text (also used by `canhgac scan` and the benches).
    pub fn detect(&self, text: &extract::ExtractedText, out: &mut Vec<Finding>) {
        self.detect_until(text, out, None);
    }

    /// As [`MarkingScanner::detect`], stopping when `deadline` passes (the engine then reports
    /// the message's time limit).
    pub fn detect_until(
        &self,
        text: &extract::ExtractedText,
        out: &mut Vec<Finding>,
        deadline: Option<Instant>,
    ) {
        let mut hits = Vec::new();
        let mut companions: Vec<(String, String, String)> = Vec::new();
        for piece in &text.pieces {
            if deadline.is_some_and(|d| Instant::now() > d) {
                break;
            }
            // A text of a million stamps must not become a million findings in memory: the
            // hits are cut to the best as they grow.
            self.scan_piece(piece, &mut hits, &mut companions, deadline);
        }
        let kept = self.best(hits);
        for h in kept {
            let english: Vec<&str> = h.reasons.iter().map(|(k, _)| factor_english(k)).collect();
            let why = Why {
                key: "marking".to_owned(),
                values: [
                    ("level", &h.level),
                    ("evidence", &h.snippet),
                    ("weight", &h.score.to_string()),
                ]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.clone()))
                .collect(),
                terms: Default::default(),
                factors: h
                    .reasons
                    .iter()
                    .map(|&(k, weight)| Factor {
                        factor: k.to_owned(),
                        weight,
                    })
                    .collect(),
            };
            out.push(
                Finding::new(
                    &h.symbol,
                    format!(
                        "{} marking «{}» (weight {}: {})",
                        h.level,
                        h.snippet,
                        h.score,
                        english.join(", ")
                    ),
                    h.location,
                )
                .with_why(why),
            );
        }
        companions.dedup();
        for (symbol, name, location) in companions.into_iter().take(self.d.max_findings) {
            out.push(
                Finding::new(&symbol, format!("companion stamp «{name}»"), location)
                    .with_why(Why::new("companion").value("name", &name)),
            );
        }
        for p in text.problems.iter().take(self.d.max_findings) {
            out.push(
                Finding::new(
                    UNSCANNABLE,
                    format!("could not be read fully for secret markings: {}", p.why),
                    &p.location,
                )
                .with_why(
                    Why::new("unreadable_for_markings")
                        .value("why", &p.why)
                        .term("kind", extract::problem_kind(&p.why)),
                ),
            );
        }
    }

    /// The hits reported: at most `max_findings`, the strongest first, but every level found is
    /// represented. Taking the best of a part and then of the whole gives the same as once.
    fn best(&self, mut hits: Vec<Hit>) -> Vec<Hit> {
        hits.sort_by(|a, b| b.rank.cmp(&a.rank).then(b.score.cmp(&a.score)));
        let mut kept: Vec<Hit> = Vec::new();
        for h in hits {
            // The same evidence twice (OCR reading one stamp through the outer and the inner
            // edge of its frame) is shown once.
            if kept
                .iter()
                .any(|k| k.symbol == h.symbol && k.location == h.location && k.snippet == h.snippet)
            {
                continue;
            }
            let new_level = !kept.iter().any(|k| k.symbol == h.symbol);
            if kept.len() < self.d.max_findings || new_level {
                kept.push(h);
            }
        }
        kept
    }

    fn scan_piece(
        &self,
        piece: &TextPiece,
        hits: &mut Vec<Hit>,
        companions: &mut Vec<(String, String, String)>,
        deadline: Option<Instant>,
    ) {
        let text = self.readable(&piece.text);
        let text: &str = &text;
        let exact = self.contains_marker(text);
        let folded_mode = !exact
            && memchr::memmem::find(text.as_bytes(), self.marker_folded.as_bytes()).is_some()
            && !vietnamese::has_diacritics(text);
        // Companion stamps, with the line they are on.
        let mut found_companion = false;
        for c in &self.companions {
            for w in &c.words {
                if let Some(at) = memchr::memmem::find(text.as_bytes(), w.as_bytes()) {
                    let line = text[..at].matches('\n').count() + 1;
                    companions.push((
                        c.symbol.clone(),
                        c.name.clone(),
                        format!("{}, line {line}", piece.location),
                    ));
                    found_companion = true;
                    break;
                }
            }
        }
        if !exact && !folded_mode {
            return;
        }
        let lines: Vec<&str> = text.lines().collect();
        let doc_number_lines: Vec<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                let t = l.trim_start();
                // Cheap first: document-number lines start with S/V.
                t.starts_with(['S', 's', 'V', 'v']) && {
                    let start: String = t.chars().take(8).collect::<String>().to_uppercase();
                    self.document_number.iter().any(|p| start.starts_with(p.as_str()))
                }
            })
            .map(|(i, _)| i)
            .collect();
        let mut header_count: Option<usize> = None;
        for (li, line) in lines.iter().enumerate() {
            if li % 1024 == 1023 && deadline.is_some_and(|d| Instant::now() > d) {
                return;
            }
            let candidate = if folded_mode {
                line.contains(self.marker_folded.as_str())
            } else {
                self.contains_marker(line)
            };
            if !candidate {
                continue;
            }
            let words = split_words(line);
            let upper: Vec<String> = words.iter().map(|(_, _, w)| w.to_uppercase()).collect();
            let marker = if folded_mode {
                &self.marker_folded
            } else {
                &self.marker
            };
            // Candidates that survive the everyday-language tests.
            let mut candidates: Vec<Candidate<'_>> = Vec::new();
            for i in 0..upper.len() {
                if upper[i] != *marker {
                    continue;
                }
                let Some((mut rank, mut name, mut symbol, start)) = self.level_at(&upper, i, folded_mode)
                else {
                    continue;
                };
                // A stamp wrapped in a narrow box or cell: «TỐI» on one line, «MẬT» alone on the
                // next is TỐI MẬT, not MẬT.
                let wrapped = (words.len() == 1)
                    .then(|| li.checked_sub(1).and_then(|p| lines.get(p)).copied())
                    .flatten()
                    .and_then(|prev| {
                        self.wrapped_level(prev, marker, folded_mode, piece.tcvn3_lowercase)
                            .map(|level| (prev, level))
                    });
                if let Some((_, (r, n, sym))) = wrapped {
                    (rank, name, symbol) = (r, n, sym);
                }
                let before = &line[..words[start].0];
                // A register field is a form row: its label starts the line (or the cell),
                // after at most a numbering, and its value is one level, not a list of them
                // ("… ba độ mật: Tuyệt mật, Tối mật và Mật" is running text). The field may
                // follow another field or what the line is about, set apart by a dash, a
                // semicolon, a comma or a bracket ("Kế hoạch số 12 - Độ mật: Tối mật", "Trích
                // yếu: …; độ mật: tối mật; số bản: 03"), or a form's wide gap, never inside a
                // sentence; its value may be quoted ("Độ mật: «Tối mật»"). A row
                // copied as text parts label and value by a tab; a table read a cell a line has
                // them on lines of their own ([`Self::field_in_table`]).
                let after_value = line[words[i].1..].trim_start();
                let phrase_alone = words.len() == i + 1 - start;
                let field = (phrase_alone && self.field_in_table(&lines, li, folded_mode))
                    || (before
                        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '\'' | '‘' | '«'))
                        .ends_with(':')
                        || before.ends_with('\t'))
                        && self.field_labels.iter().any(|l| {
                            if !ends_with_words(&upper[..start], l) {
                                return false;
                            }
                            let first = start - l.len();
                            let numbering = upper[..first].iter().all(|w| {
                                w.chars()
                                    .all(|c| c.is_ascii_digit() || (c.is_alphabetic() && w.len() == 1))
                            }) && first <= 1;
                            // Or after another field of the row: a separator, a tab, or
                            // the wide gap of a form's columns ("Độ khẩn: Hỏa tốc      Độ
                            // mật: Mật").
                            let gap = &line[..words[first].0];
                            numbering
                                || gap.trim_end().ends_with(['-', '–', '—', ',', ';', '|', '(', '['])
                                || gap.ends_with('\t')
                                || gap.ends_with("   ")
                        })
                        // A comma or semicolon then another level is a list of them; then
                        // another field ("; số bản: 03") the row goes on.
                        && !(after_value.starts_with([',', ';']) && upper[i + 1..].contains(marker))
                        && !upper.get(i + 1).is_some_and(|w| {
                            matches!(w.as_str(), "VÀ" | "HOẶC" | "HAY" | "VA" | "HOAC" | "AND" | "OR")
                        });
                // Everyday words are compounds ("bảo mật", "mật báo"): the word before or after
                // counts only when joined to the level by spaces (or a hyphen), not across a
                // bracket or a dash ("[MẬT] Báo cáo", "Kế hoạch bảo vệ - MẬT").
                let joined_before = start
                    .checked_sub(1)
                    .and_then(|b| words.get(b))
                    .is_some_and(|w| joins(&line[w.1..words[start].0]));
                let joined_after = words.get(i + 1).is_some_and(|w| joins(&line[words[i].1..w.0]));
                if !field
                    && ((joined_before && self.not_after.iter().any(|p| ends_with_words(&upper[..start], p)))
                        || (joined_after
                            && self
                                .not_before
                                .iter()
                                .any(|p| starts_with_words(&upper[i + 1..], p))))
                {
                    continue;
                }
                let capitals = words[start..=i]
                    .iter()
                    .all(|(_, _, w)| is_capitals(w, piece.tcvn3_lowercase));
                // A subject's label in brackets, typed in any case: "[Mật] Kế hoạch".
                let bracketed = piece.kind == PieceKind::Subject
                    && line[..words[start].0].trim_end().ends_with(['[', '('])
                    && line[words[i].1..].trim_start().starts_with([']', ')']);
                if !capitals && !field && !bracketed {
                    continue;
                }
                candidates.push(Candidate {
                    i,
                    start,
                    rank,
                    name,
                    symbol,
                    field,
                    capitals,
                    bracketed,
                    wrapped_from: wrapped.map(|(prev, _)| prev),
                });
            }
            // A line naming several levels is running text about them, not a stamp.
            let mut ranks_on_line: Vec<u8> = candidates.iter().map(|c| c.rank).collect();
            ranks_on_line.sort_unstable();
            ranks_on_line.dedup();
            let listing = ranks_on_line.len() >= 2;
            for c in candidates {
                let (i, start, capitals) = (c.i, c.start, c.capitals);
                let mut score = 0;
                let mut reasons = Vec::new();
                let mut add = |cond: bool, weight: i32, why: &'static str| {
                    if cond && weight != 0 {
                        score += weight;
                        reasons.push((why, weight));
                    }
                };
                let phrase_len = i + 1 - start;
                // The level's words, with those on the line before when it was wrapped.
                let level_words = phrase_len + usize::from(c.wrapped_from.is_some());
                add(capitals, self.w.capitals, "capitals");
                add(c.field, self.w.field, "classification_field");
                add(words.len() == phrase_len, self.w.alone, "alone_on_line");
                // The line before and after the level, as it is and without the spaces next
                // to the level.
                let (raw_before, raw_after) = (&line[..words[start].0], &line[words[i].1..]);
                let (before, after) = (raw_before.trim_end(), raw_after.trim_start());
                // A table row written as text (Markdown, a copied grid): the level is a cell's
                // whole text, between two `|` (after the row's last one it closes the line); or
                // a column of a page laid out as text (a PDF's, a form's), set apart by wide
                // gaps: «UBND TỈNH LÂM ĐỒNG            TUYỆT MẬT».
                let in_column = !before.is_empty()
                    && (raw_before.ends_with('\t') || raw_before.ends_with("   "))
                    && (after.is_empty() || raw_after.starts_with('\t') || raw_after.starts_with("   "));
                let in_cell = words.len() > phrase_len
                    && ((before.ends_with('|') && after.starts_with('|')) || in_column);
                add(in_cell, self.w.alone, "alone_in_cell");
                let leads = start == 0
                    && words.len() > phrase_len
                    && after.starts_with(['-', ':', '–', '—', '|', ']', ')', ',']);
                add(leads, self.w.leading, "leads_line");
                // A label set apart inside a body's line: "Phương án bảo vệ (TUYỆT MẬT) gửi
                // kèm". In a subject the subject's own bracket weight says it.
                let in_brackets = capitals
                    && !leads
                    && piece.kind != PieceKind::Subject
                    && (!folded_mode || phrase_len >= 2)
                    && before.ends_with(['(', '['])
                    && after.starts_with([')', ']']);
                add(in_brackets, self.w.in_brackets, "in_brackets");
                // TỐI MẬT and TUYỆT MẬT in capitals are no everyday words (a lone MẬT may head
                // a word list); without diacritics `folded_phrase` says it where it may.
                add(
                    capitals && !folded_mode && level_words >= 2,
                    self.w.phrase,
                    "level_phrase",
                );
                // The document-number lines are in order: the first at or after
                // li - near_lines is the nearest candidate (linear in the input, not lines ×
                // document numbers).
                let from = doc_number_lines.partition_point(|&d| d + self.d.near_lines < li);
                add(
                    doc_number_lines
                        .get(from)
                        .is_some_and(|&d| d.abs_diff(li) <= self.d.near_lines),
                    self.w.near_document_number,
                    "near_document_number",
                );
                add(li < self.d.top_lines, self.w.top, "at_top");
                let headers = *header_count.get_or_insert_with(|| {
                    self.header_phrases
                        .iter()
                        .filter(|p| memchr::memmem::find(text.as_bytes(), p.as_bytes()).is_some())
                        .count()
                        .min(2)
                });
                add(
                    headers > 0,
                    self.w.header_phrase * headers as i32,
                    "document_header",
                );
                add(found_companion, self.w.companion, "companion_stamp");
                add(
                    piece.kind == PieceKind::PageHeader,
                    self.w.page_header,
                    "page_header",
                );
                add(piece.kind == PieceKind::Subject, self.w.subject, "subject");
                add(piece.kind == PieceKind::Stamp, self.w.stamp, "in_frame");
                add(folded_mode, self.w.folded, "without_diacritics");
                add(piece.kind == PieceKind::FileName, self.w.file_name, "file_name");
                // A name or a subject labels what the message carries, as a line of its own in
                // capitals does in a text typed without diacritics (a stamp «TOI MAT» under the
                // number). Folded, a lone MAT may be MẶT or MẤT; TOI MAT and TUYET MAT together
                // are no everyday words.
                let label = matches!(piece.kind, PieceKind::FileName | PieceKind::Subject)
                    || (capitals && words.len() == phrase_len);
                add(
                    label && folded_mode && level_words >= 2,
                    self.w.folded_phrase,
                    "folded_phrase",
                );
                add(
                    piece.kind == PieceKind::Subject && (!folded_mode || phrase_len >= 2),
                    self.w.subject_level,
                    "subject_level",
                );
                add(
                    c.bracketed && (!folded_mode || phrase_len >= 2),
                    self.w.subject_bracket,
                    "subject_bracket",
                );
                // A heading's label: the level closes its line, set apart after a dash or in
                // brackets ("BÁO CÁO TÌNH HÌNH … - TỐI MẬT", "Kế hoạch bảo vệ (MẬT)"), as a
                // subject's is. However long the heading, the label is not running text.
                // Without diacritics only a level of two words (a lone MAT may be MẶT).
                let closes =
                    capitals && start > 0 && i + 1 == words.len() && (!folded_mode || phrase_len >= 2) && {
                        let after = after.trim_end();
                        (before.ends_with(['-', '–', '—', '|']) && matches!(after, "" | "." | ";"))
                            || (before.ends_with(['(', '[']) && matches!(after, ")" | "]" | ")." | "]."))
                    };
                add(closes, self.w.closes_line, "closes_line");
                add(listing, self.w.listing, "lists_levels");
                // A label at either end of its line, in brackets, alone in a table cell or a
                // field's value is not running text however long the line is (as a subject's
                // is not).
                let label_of_line =
                    c.field || closes || in_brackets || in_cell || (leads && !after.starts_with(','));
                add(
                    words.len() > self.d.sentence_words && !label_of_line,
                    self.w.sentence,
                    "running_text",
                );
                if score < self.d.threshold {
                    continue;
                }
                hits.push(Hit {
                    rank: c.rank,
                    symbol: c.symbol.to_owned(),
                    level: c.name.to_owned(),
                    score,
                    reasons,
                    // A name is one line: its place says "file name".
                    location: if piece.kind == PieceKind::FileName {
                        piece.location.clone()
                    } else {
                        format!("{}, line {}", piece.location, li + 1)
                    },
                    // A wrapped stamp shows the line it started on: «TỐI [MẬT]».
                    snippet: match c.wrapped_from {
                        Some(prev) => format!(
                            "{} {}",
                            prev.trim().chars().take(self.d.snippet_chars).collect::<String>(),
                            snippet(line, words[start].0, words[i].1, self.d.snippet_chars)
                        ),
                        None => snippet(line, words[start].0, words[i].1, self.d.snippet_chars),
                    },
                });
                if hits.len() > 4 * self.d.max_findings + 64 {
                    *hits = self.best(std::mem::take(hits));
                }
            }
        }
    }

    /// A piece's text as a reader sees it: the format characters nobody sees (soft hyphens,
    /// zero-width spaces and joiners, direction marks, a stray BOM) left out, so `M\u{AD}ẬT` is
    /// MẬT; letters drawn like Latin ones read as those (Cyrillic `М` and `Т` beside a Latin
    /// `Ậ`, fullwidth `ＭẬＴ`: [`vietnamese::latin_look_alikes`]); and a line of capitals spaced out letter by letter (`T Ố I   M Ậ T`, a title spaced
    /// by hand) read as its words. Lines stay where they were (line numbers, evidence). Most
    /// text has neither, and is not copied.
    fn readable<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        let mut text = std::borrow::Cow::Borrowed(text);
        if has_invisible(&text) {
            text = std::borrow::Cow::Owned(text.chars().filter(|c| !is_invisible(*c)).collect());
        }
        if let std::borrow::Cow::Owned(latin) = vietnamese::latin_look_alikes(&text) {
            text = std::borrow::Cow::Owned(latin);
        }
        // A spaced-out marker has its marked letter in capitals on its own ("M Ậ T"): the quick
        // test's searcher for the capital form (the last of its forms).
        let spaced_key = self
            .marker_key
            .as_ref()
            .and_then(|(_, f)| f.last())
            .is_some_and(|capital| {
                let n = capital.needle().len();
                capital.find_iter(text.as_bytes()).any(|at| {
                    text[..at].ends_with(char::is_whitespace)
                        || text[at + n..].starts_with(char::is_whitespace)
                })
            });
        if spaced_key && text.lines().any(|l| self.letter_spaced(l).is_some()) {
            let mut out = String::with_capacity(text.len());
            for line in text.split_inclusive('\n') {
                let body = line.trim_end_matches(['\r', '\n']);
                match self.letter_spaced(body) {
                    Some(words) => {
                        out.push_str(&words);
                        out.push_str(&line[body.len()..]);
                    }
                    None => out.push_str(line),
                }
            }
            text = std::borrow::Cow::Owned(out);
        }
        text
    }

    /// The words of a line of single capital letters spaced apart (at least three letters; a
    /// wider gap between words), or None. Spaced evenly, the letters are one word, or a level's
    /// words when they spell one (`T Ố I M Ậ T`).
    fn letter_spaced(&self, line: &str) -> Option<String> {
        let mut words = vec![String::new()];
        let (mut letters, mut gap) = (0, 0);
        for c in line.trim().chars() {
            if c.is_whitespace() {
                gap += 1;
                continue;
            }
            if !c.is_alphabetic() || c.is_lowercase() || (letters > 0 && gap == 0) {
                return None;
            }
            if letters > 0 && gap > 1 {
                words.push(String::new());
            }
            words.last_mut()?.push(c);
            letters += 1;
            gap = 0;
        }
        if letters < 3 {
            return None;
        }
        if let [word] = words.as_slice() {
            for l in &self.levels {
                if let Some(s) = l.spell.iter().find(|s| s.concat() == *word) {
                    return Some(s.join(" "));
                }
            }
        }
        Some(words.join(" "))
    }

    /// Whether `text` contains the marker word in any case (a cheap test before splitting lines
    /// into words: it looks for the marker's first marked letter, then compares around it).
    fn contains_marker(&self, text: &str) -> bool {
        let marker = &self.marker_chars;
        let Some((k, finders)) = &self.marker_key else {
            return text.to_uppercase().contains(&self.marker);
        };
        let k = *k;
        let same = |a: &char, b: &char| a.to_uppercase().eq(b.to_uppercase());
        for finder in finders {
            for at in finder.find_iter(text.as_bytes()) {
                let mut before = text[..at].chars().rev();
                let mut after = text[at..].chars();
                if marker[..k]
                    .iter()
                    .rev()
                    .all(|m| before.next().is_some_and(|c| same(&c, m)))
                    && marker[k..]
                        .iter()
                        .all(|m| after.next().is_some_and(|c| same(&c, m)))
                {
                    return true;
                }
            }
        }
        false
    }

    /// The level whose spelling ends at word `i`: (rank, name, symbol, first word).
    /// Whether the level alone on line `li` is the value of a field laid out as a table: a
    /// field's label alone on a line (its cell, with or without a colon) within
    /// `field_cell_lines` before it, and no other level alone on a line within as many lines
    /// after the label (a form listing the levels to choose from is no value).
    fn field_in_table(&self, lines: &[&str], li: usize, folded: bool) -> bool {
        let reach = self.d.field_cell_lines;
        if reach == 0 {
            return false;
        }
        let words_upper = |line: &str| -> Vec<String> {
            split_words(line)
                .iter()
                .map(|(_, _, w)| w.to_uppercase())
                .collect()
        };
        let level_alone = |line: &str| -> Option<u8> {
            let upper = words_upper(line);
            let last = upper.len().checked_sub(1)?;
            match self.level_at(&upper, last, folded) {
                Some((rank, _, _, 0)) => Some(rank),
                _ => None,
            }
        };
        let Some(own) = lines.get(li).and_then(|l| level_alone(l)) else {
            return false;
        };
        for back in 1..=reach.min(li) {
            let line = lines[li - back].trim();
            let label = line.trim_end_matches(':').trim_end();
            if label.len() > 40 {
                continue;
            }
            if self.field_labels.iter().any(|l| words_upper(label) == *l) {
                // No other level alone in a cell within the label's reach.
                let k = li - back;
                let end = (k + reach).min(lines.len() - 1);
                return lines[k + 1..=end]
                    .iter()
                    .filter_map(|l| level_alone(l))
                    .all(|r| r == own);
            }
        }
        false
    }

    /// The level of several words whose words before the marker are the whole of `line`, in
    /// capitals ("TỐI" above a «MẬT» alone on its line: a stamp wrapped in a narrow box): the
    /// line's words and the marker read by [`Self::level_at`] as one line.
    fn wrapped_level(
        &self,
        line: &str,
        marker: &str,
        folded: bool,
        tcvn3_lowercase: bool,
    ) -> Option<(u8, &str, &str)> {
        let words = split_words(line);
        // A level has at most a few words: a longer line is not the start of a stamp.
        if words.is_empty()
            || words.len() > 3
            || !words.iter().all(|(_, _, w)| is_capitals(w, tcvn3_lowercase))
        {
            return None;
        }
        let mut upper: Vec<String> = words.iter().map(|(_, _, w)| w.to_uppercase()).collect();
        upper.push(marker.to_owned());
        match self.level_at(&upper, upper.len() - 1, folded) {
            Some((rank, name, symbol, 0)) => Some((rank, name, symbol)),
            _ => None,
        }
    }

    fn level_at(&self, upper: &[String], i: usize, folded: bool) -> Option<(u8, &str, &str, usize)> {
        for l in &self.levels {
            let spellings = if folded { &l.folded } else { &l.spell };
            for s in spellings {
                if s.len() <= i + 1 && upper[i + 1 - s.len()..=i] == s[..] {
                    return Some((l.rank, &l.name, &l.symbol, i + 1 - s.len()));
                }
            }
        }
        None
    }
}

/// Whether the text between two words joins them into one compound: spaces, or a hyphen or an
/// underscore written without them.
fn joins(gap: &str) -> bool {
    gap.chars().all(char::is_whitespace) || matches!(gap, "-" | "_")
}

fn ends_with_words(words: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && words.len() >= phrase.len() && words[words.len() - phrase.len()..] == *phrase
}

fn starts_with_words(words: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && words.len() >= phrase.len() && words[..phrase.len()] == *phrase
}

/// Whether a word is written in capitals. Text decoded from TCVN3 in a lower-case font cannot
/// carry capitals with marks ("MËT" is "MậT"), so a word whose plain letters are all capitals
/// (at least two of them) counts too.
fn is_capitals(word: &str, tcvn3_lowercase: bool) -> bool {
    let mut ascii = 0;
    let mut marked_lower = false;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if c.is_ascii() {
            if !c.is_ascii_uppercase() {
                return false;
            }
            ascii += 1;
        } else if !c.is_uppercase() {
            marked_lower = true;
        }
    }
    ascii > 0 && (!marked_lower || tcvn3_lowercase || ascii >= 2)
}

/// The line around the marker (bytes `start..end`), at most `chars` characters either side,
/// the marker set off with « ».
fn snippet(line: &str, start: usize, end: usize, chars: usize) -> String {
    let before: String = {
        let b: Vec<char> = line[..start].chars().collect();
        let from = b.len().saturating_sub(chars);
        let s: String = b[from..].iter().collect();
        if from > 0 { format!("…{s}") } else { s }
    };
    let after: String = {
        let a: Vec<char> = line[end..].chars().collect();
        let s: String = a.iter().take(chars).collect();
        if a.len() > chars { format!("{s}…") } else { s }
    };
    format!(
        "{}[{}]{}",
        before.trim_start(),
        &line[start..end],
        after.trim_end()
    )
}

impl Scanner for MarkingScanner {
    fn name(&self) -> &'static str {
        "markings"
    }

    fn symbols(&self) -> Vec<KnownSymbol> {
        let mut names: Vec<&str> = self.levels.iter().map(|l| l.symbol.as_str()).collect();
        names.extend(self.companions.iter().map(|c| c.symbol.as_str()));
        names.push(UNSCANNABLE);
        super::named(&names)
    }

    fn scan(&self, cx: &ScanContext<'_, '_>, out: &mut Vec<Finding>) {
        self.detect_until(cx.text(), out, Some(cx.deadline));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_factor_has_its_sentences_in_both_languages() {
        let e = crate::explain::Explainer::built_in();
        for f in super::FACTORS {
            assert!(
                e.knows_factor(f),
                "{f} missing from rules/findings.toml [factors]"
            );
            let finding = Finding::new("X", "d", "message").with_why(Why {
                key: "marking".into(),
                values: [("level", "MẬT"), ("evidence", "[MẬT]"), ("weight", "1")]
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v.to_owned()))
                    .collect(),
                terms: Default::default(),
                factors: vec![Factor {
                    factor: f.to_owned(),
                    weight: 1,
                }],
            });
            let en = e.detail(&finding, crate::explain::Lang::En);
            assert!(en.contains(&format!("{} +1", super::factor_english(f))), "{en}");
        }
    }

    use super::*;
    use crate::extract::{ExtractedText, TextPiece};

    fn scanner() -> MarkingScanner {
        MarkingScanner::compile(EMBEDDED, Path::new("markings.toml")).expect("rules compile")
    }

    fn symbols_for(text: &str, kind: PieceKind) -> Vec<String> {
        let t = ExtractedText {
            pieces: vec![TextPiece {
                location: "body".into(),
                kind,
                text: text.to_owned(),
                tcvn3_lowercase: false,
            }],
            problems: Vec::new(),
            timed_out: false,
            html: Vec::new(),
            ocr: Vec::new(),
            opened: Vec::new(),
            decrypted: Vec::new(),
        };
        let mut out = Vec::new();
        scanner().detect(&t, &mut out);
        out.into_iter().map(|f| f.symbol).collect()
    }

    const HEADER: &str = "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố: 12/SNV-TCCC\nV/v báo cáo công tác\n";

    #[test]
    fn stamps_are_found_with_their_level() {
        for (stamp, symbol) in [
            ("MẬT", "MARKING_MAT"),
            ("TỐI MẬT", "MARKING_TOI_MAT"),
            ("TUYỆT MẬT", "MARKING_TUYET_MAT"),
        ] {
            let text =
                format!("{HEADER}{stamp}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKính gửi: Sở Tài chính\n");
            assert_eq!(symbols_for(&text, PieceKind::Document), vec![symbol], "{stamp}");
        }
        assert_eq!(
            symbols_for("Độ mật: Tối mật\nSố trang: 3", PieceKind::Document),
            vec!["MARKING_TOI_MAT"]
        );
        assert_eq!(
            symbols_for("TỐI MẬT - Kế hoạch phòng thủ", PieceKind::Subject),
            vec!["MARKING_TOI_MAT"]
        );
        assert_eq!(
            symbols_for(
                "CONG HOA XA HOI CHU NGHIA VIET NAM\nSo: 3/BC\nTUYET MAT\n",
                PieceKind::Body
            ),
            vec!["MARKING_TUYET_MAT"]
        );
    }

    /// A body's own labels: a level in capitals leading a line before a separator, in brackets
    /// inside a sentence or alone in a text table's cell is a label however long its line, and
    /// TỐI MẬT / TUYỆT MẬT alone on a line is one anywhere in a body, as is a classification
    /// field after another field of a row; everyday compounds in the same places, a lone MẬT far
    /// down, a level after a comma, rows listing the levels, a field's label inside a sentence
    /// and a level in lower case stay clean.
    #[test]
    fn a_body_s_own_labels_are_markings() {
        let far = "Nội dung thường lệ của cuộc họp giao ban tuần trước.\n".repeat(20);
        for (text, symbol) in [
            (
                "Chào chị,\nTỐI MẬT - Danh sách cán bộ tham gia đợt kiểm tra đột xuất các đơn vị cơ sở."
                    .to_owned(),
                "MARKING_TOI_MAT",
            ),
            (
                "MẬT: phương án phối hợp giữa các lực lượng trong dịp Tết Nguyên đán.".to_owned(),
                "MARKING_MAT",
            ),
            (
                "[TỐI MẬT] Kế hoạch kiểm tra đột xuất các đơn vị trực thuộc trong quý tới.".to_owned(),
                "MARKING_TOI_MAT",
            ),
            (
                "Phương án bảo vệ mục tiêu (TUYỆT MẬT) đính kèm, đề nghị anh không chuyển tiếp cho ai."
                    .to_owned(),
                "MARKING_TUYET_MAT",
            ),
            (
                "| 1 | Kế hoạch kiểm tra | TỐI MẬT |\n| 2 | Báo cáo | Thường |".to_owned(),
                "MARKING_TOI_MAT",
            ),
            (
                format!("Chuyển anh.\n{far}TỐI MẬT\nPhương án."),
                "MARKING_TOI_MAT",
            ),
            (
                format!("Chuyển anh.\n{far}TUYỆT MẬT - Phương án phối hợp."),
                "MARKING_TUYET_MAT",
            ),
            (
                "Trích yếu: Kế hoạch bảo vệ mục tiêu; độ mật: tối mật; số bản: 03; nơi lưu: VP.".to_owned(),
                "MARKING_TOI_MAT",
            ),
            ("Độ khẩn: Hỏa tốc      Độ mật: Mật".to_owned(), "MARKING_MAT"),
            (
                format!("Chuyển anh.\n{far}UBND TỈNH LÂM ĐỒNG            TUYỆT MẬT\nSở Nội vụ"),
                "MARKING_TUYET_MAT",
            ),
            (
                "Độ khẩn: Hỏa tốc\tĐộ mật: Tuyệt mật".to_owned(),
                "MARKING_TUYET_MAT",
            ),
            ("Gửi anh,\nĐộ mật: «Tối mật»".to_owned(), "MARKING_TOI_MAT"),
            // A stamp wrapped in a narrow box: its level, not MẬT; far down too.
            (
                "Gửi anh,\nTỐI\nMẬT\nKế hoạch bảo vệ.".to_owned(),
                "MARKING_TOI_MAT",
            ),
            (
                format!("Chuyển anh.\n{far}TUYỆT\nMẬT\nPhương án."),
                "MARKING_TUYET_MAT",
            ),
        ] {
            assert_eq!(symbols_for(&text, PieceKind::Body), vec![symbol], "{text}");
        }
        for text in [
            "MẬT ONG - Sản phẩm của hợp tác xã Đơn Dương được giới thiệu tại hội chợ năm nay.".to_owned(),
            "[BẢO MẬT] Hướng dẫn đổi mật khẩu hộp thư công vụ cho toàn thể cán bộ công chức.".to_owned(),
            "Không chia sẻ (MẬT KHẨU) của mình cho người khác trong bất kỳ trường hợp nào.".to_owned(),
            "MẬT ĐỘ: dân số trung bình của huyện tăng nhẹ so với cùng kỳ năm trước.".to_owned(),
            "TỐI MẬT, theo anh, là mức độ mà văn bản này không cần phải đóng dấu đâu nhé.".to_owned(),
            "Tài liệu này (tối mật) cần được quản lý chặt chẽ theo đúng quy định hiện hành.".to_owned(),
            "| Mức | TUYỆT MẬT | TỐI MẬT | MẬT |\n| Thời hạn | 30 năm | 20 năm | 10 năm |".to_owned(),
            format!("Chuyển anh.\n{far}ĐƯỜNG\nMẬT\nMUỐI"),
            "Quy định các mức; độ mật: tuyệt mật; tối mật; mật theo luật bảo vệ bí mật nhà nước.".to_owned(),
            "Văn bản phải ghi rõ độ mật: tối mật hay mật, tùy theo nội dung của tài liệu đó.".to_owned(),
            "Trích yếu: Kế hoạch; độ mật: tối mật hay mật thì phòng nghiệp vụ đề xuất sau.".to_owned(),
            "Anh kiểm tra lại xem độ mật: tối mật có đúng không.".to_owned(),
            format!("Chuyển anh.\n{far}UBND TỈNH LÂM ĐỒNG        MẬT ONG        Đơn Dương"),
            format!("Chuyển anh.\n{far}MẬT                    Sở Nội vụ"),
            // «Tối» in small letters above is a word of the text, not a wrapped stamp.
            format!("Chuyển anh.\n{far}Tối\nMẬT\nPhương án."),
        ] {
            assert!(symbols_for(&text, PieceKind::Body).is_empty(), "{text}");
        }
    }

    /// A level someone wrote in a file's name (as the extractor reads it: no extension, `_` as
    /// spaces) is a marking; in running text the same words would not be, and a name with an
    /// everyday "mật"/"mặt" stays clean.
    #[test]
    fn a_level_in_a_file_s_name_is_a_marking() {
        for (name, symbol) in [
            ("TỐI MẬT - Kế hoạch phòng thủ", "MARKING_TOI_MAT"),
            ("Kế hoạch TUYỆT MẬT", "MARKING_TUYET_MAT"),
            ("Báo cáo MẬT", "MARKING_MAT"),
            ("TOI MAT - Ke hoach", "MARKING_TOI_MAT"),
            ("TUYET MAT", "MARKING_TUYET_MAT"),
            // Several words of a level, folded, wherever they stand in the name.
            ("BAO CAO TOI MAT 2026", "MARKING_TOI_MAT"),
            ("Ke hoach TUYET MAT", "MARKING_TUYET_MAT"),
            ("QD 12 - TUYET MAT - ban 03", "MARKING_TUYET_MAT"),
        ] {
            assert_eq!(symbols_for(name, PieceKind::FileName), vec![symbol], "{name}");
        }
        // The same words as a line of a body are not enough on their own.
        assert_eq!(
            symbols_for("Kế hoạch TUYỆT MẬT", PieceKind::Body),
            Vec::<String>::new()
        );
        for name in [
            "MAT BANG TONG THE",
            "mat - khau",
            "Huong dan BAO MAT thong tin",
            "TAI LIEU MAT",
            "Bản đồ MẬT ĐỘ dân số",
            "BIEN BAN HOP MAT",
            "KE HOACH MAT",
            "CCCD MAT TRUOC",
            "Bao cao toi mat 2026",
            "tuyet mat",
            "Hướng dẫn bảo vệ bí mật nhà nước",
        ] {
            assert_eq!(
                symbols_for(name, PieceKind::FileName),
                Vec::<String>::new(),
                "{name}"
            );
        }
    }

    /// A classification field laid out as a table (each cell a line, as HTML and Office tables
    /// are read): the value in the next cell of the label's row, or under its column's heading;
    /// a form listing the levels to choose from, and an ordinary value, are none.
    #[test]
    fn a_field_laid_out_as_a_table_is_a_field() {
        for (text, symbol) in [
            (
                "Số ký hiệu\n123/UBND-VX\nĐộ khẩn\nThường\nĐộ mật\nMật\n",
                "MARKING_MAT",
            ),
            ("Độ mật:\nTối mật\nNgười ký\nNguyễn Văn A\n", "MARKING_TOI_MAT"),
            // A row copied as text: its cells apart by a tab.
            ("Số ký hiệu\t126/UBND-VX\nĐộ mật\tMật\n", "MARKING_MAT"),
            (
                "Số ký hiệu\nTrích yếu\nĐộ khẩn\nĐộ mật\n124/UBND-VX\nVề việc triển khai\nHỏa tốc\nTuyệt mật\n",
                "MARKING_TUYET_MAT",
            ),
        ] {
            assert_eq!(symbols_for(text, PieceKind::Body), vec![symbol], "{text}");
        }
        for text in [
            "Độ mật:\nTuyệt mật\nTối mật\nMật\n",
            "Độ mật\nThường\nMật khẩu\nMật ong\n",
            "Độ mật\nKhông\n",
            // Far below the label: no longer its cell.
            &format!("Độ mật\n{}Mật\n", "dòng\n".repeat(20)),
        ] {
            assert_eq!(symbols_for(text, PieceKind::Body), Vec::<String>::new(), "{text}");
        }
    }

    /// A level in a subject is a marking wherever it stands (after Fwd:, RE:, TL:, in
    /// brackets or at the end); without diacritics only a level of two words; everyday words
    /// in a subject stay everyday.
    #[test]
    fn a_level_in_a_subject_is_a_marking_wherever_it_stands() {
        for (subject, symbol) in [
            ("[TỐI MẬT] Kế hoạch bảo vệ", "MARKING_TOI_MAT"),
            ("Fwd: [TỐI MẬT] Kế hoạch bảo vệ", "MARKING_TOI_MAT"),
            ("RE: TỐI MẬT - Kế hoạch", "MARKING_TOI_MAT"),
            ("TL: [MẬT] Báo cáo", "MARKING_MAT"),
            ("Kế hoạch bảo vệ (TUYỆT MẬT)", "MARKING_TUYET_MAT"),
            ("Báo cáo tình hình - MẬT", "MARKING_MAT"),
            ("(MẬT) Báo cáo số 12", "MARKING_MAT"),
            ("Gui ke hoach TOI MAT", "MARKING_TOI_MAT"),
            // A label in brackets, typed in any case.
            ("[Mật] Kế hoạch bảo vệ", "MARKING_MAT"),
            ("Fwd: (Tối mật) Phương án", "MARKING_TOI_MAT"),
            // A classification field after what the subject is about.
            ("Kế hoạch số 12/KH-UBND - Độ mật: Tối mật", "MARKING_TOI_MAT"),
            ("V/v gửi báo cáo (độ mật: mật)", "MARKING_MAT"),
            ("Phương án bảo vệ, Độ mật: Tuyệt mật", "MARKING_TUYET_MAT"),
        ] {
            assert_eq!(
                symbols_for(subject, PieceKind::Subject),
                vec![symbol],
                "{subject}"
            );
        }
        for subject in [
            "ĐỔI MẬT KHẨU ngay hôm nay",
            "MẬT ONG RỪNG nguyên chất",
            "Hướng dẫn BẢO MẬT tài khoản",
            "Tổng kết công tác bảo vệ BÍ MẬT NHÀ NƯỚC",
            "Tối mật là gì?",
            "MAT - Meeting agenda",
            "Re: MAT lab results",
            "Ke hoach MAT BANG",
            "Phân loại độ mật: TUYỆT MẬT, TỐI MẬT, MẬT",
            "[Bảo mật] Thông báo đổi mật khẩu",
            "Quà tặng (mật ong rừng)",
            "Báo cáo mật (bản nháp)",
            "[MAT] meeting notes",
            "Re: [mat] yoga class",
            // A field named inside a sentence, or a question about one.
            "Hỏi về cách ghi độ mật: tối mật hay mật?",
            "Hướng dẫn xác định độ mật: Tuyệt mật, Tối mật, Mật",
        ] {
            assert_eq!(
                symbols_for(subject, PieceKind::Subject),
                Vec::<String>::new(),
                "{subject}"
            );
        }
    }

    /// Characters nobody sees inside a stamp (pasted from a web page or a PDF) and a stamp
    /// spaced out letter by letter read as the stamp; everyday words spaced out stay everyday.
    #[test]
    fn invisible_characters_look_alike_letters_and_spaced_letters_do_not_hide_a_stamp() {
        let doc = |stamp: &str| {
            format!(
                "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: 12/KH-UBND\n{stamp}\nV/v kế hoạch bảo vệ\nKính gửi: Sở Tài chính\n"
            )
        };
        for (stamp, symbol) in [
            ("TỐI M\u{200B}ẬT", "MARKING_TOI_MAT"),
            ("TỐI MẬ\u{AD}T", "MARKING_TOI_MAT"),
            ("\u{FEFF}TUYỆT\u{2060} MẬT", "MARKING_TUYET_MAT"),
            ("M\u{200D}Ậ\u{200C}T", "MARKING_MAT"),
            ("T Ố I   M Ậ T", "MARKING_TOI_MAT"),
            ("T U Y Ệ T  M Ậ T", "MARKING_TUYET_MAT"),
            ("T Ố I M Ậ T", "MARKING_TOI_MAT"),
            ("M Ậ T", "MARKING_MAT"),
            // Letters of other scripts drawn like Latin ones: Cyrillic М and Т, Greek Τ and Μ,
            // fullwidth letters.
            ("\u{41C}\u{1EAC}\u{422}", "MARKING_MAT"),
            ("\u{3A4}Ố\u{399} \u{39C}ẬT", "MARKING_TOI_MAT"),
            (
                "\u{FF34}\u{FF35}\u{FF39}Ệ\u{FF34} \u{FF2D}Ậ\u{FF34}",
                "MARKING_TUYET_MAT",
            ),
        ] {
            assert_eq!(
                symbols_for(&doc(stamp), PieceKind::Body),
                vec![symbol],
                "{stamp:?}"
            );
        }
        for stamp in [
            "B Ả O   M Ậ T",
            "M Ậ T   K H Ẩ U",
            "BẢO M\u{200B}ẬT",
            "T ố i m ậ t",
            "Ngày mai M Ậ T",
            "BẢO \u{41C}ẬT",
            "\u{41C}ẬT KHẨU",
        ] {
            assert_eq!(
                symbols_for(&doc(stamp), PieceKind::Body),
                Vec::<String>::new(),
                "{stamp:?}"
            );
        }
    }

    #[test]
    fn everyday_words_are_not_markings() {
        for text in [
            "MẬT KHẨU của bạn sẽ hết hạn",
            "BẢO MẬT THÔNG TIN",
            "Quy chế BẢO VỆ BÍ MẬT NHÀ NƯỚC",
            "MẬT ONG RỪNG NGUYÊN CHẤT",
            "GIẢI MẬT",
            "Phim TÀI LIỆU MẬT",
            "Độ mật: Thường",
            "tài liệu mật phải được bảo quản",
            "Các độ mật: TUYỆT MẬT, TỐI MẬT, MẬT",
            "MẶT TRẬN TỔ QUỐC\nMẤT ĐIỆN\nMẮT\nMÁT",
            "YOGA MAT\nMAT",
            "mat khau moi cua ban",
        ] {
            let text = format!("{HEADER}{text}\n");
            assert_eq!(
                symbols_for(&text, PieceKind::Body),
                Vec::<String>::new(),
                "{text}"
            );
        }
    }

    #[test]
    fn companions_and_evidence() {
        let t = ExtractedText {
            pieces: vec![TextPiece {
                location: "part 2 \"x.docx\" > word/document.xml".into(),
                kind: PieceKind::Document,
                text: format!("{HEADER}TÀI LIỆU THU HỒI\nMẬT\n"),
                tcvn3_lowercase: false,
            }],
            problems: vec![extract::TextProblem {
                location: "part 3 \"y.zip\"".into(),
                why: "encrypted member".into(),
            }],
            timed_out: false,
            html: Vec::new(),
            ocr: Vec::new(),
            opened: Vec::new(),
            decrypted: Vec::new(),
        };
        let mut out = Vec::new();
        scanner().detect(&t, &mut out);
        let m = out.iter().find(|f| f.symbol == "MARKING_MAT").expect("marking");
        assert_eq!(m.location, "part 2 \"x.docx\" > word/document.xml, line 6");
        assert!(m.detail.contains("[MẬT]"), "{}", m.detail);
        assert!(out.iter().any(|f| f.symbol == "MARKING_THU_HOI"));
        assert!(
            out.iter()
                .any(|f| f.symbol == UNSCANNABLE && f.detail.contains("encrypted"))
        );
    }

    #[test]
    fn bad_rules_name_the_file_and_key() {
        let bad = EMBEDDED.replace("threshold = 6", "threshold = \"six\"");
        let err = MarkingScanner::compile(&bad, Path::new("m.toml"))
            .err()
            .expect("fails")
            .to_string();
        assert!(err.starts_with("m.toml:"), "{err}");
        assert!(err.contains("six"), "{err}");
    }

    #[test]
    fn a_register_field_is_a_form_row_not_a_sentence_listing_levels() {
        let s = scanner();
        let mut out = Vec::new();
        let piece = |text: &str| ExtractedText {
            pieces: vec![TextPiece {
                location: "body".into(),
                kind: PieceKind::Document,
                text: text.to_owned(),
                tcvn3_lowercase: false,
            }],
            ..Default::default()
        };
        s.detect(
            &piece("Hỏi: bí mật nhà nước được phân loại thành ba độ mật: Tuyệt mật, Tối mật và Mật"),
            &mut out,
        );
        s.detect(&piece("Theo quy định, độ mật: tuyệt mật hoặc tối mật"), &mut out);
        assert!(out.is_empty(), "{out:?}");
        for row in [
            "Độ mật: Tuyệt mật",
            "3. Độ mật: Tuyệt mật.",
            "a) Độ mật: Tuyệt mật",
        ] {
            s.detect(&piece(row), &mut out);
            assert_eq!(
                out.iter().map(|f| f.symbol.as_str()).collect::<Vec<_>>(),
                ["MARKING_TUYET_MAT"],
                "{row}"
            );
            out.clear();
        }
    }

    #[test]
    fn ocr_lines_tolerate_tesseract_s_confusions_but_keep_the_stamp_s_shape() {
        let s = scanner();
        for (read, level) in [
            ("MẬT", "MẬT"),
            ("MẶT", "MẬT"),
            ("|MÂT|", "MẬT"),
            ("IMAT I", "MẬT"),
            ("TỔI MẬT", "TỐI MẬT"),
            ("T0I MAT", "TỐI MẬT"),
            ("TUYỆTMẬT", "TUYỆT MẬT"),
            ("\"MẬT:", "MẬT"),
        ] {
            assert_eq!(s.level_of_ocr_line(read), Some(level), "{read}");
        }
        for read in [
            "MẬT ĐỘ",
            "BẢO MẬT",
            "mật",
            "Mật ong",
            "MẬT ONG",
            "HỎA TỐC",
            "KHẨN",
            "",
        ] {
            assert_eq!(s.level_of_ocr_line(read), None, "{read}");
        }
        let mut out = Vec::new();
        s.detect_ocr(
            vec![TextPiece {
                location: "part 2 (OCR, frame)".into(),
                kind: PieceKind::Stamp,
                text: "|MẶT|".into(),
                tcvn3_lowercase: false,
            }],
            &mut out,
        );
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].symbol, "MARKING_MAT");
        assert!(
            out[0].location.contains("OCR read «|MẶT|»"),
            "{}",
            out[0].location
        );
        out.clear();
        // One stamp read through both edges of its frame, once with a confusion: shown once.
        let frame = |text: &str| TextPiece {
            location: "part 2 (OCR, frame)".into(),
            kind: PieceKind::Stamp,
            text: text.into(),
            tcvn3_lowercase: false,
        };
        s.detect_ocr(vec![frame("TỎI MẬT"), frame("TỐI MẬT")], &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        out.clear();
        s.detect_ocr(
            vec![TextPiece {
                location: "part 2 (OCR, frame)".into(),
                kind: PieceKind::Stamp,
                text: "MẬT ĐỘ".into(),
                tcvn3_lowercase: false,
            }],
            &mut out,
        );
        assert!(out.is_empty(), "{out:?}");
    }
}
