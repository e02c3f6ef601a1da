//! `canhgac-tools`: the measuring tools (milter load generator, corpora, spam cross-validation),
//! kept out of the gateway binary. See `canhgac-tools --help` and BENCHMARKS.md.

fn main() -> std::process::ExitCode {
    canhgac::cli::tools::main()
}
