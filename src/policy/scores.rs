//! The score table read from `rules/scores.toml`: every symbol's score, description and forced
//! action, and the action thresholds.

use super::{Action, SmtpReply};
use crate::config::ConfigError;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The score table as compiled data.
#[derive(Debug, Clone)]
pub struct ScoreTable {
    pub tag_threshold: f64,
    pub reject_threshold: f64,
    /// A reject by score needs positive evidence from at least this many groups (issue 19:
    /// no single family of rules, and never the classifier alone, refuses a message).
    pub reject_min_groups: usize,
    /// A group counts towards `reject_min_groups` only when it adds at least this much (a
    /// half-point rule corroborates nothing).
    pub corroboration_min_score: f64,
    /// Without the classifier's word for spam (no model, no opinion, or ham), rules alone
    /// refuse only at this score: a fresh install refuses little, and never on a few rules.
    pub reject_rules_only: f64,
    groups: HashMap<String, Group>,
    pub reject_reply: SmtpReply,
    pub tempfail_reply: (u16, String),
    symbols: HashMap<String, SymbolRule>,
}

/// The score thresholds a message is judged by.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    pub tag: f64,
    /// With the classifier's word for spam.
    pub reject: f64,
    /// Without it (rules alone).
    pub rules_only: f64,
}

/// A family of symbols (`[groups.NAME]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub description: String,
    /// Evidence only adds up: its symbols force no action and none scores at or above the
    /// reject threshold on its own. Verdict groups (size, viruses, markings, engine failures,
    /// signatures) decide by themselves.
    pub evidence: bool,
    /// A statistical classifier: must be capped at the tag threshold (`max_score`).
    pub statistical: bool,
    /// The most the group's symbols add to a message's score together (as rspamd's group
    /// `max_score`).
    pub max_score: Option<f64>,
}

/// The group YARA rules' symbols belong to when the score table does not list them.
pub const SIGNATURE_GROUP: &str = "signatures";

/// A symbol a scanner may emit, with the rule it brings along when the score table does not
/// list it (YARA rules carry their score in their metadata).
#[derive(Debug, Clone, PartialEq)]
pub struct KnownSymbol {
    pub name: String,
    pub default: Option<SymbolRule>,
}

impl KnownSymbol {
    /// A symbol that must be listed in the score table.
    pub fn named(name: &str) -> KnownSymbol {
        KnownSymbol {
            name: name.to_owned(),
            default: None,
        }
    }
}

