//! `canhgac lists`: the allow and block lists (add, remove, show). Changes are audited under
//! the local login (`cli:USER`) or a console account (`--user`), and the running gateway
//! picks them up within seconds.

use super::officer::{actor, open};
use crate::config::Config;
use crate::policy::lists::{ListField, ListKind};
use crate::store::StoreError;
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum ListsCommand {
    /// Add an entry: `canhgac lists add block domain spam.example --note "loans"`.
    Add {
        #[arg(value_parser = ["allow", "block"])]
        list: String,
        /// What the entry matches: sender (envelope), from (the From header's address),
        /// domain (of either, with its subdomains), ip (address or CIDR network of the client),
        /// unit (a recipient's unit id).
        #[arg(value_parser = ["sender", "from", "domain", "ip", "unit"])]
        field: String,
        value: String,
        /// Why (kept with the entry and in the audit log).
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Remove an entry by its number (the entry's history stays).
    Remove {
        id: i64,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// The entries in force.
    Show {
        #[arg(long)]
        json: bool,
    },
}

pub fn lists(config: &Config, user: Option<&str>, command: ListsCommand) -> ExitCode {
    let store = match open(config) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let result = match command {
        ListsCommand::Show { json } => store.list_entries().map(|entries| {
            for e in entries {
                if json {
                    let v = serde_json::json!({
                        "id": e.id, "list": e.kind.as_str(), "field": e.field.as_str(),
                        "value": e.value, "note": e.note, "added_by": e.added_by, "added_at": e.added_at,
                    });
                    println!("{v}");
                } else {
                    println!(
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        e.id,
                        e.kind.as_str(),
                        e.field.as_str(),
                        e.value,
                        e.added_by,
                        e.note
                    );
                }
            }
        }),
        ListsCommand::Add {
            list,
            field,
            value,
            note,
        } => {
            let (Some(kind), Some(field)) = (ListKind::parse(&list), ListField::parse(&field)) else {
                eprintln!(
                    "canhgac: lists add: LIST is allow or block; FIELD is sender, from, domain, ip or unit"
                );
                return ExitCode::from(2);
            };
            let who = match actor(config, &store, user) {
                Ok(w) => w,
                Err(c) => return c,
            };
            store
                .list_add(&who, kind, field, &value, &note)
                .map(|e| println!("added: {}", e.describe()))
        }
        ListsCommand::Remove { id, reason } => {
            let who = match actor(config, &store, user) {
                Ok(w) => w,
                Err(c) => return c,
            };
            store
                .list_remove(&who, id, &reason)
                .map(|e| println!("removed: {}", e.describe()))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("canhgac: {e}");
            match e {
                StoreError::Invalid(_) | StoreError::NotFound(_) => ExitCode::from(1),
                _ => ExitCode::from(2),
            }
        }
    }
}
