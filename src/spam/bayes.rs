//! A statistical spam classifier: MIME-aware tokens (the decoded text of every part, HTML
//! reduced to text, NFC Vietnamese kept whole, URL hosts, selected headers), Robinson's
//! per-token probabilities and Fisher's chi-square combining (as in SpamBayes and bogofilter).
//! The model is counts only: it can be trained incrementally and merged.

use crate::extract::{PieceKind, extract_message};
use crate::message::ParsedMessage;
use std::collections::{HashMap, HashSet};

/// Robinson's strength of the prior (s) and the prior itself (x).
const S: f64 = 1.0;
const X: f64 = 0.5;
/// Tokens closer to 0.5 than this say nothing and are left out.
const MIN_DEVIATION: f64 = 0.1;
/// The most telling tokens of a message that are combined.
const MAX_TOKENS: usize = 150;

/// Token counts of the trained messages.
#[derive(Debug, Default, Clone)]
pub struct Model {
    /// token → (ham messages, spam messages) containing it.
    counts: HashMap<String, (u32, u32)>,
    pub hams: u32,
    pub spams: u32,
}

/// The distinct tokens of a message.
pub fn tokens(raw: &[u8], limits: &crate::config::LimitsConfig) -> HashSet<String> {
    let parsed = ParsedMessage::parse(raw, limits);
    let mut out = HashSet::new();
    if let Some(m) = parsed.message.as_ref() {
        for (name, prefix) in [("X-Mailer", "xm"), ("User-Agent", "ua"), ("Content-Type", "ct")] {
            if let Some(v) = m.header_raw(name) {
                let v = v.trim().to_ascii_lowercase();
                let v: String = v.chars().take(40).collect();
                out.insert(format!("{prefix}:{v}"));
            }
        }
        if let Some(from) = m.from().and_then(|a| a.first()).and_then(|a| a.address())
            && let Some((_, d)) = from.rsplit_once('@')
        {
            out.insert(format!("from:{}", d.to_ascii_lowercase()));
        }
        if m.html_body.iter().all(|id| m.text_body.contains(id)) && !m.html_body.is_empty() {
            out.insert("mime:html-only".to_owned());
        }
    }
    let text = extract_message(&parsed, raw, limits);
    for piece in &text.pieces {
        let prefix = if piece.kind == PieceKind::Subject {
            "s:"
        } else {
            ""
        };
        words(&piece.text, prefix, &mut out);
    }
    out
}

fn words(text: &str, prefix: &str, out: &mut HashSet<String>) {
    for raw in text.split(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '(' | ')' | '<' | '>' | '[' | ']' | ',' | ';')
    }) {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '$' && c != '%' && c != '!');
        if w.is_empty() {
            continue;
        }
        // URL hosts, not whole URLs.
        if let Some(rest) = w.strip_prefix("http://").or_else(|| w.strip_prefix("https://")) {
            let host = rest
                .split(['/', '?', '#', ':'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            out.insert(format!("url:{host}"));
            continue;
        }
        let n = w.chars().count();
        if n < 3 {
            continue;
        }
        if n > 20 {
            out.insert(format!("{prefix}long:{}", n / 10 * 10));
            continue;
        }
        out.insert(format!("{prefix}{}", w.to_lowercase()));
        if w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && n >= 4 {
            out.insert(format!("{prefix}caps"));
        }
    }
}

impl Model {
    pub fn learn(&mut self, tokens: &HashSet<String>, spam: bool) {
        for t in tokens {
            let c = self.counts.entry(t.clone()).or_default();
            if spam {
                c.1 += 1;
            } else {
                c.0 += 1;
            }
        }
        if spam {
            self.spams += 1;
        } else {
            self.hams += 1;
        }
    }

    /// Robinson's f(w) for a token.
    fn token_probability(&self, t: &str) -> Option<f64> {
        let &(g, b) = self.counts.get(t)?;
        let bad = f64::from(b) / f64::from(self.spams.max(1));
        let good = f64::from(g) / f64::from(self.hams.max(1));
        if bad + good == 0.0 {
            return None;
        }
        let p = bad / (bad + good);
        let n = f64::from(g + b);
        Some((S * X + n * p) / (S + n))
    }

