//! The spam checks of rules/spam.toml over a whole message (headers, HTML, links, text,
//! attachments), as the spam scanner runs them (with the Vietnamese model shipped beside the
//! rules), and the classifier's tokens of it judged by a model.
#![no_main]
#[path = "common.rs"]
mod common;
use canhgac::config::Config;
use canhgac::message::{ParsedMessage, ScanInput};
use canhgac::scanners::{ScanContext, Scanner, SpamScanner};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static SCANNER: OnceLock<(Config, SpamScanner)> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    common::allow_caught_parser_panics();
    let (config, scanner) = SCANNER.get_or_init(|| {
        let config = Config::default();
        let (origin, text) = canhgac::scanners::spam::load_source(None).expect("embedded rules");
        let rules = canhgac::spam::rules::SpamRules::compile(&text, &origin).expect("rules compile");
        // The Vietnamese model shipped with the rules judges what the site's classifier does not.
        let vietnamese = canhgac::scanners::spam::load_vietnamese_model(None).expect("embedded model");
        let scanner = SpamScanner::new(rules, None, Some(vietnamese), &config.local);
        (config, scanner)
    });
    let input = ScanInput::from_bytes(data.to_vec());
    let parsed = ParsedMessage::parse(&input.raw, &config.limits);
    let cx = ScanContext::new(&input, &parsed, &config.limits);
    let mut out = Vec::new();
    scanner.scan(&cx, &mut out);
    let tokens = canhgac::spam::bayes::tokens_of(&parsed, cx.text());
    let _ = canhgac::spam::bayes::Model::default().judge(&tokens);
});
