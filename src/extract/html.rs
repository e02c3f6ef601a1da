//! HTML reduced to text for scanning and for people: tags dropped, block elements and table
//! cells on lines of their own, scripts and styles skipped, character references decoded.
//! Never renders or fetches anything.

use std::cell::Cell;

thread_local! {
    /// HTML documents whose facts this thread derived (the test that facts are derived once
    /// per message counts them).
    static DERIVED: Cell<usize> = const { Cell::new(0) };
}

/// How many HTML documents this thread has derived [`HtmlFacts`] of so far.
pub fn html_derivations() -> usize {
    DERIVED.with(Cell::get)
}

/// What is derived from one HTML document, once: its text (one line per block), the fonts it
/// asks for (legacy Vietnamese encodings), its links with their text, the http(s) addresses of
/// its links and images, how many images it shows, and how many characters of its text are
/// styled to be invisible. Text extraction derives it for every HTML body; the spam checks read
/// the same.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlFacts {
    pub text: String,
    pub fonts: Vec<String>,
    /// (href, text shown) of each link, in order, at most [`MAX_LINKS`].
    pub links: Vec<(String, String)>,
    /// http(s) targets of `<a>`/`<area>` links and `<img>` sources, in order.
    pub urls: Vec<String>,
    pub images: usize,
    pub hidden_chars: usize,
    /// `src=HOST` and `href=HOST` of the http(s) addresses in any tag (the first 2,000 tags),
    /// lower-case: the classifier's link tokens.
    pub link_hosts: Vec<String>,
    /// Images carried in the document itself (`<img src="data:image/png;base64,…">`, as a
    /// picture pasted into some webmail editors or a generated mail is), decoded: a scanned
    /// stamp there is for OCR as an attached one is. At most [`MAX_INLINE_IMAGES`].
    pub inline_images: Vec<Vec<u8>>,
    /// The text alternatives of its pictures (`<img alt="TỐI MẬT">`), in order: what a reader
    /// sees where pictures are not loaded (Outlook's and Thunderbird's default for pictures from
    /// the web) and what a screen reader reads. At most [`MAX_ALTS`], each at most
    /// [`MAX_ALT_CHARS`] characters, empty ones left out.
    pub alts: Vec<String>,
}

/// Pictures' text alternatives kept per document, and the characters kept of each (a caption,
/// a stamp's words).
pub const MAX_ALTS: usize = 256;
const MAX_ALT_CHARS: usize = 500;

/// Images carried as `data:` addresses kept per document.
pub const MAX_INLINE_IMAGES: usize = 16;

/// Font names kept per document (the first legacy one decides the encoding).
const MAX_FONTS: usize = 256;

/// Tags whose link hosts are taken for the classifier.
const MAX_HOST_TAGS: usize = 2_000;

/// The host of an http(s) address, lower-case, at most 60 characters.
fn http_host(url: &str) -> Option<String> {
    let v = url.trim().to_ascii_lowercase();
    let rest = v.strip_prefix("http://").or_else(|| v.strip_prefix("https://"))?;
    Some(
        rest.split(['/', '?', '#', ':', '"', '\'', ' '])
            .next()
            .unwrap_or("")
            .chars()
            .take(60)
            .collect(),
    )
}

/// Links, and addresses, kept per document.
pub const MAX_LINKS: usize = 5_000;
/// Tags and texts looked at per document.
const MAX_TOKENS: usize = 100_000;

