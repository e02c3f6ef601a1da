//! Spam: GTUBE through the milter, tagging through the milter and through a real Postfix,
//! training with `canhgac train`, Vietnamese ham never tagged, and the cross-validated targets
//! on the SpamAssassin corpus (a regression guard for the figures in BENCHMARKS.md).

use crate::common::postfix::Postfix;
use crate::common::smtp::{Outcome, Sink, send};
use crate::common::{Milter, legal_bodies, mail, shared_corpus, test_config};
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
    let mut c = Command::new(env!("CARGO_BIN_EXE_canhgac"));
    // Never a system-wide /etc/canhgac/canhgac.toml: a test names its configuration.
    c.env("CANHGAC_CONFIG", "");
    c
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

/// The starter model a new site might train: the whole shared SpamAssassin corpus, none of it
/// Vietnamese.
fn english_model() -> canhgac::spam::bayes::Model {
    let limits = canhgac::config::LimitsConfig::default();
    let mut model = canhgac::spam::bayes::Model::default();
    for (sub, spam) in [("ham", false), ("spam", true)] {
        for m in canhgac::message::source::all_messages(&shared_corpus().join("spamassassin").join(sub))
            .expect("read")
        {
            model.learn(&canhgac::spam::bayes::tokens(&m.raw, &limits), spam);
        }
    }
    model
}

fn project_corpus(dir: &str) -> Vec<canhgac::message::source::SourceMessage> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    canhgac::message::source::all_messages(&root.join(dir))
        .expect("read")
        .into_iter()
        .filter(|m| m.name.ends_with(".eml"))
        .collect()
}

/// Issue 19: a classifier trained on English mail only has no opinion of Vietnamese mail. Over
/// the project's Vietnamese corpora (the marking examples, the gateway examples, the ordinary
/// Vietnamese mail of the spam set, every provision of the shared statutes as a dispatch, and
/// generated official mail), nothing is tagged or refused as spam, and no `BAYES_*` symbol
/// speaks at all.
#[test]
fn vietnamese_mail_gets_no_opinion_from_a_model_trained_on_english_mail() {
    let engine = Engine::build_with_model(&test_config(), Some(english_model())).expect("engine");
    let mut messages: Vec<(String, Vec<u8>)> = Vec::new();
    for dir in ["markings", "gateway", "vietnamese-spam/ham"] {
        for m in project_corpus(dir) {
            if canhgac::vietnamese::has_diacritics(&String::from_utf8_lossy(&m.raw)) || dir.ends_with("ham") {
                messages.push((format!("{dir}/{}", m.name), m.raw));
            }
        }
    }
    let statutes = legal_bodies();
    for (name, text) in statutes.iter().step_by(3) {
        let raw = format!(
            "From: phapche@lamdong.gov.vn\r\nTo: stc@lamdong.gov.vn\r\nSubject: =?UTF-8?B?VsSDbiBi4bqjbg==?=\r\nDate: Tue, 1 Dec 2026 08:00:00 +0700\r\nMessage-ID: <{}@lamdong.gov.vn>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}\r\n",
            messages.len(),
            text.replace('\n', "\r\n")
        );
        messages.push((name.clone(), raw.into_bytes()));
    }
    for i in 0..300 {
        let g = canhgac::bench::corpus::message(19, i, canhgac::bench::corpus::Profile::Small);
        if matches!(g.kind, "vn-dispatch" | "vn-notice") {
            messages.push((format!("generated {}", g.name), g.bytes));
        }
    }
    assert!(messages.len() > 400, "{} messages", messages.len());
    let table = engine.score_table();
    let limits = canhgac::config::LimitsConfig::default();
    let (mut wrong, mut vietnamese) = (Vec::new(), 0);
    for (name, raw) in &messages {
        let v = engine
            .scan_content_verdict(&ScanInput::from_bytes(raw.clone()))
            .verdict;
        // What rules and the classifier add up to (markings, viruses and limits decide alone).
        let evidence: f64 = v
            .findings
            .iter()
            .filter(|f| {
                table
                    .get(&f.symbol)
                    .and_then(|r| table.group(&r.group))
                    .is_some_and(|g| g.evidence)
            })
            .map(|f| f.score)
            .sum();
        // Some provisions of the shared statutes are in English: the English model may judge
        // those, as it judges any English mail.
        let tokens = canhgac::spam::bayes::tokens(raw, &limits);
        if tokens.language != canhgac::spam::bayes::Language::Vietnamese {
            continue;
        }
        vietnamese += 1;
        let refused_as_spam = v.reply.as_ref().is_some_and(|r| r.text.contains("spam"));
        if v.action == Action::Tag || refused_as_spam || evidence >= 6.0 {
            wrong.push(format!(
                "{name}: {:?} score {evidence} {:?}",
                v.action, v.findings
            ));
        }
        if v.findings.iter().any(|f| f.symbol.starts_with("BAYES_")) {
            wrong.push(format!("{name}: the English model spoke: {:?}", v.findings));
        }
    }
    assert!(vietnamese > 300, "{vietnamese} Vietnamese messages");
    assert!(
        wrong.is_empty(),
        "{} of {}:\n{}",
        wrong.len(),
        messages.len(),
        wrong.join("\n")
    );
}

