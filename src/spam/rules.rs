//! Spam rules, built from `rules/spam.toml`: each `[[check]]` is one of a fixed set of tests
//! (header, body, markup, URL, attachment, phrase and regex checks, written here) with its symbol
//! and parameters (the data). Scores and descriptions are in `rules/scores.toml`.

use crate::config::ConfigError;
use crate::config::LocalConfig;
use crate::extract::html;
use crate::extract::{ExtractedText, PieceKind};
use crate::message::{Envelope, ParsedMessage};
use crate::spam::bayes::{Model, Scored, Tokens};
use crate::spam::impersonation;
use crate::verdict::{Finding, Why};
use crate::vietnamese::{is_letter, is_word_char};
use aho_corasick::{AhoCorasick, MatchKind};
use mail_parser::{MimeHeaders, PartType};
use regex::Regex;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The rules built into the binary (the repository's `rules/spam.toml`).
pub const EMBEDDED: &str = include_str!("../../rules/spam.toml");

/// The places of a body pattern looked at for the metas' passages (the first ones).
const MAX_PLACES: usize = 10_000;

/// A passage of `bytes` (0: the whole body).
fn passage(bytes: usize) -> usize {
    match bytes {
        0 => usize::MAX,
        n => n,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    settings: RawSettings,
    /// Named lists of domains (`[domains] state = [...]`), written once and named in a
    /// check's or a meta's domain list as `"@state"`.
    #[serde(default)]
    domains: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    check: Vec<RawCheck>,
    /// Checks whose symbols are never reported nor scored: they only count towards `meta`.
    #[serde(default)]
    sign: Vec<RawCheck>,
    #[serde(default)]
    meta: Vec<RawMeta>,
    bayes: RawBayes,
    #[serde(default)]
    vietnamese_model: Option<RawVietnameseModel>,
}

/// The model shipped beside the rules (`vietnamese-model.tsv`, trained on the project's
/// labelled Vietnamese set): its symbol, for Vietnamese mail the site's classifier gives no
/// opinion on, from this spam probability.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVietnameseModel {
    /// `false` turns the model off; its symbol stays known, so scores.toml may keep it.
    #[serde(default = "yes")]
    enabled: bool,
    symbol: String,
    min_probability: f64,
}

fn yes() -> bool {
    true
}

/// A check that fires when enough other checks or signs did (SpamAssassin's meta rules): many
/// weak signs of one message together, none of which says much alone.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    symbol: String,
    /// Symbols of signs or of checks.
    of: Vec<String>,
    min: usize,
    /// Stronger symbols for more of them (each with a greater `min`); the strongest reached is
    /// given instead of `symbol`.
    #[serde(default)]
    more: Vec<RawLevel>,
    /// Its signs found in the body count together within this many bytes of it (default: the
    /// settings' `passage_bytes`; 0: anywhere).
    #[serde(default)]
    passage_bytes: Option<usize>,
    /// Symbols of checks or of other metas that do not count when this meta fires: a warning
    /// against scams quotes them, so what its quotes match is taken back out.
    #[serde(default)]
    cancels: Vec<String>,
    /// Not when the From address is at one of these domains or under it (an institution's own
    /// notices carry the signs: sums, requests, "quý khách", an account number).
    #[serde(default)]
    unless_from: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevel {
    min: usize,
    symbol: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    max_text_bytes: usize,
    /// Phrases counted together must lie within this many bytes of the body (0: anywhere).
    #[serde(default)]
    passage_bytes: usize,
    /// Host names written without a scheme whose last label is one of these are read as links.
    #[serde(default)]
    bare_host_tlds: Vec<String>,
    /// Phrases that deny what follows them ("không bao giờ yêu cầu", "tuyệt đối không"): a
    /// phrase-set check's phrase within their scope is advice, not a demand.
    #[serde(default)]
    negations: Vec<String>,
    /// How many words after a negation it reaches, within its clause.
    #[serde(default)]
    negation_words: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBayes {
    min_known_share: f64,
    min_language_hams: u32,
    /// The languages the site receives legitimate mail in (`vietnamese`, `cjk`, `other`): the
    /// language gate applies to these. Absent: every language.
    #[serde(default)]
    site_languages: Option<Vec<String>>,
    band: Vec<Band>,
}

/// A band of the classifier's probability and the symbol it gives: `from ≤ p < to` (the band
/// ending at 1 includes 1).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub symbol: String,
    pub from: f64,
    pub to: f64,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Sender {
    Header,
    Envelope,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Where {
    Subject,
    Body,
}

#[derive(Deserialize)]
#[serde(tag = "test", rename_all = "snake_case", deny_unknown_fields)]
enum RawCheck {
    Gtube {
        symbol: String,
        string: String,
    },
    HeaderMissing {
        symbol: String,
        header: String,
    },
    DateMalformed {
        symbol: String,
    },
    MessageIdMalformed {
        symbol: String,
    },
    FromMalformed {
        symbol: String,
    },
    /// The From address written inside an encoded word with the name (`=?utf-8?b?…?=` of
    /// "Tên <a@b>"): read from there, as mail readers do.
    FromAddressEncoded {
        symbol: String,
    },
    /// A From display name that is itself an address, at another domain than the From
    /// address's ("no-reply@bank.example" <x@elsewhere.example>): readers that show names show
    /// the spoofed one.
    DisplayAddress {
        symbol: String,
    },
    ForgedLocal {
        symbol: String,
        sender: Sender,
    },
    HtmlOnly {
        symbol: String,
    },
    HiddenText {
        symbol: String,
        min_chars: usize,
    },
    ImageOnly {
        symbol: String,
        max_chars: usize,
        /// At least this many letters (a band of text lengths, each its own symbol; 0: any).
        #[serde(default)]
        min_chars: usize,
    },
    LinkMismatch {
        symbol: String,
    },
    Capitals {
        symbol: String,
        on: Where,
        min_letters: usize,
        min_ratio: f64,
    },
    CharsetScript {
        symbol: String,
        min_letters: usize,
        max_share: f64,
        charsets: BTreeMap<String, String>,
    },
    MixedScript {
        symbol: String,
        min_words: usize,
    },
    UrlHost {
        symbol: String,
        hosts: Vec<String>,
    },
    AttachmentName {
        symbol: String,
        extensions: Vec<String>,
        #[serde(default)]
        after: Vec<String>,
    },
    Phrases {
        symbol: String,
        min_hits: usize,
        /// A second symbol for many phrases (given instead of the first).
        #[serde(default)]
        many_symbol: Option<String>,
        #[serde(default)]
        many_hits: usize,
        phrases: Vec<String>,
        /// Its phrases count together within this many bytes of the body (default: the
        /// settings' `passage_bytes`; 0: anywhere).
        #[serde(default)]
        passage_bytes: Option<usize>,
        /// Words that undo a phrase they stand right before: "miễn phí vận chuyển" (free
        /// shipping) asks for no fee.
        #[serde(default)]
        not_after: Vec<String>,
    },
    Regex {
        symbol: String,
        on: String,
        pattern: String,
        /// Matches needed (not overlapping), on the body only; one when absent.
        #[serde(default)]
        min_matches: Option<usize>,
    },
    /// Several phrase lists that must all hit (an authority named AND a demand made), unless
    /// enough of the `unless` phrases (a warning about the scam) are there too.
    PhraseSets {
        symbol: String,
        set: Vec<RawSet>,
        #[serde(default)]
        unless: Vec<String>,
        #[serde(default)]
        unless_hits: usize,
        /// A second symbol when all the sets together hit this many phrases.
        #[serde(default)]
        many_symbol: Option<String>,
        #[serde(default)]
        many_hits: usize,
        /// Also needs a link to a host under none of these (an official site's own links do
        /// not count).
        #[serde(default)]
        link_outside: Option<Vec<String>>,
        /// Not when the From address is at one of these domains or under it (an authority's
        /// own notices name it and ask for payment; a forged From is the authentication
        /// checks' and the look-alike check's to find).
        #[serde(default)]
        unless_from: Vec<String>,
    },
    /// Link, From, Reply-To or envelope hosts made to look like `domains` (and `[local]
    /// domains`) or like a site under the government `suffix`.
    Lookalike {
        symbol: String,
        domains: Vec<String>,
        suffix: String,
        /// Brand name → the brand's own domains.
        #[serde(default)]
        brands: BTreeMap<String, Vec<String>>,
    },
    /// An HTML link whose text names a host under `suffix` and whose target is not under it.
    LinkSuffixMismatch {
        symbol: String,
        suffix: String,
    },
    /// A From display name that claims one of `names` (or look-alike letters of another script)
    /// while the address is not under `suffix`; or, with `free_mail`, one that claims one of
    /// `names` (an organisation) while the address is at one of these free-mail domains.
    SenderClaims {
        symbol: String,
        #[serde(default)]
        suffix: String,
        /// Domains outside `suffix` that are the authorities' own too (the Government's
        /// chinhphu.vn, the National Assembly's quochoi.vn): a claim from under them is not one.
        #[serde(default)]
        official: Vec<String>,
        names: Vec<String>,
        #[serde(default)]
        free_mail: Vec<String>,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSet {
    min_hits: usize,
    phrases: Vec<String>,
}

/// Every phrase of every list in one index: a message's text is searched once, and each list
/// picks its own matches from the result (as a leftmost-longest search of that list alone
/// would: tested against one). Thirty-odd lists each searching the text on its own were most of
/// the spam scanner's time (BENCHMARKS.md).
///
/// A phrase is found where it stands as whole words, by the text's words: each word is hashed
/// and looked up once. A phrase of words with single spaces between them (nearly all) is
/// followed word by word from its first; another ("100%", "24/7", "opt-in", "/ngày") is compared
/// byte for byte where its first word stands (every word of a phrase found as whole words is a
/// whole word of the text). Only a phrase without any word ("$$$") is searched for by an
/// automaton over the bytes. An automaton of every phrase followed its states from memory at
/// every byte of the text, which costs three times as much when the caches are cold, as they
/// are between two messages at the rates Postfix sends (BENCHMARKS.md, "Cold caches"); the
/// look-ups of words wait on memory side by side.
#[derive(Debug, Default)]
struct PhraseIndex {
    patterns: Vec<String>,
    ids: std::collections::HashMap<String, u32>,
    /// By a word's hash: the node of the phrases of words that start with it, and the other
    /// phrases whose first word it is (a range of `anchored`).
    first: FxHashMap<u64, First>,
    /// The keys of `first`: asked before it (most words of a text start no phrase).
    starts: super::Presence,
    /// (node, the next word's hash) → the node of the phrases that go on with that word.
    next: FxHashMap<(u32, u64), u32>,
    /// Per node, the phrase ending there (`NONE`: none).
    ends: Vec<u32>,
    /// The other phrases: (id, bytes before their first word).
    anchored: Vec<(u32, u32)>,
    /// The phrases without a word: the automaton and each of its patterns' id.
    matcher: Option<AhoCorasick>,
    wordless: Vec<u32>,
}

/// What starts with one word.
#[derive(Debug, Clone, Copy)]
struct First {
    node: u32,
    anchored: (u32, u32),
}

impl First {
    /// No phrase starts with the word (yet).
    const NOTHING: First = First {
        node: NONE,
        anchored: (0, 0),
    };
}

/// No phrase ends at this node.
const NONE: u32 = u32::MAX;

/// Matches kept of one text (a bound on the work a degenerate text can cause).
const MAX_MATCHES: usize = 100_000;

/// The matches in a text, grouped by pattern: `at[id]..at[id + 1]` in `spans` are pattern `id`'s
/// (start, end), in the order of the text.
#[derive(Debug, Default)]
struct Found {
    at: Vec<u32>,
    spans: Vec<(usize, usize)>,
}

impl Found {
    fn of(&self, id: u32) -> &[(usize, usize)] {
        let (Some(&from), Some(&to)) = (self.at.get(id as usize), self.at.get(id as usize + 1)) else {
            return &[];
        };
        self.spans.get(from as usize..to as usize).unwrap_or(&[])
    }
}

/// A word's key in the index.
fn word_hash(word: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(word)
}

/// The words of a phrase made of whole words with single spaces between them, else None.
fn phrase_words(phrase: &str) -> Option<Vec<&str>> {
    let mut spans = Vec::new();
    crate::vietnamese::word_spans(phrase, &mut spans);
    let words: Vec<&str> = phrase.split(' ').collect();
    let whole = words.len() == spans.len()
        && words
            .iter()
            .zip(&spans)
            .all(|(w, &(s, e))| phrase.get(s..e) == Some(*w));
    whole.then_some(words)
}

impl PhraseIndex {
    /// The id of `phrase` (lower-case), added if new.
    fn id(&mut self, phrase: &str) -> u32 {
        if let Some(&id) = self.ids.get(phrase) {
            return id;
        }
        let id = self.patterns.len() as u32;
        self.patterns.push(phrase.to_owned());
        self.ids.insert(phrase.to_owned(), id);
        id
    }

    fn build(&mut self) -> Result<(), String> {
        let mut anchored: BTreeMap<u64, Vec<(u32, u32)>> = BTreeMap::new();
        let mut wordless = Vec::new();
        let mut spans = Vec::new();
        for (id, p) in self.patterns.iter().enumerate() {
            let id = id as u32;
            let Some(words) = phrase_words(p) else {
                crate::vietnamese::word_spans(p, &mut spans);
                match spans.first() {
                    Some(&(s, e)) => anchored
                        .entry(word_hash(&p.as_bytes()[s..e]))
                        .or_default()
                        .push((id, s as u32)),
                    None => wordless.push(id),
                }
                continue;
            };
            let mut node = None;
            for w in words {
                let h = word_hash(w.as_bytes());
                let fresh = self.ends.len() as u32;
                let n = match node {
                    None => {
                        let f = self.first.entry(h).or_insert(First::NOTHING);
                        if f.node == NONE {
                            f.node = fresh;
                        }
                        f.node
                    }
                    Some(at) => *self.next.entry((at, h)).or_insert(fresh),
                };
                if n == fresh {
                    self.ends.push(NONE);
                }
                node = Some(n);
            }
            if let Some(n) = node {
                self.ends[n as usize] = id;
            }
        }
        for (h, list) in anchored {
            let from = self.anchored.len() as u32;
            self.anchored.extend(list);
            let to = self.anchored.len() as u32;
            self.first.entry(h).or_insert(First::NOTHING).anchored = (from, to);
        }
        self.starts = super::Presence::for_hashes(self.first.len());
        self.first.keys().for_each(|&h| self.starts.add(h));
        if !wordless.is_empty() {
            let m = AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(wordless.iter().map(|&id| &self.patterns[id as usize]))
                .map_err(|e| e.to_string())?;
            self.matcher = Some(m);
        }
        self.wordless = wordless;
        Ok(())
    }

    /// Every occurrence in `text` of every phrase where it stands as whole words (a phrase
    /// without a word: every occurrence, overlapping ones included).
    fn find(&self, text: &str) -> Found {
        let mut all: Vec<(u32, usize, usize)> = Vec::new();
        if !self.first.is_empty() {
            let bytes = text.as_bytes();
            let mut spans = Vec::new();
            crate::vietnamese::word_spans(text, &mut spans);
            let hashes: Vec<u64> = spans.iter().map(|&(s, e)| word_hash(&bytes[s..e])).collect();
            'words: for (i, &(start, _)) in spans.iter().enumerate() {
                if !self.starts.may_hold(hashes[i]) {
                    continue;
                }
                let Some(first) = self.first.get(&hashes[i]) else {
                    continue;
                };
                let (from, to) = first.anchored;
                for &(id, before) in self.anchored.get(from as usize..to as usize).unwrap_or(&[]) {
                    let p = &self.patterns[id as usize];
                    let Some(s) = start.checked_sub(before as usize) else {
                        continue;
                    };
                    let e = s + p.len();
                    if text.get(s..e) == Some(p.as_str()) && whole_words(text, s, e, p) {
                        if all.len() >= MAX_MATCHES {
                            break 'words;
                        }
                        all.push((id, s, e));
                    }
                }
                let (mut node, mut j) = (first.node, i);
                while node != NONE {
                    let (end, id) = (spans[j].1, self.ends[node as usize]);
                    // The text itself, not only its words' hashes, is the phrase.
                    if id != NONE && text.get(start..end) == Some(self.patterns[id as usize].as_str()) {
                        if all.len() >= MAX_MATCHES {
                            break 'words;
                        }
                        all.push((id, start, end));
                    }
                    // The phrase goes on with the next word after one space.
                    match spans.get(j + 1) {
                        Some(&(s, _)) if s == end + 1 && bytes[end] == b' ' => {
                            node = self.next.get(&(node, hashes[j + 1])).copied().unwrap_or(NONE);
                            j += 1;
                        }
                        _ => break,
                    }
                }
            }
        }
        if let Some(m) = &self.matcher {
            let room = MAX_MATCHES.saturating_sub(all.len());
            all.extend(
                m.find_overlapping_iter(text)
                    .take(room)
                    .map(|m| (self.wordless[m.pattern().as_usize()], m.start(), m.end())),
            );
        }
        // Counting sort by pattern: a pattern's matches keep the text's order (each pattern is
        // found one way, in the order of its starts).
        let mut at = vec![0u32; self.patterns.len() + 1];
        for &(id, _, _) in &all {
            at[id as usize + 1] += 1;
        }
        for i in 1..at.len() {
            at[i] += at[i - 1];
        }
        let mut next = at.clone();
        let mut spans = vec![(0usize, 0usize); all.len()];
        for (id, start, end) in all {
            let slot = &mut next[id as usize];
            spans[*slot as usize] = (start, end);
            *slot += 1;
        }
        Found { at, spans }
    }
}

/// Whether the phrase `p` at `text[start..end]` stands as whole words: no word character
/// goes on from its first or its last.
fn whole_words(text: &str, start: usize, end: usize, p: &str) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first_is_word = p.chars().next().is_some_and(is_word_char);
    let last_is_word = p.chars().next_back().is_some_and(is_word_char);
    let joined_before = first_is_word && before.is_some_and(is_word_char);
    let joined_after = last_is_word && after.is_some_and(is_word_char);
    !joined_before && !joined_after
}

/// A compiled phrase list.
#[derive(Debug)]
struct PhraseList {
    phrases: Vec<String>,
    /// (id in the index, index into `phrases`), by id.
    ids: Vec<(u32, usize)>,
    /// The phrases of several words that carry Vietnamese marks, written without them
    /// ("vay tiền nhanh" → "vay tien nhanh"), with the index of the phrase each stands for:
    /// matched in text that has no marks at all (spam written without them to slip past
    /// filters). Single words are left out: folded, they are English words too.
    folded: Vec<(u32, usize)>,
}

impl PhraseList {
    fn new(phrases: &[String], index: &mut PhraseIndex) -> Result<PhraseList, String> {
        let phrases: Vec<String> = phrases
            .iter()
            .map(|p| crate::vietnamese::nfc(p).to_lowercase())
            .collect();
        if phrases.iter().any(|p| p.trim().is_empty()) {
            return Err("a phrase is empty".to_owned());
        }
        let mut ids: Vec<(u32, usize)> = phrases
            .iter()
            .enumerate()
            .map(|(i, p)| (index.id(p), i))
            .collect();
        let mut folded: Vec<(u32, usize)> = phrases
            .iter()
            .enumerate()
            .filter(|(_, p)| p.contains(' ') && crate::vietnamese::has_diacritics(p))
            .map(|(i, p)| (index.id(&crate::vietnamese::fold(p).to_lowercase()), i))
            .collect();
        // A phrase listed twice counts once (its first place).
        for v in [&mut ids, &mut folded] {
            v.sort_by_key(|&(id, i)| (id, i));
            v.dedup_by_key(|&mut (id, _)| id);
        }
        Ok(PhraseList { phrases, ids, folded })
    }

    /// The distinct phrases found in a text (lower-case, searched by the index into `found`);
    /// `plain`: the text has no Vietnamese marks, so the phrases are looked for without theirs
    /// too.
    fn hits<'p>(&'p self, found: &Found, plain: bool) -> Vec<&'p str> {
        self.names(self.hits_at(found, plain).into_iter().map(|(_, i)| i))
    }

    /// Where each phrase found starts and which it is (its index in the list), in the order of
    /// the text; a phrase may be found several times.
    fn hits_at(&self, found: &Found, plain: bool) -> Vec<(usize, usize)> {
        let mut hit = phrase_hits(&self.ids, found);
        if plain {
            hit.extend(phrase_hits(&self.folded, found));
            hit.sort_unstable();
        }
        hit
    }

    /// The distinct phrases of these indices, sorted.
    fn names(&self, hits: impl IntoIterator<Item = usize>) -> Vec<&str> {
        let mut out: Vec<&str> = hits.into_iter().map(|i| self.phrases[i].as_str()).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Where a regex looks.
#[derive(Debug, PartialEq)]
enum Target {
    Subject,
    Body,
    Url,
    /// The HTML source of the message's text parts.
    Html,
    Header(String),
}

/// One compiled check.
#[derive(Debug)]
enum Test {
    Gtube(Vec<u8>),
    HeaderMissing(String),
    DateMalformed,
    MessageIdMalformed,
    FromMalformed,
    FromAddressEncoded,
    DisplayAddress,
    ForgedLocal(Sender),
    HtmlOnly,
    HiddenText(usize),
    /// Images and at least `.0`, at most `.1` letters of text.
    ImageOnly(usize, usize),
    LinkMismatch,
    Capitals {
        on: Where,
        min_letters: usize,
        min_ratio: f64,
    },
    CharsetScript {
        min_letters: usize,
        max_share: f64,
        charsets: BTreeMap<String, Script>,
    },
    MixedScript(usize),
    UrlHost(Vec<String>),
    AttachmentName {
        extensions: Vec<String>,
        after: Vec<String>,
    },
    Phrases {
        min_hits: usize,
        many: Option<(String, usize)>,
        list: PhraseList,
        /// Its own passage, if not the settings' (`usize::MAX`: the whole body).
        passage: Option<usize>,
        /// Lower-case words that undo a phrase right after them.
        not_after: Vec<String>,
    },
    /// A pattern on a target; on the body, at least this many matches.
    Regex(Target, Regex, usize),
    PhraseSets {
        sets: Vec<(usize, PhraseList)>,
        unless: PhraseList,
        unless_hits: usize,
        many: Option<(String, usize)>,
        link_outside: Option<Vec<String>>,
        unless_from: Vec<String>,
    },
    Lookalike {
        domains: Vec<String>,
        suffix: String,
        brands: Vec<(String, Vec<String>)>,
    },
    LinkSuffixMismatch(String),
    SenderClaims {
        suffix: String,
        official: Vec<String>,
        names: Vec<String>,
        free_mail: Vec<String>,
    },
}

#[derive(Debug)]
struct Check {
    symbol: String,
    test: Test,
}

impl Check {
    /// The symbols this check may give: its own, and its "many" one if it has one.
    fn symbols(&self) -> impl Iterator<Item = &str> {
        let many = match &self.test {
            Test::Phrases {
                many: Some((m, _)), ..
            }
            | Test::PhraseSets {
                many: Some((m, _)), ..
            } => Some(m.as_str()),
            _ => None,
        };
        std::iter::once(self.symbol.as_str()).chain(many)
    }
}

/// A compiled `[[meta]]`.
#[derive(Debug)]
struct Meta {
    of: Vec<String>,
    /// (how many of `of`, the symbol given): ascending, the first is the meta's own.
    levels: Vec<(usize, String)>,
    /// Its signs found in the body count together within a passage of this many bytes.
    passage: usize,
    /// Checks' and metas' symbols taken out of the findings when it fires.
    cancels: Vec<String>,
    /// From domains (and their subdomains) for which it does not fire.
    unless_from: Vec<String>,
}

/// Compiles the `[[meta]]` checks: each names only symbols of signs or checks, a sign is not
/// also a check, `min` is reachable, and what it cancels is a check's or another meta's symbol.
fn compile_metas(
    raw: Vec<RawMeta>,
    checks: &[Check],
    signs: &[Check],
    passage_bytes: usize,
    origin: &Path,
    text: &str,
) -> Result<Vec<Meta>, ConfigError> {
    let check_names: std::collections::HashSet<&str> = checks.iter().flat_map(Check::symbols).collect();
    let sign_names: Vec<&str> = signs.iter().flat_map(Check::symbols).collect();
    if let Some(s) = sign_names.iter().find(|s| check_names.contains(*s)) {
        return Err(ConfigError::at_line_with(
            origin,
            text,
            &format!("\"{s}\""),
            "symbol",
            s,
            "a sign's symbol is also a check's",
        ));
    }
    let known = |name: &str| check_names.contains(name) || sign_names.contains(&name);
    let meta_names: Vec<String> = raw
        .iter()
        .flat_map(|m| std::iter::once(m.symbol.clone()).chain(m.more.iter().map(|l| l.symbol.clone())))
        .collect();
    let mut out = Vec::new();
    for m in raw {
        let bad = |key: &str, value: &str, msg: &str| {
            ConfigError::at_line_with(origin, text, &m.symbol, key, value, msg)
        };
        if let Some(unknown) = m.of.iter().find(|n| !known(n)) {
            return Err(bad("of", unknown, "names no sign or check"));
        }
        let mut levels = vec![(m.min, m.symbol.clone())];
        levels.extend(m.more.into_iter().map(|l| (l.min, l.symbol)));
        if let Some((_, taken)) = levels.iter().find(|(_, s)| known(s)) {
            return Err(bad("symbol", taken, "is already a check's or a sign's symbol"));
        }
        for (i, (min, _)) in levels.iter().enumerate() {
            let above_previous = i == 0 || *min > levels[i - 1].0;
            if *min == 0 || *min > m.of.len() || !above_previous {
                return Err(bad(
                    "min",
                    &min.to_string(),
                    "must be between 1 and the number of symbols in `of`, and grow from level to level",
                ));
            }
        }
        let own = |s: &String| levels.iter().any(|(_, l)| l == s);
        if let Some(bad_name) = m
            .cancels
            .iter()
            .find(|s| own(s) || !(check_names.contains(s.as_str()) || meta_names.contains(s)))
        {
            return Err(bad("cancels", bad_name, "names no check or other meta"));
        }
        out.push(Meta {
            of: m.of,
            levels,
            passage: passage(m.passage_bytes.unwrap_or(passage_bytes)),
            cancels: m.cancels,
            unless_from: m.unless_from.iter().map(|d| d.to_ascii_lowercase()).collect(),
        });
    }
    Ok(out)
}

/// Replaces every `"@name"` in the checks', signs' and metas' domain lists with the domains of
/// `[domains] name`; a name that is not there is an error naming the check and the value.
fn expand_domain_lists(raw: &mut RawRules, origin: &Path, text: &str) -> Result<(), ConfigError> {
    let named = &raw.domains;
    if let Some((name, _)) = named
        .iter()
        .find(|(_, list)| list.iter().any(|d| d.trim().starts_with('@')))
    {
        return Err(ConfigError::at_key(
            origin,
            text,
            "domains",
            name,
            "a named list holds domains, not the names of other lists",
        ));
    }
    let expand = |symbol: &str, key: &str, list: &mut Vec<String>| -> Result<(), ConfigError> {
        let mut out = Vec::with_capacity(list.len());
        for d in list.iter() {
            match d.trim().strip_prefix('@') {
                None => out.push(d.trim().to_owned()),
                Some(name) => match named.get(name) {
                    Some(domains) => out.extend(domains.iter().map(|d| d.trim().to_owned())),
                    None => {
                        return Err(ConfigError::at_line_with(
                            origin,
                            text,
                            &format!("\"{}\"", d.trim()),
                            key,
                            d,
                            &format!("{symbol}: names no list of [domains]"),
                        ));
                    }
                },
            }
        }
        *list = out;
        Ok(())
    };
    for c in raw.check.iter_mut().chain(raw.sign.iter_mut()) {
        match c {
            RawCheck::PhraseSets {
                symbol,
                link_outside,
                unless_from,
                ..
            } => {
                if let Some(l) = link_outside {
                    expand(symbol, "link_outside", l)?;
                }
                expand(symbol, "unless_from", unless_from)?;
            }
            RawCheck::Lookalike { symbol, domains, .. } => expand(symbol, "domains", domains)?,
            RawCheck::SenderClaims {
                symbol,
                official,
                free_mail,
                ..
            } => {
                expand(symbol, "official", official)?;
                expand(symbol, "free_mail", free_mail)?;
            }
            _ => {}
        }
    }
    for m in &mut raw.meta {
        expand(&m.symbol, "unless_from", &mut m.unless_from)?;
    }
    Ok(())
}

/// The compiled spam rules.
#[derive(Debug)]
pub struct SpamRules {
    checks: Vec<Check>,
    /// Checks counted only by `metas`.
    signs: Vec<Check>,
    metas: Vec<Meta>,
    /// Every phrase of the checks' lists.
    index: PhraseIndex,
    bands: Vec<Band>,
    /// The classifier gives no opinion when fewer of the text's tokens are known to it...
    min_known_share: f64,
    /// ...or when it was trained on fewer ham messages of the message's language, if the site
    /// receives legitimate mail in that language.
    min_language_hams: u32,
    site_languages: Vec<crate::spam::bayes::Language>,
    max_text_bytes: usize,
    /// The phrase checks and the metas count what lies within one passage of this many bytes
    /// of the body (`usize::MAX`: the whole body).
    passage: usize,
    /// Top-level domains of the host names read as links without a scheme (lower-case).
    bare_host_tlds: Vec<String>,
    /// Phrases that deny what follows them, and how many words after them they reach.
    negations: PhraseList,
    negation_words: usize,
    /// The shipped Vietnamese model's symbol and the probability from which it is given.
    vietnamese_model: Option<(String, f64)>,
    /// Its symbol, also when `enabled = false` (scores.toml may still name it).
    vietnamese_symbol: Option<String>,
}

/// Everything a check may look at.
pub struct Facts<'a, 'x> {
    pub raw: &'a [u8],
    pub envelope: &'a Envelope,
    pub parsed: &'a ParsedMessage<'x>,
    pub text: &'a ExtractedText,
    pub local: &'a LocalConfig,
    /// The message's deadline: the checks stop when it passes (the engine reports it).
    pub deadline: Option<std::time::Instant>,
    /// The text's pieces lower-cased already, when the classifier reads them too.
    pub lowered: Option<&'a super::Lowered>,
}

/// Writing systems told apart by the script checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Greek,
    Cyrillic,
    Hebrew,
    Arabic,
    Thai,
    Cjk,
    Other,
}

impl Script {
    fn parse(name: &str) -> Option<Script> {
        Some(match name {
            "latin" => Script::Latin,
            "greek" => Script::Greek,
            "cyrillic" => Script::Cyrillic,
            "hebrew" => Script::Hebrew,
            "arabic" => Script::Arabic,
            "thai" => Script::Thai,
            "cjk" => Script::Cjk,
            _ => return None,
        })
    }

    /// The script of a letter (`Other` for anything else, marks and digits included).
    pub fn of(c: char) -> Script {
        match c as u32 {
            0x41..=0x5A | 0x61..=0x7A => Script::Latin,
            // Latin-1 letters (not × and ÷), Latin Extended-A/B, IPA, and Latin Extended
            // Additional, where most Vietnamese letters with two marks live (ấ, ệ, ữ…).
            0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
            0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
            0x400..=0x52F => Script::Cyrillic,
            0x590..=0x5FF => Script::Hebrew,
            0x600..=0x6FF | 0x750..=0x77F => Script::Arabic,
            0xE00..=0xE7F => Script::Thai,
            0x1100..=0x11FF
            | 0x3040..=0x30FF
            | 0x3130..=0x318F
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xAC00..=0xD7AF
            | 0xFF66..=0xFF9F => Script::Cjk,
            _ => Script::Other,
        }
    }
}

/// Whether the text may have a Greek or Cyrillic letter ([`Script::of`]), from its UTF-8 bytes
/// alone: a lead byte of U+0340–U+053F, or of Greek Extended (E1 BC–BF). Vietnamese text has
/// neither, so the look-alike word walk is skipped for it.
fn may_have_greek_or_cyrillic(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().any(|&x| (0xCD..=0xD4).contains(&x))
        || memchr::memchr_iter(0xE1, b).any(|i| b.get(i + 1).is_some_and(|n| (0xBC..=0xBF).contains(n)))
}

/// Compiles one `[[check]]` or `[[sign]]` (its phrases go into the shared `index`).
fn compile_check(
    c: RawCheck,
    origin: &Path,
    text: &str,
    index: &mut PhraseIndex,
) -> Result<Check, ConfigError> {
    let (symbol, test) = match c {
        RawCheck::Gtube { symbol, string } => (symbol, Test::Gtube(string.into_bytes())),
        RawCheck::HeaderMissing { symbol, header } => (symbol, Test::HeaderMissing(header)),
        RawCheck::DateMalformed { symbol } => (symbol, Test::DateMalformed),
        RawCheck::MessageIdMalformed { symbol } => (symbol, Test::MessageIdMalformed),
        RawCheck::FromMalformed { symbol } => (symbol, Test::FromMalformed),
        RawCheck::FromAddressEncoded { symbol } => (symbol, Test::FromAddressEncoded),
        RawCheck::DisplayAddress { symbol } => (symbol, Test::DisplayAddress),
        RawCheck::ForgedLocal { symbol, sender } => (symbol, Test::ForgedLocal(sender)),
        RawCheck::HtmlOnly { symbol } => (symbol, Test::HtmlOnly),
        RawCheck::HiddenText { symbol, min_chars } => (symbol, Test::HiddenText(min_chars)),
        RawCheck::ImageOnly {
            symbol,
            max_chars,
            min_chars,
        } => (symbol, Test::ImageOnly(min_chars, max_chars)),
        RawCheck::LinkMismatch { symbol } => (symbol, Test::LinkMismatch),
        RawCheck::Capitals {
            symbol,
            on,
            min_letters,
            min_ratio,
        } => (
            symbol,
            Test::Capitals {
                on,
                min_letters,
                min_ratio,
            },
        ),
        RawCheck::CharsetScript {
            symbol,
            min_letters,
            max_share,
            charsets,
        } => {
            let mut map = BTreeMap::new();
            for (charset, script) in charsets {
                let Some(s) = Script::parse(&script) else {
                    return Err(ConfigError::at_line_with(
                        origin,
                        text,
                        &format!("\"{charset}\""),
                        &charset,
                        &script,
                        "unknown script (latin, greek, cyrillic, hebrew, arabic, thai, cjk)",
                    ));
                };
                map.insert(charset.to_ascii_lowercase(), s);
            }
            (
                symbol,
                Test::CharsetScript {
                    min_letters,
                    max_share,
                    charsets: map,
                },
            )
        }
        RawCheck::MixedScript { symbol, min_words } => (symbol, Test::MixedScript(min_words)),
        RawCheck::UrlHost { symbol, hosts } => (
            symbol,
            Test::UrlHost(hosts.iter().map(|h| h.to_ascii_lowercase()).collect()),
        ),
        RawCheck::AttachmentName {
            symbol,
            extensions,
            after,
        } => (
            symbol,
            Test::AttachmentName {
                extensions: extensions.iter().map(|e| e.to_ascii_lowercase()).collect(),
                after: after.iter().map(|e| e.to_ascii_lowercase()).collect(),
            },
        ),
        RawCheck::Phrases {
            symbol,
            min_hits,
            many_symbol,
            many_hits,
            phrases,
            passage_bytes,
            not_after,
        } => {
            if many_symbol.is_some() && many_hits <= min_hits {
                return Err(ConfigError::at_line_with(
                    origin,
                    text,
                    &symbol,
                    "many_hits",
                    &many_hits.to_string(),
                    "many_hits must be greater than min_hits",
                ));
            }
            let list = PhraseList::new(&phrases, index)
                .map_err(|e| ConfigError::at_line_with(origin, text, &symbol, "phrases", "", &e))?;
            (
                symbol,
                Test::Phrases {
                    min_hits: min_hits.max(1),
                    many: many_symbol.map(|s| (s, many_hits)),
                    list,
                    passage: passage_bytes.map(passage),
                    not_after: not_after
                        .iter()
                        .map(|w| crate::vietnamese::to_lower(w.trim()))
                        .filter(|w| !w.is_empty())
                        .collect(),
                },
            )
        }
        RawCheck::PhraseSets {
            symbol,
            set,
            unless,
            unless_hits,
            many_symbol,
            many_hits,
            link_outside,
            unless_from,
        } => {
            let bad = |key: &str, value: &str, msg: &str| {
                ConfigError::at_line_with(origin, text, &symbol, key, value, msg)
            };
            if set.is_empty() {
                return Err(bad(
                    "set",
                    "",
                    "needs at least one set ([[check.set]], or [[sign.set]] for a sign)",
                ));
            }
            let mut sets = Vec::with_capacity(set.len());
            for s in &set {
                let list = PhraseList::new(&s.phrases, index).map_err(|e| bad("phrases", "", &e))?;
                sets.push((s.min_hits.max(1), list));
            }
            let unless = PhraseList::new(&unless, index).map_err(|e| bad("unless", "", &e))?;
            let least: usize = sets.iter().map(|(m, _)| *m).sum();
            if many_symbol.is_some() && many_hits <= least {
                return Err(bad(
                    "many_hits",
                    &many_hits.to_string(),
                    "many_hits must be greater than the sets' min_hits together",
                ));
            }
            (
                symbol,
                Test::PhraseSets {
                    sets,
                    unless,
                    unless_hits: unless_hits.max(1),
                    many: many_symbol.map(|s| (s, many_hits)),
                    link_outside: link_outside.map(|l| l.iter().map(|d| d.to_ascii_lowercase()).collect()),
                    unless_from: unless_from
                        .iter()
                        .map(|d| d.trim().to_ascii_lowercase())
                        .collect(),
                },
            )
        }
        RawCheck::Lookalike {
            symbol,
            domains,
            suffix,
            brands,
        } => (
            symbol,
            Test::Lookalike {
                domains: domains.iter().map(|d| d.to_ascii_lowercase()).collect(),
                suffix: suffix.to_ascii_lowercase(),
                brands: brands
                    .into_iter()
                    .map(|(b, ds)| {
                        (
                            b.to_ascii_lowercase(),
                            ds.iter().map(|d| d.to_ascii_lowercase()).collect(),
                        )
                    })
                    .collect(),
            },
        ),
        RawCheck::LinkSuffixMismatch { symbol, suffix } => {
            (symbol, Test::LinkSuffixMismatch(suffix.to_ascii_lowercase()))
        }
        RawCheck::SenderClaims {
            symbol,
            suffix,
            official,
            names,
            free_mail,
        } => (
            symbol,
            Test::SenderClaims {
                suffix: suffix.to_ascii_lowercase(),
                official: official.iter().map(|d| d.to_ascii_lowercase()).collect(),
                free_mail: free_mail.iter().map(|d| d.to_ascii_lowercase()).collect(),
                names: names
                    .iter()
                    .map(|n| crate::vietnamese::nfc(n).to_lowercase())
                    .collect(),
            },
        ),
        RawCheck::Regex {
            symbol,
            on,
            pattern,
            min_matches,
        } => {
            let target = match on.as_str() {
                "subject" => Target::Subject,
                "body" => Target::Body,
                "url" => Target::Url,
                "html" => Target::Html,
                h => match h.strip_prefix("header:") {
                    Some(name) if !name.is_empty() => Target::Header(name.to_owned()),
                    _ => {
                        return Err(ConfigError::at_line_with(
                            origin,
                            text,
                            &format!("\"{on}\""),
                            "on",
                            &on,
                            "must be subject, body, url, html or header:NAME",
                        ));
                    }
                },
            };
            let re = regex::RegexBuilder::new(&pattern)
                .size_limit(1 << 20)
                .build()
                .map_err(|e| {
                    ConfigError::at_line_with(
                        origin,
                        text,
                        &pattern,
                        "pattern",
                        &pattern,
                        &e.to_string().replace('\n', " "),
                    )
                })?;
            let min = min_matches.unwrap_or(1);
            if min == 0 || (min > 1 && target != Target::Body) {
                return Err(ConfigError::at_line_with(
                    origin,
                    text,
                    &format!("min_matches = {min}"),
                    "min_matches",
                    &min.to_string(),
                    "must be at least 1, and above 1 only on the body",
                ));
            }
            (symbol, Test::Regex(target, re, min))
        }
    };
    Ok(Check { symbol, test })
}

impl SpamRules {
    /// Compiles `text` (read from `origin`); errors name the file, line and value.
    pub fn compile(text: &str, origin: &Path) -> Result<SpamRules, ConfigError> {
        let mut raw: RawRules = toml::from_str(text).map_err(|e| ConfigError::from_toml(origin, text, &e))?;
        expand_domain_lists(&mut raw, origin, text)?;
        let mut checks = Vec::new();
        let mut index = PhraseIndex::default();
        for c in raw.check {
            checks.push(compile_check(c, origin, text, &mut index)?);
        }
        let mut signs = Vec::new();
        for c in raw.sign {
            signs.push(compile_check(c, origin, text, &mut index)?);
        }
        let metas = compile_metas(
            raw.meta,
            &checks,
            &signs,
            raw.settings.passage_bytes,
            origin,
            text,
        )?;
        let mut bands = raw.bayes.band;
        for b in &bands {
            if !(0.0..=1.0).contains(&b.from) || !(0.0..=1.0).contains(&b.to) || b.from >= b.to {
                return Err(ConfigError::at_line_with(
                    origin,
                    text,
                    &format!("\"{}\"", b.symbol),
                    "bayes.band",
                    &format!("{}..{}", b.from, b.to),
                    "a band needs 0 ≤ from < to ≤ 1",
                ));
            }
        }
        bands.sort_by(|a, b| a.from.total_cmp(&b.from));
        if let Some(w) = bands.windows(2).find(|w| w[0].to > w[1].from) {
            return Err(ConfigError::at_line_with(
                origin,
                text,
                &format!("\"{}\"", w[1].symbol),
                "bayes.band",
                &w[1].symbol,
                "bands overlap",
            ));
        }
        if !(0.0..=1.0).contains(&raw.bayes.min_known_share) {
            return Err(ConfigError::at_key(
                origin,
                text,
                "bayes",
                "min_known_share",
                "must be between 0 and 1",
            ));
        }
        let site_languages = match &raw.bayes.site_languages {
            None => crate::spam::bayes::Language::ALL.to_vec(),
            Some(names) => {
                let mut out = Vec::new();
                for n in names {
                    match crate::spam::bayes::Language::parse(n) {
                        Some(l) => out.push(l),
                        None => {
                            return Err(ConfigError::at_key(
                                origin,
                                text,
                                "bayes",
                                "site_languages",
                                &format!("unknown language {n:?} (vietnamese, cjk or other)"),
                            ));
                        }
                    }
                }
                out
            }
        };
        if let Some(v) = &raw.vietnamese_model {
            if !(0.5..=1.0).contains(&v.min_probability) {
                return Err(ConfigError::at_key(
                    origin,
                    text,
                    "vietnamese_model",
                    "min_probability",
                    "must be between 0.5 and 1",
                ));
            }
            let taken = checks
                .iter()
                .chain(&signs)
                .flat_map(Check::symbols)
                .any(|s| s == v.symbol)
                || metas.iter().any(|m| m.levels.iter().any(|(_, s)| *s == v.symbol))
                || bands.iter().any(|b| b.symbol == v.symbol);
            if taken {
                return Err(ConfigError::at_key(
                    origin,
                    text,
                    "vietnamese_model",
                    "symbol",
                    &format!(
                        "{} is already a check's, sign's, meta's or band's symbol",
                        v.symbol
                    ),
                ));
            }
        }
        let negations = PhraseList::new(&raw.settings.negations, &mut index)
            .map_err(|e| ConfigError::at_key(origin, text, "settings", "negations", &e))?;
        index
            .build()
            .map_err(|e| ConfigError::at_line_with(origin, text, "check", "phrases", "", &e))?;
        Ok(SpamRules {
            negations,
            negation_words: raw.settings.negation_words,
            checks,
            signs,
            metas,
            index,
            bands,
            min_known_share: raw.bayes.min_known_share,
            min_language_hams: raw.bayes.min_language_hams,
            site_languages,
            max_text_bytes: raw.settings.max_text_bytes,
            passage: passage(raw.settings.passage_bytes),
            bare_host_tlds: raw
                .settings
                .bare_host_tlds
                .iter()
                .map(|t| t.trim_start_matches('.').to_ascii_lowercase())
                .collect(),
            vietnamese_symbol: raw.vietnamese_model.as_ref().map(|v| v.symbol.clone()),
            vietnamese_model: raw
                .vietnamese_model
                .filter(|v| v.enabled)
                .map(|v| (v.symbol, v.min_probability)),
        })
    }

    /// Whether the rules give the shipped Vietnamese model's opinion.
    pub fn has_vietnamese_model(&self) -> bool {
        self.vietnamese_model.is_some()
    }

    /// The shipped Vietnamese model's symbol for a Vietnamese message it judged `p`.
    pub fn vietnamese_model_opinion(&self, p: f64) -> Option<Finding> {
        let (symbol, min) = self.vietnamese_model.as_ref()?;
        (p >= *min).then(|| {
            Finding::new(
                symbol,
                format!("Vietnamese model (trained on the project's labelled set): spam probability {p:.4}"),
                "message",
            )
            .with_why(Why::new("vietnamese_model").value("probability", format!("{p:.4}")))
        })
    }

    /// Every symbol the rules and the classifier's bands may emit.
    pub fn symbols(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.checks.iter().flat_map(Check::symbols).collect();
        for m in &self.metas {
            out.extend(m.levels.iter().map(|(_, s)| s.as_str()));
        }
        out.extend(self.bands.iter().map(|b| b.symbol.as_str()));
        out.extend(self.vietnamese_symbol.as_deref());
        out
    }

    /// The classifier's finding for a judged message, if its band has a symbol and the model may
    /// give an opinion: not
    /// when less than `[bayes] min_known_share` of the message's body words were ever seen in
    /// training (another language, another trade), nor when the model was trained on fewer
    /// than `[bayes] min_language_hams` ham messages of the message's language (a model that
    /// never saw Vietnamese ham knows nothing of a Vietnamese dispatch), if the site receives
    /// legitimate mail in that language (`[bayes] site_languages`; for a language it does not,
    /// having seen no ham of it is the site's experience, not the model's ignorance).
    pub fn bayes_opinion(&self, s: &Scored) -> Option<Finding> {
        if self.too_little_ham(s.language, s.language_hams) || s.known_share < self.min_known_share {
            return None;
        }
        self.band_finding(
            s.probability,
            &format!(
                " ({:.0} % of the body's words known to the model; trained on {} {} ham)",
                s.known_share * 100.0,
                s.language_hams,
                s.language.name()
            ),
        )
    }

    /// The site classifier's finding on a message, as [`SpamRules::bayes_opinion`] of
    /// [`Model::judge`] gives it, working out only what the gates need first: a model that has
    /// seen too little ham of the message's language, or knows too few of its words, is not
    /// asked for a probability (looking up every token in a large model is most of its cost:
    /// Vietnamese mail before the site trained on any was paying it for nothing).
    pub fn site_opinion(&self, model: &Model, tokens: &Tokens) -> Option<Finding> {
        let language_hams = model.language_hams(tokens.language);
        if self.too_little_ham(tokens.language, language_hams) {
            return None;
        }
        let known_share = model.known_share(tokens);
        if known_share < self.min_known_share {
            return None;
        }
        self.bayes_opinion(&Scored {
            probability: model.classify(tokens),
            known_share,
            language: tokens.language,
            language_hams,
        })
    }

    /// Whether a model trained on `hams` ham messages of `language` has seen too few of a
    /// language the site receives legitimate mail in to judge it.
    fn too_little_ham(&self, language: crate::spam::bayes::Language, hams: u32) -> bool {
        self.site_languages.contains(&language) && hams < self.min_language_hams
    }

    fn band_finding(&self, p: f64, why: &str) -> Option<Finding> {
        let b = self
            .bands
            .iter()
            .find(|b| b.from <= p && (p < b.to || (b.to >= 1.0 && p <= 1.0)))?;
        Some(
            Finding::new(
                &b.symbol,
                format!("Statistical classifier: spam probability {p:.4}{why}"),
                "message",
            )
            .with_why(Why::new("bayes").value("probability", format!("{p:.4}"))),
        )
    }

    /// The byte ranges of the view's text that its negations deny ("tuyệt đối không cung cấp
    /// mã OTP"), each from the negation up to `negation_words` words on within its clause; a
    /// negation after "nếu" or "if" is a condition ("nếu không xác nhận…": a threat) and denies
    /// nothing.
    fn negated(&self, v: &View<'_>) -> Vec<(usize, usize)> {
        let conditions = ["nếu".to_owned(), "if".to_owned()];
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for (at, i) in self.negations.hits_at(&v.found, v.plain) {
            if after_word(&v.body_lower, at, &conditions) {
                continue;
            }
            let words = self.negations.phrases[i].split_whitespace().count();
            let end = negation_end(&v.body_lower, at, words, self.negation_words);
            match spans.last_mut() {
                Some(last) if at <= last.1 => last.1 = last.1.max(end),
                _ => spans.push((at, end)),
            }
        }
        spans
    }

    /// Runs every check on a message (signs first, metas last).
    pub fn check(&self, f: &Facts<'_, '_>, out: &mut Vec<Finding>) {
        let start = out.len();
        let mut view = View::new(f, self.max_text_bytes, &self.bare_host_tlds);
        view.found = self.index.find(&view.body_lower);
        view.negated = self.negated(&view);
        let mut fired: Vec<String> = Vec::new();
        // In a body longer than a passage, where each sign of a meta was found in it.
        let long = |passage: usize| view.body_lower.len() > passage;
        let mut located: Vec<(String, Vec<usize>)> = Vec::new();
        let mut locate = |symbol: &str, c: &Check, view: &View<'_>| {
            if self
                .metas
                .iter()
                .any(|m| long(m.passage) && m.of.iter().any(|s| s == symbol))
                && let Some(at) = c.test.positions(view)
            {
                located.push((symbol.to_owned(), at));
            }
        };
        // The clock is read every few checks (no single check runs long: each is bounded).
        let late =
            |i: usize| i.is_multiple_of(8) && f.deadline.is_some_and(|d| std::time::Instant::now() > d);
        for (i, c) in self.signs.iter().enumerate() {
            if late(i) {
                return;
            }
            if let Some((symbol, ..)) = self.fire(c, f, &view) {
                locate(&symbol, c, &view);
                fired.push(symbol);
            }
        }
        for (i, c) in self.checks.iter().enumerate() {
            if late(i) {
                return;
            }
            if let Some((symbol, detail, location, why)) = self.fire(c, f, &view) {
                let finding = Finding::new(&symbol, detail, location);
                out.push(match why {
                    Some(w) => finding.with_why(w),
                    None => finding,
                });
                locate(&symbol, c, &view);
                fired.push(symbol);
            }
        }
        let mut cancelling: Vec<(usize, &Vec<String>)> = Vec::new();
        for m in &self.metas {
            if !view.from_domain.is_empty()
                && m.unless_from
                    .iter()
                    .any(|d| impersonation::is_under(&view.from_domain, d))
            {
                continue;
            }
            let mut signs: Vec<&str> =
                m.of.iter()
                    .filter(|s| fired.iter().any(|x| x == *s))
                    .map(String::as_str)
                    .collect();
            // Signs found in the body count together only within one passage of it; signs of
            // the whole message (sender, links) count with any.
            if long(m.passage) {
                let at = |s: &str| located.iter().find(|(l, _)| l == s).map(|(_, at)| at);
                let mut hits: Vec<(usize, (usize, usize))> = Vec::new();
                for (k, s) in signs.iter().enumerate() {
                    hits.extend(at(s).into_iter().flatten().map(|&p| (p, (0, k))));
                }
                hits.sort_unstable();
                let best = best_passage(&hits, 1, m.passage, |d| d.first().copied()).unwrap_or(&[]);
                signs = signs
                    .iter()
                    .enumerate()
                    .filter(|&(k, s)| at(s).is_none() || best.iter().any(|&(_, (_, i))| i == k))
                    .map(|(_, s)| *s)
                    .collect();
            }
            let Some((_, symbol)) = m.levels.iter().rev().find(|(min, _)| signs.len() >= *min) else {
                continue;
            };
            let list = signs.join(", ").to_ascii_lowercase();
            out.push(
                Finding::new(symbol, format!("{} signs together: {list}", signs.len()), "body")
                    .with_why(Why::new("meta").value("n", signs.len()).value("signs", &list)),
            );
            if !m.cancels.is_empty() {
                cancelling.push((out.len() - 1, &m.cancels));
            }
        }
        Self::cancel(out, start, &cancelling);
    }

    /// Takes out of `out[start..]` what the metas that fired cancel (each at its finding's
    /// index), and names what was taken out in each such meta's finding.
    fn cancel(out: &mut Vec<Finding>, start: usize, cancelling: &[(usize, &Vec<String>)]) {
        if cancelling.is_empty() {
            return;
        }
        let mut names: Vec<Vec<String>> = vec![Vec::new(); cancelling.len()];
        let mut keep = Vec::with_capacity(out.len());
        for (i, finding) in out.drain(..).enumerate() {
            let by = cancelling
                .iter()
                .position(|(_, c)| i >= start && c.contains(&finding.symbol));
            match by {
                Some(k) => names[k].push(finding.symbol),
                None => keep.push((i, finding)),
            }
        }
        for (i, mut finding) in keep {
            if let Some(k) = cancelling.iter().position(|(at, _)| *at == i)
                && !names[k].is_empty()
            {
                let list = names[k].join(", ");
                finding.detail.push_str(&format!("; not counted: {list}"));
                if let Some(meta) = finding.why.take() {
                    let mut why = Why::new("meta_cancels").value("cancelled", &list);
                    why.values.extend(meta.values);
                    finding.why = Some(why);
                }
            }
            out.push(finding);
        }
    }

    /// One check's symbol, detail, location and reason when it fires.
    fn fire(
        &self,
        c: &Check,
        f: &Facts<'_, '_>,
        view: &View<'_>,
    ) -> Option<(String, String, String, Option<Why>)> {
        // Many phrases give the second symbol instead.
        let pick = |many: &Option<(String, usize)>, n: usize| match many {
            Some((many, at)) if n >= *at => many.clone(),
            _ => c.symbol.clone(),
        };
        match &c.test {
            Test::Phrases {
                min_hits,
                many,
                list,
                passage,
                not_after,
            } => {
                let at: Vec<_> = list
                    .hits_at(&view.found, view.plain)
                    .into_iter()
                    .filter(|&(p, _)| !after_word(&view.body_lower, p, not_after))
                    .map(|(p, i)| (p, (0, i)))
                    .collect();
                let best = best_passage(&at, 1, passage.unwrap_or(self.passage), |d| d.first().copied())?;
                let names = list.names(best.iter().map(|&(_, (_, i))| i));
                (names.len() >= *min_hits).then(|| {
                    let list = clip(&names.join(", "), 160);
                    let why = Why::new("spam_phrases")
                        .value("n", names.len())
                        .value("phrases", &list);
                    (
                        pick(many, names.len()),
                        format!("{} spam phrases: {list}", names.len()),
                        "body".to_owned(),
                        Some(why),
                    )
                })
            }
            Test::PhraseSets { many, .. } => c
                .test
                .phrase_sets(view, self.passage)
                .map(|(n, detail, why)| (pick(many, n), detail, "body".to_owned(), Some(why))),
            _ => c
                .test
                .run(f, view)
                .map(|(detail, location, why)| (c.symbol.clone(), detail, location, Some(why))),
        }
    }
}

/// What the checks look at, derived once per message.
struct View<'a> {
    subject: String,
    /// Subject and body text (not attachments), NFC, bounded.
    body: String,
    body_lower: String,
    /// Every phrase of the rules found in `body_lower` ([`PhraseIndex::find`]).
    found: Found,
    /// Byte ranges of `body_lower` a negation denies ([`SpamRules::negated`]), in order.
    negated: Vec<(usize, usize)>,
    /// The text has no Vietnamese marks at all (phrases are also looked for without theirs).
    plain: bool,
    /// The From display name, NFC, lower-case (empty without one).
    sender: String,
    /// The From address's domain, lower-case (empty without one).
    from_domain: String,
    /// The From address (empty without one), parsed or read from an encoded word.
    from_address: String,
    /// The address was read from an encoded word holding the name and the address.
    from_encoded: bool,
    /// The HTML of the message's own text parts.
    html: Vec<&'a str>,
    /// What text extraction derived from each of them (links, images, hidden text).
    html_facts: Vec<&'a html::HtmlFacts>,
    /// Every URL in the body text and in links and images of the HTML.
    urls: Vec<String>,
}