impl HtmlFacts {
    /// Derives the facts of `html`: its text in one pass ([`to_text`]), its markup in another
    /// ([`tokens`]).
    pub fn of(html: &str) -> HtmlFacts {
        DERIVED.with(|c| c.set(c.get() + 1));
        let mut f = HtmlFacts {
            text: to_text(html),
            // Bounded: a body of a million `face=` attributes must not become a million strings.
            fonts: fonts(html).take(MAX_FONTS).map(str::to_owned).collect(),
            ..HtmlFacts::default()
        };
        let mut hidden = Hidden::default();
        let mut open: Option<(String, String)> = None;
        let mut tags = 0usize;
        for t in tokens(html).take(MAX_TOKENS) {
            hidden.see(&t);
            if let Token::Tag {
                closing: false,
                attrs,
                ..
            } = &t
                && tags < MAX_HOST_TAGS
            {
                tags += 1;
                for attr in ["src", "href"] {
                    if let Some(host) = attribute(attrs, attr).and_then(|v| http_host(&v)) {
                        f.link_hosts.push(format!("{attr}={host}"));
                    }
                }
            }
            match t {
                Token::Tag {
                    name,
                    closing: false,
                    attrs,
                } => {
                    let attr = match name.as_str() {
                        "a" | "area" => "href",
                        "img" => {
                            f.images += 1;
                            "src"
                        }
                        _ => continue,
                    };
                    let value = attribute(attrs, attr);
                    if name == "img"
                        && f.alts.len() < MAX_ALTS
                        && let Some(alt) = attribute(attrs, "alt")
                    {
                        let alt: String = alt.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !alt.is_empty() {
                            f.alts.push(alt.chars().take(MAX_ALT_CHARS).collect());
                        }
                    }
                    if name == "img"
                        && f.inline_images.len() < MAX_INLINE_IMAGES
                        && let Some(bytes) = value.as_deref().and_then(data_image)
                    {
                        f.inline_images.push(bytes);
                    }
                    if let Some(u) = &value {
                        let u = u.trim();
                        let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
                        if (lower.starts_with("http://") || lower.starts_with("https://"))
                            && f.urls.len() < MAX_LINKS
                        {
                            f.urls.push(u.to_owned());
                        }
                    }
                    if name == "a" {
                        open = value.map(|h| (h.trim().to_owned(), String::new()));
                    }
                }
                Token::Text(s) => {
                    if let Some((_, text)) = open.as_mut()
                        && text.len() < 500
                    {
                        text.push_str(&decode_references(s));
                    }
                }
                Token::Tag {
                    name, closing: true, ..
                } if name == "a" => {
                    if let Some(link) = open.take()
                        && f.links.len() < MAX_LINKS
                    {
                        f.links.push(link);
                    }
                }
                Token::Tag { .. } => {}
            }
        }
        f.hidden_chars = hidden.count;
        f
    }
}

/// The bytes of an image given as a `data:` address in base64 (`data:image/jpeg;base64,…`).
fn data_image(src: &str) -> Option<Vec<u8>> {
    let src = src.trim();
    let head = src.get(..11)?;
    if !head.eq_ignore_ascii_case("data:image/") {
        return None;
    }
    let comma = src.find(',')?;
    if !src[..comma].to_ascii_lowercase().ends_with(";base64") {
        return None;
    }
    let payload: Vec<u8> = src[comma + 1..]
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    mail_parser::decoders::base64::base64_decode(&payload).filter(|b| !b.is_empty())
}

/// Elements that never have content (and so no closing tag).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
];

/// Counts the characters of text inside elements styled to be invisible, token by token.
#[derive(Default)]
struct Hidden {
    /// Open elements: (name, hidden).
    stack: Vec<(String, bool)>,
    count: usize,
}

impl Hidden {
    fn see(&mut self, t: &Token<'_>) {
        match t {
            Token::Text(s) => {
                if self.stack.last().is_some_and(|(_, h)| *h) {
                    self.count += s.chars().filter(|c| !c.is_whitespace()).count();
                }
            }
            Token::Tag {
                name, closing: true, ..
            } => {
                if let Some(i) = self.stack.iter().rposition(|(n, _)| n == name) {
                    self.stack.truncate(i);
                }
            }
            Token::Tag { name, attrs, .. } => {
                if VOID.contains(&name.as_str()) || attrs.trim_end().ends_with('/') || self.stack.len() >= 512
                {
                    return;
                }
                let parent = self.stack.last().is_some_and(|(_, h)| *h);
                let hidden = parent || attribute(attrs, "style").is_some_and(|s| hides(&s));
                self.stack.push((name.clone(), hidden));
            }
        }
    }
}

/// Whether a `style` attribute makes its element invisible.
fn hides(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    s.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else {
            return false;
        };
        let value = value.trim_end_matches("!important");
        match prop {
            "display" => value == "none",
            "visibility" => value == "hidden",
            "opacity" => value.parse::<f64>().is_ok_and(|o| o <= 0.05),
            "font-size" => {
                let n: String = value
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.')
                    .collect();
                let unit = &value[n.len()..];
                n.parse::<f64>()
                    .is_ok_and(|v| v == 0.0 || (v <= 1.0 && matches!(unit, "px" | "pt")))
            }
            _ => false,
        }
    })
}

/// Latin-1 named character references, in code point order from U+00A0.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo",
    "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
    "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
    "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute",
    "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash",
    "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde",
    "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
    "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave",
    "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
];

/// Elements that end a line.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "tr",
    "td",
    "th",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "hr",
    "title",
    "caption",
    "dt",
    "dd",
    "section",
    "article",
    "header",
    "footer",
    "center",
    "address",
    "form",
    "fieldset",
    "legend",
    "tbody",
    "thead",
    "tfoot",
    "details",
    "summary",
    "figure",
    "figcaption",
    "nav",
    "main",
    "aside",
    "dl",
    "option",
];

/// Elements whose content is never shown. Everything else is read, wherever it sits: mail
/// clients render text in an unclosed `<head>`, in `<noscript>` (they run no script), in
/// `<object>` fallbacks, `<svg>` text and `<template>`-like markup, so a marking placed there is
/// seen by the reader and must be seen by the detector.
const SKIP: &[&str] = &["script", "style"];

