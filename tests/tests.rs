//! All integration tests in one binary (faster to build and link than one per file).

mod common;

mod auth;
mod bench;
mod cli;
mod config_files;
mod console_security;
mod corpus;
mod docs;
mod facts;
mod feedback;
mod floors;
mod hardening;
mod lists;
mod markings;
mod milter;
mod monitor;
mod ocr;
mod package;
mod postfix;
mod quarantine;
mod report;
mod server;
mod shared_store;
mod spam;
mod users;
mod virus;
mod web;
mod yara;
