//! A statistical spam classifier: MIME-aware tokens (the decoded text of every part, HTML
//! reduced to text, NFC Vietnamese kept whole, URL hosts, selected headers), Robinson's
//! per-token probabilities and Fisher's chi-square combining (as in SpamBayes and bogofilter).
//! The model is counts only: it can be trained incrementally and merged.

use super::{LOWER_WHOLE_MAX, Lowered};
use crate::extract::html::HtmlFacts;
use crate::extract::{ExtractedText, PieceKind, extract_message};
use crate::message::ParsedMessage;
use crate::vietnamese::{is_letter, is_upper, is_word_char};
use mail_parser::{MimeHeaders, PartType};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

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
/// The most distinct tokens read from one message (its first words, headers first): a bound on
/// a worker's memory for 32 MiB of varied text; a real letter has a few thousand.
const MAX_DISTINCT_TOKENS: usize = 200_000;

/// Token counts of the trained messages.
#[derive(Debug, Default, Clone)]
pub struct Model {
    /// token hash → (ham messages, spam messages) containing it.
    counts: FxHashMap<u64, (u32, u32)>,
    /// Which tokens `counts` may hold, asked first: most of a message's tokens are in no model
    /// (a model built by learning has none and asks `counts` every time).
    presence: super::Presence,
    pub hams: u32,
    pub spams: u32,
}

/// A token's 64-bit hash: XXH3 of its text (`"s:khuyến"`, `"h:x-mailer"`, `"url:example.com"`,
/// a word pair `"công văn"`). XXH3 is specified and stable, so the token database keeps these
/// numbers, and a database of text tokens (version 1) is read by hashing its text.
pub fn token_hash(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

/// What is wrong with a model's text ([`Model::from_text`]): the line (1-based), its text and why.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelTextError {
    pub line: usize,
    pub text: String,
    pub message: String,
}

impl std::fmt::Display for ModelTextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}: {:?}", self.line, self.message, self.text)
    }
}

/// The distinct tokens of a message, as hashes, with what the classifier needs to know of their
/// text: the message's language and which of them are body words (see [`Model::known_share`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tokens {
    /// Every distinct token.
    set: FxHashSet<u64>,
    /// The distinct body words with Vietnamese marks, and those without.
    marked: Vec<u64>,
    unmarked: Vec<u64>,
    /// Whether any token has CJK letters.
    cjk: bool,
    pub language: Language,
}

impl Tokens {
    /// The tokens of texts given whole (tests, and sets made without a message): each string
    /// is one token; the language is worked out from the body words.
    pub fn of_strings<'a>(tokens: impl IntoIterator<Item = &'a str>) -> Tokens {
        let mut t = Tokenizer::default();
        for s in tokens {
            t.add(s);
        }
        let language = t.language();
        t.finish(language)
    }

    /// Whether the token with this text is among them.
    pub fn contains(&self, text: &str) -> bool {
        self.set.contains(&token_hash(text))
    }

    /// The distinct tokens' hashes.
    pub fn hashes(&self) -> impl Iterator<Item = u64> + '_ {
        self.set.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.set.len()
    }

    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }
}

/// Builds a message's [`Tokens`]: each token's text is written into one reusable buffer,
/// hashed, and kept only as its hash; a token seen for the first time is classified for the
/// language (CJK, body word, Vietnamese marks, unmarked Vietnamese syllable).
#[derive(Default)]
struct Tokenizer {
    set: FxHashSet<u64>,
    marked: Vec<u64>,
    unmarked: Vec<u64>,
    /// Distinct body words that are frequent Vietnamese syllables typed without marks.
    unmarked_syllables: usize,
    cjk: usize,
    buf: String,
}

impl Tokenizer {
    /// Adds the token with this text.
    fn add(&mut self, text: &str) {
        if self.full() {
            return;
        }
        let h = token_hash(text);
        if !self.set.insert(h) {
            return;
        }
        if may_have_cjk(text) && text.chars().any(is_cjk) {
            self.cjk += 1;
        } else if is_body_word(text) {
            // (ASCII text has no diacritics: answered without a look at its characters.)
            if crate::vietnamese::has_diacritics(text) {
                self.marked.push(h);
            } else {
                self.unmarked.push(h);
                if crate::vietnamese::is_unmarked_syllable(text) {
                    self.unmarked_syllables += 1;
                }
            }
        }
    }

