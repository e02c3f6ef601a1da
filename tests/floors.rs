//! The house rule of ARCHITECTURE.md ("Floors"): a module imports only from floors below its
//! own, so there are no import circles and nothing imports upward. Read from the sources: every
//! `crate::MODULE` a top-level module names outside its unit tests.

use std::collections::BTreeMap;
use std::path::Path;

/// Each top-level module of `src/` and its floor; the ground floor is 0.
const FLOORS: &[(&str, u32)] = &[
    ("verdict", 0),
    ("time", 0),
    ("mime_out", 0),
    ("vietnamese", 0),
    ("metrics", 0),
    ("ownership", 0),
    ("sql", 0),
    ("stream", 0),
    ("config", 1),
    ("policy", 2),
    ("message", 2),
    ("directory", 2),
    ("templates", 2),
    ("explain", 2),
    ("extract", 3),
    ("spam", 4),
    ("scanners", 5),
    ("worker", 6),
    ("engine", 7),
    ("store", 8),
    ("alerts", 9),
    ("actions", 10),
    ("review", 10),
    ("report", 10),
    ("milter", 11),
    ("web", 12),
    ("monitor", 12),
    ("server", 13),
    ("bench", 14),
    ("cli", 15),
];

/// The code of a file without its unit tests (a trailing `#[cfg(test)] mod tests`) and
/// without comments.
fn code(text: &str) -> String {
    let body = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    body.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn visit(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read src") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            visit(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_module_imports_from_its_own_floor_or_above() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let floors: BTreeMap<&str, u32> = FLOORS.iter().copied().collect();
    let mut files = Vec::new();
    visit(&src, &mut files);
    let mut wrong = Vec::new();
    let mut seen_modules = std::collections::BTreeSet::new();
    for f in files {
        let rel = f.strip_prefix(&src).expect("under src");
        let first = rel.components().next().expect("a component");
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        // The crate root and the binaries sit above every floor.
        if module == "lib" || module == "main" || module == "bin" {
            continue;
        }
        seen_modules.insert(module.clone());
        let Some(&floor) = floors.get(module.as_str()) else {
            wrong.push(format!(
                "{}: module {module} has no floor in FLOORS (tests/floors.rs, ARCHITECTURE.md)",
                rel.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(&f).expect("read");
        let code = code(&text);
        let mut rest = code.as_str();
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + 7..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if name == module || name.is_empty() {
                continue;
            }
            match floors.get(name.as_str()) {
                Some(&other) if other < floor => {}
                Some(&other) => wrong.push(format!(
                    "{}: {module} (floor {floor}) imports crate::{name} (floor {other})",
                    rel.display()
                )),
                // A re-exported item at the crate root (`crate::Config`): the root is above all.
                None => wrong.push(format!(
                    "{}: {module} names crate::{name}, not a module with a floor",
                    rel.display()
                )),
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "imports that break the floors:\n{}",
        wrong.join("\n")
    );
    for (m, _) in FLOORS {
        assert!(
            seen_modules.contains(*m),
            "FLOORS lists {m}, which is no module of src/"
        );
    }
}
