//! Passwords a message gives for its own attachments: «Mật khẩu giải nén: LD@2026», «pass là
//! 123456», «Password: x7Kq», a password alone on the line after «Mật khẩu:». An encrypted zip
//! member (ZipCrypto or WinZip AES), a PDF ([`super::pdf`]) or an Office file
//! ([`super::office_crypt`]) is tried with them, so what travels encrypted beside its key is
//! read for markings, YARA and clamd like any other member, not just held unread. This is
//! how leaks and malware are usually sent past gateways that hold or pass encrypted archives
//! blind; commercial gateways try the body's words the same way.
//!
//! The candidates are the words after a password keyword first (the subject's and the bodies'
//! lines), then every other word of 4–40 characters, at most [`MAX_CANDIDATES`]; a message
//! gets at most [`MAX_TRIES`] attempts in all (a WinZip AES attempt costs a PBKDF2 of 1,000
//! rounds) and [`MAX_ROUNDS`] hash rounds for formats that stretch each password (Office's
//! 100,000), and a password that opened one member is tried first on the next.

use crate::message::ParsedMessage;
use mail_parser::PartType;
use std::cell::OnceCell;

/// The most candidate passwords taken from one message.
pub const MAX_CANDIDATES: usize = 64;
/// The most attempts to open members with them, over the whole message.
pub const MAX_TRIES: usize = 400;
/// The most hash rounds spent stretching candidates into keys, over the whole message. An
/// Office document saved with a password stretches each one through 100,000 SHA-512 rounds
/// (Agile; 50,000 SHA-1 for Standard), some 30 ms an attempt here: this is 16 attempts at
/// Office's count, for the words after a keyword first, then the words with a digit or a sign.
pub const MAX_ROUNDS: u64 = 1_600_000;
/// The message text looked at: its first bytes of subject and bodies.
const MAX_TEXT_BYTES: usize = 64 * 1024;
/// Words this long or longer are not passwords people type from a letter.
const MAX_PASSWORD_CHARS: usize = 40;
/// Words after a keyword that may be the password (the rest of the line after «mật khẩu»).
const WORDS_AFTER_KEYWORD: usize = 4;

/// Password keywords, as their words fold (upper case, no diacritics: [`crate::vietnamese::fold`]).
const KEYWORDS: &[&[&str]] = &[
    &["MAT", "KHAU"],
    &["MATKHAU"],
    &["MAT", "MA"],
    &["MA", "GIAI", "NEN"],
    &["MA", "MO"],
    &["PASSWORD"],
    &["PASSWD"],
    &["PASSCODE"],
    &["PASS"],
    &["PWD"],
    &["PW"],
    &["MK"],
];

/// Words between a keyword and the password («mật khẩu *giải nén file là*: …»), as they fold.
const FILLERS: &[&str] = &[
    "LA", "IS", "GIAI", "NEN", "FILE", "TEP", "TAP", "TIN", "DE", "MO", "CUA", "CHO", "TAI", "LIEU", "DINH",
    "KEM", "THE", "TO", "OPEN", "UNZIP", "ZIP", "RAR", "PDF", "VA", "AND", "BEN", "DUOI", "SAU", "NHU",
    "FOR", "OF", "NAY", "O", "A", "CHI", "ANH", "EM", "NHE", "NHA", "-", ":", "=", "",
];

/// What one attempt with a password came to.
#[derive(Debug)]
pub enum Attempt<T> {
    Opened(T),
    /// Not the password.
    Wrong,
    /// No password will do: the file is damaged, of a kind not read, or time is up.
    Stop,
}

/// One member opened with a password from the message.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// The member's path (`ATTACHMENT > NAME`).
    pub path: String,
    pub password: String,
}

/// The message's candidate passwords (found on first use) and what they opened.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Passwords {
    /// The subject and the text bodies, as lines to look through.
    text: String,
    /// The HTML bodies, reduced to text when the candidates are first asked for.
    html: String,
    /// The candidates, and how many of them (at the front) follow a keyword.
    candidates: OnceCell<(Vec<String>, usize)>,
    tries: usize,
    rounds: u64,
    /// Members opened so far, in order.
    pub opened: Vec<Opened>,
}