impl<'a> View<'a> {
    fn new(f: &Facts<'a, '_>, max: usize, bare_host_tlds: &[String]) -> View<'a> {
        let mut subject = String::new();
        let mut body = String::new();
        // The same lower-cased, from the pieces lower-cased already (each character kept its
        // length there, so a piece's cut falls at the same byte); none when one is missing.
        let mut subject_lower: Option<&str> = Some("");
        let mut body_lower: Option<String> = f.lowered.map(|_| String::new());
        for (i, p) in f.text.pieces.iter().enumerate() {
            match p.kind {
                PieceKind::Subject if subject.is_empty() && !p.location.contains('>') => {
                    subject = p.text.clone();
                    subject_lower = f.lowered.and_then(|l| l.piece(i));
                }
                PieceKind::Body if body.len() < max => {
                    let end = p.text.floor_char_boundary(max - body.len());
                    body.push_str(&p.text[..end]);
                    body.push('\n');
                    let piece = f.lowered.and_then(|l| l.piece(i)).and_then(|l| l.get(..end));
                    match (body_lower.as_mut(), piece) {
                        (Some(b), Some(l)) => {
                            b.push_str(l);
                            b.push('\n');
                        }
                        _ => body_lower = None,
                    }
                }
                _ => {}
            }
        }
        let mut html = Vec::new();
        if let Some(m) = f.parsed.message.as_ref() {
            let mut ids: Vec<u32> = m.text_body.iter().chain(&m.html_body).copied().collect();
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                if let Some(PartType::Html(h)) = m.parts.get(id as usize).map(|p| &p.body) {
                    html.push(h.as_ref());
                }
            }
        }
        // What the reader sees first: the sender's display name and the subject, then the body
        // ("Ngân hàng Vietinbank" may be named only as the sender).
        let from = f
            .parsed
            .message
            .as_ref()
            .and_then(|m| m.from())
            .and_then(|a| a.first());
        // A mailer that encodes "Name <address>" whole as one encoded word (PHP's
        // mb_encode_mimeheader, Python's legacy email API) leaves no address to the parser: it
        // is read from the name, as mail readers show it.
        let (name, address, from_encoded) =
            match (from.and_then(|a| a.name()), from.and_then(|a| a.address())) {
                (Some(n), None) => match crate::message::address_in_name(n) {
                    Some((display, address)) => (Some(display), Some(address), true),
                    None => (Some(n), None, false),
                },
                (n, a) => (n, a, false),
            };
        let sender = name
            .map(|n| crate::vietnamese::to_lower(&crate::vietnamese::nfc(n)))
            .unwrap_or_default();
        let from_domain = address
            .and_then(|a| a.rsplit_once('@'))
            .map(|(_, d)| d.trim_end_matches('.').to_ascii_lowercase())
            .unwrap_or_default();
        let from_address = address.unwrap_or_default().to_owned();
        // Lower-cased once (the sender's name again: it may hold what lower-cases unaligned).
        let mut sender_lower = String::new();
        let body_lower = match (
            crate::vietnamese::to_lower_aligned(&sender, &mut sender_lower),
            subject_lower,
            body_lower,
        ) {
            (true, Some(s), Some(b)) => format!("{sender_lower}\n{s}\n{b}"),
            _ => crate::vietnamese::to_lower(&format!("{sender}\n{subject}\n{body}")),
        };
        let mut urls = Vec::new();
        // (A body without "http" in any case has no URL: its words are not looked at.)
        if memchr::memmem::find(body_lower.as_bytes(), b"http").is_some() {
            for w in body.split(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '\'')) {
                let w = w.trim_end_matches(['.', ',', ')', ';']);
                if starts_with_ignore_case(w, "http://") || starts_with_ignore_case(w, "https://") {
                    urls.push(w.to_owned());
                }
            }
        }
        urls.extend(bare_hosts(&body, bare_host_tlds));
        // The message's own HTML bodies, as text extraction derived them (never parsed again).
        let html_facts: Vec<&html::HtmlFacts> = f
            .text
            .html
            .iter()
            .filter(|(location, _)| location.starts_with("body part "))
            .map(|(_, facts)| facts)
            .collect();
        for facts in &html_facts {
            urls.extend(facts.urls.iter().cloned());
        }
        urls.truncate(5_000);
        // Marks in the sender's name ("Nguyễn Văn A") say nothing of how the text is written.
        let plain = !crate::vietnamese::has_diacritics(&subject) && !crate::vietnamese::has_diacritics(&body);
        View {
            subject,
            body,
            body_lower,
            found: Found::default(),
            negated: Vec::new(),
            plain,
            sender,
            from_domain,
            from_address,
            from_encoded,
            html,
            html_facts,
            urls,
        }
    }
}