/// Decodes one character reference body (`amp`, `#233`, `#xE9`).
pub fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        _ => {
            let i = LATIN1.iter().position(|n| *n == name)?;
            char::from_u32(0xA0 + i as u32)?
        }
    })
}

/// The text of an HTML document, one line per block or table cell; text styled
/// `text-transform: uppercase` or `font-variant: small-caps` (how Word writes All caps and Small
/// caps as HTML) in capitals, as it is shown.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skip_until: Option<String> = None;
    let mut shown = Shown::default();
    while !rest.is_empty() {
        let Some(lt) = rest.find(['<', '&']) else {
            if skip_until.is_none() {
                shown.push_text(&mut out, rest);
            }
            break;
        };
        if skip_until.is_none() {
            shown.push_text(&mut out, &rest[..lt]);
        }
        rest = &rest[lt..];
        if rest.starts_with('&') {
            let end = rest[1..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
                .map_or(rest.len(), |e| e + 1);
            let name = &rest[1..end];
            let decoded = (!name.is_empty()).then(|| entity(name)).flatten();
            match decoded {
                Some(c) => {
                    if skip_until.is_none() {
                        let c = if c == '\u{a0}' { ' ' } else { c };
                        shown.push_text(&mut out, c.encode_utf8(&mut [0; 4]));
                    }
                    rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
                }
                None => {
                    if skip_until.is_none() {
                        out.push('&');
                    }
                    rest = &rest[1..];
                }
            }
            continue;
        }
        // A tag, a comment, or a lone '<'.
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(until) = &skip_until {
            if closing && *until == name {
                skip_until = None;
            }
            continue;
        }
        if !closing && SKIP.contains(&name.as_str()) && !tag.ends_with('/') {
            // A style sheet's generated text (`content: "…"` of `::before` and `::after`) is
            // shown where its rules apply: read as lines where the sheet is.
            if name == "style" {
                let end = rest.find("</").unwrap_or(rest.len());
                shown.read_sheet(&rest[..end]);
                for text in generated_text(&rest[..end]).take(MAX_GENERATED) {
                    if !out.ends_with('\n') && !out.is_empty() {
                        out.push('\n');
                    }
                    out.push_str(&text);
                    out.push('\n');
                }
            }
            skip_until = Some(name);
            continue;
        }
        shown.see(&name, closing, &tag[name.len() + usize::from(closing)..]);
        if BLOCK.contains(&name.as_str()) && !out.ends_with('\n') && !out.is_empty() {
            out.push('\n');
        }
    }
    out
}

/// Strings of generated text read from one style sheet, the `content` properties looked at for
/// them, and the characters read of one string (a stamp is a few words; a sheet of unclosed
/// strings must not be read to its end once for each).
const MAX_GENERATED: usize = 64;
const MAX_CONTENT_PROPERTIES: usize = 1024;
const MAX_STRING_CHARS: usize = 256;

/// The strings a style sheet writes into the page (`content: "TỐI MẬT"`, `content: 'M\1EAC T'`:
/// CSS escapes decoded), in order; other values (`attr()`, `counter()`, `url()`, `none`) give
/// nothing.
fn generated_text(css: &str) -> impl Iterator<Item = String> + '_ {
    // Searched in the sheet as it is (no lower-cased copy): `content`, `Content`, `CONTENT`.
    let bytes = css.as_bytes();
    let mut starts: Vec<usize> = memchr::memmem::find_iter(bytes, b"ontent")
        .chain(memchr::memmem::find_iter(bytes, b"ONTENT"))
        .filter_map(|i| i.checked_sub(1))
        .filter(|&i| matches!(bytes[i], b'c' | b'C'))
        // A property of that name, not `--content` or `align-content`.
        .filter(|&i| i == 0 || !matches!(bytes[i - 1], b'-' | b'_') && !bytes[i - 1].is_ascii_alphanumeric())
        .collect();
    starts.sort_unstable();
    starts.truncate(MAX_CONTENT_PROPERTIES);
    starts.into_iter().filter_map(move |i| {
        let value = css.get(i + "content".len()..)?.trim_start().strip_prefix(':')?;
        let mut text = String::new();
        let mut rest = value.trim_start();
        // One or more strings, side by side (`"TỐI " "MẬT"`).
        while let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) {
            let (string, after) = css_string(&rest[1..], quote);
            text.push_str(&string);
            rest = after.trim_start();
        }
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        (!text.is_empty()).then_some(text)
    })
}