    /// Whether the message has given [`MAX_DISTINCT_TOKENS`] already.
    fn full(&self) -> bool {
        self.set.len() >= MAX_DISTINCT_TOKENS
    }

    /// Adds the token written by `write` (into the reusable buffer: no allocation per token).
    fn add_with(&mut self, write: impl FnOnce(&mut String)) {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        write(&mut buf);
        self.add(&buf);
        self.buf = buf;
    }

    fn add_fmt(&mut self, args: std::fmt::Arguments<'_>) {
        self.add_with(|b| {
            let _ = b.write_fmt(args);
        });
    }

    fn add_pair(&mut self, a: &str, b: &str) {
        if a.is_empty() {
            return self.add(b);
        }
        self.add_with(|buf| {
            buf.push_str(a);
            buf.push_str(b);
        });
    }

    /// The language of the tokens so far, from their distinct body words.
    fn language(&self) -> Language {
        let words = self.marked.len() + self.unmarked.len();
        let share = |n: usize| if words == 0 { 0.0 } else { n as f64 / words as f64 };
        if self.cjk > words {
            Language::Cjk
        } else if share(self.marked.len()) >= VIETNAMESE_SHARE
            || (words >= UNMARKED_MIN_WORDS && share(self.unmarked_syllables) >= UNMARKED_SHARE)
        {
            Language::Vietnamese
        } else {
            Language::Other
        }
    }

    fn finish(self, language: Language) -> Tokens {
        Tokens {
            set: self.set,
            marked: self.marked,
            unmarked: self.unmarked,
            cjk: self.cjk > 0,
            language,
        }
    }
}

/// The distinct tokens of a message.
pub fn tokens(raw: &[u8], limits: &crate::config::LimitsConfig) -> Tokens {
    let parsed = ParsedMessage::parse(raw, limits);
    let text = extract_message(&parsed, raw, limits);
    tokens_of(&parsed, &text)
}

/// The distinct tokens of a parsed message and its extracted text (shared with the other
/// scanners, so the message is parsed and its text extracted once).
pub fn tokens_of(parsed: &ParsedMessage<'_>, text: &ExtractedText) -> Tokens {
    tokens_of_lowered(parsed, text, &Lowered::default())
}

/// [`tokens_of`], with the pieces lower-cased for the rules already ([`Lowered`]).
pub fn tokens_of_lowered(parsed: &ParsedMessage<'_>, text: &ExtractedText, lowered: &Lowered) -> Tokens {
    // About one distinct token for every 8 bytes of text: the set is sized once, not regrown.
    let bytes: usize = text.pieces.iter().map(|p| p.text.len()).sum();
    let mut out = Tokenizer {
        set: FxHashSet::with_capacity_and_hasher((bytes / 8).clamp(64, 1 << 16), Default::default()),
        ..Tokenizer::default()
    };
    if let Some(m) = parsed.message.as_ref() {
        header_tokens(m, &mut out);
        for (id, part) in m.parts.iter().enumerate() {
            if let PartType::Html(h) = &part.body {
                // A body's facts as text extraction derived them; another HTML part's now.
                let location = format!("body part {id}");
                match text.html.iter().find(|(l, _)| *l == location) {
                    Some((_, facts)) => facts.link_hosts.iter().for_each(|h| out.add(h)),
                    None => HtmlFacts::of(h).link_hosts.iter().for_each(|h| out.add(h)),
                }
            }
        }
    }
    let mut words = Words::default();
    for (i, piece) in text.pieces.iter().enumerate() {
        // File names, pictures' text alternatives and text outside a message's parts are read
        // for markings only (the trained tokens never had them).
        if matches!(
            piece.kind,
            PieceKind::FileName | PieceKind::PictureText | PieceKind::Unshown
        ) {
            continue;
        }
        let prefix = if piece.kind == PieceKind::Subject {
            "s:"
        } else {
            ""
        };
        words.walk(&piece.text, lowered.piece(i), prefix, &mut out);
    }
    // The language is a token too: the model then counts how many ham and spam messages of
    // each language it was trained on (see [`Model::judge`]).
    let language = out.language();
    // The language token is counted even in a message that gave the most tokens.
    out.set.insert(token_hash(language.token()));
    out.finish(language)
}