impl View<'_> {
    /// Whether the phrase found at byte `at` of `body_lower` lies where a negation denies it: after
    /// the negation's start, so a phrase that begins with one ("đừng nói với ai", "không yêu cầu
    /// bằng cấp") is a phrase of its own, not denied by itself.
    fn is_negated(&self, at: usize) -> bool {
        let i = self.negated.partition_point(|&(_, end)| end <= at);
        self.negated.get(i).is_some_and(|&(start, _)| start < at)
    }
}

/// Where a negation found at byte `at` of `text`, of `words` words itself, stops reaching: after
/// `reach` more words, or at the end of its clause (a line's end, `!`, `?`, `;`, a comma, or a
/// full stop before a space: "0263.3822" goes on). A comma ends it: "không yêu cầu bằng cấp,
/// lương 15 triệu" denies the degree, not the pay.
fn negation_end(text: &str, at: usize, words: usize, reach: usize) -> usize {
    let rest = text.get(at..).unwrap_or_default();
    let mut left = words + reach;
    let mut in_word = false;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let stop = matches!(c, '\n' | '!' | '?' | ';' | ',')
            || (c == '.' && chars.peek().is_none_or(|&(_, n)| n.is_whitespace()));
        if stop {
            return at + i;
        }
        if c.is_alphanumeric() {
            if !in_word {
                if left == 0 {
                    return at + i;
                }
                left -= 1;
                in_word = true;
            }
        } else {
            in_word = false;
        }
    }
    text.len()
}