/// Long official documents: the shared statutes sent whole, about 12 KB of provisions a message,
/// from a province address and from a citizen's free-mail address. A law touches fees, secrets,
/// investment, penalties and prizes pages apart; the phrase checks and the metas count only what
/// lies within one passage (`passage_bytes` in rules/spam.toml), so none is refused as spam
/// (before passages 6 were refused). A law numbers its articles (`Điều N.`): the Vietnamese
/// content checks do not count its words (`VI_LEGAL_TEXT`), so at most 3 % are tagged (19 of
/// 218 before, most from the free-mail address).
#[test]
fn long_official_documents_are_not_refused_as_spam() {
    let engine = Engine::build(&test_config()).expect("engine");
    let mut documents: Vec<(String, String)> = Vec::new();
    for (name, text) in legal_bodies() {
        let law = name.split(' ').next().unwrap_or_default().to_owned();
        match documents.last_mut() {
            Some((l, body)) if *l == law && body.len() < 12_000 => {
                body.push('\n');
                body.push_str(&text);
            }
            _ => documents.push((law, text)),
        }
    }
    assert!(documents.len() > 80, "{} documents", documents.len());
    let (mut refused, mut tagged, mut sent) = (Vec::new(), Vec::new(), 0);
    for (i, (law, body)) in documents.iter().enumerate() {
        for from in ["phapche@lamdong.gov.vn", "nguyenvana@gmail.com"] {
            let raw = format!(
                "From: {from}\r\nTo: stc@lamdong.gov.vn\r\nSubject: =?UTF-8?B?VsSDbiBi4bqjbg==?=\r\nDate: Tue, 1 Dec 2026 08:00:00 +0700\r\nMessage-ID: <{i}.{from}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}\r\n",
                body.replace('\n', "\r\n")
            );
            let v = engine
                .scan_content_verdict(&ScanInput::from_bytes(raw.into_bytes()))
                .verdict;
            sent += 1;
            let symbols: Vec<String> = v
                .findings
                .iter()
                .map(|f| format!("{}({})", f.symbol, f.score))
                .collect();
            if v.reply.as_ref().is_some_and(|r| r.text.contains("spam")) {
                refused.push(format!("{law} #{i} from {from}: {symbols:?}"));
            } else if v.action == Action::Tag {
                tagged.push(format!("{law} #{i} from {from}: {symbols:?}"));
            }
        }
    }
    assert!(
        refused.is_empty(),
        "{} of {sent} refused:\n{}",
        refused.len(),
        refused.join("\n")
    );
    assert!(
        tagged.len() * 100 <= sent * 3,
        "{} of {sent} tagged:\n{}",
        tagged.len(),
        tagged.join("\n")
    );
}

/// Issue 19: Vietnamese scams are caught by the rules (the English model has no opinion of
/// them), and ordinary Vietnamese mail is neither refused nor (beyond 2 %) tagged. The set is
/// the project's own (`corpus/vietnamese-spam/`, written by `make.py`); BENCHMARKS.md gives
/// its figures.
#[test]
fn vietnamese_scams_are_caught_and_ordinary_vietnamese_mail_passes() {
    let engine = Engine::build_with_model(&test_config(), Some(english_model())).expect("engine");
    let judge = |dir: &str| -> Vec<(String, Action, Vec<String>)> {
        project_corpus(dir)
            .into_iter()
            .map(|m| {
                let v = engine.scan_content_verdict(&ScanInput::from_bytes(m.raw)).verdict;
                let symbols = v.findings.iter().map(|f| f.symbol.clone()).collect();
                (m.name, v.action, symbols)
            })
            .collect()
    };
    let spam = judge("vietnamese-spam/spam");
    let ham = judge("vietnamese-spam/ham");
    assert!(
        spam.len() >= 35 && ham.len() >= 35,
        "{} spam, {} ham",
        spam.len(),
        ham.len()
    );
    for (name, _, symbols) in &ham {
        assert!(
            !symbols.iter().any(|s| s.starts_with("BAYES_")),
            "{name}: the English model spoke: {symbols:?}"
        );
    }
    let caught = spam
        .iter()
        .filter(|(_, a, _)| matches!(a, Action::Tag | Action::Reject))
        .count();
    let missed: Vec<_> = spam.iter().filter(|(_, a, _)| *a == Action::Accept).collect();
    assert!(
        caught * 10 >= spam.len() * 9,
        "{caught} of {}: missed {missed:?}",
        spam.len()
    );
    let refused: Vec<_> = ham.iter().filter(|(_, a, _)| *a == Action::Reject).collect();
    assert!(refused.is_empty(), "ham refused: {refused:?}");
    let tagged: Vec<_> = ham.iter().filter(|(_, a, _)| *a == Action::Tag).collect();
    assert!(tagged.len() * 50 <= ham.len(), "ham tagged: {tagged:?}");
}

