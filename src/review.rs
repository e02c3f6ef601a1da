//! The officers' operations on held messages, one service for the review console and the CLI:
//! what an officer may do to a message ([`Act`]: release, delete, confirm, false positive,
//! note) and what is shown of it ([`show`]). Both front ends call these, so an action means the
//! same, is checked the same and leaves the same trail wherever it is taken. And the officers'
//! spam / not-spam word, learned by the classifier ([`learn_feedback`]).

use crate::config::Config;
use crate::extract::Described;
use crate::store::{AuditEntry, OutboxRow, Record, ReleaseRequest, Status, Store, StoreError};

/// What an officer does to a held message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    /// Re-inject the original to its recipients (four eyes for a marked message).
    Release,
    /// Remove the original bytes (the record and its trail stay).
    Delete,
    /// The finding is right (a real marking, a real virus…).
    Confirm,
    /// The finding is wrong.
    FalsePositive,
    /// A note, no change of status.
    Note,
}

impl Act {
    /// Every action, in the order the console offers them.
    pub const ALL: [Act; 5] = [
        Act::Release,
        Act::Delete,
        Act::Confirm,
        Act::FalsePositive,
        Act::Note,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Act::Release => "release",
            Act::Delete => "delete",
            Act::Confirm => "confirm",
            Act::FalsePositive => "false_positive",
            Act::Note => "note",
        }
    }

    pub fn parse(s: &str) -> Option<Act> {
        Act::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// What came of an action.
#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    /// Sent to its recipients.
    Released,
    /// A marked message: the request is recorded, a second officer must approve it.
    Requested(ReleaseRequest),
    /// The message has this status now.
    Status(Status),
    /// The note is recorded.
    Noted,
}

impl Done {
    /// A word for logs and the console's confirmation.
    pub fn as_str(&self) -> &'static str {
        match self {
            Done::Released => "released",
            Done::Requested(_) => "requested",
            Done::Status(s) => s.as_str(),
            Done::Noted => "note",
        }
    }
}

/// Carries out an officer's action on a held message, audited. Blocking store calls (and, for
/// a release, the SMTP exchange): run it where blocking is allowed (the CLI's runtime, or a
/// blocking-pool thread).
pub async fn act(
    store: &Store,
    config: &Config,
    id: &str,
    actor: &str,
    what: Act,
    reason: &str,
) -> Result<Done, StoreError> {
    Ok(match what {
        Act::Release => match crate::alerts::release(store, config, id, actor, reason).await? {
            crate::alerts::Released::Sent => Done::Released,
            crate::alerts::Released::Requested(req) => Done::Requested(req),
        },
        Act::Note => {
            store.add_note(id, actor, reason)?;
            Done::Noted
        }
        Act::Delete | Act::Confirm | Act::FalsePositive => {
            let to = match what {
                Act::Delete => Status::Deleted,
                Act::Confirm => Status::Confirmed,
                _ => Status::FalsePositive,
            };
            store.set_status(id, to, actor, reason)?;
            Done::Status(to)
        }
    })
}

/// Everything shown of a held message.
#[derive(Debug, Clone)]
pub struct Shown {
    pub record: Record,
    /// The header section of the original as received (None: deleted or purged).
    pub head: Option<Vec<u8>>,
    /// Its content as described when it was held (None: not described).
    pub described: Option<Described>,
    pub units: Vec<String>,
    pub requests: Vec<ReleaseRequest>,
    pub alerts: Vec<OutboxRow>,
    pub trail: Vec<AuditEntry>,
    /// The officers' spam / not-spam word on it, if given.
    pub feedback: Option<crate::store::Feedback>,
}

/// Header section shown at most this long.
pub const MAX_HEAD_BYTES: usize = 64 * 1024;

