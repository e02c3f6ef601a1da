//! Actions: how a verdict shows up in the mail (the result header, the spam marks, forged
//! headers removed) and in the SMTP dialogue (the answer and its reply). [`plan`] decides all of
//! it from the verdict, what became of a held message and the headers the message came with;
//! the milter glue only carries the plan out.

use crate::config::{Config, HeldAnswer};
use crate::verdict::{Action, SmtpReply, Verdict};
use std::fmt::Write;

/// Headers canhgac writes, as the message arrived with them: forged (or left by another gateway)
/// and removed before delivery; and the Subject, for the spam prefix.
#[derive(Debug, Clone, Default)]
pub struct HeaderMarks {
    /// How many result headers (`[policy] result_header`).
    pub result: i32,
    pub spam_flag: i32,
    pub spam_score: i32,
    /// The first Subject's value as the MTA passed it; None when there is none or it is not UTF-8.
    pub subject: Option<String>,
    pub has_subject: bool,
    /// The positions (1-based, among the message's `Authentication-Results` fields) of those
    /// claiming this gateway's authserv-id: forged, removed before ours is added.
    pub auth_results: Vec<i32>,
    /// `Authentication-Results` fields seen so far.
    pub auth_seen: i32,
}

/// The header of sender authentication's results (RFC 8601).
pub const AUTH_RESULTS: &str = "Authentication-Results";

/// The spam headers canhgac writes on tagged mail.
pub const SPAM_FLAG: &str = "X-Spam-Flag";
pub const SPAM_SCORE: &str = "X-Spam-Score";

/// What became of a held message before the MTA is answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held {
    /// No store in use: Postfix's hold queue.
    NoStore,
    /// Stored durably under this id.
    Stored(String),
    /// The store failed: answer tempfail, the sender keeps the message.
    Failed,
}

/// The answer to the MTA.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Accept,
    Discard,
    Reject(SmtpReply),
    Tempfail(SmtpReply),
}

/// A change to the message's headers, in the order it is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderEdit {
    /// Remove the `index`-th (from 1) header of this name.
    Remove {
        name: String,
        index: i32,
    },
    Add {
        name: String,
        value: String,
    },
    /// Replace the `index`-th header of this name.
    Change {
        name: String,
        index: i32,
        value: String,
    },
}

/// Everything the milter does with one message at its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub answer: Answer,
    pub edits: Vec<HeaderEdit>,
    /// Ask the MTA to put the message in its hold queue, with this reason.
    pub mta_hold: Option<String>,
}

/// Decides what the MTA hears and how the message changes. `tempfail` builds the gateway's own
/// tempfail replies (the score table's code); `lead` is the space to put before added values
/// (SMFIP_HDR_LEADSPC negotiated: values are used exactly).
pub fn plan(
    cfg: &Config,
    v: &Verdict,
    held: &Held,
    marks: &HeaderMarks,
    auth_results: Option<&str>,
    lead: &str,
    tempfail: impl Fn(&str) -> SmtpReply,
) -> Plan {
    let answer_only = |answer| Plan {
        answer,
        edits: Vec::new(),
        mta_hold: None,
    };
    match held {
        Held::Failed => {
            return answer_only(Answer::Tempfail(tempfail(
                "Temporary failure: the message could not be stored for review",
            )));
        }
        Held::Stored(_) if cfg.store.answer == HeldAnswer::Discard => return answer_only(Answer::Discard),
        Held::Stored(id) if cfg.store.answer == HeldAnswer::Reject => {
            return answer_only(Answer::Reject(SmtpReply::new(
                550,
                "5.7.1",
                &format!("Message held for review by the security office (quarantine id {id})"),
            )));
        }
        _ => {}
    }
    match v.action {
        Action::Reject => answer_only(Answer::Reject(
            v.reply
                .clone()
                .unwrap_or_else(|| SmtpReply::new(550, "5.7.1", "Message refused")),
        )),
        Action::Tempfail => answer_only(Answer::Tempfail(
            v.reply.clone().unwrap_or_else(|| tempfail("Temporary failure")),
        )),
        Action::Discard => answer_only(Answer::Discard),
        Action::Accept | Action::Tag | Action::Quarantine => {
            let header = cfg.policy.result_header.as_str();
            let mut edits = Vec::new();
            // Remove result and spam headers that came with the message: only ours may be trusted.
            for (name, count) in [
                (header, marks.result),
                (SPAM_FLAG, marks.spam_flag),
                (SPAM_SCORE, marks.spam_score),
            ] {
                for index in (1..=count).rev() {
                    edits.push(HeaderEdit::Remove {
                        name: name.to_owned(),
                        index,
                    });
                }
            }
            for &index in marks.auth_results.iter().rev() {
                edits.push(HeaderEdit::Remove {
                    name: AUTH_RESULTS.to_owned(),
                    index,
                });
            }
            if v.action == Action::Tag {
                edits.extend(tag(cfg, v, marks, lead));
            }
            if let Some(value) = auth_results {
                edits.push(HeaderEdit::Add {
                    name: AUTH_RESULTS.to_owned(),
                    value: format!("{lead}{value}"),
                });
            }
            edits.push(HeaderEdit::Add {
                name: header.to_owned(),
                value: format!("{lead}{}", result_header_value(v)),
            });
            let mta_hold = holds(v).then(|| {
                v.findings
                    .first()
                    .map_or("canhgac quarantine".to_owned(), |f| f.symbol.clone())
            });
            Plan {
                answer: Answer::Accept,
                edits,
                mta_hold,
            }
        }
    }
}

