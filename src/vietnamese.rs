//! Vietnamese text normalisation: Unicode composition (NFC, so NFD, Windows-1258 and Unikey's
//! composite forms all compare equal), the legacy font encodings TCVN3 (ABC, `.Vn*` fonts) and
//! VNI-Windows, telling them apart from real Latin-1 text by content, VIQR (ASCII Vietnamese,
//! [`viqr`]), and diacritic folding.
//!
//! Legacy-encoded text reaches us as the Latin-1 characters of its bytes (Office stores it that
//! way, and a mail labelled `iso-8859-1` decodes to it), so the decoders map characters, not
//! bytes. No crate does this; the tables are small and tested here.
//!
//! Also the character classes the spam rules walk whole bodies with ([`is_letter`],
//! [`is_word_char`], [`to_lower`]): the standard library looks every non-ASCII character up in
//! its Unicode tables, which was a quarter of the spam scanner's time on Vietnamese text
//! (BENCHMARKS.md); the Latin ranges Vietnamese uses are answered directly, with the same
//! results (tested over every character of those ranges), and anything else still asks the
//! standard library.

pub mod viqr;

use std::borrow::Cow;
use unicode_normalization::{UnicodeNormalization, char::decompose_canonical, is_nfc_quick};

/// A legacy Vietnamese font encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legacy {
    /// TCVN 5712 "VN3" (ABC): lower-case letters only; `capitals` for the `.VnTimeH`-style fonts
    /// that draw every letter as a capital.
    Tcvn3 { capitals: bool },
    /// VNI-Windows: a base letter followed by a mark character.
    Vni,
}

impl Legacy {
    /// The encoding a font name implies (`.VnTime`, `.VnArialH`, `VNI-Times`, `VNI-Helve`…).
    pub fn from_font(name: &str) -> Option<Legacy> {
        let n = name.trim().trim_start_matches('/');
        // PDF subset prefixes: `ABCDEF+VnTimeH`.
        let n = match n.split_once('+') {
            Some((tag, rest)) if tag.len() == 6 => rest,
            _ => n,
        };
        let lower = n.to_ascii_lowercase();
        if lower.starts_with("vni-") || lower.starts_with("vni ") || lower.starts_with("vni_") {
            return Some(Legacy::Vni);
        }
        let body = lower.strip_prefix('.').unwrap_or(&lower);
        if body.starts_with("vn") && !body.starts_with("vni") {
            // ".VnTimeH", ".VnArialH", "VnTimeH,Bold": a trailing H (before a style suffix) means capitals.
            let base = n.trim_start_matches('.');
            let base = base.split([',', '-']).next().unwrap_or(base);
            return Some(Legacy::Tcvn3 {
                capitals: base.ends_with('H'),
            });
        }
        None
    }

    /// Decodes `text` (its bytes as Latin-1 characters) to Unicode (NFC).
    pub fn decode(self, text: &str) -> String {
        match self {
            Legacy::Tcvn3 { capitals } => {
                let s: String = text.chars().map(tcvn3_char).collect();
                if capitals { s.to_uppercase() } else { s }
            }
            Legacy::Vni => decode_vni(text),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 { .. } => "TCVN3",
            Legacy::Vni => "VNI",
        }
    }
}

/// TCVN3 (ABC) character → Unicode. Characters outside the table are themselves.
fn tcvn3_char(c: char) -> char {
    match c as u32 {
        0xA1 => 'Ă',
        0xA2 => 'Â',
        0xA3 => 'Ê',
        0xA4 => 'Ô',
        0xA5 => 'Ơ',
        0xA6 => 'Ư',
        0xA7 => 'Đ',
        0xA8 => 'ă',
        0xA9 => 'â',
        0xAA => 'ê',
        0xAB => 'ô',
        0xAC => 'ơ',
        0xAD => 'ư',
        0xAE => 'đ',
        0xB5 => 'à',
        0xB6 => 'ả',
        0xB7 => 'ã',
        0xB8 => 'á',
        0xB9 => 'ạ',
        0xBB => 'ằ',
        0xBC => 'ẳ',
        0xBD => 'ẵ',
        0xBE => 'ắ',
        0xC6 => 'ặ',
        0xC7 => 'ầ',
        0xC8 => 'ẩ',
        0xC9 => 'ẫ',
        0xCA => 'ấ',
        0xCB => 'ậ',
        0xCC => 'è',
        0xCE => 'ẻ',
        0xCF => 'ẽ',
        0xD0 => 'é',
        0xD1 => 'ẹ',
        0xD2 => 'ề',
        0xD3 => 'ể',
        0xD4 => 'ễ',
        0xD5 => 'ế',
        0xD6 => 'ệ',
        0xD7 => 'ì',
        0xD8 => 'ỉ',
        0xDC => 'ĩ',
        0xDD => 'í',
        0xDE => 'ị',
        0xDF => 'ò',
        0xE1 => 'ỏ',
        0xE2 => 'õ',
        0xE3 => 'ó',
        0xE4 => 'ọ',
        0xE5 => 'ồ',
        0xE6 => 'ổ',
        0xE7 => 'ỗ',
        0xE8 => 'ố',
        0xE9 => 'ộ',
        0xEA => 'ờ',
        0xEB => 'ở',
        0xEC => 'ỡ',
        0xED => 'ớ',
        0xEE => 'ợ',
        0xEF => 'ù',
        0xF1 => 'ủ',
        0xF2 => 'ũ',
        0xF3 => 'ú',
        0xF4 => 'ụ',
        0xF5 => 'ừ',
        0xF6 => 'ử',
        0xF7 => 'ữ',
        0xF8 => 'ứ',
        0xF9 => 'ự',
        0xFA => 'ỳ',
        0xFB => 'ỷ',
        0xFC => 'ỹ',
        0xFD => 'ý',
        0xFE => 'ỵ',
        _ => c,
    }
}

const ACUTE: char = '\u{301}';
const GRAVE: char = '\u{300}';
const HOOK: char = '\u{309}';
const TILDE: char = '\u{303}';
const DOT: char = '\u{323}';
const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';

/// A VNI mark character (upper- or lower-case form) → (vowel modifier, tone) as combining marks.
fn vni_mark(c: char) -> Option<(Option<char>, Option<char>)> {
    // The lower-case marks are the upper-case ones + 0x20, as in Latin-1.
    let u = match c as u32 {
        0xE0..=0xFE => char::from_u32(c as u32 - 0x20)?,
        _ => c,
    };
    Some(match u {
        'Ù' => (None, Some(ACUTE)),
        'Ø' => (None, Some(GRAVE)),
        'Û' => (None, Some(HOOK)),
        'Õ' => (None, Some(TILDE)),
        'Ï' => (None, Some(DOT)),
        'Â' => (Some(CIRCUMFLEX), None),
        'Á' => (Some(CIRCUMFLEX), Some(ACUTE)),
        'À' => (Some(CIRCUMFLEX), Some(GRAVE)),
        'Å' => (Some(CIRCUMFLEX), Some(HOOK)),
        'Ã' => (Some(CIRCUMFLEX), Some(TILDE)),
        'Ä' => (Some(CIRCUMFLEX), Some(DOT)),
        'Ê' => (Some(BREVE), None),
        'É' => (Some(BREVE), Some(ACUTE)),
        'È' => (Some(BREVE), Some(GRAVE)),
        'Ú' => (Some(BREVE), Some(HOOK)),
        'Ü' => (Some(BREVE), Some(TILDE)),
        'Ë' => (Some(BREVE), Some(DOT)),
        _ => return None,
    })
}

/// VNI single characters that are letters of their own.
fn vni_letter(c: char) -> Option<char> {
    Some(match c {
        'Ñ' => 'Đ',
        'ñ' => 'đ',
        'Ô' => 'Ơ',
        'ô' => 'ơ',
        'Ö' => 'Ư',
        'ö' => 'ư',
        'Æ' => 'Ỉ',
        'æ' => 'ỉ',
        'Î' => 'Ỵ',
        'î' => 'ỵ',
        'Ó' => 'Ĩ',
        'ó' => 'ĩ',
        'Ò' => 'Ị',
        'ò' => 'ị',
        _ => return None,
    })
}

