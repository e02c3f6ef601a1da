//! Policy: pure functions from findings and the score table to a verdict. No I/O here.

pub mod lists;
mod scores;

pub use scores::{
    KnownSymbol, ScoreTable, SymbolRule, SymbolText, Thresholds, parse_reply_code, symbol_texts,
};

use crate::verdict::Finding;
pub use crate::verdict::{Action, SmtpReply, Verdict};

/// Turns findings into a verdict. Findings are given their scores from `table`.
pub fn decide(table: &ScoreTable, findings: Vec<Finding>, dry_run: bool) -> Verdict {
    decide_with(table, &table.thresholds(), findings, dry_run)
}

/// As [`decide`], with other thresholds than the table's (a unit's own, `[spam.units]`).
pub fn decide_with(
    table: &ScoreTable,
    thresholds: &Thresholds,
    mut findings: Vec<Finding>,
    dry_run: bool,
) -> Verdict {
    // Each group's sum (a symbol counted once), capped by the group's max_score below.
    let mut by_group: Vec<(&str, f64)> = Vec::new();
    // The strongest forced action, with the finding that forced it; and the strongest of the
    // symbols that give way to a refusal.
    let mut forced: Option<(Action, Option<SmtpReply>, String)> = None;
    let mut forced_unless_refused: Option<(Action, Option<SmtpReply>, String)> = None;
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
            if forced.as_ref().is_none_or(|(a, _, _)| Action::Tempfail > *a) {
                forced = Some((Action::Tempfail, Some(reply), f.symbol.clone()));
            }
            continue;
        };
        f.score = rule.score;
        if !counted.contains(&f.symbol) {
            match by_group.iter_mut().find(|(g, _)| *g == rule.group) {
                Some((_, sum)) => *sum += rule.score,
                None => by_group.push((rule.group.as_str(), rule.score)),
            }
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
            if slot.as_ref().is_none_or(|(a, _, _)| action > a) {
                *slot = Some((*action, reply, f.symbol.clone()));
            }
        }
    }
    let mut score = 0.0;
    let mut corroborating = 0;
    let mut classifier_says_spam = false;
    for (name, sum) in &by_group {
        let group = table.group(name);
        let capped = group.and_then(|g| g.max_score).map_or(*sum, |max| sum.min(max));
        score += capped;
        if capped >= table.corroboration_min_score && capped > 0.0 {
            corroborating += 1;
        }
        if capped > 0.0 && group.is_some_and(|g| g.statistical) {
            classifier_says_spam = true;
        }
    }
    // A score past the reject threshold refuses only when more than one family of evidence says
    // so, and rules without the classifier's word need more (issue 19): otherwise the message is
    // delivered tagged.
    let threshold = if classifier_says_spam {
        thresholds.reject
    } else {
        thresholds.rules_only
    };
    let corroborated = corroborating >= table.reject_min_groups;
    let by_score = if score >= threshold && corroborated {
        (
            Action::Reject,
            Some(table.reject_reply.clone()),
            SCORE_REASON.to_owned(),
        )
    } else if score >= thresholds.tag {
        (Action::Tag, None, SCORE_REASON.to_owned())
    } else {
        (Action::Accept, None, String::new())
    };
    let main = match forced {
        Some(f) if f.0 >= by_score.0 => f,
        _ => by_score,
    };
    let refused = matches!(main.0, Action::Reject | Action::Tempfail | Action::Discard);
    let (action, reply, reason) = match forced_unless_refused {
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
            reason,
            findings,
        };
    }
    Verdict {
        action,
        dry_run_action: None,
        score,
        reply,
        level: None,
        reason,
        findings,
    }
}

