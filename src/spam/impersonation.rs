//! Impersonation checks for the spam rules: host names made to look like the province's own
//! domain or like a government (`.gov.vn`) site, links whose text names a government site and
//! whose target is elsewhere, and senders whose display name claims an authority their address
//! does not have (or hides look-alike letters from another script).
//!
//! Pure functions over host names and strings; `rules.rs` feeds them the message's facts.

/// Lower-case letters and digits of a host name only: `lam-dong.gov-vn.com` → `lamdonggovvncom`.
fn squash(host: &str) -> String {
    host.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// Whether `host` is `domain` or a name under it.
pub fn is_under(host: &str, domain: &str) -> bool {
    host == domain || host.strip_suffix(domain).is_some_and(|rest| rest.ends_with('.'))
}

/// Levenshtein distance of two short ASCII strings, stopping early past `max`.
fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        match a.len().cmp(&b.len()) {
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    edits + (a.len() - i) + (b.len() - j) <= 1
}

/// Why `host` looks like one of the protected `domains` (the province's own) or like a site
/// under the government `suffix` without being one; None when it is genuine or unrelated.
///
/// - it carries a protected domain's letters without being under it (`lamdong.gov.vn.secure-
///   login.com`, `lamdong-gov.vn`, `mail.lamdonggov.vn`);
/// - a label is one edit from the protected domain's first label, under the same suffix
///   (`lamdonq.gov.vn`, `iamdong.gov.vn`);
/// - it spells the government suffix into another domain (`dichvucong-gov.vn`,
///   `thue.gov.vn.top`, `gov-vn.com`).
pub fn lookalike(host: &str, domains: &[String], suffix: &str) -> Option<Lookalike> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host.is_empty() || domains.iter().any(|d| is_under(&host, d)) {
        return None;
    }
    let squashed = squash(&host);
    for d in domains {
        let sd = squash(d);
        if !sd.is_empty() && squashed.contains(&sd) {
            return Some(Lookalike::new("lookalike_carries", &host, d));
        }
        let first = d.split('.').next().unwrap_or("");
        if first.len() >= 5
            && is_under(&host, suffix)
            && host.split('.').any(|l| l != first && within_one_edit(l, first))
        {
            return Some(Lookalike::new("lookalike_one_letter", &host, d));
        }
    }
    if is_under(&host, suffix) {
        return None;
    }
    let ss = squash(suffix);
    let spelled = host
        .split('.')
        .any(|l| l.ends_with(&format!("-{}", suffix.split('.').next().unwrap_or(""))))
        || (!ss.is_empty() && squashed.contains(&ss));
    spelled.then(|| Lookalike::new("lookalike_suffix", &host, suffix))
}

/// A host dressed up as another: how (a reason key of `rules/findings.toml`), the host and
/// what it imitates (a protected domain, the government suffix, a brand).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lookalike {
    pub kind: &'static str,
    pub host: String,
    pub target: String,
}

impl Lookalike {
    fn new(kind: &'static str, host: &str, target: &str) -> Lookalike {
        Lookalike {
            kind,
            host: host.to_owned(),
            target: target.to_owned(),
        }
    }
}

impl std::fmt::Display for Lookalike {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (host, target) = (&self.host, &self.target);
        match self.kind {
            "lookalike_carries" => write!(f, "{host} carries the name of {target} without being it"),
            "lookalike_one_letter" => write!(f, "{host} is one letter from {target}"),
            "lookalike_suffix" => write!(f, "{host} dresses up as a .{target} site without being one"),
            _ => write!(f, "{host} wears the name {target} but is none of its sites"),
        }
    }
}

/// Why `host` wears a brand's name (a bank, a shop, a public service: `vietcombank-xacthuc.com`,
/// `etax-hoanthue.com`) without being under one of the brand's own domains. A label counts when
/// one of its dash-separated pieces is the brand, or (for names of five letters and more) begins
/// with it.
pub fn brand_lookalike(host: &str, brand: &str, official: &[String]) -> Option<Lookalike> {
    // Most hosts wear no brand at all: answered without allocating (this runs for every link
    // host and every brand).
    let (h, b) = (host.as_bytes(), brand.as_bytes());
    if b.is_empty() || !h.windows(b.len()).any(|w| w.eq_ignore_ascii_case(b)) {
        return None;
    }
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if official.iter().any(|d| is_under(&host, d)) {
        return None;
    }
    let wears = host.split('.').any(|label| {
        label
            .split('-')
            .any(|piece| piece == brand || (brand.len() >= 5 && piece.starts_with(brand)))
    });
    wears.then(|| Lookalike::new("lookalike_brand", &host, brand))
}