fn decode_vni(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev_vowel = false;
    for c in text.chars() {
        if prev_vowel && let Some((modifier, tone)) = vni_mark(c) {
            out.extend(modifier);
            out.extend(tone);
            prev_vowel = false;
            continue;
        }
        let letter = vni_letter(c).unwrap_or(c);
        prev_vowel = matches!(
            letter.to_ascii_lowercase(),
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ơ' | 'ư' | 'Ơ' | 'Ư'
        );
        out.push(letter);
    }
    out.nfc().collect()
}

impl Legacy {
    /// Encodes Unicode text into this legacy encoding, as Latin-1 characters (what a document
    /// typed in a legacy font holds). TCVN3 has no marked capitals: they are written in lower
    /// case, as in a `.VnTimeH` document. For tests and the corpus generator.
    pub fn encode(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() * 2);
        for c in text.nfc() {
            if c.is_ascii() {
                out.push(c);
                continue;
            }
            match self {
                Legacy::Tcvn3 { .. } => {
                    let lower = c.to_lowercase().next().unwrap_or(c);
                    let capital_form = (0xA1..=0xA7)
                        .map(|b| char::from_u32(b).unwrap_or(' '))
                        .find(|b| tcvn3_char(*b) == c);
                    let found = capital_form.or_else(|| {
                        (0xA8..=0xFFu32)
                            .filter_map(char::from_u32)
                            .find(|b| tcvn3_char(*b) == lower && *b != lower)
                    });
                    out.push(found.unwrap_or(c));
                }
                Legacy::Vni => encode_vni_char(c, &mut out),
            }
        }
        out
    }
}

fn encode_vni_char(c: char, out: &mut String) {
    if let Some(single) = ('\u{80}'..='\u{FF}').find(|b| vni_letter(*b) == Some(c) && *b != c) {
        out.push(single);
        return;
    }
    if matches!(c, 'í' | 'ì' | 'Í' | 'Ì') {
        out.push(c);
        return;
    }
    let mut base = None;
    let (mut modifier, mut tone, mut horn) = (None, None, false);
    decompose_canonical(c, |d| match d {
        GRAVE | ACUTE | HOOK | TILDE | DOT => tone = Some(d),
        CIRCUMFLEX | BREVE => modifier = Some(d),
        '\u{31B}' => horn = true,
        d if base.is_none() => base = Some(d),
        _ => {}
    });
    let Some(b) = base else {
        out.push(c);
        return;
    };
    let upper = b.is_uppercase();
    match (horn, b.to_ascii_lowercase()) {
        (true, 'o') => out.push(if upper { 'Ô' } else { 'ô' }),
        (true, 'u') => out.push(if upper { 'Ö' } else { 'ö' }),
        _ => out.push(b),
    }
    let mark = ('\u{C0}'..='\u{DF}').find(|m| vni_mark(*m) == Some((modifier, tone)));
    match mark {
        Some(m) if upper => out.push(m),
        Some(m) => out.push(char::from_u32(m as u32 + 0x20).unwrap_or(m)),
        None if modifier.is_none() && tone.is_none() => {}
        None => out.push(c),
    }
}

/// `text` in NFC (borrowed when it already is). Vietnamese is decomposed only with combining
/// diacritics (U+0300–U+036F, UTF-8 lead bytes 0xCC and 0xCD): text without them is taken as is
/// at memchr speed, the rest is checked and composed.
pub fn nfc(text: &str) -> Cow<'_, str> {
    if memchr::memchr2(0xCC, 0xCD, text.as_bytes()).is_none()
        || is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// The Latin letter a Cyrillic or Greek letter is drawn like (`М` U+041C and `Μ` U+039C look
/// like `M`), for the letters of the Latin alphabet that have such a twin; None otherwise.
fn latin_twin(c: char) -> Option<char> {
    Some(match c {
        'А' | 'Α' => 'A',
        'В' | 'Β' => 'B',
        'С' => 'C',
        'Е' | 'Ε' => 'E',
        'Н' | 'Η' => 'H',
        'І' | 'Ι' => 'I',
        'Ј' => 'J',
        'К' | 'Κ' => 'K',
        'М' | 'Μ' => 'M',
        'Ν' => 'N',
        'О' | 'Ο' => 'O',
        'Р' | 'Ρ' => 'P',
        'Ѕ' => 'S',
        'Т' | 'Τ' => 'T',
        'Х' | 'Χ' => 'X',
        'У' | 'Υ' | 'Ү' => 'Y',
        'Ζ' => 'Z',
        'а' => 'a',
        'с' => 'c',
        'е' => 'e',
        'і' | 'ι' => 'i',
        'ј' => 'j',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'ѕ' => 's',
        'х' => 'x',
        'у' => 'y',
        _ => return None,
    })
}

/// Whether `c` is a letter of the Latin script (with or without marks) or a combining mark: what
/// makes a Cyrillic or Greek twin on the same line a disguise rather than Russian or Greek.
fn is_latin_context(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{C0}'..='\u{24F}' | '\u{300}'..='\u{36F}' | '\u{1E00}'..='\u{1EFF}')
            && c != '\u{D7}'
            && c != '\u{F7}'
}

/// `text` with letters disguised as Latin ones read as those: the fullwidth forms (`ＭẬＴ`) and
/// the mathematical alphabets (`𝐌𝐀𝐓`) always; a Cyrillic or Greek twin of a Latin letter
/// ([`latin_twin`]) on a line that has Latin letters or Vietnamese marks too (`МẬТ` typed with
/// Cyrillic М and Т: a word no reader tells from MẬT), never on a line of Russian or Greek alone.
/// Composed again (NFC: a Cyrillic `А` carrying combining marks becomes `Ậ`). Lines stay where
/// they were. Text without such characters (their UTF-8 lead bytes CE–D2, EF, F0 are looked for
/// at memchr speed) is returned as it is.
pub fn latin_look_alikes(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    // Greek and Cyrillic lead bytes; EF BC and EF BD lead the fullwidth forms, F0 9D the
    // mathematical letters (not the emoji F0 9F, nor a BOM EF BB).
    let maybe = memchr::memchr3(0xCE, 0xCF, 0xD0, b).is_some()
        || memchr::memchr2(0xD1, 0xD2, b).is_some()
        || memchr::memchr2_iter(0xEF, 0xF0, b).any(|i| {
            matches!(
                (b[i], b.get(i + 1)),
                (0xEF, Some(0xBC | 0xBD)) | (0xF0, Some(0x9D))
            )
        });
    if !maybe {
        return Cow::Borrowed(text);
    }
    let compatible = |c: char| -> Option<char> {
        // Fullwidth ASCII (U+FF01–U+FF5E) and the mathematical letters and digits.
        if ('\u{FF01}'..='\u{FF5E}').contains(&c) || ('\u{1D400}'..='\u{1D7FF}').contains(&c) {
            let mut out = None;
            unicode_normalization::char::decompose_compatible(c, |d| {
                if out.is_none() && d.is_ascii() {
                    out = Some(d);
                }
            });
            out
        } else {
            None
        }
    };
    let mut changed = false;
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let latin = line
            .chars()
            .any(|c| is_latin_context(c) || compatible(c).is_some());
        for c in line.chars() {
            let folded = compatible(c).or_else(|| latin.then(|| latin_twin(c)).flatten());
            changed |= folded.is_some();
            out.push(folded.unwrap_or(c));
        }
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    match nfc(&out) {
        Cow::Borrowed(_) => Cow::Owned(out),
        Cow::Owned(o) => Cow::Owned(o),
    }
}
/// A vowel of the Vietnamese alphabet: (its tone mark count, whether it is a vowel).
fn vowel_tones(c: char) -> Option<usize> {
    let mut base = None;
    let mut tones = 0;
    let mut modifiers = 0;
    let mut other = false;
    decompose_canonical(c, |d| match d {
        GRAVE | ACUTE | HOOK | TILDE | DOT => tones += 1,
        CIRCUMFLEX | BREVE | '\u{31B}' => modifiers += 1,
        d if base.is_none() => base = Some(d),
        _ => other = true,
    });
    let vowel = base.is_some_and(|b| "aeiouyAEIOUY".contains(b));
    (vowel && !other && tones <= 1 && modifiers <= 1).then_some(tones)
}

