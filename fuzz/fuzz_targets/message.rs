//! A whole message: parse once (part count, depth, attachments with their places), then the
//! text of every part and attachment, as the engine does.
#![no_main]
#[path = "common.rs"]
mod common;
use canhgac::config::LimitsConfig;
use canhgac::extract::extract_message_until;
use canhgac::message::ParsedMessage;
use libfuzzer_sys::fuzz_target;
use std::time::{Duration, Instant};

fuzz_target!(|data: &[u8]| {
    common::allow_caught_parser_panics();
    let limits = LimitsConfig::default();
    let parsed = ParsedMessage::parse(data, &limits);
    for a in &parsed.attachments {
        let _ = parsed.content(a);
    }
    let _ = parsed.total_attachment_bytes();
    let _ = extract_message_until(&parsed, data, &limits, Instant::now() + Duration::from_secs(5));
});