/// The language of a message, as far as the classifier needs to know: whether a model that
/// has seen no ham of it may judge it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Language {
    /// Vietnamese written with its diacritics.
    Vietnamese,
    /// Chinese, Japanese or Korean.
    Cjk,
    /// Anything else (English and other Latin-script text, or no text at all).
    #[default]
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
    // Space, colon and digits are ASCII: their bytes never occur inside another character.
    !t.bytes().any(|b| b == b' ' || b == b':' || b.is_ascii_digit()) && t != "cjk" && t != "caps"
}

/// Tokens from the header section: which headers are there, the mailer, the sender's domain and
/// name, the recipients' count, the transfer encodings and charsets.
fn header_tokens(m: &mail_parser::Message<'_>, out: &mut Tokenizer) {
    for (name, prefix) in [("X-Mailer", "xm"), ("User-Agent", "ua")] {
        if let Some(v) = m.header_raw(name) {
            out.add_with(|b| {
                b.push_str(prefix);
                b.push(':');
                b.extend(v.trim().chars().take(40).map(|c| c.to_ascii_lowercase()));
            });
        }
    }
    for (name, _) in m.headers_raw() {
        if out.set.len() > 4000 {
            break;
        }
        out.add_with(|b| {
            b.push_str("h:");
            b.extend(name.chars().map(|c| c.to_ascii_lowercase()));
        });
    }
    if let Some(from) = m.from().and_then(|a| a.first()) {
        if let Some(addr) = from.address() {
            let addr = addr.to_ascii_lowercase();
            if let Some((local, d)) = addr.rsplit_once('@') {
                out.add_pair("from:", d);
                out.add_pair("from:@", &addr);
                if local.chars().any(|c| c.is_ascii_digit()) {
                    out.add("from:local-digits");
                }
            }
        }
        match from.name() {
            Some(n) => {
                for w in n.split_whitespace().take(8) {
                    out.add_pair("fromname:", &w.to_lowercase());
                }
            }
            None => out.add("fromname:none"),
        }
    }
    let to = m.to().map_or(0, |a| a.iter().count());
    let cc = m.cc().map_or(0, |a| a.iter().count());
    out.add_fmt(format_args!("to:{}", to.min(5)));
    out.add_fmt(format_args!("cc:{}", cc.min(5)));
    if let Some(id) = m.message_id()
        && let Some((_, d)) = id.rsplit_once('@')
    {
        out.add_with(|b| {
            b.push_str("mid:");
            b.extend(d.chars().take(40).map(|c| c.to_ascii_lowercase()));
        });
    }
    // The shapes of Message-ID and Date tell the mailer that wrote them (digits → 9, letters
    // → a): bulk mailers have their own.
    for (name, prefix) in [("Message-ID", "midshape"), ("Date", "dateshape")] {
        if let Some(v) = m.header_raw(name) {
            out.add_with(|b| {
                b.push_str(prefix);
                b.push(':');
                let mut last = None;
                for c in v.trim().chars().take(60) {
                    let c = if c.is_ascii_digit() {
                        '9'
                    } else if is_letter(c) {
                        'a'
                    } else {
                        c
                    };
                    if last != Some(c) || !matches!(c, '9' | 'a') {
                        b.push(c);
                    }
                    last = Some(c);
                }
            });
        }
    }
    let received = m
        .headers_raw()
        .filter(|(n, _)| n.eq_ignore_ascii_case("Received"))
        .count();
    out.add_fmt(format_args!("received:{}", received.min(10)));
    for part in &m.parts {
        if let Some(ct) = part.content_type() {
            out.add_with(|b| {
                b.push_str("ct:");
                b.extend(ct.ctype().chars().map(|c| c.to_ascii_lowercase()));
                b.push('/');
                b.extend(ct.subtype().unwrap_or("").chars().map(|c| c.to_ascii_lowercase()));
            });
            if let Some(cs) = ct.attribute("charset") {
                out.add_with(|b| {
                    b.push_str("charset:");
                    b.extend(cs.chars().map(|c| c.to_ascii_lowercase()));
                });
            }
        }
        if let Some(cte) = part.content_transfer_encoding() {
            out.add_with(|b| {
                b.push_str("cte:");
                b.extend(cte.chars().map(|c| c.to_ascii_lowercase()));
            });
        }
    }
    if m.text_body.iter().all(|id| {
        matches!(
            m.parts.get(*id as usize).map(|p| &p.body),
            Some(PartType::Html(_))
        )
    }) && !m.text_body.is_empty()
    {
        out.add("mime:html-only");
    }
}