const INITIALS: &[&str] = &[
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k",
    "l", "m", "n", "p", "r", "s", "t", "v", "x",
];
const FINALS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Whether `word` is a well-formed Vietnamese syllable: initial consonant, one to three
/// vowels carrying at most one tone mark between them, final consonant.
fn is_syllable(word: &str) -> bool {
    let lower = word.to_lowercase();
    let mut rest = lower.as_str();
    if let Some(i) = INITIALS.iter().find(|i| rest.starts_with(**i)) {
        rest = &rest[i.len()..];
    }
    let mut vowels = 0;
    let mut tones = 0;
    let mut end = rest.len();
    for (at, c) in rest.char_indices() {
        match vowel_tones(c) {
            Some(t) => {
                vowels += 1;
                tones += t;
            }
            None => {
                end = at;
                break;
            }
        }
    }
    (1..=3).contains(&vowels) && tones <= 1 && FINALS.contains(&&rest[end..])
}

/// Words with non-ASCII characters, and how many of them are Vietnamese syllables.
fn vietnamese_words(text: &str) -> (usize, usize) {
    let (mut total, mut good) = (0, 0);
    for word in text.split(|c: char| c.is_whitespace() || (c.is_ascii() && !c.is_ascii_alphanumeric())) {
        if word.is_ascii() || word.is_empty() {
            continue;
        }
        total += 1;
        if is_syllable(word) {
            good += 1;
        }
    }
    (total, good)
}

/// Guesses, from content alone, whether Latin-1 `text` is really TCVN3 or VNI: it is when
/// decoding turns most of its non-ASCII words into Vietnamese words and clearly more of them
/// than before.
pub fn detect_legacy(text: &str) -> Option<Legacy> {
    if text.is_ascii() {
        return None;
    }
    // One cheap pass: only Latin-1 text without Vietnamese Unicode letters can be legacy-encoded,
    // and legacy Vietnamese is dense with high Latin-1 characters (most words carry one).
    let (mut chars, mut high) = (0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        match c as u32 {
            0x80..=0xFF => high += 1,
            0x100..=0x1FFF | 0x2070.. => return None,
            _ => {}
        }
    }
    if high < 3 || high * 50 < chars {
        return None;
    }
    let (total, as_is) = vietnamese_words(text);
    if total == 0 {
        return None;
    }
    let mut best: Option<(Legacy, usize)> = None;
    for enc in [Legacy::Tcvn3 { capitals: false }, Legacy::Vni] {
        let decoded = enc.decode(text);
        let (_, good) = vietnamese_words(&decoded);
        if best.is_none_or(|(_, g)| good > g) {
            best = Some((enc, good));
        }
    }
    let (enc, good) = best?;
    (good * 10 >= total * 6 && good > as_is + (total / 10).max(1)).then_some(enc)
}

/// Normalises text from anywhere: legacy encodings detected by content, then NFC.
pub fn normalise(text: &str) -> Cow<'_, str> {
    match detect_legacy(text) {
        Some(enc) => Cow::Owned(enc.decode(text)),
        None => nfc(text),
    }
}