/// The reason of a verdict decided by the total score (tag, or a corroborated reject) rather
/// than by one symbol's own action.
pub const SCORE_REASON: &str = "score";

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
[groups.signatures]
description = "s"
[groups.verdicts]
description = "v"
[groups.one]
description = "1"
evidence = true
[groups.two]
description = "2"
evidence = true
[groups.stat]
description = "classifier"
evidence = true
statistical = true
max_score = 5.0
[symbols.A]
score = 3.0
description = "a"
group = "one"
[symbols.A2]
score = 6.0
description = "a2"
group = "one"
[symbols.B]
score = 4.0
description = "b"
group = "two"
[symbols.P]
score = 9.0
description = "classifier, sure"
group = "stat"
[symbols.BIG]
score = 0.0
description = "big"
action = "reject"
reply = "552 5.3.4"
group = "verdicts"
[symbols.FAIL]
score = 0.0
description = "fail"
action = "tempfail"
group = "verdicts"
[symbols.HOLD]
score = 0.0
description = "hold"
action = "quarantine"
group = "verdicts"
[symbols.UNREAD]
score = 0.0
description = "could not be read"
action = "quarantine"
unless_refused = true
group = "verdicts"
"#;

    fn table() -> ScoreTable {
        table_of(TABLE).expect("valid table")
    }

    fn table_of(text: &str) -> Result<ScoreTable, crate::config::ConfigError> {
        ScoreTable::parse(
            text,
            Path::new("t.toml"),
            &known(&["A", "A2", "B", "P", "BIG", "FAIL", "HOLD", "UNREAD"]),
        )
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
            // Issue 19: past the reject score with one group only: tagged, not refused.
            (&["A", "A2"], false, Action::Tag, None, 9.0, None),
            (&["A", "A2", "B"], false, Action::Reject, None, 13.0, Some(550)),
            // The classifier's group is capped (9 → 5): alone it tags at most...
            (&["P"], false, Action::Tag, None, 5.0, None),
            // ...and with another group's evidence it can refuse.
            (&["P", "A2"], false, Action::Reject, None, 11.0, Some(550)),
            (&["P", "A"], false, Action::Tag, None, 8.0, None),
        ];
        for (syms, dry, action, would, score, code) in cases {
            let v = decide(&t, syms.iter().map(|s| f(s)).collect(), *dry);
            assert_eq!(v.action, *action, "{syms:?} dry={dry}");
            assert_eq!(v.dry_run_action, *would, "{syms:?} dry={dry}");
            assert_eq!(v.score, *score, "{syms:?} dry={dry}");
            assert_eq!(v.reply.as_ref().map(|r| r.code), *code, "{syms:?} dry={dry}");
        }
    }

    /// Issue 19: a half-point rule corroborates nothing, and rules without the classifier's
    /// word for spam need `reject_rules_only`.
    #[test]
    fn corroboration_needs_weight_and_rules_alone_need_more() {
        let text = TABLE
            .replace("reject = 10.0\n", "reject = 10.0\nreject_rules_only = 12.0\n")
            .replace("[symbols.B]\nscore = 4.0", "[symbols.B]\nscore = 0.5");
        let t = table_of(&text).expect("valid table");
        let action = |syms: &[&str]| decide(&t, syms.iter().map(|s| f(s)).collect(), false).action;
        // P (classifier, capped 5) + A2 (6): 11 >= 10 with the classifier: refused.
        assert_eq!(action(&["P", "A2"]), Action::Reject);
        // P + B (0.5): 5.5, and B corroborates nothing anyway.
        assert_eq!(action(&["P", "B"]), Action::Tag);
        // Rules alone: A + A2 (one group, 9) + B (0.5, too light to count): tagged.
        assert_eq!(action(&["A", "A2", "B"]), Action::Tag);
        // Rules alone at 12 need two weighty groups: A2 (6) + A (3) is one group.
        let more = text.replace(
            "[symbols.A]\nscore = 3.0\ndescription = \"a\"\ngroup = \"one\"",
            "[symbols.A]\nscore = 6.0\ndescription = \"a\"\ngroup = \"two\"",
        );
        let t2 = table_of(&more).expect("valid table");
        let action2 = |syms: &[&str]| decide(&t2, syms.iter().map(|s| f(s)).collect(), false).action;
        assert_eq!(action2(&["A", "A2"]), Action::Reject, "12 from two groups");
        let bad = TABLE.replace("reject = 10.0\n", "reject = 10.0\nreject_rules_only = 8.0\n");
        let err = table_of(&bad).expect_err("rules-only below reject").to_string();
        assert!(err.contains("reject_rules_only"), "{err}");
    }

    #[test]
    fn score_reject_uses_table_reply() {
        let t = table();
        let mut syms = vec![f("A"), f("B")];
        let mut t2 = t.clone();
        t2.reject_threshold = 7.0;
        t2.reject_rules_only = 7.0;
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
        let symbols = known(&["A", "A2", "B", "P", "BIG", "FAIL", "HOLD", "UNREAD"]);
        let g = "group = \"verdicts\"\n";
        let cases: Vec<(String, &str)> = vec![
            (format!("[symbols.TYPO]\nscore = 1.0\ndescription = \"x\"\n{g}"), "TYPO"),
            (
                format!("[symbols.BIG]\nscore = 0.0\ndescription = \"x\"\naction = \"reject\"\nreply = \"452 4.3.4\"\n{g}"),
                "452 4.3.4",
            ),
            (
                format!("[symbols.BIG]\nscore = 0.0\ndescription = \"x\"\naction = \"reject\"\nreply = \"552 4.3.4\"\n{g}"),
                "552 4.3.4",
            ),
            (
                format!("[symbols.BIG]\nscore = 0.0\ndescription = \"x\"\naction = \"explode\"\n{g}"),
                "explode",
            ),
            (format!("[symbols.BIG]\nscore = \"high\"\ndescription = \"x\"\n{g}"), "high"),
            (
                "[symbols.BIG]\nscore = 1.0\ndescription = \"x\"\ngroup = \"nosuch\"\n".to_owned(),
                "nosuch",
            ),
            // Issue 19: a rule that tries to reject alone, by action or by score.
            (
                "[symbols.BIG]\nscore = 1.0\ndescription = \"x\"\naction = \"reject\"\ngroup = \"one\"\n".to_owned(),
                "reject needs corroboration",
            ),
            (
                "[symbols.BIG]\nscore = 10.0\ndescription = \"x\"\ngroup = \"two\"\n".to_owned(),
                "would reject alone",
            ),
            (
                "[symbols.BIG]\nscore = 1.0\ndescription = \"x\"\ngroup = \"verdicts\"\n[groups.loose]\ndescription = \"x\"\nevidence = true\nstatistical = true\n".to_owned(),
                "tags at most",
            ),
            (
                "[symbols.BIG]\nscore = 1.0\ndescription = \"x\"\ngroup = \"verdicts\"\n[groups.wide]\ndescription = \"x\"\nevidence = true\nmax_score = 12.0\n".to_owned(),
                "could reject alone",
            ),
        ];
        for (extra, value) in &cases {
            // Replace the BIG entry (or add TYPO) in an otherwise valid table.
            let base = TABLE.replace(
                "[symbols.BIG]\nscore = 0.0\ndescription = \"big\"\naction = \"reject\"\nreply = \"552 5.3.4\"\ngroup = \"verdicts\"\n",
                "",
            );
            let mut text = base.clone();
            text.push_str(extra);
            if !extra.contains("symbols.BIG") {
                text.push_str("[symbols.BIG]\nscore = 0.0\ndescription = \"big\"\ngroup = \"verdicts\"\n");
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
            &known(&["A", "A2", "B", "P", "BIG", "FAIL", "HOLD", "UNREAD", "NEW"]),
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
        t.override_action("BIG", Action::Reject).expect("known");
        t.override_action("HOLD", Action::Reject).expect("known");
        let v = decide(&t, vec![f("HOLD")], false);
        assert_eq!(
            v.reply.map(|r| r.code),
            Some(550),
            "falls back to the table's reject reply"
        );
        // Issue 19: evidence cannot be made to refuse or hold on its own.
        let err = t.override_action("A", Action::Reject).expect_err("evidence");
        assert!(err.contains("corroboration"), "{err}");
        assert!(t.override_action("P", Action::Quarantine).is_err());
        assert!(t.override_action("A", Action::Tag).is_ok());
        assert!(t.override_action("NOPE", Action::Reject).is_err());
    }
}
