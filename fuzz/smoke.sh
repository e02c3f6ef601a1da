#!/usr/bin/env bash
# Builds every fuzz target and runs each for a short smoke (default 20 s) on seeds made from the
# corpora (fuzz/seeds.py), with the regression inputs of fuzz/regressions/ added. A crash, a
# leak past the memory limit or a hang past the time limit fails the run and leaves the input
# under $FUZZ_OUT/artifacts/TARGET/. Longer runs: SECONDS_PER_TARGET=1800 fuzz/smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${SECONDS_PER_TARGET:-20}"
# Without FUZZ_OUT the run's corpus and logs (a few hundred MB) go to a directory of its own,
# removed when every target passed and kept, with the failing input, when one did not.
out="${FUZZ_OUT:-}"
own_out=""
if [ -z "$out" ]; then
    out=$(mktemp -d /tmp/canhgac-fuzz.XXXXXX)
    own_out=$out
fi
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-/var/tmp/canhgac-fuzz-target}"
python3 fuzz/seeds.py "$out/corpus"
targets=$(cargo fuzz list)
# cargo fuzz build has no --locked: check the committed fuzz/Cargo.lock is current first, so a
# dependency added to the gateway fails here, not by rewriting the lock in the checkout.
cargo metadata --locked --format-version 1 --manifest-path fuzz/Cargo.toml >/dev/null
cargo fuzz build --sanitizer none
for t in $targets; do
    if [ -d "fuzz/regressions/$t" ]; then
        cp fuzz/regressions/"$t"/* "$out/corpus/$t/" 2>/dev/null || true
    fi
    mkdir -p "$out/artifacts/$t"
    echo "== fuzz $t (${seconds} s)"
    status=0
    cargo fuzz run --sanitizer none "$t" "$out/corpus/$t" -- \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=1048576 \
        -artifact_prefix="$out/artifacts/$t/" -print_final_stats=1 >"$out/$t.log" 2>&1 || status=$?
    grep -E "^#[0-9]+.*(INITED|DONE)|^stat::(number_of_executed_units|peak_rss_mb|new_units_added)|ERROR|SUMMARY|Test unit written" "$out/$t.log" || true
    if [ "$status" -ne 0 ] || [ -n "$(ls -A "$out/artifacts/$t")" ]; then
        tail -n 40 "$out/$t.log" >&2
        echo "fuzz/smoke.sh: $t failed (exit $status): $(ls "$out/artifacts/$t")" >&2
        exit 1
    fi
done
echo "fuzz smoke: every target ran ${seconds} s without a finding"
if [ -n "$own_out" ]; then
    rm -rf "$own_out"
fi