/// A CSS string's text up to its closing `quote` (escapes decoded: `\1EAC ` a character by its
/// hex code, `\"` the quote), and what follows it.
fn css_string(s: &str, quote: char) -> (String, &str) {
    let mut out = String::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if i / 4 > MAX_STRING_CHARS {
            return (out, "");
        }
        match c {
            c if c == quote => return (out, &s[i + 1..]),
            '\n' => return (out, &s[i..]),
            '\\' => {
                let mut hex = String::new();
                while let Some(&(_, h)) = chars.peek() {
                    if hex.len() < 6 && h.is_ascii_hexdigit() {
                        hex.push(h);
                        chars.next();
                    } else {
                        break;
                    }
                }
                if hex.is_empty() {
                    if let Some((_, next)) = chars.next()
                        && next != '\n'
                    {
                        out.push(next);
                    }
                } else {
                    // One white space ends the escape.
                    if chars.peek().is_some_and(|&(_, w)| w == ' ' || w == '\t') {
                        chars.next();
                    }
                    if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        out.push(ch);
                    }
                }
            }
            c => out.push(c),
        }
    }
    (out, "")
}

/// Which open elements show their text in capitals (`text-transform: uppercase` or
/// `font-variant: small-caps` in their `style`, or inherited), so [`to_text`] writes it as shown;
/// and which keep their line breaks (`<pre>`, `<textarea>`, `white-space: pre…`: plain text
/// that a mailer or a mail-merge tool put into HTML as it was typed).
#[derive(Default)]
struct Shown {
    /// The elements open since the outermost one that set capitals or line breaks on or off,
    /// each with whether it shows capitals and keeps line breaks (its own settings, else its
    /// parent's); empty outside such an element, so a page without them keeps no stack.
    stack: Vec<(String, bool, bool)>,
    /// The style sheets' rules that set capitals on or off, in their order (a later rule wins).
    sheet: Vec<CapsRule>,
    /// The rules of [`Self::sheet`] by the class they name, and those naming a tag alone, so
    /// an element is matched against its own classes' rules, not every rule.
    by_class: rustc_hash::FxHashMap<String, Vec<usize>>,
    by_tag: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// Selectors read so far (the order of the rules).
    rules_read: usize,
}

/// Classes of one element looked up in the style sheets' rules.
const MAX_CLASSES: usize = 16;

/// A style-sheet rule that shows an element's text in capitals or not (`p.Domat { text-transform:
/// uppercase }`, `.stamp { font-variant: small-caps }`, `h1 { … }`: how Word saves a paragraph
/// style with All caps, and how a hand-made page writes it): the simple selectors only, a tag, a
/// class or both; a rule with a combinator or a pseudo-class is left out.
struct CapsRule {
    tag: Option<String>,
    class: Option<String>,
    caps: bool,
    /// Where the selector last stood in the sheets (a later rule of the same weight wins).
    order: usize,
}

/// Rules read from a page's style sheets: a stamp's style is one of a few; a sheet of thousands
/// must not be matched against every element.
const MAX_CAPS_RULES: usize = 64;

/// What declarations (a `style` attribute, a rule's block) say of capitals (`Some(true)`
/// capitals, `Some(false)` as typed, `None` as the parent's) and of line breaks (`white-space`:
/// `Some(true)` kept as typed).
fn shown_by(decls: &str) -> (Option<bool>, Option<bool>) {
    let style: String = decls
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    let (mut transform, mut variant, mut breaks) = (None, None, None);
    for decl in style.split(';') {
        match decl.split_once(':') {
            Some(("text-transform", v)) => transform = Some(v.trim_end_matches("!important") == "uppercase"),
            // Small capitals show capitals too (Word saves its Small caps so), unless the text
            // is transformed otherwise.
            Some(("font-variant" | "font-variant-caps", v)) => {
                variant = Some(v.trim_end_matches("!important").contains("small-caps"))
            }
            Some(("white-space", v)) => breaks = Some(v.starts_with("pre") || v.starts_with("break-spaces")),
            _ => {}
        }
    }
    (transform.or(variant), breaks)
}

/// Elements that show their text's line breaks as typed.
const PREFORMATTED: &[&str] = &["pre", "textarea", "listing", "xmp", "plaintext"];

