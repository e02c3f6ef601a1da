//! Archives (zip, and the others and winmail.dat by their first bytes) walked within a
//! message's budget (depth, members, expanded bytes, ratio); encrypted zip members are tried
//! with passwords as a message gives them (ZipCrypto and WinZip AES readers on hostile data).
#![no_main]
use canhgac::config::LimitsConfig;
use canhgac::extract::passwords::Passwords;
use canhgac::extract::{Budget, walk_archive};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = LimitsConfig {
        max_expanded_bytes: 16 << 20,
        ..LimitsConfig::default()
    };
    let mut budget = Budget::new(&limits);
    // The corpus's own passwords (corpus/markings 213–216) and one more.
    budget.passwords = Passwords::of_text("Mật khẩu: Ld@2026# hS7-kq92 24680 sa".to_owned());
    let mut seen = 0usize;
    let _ = walk_archive(data, "fuzz.zip", &mut budget, &mut |_, member, _| {
        seen += member.len();
    });
});
