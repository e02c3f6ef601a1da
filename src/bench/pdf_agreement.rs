//! `canhgac-tools pdf-agreement`: how closely canhgac's PDF reader agrees with poppler's
//! `pdftotext` on every PDF under the given paths (PDF files, and PDF attachments of `.eml`
//! files, directories walked). Per file: the characters each read, and their agreement: the
//! characters both read (as a multiset, whitespace left out, NFC, case folded), over the larger
//! count; text in legacy bytes is decoded first on both sides, as the gateway decodes it.
//! Order is left out on purpose: pdftotext orders by position on the page, canhgac by the
//! content stream, and the markings detector needs the characters, not poppler's layout.

use crate::extract::pdf;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One PDF's comparison.
pub struct Agreement {
    pub name: String,
    pub ours: usize,
    pub poppler: usize,
    /// Characters both read, over the larger count (1.0 when both read nothing).
    pub agreement: f64,
    /// Why canhgac did not read it (encrypted with a password, damaged), if so.
    pub error: Option<String>,
    /// Characters only canhgac read, and only pdftotext read (a sample, with counts).
    pub only_ours: String,
    pub only_poppler: String,
}

/// The characters `a` has more of than `b`, most first: `x×3 y×1`.
fn surplus(a: &HashMap<char, usize>, b: &HashMap<char, usize>) -> String {
    let mut v: Vec<(char, usize)> = a
        .iter()
        .filter_map(|(c, n)| {
            n.checked_sub(*b.get(c).unwrap_or(&0))
                .filter(|d| *d > 0)
                .map(|d| (*c, d))
        })
        .collect();
    v.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    v.iter()
        .take(12)
        .map(|(c, n)| format!("{c}×{n}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every PDF under `paths`, with a name to show.
fn pdfs(paths: &[PathBuf]) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    let mut stack: Vec<PathBuf> = paths.to_vec();
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(&p)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            entries.sort();
            stack.extend(entries.into_iter().rev());
            continue;
        }
        let data = std::fs::read(&p)?;
        let shown = p.display().to_string();
        if data.starts_with(b"%PDF") {
            files.push((shown, data));
        } else if p.extension().is_some_and(|e| e == "eml") {
            let Some(m) = mail_parser::MessageParser::default().parse(&data) else {
                continue;
            };
            for (i, part) in m.parts.iter().enumerate() {
                let body = part.contents();
                if body.starts_with(b"%PDF") {
                    files.push((format!("{shown} part {i}"), body.to_vec()));
                }
            }
        }
    }
    Ok(files)
}

fn chars(text: &str) -> HashMap<char, usize> {
    let mut bag = HashMap::new();
    let text = crate::vietnamese::nfc(text).to_lowercase();
    for c in text.chars().filter(|c| !c.is_whitespace() && !c.is_control()) {
        *bag.entry(c).or_insert(0) += 1;
    }
    bag
}

/// poppler's text of `data` (run as a program, as the OCR step runs pdftoppm).
fn pdftotext(data: &[u8]) -> std::io::Result<String> {
    let dir = tempfile::tempdir()?;
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, data)?;
    let out = std::process::Command::new("pdftotext")
        // The crop area widened past the page: canhgac reads text drawn off the page too. -raw:
        // content-stream order, as canhgac reads, and no merging of glyphs drawn at one place
        // (poppler's fake-bold removal drops the second "1" of "11" in a font without widths).
        .args([
            "-q", "-raw", "-enc", "UTF-8", "-x", "-5000", "-y", "-5000", "-W", "20000", "-H", "20000",
        ])
        .arg(&input)
        .arg("-")
        .output()?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Compares every PDF under `paths`.
pub fn measure(paths: &[PathBuf]) -> std::io::Result<Vec<Agreement>> {
    let mut out = Vec::new();
    for (name, data) in pdfs(paths)? {
        // pdftotext shows text typed in a legacy font (.VnTime, VNI) as its bytes; it is decoded
        // as canhgac decodes it before comparing.
        let poppler = pdftotext(&data)?;
        let theirs = chars(&match crate::vietnamese::detect_legacy(&poppler) {
            Some(l) => l.decode(&poppler),
            None => poppler,
        });
        let deadline = Instant::now() + Duration::from_secs(30);
        let (ours, error) = match pdf::extract(&data, 64 << 20, 16 << 20, deadline) {
            // As the extractor's caller does: a page of legacy bytes in a Unicode font decoded.
            Ok(t) => {
                let text = t.pages.concat();
                let text = match crate::vietnamese::detect_legacy(&text) {
                    Some(l) => l.decode(&text),
                    None => text,
                };
                (chars(&text), None)
            }
            Err(e) => (HashMap::new(), Some(e)),
        };
        let (n_ours, n_theirs) = (ours.values().sum::<usize>(), theirs.values().sum::<usize>());
        let both: usize = ours
            .iter()
            .map(|(c, n)| (*n).min(*theirs.get(c).unwrap_or(&0)))
            .sum();
        let larger = n_ours.max(n_theirs);
        out.push(Agreement {
            name,
            ours: n_ours,
            poppler: n_theirs,
            agreement: if larger == 0 {
                1.0
            } else {
                both as f64 / larger as f64
            },
            error,
            only_ours: surplus(&ours, &theirs),
            only_poppler: surplus(&theirs, &ours),
        });
    }
    Ok(out)
}

/// The comparison as a Markdown table and a summary line.
pub fn report(rows: &[Agreement], root: &Path) -> String {
    let mut s = String::from("| PDF | canhgac chars | pdftotext chars | agreement |\n|---|---|---|---|\n");
    for r in rows {
        let name = r
            .name
            .strip_prefix(&format!("{}/", root.display()))
            .unwrap_or(&r.name);
        let note = match (&r.error, r.agreement < 0.99) {
            (Some(e), _) => format!(" ({e})"),
            (None, true) => format!(
                " (only canhgac: {}; only pdftotext: {})",
                r.only_ours, r.only_poppler
            ),
            (None, false) => String::new(),
        };
        s.push_str(&format!(
            "| `{name}` | {} | {} | {:.1} %{note} |\n",
            r.ours,
            r.poppler,
            r.agreement * 100.0
        ));
    }
    let read: Vec<&Agreement> = rows.iter().filter(|r| r.error.is_none()).collect();
    let at_99 = read.iter().filter(|r| r.agreement >= 0.99).count();
    let min = read.iter().map(|r| r.agreement).fold(1.0f64, f64::min);
    let mean = read.iter().map(|r| r.agreement).sum::<f64>() / read.len().max(1) as f64;
    s.push_str(&format!(
        "\n{} PDFs, {} read by canhgac: {at_99} at ≥ 99 % agreement, mean {:.2} %, lowest {:.1} %\n",
        rows.len(),
        read.len(),
        mean * 100.0,
        min * 100.0
    ));
    s
}
