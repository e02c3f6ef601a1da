//! Actions: how a verdict shows up in the mail (the result header) and in the SMTP dialogue.

use crate::policy::{Action, Verdict};
use std::fmt::Write;

/// The value of the result header (`X-Canhgac-Result` by default): the action, the score and
/// every symbol with its score, folded so no line is longer than 78 characters.
///
/// `accept score=0.00 symbols=NONE` or
/// `tag (dry-run: reject) score=0.00 symbols=ATTACHMENT_OVERSIZE(0.00)`.
pub fn result_header_value(v: &Verdict) -> String {
    let mut head = v.action.to_string();
    if let Some(would) = v.dry_run_action {
        let _ = write!(head, " (dry-run: {would})");
    }
    let _ = write!(head, " score={:.2}", v.score + 0.0); // no "-0.00"
    let mut syms: Vec<String> = Vec::new();
    for f in &v.findings {
        let s = format!("{}({:.2})", f.symbol, f.score);
        if !syms.contains(&s) {
            syms.push(s);
        }
    }
    let mut out = head;
    out.push_str(" symbols=");
    if syms.is_empty() {
        out.push_str("NONE");
        return out;
    }
    // Fold: header name (~18) + value lines within 78 columns.
    let mut line_len = out.len() + 18;
    for (i, s) in syms.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        if i > 0 && line_len + sep.len() + s.len() > 76 {
            out.push_str(sep);
            out.push_str("\n\t");
            line_len = 8;
        } else {
            out.push_str(sep);
            line_len += sep.len();
        }
        out.push_str(s);
        line_len += s.len();
    }
    out
}

/// Whether the MTA should keep the message in its hold queue (our interim quarantine until the
/// quarantine store exists).
pub fn holds(v: &Verdict) -> bool {
    v.action == Action::Quarantine
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scanners::Finding;

    fn verdict(action: Action, would: Option<Action>, syms: &[(&str, f64)]) -> Verdict {
        Verdict {
            action,
            dry_run_action: would,
            score: syms.iter().map(|s| s.1).sum(),
            reply: None,
            level: None,
            findings: syms
                .iter()
                .map(|(s, sc)| {
                    let mut f = Finding::new(s, "d", "message");
                    f.score = *sc;
                    f
                })
                .collect(),
        }
    }

    #[test]
    fn header_lists_action_score_symbols() {
        assert_eq!(
            result_header_value(&verdict(Action::Accept, None, &[])),
            "accept score=0.00 symbols=NONE"
        );
        assert_eq!(
            result_header_value(&verdict(
                Action::Tag,
                Some(Action::Reject),
                &[("ATTACHMENT_OVERSIZE", 0.0)]
            )),
            "tag (dry-run: reject) score=0.00 symbols=ATTACHMENT_OVERSIZE(0.00)"
        );
    }

    #[test]
    fn long_header_is_folded() {
        let syms: Vec<(String, f64)> = (0..20).map(|i| (format!("SYMBOL_NUMBER_{i}"), 1.0)).collect();
        let syms: Vec<(&str, f64)> = syms.iter().map(|(s, n)| (s.as_str(), *n)).collect();
        let v = result_header_value(&verdict(Action::Tag, None, &syms));
        for line in v.split('\n') {
            assert!(line.len() <= 78, "{line:?}");
        }
        assert!(v.contains("SYMBOL_NUMBER_19(1.00)"));
        assert!(v.split("\n\t").count() > 1);
    }
}