/// Official mail that reads like spam (`corpus/official/`, held out from the shipped model's
/// training): warnings against scams quote them, a trade department writes of discounts, a tax
/// office threatens enforcement, an invoice, a bank notice and a meeting invitation name
/// accounts, payments and passcodes, a citizen writes from Gmail with a phone number. Every one
/// is delivered untagged; the scams dressed as warnings there are still tagged or refused.
/// (Before the warning meta and the fixes beside it, two were refused and six tagged; of the
/// second batch, three were tagged before negations, the institutions' own domains and a prize's
/// claim; of the third, the portal's newsletter and the bank's statement notice before an address
/// encoded with the name was read and a logo beside a few lines weighed less; of the fourth, the
/// Government Office's notice from chinhphu.vn (14.5, tagged) before `[domains] state` and a
/// bank's payroll confirmation (5.0, "đề nghị" and "hoàn trả" read as the lottery) before the
/// lottery's words became its game's; of the fifth, a copier's scan in English behind a sign-in
/// was delivered at 0.0 before the English mailbox checks.)
#[test]
fn official_mail_that_reads_like_spam_is_delivered() {
    let engine = Engine::build(&test_config()).expect("engine");
    let judge = |dir: &str| -> Vec<(String, Action, Vec<String>)> {
        project_corpus(dir)
            .into_iter()
            .map(|m| {
                let v = engine.scan_content_verdict(&ScanInput::from_bytes(m.raw)).verdict;
                let symbols = v
                    .findings
                    .iter()
                    .map(|f| format!("{}({})", f.symbol, f.score))
                    .collect();
                (m.name, v.action, symbols)
            })
            .collect()
    };
    let ham = judge("official/ham");
    let spam = judge("official/spam");
    assert!(
        ham.len() >= 67 && spam.len() >= 22,
        "{} ham, {} spam",
        ham.len(),
        spam.len()
    );
    let flagged: Vec<_> = ham.iter().filter(|(_, a, _)| *a != Action::Accept).collect();
    assert!(flagged.is_empty(), "official mail flagged: {flagged:#?}");
    let missed: Vec<_> = spam.iter().filter(|(_, a, _)| *a == Action::Accept).collect();
    assert!(missed.is_empty(), "scams delivered: {missed:#?}");
}

/// Every `step`-th message of the shared SpamAssassin corpus's `ham` or `spam`, for `eval`.
fn labelled(sub: &str, step: usize) -> Vec<canhgac::cli::eval::Labelled> {
    canhgac::message::source::all_messages(&shared_corpus().join("spamassassin").join(sub))
        .expect("read")
        .into_iter()
        .step_by(step)
        .map(|m| canhgac::cli::eval::Labelled {
            name: m.name,
            raw: m.raw,
        })
        .collect()
}

/// Issue 19: every refusal by score rests on at least two groups of evidence (the classifier
/// alone, or one family of rules alone, tags at most), over the whole SpamAssassin
/// cross-validation.
#[test]
fn no_spam_refusal_rests_on_one_group_of_evidence() {
    let c = test_config();
    let r = canhgac::cli::eval::run(&c, &labelled("ham", 4), &labelled("spam", 4), 3, false).expect("eval");
    let engine = Engine::build(&c).expect("engine");
    let table = engine.score_table();
    let mut rejected = 0;
    for j in r.ham.iter().chain(&r.spam) {
        if j.verdict.action != Action::Reject {
            continue;
        }
        rejected += 1;
        let mut groups: Vec<&str> = j
            .verdict
            .findings
            .iter()
            .filter(|f| f.score > 0.0)
            .filter_map(|f| table.get(&f.symbol).map(|r| r.group.as_str()))
            .collect();
        groups.sort_unstable();
        groups.dedup();
        assert!(groups.len() >= 2, "{}: {:?}", j.name, j.verdict.findings);
        let bayes: f64 = j
            .verdict
            .findings
            .iter()
            .filter(|f| f.symbol.starts_with("BAYES_SPAM"))
            .map(|f| f.score)
            .sum();
        assert!(bayes <= 6.0, "{}: the classifier scored {bayes}", j.name);
    }
    assert!(rejected > 200, "{rejected} refused");
}

