//! The spam scanner: the rules of `rules/spam.toml` and, once enough mail has been trained, the
//! statistical classifier's opinion as a `BAYES_*` symbol; for Vietnamese mail that classifier
//! has no opinion on, the model shipped beside the rules (`rules/vietnamese-model.tsv`).

use super::{Finding, ScanContext, Scanner};
use crate::config::{ConfigError, LocalConfig, SpamConfig};
use crate::policy::KnownSymbol;
use crate::spam::Lowered;
use crate::spam::bayes::{self, Model};
use crate::spam::rules::{Facts, SpamRules};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Rules and classifier, compiled.
pub struct SpamScanner {
    rules: SpamRules,
    model: Option<Arc<Model>>,
    /// The model shipped beside the rules, when the rules give its opinion.
    vietnamese: Option<Arc<Model>>,
    local: LocalConfig,
}

/// The model shipped with the rules: trained on the project's labelled Vietnamese set
/// (`corpus/vietnamese-spam/`) by `canhgac-tools vietnamese-model`.
pub const EMBEDDED_VIETNAMESE_MODEL: &str = include_str!("../../rules/vietnamese-model.tsv");

/// The shipped Vietnamese model from `dir/vietnamese-model.tsv`, or the built-in one; an error
/// names the file, line and text.
pub fn load_vietnamese_model(dir: Option<&Path>) -> Result<Model, ConfigError> {
    let (origin, text) = super::rule_source(dir, "vietnamese-model.tsv", EMBEDDED_VIETNAMESE_MODEL)?;
    Model::from_text(&text).map_err(|e| ConfigError::Invalid {
        file: origin,
        line: e.line,
        column: 1,
        key: "token".to_owned(),
        value: e.text,
        message: e.message,
    })
}

/// The spam rules from `dir/spam.toml`, or the built-in ones when there is no such file.
pub fn load_source(dir: Option<&Path>) -> Result<(PathBuf, String), ConfigError> {
    super::rule_source(dir, "spam.toml", crate::spam::rules::EMBEDDED)
}

/// The classifier's model from `[spam] bayes_db`, when the file exists and enough mail of each
/// class has been trained; None otherwise (with a log line saying why).
pub fn load_model(cfg: &SpamConfig) -> Result<Option<Model>, ConfigError> {
    if cfg.bayes_db.as_os_str().is_empty() {
        return Ok(None);
    }
    let shown = crate::spam::tokendb::display(&cfg.bayes_db);
    if !crate::spam::tokendb::is_url(&cfg.bayes_db) && !cfg.bayes_db.exists() {
        tracing::info!(
            db = %shown.display(),
            "no token database: spam classifier off until `canhgac train` creates it"
        );
        return Ok(None);
    }
    let model = crate::spam::tokendb::load(&cfg.bayes_db).map_err(|e| ConfigError::Io {
        file: shown.clone(),
        error: e.to_string(),
    })?;
    if model.hams < cfg.min_ham || model.spams < cfg.min_spam {
        tracing::warn!(
            db = %shown.display(),
            hams = model.hams,
            spams = model.spams,
            min_ham = cfg.min_ham,
            min_spam = cfg.min_spam,
            "spam classifier off: too little mail trained"
        );
        return Ok(None);
    }
    use crate::spam::bayes::Language;
    let (vi, other) = (
        model.language_hams(Language::Vietnamese),
        model.language_hams(Language::Other),
    );
    if vi + other + model.language_hams(Language::Cjk) == 0 {
        tracing::warn!(
            db = %shown.display(),
            "the token database was trained before languages were counted: the classifier gives no opinion until `canhgac train` is run again"
        );
    }
    tracing::info!(
        db = %shown.display(),
        hams = model.hams,
        spams = model.spams,
        tokens = model.len(),
        vietnamese_hams = vi,
        other_hams = other,
        "spam classifier on"
    );
    Ok(Some(model))
}

impl SpamScanner {
    pub fn new(
        rules: SpamRules,
        model: Option<Model>,
        vietnamese: Option<Model>,
        local: &LocalConfig,
    ) -> SpamScanner {
        let vietnamese = vietnamese.filter(|_| rules.has_vietnamese_model());
        SpamScanner {
            rules,
            model: model.map(Arc::new),
            vietnamese: vietnamese.map(Arc::new),
            local: local.clone(),
        }
    }

    /// The compiled rules (for `canhgac-tools eval`, which adds the classifier per fold).
    pub fn rules(&self) -> &SpamRules {
        &self.rules
    }

    /// Whether the classifier is in use.
    pub fn has_model(&self) -> bool {
        self.model.is_some()
    }
}

