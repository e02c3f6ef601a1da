//! A statistical spam classifier: MIME-aware tokens (the decoded text of every part, HTML
//! reduced to text, NFC Vietnamese kept whole, URL hosts, selected headers), Robinson's
//! per-token probabilities and Fisher's chi-square combining (as in SpamBayes and bogofilter).
//! The model is counts only: it can be trained incrementally and merged.

use crate::extract::html::HtmlFacts;
use crate::extract::{ExtractedText, PieceKind, extract_message};
use crate::message::ParsedMessage;
use crate::vietnamese::{is_letter, is_upper, is_word_char};
use mail_parser::{MimeHeaders, PartType};
use std::collections::{HashMap, HashSet};

/// Robinson's strength of the prior (s) and the prior itself (x).
const S: f64 = 0.3;
const X: f64 = 0.5;
/// Tokens closer to 0.5 than this say nothing and are left out.
const MIN_DEVIATION: f64 = 0.1;
/// A token counts as known to the model (for [`Model::known_share`]) once this many trained
/// messages had it: one message is an accident, not knowledge.
const MIN_KNOWN_COUNT: u32 = 1;
/// A CJK message with fewer other words than this is judged by its CJK pairs alone (known
/// share taken as 1).
const MIN_SHARE_TOKENS: usize = 10;
/// The most telling tokens of a message that are combined.
const MAX_TOKENS: usize = 300;

/// Token counts of the trained messages.
#[derive(Debug, Default, Clone)]
pub struct Model {
    /// token → (ham messages, spam messages) containing it.
    counts: HashMap<String, (u32, u32)>,
    pub hams: u32,
    pub spams: u32,
}

/// The distinct tokens of a message.
pub fn tokens(raw: &[u8], limits: &crate::config::LimitsConfig) -> HashSet<String> {
    let parsed = ParsedMessage::parse(raw, limits);
    let text = extract_message(&parsed, raw, limits);
    tokens_of(&parsed, &text)
}

/// The distinct tokens of a parsed message and its extracted text (shared with the other
/// scanners, so the message is parsed and its text extracted once).
pub fn tokens_of(parsed: &ParsedMessage<'_>, text: &ExtractedText) -> HashSet<String> {
    let mut out = HashSet::new();
    if let Some(m) = parsed.message.as_ref() {
        header_tokens(m, &mut out);
        for (id, part) in m.parts.iter().enumerate() {
            if let PartType::Html(h) = &part.body {
                // A body's facts as text extraction derived them; another HTML part's now.
                let location = format!("body part {id}");
                match text.html.iter().find(|(l, _)| *l == location) {
                    Some((_, facts)) => out.extend(facts.link_hosts.iter().cloned()),
                    None => out.extend(HtmlFacts::of(h).link_hosts),
                }
            }
        }
    }
    for piece in &text.pieces {
        let prefix = if piece.kind == PieceKind::Subject {
            "s:"
        } else {
            ""
        };
        words(&piece.text, prefix, &mut out);
    }
    // The language is a token too: the model then counts how many ham and spam messages of
    // each language it was trained on (see [`Model::judge`]).
    out.insert(language_of_words(&out).token().to_owned());
    out
}

/// The language of a message, as far as the classifier needs to know: whether a model that
/// has seen no ham of it may judge it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// Vietnamese written with its diacritics.
    Vietnamese,
    /// Chinese, Japanese or Korean.
    Cjk,
    /// Anything else (English and other Latin-script text, or no text at all).
    Other,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Vietnamese, Language::Cjk, Language::Other];

    /// A language by its name in the rules (`vietnamese`, `cjk`, `other`).
    pub fn parse(name: &str) -> Option<Language> {
        match name.trim().to_ascii_lowercase().as_str() {
            "vietnamese" => Some(Language::Vietnamese),
            "cjk" => Some(Language::Cjk),
            "other" => Some(Language::Other),
            _ => None,
        }
    }

    /// The token that stands for the language in the model.
    pub fn token(self) -> &'static str {
        match self {
            Language::Vietnamese => "lang:vi",
            Language::Cjk => "lang:cjk",
            Language::Other => "lang:other",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Language::Vietnamese => "Vietnamese",
            Language::Cjk => "CJK",
            Language::Other => "other",
        }
    }
}