/// Decodes bytes of unknown encoding: a BOM, else UTF-8, else TCVN3/VNI by content, else the
/// best of Windows-1258, VISCII and Windows-1252. Always NFC.
pub fn decode_bytes(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return normalise(&text).into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return normalise(s).into_owned();
    }
    // UTF-16 without BOM: many NULs at odd or even positions.
    let nul_odd = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if bytes.len() >= 8 && nul_odd * 10 >= bytes.len() / 2 * 8 {
        let (text, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(bytes);
        return normalise(&text).into_owned();
    }
    let (latin, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    if let Some(enc) = detect_legacy(&latin) {
        return enc.decode(&latin);
    }
    let vn = windows_1258(bytes, &latin);
    // VISCII (no label: a text file from the 1990s) when it reads as more Vietnamese still.
    if let Some(v) = viscii(bytes)
        && vietnamese_words(&v).1
            > vn.as_deref()
                .map_or(vietnamese_words(&latin).1, |t| vietnamese_words(t).1)
    {
        return v;
    }
    vn.unwrap_or_else(|| latin.into_owned())
}

/// The bytes read as VISCII when most of their non-ASCII words are Vietnamese syllables then.
fn viscii(bytes: &[u8]) -> Option<String> {
    let v = Charset8::Viscii.decode(bytes);
    let (total, good) = vietnamese_words(&v);
    (total > 0 && good * 10 >= total * 6).then_some(v)
}

/// Whether 8-bit bytes that are not UTF-8 are surely Vietnamese: TCVN3 or VNI
/// ([`detect_legacy`]), or Windows-1258 or VISCII: most of the non-ASCII words read as Vietnamese
/// syllables, and more than read as Windows-1252 (Chinese GB2312 bytes read as Windows-1258
/// make a few by chance, never most). Other bytes (Latin-1 English, say) are not.
pub fn is_vietnamese_8bit(bytes: &[u8]) -> bool {
    let (latin, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    if detect_legacy(&latin).is_some() {
        return true;
    }
    let (vn, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    let (total, good) = vietnamese_words(&nfc(&vn));
    let (_, as_latin) = vietnamese_words(&latin);
    (good * 10 >= total * 6 && good > as_latin)
        || viscii(bytes).is_some_and(|v| vietnamese_words(&v).1 > as_latin)
}

/// The bytes read as Windows-1258 (NFC), when that gives more Vietnamese syllables than reading
/// them as Windows-1252 (`latin`) does.
fn windows_1258(bytes: &[u8], latin: &str) -> Option<String> {
    let (vn, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    let vn = nfc(&vn).into_owned();
    (vietnamese_words(&vn).1 > vietnamese_words(latin).1).then_some(vn)
}

// ---------------------------------------------------------------------------------------------
// Vietnamese 8-bit character sets a message may be labelled with

/// An 8-bit Vietnamese character set a mail part may be labelled with that the MIME parser (and
/// `encoding_rs`) does not know: VISCII (RFC 1456), TCVN 5712:1993 (VN1, the full set of which
/// the `.VnTime` fonts' TCVN3 is the lower-case half) and VNI, as Vietnamese mail clients of the
/// 1990s and 2000s sent them (Netscape's and Mozilla's `VISCII`, `x-viet-tcvn5712`,
/// `x-viet-vni`). Text labelled so is decoded here, not read as UTF-8 and lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset8 {
    Viscii,
    Tcvn,
    Vni,
}

impl Charset8 {
    /// The character set a `charset=` label names, if it is one of these.
    pub fn from_label(label: &str) -> Option<Charset8> {
        let l = label.trim().trim_matches('"').to_ascii_lowercase();
        match l.as_str() {
            "viscii" | "viscii1.1-1" | "csviscii" | "x-viet-viscii" => Some(Charset8::Viscii),
            "tcvn" | "tcvn-5712" | "tcvn5712" | "tcvn5712-1" | "tcvn5712-1:1993" | "tcvn3"
            | "x-viet-tcvn" | "x-viet-tcvn5712" => Some(Charset8::Tcvn),
            "vni" | "x-viet-vni" | "vni-windows" => Some(Charset8::Vni),
            _ => None,
        }
    }

    /// Decodes bytes in this character set to Unicode (NFC).
    pub fn decode(self, bytes: &[u8]) -> String {
        match self {
            Charset8::Viscii => {
                nfc(&bytes.iter().map(|&b| table_char(&VISCII, b)).collect::<String>()).into_owned()
            }
            Charset8::Tcvn => nfc(&bytes
                .iter()
                .map(|&b| table_char(&TCVN_VN1, b))
                .collect::<String>())
            .into_owned(),
            Charset8::Vni => decode_vni(&bytes.iter().map(|&b| char::from(b)).collect::<String>()),
        }
    }
}

impl Charset8 {
    /// Text (NFC) in VISCII or TCVN 5712 VN1 (test messages, bench corpora): a character the set
    /// lacks becomes `?`. VNI as [`Legacy::encode`] writes it.
    pub fn encode(self, text: &str) -> Vec<u8> {
        let table: &[(u8, char)] = match self {
            Charset8::Viscii => &VISCII,
            Charset8::Tcvn => &TCVN_VN1,
            Charset8::Vni => return Legacy::Vni.encode(text).chars().map(|c| c as u32 as u8).collect(),
        };
        nfc(text)
            .chars()
            .map(|c| match table.iter().find(|&&(_, t)| t == c) {
                Some(&(b, _)) => b,
                None if (c as u32) < 0x100
                    && table.binary_search_by_key(&(c as u8), |&(k, _)| k).is_err() =>
                {
                    c as u8
                }
                None => b'?',
            })
            .collect()
    }
}

/// A byte through a table of the bytes a character set gives another meaning than ASCII and
/// Latin-1 (sorted by byte).
fn table_char(table: &[(u8, char)], b: u8) -> char {
    match table.binary_search_by_key(&b, |&(k, _)| k) {
        Ok(i) => table[i].1,
        Err(_) => char::from(b),
    }
}

/// VISCII (RFC 1456): the bytes that are not ASCII or Latin-1 (six control codes among them,
/// for capitals). Written from glibc's `iconv -f VISCII`, a byte at a time.
const VISCII: [(u8, char); 103] = [
    (0x02, 'Ẳ'),
    (0x05, 'Ẵ'),
    (0x06, 'Ẫ'),
    (0x14, 'Ỷ'),
    (0x19, 'Ỹ'),
    (0x1E, 'Ỵ'),
    (0x80, 'Ạ'),
    (0x81, 'Ắ'),
    (0x82, 'Ằ'),
    (0x83, 'Ặ'),
    (0x84, 'Ấ'),
    (0x85, 'Ầ'),
    (0x86, 'Ẩ'),
    (0x87, 'Ậ'),
    (0x88, 'Ẽ'),
    (0x89, 'Ẹ'),
    (0x8A, 'Ế'),
    (0x8B, 'Ề'),
    (0x8C, 'Ể'),
    (0x8D, 'Ễ'),
    (0x8E, 'Ệ'),
    (0x8F, 'Ố'),
    (0x90, 'Ồ'),
    (0x91, 'Ổ'),
    (0x92, 'Ỗ'),
    (0x93, 'Ộ'),
    (0x94, 'Ợ'),
    (0x95, 'Ớ'),
    (0x96, 'Ờ'),
    (0x97, 'Ở'),
    (0x98, 'Ị'),
    (0x99, 'Ỏ'),
    (0x9A, 'Ọ'),
    (0x9B, 'Ỉ'),
    (0x9C, 'Ủ'),
    (0x9D, 'Ũ'),
    (0x9E, 'Ụ'),
    (0x9F, 'Ỳ'),
    (0xA0, 'Õ'),
    (0xA1, 'ắ'),
    (0xA2, 'ằ'),
    (0xA3, 'ặ'),
    (0xA4, 'ấ'),
    (0xA5, 'ầ'),
    (0xA6, 'ẩ'),
    (0xA7, 'ậ'),
    (0xA8, 'ẽ'),
    (0xA9, 'ẹ'),
    (0xAA, 'ế'),
    (0xAB, 'ề'),
    (0xAC, 'ể'),
    (0xAD, 'ễ'),
    (0xAE, 'ệ'),
    (0xAF, 'ố'),
    (0xB0, 'ồ'),
    (0xB1, 'ổ'),
    (0xB2, 'ỗ'),
    (0xB3, 'Ỡ'),
    (0xB4, 'Ơ'),
    (0xB5, 'ộ'),
    (0xB6, 'ờ'),
    (0xB7, 'ở'),
    (0xB8, 'ị'),
    (0xB9, 'Ự'),
    (0xBA, 'Ứ'),
    (0xBB, 'Ừ'),
    (0xBC, 'Ử'),
    (0xBD, 'ơ'),
    (0xBE, 'ớ'),
    (0xBF, 'Ư'),
    (0xC4, 'Ả'),
    (0xC5, 'Ă'),
    (0xC6, 'ẳ'),
    (0xC7, 'ẵ'),
    (0xCB, 'Ẻ'),
    (0xCE, 'Ĩ'),
    (0xCF, 'ỳ'),
    (0xD0, 'Đ'),
    (0xD1, 'ứ'),
    (0xD5, 'ạ'),
    (0xD6, 'ỷ'),
    (0xD7, 'ừ'),
    (0xD8, 'ử'),
    (0xDB, 'ỹ'),
    (0xDC, 'ỵ'),
    (0xDE, 'ỡ'),
    (0xDF, 'ư'),
    (0xE4, 'ả'),
    (0xE5, 'ă'),
    (0xE6, 'ữ'),
    (0xE7, 'ẫ'),
    (0xEB, 'ẻ'),
    (0xEE, 'ĩ'),
    (0xEF, 'ỉ'),
    (0xF0, 'đ'),
    (0xF1, 'ự'),
    (0xF6, 'ỏ'),
    (0xF7, 'ọ'),
    (0xF8, 'ụ'),
    (0xFB, 'ũ'),
    (0xFC, 'ủ'),
    (0xFE, 'ợ'),
    (0xFF, 'Ữ'),
];

/// TCVN 5712:1993 VN1: the bytes that are not ASCII or Latin-1 (control codes for capitals,
/// 0xB0–0xB4 combining tone marks). Written from glibc's `iconv -f TCVN5712-1`, a byte at a time.
const TCVN_VN1: [(u8, char); 138] = [
    (0x01, 'Ú'),
    (0x02, 'Ụ'),
    (0x04, 'Ừ'),
    (0x05, 'Ử'),
    (0x06, 'Ữ'),
    (0x11, 'Ứ'),
    (0x12, 'Ự'),
    (0x13, 'Ỳ'),
    (0x14, 'Ỷ'),
    (0x15, 'Ỹ'),
    (0x16, 'Ý'),
    (0x17, 'Ỵ'),
    (0x80, 'À'),
    (0x81, 'Ả'),
    (0x82, 'Ã'),
    (0x83, 'Á'),
    (0x84, 'Ạ'),
    (0x85, 'Ặ'),
    (0x86, 'Ậ'),
    (0x87, 'È'),
    (0x88, 'Ẻ'),
    (0x89, 'Ẽ'),
    (0x8A, 'É'),
    (0x8B, 'Ẹ'),
    (0x8C, 'Ệ'),
    (0x8D, 'Ì'),
    (0x8E, 'Ỉ'),
    (0x8F, 'Ĩ'),
    (0x90, 'Í'),
    (0x91, 'Ị'),
    (0x92, 'Ò'),
    (0x93, 'Ỏ'),
    (0x94, 'Õ'),
    (0x95, 'Ó'),
    (0x96, 'Ọ'),
    (0x97, 'Ộ'),
    (0x98, 'Ờ'),
    (0x99, 'Ở'),
    (0x9A, 'Ỡ'),
    (0x9B, 'Ớ'),
    (0x9C, 'Ợ'),
    (0x9D, 'Ù'),
    (0x9E, 'Ủ'),
    (0x9F, 'Ũ'),
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
    (0xA8, 'ă'),
    (0xA9, 'â'),
    (0xAA, 'ê'),
    (0xAB, 'ô'),
    (0xAC, 'ơ'),
    (0xAD, 'ư'),
    (0xAE, 'đ'),
    (0xAF, 'Ằ'),
    (0xB0, '\u{0300}'),
    (0xB1, '\u{0309}'),
    (0xB2, '\u{0303}'),
    (0xB3, '\u{0301}'),
    (0xB4, '\u{0323}'),
    (0xB5, 'à'),
    (0xB6, 'ả'),
    (0xB7, 'ã'),
    (0xB8, 'á'),
    (0xB9, 'ạ'),
    (0xBA, 'Ẳ'),
    (0xBB, 'ằ'),
    (0xBC, 'ẳ'),
    (0xBD, 'ẵ'),
    (0xBE, 'ắ'),
    (0xBF, 'Ẵ'),
    (0xC0, 'Ắ'),
    (0xC1, 'Ầ'),
    (0xC2, 'Ẩ'),
    (0xC3, 'Ẫ'),
    (0xC4, 'Ấ'),
    (0xC5, 'Ề'),
    (0xC6, 'ặ'),
    (0xC7, 'ầ'),
    (0xC8, 'ẩ'),
    (0xC9, 'ẫ'),
    (0xCA, 'ấ'),
    (0xCB, 'ậ'),
    (0xCC, 'è'),
    (0xCD, 'Ể'),
    (0xCE, 'ẻ'),
    (0xCF, 'ẽ'),
    (0xD0, 'é'),
    (0xD1, 'ẹ'),
    (0xD2, 'ề'),
    (0xD3, 'ể'),
    (0xD4, 'ễ'),
    (0xD5, 'ế'),
    (0xD6, 'ệ'),
    (0xD7, 'ì'),
    (0xD8, 'ỉ'),
    (0xD9, 'Ễ'),
    (0xDA, 'Ế'),
    (0xDB, 'Ồ'),
    (0xDC, 'ĩ'),
    (0xDD, 'í'),
    (0xDE, 'ị'),
    (0xDF, 'ò'),
    (0xE0, 'Ổ'),
    (0xE1, 'ỏ'),
    (0xE2, 'õ'),
    (0xE3, 'ó'),
    (0xE4, 'ọ'),
    (0xE5, 'ồ'),
    (0xE6, 'ổ'),
    (0xE7, 'ỗ'),
    (0xE8, 'ố'),
    (0xE9, 'ộ'),
    (0xEA, 'ờ'),
    (0xEB, 'ở'),
    (0xEC, 'ỡ'),
    (0xED, 'ớ'),
    (0xEE, 'ợ'),
    (0xEF, 'ù'),
    (0xF0, 'Ỗ'),
    (0xF1, 'ủ'),
    (0xF2, 'ũ'),
    (0xF3, 'ú'),
    (0xF4, 'ụ'),
    (0xF5, 'ừ'),
    (0xF6, 'ử'),
    (0xF7, 'ữ'),
    (0xF8, 'ứ'),
    (0xF9, 'ự'),
    (0xFA, 'ỳ'),
    (0xFB, 'ỷ'),
    (0xFC, 'ỹ'),
    (0xFE, 'ỵ'),
    (0xFF, 'Ố'),
];

/// Removes diacritics and upper-cases: `Tối mật` → `TOI MAT`, `đ` → `D`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
            continue;
        }
        if matches!(c, 'đ' | 'Đ') {
            out.push('D');
            continue;
        }
        let mut base = None;
        decompose_canonical(c, |d| {
            if base.is_none() {
                base = Some(d);
            }
        });
        let b = base.unwrap_or(c);
        if ('\u{300}'..='\u{36F}').contains(&b) {
            continue;
        }
        out.extend(b.to_uppercase());
    }
    out
}

