//! `canhgac report`: the regulation's yearly report (art. 14) of a unit or of the province, as
//! HTML (the console's page, standalone and printable), CSV or JSON; and with `--activity`, the
//! mailbox activity lists (art. 7.2.d). Built by [`crate::report`] from the store's counters.

use crate::config::Config;
use crate::report::{self, ReportError};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// The report's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Html,
    Csv,
    Json,
}

/// What `canhgac report` was asked.
pub struct Request {
    pub year: Option<i64>,
    pub unit: Option<String>,
    pub format: Format,
    pub activity: bool,
    pub output: Option<PathBuf>,
}

/// Runs `canhgac report`; the report goes to `--output` or standard output.
pub fn run(config: &Config, req: Request) -> ExitCode {
    let store = match super::officer::open(config) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let now = crate::store::now();
    let dir = report::directory_of(config);
    let unit = req.unit.as_deref().filter(|u| !u.is_empty() && *u != "*");
    let text = if req.activity {
        match report::activity(&store, config, dir.as_ref(), unit, now) {
            Ok(a) => match req.format {
                Format::Json => serde_json::to_string_pretty(&a).unwrap_or_default(),
                Format::Csv | Format::Html => a.csv(),
            },
            Err(e) => {
                eprintln!("canhgac: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        let year = req.year.unwrap_or_else(|| crate::time::vietnam_civil(now).0);
        let r = match report::build(&store, config, dir.as_ref(), year, unit, now) {
            Ok(r) => r,
            Err(e @ (ReportError::Year(_) | ReportError::Unit(_))) => {
                eprintln!("canhgac: {e}");
                return ExitCode::from(1);
            }
            Err(e) => {
                eprintln!("canhgac: {e}");
                return ExitCode::from(2);
            }
        };
        match req.format {
            Format::Csv => r.csv(),
            Format::Json => serde_json::to_string_pretty(&r.json()).unwrap_or_default(),
            Format::Html => match crate::web::report::standalone(&r) {
                Ok(html) => html,
                Err(e) => {
                    eprintln!("canhgac: the report's page cannot be made: {e}");
                    return ExitCode::from(2);
                }
            },
        }
    };
    let written = match &req.output {
        Some(path) => std::fs::write(path, text.as_bytes()).map_err(|e| format!("{}: {e}", path.display())),
        None => std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|e| format!("standard output: {e}")),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("canhgac: {e}");
            ExitCode::from(2)
        }
    }
}
