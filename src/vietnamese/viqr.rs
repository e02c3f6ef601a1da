//! VIQR (RFC 1456, "Vietnamese Quoted-Readable"): Vietnamese written in ASCII for mail and
//! news before Unicode, each mark typed after its letter: `(` breve, `^` circumflex, `+` horn,
//! then the tone `'` acute, `` ` `` grave, `?` hook, `~` tilde, `.` dot below; `DD`/`dd` for
//! Đ/đ; a backslash keeps a mark character literal. «TO^'I MA^.T» is «TỐI MẬT».
//!
//! Text is read as VIQR when it says so (`charset=VIQR`) or when its words carry the vowel
//! marks English never puts inside a word (`Vie^.t`, `ngu+o+`i`, `to^'i`); the tone marks
//! alone are no sign of it (English has `you're` and `I'm`).

use unicode_normalization::UnicodeNormalization;

/// Words carrying a vowel mark needed before text is taken for VIQR by its content, and the
/// share of its words they must be at least (one in `MIN_SHARE`).
const MIN_MARKED_WORDS: usize = 2;
const MIN_SHARE: usize = 10;

/// The vowel with `modifier` (`(`, `^`, `+`) on it, when Vietnamese has that letter.
fn modified(vowel: char, modifier: char) -> Option<char> {
    Some(match (vowel, modifier) {
        ('a', '(') => 'ă',
        ('A', '(') => 'Ă',
        ('a', '^') => 'â',
        ('A', '^') => 'Â',
        ('e', '^') => 'ê',
        ('E', '^') => 'Ê',
        ('o', '^') => 'ô',
        ('O', '^') => 'Ô',
        ('o', '+') => 'ơ',
        ('O', '+') => 'Ơ',
        ('u', '+') => 'ư',
        ('U', '+') => 'Ư',
        _ => return None,
    })
}

/// The combining mark a tone character stands for.
fn tone(c: char) -> Option<char> {
    Some(match c {
        '\'' => '\u{301}',
        '`' => '\u{300}',
        '?' => '\u{309}',
        '~' => '\u{303}',
        '.' => '\u{323}',
        _ => return None,
    })
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă'
            | 'â'
            | 'e'
            | 'ê'
            | 'i'
            | 'o'
            | 'ô'
            | 'ơ'
            | 'u'
            | 'ư'
            | 'y'
            | 'A'
            | 'Ă'
            | 'Â'
            | 'E'
            | 'Ê'
            | 'I'
            | 'O'
            | 'Ô'
            | 'Ơ'
            | 'U'
            | 'Ư'
            | 'Y'
    )
}

/// Whether `text` reads as VIQR: at least two words, and one word in ten, with a vowel mark
/// (`(`, `^`, `+`) on a vowel inside it, followed by a tone, a letter or the word's end.
pub fn is_viqr(text: &str) -> bool {
    // Only the words around a `^`, `(` or `+` are looked at (most text has a few brackets at
    // most), each once, and no further than a syllable's length from the mark: a run of marks
    // without spaces costs one look each, never a walk to the run's ends.
    let bytes = text.as_bytes();
    let mut marked = 0usize;
    let mut looked_until = 0;
    for at in memchr::memchr3_iter(b'^', b'(', b'+', bytes) {
        if at < looked_until {
            continue;
        }
        let from = at.saturating_sub(MAX_WORD);
        let start = bytes[from..at]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(from, |p| from + p + 1);
        let to = (at + MAX_WORD).min(bytes.len());
        let end = bytes[at..to]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(to, |p| at + p);
        looked_until = end;
        // A word longer than a syllable and its punctuation is no Vietnamese word.
        let whole = (start > from || start == 0) && (end < to || end == bytes.len());
        if whole
            && let Some(word) = text.get(start..end)
            && is_marked_word(word)
        {
            marked += 1;
        }
    }
    marked >= MIN_MARKED_WORDS && marked * MIN_SHARE >= text.split_ascii_whitespace().count()
}

/// Bytes either side of a mark looked at for its word's ends.
const MAX_WORD: usize = 24;

