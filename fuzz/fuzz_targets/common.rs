//! Shared by the targets that parse whole messages.

/// mail-parser 0.11 panics on some inputs (SpamAssassin's `nice/mime9`: "Invalid part ID");
/// canhgac catches that panic around the parser and reports the message as unparsable, which is
/// the behaviour under test. libFuzzer's hook would abort on it anyway, so panics raised inside
/// mail-parser are let through to that `catch_unwind`; any other panic still aborts (a finding).
pub fn allow_caught_parser_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let in_parser = info
                .location()
                .is_some_and(|l| l.file().contains("/mail-parser-"));
            if !in_parser {
                eprintln!("{info}");
                std::process::abort();
            }
        }));
    });
}