impl Passwords {
    /// The passwords a parsed message may give: its subject and the text of its text and HTML
    /// bodies (the first [`MAX_TEXT_BYTES`]), looked through only when an encrypted member asks.
    pub fn of_message(parsed: &ParsedMessage<'_>) -> Passwords {
        let mut p = Passwords::default();
        if let Some(m) = parsed.message.as_ref() {
            if let Some(s) = m.subject() {
                push_bounded(&mut p.text, s);
            }
            for part in &m.parts {
                match &part.body {
                    PartType::Text(t) => push_bounded(&mut p.text, t),
                    // Reduced to text only if asked (most messages have no encrypted member).
                    PartType::Html(h) if p.html.len() < MAX_TEXT_BYTES * 4 => {
                        let room = MAX_TEXT_BYTES * 4 - p.html.len();
                        p.html.push_str(&h[..h.floor_char_boundary(room)]);
                        p.html.push('\n');
                    }
                    _ => {}
                }
            }
        }
        p
    }

    /// The passwords `text` gives (tests, and tools that have the text only).
    pub fn of_text(text: String) -> Passwords {
        Passwords {
            text,
            ..Passwords::default()
        }
    }

    /// The candidates, most likely first.
    pub fn candidates(&self) -> &[String] {
        &self.found().0
    }

    fn found(&self) -> &(Vec<String>, usize) {
        self.candidates.get_or_init(|| {
            let mut text = self.text.clone();
            if !self.html.is_empty() {
                push_bounded(&mut text, &super::html::to_text(&self.html));
            }
            candidates(&text)
        })
    }

    /// Attempts made so far.
    pub fn tries(&self) -> usize {
        self.tries
    }

    /// Tries `attempt` with each password, those that opened a member before first, within the
    /// message's [`MAX_TRIES`]; the first that gives a value is recorded as having opened `path`.
    pub fn open<T>(&mut self, path: &str, mut attempt: impl FnMut(&[u8]) -> Option<T>) -> Option<T> {
        self.open_stretched(path, 0, |password| {
            attempt(password.as_bytes()).map_or(Attempt::Wrong, Attempt::Opened)
        })
    }

    /// Spends `rounds` hash rounds of the message's [`MAX_ROUNDS`] on a password already found
    /// (another part of a file it opened, stretched with a salt of its own); `false`, nothing
    /// spent, when they are not left.
    pub fn spend(&mut self, rounds: u64) -> bool {
        if self.rounds.saturating_add(rounds) > MAX_ROUNDS {
            return false;
        }
        self.rounds += rounds;
        true
    }

    /// Tries `attempt` as [`Passwords::open`] does, for a format that stretches every password
    /// through `rounds` hash rounds before it can tell a wrong one: within the message's
    /// [`MAX_ROUNDS`] too. Stops at the first [`Attempt::Stop`].
    pub fn open_stretched<T>(
        &mut self,
        path: &str,
        rounds: u64,
        mut attempt: impl FnMut(&str) -> Attempt<T>,
    ) -> Option<T> {
        let mut order: Vec<String> = Vec::new();
        for o in &self.opened {
            if !order.contains(&o.password) {
                order.push(o.password.clone());
            }
        }
        let (candidates, keyed) = self.found();
        let (keyed, others) = candidates.split_at(*keyed);
        let mut others: Vec<&String> = others.iter().collect();
        if rounds > 0 {
            // Few attempts to spend: the other words that look like passwords (a digit, a sign)
            // before plain words.
            others.sort_by_key(|w| !looks_like_password(w));
        }
        for c in keyed.iter().chain(others) {
            if !order.contains(c) {
                order.push(c.clone());
            }
        }
        for password in order {
            if self.tries >= MAX_TRIES || self.rounds.saturating_add(rounds) > MAX_ROUNDS {
                return None;
            }
            self.tries += 1;
            self.rounds += rounds;
            match attempt(&password) {
                Attempt::Opened(v) => {
                    self.opened.push(Opened {
                        path: path.to_owned(),
                        password,
                    });
                    return Some(v);
                }
                Attempt::Wrong => {}
                Attempt::Stop => return None,
            }
        }
        None
    }
}