/// What an officer is shown of a message; the view is audited. Nothing here parses the held
/// bytes: the header section is cut at the first empty line, the content is the stored
/// description.
pub fn show(store: &Store, id: &str, actor: &str) -> Result<Shown, StoreError> {
    let record = store.get(id)?;
    let head = store.raw(id)?.map(|raw| {
        let end = crate::message::header_end(&raw);
        raw[..end.min(MAX_HEAD_BYTES + 1)].to_vec()
    });
    store.audit(actor, "view", id, "")?;
    Ok(Shown {
        described: store.described(id)?,
        units: store.units_of(id)?,
        requests: store.release_requests(id)?,
        alerts: store.alerts_of(id)?,
        trail: store.audit_entries(Some(id))?,
        feedback: store.feedback_of(id)?,
        record,
        head,
    })
}

/// What one round of learning from the officers' feedback did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Learned {
    /// Words learned (the classifier's counts changed).
    pub learned: u32,
    /// Words on messages the classifier had learned as this class before (nothing to do).
    pub already: u32,
    /// Words that could not be learned: the original was purged or deleted, or could not be
    /// read for tokens. They stay pending.
    pub skipped: u32,
}

/// Teaches the classifier ([`Config`]'s `[spam] bayes_db`) the officers' words on held
/// messages: those not learned yet, or every one (`all`, for `canhgac train --from-quarantine`
/// over a new token database). A message is learned once: the token database remembers its
/// digest, and a changed word moves it to the other class. The tokens are read where content
/// is read ([`Engine::tokens`]: a worker when the engine has them), never in the console.
/// Each word learned is audited (`spam-learned`) as `actor`. The running engine keeps its
/// model until it is rebuilt (a reload).
pub async fn learn_feedback(
    store: &std::sync::Arc<Store>,
    engine: &std::sync::Arc<crate::engine::Engine>,
    actor: &str,
    all: bool,
) -> Result<Learned, String> {
    let db = engine.config().spam.bayes_db.clone();
    if db.as_os_str().is_empty() {
        return Err("no token database ([spam] bayes_db is empty)".to_owned());
    }
    let s = store.clone();
    let words = tokio::task::spawn_blocking(move || s.feedback(!all))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    let mut done = Learned::default();
    // Opened on the first word learned, then kept for the others.
    let mut tdb: Option<crate::spam::tokendb::TokenDb> = None;
    for word in words {
        let (s, id) = (store.clone(), word.message_id.clone());
        let raw = tokio::task::spawn_blocking(move || s.raw(&id))
            .await
            .map_err(|e| e.to_string())?
            .map_err(|e| e.to_string())?;
        let Some(raw) = raw else {
            done.skipped += 1;
            continue;
        };
        let input = std::sync::Arc::new(crate::message::ScanInput::from_bytes(raw));
        let Some(tokens) = engine.tokens(input.clone()).await else {
            tracing::warn!(id = %word.message_id, "cannot read the tokens of a judged message; it stays pending");
            done.skipped += 1;
            continue;
        };
        let (s, db, actor) = (store.clone(), db.clone(), actor.to_owned());
        let open = tdb.take();
        let (back, stats) = tokio::task::spawn_blocking(move || {
            let mut tdb = match open {
                Some(t) => t,
                None => crate::spam::tokendb::TokenDb::open(&db).map_err(|e| e.to_string())?,
            };
            let stats = tdb
                .train([(input.raw.as_slice(), tokens, word.spam)])
                .map_err(|e| e.to_string())?;
            let what = if stats.already > 0 {
                "learned before"
            } else if stats.relearned > 0 {
                "moved from the other class"
            } else {
                "learned"
            };
            s.feedback_learned(&actor, &word, what)
                .map_err(|e| e.to_string())?;
            Ok::<_, String>((tdb, stats))
        })
        .await
        .map_err(|e| e.to_string())??;
        tdb = Some(back);
        if stats.already > 0 {
            done.already += 1;
        } else {
            done.learned += 1;
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_have_one_name_each_way() {
        for a in Act::ALL {
            assert_eq!(Act::parse(a.as_str()), Some(a));
        }
        assert_eq!(Act::parse("approve"), None);
    }
}