/// Share of a text's distinct body words carrying Vietnamese letters (ă â đ ê ô ơ ư or a tone
/// mark) from which the text counts as Vietnamese. Vietnamese prose has well over half; an
/// English text quoting a Vietnamese name, a few percent.
const VIETNAMESE_SHARE: f64 = 0.25;

/// Vietnamese typed without marks ("Thue bao cua quy khach chua chuan hoa thong tin"): a text
/// of at least this many distinct body words, this share of them frequent Vietnamese syllables
/// ([`crate::vietnamese::is_unmarked_syllable`]), is Vietnamese too, so a model that has seen
/// no Vietnamese ham gives it no opinion either. English prose has a few percent of them.
const UNMARKED_SHARE: f64 = 0.2;
const UNMARKED_MIN_WORDS: usize = 6;

/// Whether a token is a word of the text's body: no prefix (header, subject, URL, shape), no
/// pair, no digits (numbers, dates and codes say nothing about the language).
fn is_body_word(t: &str) -> bool {
    !t.contains([' ', ':']) && !t.chars().any(|c| c.is_ascii_digit()) && t != "cjk" && t != "caps"
}

/// The language of a message from its distinct tokens: the language token [`tokens_of`] put
/// there, or (for a set made some other way) worked out from its body words.
pub fn language(tokens: &HashSet<String>) -> Language {
    Language::ALL
        .into_iter()
        .find(|l| tokens.contains(l.token()))
        .unwrap_or_else(|| language_of_words(tokens))
}

/// The language of a set of tokens from its body words.
fn language_of_words(tokens: &HashSet<String>) -> Language {
    let (mut words, mut vietnamese, mut unmarked, mut cjk) = (0usize, 0usize, 0usize, 0usize);
    for t in tokens {
        if t.chars().any(is_cjk) {
            cjk += 1;
        } else if is_body_word(t) {
            words += 1;
            if crate::vietnamese::has_diacritics(t) {
                vietnamese += 1;
            } else if crate::vietnamese::is_unmarked_syllable(t) {
                unmarked += 1;
            }
        }
    }
    let share = |n: usize| if words == 0 { 0.0 } else { n as f64 / words as f64 };
    if cjk > words {
        Language::Cjk
    } else if share(vietnamese) >= VIETNAMESE_SHARE
        || (words >= UNMARKED_MIN_WORDS && share(unmarked) >= UNMARKED_SHARE)
    {
        Language::Vietnamese
    } else {
        Language::Other
    }
}

