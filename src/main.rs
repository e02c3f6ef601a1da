//! The `canhgac` binary: everything is in the library's `cli` module.

fn main() -> std::process::ExitCode {
    canhgac::cli::main()
}