/// Whether a display name mixes Latin letters with Cyrillic or Greek look-alikes
/// (`Сục Thuế` with a Cyrillic С). Vietnamese letters are all Latin.
pub fn confusable_name(name: &str) -> bool {
    let mut latin = false;
    let mut other = false;
    for c in name.chars().filter(|c| c.is_alphabetic()) {
        match c as u32 {
            // Greek (0370–03FF) and Cyrillic (0400–052F).
            0x0370..=0x052F => other = true,
            _ if c.is_ascii_alphabetic()
                || (0x00C0..=0x024F).contains(&(c as u32))
                || (0x1E00..=0x1EFF).contains(&(c as u32)) =>
            {
                latin = true
            }
            _ => {}
        }
    }
    latin && other
}

/// The authority a sender's display name claims (one of `names`, lower-case NFC, or the
/// government suffix itself), when the address is not under the government suffix.
pub fn claimed_authority<'n>(
    display_lower: &str,
    address_domain: &str,
    names: &'n [String],
    suffix: &str,
) -> Option<&'n str> {
    if is_under(address_domain, suffix) {
        return None;
    }
    claimed_name(display_lower, names)
}

/// The first of `names` a lower-case display name contains as whole words.
pub fn claimed_name<'n>(display_lower: &str, names: &'n [String]) -> Option<&'n str> {
    names
        .iter()
        .find(|n| contains_words(display_lower, n))
        .map(String::as_str)
}

/// Whether `phrase` occurs in `text` as whole words.
fn contains_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d() -> Vec<String> {
        vec!["lamdong.gov.vn".to_owned()]
    }

    #[test]
    fn lookalike_hosts() {
        for host in [
            "lamdong.gov.vn.secure-login.com",
            "lamdong-gov.vn",
            "mail.lamdonggov.vn",
            "lamdonq.gov.vn",
            "iamdong.gov.vn",
            "dichvucong-gov.vn",
            "thue.gov.vn.top",
            "gov-vn.com",
            "govvn.net",
        ] {
            assert!(lookalike(host, &d(), "gov.vn").is_some(), "{host}");
        }
        for host in [
            "lamdong.gov.vn",
            "mail.lamdong.gov.vn",
            "dichvucong.gov.vn",
            "gdt.gov.vn",
            "vietcombank.com.vn",
            "example.com",
            "government.example",
            "dalat.lamdong.gov.vn",
            "lamdongtv.vn",
        ] {
            assert!(lookalike(host, &d(), "gov.vn").is_none(), "{host}");
        }
    }

    #[test]
    fn brand_hosts() {
        let vcb = vec!["vietcombank.com.vn".to_owned()];
        assert!(brand_lookalike("vietcombank-xacthuc.com", "vietcombank", &vcb).is_some());
        assert!(brand_lookalike("secure.vietcombankonline.net", "vietcombank", &vcb).is_some());
        assert!(brand_lookalike("www.vietcombank.com.vn", "vietcombank", &vcb).is_none());
        assert!(brand_lookalike("info.vietcombank.com.vn", "vietcombank", &vcb).is_none());
        let evn = vec!["evn.com.vn".to_owned()];
        assert!(brand_lookalike("evn-thanhtoan.top", "evn", &evn).is_some());
        assert!(brand_lookalike("seven.com", "evn", &evn).is_none());
        assert!(brand_lookalike("evnhcmc.vn", "evn", &evn).is_none());
    }

    #[test]
    fn display_names() {
        assert!(confusable_name("Сục Thuế")); // Cyrillic С
        assert!(!confusable_name("Cục Thuế tỉnh Lâm Đồng"));
        assert!(!confusable_name("Иван Петров")); // all Cyrillic: a Russian name, not a trick
        let names = vec!["cục thuế".to_owned(), "công an".to_owned()];
        assert_eq!(
            claimed_authority("cục thuế tỉnh lâm đồng", "gmail.com", &names, "gov.vn"),
            Some("cục thuế")
        );
        assert_eq!(
            claimed_authority("cục thuế tỉnh lâm đồng", "gdt.gov.vn", &names, "gov.vn"),
            None
        );
        assert_eq!(claimed_authority("công anh", "gmail.com", &names, "gov.vn"), None);
    }
}
