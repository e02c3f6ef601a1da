//! The alerts' wording as templates (minijinja), so a department can change it without a new
//! build: built in from the repository's `rules/alerts/`, each file replaceable by one of the
//! same name in `[rules] dir`/alerts/ (the Debian package: `/etc/canhgac/rules/alerts/`).
//! Compiled, and tried on sample facts, when the engine is built: a broken template or an
//! unknown variable is an error of `check-config` and of a reload, naming the file and line.
//!
//! A template's first line is the Subject, the rest (after a blank line) the body. Values are
//! inserted as text: nothing a held message says can become template code.

use crate::config::ConfigError;
use minijinja::{Environment, UndefinedBehavior, Value, context};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The alerts, by kind; `footer.txt` is included by each.
pub const KINDS: [&str; 4] = ["sender_unit", "recipient_units", "officers", "scan_crash"];

const EMBEDDED: [(&str, &str); 5] = [
    ("sender_unit", include_str!("../rules/alerts/sender_unit.txt")),
    (
        "recipient_units",
        include_str!("../rules/alerts/recipient_units.txt"),
    ),
    ("officers", include_str!("../rules/alerts/officers.txt")),
    ("scan_crash", include_str!("../rules/alerts/scan_crash.txt")),
    ("footer", include_str!("../rules/alerts/footer.txt")),
];

/// The compiled templates. Cheap to clone and to share between threads.
#[derive(Clone)]
pub struct AlertTemplates {
    env: Arc<Environment<'static>>,
    /// Where each came from, for errors.
    origins: Arc<Vec<(String, PathBuf)>>,
}

impl std::fmt::Debug for AlertTemplates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AlertTemplates")
            .field("origins", &self.origins)
            .finish()
    }
}

/// Sample facts every template is tried on when loaded.
fn sample() -> Value {
    context! {
        id => "Q0123456789ABCDE",
        received => "08:30 ngày 02/12/2026 (giờ Việt Nam)",
        sender => "vanthu@snv.lamdong.gov.vn",
        recipients => "ketoan@stc.lamdong.gov.vn",
        subject => "Công văn",
        level => "TỐI MẬT",
        places => vec!["tệp đính kèm \"ke-hoach.docx\""],
        review_link => "https://canhgac.lamdong.gov.vn/messages/Q0123456789ABCDE",
        unit => "Sở Nội vụ",
        units => "Sở Tài chính",
        notes => vec!["Người gửi ở ngoài hệ thống thư công vụ của tỉnh (a@example.org)."],
        client => "203.0.113.9",
    }
}

impl AlertTemplates {
    /// The built-in templates.
    pub fn built_in() -> AlertTemplates {
        // The built-in set is tested (`the_built_in_templates_render`); it cannot fail here.
        Self::load(None).unwrap_or_else(|e| panic!("built-in alert templates: {e}"))
    }

    /// The templates of a rules directory (each missing file: the built-in one).
    pub fn load(dir: Option<&Path>) -> Result<AlertTemplates, ConfigError> {
        let mut env = Environment::new();
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.set_keep_trailing_newline(true);
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        let mut origins = Vec::new();
        for (name, built_in) in EMBEDDED {
            let file = format!("{name}.txt");
            let (origin, text) = match dir.map(|d| d.join("alerts").join(&file)) {
                Some(p) => match std::fs::read_to_string(&p) {
                    Ok(t) => (p, t),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => (
                        PathBuf::from(format!("(built-in) rules/alerts/{file}")),
                        built_in.to_owned(),
                    ),
                    Err(e) => {
                        return Err(ConfigError::Io {
                            file: p,
                            error: e.to_string(),
                        });
                    }
                },
                None => (
                    PathBuf::from(format!("(built-in) rules/alerts/{file}")),
                    built_in.to_owned(),
                ),
            };
            env.add_template_owned(file.clone(), text.clone())
                .map_err(|e| error_at(&origin, &text, &e))?;
            origins.push((file, origin));
        }
        let t = AlertTemplates {
            env: Arc::new(env),
            origins: Arc::new(origins),
        };
        for kind in KINDS {
            t.render(kind, &sample()).map_err(|e| {
                let (origin, text) = t.source_of(e.name().unwrap_or(&format!("{kind}.txt")));
                error_at(&origin, &text, &e)
            })?;
        }
        Ok(t)
    }