impl Shown {
    fn see(&mut self, name: &str, closing: bool, attrs: &str) {
        if closing {
            if let Some(i) = self.stack.iter().rposition(|(n, _, _)| n == name) {
                self.stack.truncate(i);
            }
            return;
        }
        if VOID.contains(&name) || attrs.trim_end().ends_with('/') || self.stack.len() >= 512 {
            return;
        }
        let mut breaks = None;
        if PREFORMATTED.contains(&name) {
            breaks = Some(true);
        }
        let mut set = None;
        if let Some(style) = attribute(attrs, "style") {
            let (caps, pre) = shown_by(&style);
            set = caps;
            breaks = pre.or(breaks);
        }
        if set.is_none() && !self.sheet.is_empty() {
            let class = if self.by_class.is_empty() {
                String::new()
            } else {
                attribute(attrs, "class").unwrap_or_default().to_ascii_lowercase()
            };
            let mut classes: Vec<&str> = Vec::new();
            for c in class.split_ascii_whitespace().take(MAX_CLASSES) {
                if !classes.contains(&c) {
                    classes.push(c);
                }
            }
            let by_class = classes.iter().filter_map(|c| self.by_class.get(*c)).flatten();
            // The most specific rule that matches (a class over a tag, both over either), the
            // later of equals, as the cascade has it.
            set = self
                .by_tag
                .get(name)
                .into_iter()
                .flatten()
                .chain(by_class)
                .filter_map(|&i| self.sheet.get(i))
                .filter(|r| r.tag.as_deref().is_none_or(|t| t == name))
                .max_by_key(|r| {
                    (
                        10 * usize::from(r.class.is_some()) + usize::from(r.tag.is_some()),
                        r.order,
                    )
                })
                .map(|r| r.caps);
        }
        let (caps, pre) = self
            .stack
            .last()
            .map_or((None, None), |&(_, c, p)| (Some(c), Some(p)));
        if set.is_some() || breaks.is_some() || caps.is_some() {
            self.stack.push((
                name.to_owned(),
                set.or(caps).unwrap_or(false),
                breaks.or(pre).unwrap_or(false),
            ));
        }
    }

    /// Keeps a style sheet's rules that set capitals on or off ([`CapsRule`]), comments left
    /// out; up to [`MAX_CAPS_RULES`] from all of a page's sheets.
    fn read_sheet(&mut self, css: &str) {
        // Only the rules around a `text-transform` or `font-variant` are parsed (found in the
        // sheet as it is, in either case): a newsletter's sheet of hundreds of rules has none or
        // a few, and costs a search.
        let bytes = css.as_bytes();
        let mut hits: Vec<usize> = [&b"ransform"[..], b"RANSFORM", b"ariant", b"ARIANT"]
            .iter()
            .flat_map(|n| memchr::memmem::find_iter(bytes, n))
            .take(4 * MAX_CAPS_RULES)
            .collect();
        hits.sort_unstable();
        let mut done = 0;
        for hit in hits {
            if hit < done || self.sheet.len() >= MAX_CAPS_RULES {
                continue;
            }
            // A rule ends at the next `}`; its declarations start at the last `{` before it,
            // its selectors after the `}` of the rule before, the `{` of an at-rule around it
            // (`@media print { p.x { … } }`) or a comment's end.
            let from = css[..hit].rfind('}').map_or(0, |i| i + 1);
            let to = css[hit..].find('}').map_or(css.len(), |i| hit + i);
            done = to;
            let segment = &css[from..to];
            let Some(open) = segment.rfind('{') else {
                continue;
            };
            let (selectors, decls) = (&segment[..open], &segment[open + 1..]);
            let selectors = match selectors.rfind(['{', '/']) {
                Some(i) => &selectors[i + 1..],
                None => selectors,
            };
            // Word wraps its sheet in an HTML comment.
            let selectors = selectors
                .trim()
                .trim_start_matches("<!--")
                .trim_start_matches("-->");
            let (Some(caps), _) = shown_by(decls) else {
                continue;
            };
            for sel in selectors.split(',').map(str::trim) {
                if sel.is_empty()
                    || !sel
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
                    || self.sheet.len() >= MAX_CAPS_RULES
                {
                    continue;
                }
                let sel = sel.to_ascii_lowercase();
                let (tag, class) = match sel.split_once('.') {
                    Some((t, c)) if !c.contains('.') => (t, Some(c)),
                    Some(_) => continue,
                    None => (sel.as_str(), None),
                };
                let rule = CapsRule {
                    tag: (!tag.is_empty()).then(|| tag.to_owned()),
                    class: class.filter(|c| !c.is_empty()).map(str::to_owned),
                    caps,
                    order: self.rules_read,
                };
                self.rules_read += 1;
                // A selector given again (`p.x` twice) is one rule, as it last said.
                if let Some(same) = self
                    .sheet
                    .iter_mut()
                    .find(|r| r.tag == rule.tag && r.class == rule.class)
                {
                    *same = rule;
                    continue;
                }
                let i = self.sheet.len();
                match (&rule.class, &rule.tag) {
                    (Some(c), _) => self.by_class.entry(c.clone()).or_default().push(i),
                    (None, Some(t)) => self.by_tag.entry(t.clone()).or_default().push(i),
                    (None, None) => continue,
                }
                self.sheet.push(rule);
            }
        }
    }

    fn push_text(&self, out: &mut String, text: &str) {
        let (caps, pre) = self.stack.last().map_or((false, false), |&(_, c, p)| (c, p));
        if caps {
            push_text(out, &text.to_uppercase(), pre);
        } else {
            push_text(out, text, pre);
        }
    }
}