/// What one symbol means.
#[derive(Debug, Clone, PartialEq)]
pub struct SymbolRule {
    pub score: f64,
    pub description: String,
    /// The description in Vietnamese, for the officers (issue 24; every built-in symbol has one).
    pub description_vi: Option<String>,
    /// Forced action and its SMTP code + enhanced status code.
    pub force: Option<(Action, Option<(u16, String)>)>,
    /// The forced action gives way when another symbol (or the score) refuses the message
    /// (reject, tempfail, discard): for "could not be checked" symbols, whose only purpose is
    /// that nothing unchecked is delivered.
    pub unless_refused: bool,
    /// The `[groups.NAME]` it belongs to.
    pub group: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    actions: RawActions,
    groups: BTreeMap<String, RawGroup>,
    #[serde(default)]
    symbols: BTreeMap<String, RawSymbol>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActions {
    tag: f64,
    reject: f64,
    reject_reply: String,
    reject_text: String,
    tempfail_reply: String,
    #[serde(default = "default_min_groups")]
    reject_min_groups: usize,
    #[serde(default = "default_corroboration")]
    corroboration_min_score: f64,
    reject_rules_only: Option<f64>,
}

fn default_corroboration() -> f64 {
    1.0
}

fn default_min_groups() -> usize {
    2
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    description: String,
    #[serde(default)]
    evidence: bool,
    #[serde(default)]
    statistical: bool,
    max_score: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSymbol {
    score: f64,
    description: String,
    #[serde(default)]
    description_vi: Option<String>,
    action: Option<Action>,
    reply: Option<String>,
    #[serde(default)]
    unless_refused: bool,
    group: String,
}

/// Parses `"552 5.3.4"` into a code and enhanced status code consistent with each other.
pub fn parse_reply_code(s: &str) -> Result<(u16, String), String> {
    let mut it = s.split_whitespace();
    let (Some(code), Some(status), None) = (it.next(), it.next(), it.next()) else {
        return Err(format!(
            "invalid reply {s:?}: expected \"CODE X.Y.Z\" such as \"552 5.3.4\""
        ));
    };
    let code: u16 = code
        .parse()
        .ok()
        .filter(|c| (400..600).contains(c))
        .ok_or_else(|| format!("invalid reply {s:?}: code must be 4xx or 5xx"))?;
    let parts: Vec<&str> = status.split('.').collect();
    let ok = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
        && parts[0] == (code / 100).to_string();
    if !ok {
        return Err(format!(
            "invalid reply {s:?}: enhanced status must be X.Y.Z with X matching the code's class"
        ));
    }
    Ok((code, status.to_owned()))
}

impl ScoreTable {
    /// The table built into the binary (the repository's `rules/scores.toml`).
    pub const EMBEDDED: &'static str = include_str!("../../rules/scores.toml");

    /// Parses a score table; `known` is every symbol some scanner can emit. A symbol in the file
    /// that no scanner emits, or one a scanner emits that is missing (and brings no default), is
    /// an error.
    pub fn parse(text: &str, origin: &Path, known: &[KnownSymbol]) -> Result<ScoreTable, ConfigError> {
        let raw: RawTable = toml::from_str(text).map_err(|e| ConfigError::from_toml(origin, text, &e))?;
        let bad = |section: &str, key: &str, msg: &str| ConfigError::at_key(origin, text, section, key, msg);
        let a = &raw.actions;
        if !(a.tag.is_finite() && a.reject.is_finite() && a.tag <= a.reject) {
            return Err(bad(
                "actions",
                "tag",
                "thresholds must be numbers with tag <= reject",
            ));
        }
        let (rc, rs) = parse_reply_code(&a.reject_reply).map_err(|m| bad("actions", "reject_reply", &m))?;
        if rc < 500 {
            return Err(bad("actions", "reject_reply", "a reject reply must be 5xx"));
        }
        let tempfail =
            parse_reply_code(&a.tempfail_reply).map_err(|m| bad("actions", "tempfail_reply", &m))?;
        if tempfail.0 >= 500 {
            return Err(bad("actions", "tempfail_reply", "a tempfail reply must be 4xx"));
        }
        if a.reject_min_groups < 1 {
            return Err(bad("actions", "reject_min_groups", "must be at least 1"));
        }
        if !(a.corroboration_min_score.is_finite() && a.corroboration_min_score >= 0.0) {
            return Err(bad("actions", "corroboration_min_score", "must be a number >= 0"));
        }
        let rules_only = a.reject_rules_only.unwrap_or(a.reject);
        if !(rules_only.is_finite() && rules_only >= a.reject) {
            return Err(bad("actions", "reject_rules_only", "must be a number >= reject"));
        }
        let mut groups = HashMap::new();
        for (name, g) in raw.groups {
            let section = format!("groups.{name}");
            if let Some(max) = g.max_score {
                if !max.is_finite() || max < 0.0 {
                    return Err(bad(&section, "max_score", "must be a number >= 0"));
                }
                if g.evidence && max >= a.reject {
                    return Err(bad(
                        &section,
                        "max_score",
                        &format!(
                            "evidence group {name} could reject alone: max_score {max} >= reject {}; reject needs corroboration",
                            a.reject
                        ),
                    ));
                }
            }
            if g.statistical {
                match g.max_score {
                    Some(max) if max <= a.tag && g.evidence => {}
                    _ => {
                        return Err(bad(
                            &section,
                            "statistical",
                            &format!(
                                "a statistical group must be evidence with max_score <= tag ({}): the classifier tags at most",
                                a.tag
                            ),
                        ));
                    }
                }
            }
            groups.insert(
                name,
                Group {
                    description: g.description,
                    evidence: g.evidence,
                    statistical: g.statistical,
                    max_score: g.max_score,
                },
            );
        }
        if !groups.contains_key(SIGNATURE_GROUP) {
            return Err(bad(
                "groups",
                SIGNATURE_GROUP,
                &format!("[groups.{SIGNATURE_GROUP}] is missing (YARA rules' symbols belong to it)"),
            ));
        }
        let mut symbols = HashMap::new();
        for (name, s) in raw.symbols {
            let section = format!("symbols.{name}");
            if !known.iter().any(|k| k.name == name) {
                let names: Vec<&str> = known.iter().map(|k| k.name.as_str()).collect();
                return Err(bad(
                    "",
                    &format!("[{section}]"),
                    &format!(
                        "unknown symbol {name}: no scanner emits it (known: {})",
                        names.join(", ")
                    ),
                )
                .with_section_line(text, &section));
            }
            let mut rule = SymbolRule::new(s.score, s.description, s.action, s.reply.as_deref())
                .map_err(|(key, m)| bad(&section, key, &m))?;
            rule.unless_refused = s.unless_refused;
            rule.description_vi = s.description_vi.filter(|d| !d.trim().is_empty());
            let Some(group) = groups.get(&s.group) else {
                let mut names: Vec<&str> = groups.keys().map(String::as_str).collect();
                names.sort_unstable();
                return Err(bad(
                    &section,
                    "group",
                    &format!("unknown group {:?} (groups: {})", s.group, names.join(", ")),
                ));
            };
            rule.group = s.group;
            if group.evidence {
                evidence_may(&name, &rule, group, a.reject).map_err(|(key, m)| bad(&section, key, &m))?;
            }
            symbols.insert(name, rule);
        }
        for k in known {
            if symbols.contains_key(&k.name) {
                continue;
            }
            match &k.default {
                Some(rule) => {
                    symbols.insert(k.name.clone(), rule.clone());
                }
                None => {
                    let missing = &k.name;
                    return Err(ConfigError::at_key(
                        origin,
                        text,
                        "symbols",
                        missing,
                        &format!(
                            "symbol {missing} is emitted by a scanner but has no [symbols.{missing}] entry"
                        ),
                    ));
                }
            }
        }
        Ok(ScoreTable {
            tag_threshold: a.tag,
            reject_threshold: a.reject,
            reject_min_groups: a.reject_min_groups,
            corroboration_min_score: a.corroboration_min_score,
            reject_rules_only: rules_only,
            groups,
            reject_reply: SmtpReply::new(rc, &rs, &a.reject_text),
            tempfail_reply: tempfail,
            symbols,
        })
    }

    /// The rule for a symbol. Every symbol a scanner emits is present (checked at parse time).
    pub fn get(&self, symbol: &str) -> Option<&SymbolRule> {
        self.symbols.get(symbol)
    }

    /// The table's own thresholds.
    pub fn thresholds(&self) -> Thresholds {
        Thresholds {
            tag: self.tag_threshold,
            reject: self.reject_threshold,
            rules_only: self.reject_rules_only,
        }
    }

    /// Checks other thresholds against this table (a unit's own, `[spam.units]`): tag at most
    /// reject, rules alone at least reject, and no evidence symbol or group able to reach the
    /// reject score by itself.
    pub fn check_thresholds(&self, t: &Thresholds) -> Result<(), String> {
        if !(t.tag.is_finite() && t.reject.is_finite() && t.rules_only.is_finite()) {
            return Err("thresholds must be numbers".to_owned());
        }
        if t.tag > t.reject {
            return Err(format!("tag {} is above reject {}", t.tag, t.reject));
        }
        if t.rules_only < t.reject {
            return Err(format!(
                "reject_rules_only {} is below reject {}",
                t.rules_only, t.reject
            ));
        }
        for (name, rule) in &self.symbols {
            if let Some(group) = self.groups.get(&rule.group).filter(|g| g.evidence) {
                evidence_may(name, rule, group, t.reject)
                    .map_err(|(_, m)| format!("with reject {}: {m}", t.reject))?;
            }
        }
        Ok(())
    }

    /// The group of a symbol's rule.
    pub fn group(&self, name: &str) -> Option<&Group> {
        self.groups.get(name)
    }

    /// Replaces the action a symbol forces (`[policy.actions]`). A reply code that no longer
    /// fits the action is dropped (the table's default reply is used). An evidence symbol
    /// (a rule or the classifier) may not be made to refuse or hold a message on its own.
    pub fn override_action(&mut self, symbol: &str, action: Action) -> Result<(), String> {
        let rule = self
            .symbols
            .get_mut(symbol)
            .ok_or_else(|| format!("unknown symbol {symbol}: no scanner emits it"))?;
        if let Some(group) = self.groups.get(&rule.group)
            && group.evidence
            && action != Action::Tag
            && action != Action::Accept
        {
            return Err(format!(
                "{symbol} is evidence (group {}): it cannot {action} a message on its own; reject needs corroboration",
                rule.group
            ));
        }
        let reply = rule
            .force
            .take()
            .and_then(|(_, r)| r)
            .filter(|(code, _)| match action {
                Action::Reject => *code >= 500,
                Action::Tempfail => *code < 500,
                _ => false,
            });
        rule.force = Some((action, reply));
        Ok(())
    }
}

/// What an evidence symbol may not be: a forced refusal or hold, or a score that refuses alone.
fn evidence_may(
    name: &str,
    rule: &SymbolRule,
    group: &Group,
    reject: f64,
) -> Result<(), (&'static str, String)> {
    if let Some((action, _)) = &rule.force
        && !matches!(action, Action::Tag | Action::Accept)
    {
        return Err((
            "action",
            format!(
                "{name} is evidence (group {}): it cannot force {action}; reject needs corroboration",
                rule.group
            ),
        ));
    }
    let alone = group.max_score.map_or(rule.score, |m| rule.score.min(m));
    if alone >= reject {
        return Err((
            "score",
            format!(
                "{name} would reject alone: score {} >= reject {reject}; reject needs corroboration (give it less, or put it in a verdict group)",
                rule.score
            ),
        ));
    }
    Ok(())
}

impl SymbolRule {
    /// Builds a rule, checking that a reply fits its action. Errors name the key at fault.
    pub fn new(
        score: f64,
        description: String,
        action: Option<Action>,
        reply: Option<&str>,
    ) -> Result<SymbolRule, (&'static str, String)> {
        if !score.is_finite() {
            return Err(("score", "must be a finite number".to_owned()));
        }
        let reply = match reply {
            Some(r) => Some(parse_reply_code(r).map_err(|m| ("reply", m))?),
            None => None,
        };
        match (action, &reply) {
            (Some(action), Some((code, _))) => {
                let ok = match action {
                    Action::Reject => *code >= 500,
                    Action::Tempfail => *code < 500,
                    _ => false,
                };
                if !ok {
                    return Err((
                        "reply",
                        format!(
                            "a reply fits only action reject (5xx) or tempfail (4xx), not {action} with {code}"
                        ),
                    ));
                }
            }
            (None, Some(_)) => return Err(("reply", "reply needs an action".to_owned())),
            _ => {}
        }
        Ok(SymbolRule {
            score,
            description,
            description_vi: None,
            force: action.map(|a| (a, reply)),
            unless_refused: false,
            group: SIGNATURE_GROUP.to_owned(),
        })
    }
}

/// A symbol's descriptions, English and Vietnamese, as people are shown them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SymbolText {
    pub en: String,
    pub vi: Option<String>,
}

/// Every symbol's descriptions in a score table's text, for the console (which builds no
/// engine): the `[symbols.*]` tables' `description` and `description_vi`, nothing checked.
/// A text that does not parse gives none (the engine refuses such a table at start anyway).
pub fn symbol_texts(text: &str) -> HashMap<String, SymbolText> {
    #[derive(Deserialize)]
    struct Texts {
        #[serde(default)]
        symbols: BTreeMap<String, Desc>,
    }
    #[derive(Deserialize)]
    struct Desc {
        #[serde(default)]
        description: String,
        #[serde(default)]
        description_vi: Option<String>,
    }
    toml::from_str::<Texts>(text)
        .map(|t| {
            t.symbols
                .into_iter()
                .map(|(k, d)| {
                    (
                        k,
                        SymbolText {
                            en: d.description,
                            vi: d.description_vi,
                        },
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

impl ConfigError {
    /// Points an error at the line of a `[section]` header.
    fn with_section_line(self, text: &str, section: &str) -> ConfigError {
        match self {
            ConfigError::Invalid { file, message, .. } => {
                let wanted = format!("[{section}]");
                let line = text.lines().position(|l| l.trim() == wanted).map_or(0, |i| i + 1);
                ConfigError::Invalid {
                    file,
                    line,
                    column: 1,
                    key: section.to_owned(),
                    value: section.trim_start_matches("symbols.").to_owned(),
                    message,
                }
            }
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 24: the officers read every symbol's meaning in Vietnamese.
    #[test]
    fn every_built_in_symbol_is_described_in_vietnamese() {
        let texts = symbol_texts(ScoreTable::EMBEDDED);
        assert!(texts.len() > 100, "{}", texts.len());
        for (symbol, t) in &texts {
            assert!(!t.en.trim().is_empty(), "{symbol}: no description");
            let vi = t.vi.as_deref().unwrap_or_default();
            assert!(!vi.trim().is_empty(), "{symbol}: no description_vi");
            assert!(
                !vi.is_ascii() || symbol == "GTUBE",
                "{symbol}: description_vi {vi:?} does not read as Vietnamese"
            );
        }
        assert!(symbol_texts("not toml [").is_empty());
    }
}