/// Tokens from the header section: which headers are there, the mailer, the sender's domain and
/// name, the recipients' count, the transfer encodings and charsets.
fn header_tokens(m: &mail_parser::Message<'_>, out: &mut HashSet<String>) {
    for (name, prefix) in [("X-Mailer", "xm"), ("User-Agent", "ua")] {
        if let Some(v) = m.header_raw(name) {
            let v: String = v.trim().to_ascii_lowercase().chars().take(40).collect();
            out.insert(format!("{prefix}:{v}"));
        }
    }
    for (name, _) in m.headers_raw() {
        if out.len() > 4000 {
            break;
        }
        out.insert(format!("h:{}", name.to_ascii_lowercase()));
    }
    if let Some(from) = m.from().and_then(|a| a.first()) {
        if let Some(addr) = from.address() {
            let addr = addr.to_ascii_lowercase();
            if let Some((local, d)) = addr.rsplit_once('@') {
                out.insert(format!("from:{d}"));
                out.insert(format!("from:@{addr}"));
                if local.chars().any(|c| c.is_ascii_digit()) {
                    out.insert("from:local-digits".to_owned());
                }
            }
        }
        match from.name() {
            Some(n) => {
                for w in n.split_whitespace().take(8) {
                    out.insert(format!("fromname:{}", w.to_lowercase()));
                }
            }
            None => {
                out.insert("fromname:none".to_owned());
            }
        }
    }
    let to = m.to().map_or(0, |a| a.iter().count());
    let cc = m.cc().map_or(0, |a| a.iter().count());
    out.insert(format!("to:{}", to.min(5)));
    out.insert(format!("cc:{}", cc.min(5)));
    if let Some(id) = m.message_id()
        && let Some((_, d)) = id.rsplit_once('@')
    {
        let d: String = d.to_ascii_lowercase().chars().take(40).collect();
        out.insert(format!("mid:{d}"));
    }
    // The shapes of Message-ID and Date tell the mailer that wrote them (digits → 9, letters
    // → a): bulk mailers have their own.
    for (name, prefix) in [("Message-ID", "midshape"), ("Date", "dateshape")] {
        if let Some(v) = m.header_raw(name) {
            let shape: String = v
                .trim()
                .chars()
                .take(60)
                .map(|c| {
                    if c.is_ascii_digit() {
                        '9'
                    } else if is_letter(c) {
                        'a'
                    } else {
                        c
                    }
                })
                .collect();
            let mut squeezed = String::with_capacity(shape.len());
            for c in shape.chars() {
                if !squeezed.ends_with(c) || !matches!(c, '9' | 'a') {
                    squeezed.push(c);
                }
            }
            out.insert(format!("{prefix}:{squeezed}"));
        }
    }
    let received = m
        .headers_raw()
        .filter(|(n, _)| n.eq_ignore_ascii_case("Received"))
        .count();
    out.insert(format!("received:{}", received.min(10)));
    for part in &m.parts {
        if let Some(ct) = part.content_type() {
            let t = format!(
                "ct:{}/{}",
                ct.ctype().to_ascii_lowercase(),
                ct.subtype().unwrap_or("").to_ascii_lowercase()
            );
            out.insert(t);
            if let Some(cs) = ct.attribute("charset") {
                out.insert(format!("charset:{}", cs.to_ascii_lowercase()));
            }
        }
        if let Some(cte) = part.content_transfer_encoding() {
            out.insert(format!("cte:{}", cte.to_ascii_lowercase()));
        }
    }
    if m.text_body.iter().all(|id| {
        matches!(
            m.parts.get(*id as usize).map(|p| &p.body),
            Some(PartType::Html(_))
        )
    }) && !m.text_body.is_empty()
    {
        out.insert("mime:html-only".to_owned());
    }
}