    fn source_of(&self, file: &str) -> (PathBuf, String) {
        let origin = self
            .origins
            .iter()
            .find(|(f, _)| f == file)
            .map_or_else(|| PathBuf::from(file), |(_, o)| o.clone());
        let text = self
            .env
            .get_template(file)
            .map(|t| t.source().to_owned())
            .unwrap_or_default();
        (origin, text)
    }

    /// The Subject and body of the alert `kind` for `facts`.
    pub fn render(&self, kind: &str, facts: &Value) -> Result<(String, String), minijinja::Error> {
        let text = self.env.get_template(&format!("{kind}.txt"))?.render(facts)?;
        let text = text.trim_start_matches(['\n', '\r', ' ']);
        let (subject, body) = text.split_once('\n').unwrap_or((text, ""));
        Ok((
            subject.trim().to_owned(),
            body.trim_start_matches(['\n', '\r']).to_owned(),
        ))
    }
}

/// A template's error as a configuration error: its file, line and the line's text.
fn error_at(origin: &Path, text: &str, e: &minijinja::Error) -> ConfigError {
    let line = e.line().unwrap_or(1);
    let value = text.lines().nth(line.saturating_sub(1)).unwrap_or("").trim();
    ConfigError::Invalid {
        file: origin.to_path_buf(),
        line,
        column: 1,
        key: "template".to_owned(),
        value: value.chars().take(120).collect(),
        message: e.detail().map_or_else(|| e.kind().to_string(), str::to_owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_templates_render() {
        let t = AlertTemplates::built_in();
        for kind in KINDS {
            let (subject, body) = t.render(kind, &sample()).expect("renders");
            assert!(subject.starts_with("[canhgac] "), "{kind}: {subject}");
            assert!(!subject.contains('\n'));
            assert!(
                body.contains("Mã thư tạm giữ: Q0123456789ABCDE"),
                "{kind}: {body}"
            );
            assert!(
                body.contains("Xem xét tại: https://canhgac.lamdong.gov.vn/messages/Q0123456789ABCDE"),
                "{kind}: {body}"
            );
            assert!(
                body.contains("  - tệp đính kèm \"ke-hoach.docx\"\n"),
                "{kind}: {body}"
            );
            assert!(!body.contains("{{") && !body.contains("{%"), "{kind}: {body}");
        }
        let (_, officers) = t.render("officers", &sample()).expect("renders");
        assert!(
            officers.contains("(Quyết định 61/2012/QĐ-UBND).\n\nNgười gửi ở ngoài"),
            "{officers}"
        );
    }

    #[test]
    fn a_replaced_template_is_used_and_a_broken_one_names_its_file_and_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("alerts")).expect("mkdir");
        let officers = dir.path().join("alerts/officers.txt");
        std::fs::write(
            &officers,
            "Báo cáo: {{ level }}\n\nPhòng An ninh mạng.\n{% include \"footer.txt\" %}",
        )
        .expect("write");
        let t = AlertTemplates::load(Some(dir.path())).expect("loads");
        let (subject, body) = t.render("officers", &sample()).expect("renders");
        assert_eq!(subject, "Báo cáo: TỐI MẬT");
        assert!(
            body.starts_with("Phòng An ninh mạng.") && body.contains("Mã thư tạm giữ"),
            "{body}"
        );
        // The others stay built in.
        let (subject, _) = t.render("sender_unit", &sample()).expect("renders");
        assert!(subject.starts_with("[canhgac] Đơn vị gửi"));

        std::fs::write(&officers, "Báo cáo\n\n{% if level %}\nkhông đóng\n").expect("write");
        let e = AlertTemplates::load(Some(dir.path())).expect_err("syntax");
        let shown = e.to_string();
        assert!(shown.starts_with(&format!("{}:", officers.display())), "{shown}");
        std::fs::write(&officers, "Báo cáo\n\nĐơn vị: {{ don_vi }}\n").expect("write");
        let e = AlertTemplates::load(Some(dir.path())).expect_err("unknown variable");
        let shown = e.to_string();
        assert!(
            shown.starts_with(&format!("{}:3:", officers.display())),
            "{shown}"
        );
        assert!(shown.contains("don_vi"), "{shown}");
    }
}
