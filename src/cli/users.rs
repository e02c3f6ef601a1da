//! `canhgac user`: the review console's accounts (add, passwd, disable, list). Passwords are read
//! from the terminal without echo, or as the first line of standard input when it is not one.

use super::officer::{actor, open};
use crate::config::Config;
use crate::store::{Role, UserError};
use clap::Subcommand;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create an account; the password is asked for (or read from standard input).
    Add {
        name: String,
        #[arg(long, value_parser = ["officer", "admin", "auditor"])]
        role: String,
        /// Unit ids an officer is limited to (comma-separated); none: every unit.
        #[arg(long, value_delimiter = ',')]
        units: Vec<String>,
    },
    /// Set a new password.
    Passwd { name: String },
    /// Let an account kept waiting after failed logins log in at once.
    Unlock {
        name: String,
        #[arg(long, default_value = "unlocked")]
        reason: String,
    },
    /// Disable an account (its record and audit trail stay).
    Disable {
        name: String,
        #[arg(long, default_value = "disabled")]
        reason: String,
    },
    /// List accounts.
    List {
        #[arg(long)]
        json: bool,
    },
}

pub fn user(config: &Config, user: Option<&str>, command: UserCommand) -> ExitCode {
    let store = match open(config) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let who = match actor(config, &store, user) {
        Ok(w) => w,
        Err(c) => return c,
    };
    let result = match command {
        UserCommand::Add { name, role, units } => {
            let role = Role::parse(&role).unwrap_or(Role::Auditor);
            read_password(&name).and_then(|pw| {
                store.add_user(&who, &name, role, &units, &pw).map(|u| {
                    println!(
                        "account {} created: {}{}",
                        u.name,
                        u.role.as_str(),
                        if u.units.is_empty() {
                            String::new()
                        } else {
                            format!(", units {}", u.units.join(","))
                        }
                    );
                })
            })
        }
        UserCommand::Passwd { name } => read_password(&name).and_then(|pw| {
            store
                .set_password(&who, &name, &pw)
                .map(|()| println!("password of {name} changed"))
        }),
        UserCommand::Unlock { name, reason } => store
            .unlock_user(&who, &name, &reason)
            .map(|()| println!("account {name} unlocked")),
        UserCommand::Disable { name, reason } => store
            .disable_user(&who, &name, &reason)
            .map(|()| println!("account {name} disabled")),
        UserCommand::List { json } => store.users().map_err(UserError::from).map(|users| {
            for u in users {
                if json {
                    println!("{}", serde_json::to_string(&u).unwrap_or_default());
                } else {
                    println!(
                        "{}\t{}\t{}\t{}",
                        u.name,
                        u.role.as_str(),
                        if u.units.is_empty() {
                            "*".to_owned()
                        } else {
                            u.units.join(",")
                        },
                        if u.disabled { "disabled" } else { "active" }
                    );
                }
            }
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("canhgac: {e}");
            match e {
                UserError::Store(_) => ExitCode::from(2),
                _ => ExitCode::from(1),
            }
        }
    }
}

/// A password: asked on a terminal (no echo), else the next line of standard input.
pub(super) fn read_secret(question: &str) -> Result<String, UserError> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        let mut line = String::new();
        stdin
            .lock()
            .read_line(&mut line)
            .map_err(|e| UserError::Input(format!("cannot read the password: {e}")))?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    prompt(question)
}

/// The new password: asked twice on a terminal (no echo), else the next line of stdin.
fn read_password(name: &str) -> Result<String, UserError> {
    if !std::io::stdin().is_terminal() {
        return read_secret("");
    }
    let first = prompt(&format!("Mật khẩu cho {name} / password for {name}: "))?;
    let second = prompt("Nhập lại / again: ")?;
    if first != second {
        return Err(UserError::Input("the two passwords differ".to_owned()));
    }
    Ok(first)
}

/// One line from the terminal with echo off.
fn prompt(text: &str) -> Result<String, UserError> {
    let err = |e: std::io::Error| UserError::Input(format!("cannot read the password: {e}"));
    eprint!("{text}");
    std::io::stderr().flush().map_err(err)?;
    let fd = libc::STDIN_FILENO;
    // SAFETY: tcgetattr/tcsetattr on stdin with a zeroed termios the call fills in.
    let mut saved: libc::termios = unsafe { std::mem::zeroed() };
    let have = unsafe { libc::tcgetattr(fd, &mut saved) } == 0;
    if have {
        let mut quiet = saved;
        quiet.c_lflag &= !libc::ECHO;
        // SAFETY: as above, with a copy of the settings just read.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &quiet) };
    }
    let mut line = String::new();
    let read = std::io::stdin().lock().read_line(&mut line);
    if have {
        // SAFETY: restores the settings read above.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &saved) };
    }
    eprintln!();
    read.map_err(err)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}
