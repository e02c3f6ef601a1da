//! The ground floor: the words every layer shares. A scanner's [`Finding`], the [`Action`] a
//! message gets, the [`SmtpReply`] that says so, and the [`Verdict`] that holds them together.
//! Nothing here imports from the rest of the crate, so every layer may use it (ARCHITECTURE.md,
//! "Floors").

use serde::{Deserialize, Serialize};
use std::fmt;

/// One thing a scanner found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The symbol, e.g. `ATTACHMENT_OVERSIZE`; listed in `rules/scores.toml`.
    pub symbol: String,
    /// Its score (filled in by the policy from the score table).
    pub score: f64,
    /// What was found, for people (may be Vietnamese).
    pub detail: String,
    /// Where: `message`, `envelope`, `part 3 "report.pdf"`, …
    pub location: String,
}

impl Finding {
    pub fn new(symbol: &str, detail: impl Into<String>, location: impl Into<String>) -> Finding {
        Finding {
            symbol: symbol.to_owned(),
            score: 0.0,
            detail: detail.into(),
            location: location.into(),
        }
    }
}

/// What happens to a message. The order of the variants is their strength: when several apply,
/// the strongest wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Deliver, with the result header.
    Accept,
    /// Deliver, marked (result header and spam headers).
    Tag,
    /// Refuse for now (4xx): the sending MTA keeps the message and retries.
    Tempfail,
    /// Accept from the MTA and drop.
    Discard,
    /// Refuse (5xx): the sending MTA keeps the message and tells its sender.
    Reject,
    /// Hold for the security officers.
    Quarantine,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Accept => "accept",
            Action::Tag => "tag",
            Action::Tempfail => "tempfail",
            Action::Discard => "discard",
            Action::Reject => "reject",
            Action::Quarantine => "quarantine",
        }
    }

    /// Whether the message is delivered by this action.
    pub fn delivers(self) -> bool {
        matches!(self, Action::Accept | Action::Tag)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An SMTP reply: code, enhanced status code, and ASCII text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SmtpReply {
    pub code: u16,
    pub status: String,
    pub text: String,
}

impl SmtpReply {
    /// A reply whose text is reduced to what SMTP can carry (printable ASCII, one line, bounded).
    pub fn new(code: u16, status: &str, text: &str) -> SmtpReply {
        let mut clean: String = text
            .chars()
            .map(|c| {
                if (c.is_ascii_graphic() && c != '%') || c == ' ' {
                    c
                } else {
                    '?'
                }
            })
            .collect();
        if clean.len() > 400 {
            clean.truncate(400);
        }
        SmtpReply {
            code,
            status: status.to_owned(),
            text: clean,
        }
    }
}

impl fmt::Display for SmtpReply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.code, self.status, self.text)
    }
}

/// The engine's decision about one message, with everything that explains it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// What is done with the message (after `dry_run`).
    pub action: Action,
    /// Under `policy.dry_run`: what would have been done, when that differs from `action`.
    pub dry_run_action: Option<Action>,
    /// Sum of the findings' scores.
    pub score: f64,
    /// The SMTP reply for reject and tempfail.
    pub reply: Option<SmtpReply>,
    /// The highest state-secret marking level found (`TUYỆT MẬT`, `TỐI MẬT`, `MẬT`), if any.
    pub level: Option<String>,
    /// Why: the symbol whose own action decided, `score` when the total did, empty when
    /// nothing did (delivered clean). For logs and metrics.
    pub reason: String,
    /// Every finding, with its score.
    pub findings: Vec<Finding>,
}
