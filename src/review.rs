//! The officers' operations on held messages, one service for the review console and the CLI:
//! what an officer may do to a message ([`Act`]: release, delete, confirm, false positive,
//! note) and what is shown of it ([`show`]). Both front ends call these, so an action means the
//! same, is checked the same and leaves the same trail wherever it is taken.

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
        record,
        head,
    })
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