/// The words of a text, as tokens: lower-cased words and word pairs, URL hosts, CJK character
/// pairs, the length of a long word, and `caps` for a shouted one. Its buffers (the text
/// lower-cased, this word and the one before, lower-cased) are reused from text to text.
#[derive(Default)]
struct Words {
    /// The whole text lower-cased at once, when its words are at the same bytes as in the text.
    lower: String,
    word: String,
    prev: String,
}

impl Words {
    /// The tokens of `text`; `lowered`: the text lower-cased already, byte for byte aligned
    /// with it ([`Lowered`]). Otherwise a text of up to [`LOWER_WHOLE_MAX`] is lower-cased whole
    /// here (one pass, and no second copy of a larger one), a larger one word by word.
    fn walk(&mut self, text: &str, lowered: Option<&str>, prefix: &str, out: &mut Tokenizer) {
        let Words { lower, word, prev } = self;
        let (lower, aligned) = match lowered {
            Some(l) if l.len() == text.len() => (l, true),
            _ => {
                let aligned =
                    text.len() <= LOWER_WHOLE_MAX && crate::vietnamese::to_lower_aligned(text, lower);
                (lower.as_str(), aligned)
            }
        };
        let mut has_prev = false;
        for raw in pieces(text) {
            if out.full() {
                return;
            }
            let w = raw.trim_matches(|c: char| !is_word_char(c) && c != '$' && c != '%' && c != '!');
            if w.is_empty() {
                continue;
            }
            // URL hosts, not whole URLs.
            if let Some(rest) = w.strip_prefix("http://").or_else(|| w.strip_prefix("https://")) {
                let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
                out.add_with(|b| {
                    b.push_str("url:");
                    b.extend(host.chars().map(|c| c.to_ascii_lowercase()));
                });
                has_prev = false;
                continue;
            }
            // The word's length in characters, whether it has CJK letters, whether every letter
            // is a capital. Outside ASCII: characters counted by the bytes that start them, CJK
            // looked for only where a byte may lead one, capitals only until a small letter.
            let ascii = w.is_ascii();
            let (n, cjk, shouted) = if ascii {
                (w.len(), false, !w.bytes().any(|b| b.is_ascii_lowercase()))
            } else {
                (
                    w.bytes().filter(|&b| b & 0xC0 != 0x80).count(),
                    may_have_cjk(w) && w.chars().any(is_cjk),
                    w.chars().all(|c| !is_letter(c) || is_upper(c)),
                )
            };
            // Short English words say little; Vietnamese syllables are short and say a lot.
            if n < 3 && ascii {
                has_prev = false;
                continue;
            }
            if cjk {
                // No spaces between CJK words: overlapping character pairs stand for them.
                let mut cs = w.chars().filter(|c| is_cjk(*c)).take(200);
                if let Some(mut a) = cs.next() {
                    for b in cs {
                        out.add_with(|buf| {
                            buf.push_str(prefix);
                            buf.push(a);
                            buf.push(b);
                        });
                        a = b;
                    }
                }
                out.add_pair(prefix, "cjk");
                has_prev = false;
                continue;
            }
            if n > 20 {
                out.add_fmt(format_args!("{prefix}long:{}", n / 10 * 10));
                has_prev = false;
                continue;
            }
            // The word's bytes in the lower-cased text (w is a slice of text), or lower-cased alone.
            let at = w.as_ptr() as usize - text.as_ptr() as usize;
            let lw: &str = match lower.get(at..at + w.len()).filter(|_| aligned) {
                Some(l) => l,
                None => {
                    crate::vietnamese::to_lower_into(w, word);
                    word.as_str()
                }
            };
            // Word pairs: Vietnamese words are mostly two syllables ("khuyến mãi", "công văn").
            if has_prev {
                let p = prev.as_str();
                out.add_with(|b| {
                    b.push_str(prefix);
                    b.push_str(p);
                    b.push(' ');
                    b.push_str(lw);
                });
            }
            out.add_pair(prefix, lw);
            if n >= 4 && shouted {
                out.add_pair(prefix, "caps");
            }
            prev.clear();
            prev.push_str(lw);
            has_prev = true;
        }
    }
}