    /// The spam probability of a message's tokens (0 = ham, 1 = spam; 0.5 = no opinion).
    pub fn classify(&self, tokens: &HashSet<String>) -> f64 {
        let mut probs: Vec<f64> = tokens
            .iter()
            .filter_map(|t| self.token_probability(t))
            .filter(|p| (p - 0.5).abs() >= MIN_DEVIATION)
            .collect();
        if probs.is_empty() {
            return 0.5;
        }
        probs.sort_by(|a, b| (b - 0.5).abs().total_cmp(&(a - 0.5).abs()));
        probs.truncate(MAX_TOKENS);
        let n = probs.len();
        let ln_ham: f64 = probs.iter().map(|p| p.max(1e-12).ln()).sum();
        let ln_spam: f64 = probs.iter().map(|p| (1.0 - p).max(1e-12).ln()).sum();
        let h = chi2q(-2.0 * ln_ham, 2 * n);
        let s = chi2q(-2.0 * ln_spam, 2 * n);
        (1.0 + h - s) / 2.0
    }
}

/// The chi-square survival function for an even number of degrees of freedom.
fn chi2q(x2: f64, df: usize) -> f64 {
    let m = x2 / 2.0;
    let mut term = (-m).exp();
    let mut sum = term;
    for i in 1..df / 2 {
        term *= m / i as f64;
        sum += term;
    }
    sum.min(1.0)
}

/// Cross-validation figures at one threshold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    pub threshold: f64,
    pub ham_false_positive_rate: f64,
    pub spam_recall: f64,
    pub precision: f64,
}

/// Figures for the (ham, spam) probabilities at a threshold.
pub fn figures(ham: &[f64], spam: &[f64], threshold: f64) -> Figures {
    let fp = ham.iter().filter(|p| **p >= threshold).count();
    let tp = spam.iter().filter(|p| **p >= threshold).count();
    Figures {
        threshold,
        ham_false_positive_rate: fp as f64 / ham.len().max(1) as f64,
        spam_recall: tp as f64 / spam.len().max(1) as f64,
        precision: tp as f64 / (tp + fp).max(1) as f64,
    }
}

/// K-fold cross-validation: trains on k−1 folds, classifies the k-th; returns the probabilities
/// of every ham and every spam message.
pub fn cross_validate(
    ham: &[HashSet<String>],
    spam: &[HashSet<String>],
    folds: usize,
) -> (Vec<f64>, Vec<f64>) {
    let folds = folds.max(2);
    let (mut ph, mut ps) = (Vec::new(), Vec::new());
    for k in 0..folds {
        let mut model = Model::default();
        for (_, t) in ham.iter().enumerate().filter(|(i, _)| i % folds != k) {
            model.learn(t, false);
        }
        for (_, t) in spam.iter().enumerate().filter(|(i, _)| i % folds != k) {
            model.learn(t, true);
        }
        ph.extend(
            ham.iter()
                .enumerate()
                .filter(|(i, _)| i % folds == k)
                .map(|(_, t)| model.classify(t)),
        );
        ps.extend(
            spam.iter()
                .enumerate()
                .filter(|(i, _)| i % folds == k)
                .map(|(_, t)| model.classify(t)),
        );
    }
    (ph, ps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn learns_and_separates() {
        let mut m = Model::default();
        for _ in 0..20 {
            m.learn(&set(&["meeting", "report", "kính", "gửi"]), false);
            m.learn(&set(&["viagra", "free", "winner", "click"]), true);
        }
        assert!(m.classify(&set(&["viagra", "winner"])) > 0.9);
        assert!(m.classify(&set(&["meeting", "kính"])) < 0.1);
        assert_eq!(m.classify(&set(&["unknown"])), 0.5);
    }

    #[test]
    fn chi2q_is_a_survival_function() {
        assert!((chi2q(0.0, 4) - 1.0).abs() < 1e-12);
        assert!(chi2q(100.0, 4) < 1e-15);
    }
}