fn push_bounded(text: &mut String, part: &str) {
    let room = MAX_TEXT_BYTES.saturating_sub(text.len());
    text.push_str(&part[..part.floor_char_boundary(room)]);
    text.push('\n');
}

/// A digit, or a sign inside the word (not a sentence's mark after it): «Hs-2026», «x7Kq»,
/// not «khẩu:» or «nhé».
fn looks_like_password(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        || word
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .any(|c| !c.is_alphabetic())
}

/// A word as a password: quotes and brackets around it and a sentence's closing mark after it
/// taken off.
fn trimmed(word: &str) -> &str {
    const AROUND: &[char] = &[
        '"', '\'', '“', '”', '‘', '’', '«', '»', '(', ')', '[', ']', '<', '>', '`', '*',
    ];
    let w = word.trim_matches(AROUND);
    let w = w.trim_end_matches(['.', ',', ';', '!', '?']);
    w.trim_matches(AROUND)
}

/// The folded form of a word for keyword comparison (`Mật` → `MAT`, `khẩu:` → `KHAU`).
fn folded(word: &str) -> String {
    crate::vietnamese::fold(word.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// The candidates of a text, in the order they are tried, and how many (at the front) follow a
/// keyword.
fn candidates(text: &str) -> (Vec<String>, usize) {
    let mut out: Vec<String> = Vec::new();
    let add = |out: &mut Vec<String>, w: &str| {
        for v in [trimmed(w), w] {
            let n = v.chars().count();
            if n == 0 || n > MAX_PASSWORD_CHARS || out.len() >= MAX_CANDIDATES {
                continue;
            }
            if !out.iter().any(|o| o == v) {
                out.push(v.to_owned());
            }
        }
    };
    let lines: Vec<&str> = text.lines().take(4000).collect();
    for (n, line) in lines.iter().enumerate() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let keys: Vec<String> = words.iter().map(|w| folded(w)).collect();
        let mut i = 0;
        while i < words.len() {
            // «pass:1234», «mk=abc», «Mật khẩu:abc»: a keyword glued to its value.
            if let Some((head, value)) = words[i].split_once([':', '='])
                && !value.is_empty()
            {
                let head = folded(head);
                let glued = KEYWORDS.iter().any(|k| {
                    let (last, before) = k.split_last().unwrap_or((&"", &[]));
                    *last == head && i >= before.len() && keys[i - before.len()..i].iter().eq(before.iter())
                });
                if glued {
                    add(&mut out, value);
                }
            }
            let Some(k) = KEYWORDS
                .iter()
                .find(|k| keys.len() >= i + k.len() && k.iter().zip(&keys[i..]).all(|(a, b)| a == b))
            else {
                i += 1;
                continue;
            };
            let after = i + k.len();
            let mut taken = 0;
            for w in &words[after..] {
                if taken == WORDS_AFTER_KEYWORD {
                    break;
                }
                if FILLERS.contains(&folded(w).as_str()) {
                    continue;
                }
                add(&mut out, w);
                taken += 1;
            }
            // «Mật khẩu:» at the end of a line: the password is on the next one.
            if taken == 0
                && let Some(next) = lines[n + 1..].iter().find(|l| !l.trim().is_empty())
            {
                for w in next.split_whitespace().take(2) {
                    add(&mut out, w);
                }
            }
            i = after;
        }
    }
    // Then any word that could be a password, in order.
    let keyed = out.len();
    for line in &lines {
        for w in line.split_whitespace() {
            if out.len() >= MAX_CANDIDATES {
                return (out, keyed);
            }
            let t = trimmed(w);
            if (4..=MAX_PASSWORD_CHARS).contains(&t.chars().count()) {
                add(&mut out, w);
            }
        }
    }
    (out, keyed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Vec<String> {
        let p = Passwords::of_text(text.to_owned());
        p.candidates().iter().take(3).cloned().collect()
    }

    #[test]
    fn the_word_after_a_keyword_comes_first() {
        assert_eq!(
            first("Gửi anh tài liệu.\nMật khẩu giải nén: LD@2026.\nTrân trọng")[0],
            "LD@2026"
        );
        assert_eq!(first("Kính gửi, file đính kèm, mat khau la X7kq9")[0], "X7kq9");
        assert_eq!(first("Password: «Hoa-Binh#12»")[0], "Hoa-Binh#12");
        assert_eq!(first("em gửi chị, pass:2468 nhé")[0], "2468");
        assert_eq!(first("Mật khẩu:Qx7_22 (viết liền)")[0], "Qx7_22");
        assert_eq!(first("Tài liệu họp (MK = 20261205)")[0], "20261205");
    }

    #[test]
    fn a_password_on_the_line_after_the_keyword() {
        assert_eq!(first("Mật khẩu để mở tệp:\n\n   Q9#pz\nCảm ơn")[0], "Q9#pz");
    }

    #[test]
    fn other_words_follow_and_the_count_is_bounded() {
        let p = Passwords::of_text("Gửi anh số 556677 như đã hẹn".to_owned());
        assert!(p.candidates().iter().any(|c| c == "556677"));
        let long: String = (0..1000).map(|i| format!("word{i} ")).collect();
        assert_eq!(Passwords::of_text(long).candidates().len(), MAX_CANDIDATES);
    }

    #[test]
    fn tries_are_bounded_and_a_password_that_worked_goes_first() {
        let mut p = Passwords::of_text("mật khẩu: abc\nother words here".to_owned());
        assert_eq!(p.open("a.zip > x", |pw| (pw == b"words").then_some(1)), Some(1));
        let mut seen = Vec::new();
        p.open("a.zip > y", |pw| {
            seen.push(pw.to_vec());
            Some(())
        });
        assert_eq!(seen, vec![b"words".to_vec()]);
        assert_eq!(p.opened.len(), 2);
        let mut tries = 0;
        let mut q = Passwords::of_text((0..100).map(|i| format!("pw{i:04} ")).collect());
        for i in 0..100 {
            q.open(&format!("m{i}"), |_| {
                tries += 1;
                None::<()>
            });
        }
        assert_eq!(tries, MAX_TRIES);
    }

    #[test]
    fn stretched_attempts_are_bounded_by_their_rounds_and_a_stop_ends_them() {
        let mut p = Passwords::of_text((0..60).map(|i| format!("pw{i:04} ")).collect());
        let mut tries = 0;
        let none: Option<()> = p.open_stretched("a.docx", 100_000, |_| {
            tries += 1;
            Attempt::Wrong
        });
        assert_eq!((none, tries), (None, (MAX_ROUNDS / 100_000) as usize));
        // The rounds are the message's: a second document gets none, nor more parts of one.
        assert_eq!(p.open_stretched("b.docx", 100_000, |_| Attempt::Opened(())), None);
        assert!(!p.spend(100_000));
        let mut r = Passwords::of_text("mật khẩu: abc".to_owned());
        assert!(r.spend(MAX_ROUNDS - 100_000) && r.spend(100_000) && !r.spend(1));
        assert_eq!(r.open_stretched("d.odt", 1, |_| Attempt::Opened(())), None);
        let mut q = Passwords::of_text("mật khẩu: abc def".to_owned());
        let mut seen = 0;
        let stopped: Option<()> = q.open_stretched("c.xls", 0, |_| {
            seen += 1;
            Attempt::Stop
        });
        assert_eq!((stopped, seen), (None, 1));
        assert_eq!(
            q.open_stretched("c.xls", 0, |pw| if pw == "def" {
                Attempt::Opened(7)
            } else {
                Attempt::Wrong
            }),
            Some(7)
        );
        assert_eq!(q.opened[0].path, "c.xls");
    }

    #[test]
    fn stretched_attempts_take_the_words_that_look_like_passwords_first() {
        let text = "Kính gửi anh chị phòng hành chính tổng hợp, mật khẩu: abcd\nGửi kèm hồ sơ số Hs-2026 nhé";
        let mut seen = Vec::new();
        Passwords::of_text(text.to_owned()).open_stretched("a.docx", 100_000, |pw| {
            seen.push(pw.to_owned());
            Attempt::<()>::Wrong
        });
        assert_eq!(&seen[..2], ["abcd", "Hs-2026"]);
    }
}
