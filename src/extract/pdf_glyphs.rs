//! The encodings of PDF's simple fonts (Type1, TrueType, Type3) without a `ToUnicode` map:
//! the base encodings (`WinAnsiEncoding`, `MacRomanEncoding`, `StandardEncoding`) and the glyph
//! names a `/Differences` array gives codes, read as a reader reads them: `uniXXXX` and `uXXXX`
//! forms, the names of the Latin character set, and letters named with their accents (`a` +
//! `circumflex` + `dotbelow` = `acircumflexdotbelow`, ậ; `ohornacute`, ớ; `Dcroat`, Đ), which is
//! how Vietnamese letters are named in fonts. Names are parsed, not looked up in a copied list.

use unicode_normalization::UnicodeNormalization;

/// A simple font's 256 codes, each to its text (None: not encoded).
pub type Encoding = Vec<Option<String>>;

/// The base encoding named `name` (None when the name is not one of PDF's).
pub fn base(name: &str) -> Option<Encoding> {
    let decode = |enc: &'static encoding_rs::Encoding| -> Encoding {
        (0..=255u8)
            .map(|b| {
                let byte = [b];
                let (t, _, bad) = enc.decode(&byte);
                (b >= 0x20 && !bad).then(|| t.into_owned())
            })
            .collect()
    };
    match name {
        "WinAnsiEncoding" => Some(decode(encoding_rs::WINDOWS_1252)),
        "MacRomanEncoding" => Some(decode(encoding_rs::MACINTOSH)),
        "StandardEncoding" => Some(standard()),
        _ => None,
    }
}

/// Adobe's StandardEncoding (PDF 32000, Annex D): ASCII with curly quotes at 0x27 and 0x60, and
/// its own upper half.
fn standard() -> Encoding {
    let mut e: Encoding = (0..=255u32)
        .map(|b| {
            (0x20..0x7F)
                .contains(&b)
                .then(|| char::from_u32(b).map(String::from))
                .flatten()
        })
        .collect();
    e[0x27] = Some("\u{2019}".into());
    e[0x60] = Some("\u{2018}".into());
    const UPPER: &[(u8, &str)] = &[
        (0xA1, "¡"),
        (0xA2, "¢"),
        (0xA3, "£"),
        (0xA4, "⁄"),
        (0xA5, "¥"),
        (0xA6, "ƒ"),
        (0xA7, "§"),
        (0xA8, "¤"),
        (0xA9, "'"),
        (0xAA, "“"),
        (0xAB, "«"),
        (0xAC, "‹"),
        (0xAD, "›"),
        (0xAE, "fi"),
        (0xAF, "fl"),
        (0xB1, "–"),
        (0xB2, "†"),
        (0xB3, "‡"),
        (0xB4, "·"),
        (0xB6, "¶"),
        (0xB7, "•"),
        (0xB8, "‚"),
        (0xB9, "„"),
        (0xBA, "”"),
        (0xBB, "»"),
        (0xBC, "…"),
        (0xBD, "‰"),
        (0xBF, "¿"),
        (0xC1, "`"),
        (0xC2, "´"),
        (0xC3, "ˆ"),
        (0xC4, "˜"),
        (0xC5, "¯"),
        (0xC6, "˘"),
        (0xC7, "˙"),
        (0xC8, "¨"),
        (0xCA, "˚"),
        (0xCB, "¸"),
        (0xCD, "˝"),
        (0xCE, "˛"),
        (0xCF, "ˇ"),
        (0xD0, "—"),
        (0xE1, "Æ"),
        (0xE3, "ª"),
        (0xE8, "Ł"),
        (0xE9, "Ø"),
        (0xEA, "Œ"),
        (0xEB, "º"),
        (0xF1, "æ"),
        (0xF5, "ı"),
        (0xF8, "ł"),
        (0xF9, "ø"),
        (0xFA, "œ"),
        (0xFB, "ß"),
    ];
    for &(b, s) in UPPER {
        e[b as usize] = Some(s.into());
    }
    e
}

