//! Policy: pure functions from findings and the score table to a verdict. No I/O here.

mod scores;

pub use scores::{KnownSymbol, ScoreTable, SymbolRule, parse_reply_code};

use crate::verdict::Finding;
pub use crate::verdict::{Action, SmtpReply, Verdict};

/// Turns findings into a verdict. Findings are given their scores from `table`.
pub fn decide(table: &ScoreTable, mut findings: Vec<Finding>, dry_run: bool) -> Verdict {
    let mut score = 0.0;
    // The strongest forced action, with the finding that forced it; and the strongest of the
    // symbols that give way to a refusal.
    let mut forced: Option<(Action, Option<SmtpReply>)> = None;
    let mut forced_unless_refused: Option<(Action, Option<SmtpReply>)> = None;
    // A symbol that fires several times counts once towards the score.
    let mut counted: Vec<String> = Vec::new();
    for f in &mut findings {
        let Some(rule) = table.get(&f.symbol) else {
            // The table was checked against every scanner's declared symbols at build: a symbol
            // it does not know is a scanner's bug. Fail closed: the message waits (tempfail)
            // rather than pass with a finding nobody scored.
            tracing::error!(symbol = %f.symbol, "finding with a symbol the score table does not know; answering tempfail");
            let reply = SmtpReply::new(
                table.tempfail_reply.0,
                &table.tempfail_reply.1,
                "Temporary failure: internal error",
            );
            if forced.as_ref().is_none_or(|(a, _)| Action::Tempfail > *a) {
                forced = Some((Action::Tempfail, Some(reply)));
            }
            continue;
        };
        f.score = rule.score;
        if !counted.contains(&f.symbol) {
            score += rule.score;
            counted.push(f.symbol.clone());
        }
        if let Some((action, reply)) = &rule.force {
            let reply = match (action, reply) {
                (Action::Reject | Action::Tempfail, Some((code, status))) => {
                    Some(SmtpReply::new(*code, status, &f.detail))
                }
                (Action::Tempfail, None) => Some(SmtpReply::new(
                    table.tempfail_reply.0,
                    &table.tempfail_reply.1,
                    &f.detail,
                )),
                (Action::Reject, None) => Some(table.reject_reply.clone()),
                _ => None,
            };
            let slot = if rule.unless_refused {
                &mut forced_unless_refused
            } else {
                &mut forced
            };
            if slot.as_ref().is_none_or(|(a, _)| action > a) {
                *slot = Some((*action, reply));
            }
        }
    }
    let by_score = if score >= table.reject_threshold {
        (Action::Reject, Some(table.reject_reply.clone()))
    } else if score >= table.tag_threshold {
        (Action::Tag, None)
    } else {
        (Action::Accept, None)
    };
    let main = match forced {
        Some(f) if f.0 >= by_score.0 => f,
        _ => by_score,
    };
    let refused = matches!(main.0, Action::Reject | Action::Tempfail | Action::Discard);
    let (action, reply) = match forced_unless_refused {
        Some(f) if !refused && f.0 > main.0 => f,
        _ => main,
    };
    let score = (score * 100.0).round() / 100.0;
    if dry_run && matches!(action, Action::Reject | Action::Quarantine | Action::Discard) {
        return Verdict {
            action: Action::Tag,
            dry_run_action: Some(action),
            score,
            reply: None,
            level: None,
            findings,
        };
    }
    Verdict {
        action,
        dry_run_action: None,
        score,
        reply,
        level: None,
        findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 16: a finding with a symbol the table does not know (a scanner's bug) is never
    /// skipped silently: the message waits.
    #[test]
    fn an_unknown_symbol_fails_closed() {
        let v = decide(
            &table(),
            vec![Finding::new("NO_SUCH_SYMBOL", "d", "message")],
            false,
        );
        assert_eq!(v.action, Action::Tempfail);
        assert_eq!(v.reply.map(|r| r.code), Some(451));
    }
    use std::path::Path;

    const TABLE: &str = r#"
[actions]
tag = 5.0
reject = 10.0
reject_reply = "550 5.7.1"
reject_text = "spam"
tempfail_reply = "451 4.3.0"
[symbols.A]
score = 3.0
description = "a"
[symbols.B]
score = 4.0
description = "b"
[symbols.BIG]
score = 0.0
description = "big"
action = "reject"
reply = "552 5.3.4"
[symbols.FAIL]
score = 0.0
description = "fail"
action = "tempfail"
[symbols.HOLD]
score = 0.0
description = "hold"
action = "quarantine"
[symbols.UNREAD]
score = 0.0
description = "could not be read"
action = "quarantine"
unless_refused = true
"#;

    fn table() -> ScoreTable {
        ScoreTable::parse(
            TABLE,
            Path::new("t.toml"),
            &known(&["A", "B", "BIG", "FAIL", "HOLD", "UNREAD"]),
        )
        .expect("valid table")
    }

    fn known(names: &[&str]) -> Vec<KnownSymbol> {
        names.iter().map(|n| KnownSymbol::named(n)).collect()
    }

    fn f(sym: &str) -> Finding {
        Finding::new(sym, format!("detail of {sym}"), "message")
    }

    #[test]
    fn table_driven_policy() {
        let t = table();
        // (symbols, dry_run, action, dry-run action, score, reply code)
        type Case<'a> = (&'a [&'a str], bool, Action, Option<Action>, f64, Option<u16>);
        let cases: &[Case] = &[
            (&[], false, Action::Accept, None, 0.0, None),
            (&["A"], false, Action::Accept, None, 3.0, None),
            (&["A", "B"], false, Action::Tag, None, 7.0, None),
            (&["A", "A"], false, Action::Accept, None, 3.0, None),
            (&["A", "B", "A", "B", "B"], false, Action::Tag, None, 7.0, None),
            (&["BIG"], false, Action::Reject, None, 0.0, Some(552)),
            (&["BIG", "A", "B"], false, Action::Reject, None, 7.0, Some(552)),
            (&["FAIL"], false, Action::Tempfail, None, 0.0, Some(451)),
            (&["FAIL", "BIG"], false, Action::Reject, None, 0.0, Some(552)),
            (&["HOLD", "BIG"], false, Action::Quarantine, None, 0.0, None),
            // A "could not be read" hold gives way to any refusal, and wins over delivery.
            (&["UNREAD"], false, Action::Quarantine, None, 0.0, None),
            (&["UNREAD", "A", "B"], false, Action::Quarantine, None, 7.0, None),
            (&["UNREAD", "BIG"], false, Action::Reject, None, 0.0, Some(552)),
            (&["UNREAD", "FAIL"], false, Action::Tempfail, None, 0.0, Some(451)),
            (
                &["UNREAD", "HOLD", "BIG"],
                false,
                Action::Quarantine,
                None,
                0.0,
                None,
            ),
            (&["BIG"], true, Action::Tag, Some(Action::Reject), 0.0, None),
            (&["HOLD"], true, Action::Tag, Some(Action::Quarantine), 0.0, None),
            (&["FAIL"], true, Action::Tempfail, None, 0.0, Some(451)),
            (&["A"], true, Action::Accept, None, 3.0, None),
        ];
        for (syms, dry, action, would, score, code) in cases {
            let v = decide(&t, syms.iter().map(|s| f(s)).collect(), *dry);
            assert_eq!(v.action, *action, "{syms:?} dry={dry}");
            assert_eq!(v.dry_run_action, *would, "{syms:?} dry={dry}");
            assert_eq!(v.score, *score, "{syms:?} dry={dry}");
            assert_eq!(v.reply.as_ref().map(|r| r.code), *code, "{syms:?} dry={dry}");
        }
    }

    #[test]
    fn score_reject_uses_table_reply() {
        let t = table();
        let mut syms = vec![f("A"), f("B")];
        let mut t2 = t.clone();
        t2.reject_threshold = 7.0;
        let v = decide(&t2, std::mem::take(&mut syms), false);
        assert_eq!(v.action, Action::Reject);
        assert_eq!(v.reply.map(|r| r.to_string()), Some("550 5.7.1 spam".to_owned()));
    }

    #[test]
    fn forced_reply_text_is_finding_detail_in_ascii() {
        let t = table();
        let v = decide(
            &t,
            vec![Finding::new("BIG", "Tệp đính kèm 25 MB > 20 MB", "message")],
            false,
        );
        let r = v.reply.expect("reply");
        assert_eq!((r.code, r.status.as_str()), (552, "5.3.4"));
        assert!(r.text.is_ascii());
        assert!(r.text.contains("25 MB > 20 MB"));
    }

    #[test]
    fn bad_tables_are_errors_naming_the_place() {
        let symbols = known(&["A", "B", "BIG", "FAIL", "HOLD"]);
        let cases: &[(&str, &str)] = &[
            ("[symbols.TYPO]\nscore = 1.0\ndescription = \"x\"\n", "TYPO"),
            (
                "[symbols.BIG]\nscore = 0.0\ndescription = \"x\"\naction = \"reject\"\nreply = \"452 4.3.4\"\n",
                "452 4.3.4",
            ),
            (
                "[symbols.BIG]\nscore = 0.0\ndescription = \"x\"\naction = \"reject\"\nreply = \"552 4.3.4\"\n",
                "552 4.3.4",
            ),
            (
                "[symbols.BIG]\nscore = 0.0\ndescription = \"x\"\naction = \"explode\"\n",
                "explode",
            ),
            ("[symbols.BIG]\nscore = \"high\"\ndescription = \"x\"\n", "high"),
        ];
        for (extra, value) in cases {
            // Replace the BIG entry (or add TYPO) in an otherwise valid table.
            let base = TABLE.replace(
                "[symbols.BIG]\nscore = 0.0\ndescription = \"big\"\naction = \"reject\"\nreply = \"552 5.3.4\"\n",
                "",
            );
            let mut text = base.clone();
            text.push_str(extra);
            if !extra.contains("symbols.BIG") {
                text.push_str("[symbols.BIG]\nscore = 0.0\ndescription = \"big\"\n");
            }
            let err = ScoreTable::parse(&text, Path::new("scores.toml"), &symbols)
                .expect_err(extra)
                .to_string();
            assert!(err.starts_with("scores.toml:"), "{err}");
            assert!(!err.starts_with("scores.toml:0:"), "no line in {err}");
            assert!(err.contains(value), "{value} not in {err}");
        }
        // A symbol a scanner emits but the table lacks.
        let err = ScoreTable::parse(
            TABLE,
            Path::new("scores.toml"),
            &known(&["A", "B", "BIG", "FAIL", "HOLD", "NEW"]),
        )
        .expect_err("missing NEW")
        .to_string();
        assert!(err.contains("NEW"), "{err}");
    }

    #[test]
    fn embedded_table_is_valid() {
        let engine = crate::engine::Engine::build(&crate::config::Config::default());
        assert!(engine.is_ok(), "{:?}", engine.err());
    }

    #[test]
    fn per_symbol_action_overrides() {
        let mut t = table();
        t.override_action("BIG", Action::Quarantine).expect("known");
        let v = decide(&t, vec![f("BIG")], false);
        assert_eq!((v.action, v.reply), (Action::Quarantine, None));
        t.override_action("FAIL", Action::Tag).expect("known");
        assert_eq!(decide(&t, vec![f("FAIL")], false).action, Action::Tag);
        t.override_action("A", Action::Reject).expect("known");
        let v = decide(&t, vec![f("A")], false);
        assert_eq!(
            v.reply.map(|r| r.code),
            Some(550),
            "falls back to the table's reject reply"
        );
        assert!(t.override_action("NOPE", Action::Reject).is_err());
    }
}