/// Frequent Vietnamese syllables as they are written without marks ("khong", "duoc", "cua"),
/// chosen to be rare as English words: a text mostly of these is Vietnamese typed without
/// diacritics, as informal mail often is.
const UNMARKED_SYLLABLES: &[&str] = &[
    "anh", "bao", "cac", "cam", "chao", "chi", "chieu", "cho", "chua", "chuc", "chung", "cua", "cung",
    "dang", "den", "deu", "dich", "dien", "duoc", "duong", "giup", "hang", "hoac", "hop", "khach", "khi",
    "khoa", "khong", "lai", "lam", "lien", "luc", "mot", "moi", "muon", "nam", "ngay", "nghiep", "nguoi",
    "nhan", "nhieu", "nhung", "nhu", "nay", "neu", "phai", "phan", "quy", "rat", "roi", "sau", "thang",
    "thanh", "thi", "thoi", "thong", "thu", "toi", "tren", "trong", "truoc", "tuan", "vao", "viec", "voi",
    "vui", "xin", "xac", "bang", "dau", "gui", "minh", "nhat", "qua", "tai", "tien", "van", "ve", "hien",
    "duoi", "nhe", "nha", "hoc", "phi", "toan", "khoan", "giao", "ngan", "chuyen", "nop", "dinh", "lop",
    "truong", "cong", "nuoc", "tinh", "huyen", "phuong", "dong", "kinh", "tra", "loi", "cau", "hoi", "biet",
    "nhiem", "vu", "duc", "thuong", "nguyen", "tran", "hoang", "pham",
];

/// Whether a lower-case word is a frequent Vietnamese syllable written without marks (a binary
/// search: the classifier asks this of every distinct ASCII word of a message).
pub fn is_unmarked_syllable(word: &str) -> bool {
    static SORTED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    SORTED
        .get_or_init(|| {
            let mut v = UNMARKED_SYLLABLES.to_vec();
            v.sort_unstable();
            v
        })
        .binary_search(&word)
        .is_ok()
}

