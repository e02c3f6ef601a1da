//! `canhgac-tools eval`: k-fold cross-validation of the whole spam decision — rules, the classifier's
//! band symbols and the score thresholds of `rules/scores.toml` — on labelled mail, with the
//! time the content scan takes per message.

use crate::config::{Config, ConfigError};
use crate::engine::Engine;
use crate::message::ScanInput;
use crate::spam::bayes::{self, Model};
use crate::spam::rules::SpamRules;
use crate::verdict::{Action, Verdict};
use std::time::Instant;

/// One labelled message.
pub struct Labelled {
    pub name: String,
    pub raw: Vec<u8>,
}

/// How one message was judged in its fold.
#[derive(Debug, Clone)]
pub struct Judged {
    pub name: String,
    pub probability: f64,
    /// Share of its text tokens the fold's model knew.
    pub known_share: f64,
    /// The message's language and how many ham messages of it the fold's model had seen.
    pub language: crate::spam::bayes::Language,
    pub language_hams: u32,
    pub verdict: Verdict,
    /// The action from the rules alone (no classifier: a fresh install before training).
    pub rules_action: Action,
}

/// Figures at one operating point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rates {
    pub ham_false_positive_rate: f64,
    pub spam_recall: f64,
    pub precision: f64,
    pub false_positives: usize,
    pub true_positives: usize,
}

/// What `eval` measured.
#[derive(Debug, Clone)]
pub struct Report {
    pub folds: usize,
    pub ham: Vec<Judged>,
    pub spam: Vec<Judged>,
    pub tag_threshold: f64,
    pub reject_threshold: f64,
    /// Content scan (parse, extraction, every content scanner with the classifier trained on
    /// all the mail) per message, in microseconds: mean and 99th percentile.
    pub scan_micros_mean: f64,
    pub scan_micros_p99: u64,
    /// The spam scanner's share (rules, tokens, classifier), mean microseconds.
    pub spam_micros_mean: f64,
}

impl Report {
    /// Messages flagged at all (tagged, rejected or held): the tag operating point.
    pub fn tag(&self) -> Rates {
        self.rates(|v| v.action != Action::Accept)
    }

    /// Messages refused: the reject operating point.
    pub fn reject(&self) -> Rates {
        self.rates(|v| v.action == Action::Reject)
    }

    /// The rules alone (no classifier), at the tag and the reject threshold.
    pub fn rules_only(&self) -> (Rates, Rates) {
        let fp = |f: &dyn Fn(Action) -> bool| self.ham.iter().filter(|j| f(j.rules_action)).count();
        let tp = |f: &dyn Fn(Action) -> bool| self.spam.iter().filter(|j| f(j.rules_action)).count();
        let tag = |a: Action| a != Action::Accept;
        let reject = |a: Action| a == Action::Reject;
        (self.of(fp(&tag), tp(&tag)), self.of(fp(&reject), tp(&reject)))
    }

    /// The classifier alone at a probability threshold.
    pub fn classifier(&self, threshold: f64) -> Rates {
        let fp = self.ham.iter().filter(|j| j.probability >= threshold).count();
        let tp = self.spam.iter().filter(|j| j.probability >= threshold).count();
        self.of(fp, tp)
    }

    fn rates(&self, flagged: impl Fn(&Verdict) -> bool) -> Rates {
        let fp = self.ham.iter().filter(|j| flagged(&j.verdict)).count();
        let tp = self.spam.iter().filter(|j| flagged(&j.verdict)).count();
        self.of(fp, tp)
    }

    fn of(&self, fp: usize, tp: usize) -> Rates {
        Rates {
            ham_false_positive_rate: fp as f64 / self.ham.len().max(1) as f64,
            spam_recall: tp as f64 / self.spam.len().max(1) as f64,
            precision: tp as f64 / (tp + fp).max(1) as f64,
            false_positives: fp,
            true_positives: tp,
        }
    }
}