/// Names whose character is not their letters and accents.
const NAMED: &[(&str, &str)] = &[
    ("space", " "),
    ("exclam", "!"),
    ("quotedbl", "\""),
    ("numbersign", "#"),
    ("dollar", "$"),
    ("percent", "%"),
    ("ampersand", "&"),
    ("quotesingle", "'"),
    ("quoteright", "\u{2019}"),
    ("quoteleft", "\u{2018}"),
    ("parenleft", "("),
    ("parenright", ")"),
    ("asterisk", "*"),
    ("plus", "+"),
    ("comma", ","),
    ("hyphen", "-"),
    ("minus", "\u{2212}"),
    ("period", "."),
    ("slash", "/"),
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("colon", ":"),
    ("semicolon", ";"),
    ("less", "<"),
    ("equal", "="),
    ("greater", ">"),
    ("question", "?"),
    ("at", "@"),
    ("bracketleft", "["),
    ("backslash", "\\"),
    ("bracketright", "]"),
    ("asciicircum", "^"),
    ("underscore", "_"),
    ("braceleft", "{"),
    ("bar", "|"),
    ("braceright", "}"),
    ("asciitilde", "~"),
    ("Euro", "€"),
    ("quotesinglbase", "‚"),
    ("florin", "ƒ"),
    ("quotedblbase", "„"),
    ("ellipsis", "…"),
    ("dagger", "†"),
    ("daggerdbl", "‡"),
    ("perthousand", "‰"),
    ("guilsinglleft", "‹"),
    ("guilsinglright", "›"),
    ("quotedblleft", "“"),
    ("quotedblright", "”"),
    ("bullet", "•"),
    ("endash", "–"),
    ("emdash", "—"),
    ("trademark", "™"),
    ("exclamdown", "¡"),
    ("cent", "¢"),
    ("sterling", "£"),
    ("currency", "¤"),
    ("yen", "¥"),
    ("brokenbar", "¦"),
    ("section", "§"),
    ("copyright", "©"),
    ("ordfeminine", "ª"),
    ("guillemotleft", "«"),
    ("logicalnot", "¬"),
    ("registered", "®"),
    ("degree", "°"),
    ("plusminus", "±"),
    ("twosuperior", "²"),
    ("threesuperior", "³"),
    ("mu", "µ"),
    ("paragraph", "¶"),
    ("periodcentered", "·"),
    ("onesuperior", "¹"),
    ("ordmasculine", "º"),
    ("guillemotright", "»"),
    ("onequarter", "¼"),
    ("onehalf", "½"),
    ("threequarters", "¾"),
    ("questiondown", "¿"),
    ("multiply", "×"),
    ("divide", "÷"),
    ("AE", "Æ"),
    ("ae", "æ"),
    ("OE", "Œ"),
    ("oe", "œ"),
    ("Eth", "Ð"),
    ("eth", "ð"),
    ("Thorn", "Þ"),
    ("thorn", "þ"),
    ("germandbls", "ß"),
    ("Lslash", "Ł"),
    ("lslash", "ł"),
    ("Oslash", "Ø"),
    ("oslash", "ø"),
    ("Dcroat", "Đ"),
    ("dcroat", "đ"),
    ("Dslash", "Đ"),
    ("dmacron", "đ"),
    ("dotlessi", "ı"),
    ("fi", "fi"),
    ("fl", "fl"),
    ("ff", "ff"),
    ("ffi", "ffi"),
    ("ffl", "ffl"),
    ("nbspace", "\u{a0}"),
    ("sfthyphen", "\u{ad}"),
    // Spacing accents (alone, not after a letter).
    ("grave", "`"),
    ("acute", "´"),
    ("circumflex", "ˆ"),
    ("tilde", "˜"),
    ("dieresis", "¨"),
    ("macron", "¯"),
    ("breve", "˘"),
    ("dotaccent", "˙"),
    ("ring", "˚"),
    ("cedilla", "¸"),
    ("hungarumlaut", "˝"),
    ("ogonek", "˛"),
    ("caron", "ˇ"),
];

/// Accents by name, as combining marks; the `…comb`/`…cmb` names are the marks alone.
const ACCENTS: &[(&str, char)] = &[
    ("circumflex", '\u{302}'),
    ("dieresis", '\u{308}'),
    ("dotbelow", '\u{323}'),
    ("hookabove", '\u{309}'),
    ("hungarumlaut", '\u{30B}'),
    ("dotaccent", '\u{307}'),
    ("cedilla", '\u{327}'),
    ("macron", '\u{304}'),
    ("ogonek", '\u{328}'),
    ("acute", '\u{301}'),
    ("grave", '\u{300}'),
    ("tilde", '\u{303}'),
    ("breve", '\u{306}'),
    ("caron", '\u{30C}'),
    ("horn", '\u{31B}'),
    ("ring", '\u{30A}'),
];

const COMBINING: &[(&str, char)] = &[
    ("gravecomb", '\u{300}'),
    ("acutecomb", '\u{301}'),
    ("tildecomb", '\u{303}'),
    ("hookabovecomb", '\u{309}'),
    ("hookcmb", '\u{309}'),
    ("dotbelowcomb", '\u{323}'),
    ("dotbelowcmb", '\u{323}'),
];