/// What a byte says of the characters that separate the classifier's words (white space,
/// quotes, brackets, commas and semicolons): 1, an ASCII separator; 2, it may start a Unicode
/// space (C2 for U+0085 and U+00A0, E1 for U+1680, E2 for U+2000–U+205F, E3 for U+3000);
/// 0, neither.
const SEPARATOR_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let ascii = b"\t\n\x0b\x0c\r \"'()<>[],;";
    let mut i = 0;
    while i < ascii.len() {
        t[ascii[i] as usize] = 1;
        i += 1;
    }
    t[0xC2] = 2;
    t[0xE1] = 2;
    t[0xE2] = 2;
    t[0xE3] = 2;
    t
};

/// The text split at separators (`text.split(is_separator)` in the tests), a byte at a time by
/// a table ([`SEPARATOR_BYTE`]): a character is decoded only where a Unicode space may start
/// (after E1, only E1 9A: E1 also leads the toned vowels).
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let (mut start, mut i, mut done) = (0, 0, false);
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        while let Some(&b) = bytes.get(i) {
            let width = match SEPARATOR_BYTE[usize::from(b)] {
                0 => 0,
                1 => 1,
                _ if b == 0xE1 && bytes.get(i + 1) != Some(&0x9A) => 0,
                _ => match text.get(i..).and_then(|t| t.chars().next()) {
                    Some(c) if c.is_whitespace() => c.len_utf8(),
                    _ => 0,
                },
            };
            if width > 0 {
                let piece = text.get(start..i);
                i += width;
                start = i;
                return piece;
            }
            i += 1;
        }
        done = true;
        text.get(start..)
    })
}

/// Whether a text may hold a letter [`is_cjk`] answers: every one of them is encoded in three
/// bytes led by E3 to ED, a byte no Vietnamese or other Latin letter starts with (a quick
/// look at the bytes before the characters are decoded).
fn may_have_cjk(text: &str) -> bool {
    text.bytes().any(|b| (0xE3..=0xED).contains(&b))
}

/// Chinese, Japanese and Korean letters.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

impl Model {
    /// A model from stored counts (the token database), keyed by [`token_hash`].
    pub fn from_counts(counts: FxHashMap<u64, (u32, u32)>, hams: u32, spams: u32) -> Model {
        let mut presence = super::Presence::for_hashes(counts.len());
        counts.keys().for_each(|&t| presence.add(t));
        Model {
            counts,
            presence,
            hams,
            spams,
        }
    }

    /// The counts of the token with this hash: the presence bitmap asked first.
    fn get(&self, t: u64) -> Option<(u32, u32)> {
        if !self.presence.may_hold(t) {
            return None;
        }
        self.counts.get(&t).copied()
    }

    /// The (ham, spam) message counts of the token with this text.
    pub fn count(&self, token: &str) -> Option<(u32, u32)> {
        self.get(token_hash(token))
    }

    /// How many distinct tokens the model knows.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The model as text, for a model shipped in `rules/`: a `messages HAMS SPAMS` line, then
    /// one line per token that at least `min_count` trained messages had (a token one message
    /// had is that message's accident): its hash in 16 hex digits and its ham and spam counts,
    /// in hash order. `header` is written first as `#` comments.
    pub fn to_text(&self, min_count: u32, header: &str) -> String {
        let mut rows: Vec<(u64, (u32, u32))> = self
            .counts
            .iter()
            .filter(|(_, (h, s))| h + s >= min_count)
            .map(|(&t, &c)| (t, c))
            .collect();
        rows.sort_unstable();
        let mut out = String::new();
        for line in header.lines() {
            let _ = writeln!(out, "# {line}");
        }
        let _ = writeln!(out, "messages\t{}\t{}", self.hams, self.spams);
        for (t, (h, s)) in rows {
            let _ = writeln!(out, "{t:016x}\t{h}\t{s}");
        }
        out
    }

