//! Spam: GTUBE through the milter, tagging through the milter and through a real Postfix,
//! training with `canhgac train`, Vietnamese ham never tagged, and the cross-validated targets
//! on the SpamAssassin corpus (a regression guard for the figures in BENCHMARKS.md).

use crate::common::postfix::Postfix;
use crate::common::smtp::{Outcome, Sink, send};
use crate::common::{Milter, mail, shared_corpus, test_config};
use crate::milter::{open, reply_text, transaction};
use canhgac::config::Config;
use canhgac::engine::Engine;
use canhgac::message::ScanInput;
use canhgac::policy::Action;
use indymilter_test::{EomAction, Status};
use std::process::Command;
use std::time::Duration;

const GTUBE: &str = "XJS*C4JDBQADN1.NSBESTNOATGSPAM-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

#[tokio::test]
async fn gtube_is_rejected_550_5_7_1_by_the_milter() {
    let m = Milter::start_inet(test_config()).await;
    let mut conn = open(&m).await;
    let raw = mail::plain("a@lamdong.gov.vn", "b@lamdong.gov.vn", "test", GTUBE);
    let (_, st) = transaction(&mut conn, &raw, &[]).await;
    assert!(matches!(st, Status::Reject { .. }), "{st:?}");
    let text = reply_text(&st);
    assert!(text.starts_with("550 5.7.1 "), "{text}");
    assert!(text.contains("GTUBE"), "{text}");
    conn.close().await.expect("close");
}

/// A configuration where the milter tests' client (192.0.2.10) is outside.
fn outside_config(prefix: &str) -> Config {
    let mut c = test_config();
    c.local
        .internal_networks
        .retain(|n| !n.contains("192.0.2.10".parse().expect("ip")));
    c.spam.subject_prefix = prefix.to_owned();
    c
}