/// A word of prose (not an address, link or query: `q=bao+cao`) with a vowel mark inside.
fn is_marked_word(word: &str) -> bool {
    !word
        .bytes()
        .any(|b| matches!(b, b'/' | b'=' | b'@' | b'&' | b'%'))
        && word_has_vowel_mark(word)
}

/// A letter, a vowel, its mark, and then a tone, a letter or the word's end (not a digit or a
/// second mark: `a^2`, `i++` and `f(x)` are no Vietnamese).
fn word_has_vowel_mark(word: &str) -> bool {
    let b = word.as_bytes();
    (1..b.len()).any(|i| {
        matches!(b[i], b'^' | b'(' | b'+')
            && modified(b[i - 1] as char, b[i] as char).is_some()
            && (i < 2 || b[i - 2].is_ascii_alphabetic() || !b[i - 2].is_ascii_alphanumeric())
            && match b.get(i + 1) {
                None => true,
                Some(&n) => {
                    n.is_ascii_alphabetic()
                        || tone(n as char).is_some()
                        || matches!(n, b',' | b';' | b':' | b')' | b'"' | b'!')
                }
            }
    })
}

/// `text` read as VIQR: marks put on the letters before them (a vowel takes one vowel mark,
/// a word one tone; a mark that cannot go on the letter before it stays as it is), `DD`/`dd`
/// at a word's start read as Đ/đ, `\` before a mark character dropped; composed (NFC).
pub fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    // Whether the word being written has its tone, and whether its last letter was just
    // given a vowel mark (so `u++` keeps its second `+`).
    let mut toned = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let last = out.chars().next_back();
        if c == '\\'
            && chars
                .peek()
                .is_some_and(|&n| tone(n).is_some() || matches!(n, '(' | '^' | '+' | '\\'))
        {
            if let Some(n) = chars.next() {
                out.push(n);
            }
            continue;
        }
        if let Some(l) = last.filter(|&l| is_vowel(l))
            && let Some(m) = modified(l, c)
        {
            out.pop();
            out.push(m);
            continue;
        }
        if !toned
            && let Some(mark) = tone(c)
            && last.is_some_and(is_vowel)
        {
            out.push(mark);
            toned = true;
            continue;
        }
        if matches!(c, 'D' | 'd')
            && chars.peek().is_some_and(|&n| matches!(n, 'D' | 'd'))
            && !last.is_some_and(|l| l.is_alphanumeric() || ('\u{300}'..='\u{36F}').contains(&l))
        {
            chars.next();
            out.push(if c == 'D' { 'Đ' } else { 'đ' });
            continue;
        }
        if !(c.is_alphanumeric() || ('\u{300}'..='\u{36F}').contains(&c)) {
            toned = false;
        }
        out.push(c);
    }
    out.nfc().collect()
}

/// `text` written in VIQR (for test mail and the labelled corpus): each Vietnamese vowel's
/// mark and then its tone after it, Đ/đ as `DD`/`dd`, a backslash and a mark character that
/// follows a vowel escaped with `\\`; characters VIQR has no spelling for are kept.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.nfc() {
        let escaped = c == '\\'
            || ((tone(c).is_some() || matches!(c, '(' | '^' | '+'))
                && out.chars().next_back().is_some_and(is_mark_target));
        if escaped {
            out.push('\\');
            out.push(c);
            continue;
        }
        match c {
            'đ' => out.push_str("dd"),
            'Đ' => out.push_str("DD"),
            _ => match spelled(c) {
                Some((base, modifier, toned)) => {
                    out.push(base);
                    out.extend(modifier);
                    out.extend(toned);
                }
                None => out.push(c),
            },
        }
    }
    out
}

/// A Vietnamese vowel with marks as its VIQR letters: the ASCII vowel, its vowel mark, its tone;
/// None for a letter without marks or with one Vietnamese does not write.
fn spelled(c: char) -> Option<(char, Option<char>, Option<char>)> {
    let (mut base, mut modifier, mut toned, mut foreign) = (None, None, None, false);
    unicode_normalization::char::decompose_canonical(c, |d| {
        let (is_modifier, is_tone) = (
            matches!(d, '\u{306}' | '\u{302}' | '\u{31B}'),
            tone_of_mark(d).is_some(),
        );
        match d {
            _ if base.is_none() => base = Some(d),
            _ if is_modifier && modifier.is_none() => {
                modifier = Some(match d {
                    '\u{306}' => '(',
                    '\u{302}' => '^',
                    _ => '+',
                })
            }
            _ if is_tone && toned.is_none() => toned = tone_of_mark(d),
            _ => foreign = true,
        }
    });
    let base = base?;
    if foreign || (modifier.is_none() && toned.is_none()) || !is_vowel(base) {
        return None;
    }
    if let Some(m) = modifier {
        modified(base, m)?;
    }
    Some((base, modifier, toned))
}