    /// A model from [`Model::to_text`]'s text; an error names the line, its text and what is
    /// wrong with it.
    pub fn from_text(text: &str) -> Result<Model, ModelTextError> {
        let (mut counts, mut hams, mut spams) = (FxHashMap::default(), 0, 0);
        let mut seen_messages = false;
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: &str| ModelTextError {
                line: i + 1,
                text: line.chars().take(80).collect(),
                message: message.to_owned(),
            };
            let fields: Vec<&str> = line.split('\t').collect();
            let [key, a, b] = fields[..] else {
                return Err(bad("expected three tab-separated fields"));
            };
            let a: u32 = a.parse().map_err(|_| bad("not a count"))?;
            let b: u32 = b.parse().map_err(|_| bad("not a count"))?;
            if key == "messages" {
                (hams, spams, seen_messages) = (a, b, true);
            } else {
                let t = u64::from_str_radix(key, 16).map_err(|_| bad("not a token hash"))?;
                counts.insert(t, (a, b));
            }
        }
        if !seen_messages {
            return Err(ModelTextError {
                line: text.lines().count(),
                text: String::new(),
                message: "no `messages HAMS SPAMS` line".to_owned(),
            });
        }
        Ok(Model::from_counts(counts, hams, spams))
    }

    pub fn learn(&mut self, tokens: &Tokens, spam: bool) {
        for &t in &tokens.set {
            self.presence.add(t);
            let c = self.counts.entry(t).or_default();
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
    fn token_probability(&self, t: u64) -> Option<f64> {
        let (g, b) = self.get(t)?;
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
    pub fn known_share(&self, tokens: &Tokens) -> f64 {
        let words: &[u64] = &tokens.marked;
        let other: &[u64] = if tokens.language == Language::Vietnamese {
            &[]
        } else {
            &tokens.unmarked
        };
        let text = words.len() + other.len();
        // CJK pairs are many and sparse; they speak for themselves.
        if text == 0 || (tokens.cjk && text < MIN_SHARE_TOKENS) {
            return 1.0;
        }
        let known = words
            .iter()
            .chain(other)
            .filter(|&&t| self.get(t).is_some_and(|(h, s)| h + s >= MIN_KNOWN_COUNT))
            .count();
        known as f64 / text as f64
    }

    /// How many ham messages of a language the model was trained on (counted by the language
    /// token [`tokens_of`] adds; a model trained before it existed has none).
    pub fn language_hams(&self, language: Language) -> u32 {
        self.count(language.token()).map_or(0, |c| c.0)
    }

    /// The model's judgement of a message: its spam probability and how well the model knows
    /// mail like it.
    pub fn judge(&self, tokens: &Tokens) -> Scored {
        Scored {
            probability: self.classify(tokens),
            known_share: self.known_share(tokens),
            language: tokens.language,
            language_hams: self.language_hams(tokens.language),
        }
    }

    /// The spam probability of a message's tokens (0 = ham, 1 = spam; 0.5 = no opinion).
    pub fn classify(&self, tokens: &Tokens) -> f64 {
        let mut probs: Vec<(f64, u64)> = tokens
            .set
            .iter()
            .filter_map(|&t| Some((self.token_probability(t)?, t)))
            .filter(|(p, _)| (p - 0.5).abs() >= MIN_DEVIATION)
            .collect();
        if probs.is_empty() {
            return 0.5;
        }
        // Most telling first; ties by token, so the result never depends on hashing order.
        // Select the most telling ones first (linear), then order just those.
        let order = |a: &(f64, u64), b: &(f64, u64)| {
            (b.0 - 0.5)
                .abs()
                .total_cmp(&(a.0 - 0.5).abs())
                .then(a.1.cmp(&b.1))
        };
        if probs.len() > MAX_TOKENS {
            probs.select_nth_unstable_by(MAX_TOKENS, order);
            probs.truncate(MAX_TOKENS);
        }
        probs.sort_unstable_by(order);
        let n = probs.len();
        let ln_ham: f64 = probs.iter().map(|(p, _)| p.max(1e-12).ln()).sum();
        let ln_spam: f64 = probs.iter().map(|(p, _)| (1.0 - p).max(1e-12).ln()).sum();
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
pub fn cross_validate(ham: &[Tokens], spam: &[Tokens], folds: usize) -> (Vec<Scored>, Vec<Scored>) {
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
        let score = |t: &Tokens| model.judge(t);
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

    #[test]
    fn a_model_as_text_reads_back_without_its_single_message_tokens() {
        let mut m = Model::default();
        m.learn(&Tokens::of_strings(["chuyển", "khoản", "phí"]), true);
        m.learn(&Tokens::of_strings(["chuyển", "khoản", "zalo"]), true);
        m.learn(&Tokens::of_strings(["kính", "gửi", "khoản"]), false);
        let text = m.to_text(2, "test model\nsecond line");
        assert!(
            text.starts_with("# test model\n# second line\nmessages\t1\t2\n"),
            "{text}"
        );
        let back = Model::from_text(&text).expect("reads back");
        assert_eq!((back.hams, back.spams), (1, 2));
        assert_eq!(back.count("khoản"), Some((1, 2)));
        assert_eq!(back.count("chuyển"), Some((0, 2)));
        assert_eq!(back.count("zalo"), None, "one message's token is left out");
        assert_eq!(back.to_text(2, "test model\nsecond line"), text);
        let e = Model::from_text("messages\t1\t2\nzz\t1\t1\n").expect_err("bad hash");
        assert_eq!(
            (e.line, e.message.as_str(), e.text.as_str()),
            (2, "not a token hash", "zz\t1\t1")
        );
        assert!(Model::from_text("# nothing\n").is_err());
    }

    /// Every CJK letter has a lead byte the quick look finds.
    #[test]
    fn a_text_without_cjk_lead_bytes_has_no_cjk_letter() {
        for u in 0..=0x10FFFFu32 {
            if let Some(c) = char::from_u32(u) {
                let t = format!("a{c}b");
                assert!(!super::is_cjk(c) || super::may_have_cjk(&t), "U+{u:04X}");
            }
        }
        assert!(!super::may_have_cjk("công văn khẩn, Đà Lạt"));
        assert!(super::may_have_cjk("東京"));
    }

    /// Whether a character separates the classifier's words: what [`pieces`] splits at.
    fn is_separator(c: char) -> bool {
        c.is_whitespace() || matches!(c, '"' | '\'' | '(' | ')' | '<' | '>' | '[' | ']' | ',' | ';')
    }

    /// The tokens are the same whether the pieces come lower-cased already (shared with the
    /// rules) or are lower-cased here: on the labelled Vietnamese mail, and on texts whose
    /// lower-casing is not aligned (Greek, Turkish İ) or mixes both.
    #[test]
    fn tokens_of_text_lowered_already_are_the_same() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/vietnamese-spam");
        let mut raws: Vec<Vec<u8>> = Vec::new();
        for sub in ["ham", "spam"] {
            for e in std::fs::read_dir(dir.join(sub)).expect("corpus").flatten() {
                raws.push(std::fs::read(e.path()).expect("read"));
            }
        }
        for (subject, body) in [
            ("ΟΔΟΣ ΣΟΦΙΑΣ", "Kính gửi ÔNG Nguyễn Văn A"),
            ("Thông báo", "İstanbul ĐỒNG ƯU TIÊN ΣΟΦΟΣ σοφός"),
            ("KHẨN", "ĂN ƯỚC ƠN ĨU ŨI Đi http://Example.VN/x"),
        ] {
            raws.push(
                format!("Subject: {subject}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n")
                    .into_bytes(),
            );
        }
        assert!(raws.len() > 100, "{}", raws.len());
        let limits = crate::config::LimitsConfig::default();
        for raw in &raws {
            let parsed = ParsedMessage::parse(raw, &limits);
            let text = extract_message(&parsed, raw, &limits);
            assert_eq!(
                tokens_of_lowered(&parsed, &text, &Lowered::of(&text)),
                tokens_of(&parsed, &text),
                "{}",
                String::from_utf8_lossy(raw)
            );
        }
    }

    /// The byte-wise word splitter gives what `str::split` gives, around every character.
    #[test]
    fn pieces_are_what_split_gives() {
        let mut texts: Vec<String> = vec![
            String::new(),
            " ".to_owned(),
            "Kính gửi: các đơn vị (trực thuộc), \"UBND\"; [xem]\u{a0}tại\u{3000}đây\u{2028}nhé  ".to_owned(),
        ];
        for u in 0..=0x3100u32 {
            if let Some(c) = char::from_u32(u) {
                texts.push(format!("a{c}b{c}{c}ế{c}"));
            }
        }
        for t in &texts {
            let want: Vec<&str> = t.split(is_separator).collect();
            assert_eq!(pieces(t).collect::<Vec<_>>(), want, "{t:?}");
        }
    }

    fn set(words: &[&str]) -> Tokens {
        Tokens::of_strings(words.iter().copied())
    }

    #[test]
    fn a_stored_model_answers_every_token_as_its_counts_do() {
        // The presence bitmap asked first must never hide a token the counts have.
        let mut counts = FxHashMap::default();
        let mut absent = Vec::new();
        for i in 0..60_000u32 {
            let h = token_hash(&format!("token {i}"));
            if i % 3 == 0 {
                absent.push(h);
            } else {
                counts.insert(h, (i % 7, i % 5));
            }
        }
        let model = Model::from_counts(counts.clone(), 10, 10);
        for (&t, &c) in &counts {
            assert_eq!(model.get(t), Some(c));
        }
        assert!(absent.iter().all(|&t| model.get(t).is_none()));
        let text = model.to_text(0, "");
        let read = Model::from_text(&text).expect("model text");
        assert!(counts.iter().all(|(&t, &c)| read.get(t) == Some(c)));
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
        let words = |t: &str| Tokens::of_strings(t.split_whitespace());
        let unmarked = words(
            "thue bao cua quy khach chua chuan hoa thong tin se bi khoa hai chieu trong ngay vui long truy cap de cap nhat",
        );
        assert_eq!(unmarked.language, Language::Vietnamese);
        let marked = words("thuê bao của quý khách chưa chuẩn hóa thông tin");
        assert_eq!(marked.language, Language::Vietnamese);
        let english = words(
            "the meeting is moved to thursday please bring the quarterly report and the budget figures for the new office",
        );
        assert_eq!(english.language, Language::Other);
        // A few Vietnamese names in English text do not make it Vietnamese.
        let names = words(
            "dear nguyen van anh thank you for the report we will reply to you and your team next week",
        );
        assert_eq!(names.language, Language::Other);
    }

    #[test]
    fn chi2q_is_a_survival_function() {
        assert!((chi2q(0.0, 4) - 1.0).abs() < 1e-12);
        assert!(chi2q(100.0, 4) < 1e-15);
    }

    /// A message of more distinct words than the bound gives the bound and its language token,
    /// no more (a worker's memory stays bounded on 32 MiB of varied text).
    #[test]
    fn the_distinct_tokens_of_one_message_are_bounded() {
        let mut body = String::new();
        for i in 0..(MAX_DISTINCT_TOKENS + 5_000) {
            let _ = write!(body, "w{i:x}q ");
        }
        let raw = format!("From: a@x.vn\r\nSubject: s\r\n\r\n{body}\r\n");
        let limits = crate::config::LimitsConfig {
            max_text_bytes: 64 << 20,
            ..Default::default()
        };
        let t = tokens(raw.as_bytes(), &limits);
        assert_eq!(t.len(), MAX_DISTINCT_TOKENS + 1);
        assert!(t.contains(t.language.token()));
    }

    /// Tokens are kept as hashes of their text: each kind of token is found by its text as
    /// the token database (and a version 1 database's text tokens) names it.
    #[test]
    fn every_kind_of_token_is_the_hash_of_its_text() {
        let raw = "From: \"Phòng Hành chính\" <vanthu2024@So.LamDong.gov.vn>\r\n\
            To: a@x.vn, b@x.vn\r\nSubject: KHUYẾN MÃI lớn\r\n\
            Message-ID: <20261203.ABC123@mail.example>\r\nDate: Thu, 3 Dec 2026 08:00:00 +0700\r\n\
            X-Mailer: Outlook 16.0\r\nMIME-Version: 1.0\r\n\
            Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\
            Kính gửi các đơn vị, công văn số 12 xem tại https://Portal.Example.vn/x?y=1 \
            ĐỀNGHỊ GẤPGẤP 中华人民 supercalifragilisticexpialidocious\r\n";
        let limits = crate::config::LimitsConfig::default();
        let t = tokens(raw.as_bytes(), &limits);
        for text in [
            "s:khuyến",
            "s:khuyến mãi",
            "s:caps",
            "kính gửi",
            "công văn",
            "văn số",
            "url:portal.example.vn",
            "中华",
            "华人",
            "cjk",
            "long:30",
            "caps",
            "from:so.lamdong.gov.vn",
            "from:@vanthu2024@so.lamdong.gov.vn",
            "from:local-digits",
            "fromname:phòng",
            "to:2",
            "cc:0",
            "mid:mail.example",
            "midshape:<9.a9@a.a>",
            "dateshape:a, 9 a 9 9:9:9 +9",
            "received:0",
            "xm:outlook 16.0",
            "h:x-mailer",
            "ct:text/plain",
            "charset:utf-8",
            "cte:8bit",
            "lang:vi",
        ] {
            assert!(t.contains(text), "{text}");
        }
        assert!(!t.contains("gửi các đơn"), "pairs are of two words");
        assert_eq!(t.language, Language::Vietnamese);
        // Every distinct token once: the words counted for the known share are body words.
        assert!(t.marked.len() + t.unmarked.len() < t.len());
    }
}
