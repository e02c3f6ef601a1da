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
    pub reject_reply: SmtpReply,
    pub tempfail_reply: (u16, String),
    symbols: HashMap<String, SymbolRule>,
}

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
    /// Forced action and its SMTP code + enhanced status code.
    pub force: Option<(Action, Option<(u16, String)>)>,
    /// The forced action gives way when another symbol (or the score) refuses the message
    /// (reject, tempfail, discard): for "could not be checked" symbols, whose only purpose is
    /// that nothing unchecked is delivered.
    pub unless_refused: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    actions: RawActions,
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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSymbol {
    score: f64,
    description: String,
    action: Option<Action>,
    reply: Option<String>,
    #[serde(default)]
    unless_refused: bool,
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
            reject_reply: SmtpReply::new(rc, &rs, &a.reject_text),
            tempfail_reply: tempfail,
            symbols,
        })
    }

    /// The rule for a symbol. Every symbol a scanner emits is present (checked at parse time).
    pub fn get(&self, symbol: &str) -> Option<&SymbolRule> {
        self.symbols.get(symbol)
    }

    /// Replaces the action a symbol forces (`[policy.actions]`). A reply code that no longer
    /// fits the action is dropped (the table's default reply is used).
    pub fn override_action(&mut self, symbol: &str, action: Action) -> Result<(), String> {
        let rule = self
            .symbols
            .get_mut(symbol)
            .ok_or_else(|| format!("unknown symbol {symbol}: no scanner emits it"))?;
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
            force: action.map(|a| (a, reply)),
            unless_refused: false,
        })
    }
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