/// The marks of tagged mail: `X-Spam-Flag: YES`, `X-Spam-Score`, and the configured subject
/// prefix (added to the first Subject, or as a Subject when there is none; not when the
/// Subject is not UTF-8).
fn tag(cfg: &Config, v: &Verdict, marks: &HeaderMarks, lead: &str) -> Vec<HeaderEdit> {
    let mut edits = vec![
        HeaderEdit::Add {
            name: SPAM_FLAG.to_owned(),
            value: format!("{lead}YES"),
        },
        HeaderEdit::Add {
            name: SPAM_SCORE.to_owned(),
            value: format!("{lead}{:.2}", v.score + 0.0),
        },
    ];
    let prefix = &cfg.spam.subject_prefix;
    if prefix.is_empty() {
        return edits;
    }
    match (&marks.subject, marks.has_subject) {
        (Some(old), _) => edits.push(HeaderEdit::Change {
            name: "Subject".to_owned(),
            index: 1,
            value: format!("{lead}{prefix}{}", old.trim_start()),
        }),
        (None, false) => edits.push(HeaderEdit::Add {
            name: "Subject".to_owned(),
            value: format!("{lead}{}", prefix.trim_end()),
        }),
        (None, true) => tracing::warn!("subject is not UTF-8: spam prefix not added"),
    }
    edits
}

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
    let end = match crate::message::header_end(raw) {
        e if e == raw.len() => raw.len().min(256 * 1024),
        e => e + 2,
    };
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
    described: Option<&crate::extract::Described>,
    authentication: Option<&str>,
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
        crate::alerts::plan(
            cfg,
            engine.directory(),
            (engine.alert_templates(), engine.explainer()),
            &facts,
        )
    } else if verdict.findings.iter().any(|f| f.symbol == "SCAN_CRASH") {
        // A message that kills the scanner twice: the officers are told (issue 14).
        crate::alerts::plan_scan_crash(cfg, engine.alert_templates(), &facts)
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
        described,
        authentication,
    };
    store.hold(&hold, &alerts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::Finding;

    fn verdict(action: Action, would: Option<Action>, syms: &[(&str, f64)]) -> Verdict {
        Verdict {
            reason: String::new(),
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

    /// The glue holds no policy (issue 16): what the MTA hears and how the headers change is
    /// decided here, and the gateway's own tempfails use the score table's code.
    #[test]
    fn the_plan_answers_edits_and_holds() {
        let mut cfg = Config::default();
        let temp = |text: &str| SmtpReply::new(451, "4.7.9", text);
        let none = HeaderMarks::default();
        let accept = verdict(Action::Accept, None, &[]);
        // A store failure: tempfail with the table's code, nothing else.
        let p = plan(&cfg, &accept, &Held::Failed, &none, None, " ", temp);
        assert!(
            matches!(&p.answer, Answer::Tempfail(r) if r.status == "4.7.9"),
            "{p:?}"
        );
        assert!(p.edits.is_empty());
        // Held in the store: discard (the default) or reject naming the id.
        let held = Held::Stored("Q1".to_owned());
        let q = verdict(Action::Quarantine, None, &[("MARKING_MAT", 0.0)]);
        assert_eq!(
            plan(&cfg, &q, &held, &none, None, " ", temp).answer,
            Answer::Discard
        );
        cfg.store.answer = HeldAnswer::Reject;
        let p = plan(&cfg, &q, &held, &none, None, " ", temp);
        assert!(
            matches!(&p.answer, Answer::Reject(r) if r.code == 550 && r.text.contains("Q1")),
            "{p:?}"
        );
        // Without a store: accepted into Postfix's hold queue, with the result header.
        let p = plan(&cfg, &q, &Held::NoStore, &none, None, " ", temp);
        assert_eq!(p.answer, Answer::Accept);
        assert_eq!(p.mta_hold.as_deref(), Some("MARKING_MAT"));
        // Forged headers removed (last first), spam marks and the subject prefix added.
        cfg.spam.subject_prefix = "[SPAM] ".to_owned();
        let marks = HeaderMarks {
            result: 2,
            spam_flag: 1,
            spam_score: 0,
            subject: Some(" Khuyến mãi".to_owned()),
            has_subject: true,
            ..HeaderMarks::default()
        };
        let t = verdict(Action::Tag, None, &[("BAYES_SPAM", 6.0)]);
        let p = plan(&cfg, &t, &Held::NoStore, &marks, None, " ", temp);
        let header = cfg.policy.result_header.clone();
        assert_eq!(
            p.edits[..3],
            [
                HeaderEdit::Remove {
                    name: header.clone(),
                    index: 2
                },
                HeaderEdit::Remove {
                    name: header.clone(),
                    index: 1
                },
                HeaderEdit::Remove {
                    name: SPAM_FLAG.to_owned(),
                    index: 1
                },
            ]
        );
        assert!(p.edits.contains(&HeaderEdit::Change {
            name: "Subject".to_owned(),
            index: 1,
            value: " [SPAM] Khuyến mãi".to_owned()
        }));
        assert!(p.edits.contains(&HeaderEdit::Add {
            name: SPAM_SCORE.to_owned(),
            value: " 6.00".to_owned()
        }));
        assert!(matches!(p.edits.last(), Some(HeaderEdit::Add { name, .. }) if *name == header));
        assert_eq!(p.mta_hold, None);
        // A tempfail verdict without its own reply gets the table's.
        let tf = verdict(Action::Tempfail, None, &[("SCAN_TIMEOUT", 0.0)]);
        assert!(
            matches!(plan(&cfg, &tf, &Held::NoStore, &none, None, "", temp).answer, Answer::Tempfail(r) if r.status == "4.7.9")
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

    #[test]
    fn forged_authentication_results_go_and_ours_is_added() {
        let cfg = Config::default();
        let temp = |t: &str| SmtpReply::new(451, "4.3.0", t);
        let marks = HeaderMarks {
            auth_results: vec![1, 3],
            auth_seen: 3,
            ..HeaderMarks::default()
        };
        let v = verdict(Action::Accept, None, &[]);
        let p = plan(
            &cfg,
            &v,
            &Held::NoStore,
            &marks,
            Some("mx.lamdong.gov.vn; spf=pass"),
            " ",
            temp,
        );
        let auth: Vec<&HeaderEdit> = p
            .edits
            .iter()
            .filter(|e| matches!(e, HeaderEdit::Remove { name, .. } | HeaderEdit::Add { name, .. } if name == AUTH_RESULTS))
            .collect();
        assert_eq!(
            auth,
            [
                &HeaderEdit::Remove {
                    name: AUTH_RESULTS.to_owned(),
                    index: 3
                },
                &HeaderEdit::Remove {
                    name: AUTH_RESULTS.to_owned(),
                    index: 1
                },
                &HeaderEdit::Add {
                    name: AUTH_RESULTS.to_owned(),
                    value: " mx.lamdong.gov.vn; spf=pass".to_owned()
                },
            ]
        );
        // Refused mail gets no header edits at all.
        let r = verdict(Action::Reject, None, &[]);
        assert!(
            plan(&cfg, &r, &Held::NoStore, &marks, Some("x; none"), " ", temp)
                .edits
                .is_empty()
        );
    }
}
