//! The shipped configuration example: parses, matches the defaults, and mentions every key.

use canhgac::config::Config;
use std::path::Path;

fn example() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("config/example.toml")
}

#[test]
fn example_config_parses_and_equals_the_defaults() {
    let mut c = Config::load(&example()).expect("config/example.toml is valid");
    c.source = None;
    // Relative paths are read against the file's directory (or $STATE_DIRECTORY).
    let mut defaults = Config::default();
    defaults.resolve_paths(&canhgac::config::PathBases::of(Some(&example())));
    assert_eq!(c, defaults, "example.toml must show the defaults");
}

#[test]
fn example_config_has_every_key() {
    let text = std::fs::read_to_string(example()).expect("read");
    let example: toml::Table = toml::from_str(&text).expect("toml");
    let defaults: toml::Table = toml::from_str(&Config::default().to_toml()).expect("toml");
    for (section, keys) in &defaults {
        let keys = keys.as_table().expect("section");
        let ex = example
            .get(section)
            .and_then(|s| s.as_table())
            .unwrap_or_else(|| panic!("[{section}] missing"));
        for key in keys.keys() {
            assert!(
                ex.contains_key(key),
                "{section}.{key} missing from config/example.toml"
            );
        }
    }
}

#[test]
fn rules_dir_of_the_repository_matches_the_embedded_rules() {
    let mut c = Config::default();
    c.rules.dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    canhgac::Engine::build(&c).expect("rules/ builds");
}
