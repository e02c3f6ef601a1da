//! The unit directory ("Danh bạ hộp thư điện tử công vụ", regulation art. 5–6): a CSV file of
//! mailboxes with their unit and the unit's mailbox; address → unit lookups for alerts; checks of
//! the address rules of art. 5; and the next free personal address for a name.

use crate::config::ConfigError;
use crate::vietnamese;
use std::collections::HashMap;
use std::path::Path;

/// The CSV header the directory file must start with.
pub const HEADER: &str = "address,name,unit_id,unit_name,unit_mailbox";

/// One mailbox.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub address: String,
    pub name: String,
    pub unit_id: String,
    pub unit_name: String,
    pub unit_mailbox: String,
    /// Line in the file (for reports).
    pub line: usize,
}

/// The directory, by lower-case address.
#[derive(Debug, Default)]
pub struct Directory {
    entries: Vec<Entry>,
    by_address: HashMap<String, usize>,
}

/// Splits one CSV line (RFC 4180 quoting).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if cur.is_empty() => quoted = true,
            (',', false) => out.push(std::mem::take(&mut cur)),
            (c, _) => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter().map(|f| f.trim().to_owned()).collect()
}

impl Directory {
    /// Reads a directory file; errors name the file, line and value.
    pub fn load(path: &Path) -> Result<Directory, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Io {
            file: path.to_owned(),
            error: e.to_string(),
        })?;
        Directory::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Directory, ConfigError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let bad = |line: usize, value: &str, message: &str| ConfigError::Invalid {
            file: path.to_owned(),
            line,
            column: 1,
            key: "directory".to_owned(),
            value: value.to_owned(),
            message: message.to_owned(),
        };
        let mut lines = text.lines().enumerate();
        match lines.next() {
            Some((_, h)) if h.trim().eq_ignore_ascii_case(HEADER) => {}
            Some((_, h)) => return Err(bad(1, h, &format!("the first line must be the header {HEADER}"))),
            None => {
                return Err(bad(
                    1,
                    "",
                    &format!("empty file: the first line must be {HEADER}"),
                ));
            }
        }
        let mut dir = Directory::default();
        for (i, line) in lines {
            let n = i + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f = csv_fields(line);
            if f.len() != 5 {
                return Err(bad(n, line, &format!("expected 5 fields, found {}", f.len())));
            }
            for (k, v) in [("address", &f[0]), ("unit_mailbox", &f[4])] {
                if !v.contains('@') {
                    return Err(bad(n, v, &format!("{k} is not an e-mail address")));
                }
            }
            let address = f[0].to_ascii_lowercase();
            if dir.by_address.contains_key(&address) {
                return Err(bad(n, &f[0], "this address is listed twice"));
            }
            dir.by_address.insert(address.clone(), dir.entries.len());
            dir.entries.push(Entry {
                address,
                name: f[1].clone(),
                unit_id: f[2].clone(),
                unit_name: f[3].clone(),
                unit_mailbox: f[4].to_ascii_lowercase(),
                line: n,
            });
        }
        Ok(dir)
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry of an address (case-insensitive).
    pub fn lookup(&self, address: &str) -> Option<&Entry> {
        self.by_address
            .get(&address.trim().to_ascii_lowercase())
            .and_then(|&i| self.entries.get(i))
    }

    /// Rows that break the address rules of regulation art. 5, as human-readable problems.
    /// The units a message concerns, for officers scoped to units: each address's unit id from
    /// the directory, else its domain (lower case); deduplicated, sorted.
    pub fn units_of<'a>(
        dir: Option<&Directory>,
        addresses: impl IntoIterator<Item = &'a str>,
    ) -> Vec<String> {
        let mut units: Vec<String> = addresses
            .into_iter()
            .filter(|a| !a.is_empty())
            .filter_map(|a| match dir.and_then(|d| d.lookup(a)) {
                Some(e) => Some(e.unit_id.clone()),
                None => a
                    .rsplit_once('@')
                    .map(|(_, d)| d.trim_end_matches('>').to_lowercase()),
            })
            .filter(|u| !u.is_empty())
            .collect();
        units.sort();
        units.dedup();
        units
    }

    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for e in &self.entries {
            let Some((local, _)) = e.address.split_once('@') else {
                continue;
            };
            let is_unit = e.address == e.unit_mailbox;
            if is_unit {
                let want = unit_local_part(&e.unit_name);
                if local.len() > 10 {
                    problems.push(format!(
                        "line {}: unit mailbox {} is longer than 10 characters (art. 5.1: only by agreement with the portal centre)",
                        e.line, e.address
                    ));
                } else if local != want {
                    problems.push(format!(
                        "line {}: unit mailbox {} should be {want}@… (initials of \"{}\", art. 5.1)",
                        e.line, e.address, e.unit_name
                    ));
                }
            } else {
                let base = personal_local_part(&e.name);
                let digits = local.trim_start_matches(|c: char| !c.is_ascii_digit());
                let stem = &local[..local.len() - digits.len()];
                if stem != base || (!digits.is_empty() && digits.parse::<u32>().is_err()) {
                    problems.push(format!(
                        "line {}: personal mailbox {} should be {base}@… or {base}N@… for \"{}\" (given name + initials of family and middle names, art. 5.2)",
                        e.line, e.address, e.name
                    ));
                }
            }
            if self.lookup(&e.unit_mailbox).is_none() {
                problems.push(format!(
                    "line {}: unit mailbox {} of {} is not listed in the directory",
                    e.line, e.unit_mailbox, e.address
                ));
            }
        }
        problems
    }

    /// The next free personal address for a full name: `tiennx@domain`, then `tiennx1@…`.
    pub fn suggest(&self, full_name: &str, domain: &str) -> String {
        let base = personal_local_part(full_name);
        let mut n = 0;
        loop {
            let candidate = if n == 0 {
                format!("{base}@{domain}")
            } else {
                format!("{base}{n}@{domain}")
            };
            if self.lookup(&candidate).is_none() {
                return candidate;
            }
            n += 1;
        }
    }
}