impl Scanner for SpamScanner {
    fn name(&self) -> &'static str {
        "spam"
    }

    fn symbols(&self) -> Vec<KnownSymbol> {
        self.rules.symbols().into_iter().map(KnownSymbol::named).collect()
    }

    fn scan(&self, cx: &ScanContext<'_, '_>, out: &mut Vec<Finding>) {
        // On the allow list (`policy::lists`): no spam scoring, everything else runs.
        if cx.input.envelope.spam_allowed.is_some() {
            return;
        }
        let text = cx.text();
        // With a classifier, the rules and the tokeniser read the text lower-cased once.
        let classify = self.model.is_some() || self.vietnamese.is_some();
        let lowered = if classify {
            Lowered::of(text)
        } else {
            Lowered::default()
        };
        let facts = Facts {
            raw: &cx.input.raw,
            envelope: &cx.input.envelope,
            parsed: cx.parsed,
            text,
            local: &self.local,
            deadline: Some(cx.deadline),
            lowered: classify.then_some(&lowered),
        };
        self.rules.check(&facts, out);
        if cx.expired() || !classify {
            return;
        }
        let tokens = bayes::tokens_of_lowered(cx.parsed, text, &lowered);
        let site = self
            .model
            .as_ref()
            .and_then(|m| self.rules.site_opinion(m, &tokens));
        match (site, &self.vietnamese) {
            (Some(finding), _) => out.push(finding),
            // The site's classifier has no opinion (none trained, or it knows no Vietnamese
            // ham): the shipped model speaks for Vietnamese mail, as a rule does (it can add
            // up to a tag, never lower the score that refuses).
            (None, Some(vi)) if tokens.language == bayes::Language::Vietnamese => {
                out.extend(self.rules.vietnamese_model_opinion(vi.classify(&tokens)));
            }
            (None, _) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::spam::bayes::{self, Language};

    fn eml(from: &str, subject: &str, body: &str) -> Vec<u8> {
        format!(
            "From: {from}\r\nTo: stc@lamdong.gov.vn\r\nSubject: {subject}\r\nDate: Thu, 3 Dec 2026 08:00:00 +0700\r\n\
             Message-ID: <t.1@example.vn>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\
             Content-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n"
        )
        .into_bytes()
    }

    /// A damaged model beside the rules is an error naming its file, line and text.
    #[test]
    fn a_damaged_vietnamese_model_names_its_file_and_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("vietnamese-model.tsv"),
            "# x\nmessages\t1\t1\n00ff\t1\n",
        )
        .expect("write");
        let e = super::load_vietnamese_model(Some(dir.path()))
            .expect_err("refused")
            .to_string();
        assert!(
            e.contains("vietnamese-model.tsv:3:")
                && e.contains("three tab-separated fields")
                && e.contains("00ff"),
            "{e}"
        );
    }

    /// The shipped model reads, and judges a scam written for this test (in none of the
    /// labelled set's words alone) spam and an official letter not.
    #[test]
    fn the_shipped_vietnamese_model_tells_a_new_scam_from_a_letter() {
        let model = super::load_vietnamese_model(None).expect("the shipped model reads");
        assert!(
            model.hams > 200 && model.spams > 200,
            "{} ham, {} spam",
            model.hams,
            model.spams
        );
        let limits = crate::config::LimitsConfig::default();
        let scam = bayes::tokens(
            &eml(
                "\"Phòng Hỗ trợ\" <hotro.nhanqua2027@gmail.com>",
                "Nhận quà tri ân",
                "Chúc mừng anh chị đã được chọn nhận phần quà tri ân trị giá 3 triệu. Vui lòng kết bạn \
                 Zalo 0987 112 334 và chuyển khoản phí giao quà 250.000đ để nhận quà trong ngày.",
            ),
            &limits,
        );
        let letter = bayes::tokens(
            &eml(
                "\"Văn phòng Sở\" <vanphong@stc.lamdong.gov.vn>",
                "Giấy mời họp",
                "Kính gửi các phòng, đơn vị thuộc Sở. Văn phòng Sở kính mời lãnh đạo các phòng dự họp \
                 giao ban tháng 12 lúc 8 giờ thứ Hai tại phòng họp số 2. Đề nghị các đơn vị chuẩn bị \
                 báo cáo kết quả thực hiện nhiệm vụ.",
            ),
            &limits,
        );
        assert_eq!(scam.language, Language::Vietnamese);
        assert_eq!(letter.language, Language::Vietnamese);
        let (p_scam, p_letter) = (model.classify(&scam), model.classify(&letter));
        assert!(p_scam >= 0.99, "scam {p_scam}");
        assert!(p_letter < 0.5, "letter {p_letter}");

        // The site classifier's finding, gates first, is what the whole judgement gives: with
        // this model as the site's, the Vietnamese mails are judged and an English one (a
        // language it has seen no ham of) is not.
        let rules = crate::spam::rules::SpamRules::compile(
            crate::spam::rules::EMBEDDED,
            std::path::Path::new("spam.toml"),
        )
        .expect("built-in rules compile");
        let english = bayes::tokens(
            &eml(
                "Support <support@example.com>",
                "Your invoice",
                "Dear customer, your invoice for November is attached. Please pay it within seven \
                 days by bank transfer to the account on the invoice. Thank you for your business.",
            ),
            &limits,
        );
        assert_eq!(english.language, Language::Other);
        for (name, t) in [("scam", &scam), ("letter", &letter), ("english", &english)] {
            let whole = rules.bayes_opinion(&model.judge(t));
            assert_eq!(rules.site_opinion(&model, t), whole, "{name}");
            if name != "letter" {
                assert_eq!(whole.is_some(), name == "scam", "{name}: {whole:?}");
            }
        }
    }
}
