//! What sender authentication parses from hostile hands (mail-auth, in the gateway process, not
//! a worker): a message's header section (DKIM-Signature, ARC sets) and the SPF, DMARC and DKIM
//! key records a sender's domain publishes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = canhgac::scanners::auth::parse_hostile(data);
});