/// Whether the text carries any Vietnamese diacritic (so a folded match would be a guess).
pub fn has_diacritics(text: &str) -> bool {
    !text.is_ascii()
        && text.chars().any(|c| {
            !c.is_ascii() && (matches!(c, 'đ' | 'Đ') || decompose_canonical_differs(c) || is_combining(c))
        })
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

fn decompose_canonical_differs(c: char) -> bool {
    let mut n = 0;
    decompose_canonical(c, |_| n += 1);
    n > 1
}

/// `c.is_alphabetic()`, without a table lookup for the Latin letters Vietnamese is written in.
#[inline]
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A => true,
        0..=0x7F => false,
        // Latin-1 letters, Latin Extended-A and -B (× and ÷ are not letters).
        0xD7 | 0xF7 => false,
        0xC0..=0x24F => true,
        // Latin Extended Additional: ạ ả ấ ầ ẩ ẫ ậ … ỹ.
        0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()`, with [`is_letter`]'s shortcut.
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c) || (!c.is_ascii() && !is_latin(c) && c.is_numeric())
}

/// `c.is_uppercase()`, with [`is_letter`]'s shortcut.
#[inline]
pub fn is_upper(c: char) -> bool {
    match lower_latin(c) {
        Some(l) => l != c,
        None => c.is_uppercase(),
    }
}

/// The ranges [`is_letter`] answers without the tables.
fn is_latin(c: char) -> bool {
    matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF)
}

/// The lower case of a character of the ranges Vietnamese uses, or None (ask the standard
/// library).
#[inline]
fn lower_latin(c: char) -> Option<char> {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A => u + 0x20,
        0..=0x7F => u,
        // Latin-1: no capitals below À; × and the lower-case half map to themselves.
        0x80..=0xBF | 0xD7 | 0xDF..=0xFF => u,
        0xC0..=0xDE => u + 0x20,
        // The capitals of Vietnamese in Latin Extended-A/-B: Ă Đ Ĩ Ũ Ơ Ư.
        0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 => u + 1,
        0x1AF => 0x1B0,
        0x103 | 0x111 | 0x129 | 0x169 | 0x1A1 | 0x1B0 => u,
        // Latin Extended Additional, Vietnamese part: capitals even, small letters odd.
        0x1EA0..=0x1EFF if u.is_multiple_of(2) => u + 1,
        0x1EA0..=0x1EFF => u,
        // General punctuation (– — ‘ ’ “ ” …): no case.
        0x2000..=0x206F => u,
        _ => return None,
    };
    char::from_u32(l)
}

/// A character of Vietnamese prose read from its bytes, without decoding it: Latin-1's upper
/// half (C3 80–BF: letters but × and ÷; capitals C3 80–9E but 97), the toned vowels
/// U+1EA0–1EFF (E1 BA A0 … E1 BB BF: letters, capitals even) and Vietnamese's own letters of
/// Latin Extended (Ă ă Đ đ Ĩ ĩ: C4 82/83, 90/91, A8/A9; Ũ ũ: C5 A8/A9; Ơ ơ Ư ư: C6 A0/A1,
/// AF/B0). A capital's small letter differs from it in the last byte only.
struct ProseChar {
    width: usize,
    letter: bool,
    /// For a capital, the last byte of its small letter.
    small_last_byte: Option<u8>,
}

impl ProseChar {
    /// The character starting at `bytes[i]`, when it is one of those.
    #[inline]
    fn at(bytes: &[u8], i: usize) -> Option<ProseChar> {
        match (bytes.get(i)?, bytes.get(i + 1), bytes.get(i + 2)) {
            (0xC3, Some(&b), _) if (0x80..=0xBF).contains(&b) => Some(ProseChar {
                width: 2,
                letter: b != 0x97 && b != 0xB7,
                small_last_byte: (b <= 0x9E && b != 0x97).then_some(b + 0x20),
            }),
            (0xE1, Some(&b1), Some(&b2))
                if (b1 == 0xBB || (b1 == 0xBA && b2 >= 0xA0)) && (0x80..=0xBF).contains(&b2) =>
            {
                Some(ProseChar {
                    width: 3,
                    letter: true,
                    small_last_byte: (b2 % 2 == 0).then_some(b2 + 1),
                })
            }
            (0xC4, Some(&b), _) if matches!(b, 0x82 | 0x83 | 0x90 | 0x91 | 0xA8 | 0xA9) => Some(ProseChar {
                width: 2,
                letter: true,
                small_last_byte: (b % 2 == 0).then_some(b + 1),
            }),
            (0xC5, Some(&b), _) if matches!(b, 0xA8 | 0xA9) => Some(ProseChar {
                width: 2,
                letter: true,
                small_last_byte: (b == 0xA8).then_some(0xA9),
            }),
            (0xC6, Some(&b), _) if matches!(b, 0xA0 | 0xA1 | 0xAF | 0xB0) => Some(ProseChar {
                width: 2,
                letter: true,
                small_last_byte: matches!(b, 0xA0 | 0xAF).then_some(b + 1),
            }),
            _ => None,
        }
    }
}

/// `text.to_lowercase()`, without table lookups for Vietnamese text; text with any other
/// cased script goes to the standard library whole (its rules depend on context, as Greek
/// final sigma does).
pub fn to_lower(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    to_lower_into(text, &mut out);
    out
}

/// [`to_lower`] into a buffer (cleared first), so a caller walking many words reuses one.
pub fn to_lower_into(text: &str, out: &mut String) {
    to_lower_aligned(text, out);
}

/// [`to_lower_into`], telling whether every character kept its length in bytes, so that a
/// slice of `text` and the same byte range of `out` are the same words (true for every text
/// [`lower_latin`] answers: Vietnamese, English, Latin-1; false when another cased script sent
/// the text to the standard library whole).
pub fn to_lower_aligned(text: &str, out: &mut String) -> bool {
    out.clear();
    out.push_str(text);
    out.make_ascii_lowercase();
    // The characters outside ASCII, found by their lead bytes: most are small letters already;
    // a capital of the Latin ranges is replaced in place by its small letter of the same length.
    let bytes = text.as_bytes();
    for i in lead_bytes(bytes) {
        if let Some(known) = ProseChar::at(bytes, i) {
            if let Some(small) = known.small_last_byte {
                // SAFETY: one continuation byte (80–BF) becomes another (the same plus one,
                // or plus 20 in Latin-1) after the same lead byte: the text stays UTF-8.
                unsafe { out.as_bytes_mut()[i + known.width - 1] = small };
            }
            continue;
        }
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        let n = c.len_utf8();
        match lower_latin(c) {
            Some(l) if l == c => {}
            Some(l) if l.len_utf8() == n => {
                let mut b = [0u8; 4];
                out.replace_range(i..i + n, l.encode_utf8(&mut b));
            }
            _ => {
                out.clear();
                out.push_str(&text.to_lowercase());
                return false;
            }
        }
    }
    true
}

/// Where the characters of two bytes or more start in UTF-8 text (their lead bytes, C0–FF),
/// in order, found eight bytes at a time: prose mixes ASCII and other letters too finely for a
/// byte-by-byte walk to guess its branches.
fn lead_bytes(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks(8).enumerate();
    let (mut base, mut mask) = (0usize, 0u64);
    std::iter::from_fn(move || {
        while mask == 0 {
            let (k, chunk) = chunks.next()?;
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            let w = u64::from_le_bytes(word);
            // A lead byte has its two top bits set: bit 7 of (w & w << 1) in its byte. (The
            // shift moves each byte's bit 6 to its bit 7; no bit crosses into another byte's 7.)
            mask = w & (w << 1) & HIGH;
            base = k * 8;
        }
        let at = base + (mask.trailing_zeros() / 8) as usize;
        mask &= mask - 1;
        Some(at)
    })
}

/// The words of a text: the byte ranges of its maximal runs of [`is_word_char`], in order, into
/// `out` (cleared first). ASCII and the characters of Vietnamese prose are read from their bytes;
/// only other characters are decoded.
pub fn word_spans(text: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (word, width) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else if let Some(known) = ProseChar::at(bytes, i) {
            (known.letter, known.width)
        } else {
            match text.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => (is_word_char(c), c.len_utf8()),
                // (Not at a character's start: cannot happen in a str; step over the byte.)
                None => (false, 1),
            }
        };
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
        i += width;
    }
    if let Some(s) = start {
        out.push((s, bytes.len()));
    }
}

/// Bounds of [`count_letters`] from the bytes alone, no character decoded: (at most this many
/// letters, at most this many capitals), the ASCII ones counted exactly and every other
/// character taken for a capital letter. A share of capitals below `most capitals / most
/// letters` is then certain without counting letter by letter.
pub fn letters_at_most(text: &str) -> (usize, usize) {
    let (letters, upper, others) = ascii_letters(text.as_bytes());
    (letters + others, upper + others)
}

/// (ASCII letters, ASCII capitals, characters outside ASCII) of UTF-8 text, over every byte
/// without a branch: no byte of another character is an ASCII letter, and each of those
/// characters has one lead byte (C0–FF).
fn ascii_letters(bytes: &[u8]) -> (usize, usize, usize) {
    let (mut letters, mut upper, mut others) = (0, 0, 0);
    for chunk in bytes.chunks(1 << 12) {
        let (mut l, mut u, mut o) = (0u32, 0u32, 0u32);
        for &b in chunk {
            l += u32::from((b | 0x20).wrapping_sub(b'a') < 26);
            u += u32::from(b.wrapping_sub(b'A') < 26);
            o += u32::from(b >= 0xC0);
        }
        letters += l as usize;
        upper += u as usize;
        others += o as usize;
    }
    (letters, upper, others)
}

/// How many letters ([`is_letter`]) a text has, and how many of them are capitals
/// ([`is_upper`]); ASCII characters are answered without the Latin tables.
pub fn count_letters(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    // ASCII letters first, then the other characters at their lead bytes.
    let (mut letters, mut upper, _) = ascii_letters(bytes);
    for i in lead_bytes(bytes) {
        if let Some(known) = ProseChar::at(bytes, i) {
            letters += usize::from(known.letter);
            upper += usize::from(known.small_last_byte.is_some());
        } else if let Some(c) = text.get(i..).and_then(|t| t.chars().next())
            && is_letter(c)
        {
            letters += 1;
            upper += usize::from(is_upper(c));
        }
    }
    (letters, upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// VISCII, TCVN 5712 (VN1) and VNI labelled text decodes to the letters it stands for;
    /// VISCII without a label is told from Windows-1258 and Latin-1 by its words.
    #[test]
    fn vietnamese_8bit_character_sets_by_label_and_by_content() {
        let text = "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nTỐI MẬT\nKẾ HOẠCH bảo vệ bí mật nhà nước, Ẵ Ẫ Ỷ Ỹ Ỵ ữ";
        let viscii = Charset8::Viscii.encode(text);
        assert!(viscii.iter().all(|&b| b != b'?'));
        assert_eq!(Charset8::Viscii.decode(&viscii), text);
        assert_eq!(decode_bytes(&viscii), text);
        assert!(is_vietnamese_8bit(&viscii));
        // TCVN 5712 VN1: «TỐI MẬT» as glibc writes it (Ố 0xFF, Ậ 0x86), a combining tone mark.
        assert_eq!(Charset8::Tcvn.decode(b"T\xffI M\x86T b\xb8o"), "TỐI MẬT báo");
        assert_eq!(Charset8::Tcvn.decode(b"ba\xb3n"), "bán");
        assert_eq!(Charset8::Tcvn.decode(&Charset8::Tcvn.encode(text)), text);
        assert_eq!(Charset8::Vni.decode(&Charset8::Vni.encode(text)), text);
        assert_eq!(Charset8::Vni.decode(b"TO\xc1I MA\xc4T"), "TỐI MẬT");
        for (label, want) in [
            ("VISCII", Some(Charset8::Viscii)),
            ("\"viscii1.1-1\"", Some(Charset8::Viscii)),
            ("x-viet-tcvn5712", Some(Charset8::Tcvn)),
            ("TCVN5712-1", Some(Charset8::Tcvn)),
            ("x-viet-vni", Some(Charset8::Vni)),
            ("windows-1258", None),
            ("utf-8", None),
        ] {
            assert_eq!(Charset8::from_label(label), want, "{label}");
        }
        // Latin-1 French stays French.
        let (latin, _, _) = encoding_rs::WINDOWS_1252
            .encode("Le comité a décidé de reporter la réunion à la semaine prochaine.");
        assert!(!is_vietnamese_8bit(&latin));
        assert_eq!(
            decode_bytes(&latin),
            "Le comité a décidé de reporter la réunion à la semaine prochaine."
        );
    }

    /// The letter count and lower-casing (ASCII answered apart) agree with the char-wise
    /// definitions on mixed texts: Vietnamese, English, Greek (its final sigma), CJK, marks.
    #[test]
    fn letter_counts_and_lower_casing_agree_with_the_char_wise_definitions() {
        for text in [
            "",
            "KÍNH GỬI các Đơn vị, ông Nguyễn Văn A (Phó Chủ tịch) – số 12/UBND!",
            "The MEETING is at 9:00; ƯU TIÊN Ấn định ỮNG",
            "ΣΟΦΟΣ σοφός and Ǆ ǅ ǆ",
            "中华人民 共和国 ABC xyz",
            "e\u{301} combining, NBSP\u{a0}here",
        ] {
            let naive = text
                .chars()
                .filter(|&c| is_letter(c))
                .fold((0, 0), |(l, u), c| (l + 1, u + usize::from(is_upper(c))));
            assert_eq!(count_letters(text), naive, "{text}");
            let mut out = String::from("stale");
            to_lower_into(text, &mut out);
            assert_eq!(out, text.to_lowercase(), "{text}");
        }
    }

    /// The words read from the bytes are the runs of `is_word_char` read character by
    /// character: every character to U+2FFFF, alone and between Vietnamese words, at each of
    /// four byte offsets.
    #[test]
    fn word_spans_are_the_runs_of_word_characters() {
        fn naive(text: &str) -> Vec<(usize, usize)> {
            let mut out = Vec::new();
            let mut start = None;
            for (i, c) in text.char_indices() {
                match (is_word_char(c), start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        out.push((s, i));
                        start = None;
                    }
                    _ => {}
                }
            }
            if let Some(s) = start {
                out.push((s, text.len()));
            }
            out
        }
        let mut spans = Vec::new();
        for c in (0..=0x2FFFFu32).filter_map(char::from_u32) {
            for pad in ["", "a", "ab", "abc"] {
                for text in [format!("{pad}Kính{c}gửi ông {c}"), format!("{pad}{c}")] {
                    word_spans(&text, &mut spans);
                    assert_eq!(spans, naive(&text), "U+{:04X} in {text:?}", c as u32);
                }
            }
        }
        let text = "Đề nghị các đơn vị: 12/UBND, ×3 e\u{301}x";
        word_spans(text, &mut spans);
        let words: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            words,
            ["Đề", "nghị", "các", "đơn", "vị", "12", "UBND", "3", "e", "x"]
        );
    }

    #[test]
    fn every_listed_unmarked_syllable_is_found_and_english_words_are_not() {
        for w in UNMARKED_SYLLABLES {
            assert!(is_unmarked_syllable(w), "{w}");
        }
        for w in ["the", "meeting", "report", "kh", "", "zzz"] {
            assert!(!is_unmarked_syllable(w), "{w}");
        }
    }

    #[test]
    fn tcvn3_capitals_font_reads_the_stamp() {
        // "MËT" typed in .VnTimeH is the stamp "MẬT"; "TèI" is "TỐI"; "TUYÖT" is "TUYỆT".
        let h = Legacy::from_font(".VnTimeH").expect("TCVN3");
        assert_eq!(h, Legacy::Tcvn3 { capitals: true });
        assert_eq!(h.decode("MËT"), "MẬT");
        assert_eq!(h.decode("TèI MËT"), "TỐI MẬT");
        assert_eq!(h.decode("TUYÖT MËT"), "TUYỆT MẬT");
        let l = Legacy::from_font(".VnTime").expect("TCVN3");
        assert_eq!(l.decode("K\u{dd}nh göi"), "Kính gửi");
        assert_eq!(
            l.decode("Céng hoµ x· héi chñ nghÜa ViÖt Nam"),
            "Cộng hoà xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(
            Legacy::from_font("ABCDEF+VnArialH"),
            Some(Legacy::Tcvn3 { capitals: true })
        );
        assert_eq!(Legacy::from_font("Times New Roman"), None);
    }

    #[test]
    fn vni_decodes_marks_after_vowels() {
        assert_eq!(Legacy::from_font("VNI-Times"), Some(Legacy::Vni));
        assert_eq!(Legacy::Vni.decode("TOÁI MAÄT"), "TỐI MẬT");
        assert_eq!(Legacy::Vni.decode("TUYEÄT MAÄT"), "TUYỆT MẬT");
        assert_eq!(
            Legacy::Vni.decode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"),
            "Cộng hòa xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(
            Legacy::Vni.decode("Ñoäc laäp - Töï do - Haïnh phuùc"),
            "Độc lập - Tự do - Hạnh phúc"
        );
        assert_eq!(Legacy::Vni.decode("Kính göûi"), "Kính gửi");
    }

    #[test]
    fn legacy_encodings_are_told_from_latin1_by_content() {
        let tcvn = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\nK\u{dd}nh göi: c¸c së, ban, ngµnh";
        assert_eq!(detect_legacy(tcvn), Some(Legacy::Tcvn3 { capitals: false }));
        let vni =
            "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\nKính göûi caùc sôû";
        assert_eq!(detect_legacy(vni), Some(Legacy::Vni));
        for latin in [
            "Réunion à Paris: l'été est très chaud, déjà vu.",
            "Grüße aus München, schöne Größe",
            "Cộng hòa xã hội chủ nghĩa Việt Nam",
            "plain ascii",
        ] {
            assert_eq!(detect_legacy(latin), None, "{latin}");
        }
    }

    #[test]
    fn nfd_and_windows_1258_compose() {
        let nfd: String = "TỐI MẬT".nfd().collect();
        assert_ne!(nfd, "TỐI MẬT");
        assert_eq!(nfc(&nfd), "TỐI MẬT");
        // Windows-1258 writes Ậ as Â + combining dot below (0xF2).
        let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(b"M\xc2\xf2T");
        assert_eq!(nfc(&text), "MẬT");
        assert_eq!(decode_bytes(b"\xff\xfeM\x00\xac\x1eT\x00"), "MẬT");
        assert_eq!(decode_bytes("Tối mật".as_bytes()), "Tối mật");
        assert_eq!(
            decode_bytes(b"K\xddnh g\xf6i c\xb8c \xae\xacn v\xde"),
            "Kính gửi các đơn vị"
        );
    }

    /// 8-bit bytes are Vietnamese when they read as Windows-1258, TCVN3 or VNI; Latin-1
    /// English or French is not (a mail part without a charset keeps its parser's reading).
    #[test]
    fn eight_bit_vietnamese_is_told_from_latin_1() {
        // "Tối mật, kính gửi" in Windows-1258: ô + combining acute (0xEC), â + dot below (0xF2).
        assert!(is_vietnamese_8bit(b"T\xf4\xeci m\xe2\xf2t, k\xednh g\xfd\xd2i"));
        assert!(is_vietnamese_8bit(b"K\xddnh g\xf6i c\xb8c \xae\xacn v\xde"));
        assert!(!is_vietnamese_8bit(
            b"Caf\xe9 cr\xe8me br\xfbl\xe9e, \xa9 2026 \x96 price \xa3 5"
        ));
        assert!(!is_vietnamese_8bit(b"plain ascii"));
        // Chinese in GB2312 (a SpamAssassin spam's body, sent without a charset).
        let (gb, _, _) =
            encoding_rs::GBK.encode("第十一届中国国际电子元器件展览会将于2002年4月1日在深圳举行，欢迎参观。");
        assert!(!is_vietnamese_8bit(&gb));
    }

    #[test]
    fn encoders_round_trip() {
        let text = "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Kính gửi: các sở, ban, ngành; ưu tiên, lưỡi, người, quyết định, tỷ lệ, kỹ thuật, ỵ";
        assert_eq!(Legacy::Vni.decode(&Legacy::Vni.encode(text)), text);
        assert_eq!(Legacy::Vni.encode("TỐI MẬT"), "TOÁI MAÄT");
        let caps = "TUYỆT MẬT";
        assert_eq!(Legacy::Vni.decode(&Legacy::Vni.encode(caps)), caps);
        let t = Legacy::Tcvn3 { capitals: false };
        assert_eq!(t.decode(&t.encode(text)), text);
        assert_eq!(t.encode("MẬT"), "M\u{cb}T");
        let h = Legacy::Tcvn3 { capitals: true };
        assert_eq!(h.decode(&h.encode("TỐI MẬT")), "TỐI MẬT");
    }

    #[test]
    fn look_alike_letters_read_as_latin_only_beside_latin() {
        // Cyrillic М and Т around a Latin Ậ; a Cyrillic А carrying the combining marks.
        assert_eq!(latin_look_alikes("ĐỘ MẬT: \u{41C}\u{1EAC}\u{422}"), "ĐỘ MẬT: MẬT");
        assert_eq!(
            latin_look_alikes("T\u{1ED0}I \u{41C}\u{410}\u{302}\u{323}\u{422}"),
            "TỐI MẬT"
        );
        // Greek capitals on a line with a Latin letter.
        assert_eq!(latin_look_alikes("\u{39C}\u{1EAC}\u{3A4}"), "MẬT");
        // Fullwidth and mathematical bold letters, alone on their lines too.
        assert_eq!(latin_look_alikes("\u{FF2D}\u{1EAC}\u{FF34}"), "MẬT");
        assert_eq!(latin_look_alikes("\u{1D40C}\u{1D400}\u{1D413}\nx"), "MAT\nx");
        // Russian and Greek lines alone stay as they are; lines stay where they were.
        let russian = "ДОГОВОР\nМАТ\nHợp đồng số 5";
        assert_eq!(latin_look_alikes(russian), russian);
        assert_eq!(latin_look_alikes("Ελληνικά"), "Ελληνικά");
        // Text without any such letter is not copied (emoji and a BOM are none).
        assert!(matches!(
            latin_look_alikes("Tối mật — “trích” 😀\u{FEFF}"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn folding_removes_marks() {
        assert_eq!(fold("Tối mật"), "TOI MAT");
        assert_eq!(fold("Độ mật"), "DO MAT");
        assert_eq!(fold("MẶT MẤT MẮT MÁT"), "MAT MAT MAT MAT");
        assert!(has_diacritics("mật"));
        assert!(!has_diacritics("TOI MAT"));
    }

    #[test]
    fn lead_bytes_are_where_characters_of_several_bytes_start() {
        let text = "Kính gửi: các đơn vị – “ĐỒNG” 東京 😀 a\u{a0}b ế";
        for from in 0..text.len() {
            let Some(t) = text.get(from..) else {
                continue;
            };
            let want: Vec<usize> = t
                .char_indices()
                .filter(|(_, c)| c.len_utf8() > 1)
                .map(|(i, _)| i)
                .collect();
            assert_eq!(lead_bytes(t.as_bytes()).collect::<Vec<_>>(), want, "{t}");
        }
        assert_eq!(lead_bytes(b"").count(), 0);
        assert_eq!(lead_bytes(b"plain ascii, longer than a word").count(), 0);
    }

    #[test]
    fn the_fast_character_classes_agree_with_the_standard_library() {
        for u in 0..=0x2_FFFFu32 {
            let Some(c) = char::from_u32(u) else {
                continue;
            };
            assert_eq!(is_letter(c), c.is_alphabetic(), "is_letter {u:#x}");
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "is_word_char {u:#x}");
            assert_eq!(is_upper(c), c.is_uppercase(), "is_upper {u:#x}");
            // Shifted by 0 to 7 bytes, so the characters fall everywhere in the 8-byte words
            // the lead bytes are looked for in.
            let text = format!("{}a{c}B{c}", &"......."[..(u % 8) as usize]);
            let naive = text
                .chars()
                .filter(|&c| is_letter(c))
                .fold((0, 0), |(l, u), c| (l + 1, u + usize::from(is_upper(c))));
            assert_eq!(count_letters(&text), naive, "count_letters {u:#x}");
            let (most_letters, most_upper) = letters_at_most(&text);
            assert!(
                most_letters >= naive.0 && most_upper >= naive.1,
                "letters_at_most {u:#x}"
            );
            assert_eq!(to_lower(&text), text.to_lowercase(), "to_lower {u:#x}");
            if let Some(l) = lower_latin(c) {
                assert_eq!(l.to_string(), c.to_lowercase().to_string(), "lower {u:#x}");
                // What lets to_lower_aligned replace a capital in place.
                assert_eq!(l.len_utf8(), c.len_utf8(), "lower's length {u:#x}");
            }
        }
        for text in [
            "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG – “Công văn” số 12/UBND…",
            "ΟΔΟΣ ΣΟΦΙΑΣ",
            "İstanbul Straße ǅ",
            "Vay TIỀN nhanh Ω",
            "",
        ] {
            assert_eq!(to_lower(text), text.to_lowercase(), "{text}");
            let mut out = String::new();
            if to_lower_aligned(text, &mut out) {
                // Aligned: every word is at the same bytes in both.
                for (i, c) in text.char_indices() {
                    let l: String = c.to_lowercase().collect();
                    assert_eq!(out.get(i..i + c.len_utf8()), Some(l.as_str()), "{text} at {i}");
                }
            }
        }
        let mut out = String::new();
        assert!(to_lower_aligned("ỦY BAN NHÂN DÂN – “Công văn” ĐỒNG", &mut out));
        assert_eq!(out, "ủy ban nhân dân – “công văn” đồng");
        assert!(to_lower_aligned("ĂN ƯỚC ƠN ĨU ŨI Đi", &mut out));
        assert_eq!(out, "ăn ước ơn ĩu ũi đi");
        assert!(!to_lower_aligned("ΟΔΟΣ ΣΟΦΙΑΣ", &mut out));
    }
}
