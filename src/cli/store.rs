//! `canhgac store`: the quarantine store itself. `migrate` copies a whole store to another
//! database, e.g. a gateway's SQLite file into the PostgreSQL database several gateways will
//! share, and verifies the copy (row counts, the audit chain with its key).

use crate::config::Config;
use crate::store::{Store, StoreError, default_key_file, key_file_of};
use clap::Subcommand;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum StoreCommand {
    /// Copy everything (held messages, audit chain, outbox, accounts, sessions, release
    /// requests, lists, feedback, counters) into an empty database and verify it:
    /// `canhgac store migrate --from sqlite:/var/lib/canhgac/canhgac.db --to postgres://canhgac@db/canhgac`.
    /// Stop the gateways writing the source first.
    Migrate {
        /// The store to copy: `sqlite:PATH` (or a path) or `postgres://…`.
        #[arg(long)]
        from: String,
        /// The new store: `postgres://…` or `sqlite:PATH`; must be empty.
        #[arg(long)]
        to: String,
        /// The audit key of the source (the target uses the same one; every gateway sharing
        /// the target needs it). Default: `[audit] key_file` of the configuration, else
        /// `audit.key` beside the SQLite source.
        #[arg(long)]
        key_file: Option<PathBuf>,
    },
}

/// Where a store is: a PostgreSQL URL or an SQLite path.
enum Location {
    Postgres(String),
    Sqlite(PathBuf),
}

fn location(text: &str) -> Location {
    if text.starts_with("postgres://") || text.starts_with("postgresql://") {
        Location::Postgres(text.to_owned())
    } else {
        Location::Sqlite(PathBuf::from(text.strip_prefix("sqlite:").unwrap_or(text)))
    }
}

fn open(at: &Location, key: &Path) -> Result<Store, StoreError> {
    match at {
        Location::Postgres(url) => Store::open_postgres(url, key),
        Location::Sqlite(path) => Store::open_with_key(path, key),
    }
}

pub fn run(config: &Config, command: StoreCommand) -> ExitCode {
    match command {
        StoreCommand::Migrate { from, to, key_file } => {
            let (from, to) = (location(&from), location(&to));
            let key = key_file.unwrap_or_else(|| match &from {
                Location::Sqlite(p) if config.audit.key_file.as_os_str().is_empty() => default_key_file(p),
                _ => key_file_of(config),
            });
            if !key.exists() {
                eprintln!(
                    "canhgac: {}: no audit key there; name the source's with --key-file",
                    key.display()
                );
                return ExitCode::from(2);
            }
            let result = open(&from, &key).and_then(|source| {
                let target = open(&to, &key)?;
                let copied = source.copy_into(&target)?;
                Ok((source, target, copied))
            });
            match result {
                Ok((source, target, copied)) => {
                    println!(
                        "copied {} into {}:",
                        source.path().display(),
                        target.path().display()
                    );
                    for (table, n) in &copied.rows {
                        println!("  {table:<17} {n}");
                    }
                    println!(
                        "audit chain verified on the target with key {}: {} entries",
                        target.audit_key().0,
                        copied.audit_entries
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("canhgac: store migrate: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}