/// Whether the text right before byte `at` of `text` (spaces skipped) is one of `words`, as a
/// whole word.
fn after_word(text: &str, at: usize, words: &[String]) -> bool {
    let before = text.get(..at).unwrap_or_default().trim_end();
    words.iter().any(|w| {
        before
            .strip_suffix(w.as_str())
            .is_some_and(|rest| rest.chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
    })
}

impl Test {
    /// Where in the body the test finds what it looks for (phrases, patterns of the body), for
    /// the metas' passages: `None` for a test of the whole message (sender, links, structure).
    fn positions(&self, v: &View<'_>) -> Option<Vec<usize>> {
        let starts = |l: &PhraseList| l.hits_at(&v.found, v.plain).into_iter().map(|(p, _)| p);
        match self {
            Test::Phrases { list, not_after, .. } => Some(
                starts(list)
                    .filter(|&p| !after_word(&v.body_lower, p, not_after))
                    .collect(),
            ),
            Test::PhraseSets { sets, .. } => Some(
                sets.iter()
                    .flat_map(|(_, l)| starts(l))
                    .filter(|&p| !v.is_negated(p))
                    .collect(),
            ),
            Test::Regex(Target::Body, re, _) => Some(
                re.find_iter(&v.body_lower)
                    .take(MAX_PLACES)
                    .map(|m| m.start())
                    .collect(),
            ),
            _ => None,
        }
    }

    /// A phrase-set check: how many phrases it found and the finding's detail, when it fires
    /// (enough of every set within one passage of `passage` bytes).
    fn phrase_sets(&self, v: &View<'_>, passage: usize) -> Option<(usize, String, Why)> {
        let Test::PhraseSets {
            sets,
            unless,
            unless_hits,
            link_outside,
            unless_from,
            ..
        } = self
        else {
            return None;
        };
        if !v.from_domain.is_empty()
            && unless_from
                .iter()
                .any(|d| impersonation::is_under(&v.from_domain, d))
        {
            return None;
        }
        // Each set's phrases, then the passage that holds enough of every set.
        let mut at = Vec::new();
        for (g, (min, list)) in sets.iter().enumerate() {
            let mut hits = list.hits_at(&v.found, v.plain);
            hits.retain(|&(p, _)| !v.is_negated(p));
            if list.names(hits.iter().map(|&(_, i)| i)).len() < *min {
                return None;
            }
            at.extend(hits.into_iter().map(|(p, i)| (p, (g, i))));
        }
        at.sort_unstable();
        let enough = |d: &[usize]| {
            sets.iter()
                .zip(d)
                .all(|((min, _), n)| n >= min)
                .then(|| d.iter().sum())
        };
        let best = best_passage(&at, sets.len(), passage, enough)?;
        let mut found: Vec<&str> = Vec::new();
        for (g, (_, list)) in sets.iter().enumerate() {
            found.extend(list.names(best.iter().filter(|(_, (h, _))| *h == g).map(|&(_, (_, i))| i)));
        }
        if unless.hits(&v.found, v.plain).len() >= *unless_hits {
            return None;
        }
        let mut link = String::new();
        let mut outside_link = None;
        if let Some(official) = link_outside {
            let outside = v.urls.iter().find(|u| {
                url_host(u).is_some_and(|h| !official.iter().any(|o| impersonation::is_under(&h, o)))
            })?;
            link = format!("; a link to {:?}", clip(outside, 100));
            outside_link = Some(clip(outside, 100));
        }
        found.sort_unstable();
        found.dedup();
        let list = clip(&found.join(", "), 160);
        let why = match outside_link {
            Some(url) => Why::new("phrase_sets_link").value("url", url),
            None => Why::new("phrase_sets"),
        }
        .value("n", found.len())
        .value("phrases", &list);
        Some((found.len(), format!("{} phrases: {list}{link}", found.len()), why))
    }

    /// Runs the test: the finding's detail, location and reason as data when it fires.
    fn run(&self, f: &Facts<'_, '_>, v: &View<'_>) -> Option<(String, String, Why)> {
        let msg = f.parsed.message.as_ref();
        match self {
            Test::Gtube(s) => memchr::memmem::find(f.raw, s).map(|_| {
                (
                    "Message rejected as spam (GTUBE test message)".to_owned(),
                    "body".to_owned(),
                    Why::new("gtube"),
                )
            }),
            Test::HeaderMissing(name) => {
                // No header section at all is one problem (MIME_NO_HEADERS), not five.
                if msg.is_none_or(|m| m.headers().is_empty())
                    || f.parsed
                        .problems
                        .contains(&crate::message::StructureProblem::NoHeaders)
                {
                    return None;
                }
                let present = msg.is_some_and(|m| m.header_raw(name.as_str()).is_some());
                (!present).then(|| {
                    (
                        format!("No {name} header"),
                        "header section".to_owned(),
                        Why::new("header_missing").value("name", name),
                    )
                })
            }
            Test::DateMalformed => {
                let m = msg?;
                let raw = m.header_raw("Date")?;
                let ok = m.date().is_some_and(|d| d.is_valid());
                (!ok).then(|| {
                    (
                        format!("Date header is not an RFC 5322 date: {:?}", clip(raw.trim(), 80)),
                        "header Date".to_owned(),
                        Why::new("date_malformed").value("value", clip(raw.trim(), 80)),
                    )
                })
            }
            Test::MessageIdMalformed => {
                let raw = msg?.header_raw("Message-ID")?.trim();
                let ok = raw.starts_with('<')
                    && raw.ends_with('>')
                    && raw[1..raw.len().saturating_sub(1).max(1)]
                        .split_once('@')
                        .is_some_and(|(l, d)| !l.is_empty() && !d.is_empty())
                    && !raw.contains(char::is_whitespace);
                (!ok).then(|| {
                    (
                        format!("Message-ID is not <left@right>: {:?}", clip(raw, 80)),
                        "header Message-ID".to_owned(),
                        Why::new("message_id_malformed").value("value", clip(raw, 80)),
                    )
                })
            }
            Test::FromMalformed => {
                let m = msg?;
                let raw = m.header_raw("From")?;
                let count = m
                    .headers()
                    .iter()
                    .filter(|h| h.name.as_str().eq_ignore_ascii_case("From"))
                    .count();
                // An address read from an encoded word is an address (FROM_ADDRESS_ENCODED says
                // how it was written).
                let addr = m
                    .from()
                    .and_then(|a| a.first())
                    .and_then(|a| a.address())
                    .or(v.from_encoded.then_some(v.from_address.as_str()));
                // A second '@' outside quotes ("no-reply@bank.example@elsewhere.example"):
                // DMARC checks the last domain while a reader shows the first.
                let ok = count == 1
                    && addr.is_some_and(|a| {
                        a.rsplit_once('@').is_some_and(|(l, d)| {
                            !l.is_empty()
                                && (!l.contains('@')
                                    || (l.len() > 1 && l.starts_with('"') && l.ends_with('"')))
                                && d.contains('.')
                                && !d.starts_with('.')
                                && !d.ends_with('.')
                        })
                    });
                (!ok).then(|| {
                    let (detail, why) = if count > 1 {
                        (
                            format!("{count} From headers"),
                            Why::new("from_headers").value("n", count),
                        )
                    } else {
                        (
                            format!("From has no valid address: {:?}", clip(raw.trim(), 80)),
                            Why::new("from_invalid").value("value", clip(raw.trim(), 80)),
                        )
                    };
                    (detail, "header From".to_owned(), why)
                })
            }
            Test::DisplayAddress => {
                let (shown, domain) = display_address(&v.sender)?;
                let actual = v.from_domain.as_str();
                if actual.is_empty()
                    || impersonation::is_under(actual, &domain)
                    || impersonation::is_under(&domain, actual)
                {
                    return None;
                }
                Some((
                    format!(
                        "From name {shown:?} is an address at {domain:?}, but the mail is from {actual:?}"
                    ),
                    "header From".to_owned(),
                    Why::new("display_address")
                        .value("name", clip(shown, 80))
                        .value("domain", &domain)
                        .value("actual", actual),
                ))
            }
            Test::FromAddressEncoded => v.from_encoded.then(|| {
                (
                    format!("From address {} written inside an encoded word", v.from_address),
                    "header From".to_owned(),
                    Why::new("from_encoded").value("address", &v.from_address),
                )
            }),
            Test::ForgedLocal(which) => {
                let env = f.envelope;
                let client = env.client_addr?;
                if env.auth_user.is_some() || f.local.internal_networks.iter().any(|n| n.contains(client)) {
                    return None;
                }
                let (address, location) = match which {
                    Sender::Envelope => (env.mail_from.clone(), "envelope"),
                    // Also an address hidden in an encoded word: readers show it.
                    Sender::Header if !v.from_address.is_empty() => (v.from_address.clone(), "header From"),
                    Sender::Header => return None,
                };
                f.local.is_local(&address).then(|| {
                    (
                        format!(
                            "Sender {address} is in a local domain, but client {client} neither authenticated nor is internal"
                        ),
                        location.to_owned(),
                        Why::new("forged_local").value("address", &address).value("client", client),
                    )
                })
            }
            Test::HtmlOnly => {
                let m = msg?;
                let html_only = !m.text_body.is_empty()
                    && m.text_body.iter().all(|id| {
                        matches!(
                            m.parts.get(*id as usize).map(|p| &p.body),
                            Some(PartType::Html(_))
                        )
                    });
                html_only.then(|| {
                    (
                        "HTML body without a plain-text alternative".to_owned(),
                        "body".to_owned(),
                        Why::new("html_only"),
                    )
                })
            }
            Test::HiddenText(min) => {
                let hidden: usize = v.html_facts.iter().map(|h| h.hidden_chars).sum();
                (hidden >= *min).then(|| {
                    (
                        format!("{hidden} characters of text hidden from the reader"),
                        "body".to_owned(),
                        Why::new("hidden_text").value("n", hidden),
                    )
                })
            }
            Test::ImageOnly(min, max) => {
                if v.html.is_empty() {
                    return None;
                }
                let images: usize = v.html_facts.iter().map(|h| h.images).sum();
                let chars = v.body.chars().filter(|&c| is_word_char(c)).count();
                (images > 0 && (*min..=*max).contains(&chars)).then(|| {
                    (
                        format!("HTML with {images} images and only {chars} letters of text"),
                        "body".to_owned(),
                        Why::new("image_only")
                            .value("images", images)
                            .value("letters", chars),
                    )
                })
            }
            Test::Lookalike {
                domains,
                suffix,
                brands,
            } => {
                let mut hosts: Vec<(String, &str)> = Vec::new();
                if let Some(m) = msg {
                    for (header, list) in [("From", m.from()), ("Reply-To", m.reply_to())] {
                        for a in list.into_iter().flat_map(|l| l.iter()) {
                            if let Some((_, d)) = a.address().and_then(|a| a.rsplit_once('@')) {
                                hosts.push((d.to_ascii_lowercase(), header));
                            }
                        }
                    }
                }
                if let Some((_, d)) = f.envelope.mail_from.rsplit_once('@') {
                    hosts.push((d.trim_end_matches('>').to_ascii_lowercase(), "envelope sender"));
                }
                hosts.extend(v.urls.iter().filter_map(|u| Some((url_host(u)?, "link"))));
                // The rule's domains and the province's own ([local] domains).
                let mut protected = domains.clone();
                protected.extend(f.local.domains.iter().map(|d| d.to_ascii_lowercase()));
                hosts.iter().find_map(|(h, place)| {
                    impersonation::lookalike(h, &protected, suffix)
                        .or_else(|| {
                            brands
                                .iter()
                                .find_map(|(b, own)| impersonation::brand_lookalike(h, b, own))
                        })
                        .map(|why| {
                            (
                                format!("{place}: {why}"),
                                "body".to_owned(),
                                Why::new(why.kind)
                                    .term(
                                        "where",
                                        &format!(
                                            "seen_in_{}",
                                            place.replace(['-', ' '], "_").to_ascii_lowercase()
                                        ),
                                    )
                                    .value("host", &why.host)
                                    .value("target", &why.target),
                            )
                        })
                })
            }
            Test::LinkSuffixMismatch(suffix) => v.html_facts.iter().find_map(|h| {
                h.links.iter().find_map(|(href, text)| {
                    let target = url_host(href)?;
                    let shown = shown_host(text.trim())?;
                    (impersonation::is_under(&shown, suffix) && !impersonation::is_under(&target, suffix))
                        .then(|| {
                            (
                                format!(
                                    "Link text {:?} (a .{suffix} site) leads to {:?}",
                                    clip(text.trim(), 80),
                                    clip(href, 120)
                                ),
                                "body".to_owned(),
                                Why::new("link_suffix_mismatch")
                                    .value("text", clip(text.trim(), 80))
                                    .value("suffix", suffix)
                                    .value("target", clip(href, 120)),
                            )
                        })
                })
            }),
            Test::SenderClaims {
                suffix,
                official,
                names,
                free_mail,
            } => {
                let name = msg?.from()?.first()?.name()?;
                let domain = &v.from_domain;
                if !free_mail.is_empty() {
                    if !free_mail.contains(domain) {
                        return None;
                    }
                    return impersonation::claimed_name(&v.sender, names).map(|claimed| {
                        (
                            format!(
                                "From name {:?} claims {claimed:?}, but writes from the free-mail address at {domain:?}",
                                clip(name, 80)
                            ),
                            "header From".to_owned(),
                            Why::new("free_mail_claim")
                                .value("name", clip(name, 80))
                                .value("claimed", claimed)
                                .value("domain", domain),
                        )
                    });
                }
                if impersonation::confusable_name(name) {
                    return Some((
                        format!(
                            "From name {:?} mixes Latin letters with look-alikes of another script",
                            clip(name, 80)
                        ),
                        "header From".to_owned(),
                        Why::new("confusable_name").value("name", clip(name, 80)),
                    ));
                }
                if official.iter().any(|o| impersonation::is_under(domain, o)) {
                    return None;
                }
                impersonation::claimed_authority(&v.sender, domain, names, suffix).map(|claimed| {
                    (
                        format!(
                            "From name {:?} claims {claimed:?}, but the address is at {domain:?}, not a .{suffix} domain",
                            clip(name, 80)
                        ),
                        "header From".to_owned(),
                        Why::new("claimed_authority")
                            .value("name", clip(name, 80))
                            .value("claimed", claimed)
                            .value("domain", domain)
                            .value("suffix", suffix),
                    )
                })
            }
            Test::LinkMismatch => {
                v.html_facts
                    .iter()
                    .find_map(|h| link_mismatch(&h.links))
                    .map(|(shown, target)| {
                        (
                            format!(
                                "Link text {:?} leads to {:?}",
                                clip(&shown, 80),
                                clip(&target, 120)
                            ),
                            "body".to_owned(),
                            Why::new("link_mismatch")
                                .value("text", clip(&shown, 80))
                                .value("target", clip(&target, 120)),
                        )
                    })
            }
            Test::Capitals {
                on,
                min_letters,
                min_ratio,
            } => {
                let text = match on {
                    Where::Subject => v.subject.as_str(),
                    Where::Body => v.body.as_str(),
                };
                // Bounds first, from the bytes alone: prose far below the share (nearly all
                // mail) is not counted letter by letter. Every other character a capital
                // letter, the share could be at most most_upper / most_letters.
                let (most_letters, most_upper) = crate::vietnamese::letters_at_most(text);
                if most_letters < *min_letters
                    || (most_upper as f64) < *min_ratio * most_letters as f64 * (1.0 - 1e-9)
                {
                    return None;
                }
                let (letters, upper) = crate::vietnamese::count_letters(text);
                let ratio = upper as f64 / letters.max(1) as f64;
                (letters >= *min_letters && ratio >= *min_ratio).then(|| {
                    (
                        format!("{:.0} % of {letters} letters are capitals", ratio * 100.0),
                        match on {
                            Where::Subject => "subject",
                            Where::Body => "body",
                        }
                        .to_owned(),
                        Why::new("capitals")
                            .value("percent", format!("{:.0}", ratio * 100.0))
                            .value("letters", letters),
                    )
                })
            }
            Test::CharsetScript {
                min_letters,
                max_share,
                charsets,
            } => {
                let m = msg?;
                for (id, part) in m.parts.iter().enumerate() {
                    let text = match &part.body {
                        PartType::Text(t) => t.as_ref(),
                        PartType::Html(h) => h.as_ref(),
                        _ => continue,
                    };
                    let Some(cs) = part.content_type().and_then(|c| c.attribute("charset")) else {
                        continue;
                    };
                    let Some(&script) = charsets.get(&cs.to_ascii_lowercase()) else {
                        continue;
                    };
                    let body = if matches!(part.body, PartType::Html(_)) {
                        // A body's text as extraction derived it; another HTML part's now.
                        let location = format!("body part {id}");
                        f.text
                            .html
                            .iter()
                            .find(|(l, _)| *l == location)
                            .map_or_else(|| html::to_text(text), |(_, facts)| facts.text.clone())
                    } else {
                        text.to_owned()
                    };
                    let (mut letters, mut of_script) = (0usize, 0usize);
                    for c in body.chars().filter(|&c| is_letter(c)).take(100_000) {
                        letters += 1;
                        if Script::of(c) == script {
                            of_script += 1;
                        }
                    }
                    if letters >= *min_letters && (of_script as f64) < *max_share * letters as f64 {
                        return Some((
                            format!(
                                "Declared charset {cs} ({script:?}), but {of_script} of {letters} letters are in that script"
                            ),
                            format!("part {id}"),
                            Why::new("charset_script")
                                .value("charset", cs)
                                .value("script", format!("{script:?}"))
                                .value("of_script", of_script)
                                .value("letters", letters),
                        ));
                    }
                }
                None
            }
            Test::MixedScript(min) => {
                if !may_have_greek_or_cyrillic(&v.body) {
                    return None;
                }
                let mut found = Vec::new();
                for w in v.body.split(|c: char| !is_word_char(c)).take(200_000) {
                    let (mut latin, mut lookalike) = (false, false);
                    for c in w.chars() {
                        match Script::of(c) {
                            Script::Latin => latin = true,
                            Script::Cyrillic | Script::Greek => lookalike = true,
                            _ => {}
                        }
                    }
                    if latin && lookalike && !found.contains(&w) {
                        found.push(w);
                        if found.len() >= *min {
                            break;
                        }
                    }
                }
                (found.len() >= *min).then(|| {
                    (
                        format!(
                            "Words mixing Latin with Cyrillic or Greek letters: {}",
                            clip(&found.join(", "), 120)
                        ),
                        "body".to_owned(),
                        Why::new("mixed_script").value("words", clip(&found.join(", "), 120)),
                    )
                })
            }
            Test::UrlHost(hosts) => v.urls.iter().find_map(|u| {
                let host = url_host(u)?;
                hosts
                    .iter()
                    .any(|h| host == *h || host.ends_with(&format!(".{h}")))
                    .then(|| {
                        (
                            format!("Link through {host}: {}", clip(u, 120)),
                            "body".to_owned(),
                            Why::new("url_host")
                                .value("host", &host)
                                .value("url", clip(u, 120)),
                        )
                    })
            }),
            Test::AttachmentName { extensions, after } => f.parsed.attachments.iter().find_map(|a| {
                let name = a.name.as_deref()?;
                let lower = name.trim().trim_end_matches('.').to_ascii_lowercase();
                let mut parts = lower.rsplitn(3, '.');
                let last = parts.next()?.trim();
                let before = parts.next().map(str::trim);
                let fires = extensions.iter().any(|e| e == last)
                    && (after.is_empty()
                        || before.is_some_and(|b| after.iter().any(|e| e == b)) && parts.next().is_some());
                fires.then(|| {
                    (
                        format!("Attachment named {:?}", clip(name, 120)),
                        a.location.clone(),
                        Why::new("attachment_name").value("name", clip(name, 120)),
                    )
                })
            }),
            // Counted by `SpamRules::check`, which picks the symbol by the number of hits.
            Test::Phrases { .. } | Test::PhraseSets { .. } => None,
            Test::Regex(Target::Body, re, min) if *min > 1 => {
                // The first `min` matches, each after the one before.
                let found: Vec<regex::Match<'_>> = re.find_iter(&v.body_lower).take(*min).collect();
                (found.len() == *min).then(|| {
                    let first = found.first().map_or("", |m| m.as_str());
                    (
                        format!("Body matches {min} times, first: {:?}", clip(first, 80)),
                        "body".to_owned(),
                        Why::new("pattern").value("text", clip(first, 80)),
                    )
                })
            }
            Test::Regex(target, re, _) => match target {
                Target::Subject => re.find(&v.subject).map(|m| {
                    (
                        format!("Subject matches: {:?}", clip(m.as_str(), 80)),
                        "subject".to_owned(),
                        Why::new("pattern").value("text", clip(m.as_str(), 80)),
                    )
                }),
                Target::Body => re.find(&v.body_lower).map(|m| {
                    (
                        format!("Body matches: {:?}", clip(m.as_str(), 80)),
                        "body".to_owned(),
                        Why::new("pattern").value("text", clip(m.as_str(), 80)),
                    )
                }),
                Target::Html => v.html.iter().find_map(|h| re.find(h)).map(|m| {
                    (
                        format!("HTML matches: {:?}", clip(m.as_str(), 80)),
                        "body".to_owned(),
                        Why::new("pattern").value("text", clip(m.as_str(), 80)),
                    )
                }),
                Target::Url => v.urls.iter().find(|u| re.is_match(u)).map(|u| {
                    (
                        format!("URL {:?}", clip(u, 120)),
                        "body".to_owned(),
                        Why::new("pattern_url").value("url", clip(u, 120)),
                    )
                }),
                Target::Header(name) => {
                    let m = msg?;
                    m.headers_raw()
                        .filter(|(n, _)| n.eq_ignore_ascii_case(name))
                        .find_map(|(_, value)| re.find(value.trim()))
                        .map(|hit| {
                            (
                                format!("{name} matches: {:?}", clip(hit.as_str(), 80)),
                                format!("header {name}"),
                                Why::new("pattern").value("text", clip(hit.as_str(), 80)),
                            )
                        })
                }
            },
        }
    }
}

/// The phrases of `list` (id in the index, index in the list) that `found` holds as whole words,
/// chosen as a leftmost-longest search for the list's phrases alone would choose them: the
/// match starting first, the longest there, then on from its end. Only the list's own matches
/// are looked at (a text full of one other list's phrase costs this list nothing). Each hit:
/// where it starts and its index in the list, in the order of the text.
fn phrase_hits(list: &[(u32, usize)], found: &Found) -> Vec<(usize, usize)> {
    // (start, end, index in the list): a span is one phrase's, so the first two order them.
    let mut mine: Vec<(usize, std::cmp::Reverse<usize>, usize)> = Vec::new();
    let mut patterns = 0;
    for &(id, local) in list {
        let spans = found.of(id);
        if !spans.is_empty() {
            patterns += 1;
            mine.extend(
                spans
                    .iter()
                    .map(|&(start, end)| (start, std::cmp::Reverse(end), local)),
            );
        }
    }
    // One pattern's matches are in order already.
    if patterns > 1 {
        mine.sort_unstable();
    }
    let mut hit = Vec::new();
    let mut from = 0;
    for (start, std::cmp::Reverse(end), local) in mine {
        if start < from {
            continue;
        }
        from = end;
        hit.push((start, local));
    }
    hit
}

/// The hits that lie within one passage of the text, best: hits are (where, (group, item)),
/// in the order of the text; `score` is given the distinct items of each group in a stretch
/// whose hits start less than `passage` bytes apart, and says how good it is (`None`: not good
/// enough). The best stretch's hits, or `None` when no stretch is good enough. A text shorter
/// than a passage is one stretch: everything counts together, as when `passage` is
/// `usize::MAX`. Linear in the hits (two ends moving forward, counts kept as they move).
fn best_passage(
    hits: &[(usize, (usize, usize))],
    groups: usize,
    passage: usize,
    score: impl Fn(&[usize]) -> Option<usize>,
) -> Option<&[(usize, (usize, usize))]> {
    let (&(first_at, _), &(last_at, _)) = (hits.first()?, hits.last()?);
    let mut distinct = vec![0usize; groups];
    if last_at - first_at < passage {
        // All in one passage (nearly all mail): counted at once.
        let mut keys: Vec<(usize, usize)> = hits.iter().map(|&(_, k)| k).collect();
        keys.sort_unstable();
        keys.dedup();
        for (g, _) in keys {
            if let Some(n) = distinct.get_mut(g) {
                *n += 1;
            }
        }
        return score(&distinct).map(|_| hits);
    }
    let mut seen: HashMap<(usize, usize), usize> = HashMap::new();
    let mut best: Option<(usize, usize, usize)> = None;
    let mut first = 0;
    for (last, &(at, key)) in hits.iter().enumerate() {
        let n = seen.entry(key).or_insert(0);
        *n += 1;
        if *n == 1 {
            distinct[key.0] += 1;
        }
        while let Some(&(from, old)) = hits.get(first) {
            if at - from < passage {
                break;
            }
            if let Some(n) = seen.get_mut(&old) {
                *n -= 1;
                if *n == 0 {
                    distinct[old.0] -= 1;
                }
            }
            first += 1;
        }
        if let Some(v) = score(&distinct)
            && best.is_none_or(|(b, ..)| v > b)
        {
            best = Some((v, first, last));
        }
    }
    best.and_then(|(_, first, last)| hits.get(first..=last))
}

/// The first link whose text is an address on another site: (text, target).
fn link_mismatch(links: &[(String, String)]) -> Option<(String, String)> {
    for (href, text) in links {
        let shown = text.trim();
        let Some(target) = url_host(href) else {
            continue;
        };
        let Some(shown_host) = shown_host(shown) else {
            continue;
        };
        if base_domain(&shown_host) != base_domain(&target) {
            return Some((shown.to_owned(), href.clone()));
        }
    }
    None
}

/// The host a link's text names, when the text is an address (`https://x.example/…`,
/// `www.x.example`, `x.example`), else None.
fn shown_host(text: &str) -> Option<String> {
    if text.contains(char::is_whitespace) || text.contains('@') {
        return None;
    }
    if let Some(h) = url_host(text) {
        return Some(h);
    }
    let host = text.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let tld = labels.last()?;
    let ok = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && tld.len() >= 2
        && tld.chars().all(|c| c.is_ascii_alphabetic());
    // "www.x" or a name with a common top-level domain; not "report.pdf" or "v1.2".
    let common = host.starts_with("www.")
        || matches!(
            *tld,
            "com" | "net" | "org" | "vn" | "gov" | "edu" | "info" | "biz"
        );
    (ok && common).then_some(host)
}

/// The host of an http(s) URL, lower-case.
pub fn url_host(url: &str) -> Option<String> {
    let rest =
        strip_prefix_ignore_case(url, "http://").or_else(|| strip_prefix_ignore_case(url, "https://"))?;
    let authority = rest.split(['/', '?', '#', '\\']).next()?;
    let host = authority
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .trim_end_matches('.');
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Host names written without a scheme (`vipsport.win`, `keonhacai.live/dangky`: scammers
/// write their sites bare so that no link is seen) whose last label is one of `tlds`, as
/// `http://` links. Found from the dots between two letters or digits, so a text without any
/// costs one search for dots; e-mail addresses are left out. Each word is looked at once (the
/// other dots of a word already read are passed over), so the walk is linear in the text.
fn bare_hosts(body: &str, tlds: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    if tlds.is_empty() {
        return out;
    }
    let is_break = |c: u8| c.is_ascii_whitespace() || matches!(c, b'"' | b'<' | b'>' | b'\'' | b'(' | b',');
    let bytes = body.as_bytes();
    // The end of the last word read: its other dots are not looked at again.
    let mut read_to = 0;
    for dot in memchr::memchr_iter(b'.', bytes) {
        if dot < read_to {
            continue;
        }
        let before = dot.checked_sub(1).and_then(|i| bytes.get(i));
        let after = bytes.get(dot + 1);
        if !before.is_some_and(u8::is_ascii_alphanumeric) || !after.is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        // (Back only as far as the last word read: it ended at a break.)
        let start = bytes[read_to..dot]
            .iter()
            .rposition(|&c| is_break(c))
            .map_or(read_to, |i| read_to + i + 1);
        let end = bytes[dot..]
            .iter()
            .position(|&c| is_break(c))
            .map_or(bytes.len(), |i| dot + i);
        read_to = end;
        let Some(word) = body.get(start..end) else {
            continue;
        };
        let word = word.trim_end_matches(['.', ',', ')', ';', ':', '!', '?']);
        if word.contains("://") || word.contains('@') {
            continue;
        }
        let host = word.split(['/', '?', '#']).next().unwrap_or_default();
        let labels: Vec<&str> = host.split('.').collect();
        let Some(tld) = labels.last() else {
            continue;
        };
        if labels.len() >= 2
            && labels
                .iter()
                .all(|l| !l.is_empty() && l.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-'))
            && tlds.iter().any(|t| t.eq_ignore_ascii_case(tld))
        {
            out.push(format!("http://{word}"));
            if out.len() >= 1_000 {
                break;
            }
        }
    }
    out
}

/// The registrable part of a host name, near enough: the last two labels, or three under a
/// country's second level (`sở.lamdong.gov.vn` → `lamdong.gov.vn`, `a.b.co.uk` → `b.co.uk`).
fn base_domain(host: &str) -> String {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let take = if n >= 3 && labels[n - 1].len() == 2 && labels[n - 2].len() <= 3 {
        3
    } else {
        2
    };
    labels[n.saturating_sub(take)..].join(".")
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    starts_with_ignore_case(s, prefix).then(|| &s[prefix.len()..])
}

/// The address a From display name consists of (quotes, brackets and a `mailto:` around it
/// set aside), with its domain: `"no-reply@bank.example"` is one, "Anh Ba (ba@x.example)" or
/// "ba@x.example via Danh sách" are not (a name beside an address, a list's rewriting).
fn display_address(name: &str) -> Option<(&str, String)> {
    let shown = name.trim().trim_matches(|c: char| {
        matches!(c, '"' | '\'' | '<' | '>' | '(' | ')' | '[' | ']') || c.is_whitespace()
    });
    let address = shown.strip_prefix("mailto:").unwrap_or(shown);
    // A domain written with its root's dot ("cty.vn.") is the same domain.
    let address = address.strip_suffix('.').unwrap_or(address);
    let domain = crate::message::bare_address(address)?;
    Some((shown, domain.to_ascii_lowercase()))
}

/// At most `max` bytes of `s`, on a character boundary, with "…" when cut.
fn clip(s: &str, max: usize) -> String {
    if s.len() <= max {
        s.to_owned()
    } else {
        format!("{}…", &s[..s.floor_char_boundary(max)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn host_names_written_without_a_scheme_are_links() {
        let tlds = ["win".to_owned(), "live".to_owned(), "vn".to_owned()];
        let found = bare_hosts(
            "Truy cập: vipsport.win, hoặc keonhacai.live/dangky. Số 1.500.000đ; TP.HCM; v.v. \
             Thư ab@cd.vn, https://x.win/a (lamdong.gov.vn). Hết.Sau baocao.pdf",
            &tlds,
        );
        assert_eq!(
            found,
            [
                "http://vipsport.win",
                "http://keonhacai.live/dangky",
                "http://lamdong.gov.vn"
            ]
        );
        assert!(bare_hosts("vipsport.win", &[]).is_empty());
        // One long word of dots is read once, not once per dot (hostile text, linear walk).
        let long = "a.".repeat(200_000) + "win";
        assert_eq!(bare_hosts(&long, &tlds).len(), 1);
        let many = "x.win ".repeat(5_000);
        assert_eq!(bare_hosts(&many, &tlds).len(), 1_000, "at most a thousand links");
    }
    use crate::config::LimitsConfig;

    fn rules() -> SpamRules {
        SpamRules::compile(EMBEDDED, Path::new("spam.toml")).expect("built-in rules compile")
    }

    /// One list searched alone, leftmost-longest (the way before the shared index).
    struct Alone {
        phrases: Vec<String>,
        matcher: AhoCorasick,
        /// The folded phrases: their index in `phrases`, their text, their automaton.
        folded: Option<(Vec<usize>, Vec<String>, AhoCorasick)>,
    }

    impl Alone {
        fn new(list: &PhraseList) -> Alone {
            let build = |ps: &[String]| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(ps)
                    .expect("automaton")
            };
            let (index, bare): (Vec<usize>, Vec<String>) = list
                .phrases
                .iter()
                .enumerate()
                .filter(|(_, p)| p.contains(' ') && crate::vietnamese::has_diacritics(p))
                .map(|(i, p)| (i, crate::vietnamese::fold(p).to_lowercase()))
                .unzip();
            let folded = (!bare.is_empty()).then(|| {
                let m = build(&bare);
                (index, bare, m)
            });
            Alone {
                phrases: list.phrases.clone(),
                matcher: build(&list.phrases),
                folded,
            }
        }

        fn hits(&self, text: &str, plain: bool) -> Vec<String> {
            let whole = |ps: &[String], m: &AhoCorasick| -> HashSet<usize> {
                let mut hit = HashSet::new();
                for m in m.find_iter(text) {
                    let p = &ps[m.pattern().as_usize()];
                    let before = text[..m.start()].chars().next_back();
                    let after = text[m.end()..].chars().next();
                    let first = p.chars().next().is_some_and(char::is_alphanumeric);
                    let last = p.chars().next_back().is_some_and(char::is_alphanumeric);
                    if (first && before.is_some_and(char::is_alphanumeric))
                        || (last && after.is_some_and(char::is_alphanumeric))
                    {
                        continue;
                    }
                    hit.insert(m.pattern().as_usize());
                }
                hit
            };
            let mut found = whole(&self.phrases, &self.matcher);
            if plain && let Some((index, bare, m)) = &self.folded {
                found.extend(whole(bare, m).into_iter().map(|i| index[i]));
            }
            let mut out: Vec<String> = found.into_iter().map(|i| self.phrases[i].clone()).collect();
            out.sort_unstable();
            out.dedup();
            out
        }
    }

    /// The index finds exactly every place where a phrase of the rules stands as whole words
    /// (each phrase looked for at every character of the text, overlapping places included), on
    /// texts made of the phrases (marked and unmarked) and their words, with separators that do
    /// and do not join words.
    #[test]
    fn the_phrase_index_finds_every_whole_word_occurrence() {
        let r = rules();
        let mut words: Vec<&str> = r.index.patterns.iter().flat_map(|p| p.split(' ')).collect();
        words.sort_unstable();
        words.dedup();
        let joins = [
            " ", " ", " ", "  ", "\n", ", ", "x", "%", "/", "-", "đ", "", "0%", ". ",
        ];
        let (mut single, mut several) = (0, 0);
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..100 {
            let mut text = String::new();
            for _ in 0..40 {
                // A word of a phrase, or a whole phrase.
                match next(2) {
                    0 => text.push_str(words[next(words.len())]),
                    _ => text.push_str(&r.index.patterns[next(r.index.patterns.len())]),
                }
                text.push_str(joins[next(joins.len())]);
            }
            let found = r.index.find(&text);
            for (id, p) in r.index.patterns.iter().enumerate() {
                let mut want = Vec::new();
                for (start, _) in text.char_indices() {
                    let end = start + p.len();
                    if text.get(start..end) == Some(p.as_str()) && whole_words(&text, start, end, p) {
                        want.push((start, end));
                    }
                }
                assert_eq!(found.of(id as u32), want, "{p:?} in {text:?}");
                if p.contains(' ') {
                    several += want.len();
                } else {
                    single += want.len();
                }
            }
        }
        assert!(
            single > 200 && several > 1000,
            "{single} one-word, {several} longer"
        );
    }

    /// A phrase is found where it stands as whole words, whatever its shape (words only, with a
    /// sign, starting with one, no word at all); one inside a longer word is not found, nor
    /// hides the list's next phrase; overlapping phrases of a list count as a leftmost-longest
    /// search would count them.
    #[test]
    fn phrases_are_found_as_whole_words_only() {
        let mut index = PhraseIndex::default();
        let phrases: Vec<String> = ["vay tiền", "tiền nhanh", "lãi 0%", "/ngày", "$$$"]
            .iter()
            .map(|p| p.to_string())
            .collect();
        let list = PhraseList::new(&phrases, &mut index).expect("list");
        index.build().expect("index");
        assert!(index.matcher.is_some() && index.wordless.len() == 1);
        let hits = |text: &str| list.hits(&index.find(text), false);
        assert_eq!(hits("cho vay tiền nhanh"), ["vay tiền"]);
        assert_eq!(hits("xvay tiền nhanh"), ["tiền nhanh"]);
        assert_eq!(hits("vay tiềnx nhanh"), Vec::<&str>::new());
        assert_eq!(hits("vay  tiền, vay\ntiền"), Vec::<&str>::new());
        assert_eq!(hits("lãi 0%/ngày"), ["/ngày", "lãi 0%"]);
        assert_eq!(hits("(lãi 0%)"), ["lãi 0%"]);
        assert_eq!(hits("xlãi 0% 3/ngàyx"), Vec::<&str>::new());
        assert_eq!(hits("giá $$$$"), ["$$$"]);
        // Each place a phrase stands, in the order of the text.
        let at = list.hits_at(&index.find("vay tiền. vay tiền nhanh? tiền nhanh"), false);
        assert_eq!(at, [(0, 0), (12, 0), (30, 1)]);
    }

    /// The byte test that skips the look-alike word walk never misses a Greek or Cyrillic
    /// letter: checked on every character, alone and between Vietnamese letters.
    #[test]
    fn the_greek_and_cyrillic_prefilter_misses_no_letter_of_theirs() {
        for c in (0..=0x2FFFFu32).filter_map(char::from_u32) {
            let lookalike = matches!(Script::of(c), Script::Greek | Script::Cyrillic);
            let text = format!("Kính gửi {c} đơn vị");
            if lookalike {
                assert!(may_have_greek_or_cyrillic(&text), "U+{:04X}", c as u32);
            }
        }
        assert!(!may_have_greek_or_cyrillic(
            "Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị triển khai thực hiện kế hoạch. Ấn định Ữ ỹ"
        ));
        assert!(may_have_greek_or_cyrillic("Vіаgrа"));
    }

    #[test]
    fn the_shared_phrase_index_finds_what_each_list_alone_would() {
        let r = rules();
        let mut lists: Vec<&PhraseList> = Vec::new();
        for c in &r.checks {
            match &c.test {
                Test::Phrases { list, .. } => lists.push(list),
                Test::PhraseSets { sets, unless, .. } => {
                    lists.extend(sets.iter().map(|(_, l)| l));
                    lists.push(unless);
                }
                _ => {}
            }
        }
        assert!(lists.len() > 20, "{}", lists.len());
        let alone: Vec<Alone> = lists.iter().map(|l| Alone::new(l)).collect();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/vietnamese-spam");
        let mut texts: Vec<String> = vec![
            "vay vay tiền nhanh nhanh giải ngân trong ngày giải ngân".to_owned(),
            "nhà cáinổ hũ, cá cược-bóng đá; lô đề lô đề xổ số siêu tốc".to_owned(),
            // Test senders' filler: one phrase ("xxx") everywhere, overlapping itself.
            format!("1{}\n2{}", "x".repeat(3000), "x".repeat(77)),
            "vay tiền ".repeat(500),
        ];
        for kind in ["spam", "ham"] {
            let mut files: Vec<_> = std::fs::read_dir(dir.join(kind))
                .expect("corpus")
                .filter_map(Result::ok)
                .map(|e| e.path())
                .collect();
            files.sort();
            for f in files {
                let raw = std::fs::read(&f).expect("read");
                texts.push(crate::vietnamese::to_lower(&String::from_utf8_lossy(&raw)));
            }
        }
        assert!(texts.len() > 200, "{}", texts.len());
        let mut compared = 0;
        for text in &texts {
            let found = r.index.find(text);
            // As written, and the same text without its marks (the folded phrases' case).
            let bare = crate::vietnamese::fold(text).to_lowercase();
            let found_bare = r.index.find(&bare);
            for (list, alone) in lists.iter().zip(&alone) {
                assert_eq!(list.hits(&found, false), alone.hits(text, false));
                assert_eq!(list.hits(&found_bare, true), alone.hits(&bare, true), "{bare}");
                compared += 2;
            }
        }
        assert!(compared > 10_000, "{compared}");
    }

    /// The symbols the rules give a message with this envelope.
    fn symbols_with(raw: &str, envelope: &Envelope) -> Vec<String> {
        findings_with(raw, envelope)
            .into_iter()
            .map(|f| f.symbol)
            .collect()
    }

    fn findings_with(raw: &str, envelope: &Envelope) -> Vec<Finding> {
        let limits = LimitsConfig::default();
        let parsed = ParsedMessage::parse(raw.as_bytes(), &limits);
        let text = crate::extract::extract_message(&parsed, raw.as_bytes(), &limits);
        let local = LocalConfig::default();
        let lowered = crate::spam::Lowered::of(&text);
        let facts = |lowered| Facts {
            raw: raw.as_bytes(),
            envelope,
            parsed: &parsed,
            text: &text,
            local: &local,
            deadline: None,
            lowered,
        };
        let r = rules();
        let mut out = Vec::new();
        r.check(&facts(None), &mut out);
        // The text lower-cased once for the rules and the classifier reads the same.
        let mut shared = Vec::new();
        r.check(&facts(Some(&lowered)), &mut shared);
        assert_eq!(shared, out, "with the pieces lower-cased already");
        out
    }

    fn symbols(raw: &str) -> Vec<String> {
        symbols_with(raw, &Envelope::default())
    }

    /// Whether the message gives this symbol.
    fn has(raw: &str, symbol: &str) -> bool {
        symbols(raw).iter().any(|s| s == symbol)
    }

    const HEAD: &str = "From: Nguyễn Văn A <a@sotttt.lamdong.gov.vn>\r\nTo: b@lamdong.gov.vn\r\n\
        Date: Mon, 30 Nov 2026 08:00:00 +0700\r\nMessage-ID: <1@sotttt.lamdong.gov.vn>\r\n";

    /// A complete message with these extra headers and this body (text/plain, UTF-8).
    fn plain(subject: &str, body: &str) -> String {
        format!(
            "{HEAD}Subject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\
             Content-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n"
        )
    }

    /// A demand a negation denies is advice ("không bao giờ đề nghị cung cấp mật khẩu"); the
    /// negation reaches within its clause only, and after "nếu" it is a threat's condition.
    #[test]
    fn a_negated_demand_is_advice_not_a_demand() {
        let advice = plain(
            "Hệ thống mới",
            "Khi đăng nhập lần đầu, hệ thống yêu cầu đổi mật khẩu. Trung tâm không bao giờ đề nghị \
             cung cấp mật khẩu qua thư điện tử.",
        );
        assert!(!has(&advice, "VI_CREDENTIAL_DEMAND"), "{:?}", symbols(&advice));
        // The negation stops at its clause's end: the demand after it counts.
        let demand = plain(
            "Xác nhận",
            "Đừng lo lắng. Vui lòng cung cấp mã OTP vừa nhận để hoàn tất xác nhận.",
        );
        assert!(has(&demand, "VI_CREDENTIAL_DEMAND"), "{:?}", symbols(&demand));
        // "Nếu không cung cấp …" threatens.
        let threat = plain(
            "Xác nhận",
            "Nếu không cung cấp mật khẩu trong ngày, hộp thư sẽ bị khóa.",
        );
        assert!(has(&threat, "VI_CREDENTIAL_DEMAND"), "{:?}", symbols(&threat));
        // A phrase that begins with a negation is not denied by it (a job scam's selling point).
        let job = plain(
            "Tuyển nhân viên",
            "Tuyển nhân viên nhập liệu làm tại nhà, không yêu cầu bằng cấp, trả lương theo tuần.",
        );
        let found = findings_with(&job, &Envelope::default());
        assert!(
            found
                .iter()
                .any(|f| f.symbol.starts_with("VI_JOB_SCAM") && f.detail.contains("không yêu cầu bằng cấp")),
            "{found:?}"
        );
        // A full stop inside a number is no sentence's end.
        assert_eq!(
            negation_end("đừng gọi 0263.3822 nữa. rồi", 0, 1, 12),
            "đừng gọi 0263.3822 nữa".len()
        );
        assert_eq!(negation_end("không gửi a b c d", 0, 2, 2), "không gửi a b ".len());
        assert_eq!(
            negation_end("không yêu cầu bằng cấp, lương", 0, 3, 12),
            "không yêu cầu bằng cấp".len()
        );
    }

    fn html(body: &str) -> String {
        format!(
            "{HEAD}Subject: Thông báo\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\
             Content-Transfer-Encoding: 8bit\r\n\r\n<html><body>{body}</body></html>\r\n"
        )
    }

    fn with_attachment(name: &str) -> String {
        format!(
            "{HEAD}Subject: Hồ sơ\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n\
             --B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGửi anh hồ sơ.\r\n\
             --B\r\nContent-Type: application/octet-stream; name=\"{name}\"\r\n\
             Content-Disposition: attachment; filename=\"{name}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n\
             AAAA\r\n--B--\r\n"
        )
    }

    fn without(header: &str) -> String {
        plain("Lịch họp", "Kính gửi các đồng chí.")
            .lines()
            .filter(|l| !l.starts_with(&format!("{header}:")))
            .collect::<Vec<_>>()
            .join("\r\n")
    }

    /// The message as written from an address outside .gov.vn (the tests' own From is a unit's).
    fn from_outside(msg: String) -> String {
        msg.replace(
            "From: Nguyễn Văn A <a@sotttt.lamdong.gov.vn>",
            "From: Thông báo <thongbao@thongbao-online.example>",
        )
    }

    fn replace(header: &str, value: &str) -> String {
        plain("Lịch họp", "Kính gửi các đồng chí.")
            .lines()
            .map(|l| {
                if l.starts_with(&format!("{header}:")) {
                    format!("{header}: {value}")
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\r\n")
    }

    /// Capitals outside ASCII count as capitals: the bound from the bytes (every such character
    /// a capital letter) never hides a shouting Vietnamese body, and a body just under the
    /// share is counted and found under it.
    #[test]
    fn vietnamese_capitals_are_counted_past_the_bound() {
        let shouting = "THÔNG BÁO KHẨN: QUÝ KHÁCH ĐÃ TRÚNG THƯỞNG Ở ĐỢT NÀY, NHẬN NGAY ";
        assert!(symbols(&plain("x", &shouting.repeat(6))).contains(&"BODY_EXCESS_CAPS".to_owned()));
        // Two capital lines to three small ones: under half capitals, though every character
        // outside ASCII could have been one.
        let mixed = format!(
            "{shouting}\n{shouting}\n{}",
            "thông báo khẩn: quý khách đã trúng thưởng ở đợt này, nhận ngay ".repeat(3)
        );
        assert!(!symbols(&plain("x", &mixed.repeat(2))).contains(&"BODY_EXCESS_CAPS".to_owned()));
    }

    #[test]
    fn each_rule_hits_and_has_a_near_miss() {
        let gtube = "XJS*C4JDBQADN1.NSBESTNOATGSPAM-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
        let hidden = format!(
            "<p>Kính gửi quý khách</p><div style=\"display: none\">{}</div>",
            "lorem ipsum dolor sit amet ".repeat(10)
        );
        let preheader = "<p>Bản tin tháng 11</p><span style=\"display:none\">Bản tin tháng 11 của Sở</span>";
        let cyrillic = "Привет, это письмо на русском языке, и в нём много кириллических букв.";
        let english = "Hello, this message is written in plain English words only, nothing else here.";
        // (symbol, message that should hit, message that should not)
        let cases: Vec<(&str, String, String)> = vec![
            ("GTUBE", plain("test", gtube), plain("test", &gtube.replace("SPAM", "SPAN"))),
            ("MISSING_DATE", without("Date"), plain("Lịch họp", "x")),
            ("MISSING_MID", without("Message-ID"), plain("Lịch họp", "x")),
            ("MISSING_FROM", without("From"), plain("Lịch họp", "x")),
            ("MISSING_SUBJECT", without("Subject"), plain("Lịch họp", "x")),
            ("INVALID_DATE", replace("Date", "hôm qua"), replace("Date", "30 Nov 2026 08:00 +0700")),
            ("INVALID_MSGID", replace("Message-ID", "12345"), replace("Message-ID", "<a.b@c>")),
            ("INVALID_FROM", replace("From", "nobody"), replace("From", "\"Văn thư\" <vanthu@lamdong.gov.vn>")),
            (
                "INVALID_FROM",
                replace("From", "\"Vietcombank\" <no-reply@vietcombank.com.vn@vcb-thongbao.example>"),
                replace("From", "\"Vietcombank\" <\"no-reply@vcb\"@vcb-thongbao.example>"),
            ),
            // "Văn phòng Sở <vanphong@sotttt.lamdong.gov.vn>" encoded whole, against the name
            // alone encoded.
            (
                "FROM_ADDRESS_ENCODED",
                replace(
                    "From",
                    "=?utf-8?b?VsSDbiBwaMOybmcgU+G7nyA8dmFucGhvbmdAc290dHR0LmxhbWRvbmcuZ292LnZuPg==?=",
                ),
                replace("From", "=?utf-8?b?VsSDbiBwaMOybmcgU+G7nw==?= <vanphong@sotttt.lamdong.gov.vn>"),
            ),
            // A bank's address as the name of another domain's address, against an address as
            // the name of one of the same domain's.
            (
                "FROM_NAME_ADDRESS_SPOOF",
                replace("From", "\"no-reply@vietcombank.com.vn\" <thongbao@vcb-thongbao.example>"),
                replace("From", "\"no-reply@vietcombank.com.vn\" <bounce@mail.vietcombank.com.vn>"),
            ),
            (
                "MIME_HTML_ONLY",
                html("<p>Kính gửi</p>"),
                format!(
                    "{HEAD}Subject: x\r\nContent-Type: multipart/alternative; boundary=A\r\n\r\n--A\r\n\
                     Content-Type: text/plain; charset=utf-8\r\n\r\nKính gửi\r\n--A\r\n\
                     Content-Type: text/html; charset=utf-8\r\n\r\n<p>Kính gửi</p>\r\n--A--\r\n"
                ),
            ),
            ("HTML_HIDDEN_TEXT", html(&hidden), html(preheader)),
            (
                "HTML_LINK_MISMATCH",
                html("<a href=\"http://vcb-secure.example/login\">www.vietcombank.com.vn</a>"),
                html("<a href=\"https://portal.vietcombank.com.vn/x\">www.vietcombank.com.vn</a> <a href=\"http://a.example/\">bấm vào đây</a>"),
            ),
            (
                "SUBJ_ALL_CAPS",
                plain("FREE MONEY WAITING FOR YOU", "x"),
                plain("Free money waiting for YOU", "x"),
            ),
            (
                "BODY_EXCESS_CAPS",
                plain("x", &"BUY NOW AND SAVE BIG ON EVERYTHING TODAY ONLY ".repeat(8)),
                plain("x", &"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKính gửi các sở, ban, ngành về việc triển khai kế hoạch năm. ".repeat(4)),
            ),
            (
                "CHARSET_MISMATCH",
                plain("x", english).replace("charset=utf-8", "charset=windows-1251"),
                plain("x", cyrillic).replace("charset=utf-8", "charset=windows-1251"),
            ),
            (
                "MIXED_SCRIPT_WORDS",
                plain("x", "Buy V\u{456}\u{430}gra and C\u{456}alis today"),
                plain("x", "Ủy ban nhân dân tỉnh Lâm Đồng đề nghị các đơn vị ưu tiên xử lý; Ελληνικά and English apart"),
            ),
            (
                "URL_SHORTENER",
                plain("x", "Xem tại http://bit.ly/3abc"),
                plain("x", "Xem tại https://bit.lyrics.example/3abc"),
            ),
            (
                "URL_NUMERIC_IP",
                html("<a href=\"http://192.0.2.7/login\">đăng nhập</a>"),
                html("<a href=\"http://192.0.2.7.example.com/login\">đăng nhập</a>"),
            ),
            ("ATTACH_EXEC_NAME", with_attachment("setup.exe"), with_attachment("bao-cao.pdf")),
            ("ATTACH_DOUBLE_EXT", with_attachment("hoa-don.pdf.exe"), with_attachment("cong-cu-v1.2.exe")),
            (
                "SPAM_PHRASES_EN",
                plain("x", "Act now: this is a limited time offer."),
                plain("x", "Act now, please: the limited timer. Clicking herein is fine."),
            ),
            (
                "SPAM_PHRASES_EN_MANY",
                plain("x", "Act now! A limited time offer. Click here to claim your prize, 100% free."),
                plain("x", "Act now: this is a limited time offer."),
            ),
            (
                "SPAM_PHRASES_VI",
                plain("x", "Chúc mừng bạn đã trúng thưởng! Nhấn vào đây."),
                plain("x", "Sở Công Thương thông báo đăng ký chương trình khuyến mại theo quy định."),
            ),
            (
                "SPAM_PHRASES_VI_MANY",
                plain("x", "Chúc mừng bạn đã trúng thưởng! Nhấn vào đây để nhận thưởng miễn phí, số lượng có hạn."),
                plain("x", "Chúc mừng bạn đã trúng thưởng! Nhấn vào đây."),
            ),
            (
                "ADULT_PHRASES",
                plain("x", "Hot teens, naked on live webcam"),
                plain("x", "Báo cáo kết quả hội nghị; ảnh hội nghị đính kèm."),
            ),
            ("SUBJ_EXCLAIM", plain("Giá sốc!!", "x"), plain("Giá điện tháng 11!", "x")),
            (
                "SUBJ_RANDOM_TAIL",
                plain("Weekly stock report vjf", "x"),
                plain("Báo cáo tuần 48 gửi Sở TTTT", "x"),
            ),
            ("BODY_EXCLAIM", plain("x", "Mua ngay!!!"), plain("x", "Khẩn!")),
            (
                "HTML_IMAGE_ONLY",
                html("<img src=\"http://x.example/a.png\"><p>Xem ảnh</p>"),
                html(&format!("<img src=\"cid:logo\"><p>{}</p>", "Kính gửi các đơn vị về việc triển khai. ".repeat(20))),
            ),
            (
                "HTML_IMAGE_FEW_WORDS",
                // A logo and some 300 letters; a logo and a page of text.
                html(&format!("<img src=\"cid:logo\"><p>{}</p>", "Kính gửi các đơn vị về việc triển khai. ".repeat(10))),
                html(&format!("<img src=\"cid:logo\"><p>{}</p>", "Kính gửi các đơn vị về việc triển khai. ".repeat(20))),
            ),
            (
                "HTML_FONT_LARGE",
                html("<font size=\"+5\">GIẢM GIÁ</font>"),
                html("<font size=\"3\">Thông báo</font>"),
            ),
            // Issue 19: English bulk-mail and fraud signs.
            (
                "SCAM_ADVANCE_FEE_EN",
                plain("x", "I am a barrister. Next of kin of the deceased; transfer the sum in strictest confidence."),
                plain("x", "The fund transfer for the project is confidential until the board meets."),
            ),
            (
                "BULK_REMOVE_EN",
                plain("x", "You received this because you are on our opt-in list. To be removed, reply."),
                plain("x", "Please remove the old draft from the shared folder."),
            ),
            (
                "PROMISE_PHRASES_EN",
                plain("x", "Guaranteed results, no risk and no obligation."),
                plain("x", "We guarantee the meeting room for Monday."),
            ),
            ("MONEY_LARGE", plain("x", "Earn $1,000,000 now"), plain("x", "The ticket costs $25.")),
            (
                "REPLYTO_FREEMAIL",
                replace("To", "b@lamdong.gov.vn\r\nReply-To: claims@hotmail.com"),
                replace("To", "b@lamdong.gov.vn\r\nReply-To: vanthu@lamdong.gov.vn"),
            ),
            ("FROM_NAME_DIGITS", replace("From", "sale8812@example.com"), replace("From", "lannguyen1978@gmail.com")),
            ("SUBJ_SPACES", plain("Lose weight          8812", "x"), plain("Lịch họp tuần 48", "x")),
            ("SUBJ_ADV", plain("ADV: Lowest rates", "x"), plain("Advance notice of the meeting", "x")),
            ("SUBJ_NUMBER_TAIL", plain("Special offer 10.12", "x"), plain("Báo cáo năm 2025", "x")),
            ("GREETING_UNNAMED", plain("x", "Dear friend, I write to you"), plain("x", "Dear Mr. Nam, I write to you")),
            (
                "XMAILER_BULK",
                replace("To", "b@lamdong.gov.vn\r\nX-Mailer: Group Mail Express V1.0"),
                replace("To", "b@lamdong.gov.vn\r\nX-Mailer: Microsoft Outlook 16.0"),
            ),
            ("TO_UNDISCLOSED", replace("To", "undisclosed-recipients:;"), replace("To", "b@lamdong.gov.vn")),
            (
                "URL_CHEAP_TLD",
                plain("x", "Xem tại https://uudai.vip/nhan"),
                plain("x", "Xem tại https://vipsite.example.com/top"),
            ),
            // Issue 19: Vietnamese scams, and the warnings about them that must not hit.
            (
                "VI_LOAN",
                plain("x", "Vay tiền nhanh, giải ngân trong ngày, chỉ cần CCCD."),
                plain("x", "Cảnh báo thủ đoạn lừa đảo: đối tượng mời vay tiền nhanh, giải ngân trong ngày, chỉ cần CCCD. Đề nghị nâng cao cảnh giác."),
            ),
            (
                "VI_GAMBLING",
                plain("x", "Nhà cái uy tín số 1: nổ hũ, tài xỉu, thưởng nạp đầu."),
                plain("x", "Công an triệt phá đường dây đánh bạc qua mạng, cá độ bóng đá; đối tượng bị khởi tố."),
            ),
            (
                "VI_PRIZE",
                plain("x", "Chúc mừng bạn đã trúng thưởng xe SH, nộp phí vận chuyển để nhận quà."),
                plain("x", "Chúc mừng bạn đã hoàn thành khóa học."),
            ),
            (
                "VI_AUTHORITY_DEMAND",
                from_outside(plain(
                    "x",
                    "Cơ quan công an yêu cầu chuyển tiền vào tài khoản tạm giữ trong vòng 24 giờ.",
                )),
                from_outside(plain(
                    "x",
                    "Công an tỉnh cảnh báo thủ đoạn giả danh công an yêu cầu chuyển tiền vào tài khoản tạm giữ.",
                )),
            ),
            (
                "VI_AUTHORITY_LINK",
                plain("x", "Vietcombank: tài khoản bị khóa, xác minh tại https://vcb-verify.example/login"),
                plain("x", "Vietcombank: tài khoản bị khóa, xác minh tại https://www.vietcombank.com.vn/xac-minh"),
            ),
            (
                "VI_WEBMAIL_PHISH",
                plain("x", "Hộp thư của bạn đã đầy, đăng nhập để xác nhận."),
                plain("x", "Hộp thư của phòng dùng để nhận văn bản."),
            ),
            (
                "VI_WEBMAIL_LINK",
                plain("x", "Hộp thư đã đầy, đăng nhập tại https://mail-upgrade.example/login"),
                plain("x", "Hộp thư đã đầy, đăng nhập tại https://mail.lamdong.gov.vn"),
            ),
            (
                "EN_WEBMAIL_PHISH",
                plain(
                    "x",
                    "You have received a scanned document. Sign in with your email password to view it.",
                ),
                plain("x", "The scanned document of the contract is attached; please sign it."),
            ),
            (
                "EN_WEBMAIL_LINK",
                plain("x", "Your mailbox is full. Verify your account at https://mail-upgrade.example/login"),
                plain("x", "Your mailbox is full. Verify your account at https://mail.lamdong.gov.vn"),
            ),
            (
                "VI_INVESTMENT",
                plain("x", "Đầu tư tiền điện tử, lợi nhuận 5% mỗi ngày, cam kết không rủi ro."),
                plain("x", "Báo cáo tiến độ đầu tư công và lợi nhuận của doanh nghiệp nhà nước."),
            ),
            (
                "VI_JOB_SCAM",
                plain("x", "Tuyển cộng tác viên làm nhiệm vụ tại nhà, thu nhập 500K mỗi ngày, liên hệ Zalo."),
                plain("x", "Thông báo tuyển dụng viên chức năm 2026."),
            ),
            (
                "VI_ADVANCE_FEE",
                plain("x", "Kiện hàng quà từ nước ngoài đang giữ tại sân bay, nộp phí thông quan để nhận."),
                plain("x", "Gói hàng của bạn đã được giao."),
            ),
            (
                "VI_CONTACT_CHAT",
                plain("x", "Liên hệ Zalo 0912 345 678 để được tư vấn"),
                plain("x", "Điện thoại cơ quan: 0263 382 2222"),
            ),
            (
                "FROM_FREEMAIL",
                replace("From", "hotro.vaynhanh@gmail.com"),
                replace("From", "vanthu@lamdong.gov.vn"),
            ),
            (
                "VI_MONEY_DEMAND",
                plain("x", "Quý khách vui lòng nộp phí vận chuyển để nhận quà."),
                // A fee waived asks for none.
                plain(
                    "x",
                    "Đơn vị nộp báo cáo về Sở trước ngày 10. Miễn phí vận chuyển, lắp đặt; \
                     không thu phí hồ sơ.",
                ),
            ),
            (
                "VI_FAVOUR_FRAUD",
                plain("x", "Giám đốc đang họp, nhờ anh mua giúp thẻ cào, gửi mã thẻ qua email, việc gấp."),
                plain("x", "Giám đốc đang họp, chiều anh gửi giúp em báo cáo nhé."),
            ),
            (
                "VI_EXTORTION",
                plain("x", "Tôi đã hack máy tính của bạn và ghi lại video. Chuyển 1.000 USD bằng Bitcoin trong 48 giờ."),
                plain("x", "Cảnh báo thủ đoạn tống tiền: đối tượng tự xưng đã hack máy tính của bạn, đòi Bitcoin trong 48 giờ."),
            ),
            (
                "VI_DISCOUNT",
                plain("x", "Khuyến mãi cuối năm: giảm 40% tất cả sản phẩm"),
                plain("x", "Tỷ lệ giải ngân đạt 40% kế hoạch"),
            ),
            (
                "VI_URGENCY",
                plain("x", "Nhanh tay đăng ký, đừng bỏ lỡ!"),
                plain("x", "Đề nghị các đơn vị gửi báo cáo đúng hạn."),
            ),
            (
                "DOMAIN_LOOKALIKE",
                plain("x", "Đăng nhập: https://mail.lamdong-gov.vn/login"),
                plain("x", "Đăng nhập: https://mail.lamdong.gov.vn/login"),
            ),
            (
                "GOV_LINK_MISMATCH",
                html("<a href=\"http://phat-nguoi.example/\">dichvucong.gov.vn</a>"),
                html("<a href=\"https://dichvucong.gov.vn/p/home\">dichvucong.gov.vn</a>"),
            ),
            (
                "FROM_AUTHORITY_CLAIM",
                replace("From", "=?UTF-8?Q?C=C3=B4ng_an_t=E1=BB=89nh?= <congan.pa05@gmail.com>"),
                replace("From", "=?UTF-8?Q?C=C3=B4ng_an_t=E1=BB=89nh?= <pa05@congan.lamdong.gov.vn>"),
            ),
            (
                "VI_CREDENTIAL_DEMAND",
                plain(
                    "Chi trả hỗ trợ",
                    "Đề nghị đồng chí cung cấp họ tên, số tài khoản và mã OTP để phòng chuyển khoản.",
                ),
                plain(
                    "Cảnh giác",
                    "Ngân hàng không bao giờ yêu cầu khách hàng cung cấp mã OTP qua email.",
                ),
            ),
            (
                "FROM_ORG_FREEMAIL",
                replace("From", "\"J&T Express\" <jnt.giaohang@gmail.com>"),
                replace("From", "\"J&T Express\" <cskh@jtexpress.vn>"),
            ),
            (
                "VI_PHONE_CONTACT",
                plain("x", "Đặt hàng: liên hệ 0912 345 678 (Mr Tuấn)."),
                plain("x", "Mọi thắc mắc xin liên hệ tổng đài 1900 545481 hoặc số 0263 3822 111."),
            ),
            (
                "VI_ILLICIT_SERVICE",
                plain(
                    "Làm bằng",
                    "Nhận làm bằng đại học, không cần thi, có hồ sơ gốc, bảo mật tuyệt đối, giao hàng toàn quốc.",
                ),
                plain(
                    "Cảnh báo",
                    "Công an tỉnh triệt phá đường dây làm bằng đại học giả, khởi tố 5 đối tượng; cảnh báo người dân.",
                ),
            ),
            (
                "URL_FREE_HOSTING",
                plain("x", "Xem tài liệu: https://xem-tai-lieu.web.app/view"),
                plain("x", "Xem tài liệu: https://webapp.lamdong.gov.vn/view"),
            ),
            (
                "VI_ADVERTISING",
                plain(
                    "Nội thất",
                    "Bàn ghế văn phòng giá tận xưởng, miễn phí giao hàng, báo giá qua hotline.",
                )
                .replace("a@sotttt.lamdong.gov.vn", "banhang@noithat-dalat.vn"),
                // The same words from a government address: the state's programme, not an ad.
                plain(
                    "Nội thất",
                    "Bàn ghế văn phòng giá tận xưởng, miễn phí giao hàng, báo giá qua hotline.",
                ),
            ),
        ];
        for (symbol, hit, miss) in &cases {
            // A check's "many" symbol stands in for it.
            let its = |s: &String| s == symbol || *s == format!("{symbol}_MANY");
            let h = symbols(hit);
            assert!(h.iter().any(its), "{symbol} should hit: {h:?}\n{hit}");
            let m = symbols(miss);
            assert!(!m.iter().any(its), "{symbol} should not hit: {m:?}\n{miss}");
        }
        // Every rule of the built-in set has a case here (the classifier bands are tested apart).
        let r = rules();
        for s in r.checks.iter().map(|c| c.symbol.as_str()) {
            assert!(
                cases.iter().any(|(c, _, _)| *c == s) || s.starts_with("FORGED_LOCAL"),
                "no test case for {s}"
            );
        }
    }

    /// An address encoded whole with the name is read from there: no INVALID_FROM, no claim of an
    /// authority the address itself answers, and a province address so hidden is still forged
    /// when it comes from outside.
    #[test]
    fn an_address_encoded_with_the_name_is_read_from_it() {
        let hidden = replace(
            "From",
            "=?utf-8?b?VsSDbiBwaMOybmcgU+G7nyA8dmFucGhvbmdAc290dHR0LmxhbWRvbmcuZ292LnZuPg==?=",
        );
        let s = symbols(&hidden);
        assert!(s.contains(&"FROM_ADDRESS_ENCODED".to_owned()), "{s:?}");
        assert!(
            !s.iter()
                .any(|s| s == "INVALID_FROM" || s == "FROM_AUTHORITY_CLAIM"),
            "{s:?}"
        );
        let s = symbols_with(&hidden, &outside_client("x@example.com"));
        assert!(s.contains(&"FORGED_LOCAL_FROM".to_owned()), "{s:?}");
        // What is no address stays none.
        use crate::message::{address_in_name, from_address_in_name};
        assert_eq!(address_in_name("Văn phòng <không có>"), None);
        assert_eq!(address_in_name("A <a b@x.vn>"), None);
        assert_eq!(
            address_in_name("\"Văn thư\" <vt@x.vn> "),
            Some(("Văn thư", "vt@x.vn"))
        );
        // The same read from a message's bytes (as the authentication checks do).
        assert_eq!(
            from_address_in_name(hidden.as_bytes()).as_deref(),
            Some("vanphong@sotttt.lamdong.gov.vn")
        );
        assert_eq!(from_address_in_name(plain("x", "y").as_bytes()), None);
    }

    /// The envelope of a message from an outside client that did not authenticate.
    fn outside_client(mail_from: &str) -> Envelope {
        Envelope {
            client_addr: Some("203.0.113.5".parse().expect("ip")),
            mail_from: mail_from.into(),
            ..Envelope::default()
        }
    }

    #[test]
    fn a_local_sender_from_outside_is_forged() {
        let msg = plain("Lịch họp", "Kính gửi các đồng chí.");
        let outside = outside_client("a@sotttt.lamdong.gov.vn");
        let s = symbols_with(&msg, &outside);
        assert!(s.contains(&"FORGED_LOCAL_FROM".to_owned()), "{s:?}");
        assert!(s.contains(&"FORGED_LOCAL_ENVFROM".to_owned()), "{s:?}");
        // Near misses: the same client after SMTP AUTH; an internal client; an outside sender.
        let authenticated = Envelope {
            auth_user: Some("a".into()),
            ..outside.clone()
        };
        let internal = Envelope {
            client_addr: Some("127.0.0.1".parse().expect("ip")),
            ..outside.clone()
        };
        let stranger = Envelope {
            mail_from: "x@example.com".into(),
            ..outside.clone()
        };
        for env in [&authenticated, &internal] {
            let s = symbols_with(&msg, env);
            assert!(!s.iter().any(|s| s.starts_with("FORGED_LOCAL")), "{env:?}: {s:?}");
        }
        let s = symbols_with(
            &msg.replace("a@sotttt.lamdong.gov.vn", "x@example.com"),
            &stranger,
        );
        assert!(!s.iter().any(|s| s.starts_with("FORGED_LOCAL")), "{s:?}");
        // Without a client address (canhgac scan) nothing is claimed.
        let s = symbols(&msg);
        assert!(!s.iter().any(|s| s.starts_with("FORGED_LOCAL")), "{s:?}");
    }

    #[test]
    fn plain_vietnamese_is_not_a_charset_trick() {
        // rspamd's R_MIXED_CHARSET scores ordinary Vietnamese: letters from Latin-1, Latin
        // Extended-A/B and Latin Extended Additional in one word. All Latin here.
        let text = "Căn cứ Luật Bảo vệ bí mật nhà nước; Ủy ban nhân dân tỉnh Lâm Đồng đề nghị \
            các sở, ban, ngành thực hiện nghiêm túc. Trường hợp phát hiện, báo cáo ngay.";
        for cs in ["utf-8", "windows-1258"] {
            let msg = plain("Về việc triển khai", text).replace("charset=utf-8", &format!("charset={cs}"));
            let s = symbols(&msg);
            assert!(s.is_empty(), "{cs}: {s:?}");
        }
        assert!(
            text.chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| Script::of(c) == Script::Latin)
        );
    }

    /// Issue 19: a scam kind fires on its words, not when the text warns about the scam; spam
    /// written without Vietnamese marks is read as well; look-alike hosts, a .gov.vn link text
    /// leading elsewhere and an authority claimed from a free-mail address are named.
    #[test]
    fn vietnamese_scams_and_impersonation() {
        let has = |raw: &str, sym: &str| symbols(raw).iter().any(|s| s.starts_with(sym));
        let loan = "Vay tiền nhanh chỉ cần CCCD, không thẩm định, giải ngân trong ngày.";
        assert!(
            has(&plain("Vay nhanh", loan), "VI_LOAN"),
            "{:?}",
            symbols(&plain("Vay nhanh", loan))
        );
        let bare = "Vay tien nhanh chi can CCCD, khong tham dinh, giai ngan trong ngay.";
        assert!(
            has(&plain("Vay nhanh", bare), "VI_LOAN"),
            "{:?}",
            symbols(&plain("x", bare))
        );
        let warning = "Cảnh báo thủ đoạn lừa đảo: đối tượng mời vay tiền nhanh chỉ cần CCCD, \
            không thẩm định, giải ngân trong ngày rồi đòi phí. Đề nghị nâng cao cảnh giác.";
        assert!(!has(&plain("Cảnh báo", warning), "VI_LOAN"));
        // An English text never matches folded Vietnamese single words ("vay", "lai").
        let english = "Lai Chau and the bay of Ha Long: a travel report with no loan in it.";
        assert!(
            symbols(&plain("Travel", english))
                .iter()
                .all(|s| !s.starts_with("VI_"))
        );

        let tax = "Cơ quan thuế thông báo hoàn thuế. Vui lòng cài đặt ứng dụng và cập nhật thông \
            tin cá nhân trong vòng 24 giờ: https://etax-hoanthue.com/app";
        let s = symbols(&from_outside(plain("Hoàn thuế", tax)));
        for want in ["VI_AUTHORITY_DEMAND", "VI_AUTHORITY_LINK", "DOMAIN_LOOKALIKE"] {
            assert!(s.iter().any(|x| x == want), "{want}: {s:?}");
        }
        // A tax office's own reminder to file and pay names it and asks for payment too: not
        // a scam from its own .gov.vn address; the same words from outside are.
        let reminder = "Cục Thuế tỉnh thông báo thời hạn nộp hồ sơ khai thuế thu nhập cá nhân quý IV. Đề \
            nghị người nộp thuế nộp tiền thuế đúng hạn để tránh bị xử phạt.";
        let own = plain("Thông báo", reminder).replace(
            "From: Nguyễn Văn A <a@sotttt.lamdong.gov.vn>",
            "From: Cục Thuế <thongbao@lamdong.gdt.gov.vn>",
        );
        assert!(
            !symbols(&own).iter().any(|x| x.starts_with("VI_AUTHORITY_DEMAND")),
            "{:?}",
            symbols(&own)
        );
        let forged = own.replace("lamdong.gdt.gov.vn", "gdt-gov.vn");
        assert!(
            symbols(&forged)
                .iter()
                .any(|x| x.starts_with("VI_AUTHORITY_DEMAND")),
            "{:?}",
            symbols(&forged)
        );
        // The tax office's own notice, linking to its own site: no link symbol, no look-alike.
        let own = "Cục Thuế hướng dẫn quyết toán. Nộp hồ sơ tại https://thuedientu.gdt.gov.vn";
        let s = symbols(&plain("Hướng dẫn", own));
        assert!(s.is_empty(), "{s:?}");

        let link = html("<a href='http://dvc-gov.vn/phat'>dichvucong.gov.vn</a> nộp phạt");
        let s = symbols(&link);
        assert!(s.iter().any(|x| x == "GOV_LINK_MISMATCH"), "{s:?}");
        assert!(s.iter().any(|x| x == "DOMAIN_LOOKALIKE"), "{s:?}");

        let claimed = plain("Thông báo", "Nội dung").replace(
            "From: Nguyễn Văn A <a@sotttt.lamdong.gov.vn>",
            "From: =?UTF-8?Q?C=E1=BB=A5c_Thu=E1=BA=BF?= <cucthue@gmail.com>",
        );
        assert!(has(&claimed, "FROM_AUTHORITY_CLAIM"), "{:?}", symbols(&claimed));
        assert!(!has(&plain("Thông báo", "Nội dung"), "FROM_AUTHORITY_CLAIM"));
    }

    /// A stretch of hits is as good as the distinct items of each group it holds, and its
    /// hits start less than a passage apart; everything counts together with no passage.
    #[test]
    fn the_best_passage_holds_the_most_hits_close_together() {
        let hits = [
            (0, (0, 1)),
            (10, (0, 2)),
            (500, (0, 3)),
            (520, (0, 4)),
            (530, (0, 3)),
            (540, (0, 5)),
        ];
        let distinct = |d: &[usize]| d.first().copied();
        let best = best_passage(&hits, 1, 100, distinct).expect("a passage");
        assert_eq!(best, &hits[2..]);
        assert_eq!(best_passage(&hits, 1, usize::MAX, distinct), Some(&hits[..]));
        // Two groups, each needing two distinct items: only the stretch from 500 on has them.
        let grouped = [
            (0, (0, 1)),
            (5, (1, 1)),
            (500, (0, 2)),
            (510, (1, 2)),
            (520, (0, 3)),
            (530, (1, 1)),
        ];
        let both = |d: &[usize]| (d[0] >= 2 && d[1] >= 2).then(|| d[0] + d[1]);
        assert_eq!(best_passage(&grouped, 2, 100, both), Some(&grouped[2..]));
        assert_eq!(best_passage(&grouped, 2, 10, both), None);
        assert_eq!(best_passage(&[], 1, 100, distinct), None);
    }

    /// Phrases counted together, and the signs of a meta, count within one passage of the
    /// body: the same words far apart in a long document are not a pitch.
    #[test]
    fn phrases_and_signs_count_together_only_within_a_passage() {
        let filler = "Các đơn vị triển khai thực hiện theo kế hoạch của tỉnh. ".repeat(60);
        let investment = [
            "Đầu tư vàng cùng đội ngũ chuyên gia.",
            "Lợi nhuận lớn.",
            "Theo tín hiệu của nhóm.",
        ];
        let together = plain("Thông báo", &investment.join(" "));
        assert!(has(&together, "VI_INVESTMENT"), "{:?}", symbols(&together));
        let apart = plain("Thông báo", &investment.join(&format!(" {filler} ")));
        assert!(!has(&apart, "VI_INVESTMENT"), "{:?}", symbols(&apart));
        // Close together after a long start still counts.
        let late = plain("Thông báo", &format!("{filler} {}", investment.join(" ")));
        assert!(has(&late, "VI_INVESTMENT"), "{:?}", symbols(&late));

        let signs = [
            "Kính gửi quý khách.",
            "Tài khoản sẽ bị khóa.",
            "Vui lòng xác nhận trong vòng 24 giờ.",
            "Nhận ngay quà tặng.",
        ];
        let shape = |body: &str| {
            symbols(&plain("Thông báo", body))
                .iter()
                .any(|s| s.starts_with("VI_SCAM_SHAPE"))
        };
        assert!(shape(&signs.join(" ")));
        assert!(shape(&format!("{filler} {}", signs.join(" "))));
        let short = "Các đơn vị triển khai thực hiện. ".repeat(5);
        assert!(!shape(&signs.join(&format!(" {filler} "))));
        // A short text counts as a whole, however its signs are spread.
        assert!(shape(&signs.join(&format!(" {short} "))));
    }

    /// A shop's own mail about an order ("delivered; review the product for Lazada coins") is
    /// not a job scam, and ShopeePay's own domain is not a look-alike of Shopee's; the same
    /// words or names from elsewhere still are.
    #[test]
    fn a_shops_own_mail_is_not_a_scam_in_its_name() {
        let from = |address: &str| format!("From: Lazada <{address}>");
        let delivered = plain(
            "Đơn hàng đã được giao",
            "Đơn hàng 3214ABC của bạn đã được giao thành công. Đánh giá sản phẩm để nhận xu Lazada.",
        );
        let own = delivered.replace(
            "From: Nguyễn Văn A <a@sotttt.lamdong.gov.vn>",
            &from("info@mail.lazada.vn"),
        );
        assert!(!has(&own, "VI_JOB_SCAM"), "{:?}", symbols(&own));
        let other = delivered.replace(
            "From: Nguyễn Văn A <a@sotttt.lamdong.gov.vn>",
            &from("tuyendung@gmail.com"),
        );
        assert!(has(&other, "VI_JOB_SCAM"), "{:?}", symbols(&other));

        let paid = |address: &str| {
            plain(
                "Thanh toán thành công",
                "Bạn đã thanh toán 89.000đ cho đơn hàng 2412ABCD bằng ShopeePay.",
            )
            .replace(
                "From: Nguyễn Văn A <a@sotttt.lamdong.gov.vn>",
                &format!("From: ShopeePay <{address}>"),
            )
        };
        assert!(
            !has(&paid("no-reply@shopeepay.vn"), "DOMAIN_LOOKALIKE"),
            "{:?}",
            symbols(&paid("no-reply@shopeepay.vn"))
        );
        assert!(has(&paid("no-reply@shopeepay-xacthuc.com"), "DOMAIN_LOOKALIKE"));
    }

    #[test]
    fn classifier_bands() {
        let r = rules();
        let sym = |p: f64| r.band_finding(p, "").map(|f| f.symbol);
        assert_eq!(sym(0.0).as_deref(), Some("BAYES_HAM_99"));
        assert_eq!(sym(0.15), None);
        assert_eq!(sym(0.3).as_deref(), Some("BAYES_SPAM_20"));
        // A model that knows few of the words, or has seen too little ham of the message's
        // language, gives no opinion.
        let judged = |known_share: f64, language_hams: u32| Scored {
            probability: 0.9999,
            known_share,
            language: crate::spam::bayes::Language::Vietnamese,
            language_hams,
        };
        assert_eq!(r.bayes_opinion(&judged(0.1, 1000)), None);
        assert_eq!(r.bayes_opinion(&judged(0.9, 0)), None);
        assert!(r.bayes_opinion(&judged(0.5, 1000)).is_some());
        assert_eq!(sym(0.5).as_deref(), Some("BAYES_SPAM_50"));
        assert_eq!(sym(1.0).as_deref(), Some("BAYES_SPAM_999"));
    }

    /// Issue 19: many weak signs together say "scam" where no list knows the words; each sign
    /// of the built-in set fires on this one message, and an ordinary bill (money, a request to
    /// pay, a date) has too few of them.
    #[test]
    fn many_weak_signs_together_make_a_scam_shape() {
        let scam = replace("From", "\"Ban tổ chức\" <bantochuc.2026@gmail.com>").replace(
            "Kính gửi các đồng chí.",
            "Chào bạn, quý khách được chọn nhận quà trị giá 5.000.000đ. Vui lòng nhập số tài khoản \
             và mã OTP tại https://nhan-qua-tet.top/x trong hôm nay, nếu không tài khoản sẽ bị khóa. \
             Liên hệ 0912 345 678. Giữ bí mật giúp chúng tôi; quà đổi ra tiền sinh lời 2% mỗi ngày.",
        );
        let found = findings_with(&scam, &Envelope::default());
        let shape = found
            .iter()
            .find(|f| f.symbol.starts_with("VI_SCAM_SHAPE"))
            .unwrap_or_else(|| panic!("no shape: {found:?}"));
        assert_eq!(shape.symbol, "VI_SCAM_SHAPE_6", "{found:?}");
        let r = rules();
        let of = &r
            .metas
            .iter()
            .find(|m| m.levels[0].1 == "VI_SCAM_SHAPE")
            .expect("the scam-shape meta")
            .of;
        for s in r.signs.iter().filter(|s| of.contains(&s.symbol)) {
            assert!(
                shape.detail.contains(&s.symbol.to_ascii_lowercase()),
                "{} did not fire: {}",
                s.symbol,
                shape.detail
            );
        }
        let bill = plain(
            "Hóa đơn tiền nước tháng 11",
            "Công ty cấp nước thông báo tiền nước tháng 11 của khách hàng là 186.400đ. \
             Vui lòng thanh toán trước ngày 15/12 qua ứng dụng hoặc tại quầy.",
        );
        let s = symbols(&bill);
        assert!(!s.iter().any(|s| s.starts_with("VI_SCAM_SHAPE")), "{s:?}");
        // A bank's own statement notice carries sums, a request, "quý khách" and an account
        // number: from the bank's own domain it is no scam's shape, from free mail it is.
        let notice = |from: &str| {
            replace("From", from).replace(
                "Kính gửi các đồng chí.",
                "Kính gửi Quý khách, sao kê tài khoản tháng 11: số tài khoản 0071000012345, số dư \
                 cuối kỳ 987.654.321 VND. Mọi thắc mắc xin liên hệ Hotline 1900 54 54 13.",
            )
        };
        let shape = |from: &str| {
            symbols(&notice(from))
                .into_iter()
                .any(|s| s.starts_with("VI_SCAM_SHAPE"))
        };
        assert!(!shape("Vietcombank <VCBstatement@info.vietcombank.com.vn>"));
        assert!(shape("Vietcombank <vcb.saoke@gmail.com>"));
    }

    /// A legal text numbering three articles (the Penal Code on fraud) uses the scams' words:
    /// the Vietnamese content checks do not count; with two articles it is content like any
    /// other, and a fake fine numbering its articles keeps its link.
    #[test]
    fn a_legal_text_does_not_count_the_scams_words_it_uses() {
        let article = |n: u32| {
            format!(
                "Điều {n}. Tội lừa đảo chiếm đoạt tài sản\nNgười nào dùng thủ đoạn gian dối chiếm đoạt tài sản, \
                 hứa hẹn trúng thưởng, vay tiền nhanh không cần thế chấp, lãi suất thấp, yêu cầu nộp phí \
                 nhận thưởng, chuyển khoản ngay, thì bị phạt tù từ 06 tháng đến 03 năm.\n"
            )
        };
        let law = (174..177).map(article).collect::<String>();
        let s = symbols(&plain("Bộ luật Hình sự 2015", &law));
        assert!(s.iter().any(|s| s == "VI_LEGAL_TEXT"), "{s:?}");
        assert!(!s.iter().any(|s| s.starts_with("SPAM_PHRASES_VI")), "{s:?}");
        let two = (174..176).map(article).collect::<String>();
        let s = symbols(&plain("Bộ luật Hình sự 2015", &two));
        assert!(!s.iter().any(|s| s == "VI_LEGAL_TEXT"), "{s:?}");
        assert!(s.iter().any(|s| s.starts_with("SPAM_PHRASES_VI")), "{s:?}");
        let fine = plain(
            "Quyết định xử phạt vi phạm giao thông",
            "Điều 1. Xử phạt ông/bà số tiền 3.500.000 đồng.\nĐiều 2. Nộp phạt trong 24 giờ tại \
             https://csgt-vietcombank.top/nopphat.\nĐiều 3. Quá hạn sẽ bị cưỡng chế.",
        );
        let s = symbols(&fine);
        assert!(s.iter().any(|s| s == "VI_LEGAL_TEXT"), "{s:?}");
        for kept in ["DOMAIN_LOOKALIKE", "URL_CHEAP_TLD"] {
            assert!(s.iter().any(|s| s == kept), "{kept}: {s:?}");
        }
    }

    /// A warning against scams (a subject naming one, tactics described, advice given) quotes
    /// the scams' words: the Vietnamese content checks they match do not count, and the meta
    /// names them. Without the subject the same text is judged as before, and a phishing mail
    /// dressed as a warning keeps what its link and its sender say.
    #[test]
    fn a_warning_against_scams_does_not_count_what_it_quotes() {
        let body = "Các đối tượng lừa đảo quảng cáo vay tiền nhanh, không cần thế chấp, lãi suất thấp, \
             nhắn tin trúng thưởng yêu cầu nộp phí nhận thưởng, tuyển việc nhẹ lương cao. \
             Đề nghị tuyên truyền để Nhân dân cảnh giác, tuyệt đối không chuyển tiền cho người lạ.";
        let warning = findings_with(&plain("Cảnh báo thủ đoạn lừa đảo", body), &Envelope::default());
        let meta = warning
            .iter()
            .find(|f| f.symbol == "VI_SCAM_WARNING")
            .unwrap_or_else(|| panic!("no warning: {warning:?}"));
        assert!(
            meta.detail.contains("not counted: SPAM_PHRASES_VI_MANY"),
            "{}",
            meta.detail
        );
        assert_eq!(meta.why.as_ref().map(|w| w.key.as_str()), Some("meta_cancels"));
        assert_eq!(warning.len(), 1, "{warning:?}");
        // The same body under another subject is content like any other.
        let s = symbols(&plain("Thông tin", body));
        assert!(s.iter().any(|s| s == "SPAM_PHRASES_VI_MANY"), "{s:?}");
        assert!(!s.iter().any(|s| s == "VI_SCAM_WARNING"), "{s:?}");
        // A phishing mail in a warning's words still has its look-alike sender and link.
        let phish = plain(
            "Cảnh báo giả mạo: xác minh tài khoản",
            "Các đối tượng giả mạo đang dùng tài khoản của quý khách. Vui lòng xác minh tại \
             https://vietcombank-xacminh.top/login trong 24 giờ. Tuyệt đối không cung cấp mã OTP.",
        )
        .replace("a@sotttt.lamdong.gov.vn", "baomat@vietcombank-canhbao.top");
        let s = symbols(&phish);
        assert!(s.iter().any(|s| s == "VI_SCAM_WARNING"), "{s:?}");
        for kept in ["DOMAIN_LOOKALIKE", "URL_CHEAP_TLD"] {
            assert!(s.iter().any(|s| s == kept), "{kept}: {s:?}");
        }
    }

    #[test]
    fn bad_metas_name_what_is_wrong() {
        let compile = |text: &str| {
            SpamRules::compile(text, Path::new("rules/spam.toml"))
                .expect_err("must be refused")
                .to_string()
        };
        let e = compile(&EMBEDDED.replace("\"SIGN_MONEY\", \"SIGN_ASK\",", "\"SIGN_MONY\", \"SIGN_ASK\","));
        assert!(
            e.contains("SIGN_MONY") && e.contains("names no sign or check"),
            "{e}"
        );
        let e = compile(&EMBEDDED.replace(
            "cancels = [\n    \"SPAM_PHRASES_VI\",",
            "cancels = [\n    \"SPAM_PHRASE_VI\",",
        ));
        assert!(
            e.contains("SPAM_PHRASE_VI") && e.contains("names no check or other meta"),
            "{e}"
        );
        let e = compile(&EMBEDDED.replace("\"VI_SCAM_SHAPE_6\",\n]", "\"VI_SCAM_WARNING\",\n]"));
        assert!(e.contains("VI_SCAM_WARNING") && e.contains("cancels"), "{e}");
        // A count of matches is the body's only, and at least one.
        let e = compile(&EMBEDDED.replace(
            "on = \"body\"\npattern = 'điều",
            "on = \"subject\"\npattern = 'điều",
        ));
        assert!(e.contains("min_matches") && e.contains("only on the body"), "{e}");
        let e = compile(&EMBEDDED.replace("min_matches = 3", "min_matches = 0"));
        assert!(e.contains("min_matches") && e.contains("at least 1"), "{e}");
        let e = compile(&EMBEDDED.replace("{ min = 6, symbol", "{ min = 5, symbol"));
        assert!(e.contains("grow from level to level"), "{e}");
        let e = compile(&EMBEDDED.replace("symbol = \"SIGN_HURRY\"", "symbol = \"VI_URGENCY\""));
        assert!(e.contains("VI_URGENCY") && e.contains("also a check"), "{e}");
        let e = compile(&EMBEDDED.replace("symbol = \"VI_SCAM_SHAPE_5\"", "symbol = \"VI_LOAN_MANY\""));
        assert!(e.contains("VI_LOAN_MANY") && e.contains("already a check"), "{e}");
        let e = compile(&EMBEDDED.replace("symbol = \"VI_MODEL_SPAM\"", "symbol = \"VI_LOAN\""));
        assert!(
            e.contains("vietnamese_model") && e.contains("VI_LOAN is already"),
            "{e}"
        );
        let e = compile(&EMBEDDED.replace("min_probability = 0.99", "min_probability = 0.2"));
        assert!(
            e.contains("min_probability") && e.contains("between 0.5 and 1"),
            "{e}"
        );
    }

    /// `enabled = false` turns the shipped Vietnamese model off; its symbol stays known (the
    /// scores may keep it), and without the section there is neither.
    #[test]
    fn the_vietnamese_model_can_be_turned_off() {
        assert!(rules().has_vietnamese_model());
        let off = SpamRules::compile(
            &EMBEDDED.replace(
                "[vietnamese_model]\nenabled = true",
                "[vietnamese_model]\nenabled = false",
            ),
            Path::new("spam.toml"),
        )
        .expect("compiles");
        assert!(!off.has_vietnamese_model());
        assert!(off.symbols().contains(&"VI_MODEL_SPAM"));
        assert_eq!(off.vietnamese_model_opinion(1.0), None);
    }

    #[test]
    fn named_domain_lists_are_expanded_and_an_unknown_name_is_an_error() {
        // "@state" in FROM_AUTHORITY_CLAIM's `official`: the Government Office writes from
        // chinhphu.vn, not a .gov.vn domain, and claims nothing; a look-alike of it does.
        let from = |f: &str| symbols(&replace("From", f));
        let vpcp = "=?UTF-8?Q?V=C4=83n_ph=C3=B2ng_Ch=C3=ADnh_ph=E1=BB=A7?=";
        let own = from(&format!("{vpcp} <hotro.baocao@chinhphu.vn>"));
        assert!(!own.contains(&"FROM_AUTHORITY_CLAIM".to_owned()), "{own:?}");
        let other = from(&format!("{vpcp} <hotro@chinhphu-vn.com>"));
        assert!(other.contains(&"FROM_AUTHORITY_CLAIM".to_owned()), "{other:?}");
        let bad = EMBEDDED.replace(
            "unless_from = [\"@state\", \"@institutions\"]",
            "unless_from = [\"@state\", \"@banks\"]",
        );
        assert_ne!(bad, EMBEDDED);
        let e = SpamRules::compile(&bad, Path::new("rules/spam.toml"))
            .expect_err("an unknown list")
            .to_string();
        assert!(
            e.contains("@banks") && e.contains("unless_from") && e.contains("[domains]"),
            "{e}"
        );
        let line: usize = e.split(':').nth(1).and_then(|l| l.parse().ok()).expect("a line");
        assert!(
            bad.lines().nth(line - 1).is_some_and(|l| l.contains("@banks")),
            "{e}"
        );
        let bad = EMBEDDED.replace("state = [\"gov.vn\",", "state = [\"@institutions\", \"gov.vn\",");
        assert_ne!(bad, EMBEDDED);
        let e = SpamRules::compile(&bad, Path::new("rules/spam.toml"))
            .expect_err("a list of lists")
            .to_string();
        assert!(
            e.contains("state") && e.contains("not the names of other lists"),
            "{e}"
        );
    }

    #[test]
    fn only_a_name_that_is_an_address_is_one() {
        for (name, want) in [
            ("\"no-reply@vietcombank.com.vn\"", Some("vietcombank.com.vn")),
            ("<mailto:giamdoc@snv.lamdong.gov.vn>", Some("snv.lamdong.gov.vn")),
            ("'ketoan@cty.vn.'", Some("cty.vn")),
            ("anh ba (ba@x.example)", None),
            ("ba@x.example via danh sách", None),
            ("@x.example", None),
            ("ba@localhost", None),
            ("văn thư", None),
        ] {
            assert_eq!(
                display_address(name).map(|(_, d)| d),
                want.map(str::to_owned),
                "{name}"
            );
        }
    }

    #[test]
    fn the_lottery_is_its_game_not_its_syllables() {
        // "lô" (a plot, a shipment) and "đề" (half of "đề nghị") are every official letter's.
        let bank = plain(
            "Xác nhận chi lương",
            "Đề nghị đơn vị kiểm tra: 02 khoản đã được hoàn trả về tài khoản của đơn vị. \
             Lô hàng thiết bị giao theo hợp đồng; đề xuất bổ sung kinh phí.",
        );
        assert!(
            !symbols(&bank).iter().any(|s| s.starts_with("VI_GAMBLING")),
            "{:?}",
            symbols(&bank)
        );
        let game = plain(
            "x",
            "Đánh đề online tỷ lệ 1 ăn 99, nạp rút siêu tốc trong 3 phút.",
        );
        assert!(
            symbols(&game).contains(&"VI_GAMBLING".to_owned()),
            "{:?}",
            symbols(&game)
        );
    }

    #[test]
    fn bad_rules_name_file_line_and_value() {
        let bad = EMBEDDED.replace(r"pattern = '^https?://", r"pattern = '^https?://(");
        let e = SpamRules::compile(&bad, Path::new("rules/spam.toml"))
            .expect_err("bad regex")
            .to_string();
        assert!(e.starts_with("rules/spam.toml:"), "{e}");
        assert!(e.contains("pattern") && e.contains("^https?://("), "{e}");
        let line: usize = e
            .split(':')
            .nth(1)
            .and_then(|l| l.parse().ok())
            .expect("a line number");
        assert!(
            bad.lines().nth(line - 1).is_some_and(|l| l.contains("pattern")),
            "{e}"
        );
        let bad = EMBEDDED.replace("test = \"html_only\"", "test = \"html_onl\"");
        let e = SpamRules::compile(&bad, Path::new("rules/spam.toml"))
            .expect_err("unknown test")
            .to_string();
        assert!(e.contains("html_onl"), "{e}");
        let bad = EMBEDDED.replace("from = 0.5\n", "from = 0.05\n");
        let e = SpamRules::compile(&bad, Path::new("rules/spam.toml"))
            .expect_err("overlap")
            .to_string();
        assert!(e.contains("overlap"), "{e}");
    }
}