#[test]
fn cross_validated_spam_decision_meets_the_targets_on_the_spamassassin_corpus() {
    // The figures BENCHMARKS.md gives for `canhgac-tools eval` on the same corpus: 5 folds, each
    // classified by a model trained on the other four, scored by rules/scores.toml.
    let (ham, spam) = (labelled("ham", 1), labelled("spam", 1));
    assert!(ham.len() > 3000 && spam.len() > 1400);
    let r = canhgac::cli::eval::run(&test_config(), &ham, &spam, 5, false).expect("eval");
    let (tag, reject) = (r.tag(), r.reject());
    // Issue 19: with no single symbol able to refuse (the classifier tags at most, rules alone
    // need 15 points) and the language gate on the site's languages, the targets hold: reject
    // false positives ≤ 0.5 %, reject recall ≥ 95 % (95.16 %; BENCHMARKS.md says what each
    // constraint cost).
    assert!(reject.ham_false_positive_rate <= 0.005, "reject {reject:?}");
    assert!(reject.spam_recall >= 0.95, "reject {reject:?}");
    let (_, rules_reject) = r.rules_only();
    assert_eq!(
        rules_reject.false_positives, 0,
        "rules alone refused ham: {rules_reject:?}"
    );
    assert!(tag.spam_recall >= 0.98, "tag {tag:?}");
    assert!(tag.ham_false_positive_rate <= 0.01, "tag {tag:?}");
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
    assert!(text.contains("reject (score >= 7.0)"), "{text}");
    assert!(text.contains("content scan per message"), "{text}");
    assert!(text.contains("BAYES_HAM_99"), "symbol hit table: {text}");
    assert!(text.contains("spam not rejected ("), "{text}");
    let lines = std::fs::read_to_string(&dump).expect("dump");
    assert_eq!(lines.lines().count(), 240);
    // class, probability, symbols, name, known share, language, the model's ham of it.
    assert!(lines.lines().all(|l| l.split('\t').count() == 7), "{lines}");
}

/// Issue 19: a unit may tag and refuse at scores of its own (`[spam.units]`); a message to
/// several units is judged by the most lenient; a unit's reject low enough to let one rule
/// refuse alone is a configuration error.
#[test]
fn units_have_thresholds_of_their_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("danh-ba.csv");
    std::fs::write(
        &csv,
        "address,name,unit_id,unit_name,unit_mailbox\n\
         an@lamdong.gov.vn,Nguyễn Văn An,so-tttt,Sở TTTT,sotttt@lamdong.gov.vn\n\
         binh@lamdong.gov.vn,Trần Thị Bình,so-tc,Sở Tài chính,sotc@lamdong.gov.vn\n\
         cuong@lamdong.gov.vn,Lê Văn Cường,so-yt,Sở Y tế,soyt@lamdong.gov.vn\n",
    )
    .expect("write");
    let mut c = test_config();
    c.local.directory = csv;
    let unit = |tag: f64, reject: f64, rules_only: f64| canhgac::config::UnitThresholds {
        tag,
        reject,
        reject_rules_only: Some(rules_only),
    };
    // Sở TTTT strict, Sở Tài chính lenient, Sở Y tế the score table's.
    c.spam.units.insert("so-tttt".into(), unit(5.0, 7.5, 8.0));
    c.spam.units.insert("so-tc".into(), unit(15.0, 20.0, 25.0));
    let engine = Engine::build(&c).expect("engine");
    // A loan scam: VI_LOAN_MANY (6.5, scam), two spam phrases of the subject and body (1.5,
    // phrases) and the shipped Vietnamese model's word (3, vimodel): 11 points, three groups, no
    // classifier (three weak signs: too few to count).
    let body = "Vay tiền nhanh chỉ cần CCCD, không thẩm định, giải ngân trong ngày, hồ sơ đơn giản.";
    let judge = |rcpts: &[&str]| {
        let raw = mail::plain("hotro@example.com", rcpts[0], "Vay nhanh", body);
        let mut input = ScanInput::from_bytes(raw);
        input.envelope.rcpt_to = rcpts.iter().map(|r| (*r).to_owned()).collect();
        engine.scan_content_verdict(&input).verdict.action
    };
    assert_eq!(judge(&["an@lamdong.gov.vn"]), Action::Reject);
    assert_eq!(judge(&["cuong@lamdong.gov.vn"]), Action::Tag);
    assert_eq!(judge(&["binh@lamdong.gov.vn"]), Action::Accept);
    assert_eq!(
        judge(&["an@lamdong.gov.vn", "binh@lamdong.gov.vn"]),
        Action::Accept,
        "the most lenient unit decides"
    );
    // A reject score one rule reaches alone.
    c.spam.units.insert("so-yt".into(), unit(3.0, 6.0, 6.0));
    let err = Engine::build(&c).err().expect("error").to_string();
    assert!(err.contains("so-yt") && err.contains("corroboration"), "{err}");
}