/// The hosts of an HTML part's links and images (its text is tokenised with the other text;
/// its markup is not: mail clients' markup told more about the newsletter than about spam).
fn words(text: &str, prefix: &str, out: &mut HashSet<String>) {
    let mut prev: Option<String> = None;
    for raw in text.split(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '(' | ')' | '<' | '>' | '[' | ']' | ',' | ';')
    }) {
        let w = raw.trim_matches(|c: char| !is_word_char(c) && c != '$' && c != '%' && c != '!');
        if w.is_empty() {
            continue;
        }
        // URL hosts, not whole URLs.
        if let Some(rest) = w.strip_prefix("http://").or_else(|| w.strip_prefix("https://")) {
            let host = rest
                .split(['/', '?', '#', ':'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            out.insert(format!("url:{host}"));
            prev = None;
            continue;
        }
        let n = w.chars().count();
        // Short English words say little; Vietnamese syllables are short and say a lot.
        if n < 3 && w.is_ascii() {
            prev = None;
            continue;
        }
        if w.chars().any(is_cjk) {
            // No spaces between CJK words: overlapping character pairs stand for them.
            let cs: Vec<char> = w.chars().filter(|c| is_cjk(*c)).take(200).collect();
            for pair in cs.windows(2) {
                out.insert(format!("{prefix}{}{}", pair[0], pair[1]));
            }
            out.insert(format!("{prefix}cjk"));
            prev = None;
            continue;
        }
        if n > 20 {
            out.insert(format!("{prefix}long:{}", n / 10 * 10));
            prev = None;
            continue;
        }
        let lw = crate::vietnamese::to_lower(w);
        // Word pairs: Vietnamese words are mostly two syllables ("khuyến mãi", "công văn").
        if let Some(p) = &prev {
            out.insert(format!("{prefix}{p} {lw}"));
        }
        out.insert(format!("{prefix}{lw}"));
        if w.chars().filter(|&c| is_letter(c)).all(is_upper) && n >= 4 {
            out.insert(format!("{prefix}caps"));
        }
        prev = Some(lw);
    }
}

/// Chinese, Japanese and Korean letters.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

impl Model {
    /// A model from stored counts (the token database).
    pub fn from_counts(counts: HashMap<String, (u32, u32)>, hams: u32, spams: u32) -> Model {
        Model { counts, hams, spams }
    }

    /// The (ham, spam) message counts of a token.
    pub fn count(&self, token: &str) -> Option<(u32, u32)> {
        self.counts.get(token).copied()
    }

    /// How many distinct tokens the model knows.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    pub fn learn(&mut self, tokens: &HashSet<String>, spam: bool) {
        for t in tokens {
            let c = self.counts.entry(t.clone()).or_default();
            if spam {
                c.1 += 1;
            } else {
                c.0 += 1;
            }
        }
        if spam {
            self.spams += 1;
        } else {
            self.hams += 1;
        }
    }

    /// Robinson's f(w) for a token.
    fn token_probability(&self, t: &str) -> Option<f64> {
        let &(g, b) = self.counts.get(t)?;
        let bad = f64::from(b) / f64::from(self.spams.max(1));
        let good = f64::from(g) / f64::from(self.hams.max(1));
        if bad + good == 0.0 {
            return None;
        }
        let p = bad / (bad + good);
        let n = f64::from(g + b);
        Some((S * X + n * p) / (S + n))
    }

    /// The share of a message's body words (not header, subject, shape or number tokens, not
    /// word pairs, not CJK) the model has seen in training: low for mail in a language it was
    /// never trained on. For a Vietnamese message only its Vietnamese words count: syllables
    /// without marks ("an", "tin", "the") are English words too.
    pub fn known_share(&self, tokens: &HashSet<String>) -> f64 {
        self.known_share_in(tokens, language(tokens))
    }

    fn known_share_in(&self, tokens: &HashSet<String>, language: Language) -> f64 {
        let vietnamese = language == Language::Vietnamese;
        let (mut text, mut known, mut cjk) = (0usize, 0usize, false);
        for t in tokens {
            // CJK pairs are many and sparse; they speak for themselves.
            if t.chars().any(is_cjk) {
                cjk = true;
            } else if is_body_word(t) && (!vietnamese || crate::vietnamese::has_diacritics(t)) {
                text += 1;
                if self.counts.get(t).is_some_and(|(h, s)| h + s >= MIN_KNOWN_COUNT) {
                    known += 1;
                }
            }
        }
        if text == 0 || (cjk && text < MIN_SHARE_TOKENS) {
            return 1.0;
        }
        known as f64 / text as f64
    }

    /// How many ham messages of a language the model was trained on (counted by the language
    /// token [`tokens_of`] adds; a model trained before it existed has none).
    pub fn language_hams(&self, language: Language) -> u32 {
        self.counts.get(language.token()).map_or(0, |c| c.0)
    }

    /// The model's judgement of a message: its spam probability and how well the model knows
    /// mail like it.
    pub fn judge(&self, tokens: &HashSet<String>) -> Scored {
        let language = language(tokens);
        Scored {
            probability: self.classify(tokens),
            known_share: self.known_share_in(tokens, language),
            language,
            language_hams: self.language_hams(language),
        }
    }

    /// The spam probability of a message's tokens (0 = ham, 1 = spam; 0.5 = no opinion).
    pub fn classify(&self, tokens: &HashSet<String>) -> f64 {
        let mut probs: Vec<(f64, &str)> = tokens
            .iter()
            .filter_map(|t| Some((self.token_probability(t)?, t.as_str())))
            .filter(|(p, _)| (p - 0.5).abs() >= MIN_DEVIATION)
            .collect();
        if probs.is_empty() {
            return 0.5;
        }
        // Most telling first; ties by token, so the result never depends on hashing order.
        // Select the most telling ones first (linear), then order just those.
        let order = |a: &(f64, &str), b: &(f64, &str)| {
            (b.0 - 0.5).abs().total_cmp(&(a.0 - 0.5).abs()).then(a.1.cmp(b.1))
        };
        if probs.len() > MAX_TOKENS {
            probs.select_nth_unstable_by(MAX_TOKENS, order);
            probs.truncate(MAX_TOKENS);
        }
        probs.sort_unstable_by(order);
        let probs: Vec<f64> = probs.into_iter().map(|(p, _)| p).collect();
        let n = probs.len();
        let ln_ham: f64 = probs.iter().map(|p| p.max(1e-12).ln()).sum();
        let ln_spam: f64 = probs.iter().map(|p| (1.0 - p).max(1e-12).ln()).sum();
        let h = chi2q(-2.0 * ln_ham, 2 * n);
        let s = chi2q(-2.0 * ln_spam, 2 * n);
        (1.0 + h - s) / 2.0
    }
}

