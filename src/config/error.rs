//! The configuration layer's error: always names the file, and where it can, the line, the key
//! and the value.

use std::fmt;
use std::path::{Path, PathBuf};

/// A configuration (or rule file) that cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigError {
    /// The file could not be read.
    Io { file: PathBuf, error: String },
    /// A value is wrong; `line` is 1-based.
    Invalid {
        file: PathBuf,
        line: usize,
        column: usize,
        key: String,
        value: String,
        message: String,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Io { file, error } => {
                write!(f, "{}: cannot read: {error}", file.display())
            }
            ConfigError::Invalid {
                file,
                line,
                column,
                key,
                value,
                message,
            } => write!(
                f,
                "{}:{line}:{column}: key `{key}`, value `{value}`: {message}",
                file.display()
            ),
        }
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// Converts a TOML/serde error, finding its line, key and value in `text`.
    pub fn from_toml(file: &Path, text: &str, e: &toml::de::Error) -> ConfigError {
        let span = e.span().unwrap_or(0..0);
        let (line, column) = line_col(text, span.start);
        let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
        let key = key_of_line(line_text);
        let mut value = text.get(span.clone()).unwrap_or("").trim().to_owned();
        if value.is_empty() || value.len() > 200 {
            value = line_text.trim().to_owned();
        }
        let value = value.trim_matches('"').to_owned();
        ConfigError::Invalid {
            file: file.to_path_buf(),
            line,
            column,
            key,
            value,
            message: e.message().trim().to_owned(),
        }
    }

    /// An error about `key` in `[section]`, located by searching `text` for it. When the key is
    /// not in the file (a default is wrong), line 0 is reported.
    pub fn at_key(file: &Path, text: &str, section: &str, key: &str, message: &str) -> ConfigError {
        let mut in_section = section.is_empty();
        let mut found = None;
        for (i, raw) in text.lines().enumerate() {
            let l = raw.trim();
            if l.starts_with('[') {
                in_section = l.trim_matches(|c| c == '[' || c == ']').trim() == section;
                continue;
            }
            if in_section && key_of_line(l) == key {
                let value = l.split_once('=').map_or("", |(_, v)| v).trim();
                let value = strip_comment(value).trim_matches('"').to_owned();
                let column = raw.find('=').map_or(1, |p| p + 2);
                found = Some((i + 1, column, value));
                break;
            }
        }
        let (line, column, value) = found.unwrap_or((0, 0, "(default)".to_owned()));
        ConfigError::Invalid {
            file: file.to_path_buf(),
            line,
            column,
            key: if section.is_empty() {
                key.to_owned()
            } else {
                format!("{section}.{key}")
            },
            value,
            message: message.to_owned(),
        }
    }
}

impl ConfigError {
    /// An error located at the first line of `text` that contains `needle` (for values inside
    /// arrays of tables, which have no unique key path).
    pub fn at_line_with(
        file: &Path,
        text: &str,
        needle: &str,
        key: &str,
        value: &str,
        message: &str,
    ) -> ConfigError {
        let (line, column) = text
            .lines()
            .enumerate()
            .find_map(|(i, l)| l.find(needle).map(|c| (i + 1, c + 1)))
            .unwrap_or((0, 0));
        ConfigError::Invalid {
            file: file.to_path_buf(),
            line,
            column,
            key: key.to_owned(),
            value: value.to_owned(),
            message: message.to_owned(),
        }
    }
}

fn strip_comment(v: &str) -> &str {
    // Good enough for locating values: a '#' outside a string starts a comment.
    let mut in_str = false;
    for (i, c) in v.char_indices() {
        match c {
            '"' => in_str = !in_str,
            '#' if !in_str => return v[..i].trim_end(),
            _ => {}
        }
    }
    v
}

fn key_of_line(line: &str) -> String {
    let l = line.trim();
    if l.starts_with('[') {
        return l.trim_matches(|c| c == '[' || c == ']').trim().to_owned();
    }
    l.split_once('=')
        .map_or(l, |(k, _)| k)
        .trim()
        .trim_matches('"')
        .to_owned()
}

/// 1-based line and column of byte offset `pos` in `text`.
pub fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let before = text.get(..pos.min(text.len())).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let column = before.rfind('\n').map_or(before.len(), |p| before.len() - p - 1) + 1;
    (line, column)
}