fn ascii_words(name: &str) -> Vec<String> {
    vietnamese::fold(name)
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `Nguyễn Xuân Tiến` → `tiennx`: the given name, then the initials of family and middle names.
pub fn personal_local_part(full_name: &str) -> String {
    let words = ascii_words(full_name);
    let Some((given, rest)) = words.split_last() else {
        return String::new();
    };
    let mut s = given.clone();
    s.extend(rest.iter().filter_map(|w| w.chars().next()));
    s
}

/// `Sở Tài chính` → `stc`, `Sở Thông tin và Truyền thông` → `stttt`: the initials of the unit's
/// name, conjunctions (`và`, `của`) left out as in the province's existing unit mailboxes.
pub fn unit_local_part(unit_name: &str) -> String {
    ascii_words(unit_name)
        .iter()
        .filter(|w| !matches!(w.as_str(), "va" | "cua"))
        .filter_map(|w| w.chars().next())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "address,name,unit_id,unit_name,unit_mailbox
stc@lamdong.gov.vn,Sở Tài chính,STC,Sở Tài chính,stc@lamdong.gov.vn
tiennx@lamdong.gov.vn,Nguyễn Xuân Tiến,STC,Sở Tài chính,stc@lamdong.gov.vn
tiennx1@lamdong.gov.vn,Ngô Xuân Tiến,STC,Sở Tài chính,stc@lamdong.gov.vn
snv@lamdong.gov.vn,Sở Nội vụ,SNV,Sở Nội vụ,snv@lamdong.gov.vn
\"anhlt@lamdong.gov.vn\",\"Lê Thị Ánh, Phó phòng\",SNV,Sở Nội vụ,snv@lamdong.gov.vn
sokhoahoccongnghe@lamdong.gov.vn,Sở Khoa học và Công nghệ,SKHCN,Sở Khoa học và Công nghệ,sokhoahoccongnghe@lamdong.gov.vn
vanthu@lamdong.gov.vn,Trần Văn Thư,SNV,Sở Nội vụ,snv@lamdong.gov.vn
sotc@lamdong.gov.vn,Sở Thông tin và Truyền thông,STTTT,Sở Thông tin và Truyền thông,sotc@lamdong.gov.vn
";

    fn dir() -> Directory {
        Directory::parse(CSV, Path::new("danh-ba.csv")).expect("parses")
    }

    #[test]
    fn lookup_and_suggest() {
        let d = dir();
        assert_eq!(
            d.lookup("TIENNX@lamdong.gov.vn").map(|e| e.unit_id.as_str()),
            Some("STC")
        );
        assert_eq!(personal_local_part("Nguyễn Xuân Tiến"), "tiennx");
        assert_eq!(personal_local_part("Đặng Thị Ngọc Ánh"), "anhdtn");
        assert_eq!(unit_local_part("Sở Tài chính"), "stc");
        assert_eq!(
            d.suggest("Nguyễn Xuân Tiến", "lamdong.gov.vn"),
            "tiennx2@lamdong.gov.vn"
        );
        assert_eq!(
            d.suggest("Phạm Minh Đức", "lamdong.gov.vn"),
            "ducpm@lamdong.gov.vn"
        );
    }

    #[test]
    fn check_reports_the_rules_of_article_5() {
        let problems = dir().check();
        let text = problems.join("\n");
        // The name field of anhlt carries a title, so its address does not follow the name.
        assert!(text.contains("anhlt@lamdong.gov.vn"), "{text}");
        assert!(text.contains("longer than 10"), "{text}");
        assert!(text.contains("vanthu@lamdong.gov.vn should be thutv"), "{text}");
        assert!(text.contains("sotc@lamdong.gov.vn should be stttt"), "{text}");
        assert!(!text.contains("tiennx1"), "numbered duplicates are fine: {text}");
        assert!(!text.contains("line 2:"), "{text}");
    }

    #[test]
    fn bad_files_name_the_line() {
        let err = Directory::parse("address,name\n", Path::new("d.csv"))
            .expect_err("header")
            .to_string();
        assert!(err.starts_with("d.csv:1:"), "{err}");
        let err = Directory::parse(&format!("{HEADER}\na@b,x,y,z\n"), Path::new("d.csv"))
            .expect_err("fields")
            .to_string();
        assert!(err.starts_with("d.csv:2:"), "{err}");
    }
}