/// The chi-square survival function for an even number of degrees of freedom.
fn chi2q(x2: f64, df: usize) -> f64 {
    let m = x2 / 2.0;
    let mut term = (-m).exp();
    let mut sum = term;
    for i in 1..df / 2 {
        term *= m / i as f64;
        sum += term;
    }
    sum.min(1.0)
}

/// A message's score from one model: its spam probability, the share of its body words the
/// model knew, and how much ham of the message's language the model has seen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    pub probability: f64,
    pub known_share: f64,
    pub language: Language,
    pub language_hams: u32,
}

/// K-fold cross-validation: trains on k−1 folds (message i is in fold i mod k), classifies the
/// k-th; returns the scores of every ham and every spam message, in their given order.
pub fn cross_validate(
    ham: &[HashSet<String>],
    spam: &[HashSet<String>],
    folds: usize,
) -> (Vec<Scored>, Vec<Scored>) {
    let folds = folds.max(2);
    let none = Scored {
        probability: 0.5,
        known_share: 0.0,
        language: Language::Other,
        language_hams: 0,
    };
    let (mut ph, mut ps) = (vec![none; ham.len()], vec![none; spam.len()]);
    for k in 0..folds {
        let mut model = Model::default();
        for (_, t) in ham.iter().enumerate().filter(|(i, _)| i % folds != k) {
            model.learn(t, false);
        }
        for (_, t) in spam.iter().enumerate().filter(|(i, _)| i % folds != k) {
            model.learn(t, true);
        }
        let score = |t: &HashSet<String>| model.judge(t);
        for (i, t) in ham.iter().enumerate().filter(|(i, _)| i % folds == k) {
            ph[i] = score(t);
        }
        for (i, t) in spam.iter().enumerate().filter(|(i, _)| i % folds == k) {
            ps[i] = score(t);
        }
    }
    (ph, ps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn learns_and_separates() {
        let mut m = Model::default();
        for _ in 0..20 {
            m.learn(&set(&["meeting", "report", "kính", "gửi"]), false);
            m.learn(&set(&["viagra", "free", "winner", "click"]), true);
        }
        assert!(m.classify(&set(&["viagra", "winner"])) > 0.9);
        assert!(m.classify(&set(&["meeting", "kính"])) < 0.1);
        assert_eq!(m.classify(&set(&["unknown"])), 0.5);
    }

    #[test]
    fn vietnamese_typed_without_marks_is_vietnamese_and_english_is_not() {
        let words = |t: &str| -> HashSet<String> { t.split_whitespace().map(str::to_owned).collect() };
        let unmarked = words(
            "thue bao cua quy khach chua chuan hoa thong tin se bi khoa hai chieu trong ngay vui long truy cap de cap nhat",
        );
        assert_eq!(language_of_words(&unmarked), Language::Vietnamese);
        let marked = words("thuê bao của quý khách chưa chuẩn hóa thông tin");
        assert_eq!(language_of_words(&marked), Language::Vietnamese);
        let english = words(
            "the meeting is moved to thursday please bring the quarterly report and the budget figures for the new office",
        );
        assert_eq!(language_of_words(&english), Language::Other);
        // A few Vietnamese names in English text do not make it Vietnamese.
        let names = words(
            "dear nguyen van anh thank you for the report we will reply to you and your team next week",
        );
        assert_eq!(language_of_words(&names), Language::Other);
    }

    #[test]
    fn chi2q_is_a_survival_function() {
        assert!((chi2q(0.0, 4) - 1.0).abs() < 1e-12);
        assert!(chi2q(100.0, 4) < 1e-15);
    }
}
