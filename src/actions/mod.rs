//! Actions: how a verdict shows up in the mail (the result header) and in the SMTP dialogue.

use crate::verdict::{Action, Verdict};
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

/// Whether the verdict holds the message (in the store, and in Postfix's hold queue when
/// `[store] answer = "hold"` or no store is in use).
pub fn holds(v: &Verdict) -> bool {
    v.action == Action::Quarantine
}

/// The header From and Subject of a message (decoded), from its header section only.
pub fn from_and_subject(raw: &[u8]) -> (String, String) {
    let end = memchr::memmem::find(raw, b"\r\n\r\n")
        .or_else(|| memchr::memmem::find(raw, b"\n\n"))
        .map_or(raw.len().min(256 * 1024), |e| e + 2);
    let head = &raw[..end.min(raw.len())];
    let parsed = std::panic::catch_unwind(|| mail_parser::MessageParser::default().parse_headers(head));
    let Ok(Some(m)) = parsed else {
        return (String::new(), String::new());
    };
    let from = m
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .unwrap_or_default()
        .to_owned();
    (from, m.subject().unwrap_or_default().to_owned())
}

/// Holds a message in the quarantine store, with its alerts (a marking tells the units and the
/// officers; a message that crashed the scanner twice, the officers), in one synced transaction. Blocking: call it on the blocking pool, before
/// answering the MTA.
pub fn quarantine(
    engine: &crate::engine::Engine,
    store: &crate::store::Store,
    input: &crate::message::ScanInput,
    verdict: &Verdict,
) -> Result<String, crate::store::StoreError> {
    let cfg = engine.config();
    let env = &input.envelope;
    let (header_from, subject) = from_and_subject(&input.raw);
    let internal_sender = crate::alerts::sender_is_internal(cfg, env);
    let facts = crate::alerts::Facts {
        envelope: env,
        verdict,
        subject: &subject,
        internal_sender,
        received_at: crate::store::now(),
    };
    let alerts = if verdict.level.is_some() {
        crate::alerts::plan(cfg, engine.directory(), &facts)
    } else if verdict.findings.iter().any(|f| f.symbol == "SCAN_CRASH") {
        // A message that kills the scanner twice: the officers are told (issue 14).
        crate::alerts::plan_scan_crash(cfg, &facts)
    } else {
        Vec::new()
    };
    let hold = crate::store::Hold {
        envelope: env,
        raw: &input.raw,
        verdict,
        internal_sender,
        header_from,
        subject,
        units: crate::directory::Directory::units_of(
            engine.directory(),
            std::iter::once(env.mail_from.as_str()).chain(env.rcpt_to.iter().map(String::as_str)),
        ),
    };
    store.hold(&hold, &alerts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::Finding;

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