#[tokio::test]
async fn a_province_sender_from_outside_is_tagged_with_spam_headers_and_prefix() {
    let m = Milter::start_inet(outside_config("[SPAM] ")).await;
    let mut conn = open(&m).await;
    let mut raw = b"X-Spam-Flag: NO\r\n".to_vec();
    raw.extend(mail::plain(
        "sender@lamdong.gov.vn",
        "rcpt@lamdong.gov.vn",
        "Lịch họp",
        "Kính gửi các đơn vị.",
    ));
    let (actions, st) = transaction(&mut conn, &raw, &[]).await;
    assert_eq!(st, Status::Accept);
    let mut flag = None;
    let mut score = None;
    let mut subject = None;
    let mut removed_flag = false;
    for a in &actions.actions {
        match a {
            EomAction::AddHeader { name, value } if name.to_bytes() == b"X-Spam-Flag" => {
                flag = Some(value.to_string_lossy().trim().to_owned());
            }
            EomAction::AddHeader { name, value } if name.to_bytes() == b"X-Spam-Score" => {
                score = Some(value.to_string_lossy().trim().to_owned());
            }
            EomAction::ChangeHeader { name, index, value }
                if name.to_bytes() == b"Subject" && *index == 1 =>
            {
                subject = Some(value.to_string_lossy().trim().to_owned());
            }
            EomAction::DeleteHeader { name, index } if name.to_bytes() == b"X-Spam-Flag" => {
                assert_eq!(*index, 1);
                removed_flag = true;
            }
            _ => {}
        }
    }
    assert_eq!(flag.as_deref(), Some("YES"), "{actions:?}");
    let score: f64 = score.expect("X-Spam-Score").parse().expect("a number");
    assert!((6.0..15.0).contains(&score), "{score}");
    assert_eq!(subject.as_deref(), Some("[SPAM] Lịch họp"));
    assert!(
        removed_flag,
        "the message's own X-Spam-Flag is removed: {actions:?}"
    );
    conn.close().await.expect("close");

    // The same message from an authenticated or internal client is no forgery: no spam headers.
    let m = Milter::start_inet(test_config()).await;
    let mut conn = open(&m).await;
    let (actions, st) = transaction(&mut conn, &raw, &[]).await;
    assert_eq!(st, Status::Accept);
    assert!(
        !actions
            .actions
            .iter()
            .any(|a| matches!(a, EomAction::AddHeader { name, .. } if name.to_bytes() == b"X-Spam-Flag")),
        "{actions:?}"
    );
    conn.close().await.expect("close");
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tagged_message_arrives_through_postfix_with_the_spam_headers() {
    // Postfix's client is 127.0.0.1; with no internal networks, a province sender who did not
    // authenticate is an outsider posing as the province.
    let mut c = outside_config("[SPAM] ");
    c.local.internal_networks.clear();
    let milter = Milter::start_inet(c).await;
    let sink = Sink::start().await;
    let pf = Postfix::start(&milter.postfix_addr(), sink.port, "");
    let raw = mail::plain(
        "vanthu@lamdong.gov.vn",
        "giamdoc@lamdong.gov.vn",
        "=?UTF-8?B?VGjDtG5nIGLDoW8=?=",
        "Kính gửi: Giám đốc Sở.",
    );
    let out = send(
        pf.smtp_port,
        "vanthu@lamdong.gov.vn",
        &["giamdoc@lamdong.gov.vn"],
        &raw,
    )
    .await
    .expect("smtp");
    assert!(matches!(out, Outcome::Accepted(_)), "{out:?}\n{}", pf.log());
    let got = sink.wait_for(1, Duration::from_secs(30)).await;
    assert_eq!(got.len(), 1, "{}", pf.log());
    let text = got[0].text();
    assert!(text.contains("X-Spam-Flag: YES"), "{text}");
    assert!(text.contains("X-Spam-Score: "), "{text}");
    assert!(text.contains("X-Canhgac-Result: tag score="), "{text}");
    assert!(text.contains("FORGED_LOCAL_ENVFROM"), "{text}");
    assert!(
        text.contains("Subject: [SPAM] =?UTF-8?B?VGjDtG5nIGLDoW8=?="),
        "prefix before the encoded subject: {text}"
    );
    assert!(text.contains("Kính gửi: Giám đốc Sở."), "{text}");
}

/// Copies every `step`-th file of the SpamAssassin corpus's `sub` folder (at most `max`, in name
/// order) into `dir/sub`, and returns that folder.
fn sample(dir: &std::path::Path, sub: &str, max: usize, step: usize) -> std::path::PathBuf {
    let to = dir.join(sub);
    std::fs::create_dir(&to).expect("mkdir");
    let mut files: Vec<_> = std::fs::read_dir(shared_corpus().join("spamassassin").join(sub))
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for f in files.iter().step_by(step).take(max) {
        std::fs::copy(f, to.join(f.file_name().expect("name"))).expect("copy");
    }
    to
}

fn canhgac() -> Command {
    Command::new(env!("CARGO_BIN_EXE_canhgac"))
}

#[test]
fn train_is_incremental_and_the_engine_uses_what_it_trained() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bayes.db");
    let sa = shared_corpus().join("spamassassin");
    // A fixed slice: the first 300 ham and 300 spam.
    let ham = sample(dir.path(), "ham", 300, 1);
    let spam = sample(dir.path(), "spam", 300, 1);
    let train = || {
        let out = canhgac()
            .args(["train", "--db"])
            .arg(&db)
            .arg("--ham")
            .arg(&ham)
            .arg("--spam")
            .arg(&spam)
            .output()
            .expect("run canhgac train");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let first = train();
    assert!(first.contains("ham: 300 messages: 300 learned"), "{first}");
    assert!(first.contains("300 ham, 300 spam"), "{first}");
    assert!(first.contains("in use"), "{first}");
    // Again: nothing is counted twice.
    let second = train();
    assert!(
        second.contains("0 learned, 0 moved from the other class, 300 trained before"),
        "{second}"
    );
    assert!(second.contains("300 ham, 300 spam"), "{second}");

    // The engine reads the database: a spam message from the corpus (not trained) gets a
    // BAYES_SPAM symbol; below the minimum counts the classifier stays silent.
    let mut files: Vec<_> = std::fs::read_dir(sa.join("spam"))
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let unseen: Vec<Vec<u8>> = files[1000..1020]
        .iter()
        .map(|f| std::fs::read(f).expect("read"))
        .collect();
    let mut c = test_config();
    c.spam.bayes_db = db.clone();
    let engine = Engine::build(&c).expect("engine");
    let caught = unseen
        .iter()
        .filter(|m| {
            engine
                .scan_content_verdict(&ScanInput::from_bytes((*m).clone()))
                .verdict
                .findings
                .iter()
                .any(|f| f.symbol.starts_with("BAYES_SPAM"))
        })
        .count();
    assert!(caught >= 15, "{caught} of 20 unseen spam");
    c.spam.min_spam = 301;
    let engine = Engine::build(&c).expect("engine");
    let v = engine
        .scan_content_verdict(&ScanInput::from_bytes(unseen[0].clone()))
        .verdict;
    assert!(!v.findings.iter().any(|f| f.symbol.starts_with("BAYES")), "{v:?}");
}

#[test]
fn vietnamese_ham_is_never_tagged_even_by_a_model_trained_on_english_mail() {
    // The starter model: the whole SpamAssassin corpus, none of it Vietnamese.
    let limits = canhgac::config::LimitsConfig::default();
    let mut model = canhgac::spam::bayes::Model::default();
    for (sub, spam) in [("ham", false), ("spam", true)] {
        for m in canhgac::message::source::all_messages(&shared_corpus().join("spamassassin").join(sub))
            .expect("read")
        {
            model.learn(&canhgac::spam::bayes::tokens(&m.raw, &limits), spam);
        }
    }
    let engine = Engine::build_with_model(&test_config(), Some(model)).expect("engine");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut checked = 0;
    for dir in ["markings", "gateway"] {
        for m in canhgac::message::source::all_messages(&root.join(dir)).expect("read") {
            if !m.name.ends_with(".eml") {
                continue;
            }
            let text = String::from_utf8_lossy(&m.raw);
            if !canhgac::vietnamese::has_diacritics(&text) {
                continue; // the English and legacy-font examples are not plain Vietnamese
            }
            checked += 1;
            let v = engine
                .scan_content_verdict(&ScanInput::from_bytes(m.raw.clone()))
                .verdict;
            let spam: f64 = v
                .findings
                .iter()
                .filter(|f| {
                    !f.symbol.starts_with("MARKING_")
                        && !f.symbol.starts_with("MIME_")
                        && !f.symbol.starts_with("ATTACH")
                })
                .map(|f| f.score)
                .sum();
            assert!(v.action != Action::Tag, "{}: {v:?}", m.name);
            assert!(spam < 6.0, "{}: spam score {spam}: {:?}", m.name, v.findings);
            for f in &v.findings {
                assert!(
                    // BAYES_SPAM_20 is the unsure band (20–50 %); spam opinions start at 50 %.
                    !(matches!(f.symbol.as_str(), "CHARSET_MISMATCH" | "MIXED_SCRIPT_WORDS")
                        || f.symbol.starts_with("BAYES_SPAM") && f.symbol != "BAYES_SPAM_20"),
                    "{}: {f:?}",
                    m.name
                );
            }
        }
    }
    assert!(checked >= 100, "{checked} Vietnamese messages");
}

#[test]
fn cross_validated_spam_decision_meets_the_targets_on_the_spamassassin_corpus() {
    // The figures BENCHMARKS.md gives for `canhgac-tools eval` on the same corpus: 5 folds, each
    // classified by a model trained on the other four, scored by rules/scores.toml.
    let read = |sub: &str| -> Vec<canhgac::cli::eval::Labelled> {
        canhgac::message::source::all_messages(&shared_corpus().join("spamassassin").join(sub))
            .expect("read")
            .into_iter()
            .map(|m| canhgac::cli::eval::Labelled {
                name: m.name,
                raw: m.raw,
            })
            .collect()
    };
    let (ham, spam) = (read("ham"), read("spam"));
    assert!(ham.len() > 3000 && spam.len() > 1400);
    let r = canhgac::cli::eval::run(&test_config(), &ham, &spam, 5, false).expect("eval");
    let (tag, reject) = (r.tag(), r.reject());
    assert!(reject.ham_false_positive_rate <= 0.005, "reject {reject:?}");
    assert!(reject.spam_recall >= 0.95, "reject {reject:?}");
    assert!(tag.spam_recall >= 0.98, "tag {tag:?}");
}

#[test]
fn eval_prints_the_operating_points_and_dumps_every_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Every 20th message: a small, fixed sample.
    let ham = sample(dir.path(), "ham", usize::MAX, 20);
    let spam = sample(dir.path(), "spam", usize::MAX, 20);
    let dump = dir.path().join("dump.tsv");
    let out = Command::new(env!("CARGO_BIN_EXE_canhgac-tools"))
        .args(["eval", "--folds", "3", "--errors", "2", "--ham"])
        .arg(&ham)
        .arg("--spam")
        .arg(&spam)
        .arg("--dump")
        .arg(&dump)
        .output()
        .expect("run canhgac-tools eval");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("167 ham, 73 spam; 3-fold cross-validation"),
        "{text}"
    );
    assert!(text.contains("tag (score >= 6.0)"), "{text}");
    assert!(text.contains("reject (score >= 15.0)"), "{text}");
    assert!(text.contains("content scan per message"), "{text}");
    assert!(text.contains("BAYES_HAM_99"), "symbol hit table: {text}");
    assert!(text.contains("spam not rejected ("), "{text}");
    let lines = std::fs::read_to_string(&dump).expect("dump");
    assert_eq!(lines.lines().count(), 240);
    assert!(lines.lines().all(|l| l.split('\t').count() == 5), "{lines}");
}
