//! The spam scanner: the rules of `rules/spam.toml` and, once enough mail has been trained, the
//! statistical classifier's opinion as a `BAYES_*` symbol.

use super::{Finding, ScanContext, Scanner};
use crate::config::{ConfigError, LocalConfig, SpamConfig};
use crate::policy::KnownSymbol;
use crate::spam::bayes::{self, Model};
use crate::spam::rules::{Facts, SpamRules};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Rules and classifier, compiled.
pub struct SpamScanner {
    rules: SpamRules,
    model: Option<Arc<Model>>,
    local: LocalConfig,
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
    pub fn new(rules: SpamRules, model: Option<Model>, local: &LocalConfig) -> SpamScanner {
        SpamScanner {
            rules,
            model: model.map(Arc::new),
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
        let facts = Facts {
            raw: &cx.input.raw,
            envelope: &cx.input.envelope,
            parsed: cx.parsed,
            text,
            local: &self.local,
            deadline: Some(cx.deadline),
        };
        self.rules.check(&facts, out);
        if cx.expired() {
            return;
        }
        if let Some(model) = &self.model {
            let tokens = bayes::tokens_of(cx.parsed, text);
            out.extend(self.rules.bayes_opinion(&model.judge(&tokens)));
        }
    }
}