/// Appends text with HTML whitespace collapsed (runs of spaces and newlines become one space;
/// in preformatted text a line break stays one).
fn push_text(out: &mut String, text: &str, preformatted: bool) {
    for c in text.chars() {
        if preformatted && c == '\n' {
            if !out.is_empty() && !out.ends_with('\n') {
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push('\n');
            }
        } else if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// Font names an HTML document asks for (`face="…"`, `font-family: …`), for legacy encodings.
pub fn fonts(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices("face=")
        .chain(html.match_indices("font-family:"))
        .map(move |(at, key)| {
            let v = html[at + key.len()..].trim_start_matches([' ', '"', '\'']);
            let end = v.find(['"', '\'', ';', ',', '>']).unwrap_or(v.len());
            v[..end].trim()
        })
}

/// One piece of an HTML document, as [`tokens`] yields it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    /// `<name attrs>` or `</name>`: `name` lower-case, `attrs` as written.
    Tag {
        name: String,
        closing: bool,
        attrs: &'a str,
    },
    /// Text between tags, character references not yet decoded.
    Text(&'a str),
}

/// The tags and text of an HTML document, in order (comments, scripts and styles skipped), for
/// rules that look at markup: links, hidden text. Lenient: never fails, never looks ahead more
/// than to the next `>`.
pub fn tokens(html: &str) -> impl Iterator<Item = Token<'_>> {
    let mut rest = html;
    let mut skip_until: Option<String> = None;
    std::iter::from_fn(move || {
        loop {
            if rest.is_empty() {
                return None;
            }
            let Some(lt) = rest.find('<') else {
                let t = rest;
                rest = "";
                return skip_until.is_none().then_some(Token::Text(t));
            };
            if lt > 0 {
                let t = &rest[..lt];
                rest = &rest[lt..];
                if skip_until.is_none() {
                    return Some(Token::Text(t));
                }
                continue;
            }
            if let Some(after) = rest.strip_prefix("<!--") {
                rest = after.find("-->").map_or("", |e| &after[e + 3..]);
                continue;
            }
            let Some(gt) = rest.find('>') else {
                let t = rest;
                rest = "";
                return skip_until.is_none().then_some(Token::Text(t));
            };
            let tag = &rest[1..gt];
            rest = &rest[gt + 1..];
            let closing = tag.starts_with('/');
            let body = tag.trim_start_matches('/');
            let name_len = body
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(body.len());
            let name = body[..name_len].to_ascii_lowercase();
            if let Some(until) = &skip_until {
                if closing && *until == name {
                    skip_until = None;
                }
                continue;
            }
            if !closing && SKIP.contains(&name.as_str()) && name != "head" && !tag.ends_with('/') {
                skip_until = Some(name);
                continue;
            }
            if name.is_empty() {
                continue;
            }
            return Some(Token::Tag {
                name,
                closing,
                attrs: &body[name_len..],
            });
        }
    })
}

/// The value of attribute `name` in a tag's attribute text (`href`, `style`…), quotes removed
/// and character references decoded.
pub fn attribute(attrs: &str, name: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find(name).map(|i| i + from) {
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let v = attrs[attrs.len() - after.len() + 1..].trim_start();
        let raw = match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or(""),
            _ => v
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or(""),
        };
        return Some(decode_references(raw));
    }
    None
}

