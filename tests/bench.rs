//! `canhgac-tools bench`, the load generator, checked against canhgac itself.

use crate::common::{Milter, config_file, mail, test_config};
use std::process::{Command, Stdio};
use std::time::Duration;

fn canhgac() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_canhgac"));
    // Never a system-wide /etc/canhgac/canhgac.toml: a test names its configuration.
    c.env("CANHGAC_CONFIG", "");
    c
}

/// The measuring tools' binary (`bench`, `corpus`, `eval`).
fn tools() -> Command {
    Command::new(env!("CARGO_BIN_EXE_canhgac-tools"))
}

fn input_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("1.eml"),
        mail::plain("a@lamdong.gov.vn", "b@lamdong.gov.vn", "ok", "noi dung"),
    )
    .expect("write");
    std::fs::write(dir.path().join("2.eml"), mail::with_attachment(5000, "lon.bin")).expect("write");
    dir
}

/// Runs `canhgac-tools bench --json --warmup 0 --target TARGET ARGS… --input INPUT` and parses the report.
fn bench_json(target: &str, args: &[&str], input: &std::path::Path) -> serde_json::Value {
    let out = tools()
        .args(["bench", "--json", "--warmup", "0", "--target", target])
        .args(args)
        .arg("--input")
        .arg(input)
        .output()
        .expect("run bench");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

/// Runs the bench with ARGS against an in-process milter refusing attachments over 1,000 bytes,
/// on `input_dir()` (one message accepted, one refused): the milter (kept running) and the report.
async fn bench_small_attachment_limit(args: &[&str]) -> (Milter, serde_json::Value) {
    let mut config = test_config();
    config.limits.max_attachment_bytes = 1000;
    let m = Milter::start_inet(config).await;
    let input = input_dir();
    let target = format!("inet:{}", m.inet_addr());
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let r = tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        bench_json(&target, &args, input.path())
    })
    .await
    .expect("join");
    (m, r)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bench_counts_the_verdicts_canhgac_gives() {
    let (_milter, r) = bench_small_attachment_limit(&["-n", "100", "-c", "4", "--per-connection", "7"]).await;
    assert_eq!(r["messages"], 100, "{r}");
    assert_eq!(r["answers"]["accept"], 50, "{r}");
    assert_eq!(r["answers"]["reject 552"], 50, "{r}");
    assert_eq!(r["errors"], 0, "{r}");
    assert!(r["messages_per_second"].as_f64().is_some_and(|v| v > 0.0), "{r}");
    assert!(
        r["eom_latency_ms"]["p99"].as_f64().is_some_and(|v| v > 0.0),
        "{r}"
    );
    assert!(r["bench_process"]["cpu_ms"].is_number(), "{r}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn noop_baseline_accepts_everything() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = config_file(dir.path(), "[limits]\nmax_attachment_bytes = 1000");
    let mut child = canhgac()
        .args([
            "serve",
            "--noop",
            "--listen",
            &format!("inet:127.0.0.1:{port}"),
            "--config",
        ])
        .arg(&cfg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve");
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    for _ in 0..100 {
        if std::net::TcpStream::connect(addr).is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let input = input_dir();
    let target = format!("inet:127.0.0.1:{port}");
    let pid = child.id();
    let r = tokio::task::spawn_blocking(move || {
        // Open loop at 200 msg/s: the target waits between messages, so its threads must
        // park (a saturated closed loop may be served without ever parking).
        bench_json(
            &target,
            &["-n", "100", "--rate", "200", "--pid", &pid.to_string()],
            input.path(),
        )
    })
    .await
    .expect("join");
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(r["answers"]["accept"], 100, "the oversize one too: {r}");
    assert!(r["target_process"]["cpu_ms_per_message"].is_number(), "{r}");
    assert!(
        r["target_process"]["voluntary_switches_per_message"]
            .as_f64()
            .is_some_and(|v| v > 0.0),
        "{r}"
    );
    assert!(
        r["target_process"]["peak_rss_mib"]
            .as_f64()
            .is_some_and(|m| m > 0.0),
        "{r}"
    );
}

/// Issue 21: `--rate` offers messages open loop, each on a connection of its own, so a run
/// cannot end before its schedule does.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_mode_sends_on_schedule_a_connection_per_message() {
    let (_milter, r) = bench_small_attachment_limit(&["-n", "60", "--rate", "100"]).await;
    assert_eq!(r["messages"], 60, "{r}");
    assert_eq!(r["answers"]["accept"], 30, "{r}");
    assert_eq!(r["answers"]["reject 552"], 30, "{r}");
    assert_eq!(r["errors"], 0, "{r}");
    assert_eq!(r["offered_rate"], 100.0, "{r}");
    // The 60th message is due 0.59 s after the first.
    assert!(r["seconds"].as_f64().is_some_and(|s| s >= 0.58), "{r}");
    assert!(r["started_late"].is_number(), "{r}");
    let out = tools()
        .args(["bench", "--rate", "0", "--target", "inet:127.0.0.1:1"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--rate 0"));
}

/// `--write-message` writes the built-in message for other senders (`smtp-source -F` in
/// benches/through-postfix.sh): about `--size` bytes, lines ending in LF, a message canhgac
/// reads as the Vietnamese letter it is.
#[test]
fn the_built_in_message_is_written_for_other_senders() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("letter.eml");
    let out = tools()
        .args(["bench", "--size", "4096", "--write-message"])
        .arg(&path)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&path).expect("written");
    assert!((4096..4096 + 200).contains(&text.len()), "{} bytes", text.len());
    assert!(!text.contains('\r'), "LF line ends");
    assert!(text.starts_with("From: "), "{text}");
    assert!(text.contains("\n\nỦy ban nhân dân tỉnh"), "{text}");
    let out = tools()
        .args(["bench", "--write-message", "/nonexistent-dir/x.eml"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent-dir/x.eml"));
}

#[test]
fn unreachable_target_is_a_clear_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let out = tools()
        .args(["bench", "-n", "10", "--target", &format!("inet:127.0.0.1:{port}")])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot reach milter at inet:127.0.0.1:"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_size_mail_is_refused_while_streaming() {
    let mut config = test_config();
    config.limits.max_message_bytes = 200_000;
    let m = Milter::start_inet(config).await;
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("big.eml"),
        mail::with_attachment(1_000_000, "big.bin"),
    )
    .expect("write");
    let target = format!("inet:{}", m.inet_addr());
    let r = tokio::task::spawn_blocking(move || {
        bench_json(&target, &["--no-size", "-n", "20", "-c", "2"], dir.path())
    })
    .await
    .expect("join");
    assert_eq!(r["answers"]["reject 552"], 20, "{r}");
    assert_eq!(r["answered_before_end"], 20, "refused before the last byte: {r}");
}

/// Issue 16: the gateway binary carries no benchmark or corpus code; `canhgac-tools` does.
/// Read from the binaries' symbol tables (`nm`, from binutils, which the Rust toolchain's linker
/// comes with).
#[test]
fn the_gateway_binary_carries_no_benchmark_or_corpus_code() {
    let symbols = |bin: &str| {
        let out = Command::new("nm")
            .args(["-C", bin])
            .output()
            .expect("nm (binutils) must be installed");
        assert!(out.status.success(), "nm {bin}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let gateway = symbols(env!("CARGO_BIN_EXE_canhgac"));
    let tools = symbols(env!("CARGO_BIN_EXE_canhgac-tools"));
    for module in [
        "canhgac::bench::",
        "canhgac::cli::tools::",
        "canhgac::cli::eval::run",
    ] {
        let in_gateway: Vec<&str> = gateway.lines().filter(|l| l.contains(module)).take(3).collect();
        assert!(in_gateway.is_empty(), "{module} in the gateway: {in_gateway:?}");
    }
    assert!(
        tools.contains("canhgac::bench::corpus::"),
        "the tools binary has the corpus generator"
    );
    assert!(
        gateway.contains("canhgac::server::run"),
        "the gateway binary has the daemon"
    );
}