/// Cross-validates on `ham` and `spam` with the rules and scores `config` names (message i is
/// in fold i mod k). The token database in the configuration is not used: each fold trains
/// its own model.
///
/// With `measure`, also times the content scan of every message with a model trained on all of
/// them (the cost in production); without, the times are 0.
pub fn run(
    config: &Config,
    ham: &[Labelled],
    spam: &[Labelled],
    folds: usize,
    measure: bool,
) -> Result<Report, ConfigError> {
    let folds = folds.max(2);
    let rules_engine = Engine::build_with_model(config, None)?;
    let rules_dir = (!config.rules.dir.as_os_str().is_empty()).then_some(config.rules.dir.as_path());
    let (origin, text) = crate::scanners::spam::load_source(rules_dir)?;
    let rules = SpamRules::compile(&text, &origin)?;
    let limits = &config.limits;

    // Rule findings and tokens of every message, once.
    let prepare = |set: &[Labelled]| -> Vec<(Vec<crate::verdict::Finding>, bayes::Tokens)> {
        set.iter()
            .map(|m| {
                let input = ScanInput::from_bytes(m.raw.clone());
                let (findings, _) = rules_engine.scan_content(&input);
                (findings, bayes::tokens(&m.raw, limits))
            })
            .collect()
    };
    let h = prepare(ham);
    let s = prepare(spam);
    let ht: Vec<bayes::Tokens> = h.iter().map(|(_, t)| t.clone()).collect();
    let st: Vec<bayes::Tokens> = s.iter().map(|(_, t)| t.clone()).collect();
    let (ph, ps) = bayes::cross_validate(&ht, &st, folds);
    let judge = |set: &[Labelled],
                 prepared: &[(Vec<crate::verdict::Finding>, bayes::Tokens)],
                 scored: &[bayes::Scored]| {
        set.iter()
            .zip(prepared)
            .zip(scored)
            .map(|((m, (findings, _)), s)| {
                let rules_action = rules_engine.decide(findings.clone()).action;
                let mut f = findings.clone();
                f.extend(rules.bayes_opinion(s));
                Judged {
                    rules_action,
                    name: m.name.clone(),
                    probability: s.probability,
                    known_share: s.known_share,
                    language: s.language,
                    language_hams: s.language_hams,
                    verdict: rules_engine.decide(f),
                }
            })
            .collect::<Vec<_>>()
    };
    let ham_judged = judge(ham, &h, &ph);
    let spam_judged = judge(spam, &s, &ps);

    // The cost in production: every content scanner, the classifier trained on everything.
    let mut micros = Vec::with_capacity(ham.len() + spam.len());
    let mut spam_micros = 0u64;
    if measure {
        let mut model = Model::default();
        for t in &ht {
            model.learn(t, false);
        }
        for t in &st {
            model.learn(t, true);
        }
        let full = Engine::build_with_model(config, Some(model))?;
        for m in ham.iter().chain(spam) {
            let input = ScanInput::from_bytes(m.raw.clone());
            let t = Instant::now();
            let (_, timings) = full.scan_content(&input);
            micros.push(t.elapsed().as_micros() as u64);
            spam_micros += timings
                .iter()
                .filter(|t| t.scanner == "spam")
                .map(|t| t.micros)
                .sum::<u64>();
        }
    }
    micros.sort_unstable();
    let n = micros.len().max(1);
    let (tag_threshold, reject_threshold) = rules_engine.thresholds();
    Ok(Report {
        folds,
        ham: ham_judged,
        spam: spam_judged,
        tag_threshold,
        reject_threshold,
        scan_micros_mean: micros.iter().sum::<u64>() as f64 / n as f64,
        scan_micros_p99: micros.get((n * 99 / 100).min(n - 1)).copied().unwrap_or(0),
        spam_micros_mean: spam_micros as f64 / n as f64,
    })
}