/// The tone character of a combining mark.
fn tone_of_mark(mark: char) -> Option<char> {
    ['\'', '`', '?', '~', '.']
        .into_iter()
        .find(|&t| tone(t) == Some(mark))
}

/// A character a following mark would be read onto: a vowel, or a vowel's mark.
fn is_mark_target(c: char) -> bool {
    is_vowel(c) || matches!(c, '(' | '^' | '+') || tone(c).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 1456's own examples and a document's head read as Vietnamese; marks that cannot go
    /// on the letter before them, escaped marks and a second tone stay as written.
    #[test]
    fn viqr_reads_as_vietnamese() {
        for (viqr, want) in [
            ("TO^'I MA^.T", "TỐI MẬT"),
            ("TUYE^.T MA^.T", "TUYỆT MẬT"),
            ("Vie^.t Nam", "Việt Nam"),
            ("DDa^`u ngu+o+`i dda(ng ky'", "Đầu người đăng ký"),
            ("So^': 12/KH-UBND", "Số: 12/KH-UBND"),
            ("Ha` No^.i.", "Hà Nội."),
            (
                "'Ba'o ca'o', (ghi chu'), a\\. b\\'",
                "'Báo cáo', (ghi chú), a. b'",
            ),
            ("address dd", "address đ"),
            ("i++ C++", "i++ C++"),
        ] {
            assert_eq!(decode(viqr), want, "{viqr}");
        }
    }

    /// Vietnamese written in VIQR reads back as it was, punctuation after a vowel included.
    #[test]
    fn vietnamese_written_in_viqr_reads_back() {
        for text in [
            "TỐI MẬT",
            "Số: 12/KH-UBND ngày 16 tháng 11 năm 2026 (bản chính).",
            "Kính gửi: Sở Nội vụ? Đề nghị báo cáo; Hà Nội. Người đăng ký: Đỗ Thị Hương!",
            "a^ b\\ c++ 'trích' «ỐI» \\' ñ ḅ ǻ",
        ] {
            let viqr = encode(text);
            assert!(viqr.is_ascii() || text.contains('«'), "{viqr}");
            assert_eq!(decode(&viqr), text, "{viqr}");
        }
        assert_eq!(encode("TỐI MẬT - Đà Lạt."), "TO^'I MA^.T - DDa` La.t.");
    }

    /// VIQR is told by the vowel marks inside its words, not by English's apostrophes, code or
    /// arithmetic.
    #[test]
    fn viqr_is_told_from_english_code_and_arithmetic() {
        for yes in [
            "TO^'I MA^.T\nSo^': 12/KH-UBND",
            "Ki'nh gu+?i: So+? No^.i vu.\nVe^` vie^.c ba'o ca'o ke^'t qua? tho^ng tin na(m 2026.",
        ] {
            assert!(is_viqr(yes), "{yes}");
        }
        for no in [
            "You're right, I'm sure we'll meet (soon) at 3+4 o'clock.",
            "for (i = 0; i < n; i++) { a^2 + b^2 = c^2; f(x) }",
            "C++ and C# (see page 4)",
            "https://x.vn/?q=bao+cao+tho+cong go+https://y.vn/a?q=ho+chi a+b",
            "Ba^'m va`o d\u{e2}y", // one marked word
            "",
        ] {
            assert!(!is_viqr(no), "{no}");
        }
        // Marks in words no syllable is as long as: no VIQR (and each looked at once).
        assert!(!is_viqr(&"vie^.t".repeat(100_000)));
        assert!(is_viqr(&"vie^.t ".repeat(100_000)));
    }
}
