//! Archives (zip, and the others and winmail.dat by their first bytes) walked within a
//! message's budget (depth, members, expanded bytes, ratio).
#![no_main]
use canhgac::config::LimitsConfig;
use canhgac::extract::{Budget, walk_archive};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = LimitsConfig {
        max_expanded_bytes: 16 << 20,
        ..LimitsConfig::default()
    };
    let mut budget = Budget::new(&limits);
    let mut seen = 0usize;
    let _ = walk_archive(data, "fuzz.zip", &mut budget, &mut |_, member, _| {
        seen += member.len();
    });
});