/// The text of glyph `name` (None when it names nothing known).
pub fn text_of(name: &str) -> Option<String> {
    // Suffixes (`a.sc`, `one.oldstyle`) name variants of the same character.
    let name = name.split('.').next().unwrap_or(name);
    if name.is_empty() {
        return None;
    }
    // Ligatures: `f_f_i`.
    if name.contains('_') {
        return name.split('_').map(text_of).collect();
    }
    if let Some(&(_, s)) = NAMED.iter().find(|(n, _)| *n == name) {
        return Some(s.to_owned());
    }
    if let Some(&(_, c)) = COMBINING.iter().find(|(n, _)| *n == name) {
        return Some(c.to_string());
    }
    if let Some(hex) = name.strip_prefix("uni")
        && hex.len() >= 4
        && hex.len() % 4 == 0
        && hex.bytes().all(|b| b.is_ascii_hexdigit())
    {
        let text: Option<String> = (0..hex.len() / 4)
            .map(|i| {
                u32::from_str_radix(&hex[i * 4..i * 4 + 4], 16)
                    .ok()
                    .and_then(char::from_u32)
            })
            .collect();
        return text.map(|t| t.nfc().collect());
    }
    if let Some(hex) = name.strip_prefix('u')
        && (4..=6).contains(&hex.len())
        && hex.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return u32::from_str_radix(hex, 16)
            .ok()
            .and_then(char::from_u32)
            .map(String::from);
    }
    // A letter, then its accents.
    let mut chars = name.chars();
    let base = chars.next().filter(char::is_ascii_alphabetic)?;
    let mut rest = chars.as_str();
    let mut out = String::from(base);
    while !rest.is_empty() {
        let &(accent, mark) = ACCENTS.iter().find(|(a, _)| rest.starts_with(a))?;
        out.push(mark);
        rest = &rest[accent.len()..];
    }
    Some(out.nfc().collect())
}

/// Applies a `/Differences` array (`[code /name /name … code /name …]`, as text) to `base`.
pub fn apply_differences(base: &mut Encoding, differences: &str) {
    let mut code: usize = 0;
    for word in differences.split_whitespace() {
        // `65/B/C`: a code, then names each behind a '/'; anything else is skipped.
        let mut parts = word.split('/');
        if let Some(n) = parts.next().and_then(|first| first.parse::<usize>().ok()) {
            code = n;
        }
        for name in parts.filter(|n| !n.is_empty()) {
            if let Some(slot) = base.get_mut(code) {
                *slot = text_of(name);
            }
            code = code.saturating_add(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_letters_by_their_accents() {
        for (name, text) in [
            ("Acircumflexdotbelow", "Ậ"),
            ("acircumflexdotbelow", "ậ"),
            ("ohornacute", "ớ"),
            ("Uhorntilde", "Ữ"),
            ("ydotbelow", "ỵ"),
            ("Ocircumflexacute", "Ố"),
            ("abrevehookabove", "ẳ"),
            ("Dcroat", "Đ"),
            ("uni1EAC", "Ậ"),
            ("u1EAC", "Ậ"),
            ("uni00410302", "Â"),
            ("M", "M"),
            ("T.sc", "T"),
            ("f_i", "fi"),
            ("eacute", "é"),
            ("dotbelowcomb", "\u{323}"),
        ] {
            assert_eq!(text_of(name).as_deref(), Some(text), "{name}");
        }
        for unknown in ["", "g123", "Aspline", "uniZZZZ", ".notdef", "_"] {
            assert!(text_of(unknown).is_none(), "{unknown}");
        }
    }

    #[test]
    fn differences_replace_codes_from_each_number() {
        let mut e = base("WinAnsiEncoding").expect("known");
        apply_differences(&mut e, "[ 128 /Acircumflexdotbelow /Ocircumflexacute 65/B/C ]");
        assert_eq!(e[128].as_deref(), Some("Ậ"));
        assert_eq!(e[129].as_deref(), Some("Ố"));
        assert_eq!(e[65].as_deref(), Some("B"));
        assert_eq!(e[66].as_deref(), Some("C"));
        assert_eq!(e[67].as_deref(), Some("C"));
        apply_differences(&mut e, "[ 99999 /A 255 /A /B ]");
        assert_eq!(e[255].as_deref(), Some("A"));
    }

    #[test]
    fn base_encodings() {
        assert_eq!(
            base("MacRomanEncoding").expect("known")[0x8E].as_deref(),
            Some("é")
        );
        assert_eq!(
            base("StandardEncoding").expect("known")[0x27].as_deref(),
            Some("\u{2019}")
        );
        assert_eq!(
            base("WinAnsiEncoding").expect("known")[0x80].as_deref(),
            Some("€")
        );
        assert!(base("Identity-H").is_none());
    }
}