/// Text with its character references decoded (`&amp;` → `&`); unknown references kept.
pub fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map_or(rest.len(), |e| e + 1);
        match entity(&rest[1..end]) {
            Some(c) => {
                out.push(c);
                rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_and_blocks_get_their_own_lines() {
        let html = "<html><head><title>t</title><style>p{color:red}</style></head><body>\
            <table><tr><td>UBND T&#7880;NH</td><td><b>T&Ocirc;&#769;I M&#7852;T</b></td></tr></table>\
            <p>K&iacute;nh&nbsp;g&#x1EED;i:   c&aacute;c\n s&#7903;</p><script>alert('M&#7852;T')</script>x &amp; y &unknown; 1 < 2</body></html>";
        let text = to_text(html);
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        assert!(lines.contains(&"UBND TỈNH"), "{lines:?}");
        assert!(lines.contains(&"Kính gửi: các sở"), "{lines:?}");
        assert!(!text.contains("alert"), "{text}");
        assert!(!text.contains("color"), "{text}");
        assert!(text.contains("x & y &unknown; 1"), "{text}");
        // Decomposed on purpose (Ô + combining acute): normalised later.
        assert!(lines.contains(&"TÔ\u{301}I MẬT"), "{lines:?}");
        // HTML5's blocks: a disclosure's summary, a figure's caption, a list's options.
        let text = to_text(
            "<details><summary>TỐI MẬT</summary>Số: 12</details><figure><img src=x><figcaption>Hình 1</figcaption></figure><select><option>Mật<option>Tối mật</select>",
        );
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            ["TỐI MẬT", "Số: 12", "Hình 1", "Mật", "Tối mật"]
        );
    }

    /// Text styled in capitals (Word's All caps and Small caps as HTML) reads in capitals until
    /// its element closes; `none` inside it turns them off again.
    #[test]
    fn text_styled_in_capitals_reads_in_capitals() {
        let html = "<p>Số: 3</p><p><span style='text-transform:uppercase'>tối <b>mật</b></span> và thường</p>\
            <div style=\"color:red; TEXT-TRANSFORM: uppercase !important\">tuyệt &amp; <i style='text-transform:none'>mật ong</i> mật</div><p>bảo mật</p>";
        assert_eq!(
            to_text(html),
            "Số: 3\nTỐI MẬT và thường\nTUYỆT & mật ong MẬT\nbảo mật\n"
        );
        // An element of the same name inside, without a style of its own, closes only itself.
        let nested = "<span style='text-transform:uppercase'>tối <span>mật</span> và <br>tuyệt <img src=x> mật</span> rồi";
        assert_eq!(to_text(nested), "TỐI MẬT VÀ \nTUYỆT MẬT rồi");
        // Word's Small caps as HTML; a transform of its own wins.
        let small = "<p><span style='font-variant:small-caps'>Mật</span> và <span style='font-variant:small-caps;text-transform:none'>mật ong</span></p>";
        assert_eq!(to_text(small), "MẬT và mật ong\n");
    }

    #[test]
    fn font_faces_are_listed() {
        let f: Vec<&str> =
            fonts("<font face=\".VnTimeH\">x</font><p style=\"font-family: VNI-Times, serif\">").collect();
        assert_eq!(f, vec![".VnTimeH", "VNI-Times"]);
    }

    #[test]
    fn tokens_and_attributes() {
        let html = "<html><head><style>a{}</style></head><body><!-- c --><a HREF='http://x.example/?a=1&amp;b=2' class=y>Go</a>\
            <p style=\"display:none\">hid</p><script>var a='<b>';</script></body>";
        let toks: Vec<Token<'_>> = tokens(html).collect();
        let names: Vec<String> = toks
            .iter()
            .map(|t| match t {
                Token::Tag { name, closing, .. } => format!("{}{name}", if *closing { "/" } else { "" }),
                Token::Text(t) => format!("'{t}'"),
            })
            .collect();
        assert_eq!(
            names,
            [
                "html", "head", "/head", "body", "a", "'Go'", "/a", "p", "'hid'", "/p", "/body"
            ]
        );
        let Token::Tag { attrs, .. } = &toks[4] else {
            panic!("not a tag")
        };
        assert_eq!(
            attribute(attrs, "href").as_deref(),
            Some("http://x.example/?a=1&b=2")
        );
        assert_eq!(attribute(attrs, "class").as_deref(), Some("y"));
        assert_eq!(attribute(attrs, "ref"), None);
        assert_eq!(attribute(" style=\"x\"", "style").as_deref(), Some("x"));
    }

    /// Issue 14, defect 4: text outside the body, or inside elements a mail client renders
    /// anyway, was skipped.
    #[test]
    fn text_mail_clients_show_is_read_wherever_it_sits() {
        for html in [
            "<html><head><title>x</title><p>TUYỆT MẬT</p></html>",
            "<html><head><body><noscript>TUYỆT MẬT</noscript></body></html>",
            "<template><p>TUYỆT MẬT</p></template>",
            "<object data=\"x.swf\"><p>TUYỆT MẬT</p></object>",
            "<svg><text x=\"0\" y=\"10\">TUYỆT MẬT</text></svg>",
            "<math><mi>TUYỆT MẬT</mi></math>",
        ] {
            assert!(to_text(html).contains("TUYỆT MẬT"), "{html}: {:?}", to_text(html));
        }
        // Pictures' text alternatives, shown where pictures are not loaded, apart from the text.
        let facts = HtmlFacts::of(
            "<p>Kính gửi<img src=\"https://x.vn/dau.png\" alt=\"TUYỆT\n  MẬT\"></p><img alt='' src=a><IMG ALT='Bi&#7875;u &#273;&#7891;' src=cid:x />",
        );
        assert_eq!(facts.alts, ["TUYỆT MẬT", "Biểu đồ"]);
        assert_eq!(facts.text, "Kính gửi\n");
        for html in [
            "<script>var s = 'TUYỆT MẬT';</script>",
            "<style>/* TUYỆT MẬT */</style>",
        ] {
            assert!(!to_text(html).contains("TUYỆT MẬT"), "{html}");
        }
    }

    /// A style sheet's generated text is read where the sheet is, on lines of its own, its
    /// escapes decoded; other values of `content` and other properties give nothing.
    #[test]
    fn capitals_set_by_a_style_sheet_s_class_or_tag_are_shown() {
        // Word's "Save as Web Page": a paragraph style with All caps, its sheet in a comment.
        let word = "<html><head><style><!--\n /* Style Definitions */\n p.MsoNormal {margin:0cm; font-size:12.0pt}\n p.Domat, li.Domat\n\t{mso-style-name:Domat; text-transform:uppercase; font-weight:bold}\n@media print { h2.Ghi { font-variant: small-caps } }\n.bo { text-transform: none }\np.thuong { text-transform: none }\n-->\n</style></head><body>\
            <p class=MsoNormal>Kính gửi</p><p class=\"Domat x\">tối mật</p><h2 class=ghi>mật</h2>\
            <p class='Domat thuong'>mật ong</p><p class=Domat style='text-transform:none'>bảo mật</p><span class=Domat>thường</span><p class='Domat bo'>mật</p></body></html>";
        assert_eq!(
            to_text(word),
            "Kính gửi\nTỐI MẬT\nMẬT\nmật ong\nbảo mật\nthường\nMẬT\n"
        );
        // A rule with a combinator or a pseudo-class is not matched; a sheet of many rules is
        // read up to its bound, and the page still read.
        assert_eq!(
            to_text(
                "<style>div p { text-transform: uppercase } p:hover { text-transform: uppercase }</style><div><p>mật</p></div>"
            ),
            "mật\n"
        );
        let many = format!(
            "<style>{}</style><p class=c999>tối mật</p><p class=c1>tối mật</p>",
            (0..1000)
                .map(|i| format!(".c{i} {{ text-transform: uppercase }}"))
                .collect::<String>()
        );
        assert_eq!(to_text(&many), "tối mật\nTỐI MẬT\n");
        // A selector given again is one rule, as it last said; an element's class named many
        // times is looked up once.
        let again = "<style>p.x { text-transform: uppercase } .y { text-transform: uppercase } p.x { text-transform: none }</style><p class='x x x y'>mật</p>";
        assert_eq!(to_text(again), "mật\n");
    }

    #[test]
    fn a_style_sheets_generated_text_is_read() {
        let page = "<html><head><STYLE type=\"text/css\">h1::before { CONTENT: \"T\\1ED0 I M\\1EAC T\"; display: block }\n.a:after{content:'Số: ' \"12\"} .b { align-content: center; --content: 'x'; content: attr(title) }</style></head><body><h1>Kế hoạch</h1><p class=a>Kính gửi</p></body></html>";
        assert_eq!(to_text(page), "TỐI MẬT\nSố: 12\nKế hoạch\nKính gửi\n");
        assert_eq!(to_text("<style>p { color: red }</style><p>x</p>"), "x\n");
        // A sheet of unclosed strings: each read a bounded way, a bounded number of them, at
        // most 64 taken into the text.
        let hostile = format!("<style>{}</style>", "p{content:\"MẬT ".repeat(20_000));
        let got: Vec<String> = generated_text(&hostile).collect();
        assert_eq!(got.len(), MAX_CONTENT_PROPERTIES);
        assert_eq!(to_text(&hostile).lines().count(), MAX_GENERATED);
        assert!(
            got.iter().all(|t| t.chars().count() <= MAX_STRING_CHARS + 8),
            "{:?}",
            got.first()
        );
    }

    /// Plain text a mailer or a mail-merge tool put into HTML as typed (`<pre>`, `white-space:
    /// pre-wrap`) keeps its line breaks: a stamp on a line of its own stays alone on it. Other
    /// text's line breaks are spaces, as a browser shows them.
    #[test]
    fn preformatted_text_keeps_its_lines() {
        assert_eq!(
            to_text("<html><body><pre>UBND TỈNH\nTỐI MẬT  \n\nKế hoạch</pre><p>a\nb</p></body></html>"),
            "UBND TỈNH\nTỐI MẬT\nKế hoạch\na b\n"
        );
        assert_eq!(
            to_text("<div style=\"white-space: pre-wrap\">MẬT\nBáo cáo <b>quý\nIV</b></div><div>x\ny</div>"),
            "MẬT\nBáo cáo quý\nIV\nx y\n"
        );
        assert_eq!(
            to_text("<pre><span style=\"white-space:normal\">a\nb</span>\nc</pre>"),
            "a b\nc\n"
        );
        // Capitals and line breaks together.
        assert_eq!(
            to_text("<pre style=\"text-transform:uppercase\">tối mật\nkế hoạch</pre>"),
            "TỐI MẬT\nKẾ HOẠCH\n"
        );
    }
}
