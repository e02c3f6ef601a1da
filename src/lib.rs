//! canhgac ("canh gác": to stand guard) is a mail-filtering milter and content gateway for the
//! Lâm Đồng provincial government's official mail system.
//!
//! A message flows through the modules in this order:
//!
//! 1. [`milter`]: the milter protocol glue (Postfix talks to it);
//! 2. [`message`]: the envelope, the bounded receive buffer, and the message parsed once;
//! 3. [`scanners`]: each looks at one aspect and emits findings (symbols with evidence);
//! 4. [`policy`]: findings and the score table (`rules/scores.toml`) become a verdict;
//! 5. [`actions`]: the verdict becomes headers and an SMTP reply;
//! 6. [`store`]: held messages, the audit log and the alert outbox (SQLite, or PostgreSQL shared
//!    by several gateways, through [`sql`]); [`alerts`] tells the units involved
//!    ([`directory`]) and sends what the store queued.
//!
//! [`engine::Engine`] ties 2–4 together: `Engine::build(&Config)` once, `Engine::scan` per
//! message. The milter, the `canhgac scan` command, the tests and the benches all use it. Under
//! `canhgac serve` the content scanners run in isolated [`worker`] processes, so hostile content
//! costs one message, never the gateway.

pub mod actions;
pub mod alerts;
pub mod bench;
pub mod cli;
pub mod config;
pub mod directory;
pub mod engine;
pub mod explain;
pub mod extract;
pub mod message;
pub mod metrics;
pub mod milter;
pub mod mime_out;
pub mod monitor;
pub mod ownership;
pub mod policy;
pub mod report;
pub mod review;
pub mod scanners;
pub mod server;
pub mod spam;
pub mod sql;
pub mod store;
pub mod stream;
pub mod templates;
pub mod time;
pub mod verdict;
pub mod vietnamese;
pub mod web;
pub mod worker;

pub use config::Config;
pub use engine::{Engine, EngineHandle, ScanReport};
pub use message::{Envelope, ScanInput};
pub use verdict::{Action, Finding, SmtpReply, Verdict};
