#!/bin/bash
# Each scanner's mean time per message, from the verdict log's scan_us, with the daemon's CPU:
# canhgac serve in-process ([workers] isolate = false, clamd off), `canhgac-tools bench` sending
# N built-in 10 KB messages over 2 connections.
#
#   benches/scanner-times.sh [CANHGAC] [PORT]     # defaults: target/release/canhgac, 18901
#
# Environment: N (3000), TOOLS (target/release/canhgac-tools), INPUT (messages to send instead
# of the built-in one: `canhgac-tools bench --input`), EXTRA_CONFIG (TOML appended to the
# daemon's configuration, e.g. "[spam]\nbayes_db = \"/path/bayes.db\"" for the classifier).
set -eu
B=${1:-target/release/canhgac}
PORT=${2:-18901}
N=${N:-3000}
TOOLS=${TOOLS:-target/release/canhgac-tools}
dir=$(mktemp -d /tmp/canhgac-scanner-times.XXXXXX)
P=""
trap '[ -n "$P" ] && kill "$P" 2>/dev/null; rm -rf "$dir"' EXIT
printf '[clamd]\nenabled = false\n[metrics]\nenabled = false\n[store]\npath = "%s/q.sqlite"\n[audit]\nkey_file = "%s/audit.key"\n[web]\nenabled = false\n[workers]\nisolate = false\n%b\n' \
    "$dir" "$dir" "${EXTRA_CONFIG:-}" >"$dir/canhgac.toml"
"$B" serve --listen "inet:127.0.0.1:$PORT" --config "$dir/canhgac.toml" >"$dir/log" 2>&1 &
P=$!
i=0
until (echo >/dev/tcp/127.0.0.1/$PORT) 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 100 ] || { cat "$dir/log"; exit 1; }; sleep 0.1
done
"$TOOLS" bench --target "inet:127.0.0.1:$PORT" ${INPUT:+--input "$INPUT"} -c 2 -n "$N" --warmup 200 --pid "$P" | grep "throughput\|target process"
kill "$P"; wait "$P" 2>/dev/null || true
P=""
grep -o 'scan_us=[^ ]*' "$dir/log" | tail -"$N" | sed 's/scan_us=//' | tr ',' '\n' |
    awk -F= '{ s[$1] += $2; n[$1]++ } END { for (k in s) printf "%s=%.0f ", k, s[k] / n[k]; print "(µs per message)" }'
