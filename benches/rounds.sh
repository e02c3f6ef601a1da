#!/bin/bash
# Issue 21's figures through a real Postfix in one sitting, as ratios this VM's drift cannot
# fake: `through-postfix.sh` run ROUNDS times for each of MODES in turn (noop, then the others;
# the next round in the reverse order), and per mode the median and the range of messages a
# second, milter CPU and clamd CPU per message and switches, and each mode's throughput against
# `--noop` of the same round (the median of the rounds' ratios, and the ratio of the sums).
#
#   sudo ROUNDS=4 MODES="noop clamd" N=4000 MESSAGE=/tmp/letter.eml \
#       EXTRA_CONFIG='[spam]\nbayes_db = "/tmp/new.db"' benches/rounds.sh
#   sudo ROUNDS=3 MODES="noop full" RATE=300 MESSAGE=/tmp/prose.eml benches/rounds.sh
#
# Two builds compared (A/B): BUILDS="old/canhgac new/canhgac" runs every round's MODES with each
# build in turn (every other round in the reverse order), so the VM's drift falls on both alike,
# and reports each build's modes apart (each against `--noop` of the same build and round).
# Without BUILDS, CANHGAC is the one build.
#
# Every other variable (N, RATE, MESSAGE, SESSIONS, EXTRA_CONFIG...) is passed on to
# `through-postfix.sh` unchanged; each run's own lines are printed as they come.
set -eu -o pipefail # a run that fails stops the rounds (no median of an empty figure)
ROUNDS=${ROUNDS:-3}
MODES=${MODES:-noop full}
BUILDS=${BUILDS:-${CANHGAC:-target/release/canhgac}}
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp /tmp/canhgac-rounds.XXXXXX)
trap 'rm -f "$out"' EXIT

# With two builds or more each mode is named by its build too: "1:noop", "2:clamd"...
b=0
for build in $BUILDS; do b=$((b + 1)); done
nbuilds=$b
# Every other round runs the same runs in the reverse order (builds and modes: "1 noop, 1 clamd,
# 2 noop, 2 clamd", then "2 clamd, 2 noop, 1 clamd, 1 noop"), so no run is always the one that
# comes first or after another's load; an even ROUNDS balances them. Each build keeps its number.
reversed_modes=""
for mode in $MODES; do reversed_modes="$mode $reversed_modes"; done
for round in $(seq "$ROUNDS"); do
    if [ $((round % 2)) -eq 0 ]; then
        order=$(seq "$nbuilds" -1 1) modes=$reversed_modes
    else
        order=$(seq "$nbuilds") modes=$MODES
    fi
    for b in $order; do
        build=$(echo $BUILDS | cut -d' ' -f"$b")
        label=""
        [ "$nbuilds" -gt 1 ] && label="$b:"
        for mode in $modes; do
            echo "== round $round, MODE=$mode${label:+, build $build}"
            # Each line to stderr as it comes, through the inherited descriptor (`tee
            # /dev/stderr` would open, and so truncate, a log file stderr is redirected to).
            CANHGAC=$build MODE=$mode bash "$here/through-postfix.sh" |
                while IFS= read -r line; do printf '%s\n' "$line" >&2 && printf '%s\n' "$line"; done |
                awk -v round="$round" -v mode="$label$mode" '
                    /^mode / { for (i = 1; i <= NF; i++) if ($i == "msg/s") rate = $(i - 1) }
                    /^milter CPU/ { cpu = $3; for (i = 1; i <= NF; i++) if ($i == "voluntary") sw = $(i - 1) }
                    /^clamd CPU/ { clamd = $3 }
                    END { printf "%s %s %s %s %s %s\n", round, mode, rate, (cpu == "" ? "-" : cpu), (sw == "" ? "-" : sw), (clamd == "" ? "-" : clamd) }' >>"$out"
        done
    done
done 2>&1

echo
echo "== $ROUNDS rounds of: $MODES (${RATE:+$RATE msg/s offered, }N=${N:-2000}${MESSAGE:+, $MESSAGE})"
b=0
for build in $BUILDS; do
    b=$((b + 1))
    [ "$nbuilds" -gt 1 ] && echo "build $b: $build"
done
# The rows: each build's modes, "1:noop 1:clamd 2:noop 2:clamd" with two builds.
rows=""
b=0
for build in $BUILDS; do
    b=$((b + 1))
    for mode in $MODES; do
        if [ "$nbuilds" -gt 1 ]; then rows="$rows $b:$mode"; else rows="$rows $mode"; fi
    done
done
awk -v modes="$rows" '
    function median(list,    n, a, i, j, t) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    function range(list,    n, a, i, lo, hi) {
        n = split(list, a, " "); lo = hi = a[1]
        for (i = 2; i <= n; i++) { if (a[i] + 0 < lo + 0) lo = a[i]; if (a[i] + 0 > hi + 0) hi = a[i] }
        return lo "-" hi
    }
    { rate[$2] = rate[$2] " " $3; sum[$2] += $3; r[$1, $2] = $3
      if ($4 != "-") cpu[$2] = cpu[$2] " " $4
      if ($5 != "-") sw[$2] = sw[$2] " " $5
      if ($6 != "-") clamd[$2] = clamd[$2] " " $6
      rounds[$1] = 1 }
    END {
        printf "%-8s %-22s %-22s %-12s %-10s %s\n", "mode", "msg/s median (range)", "milter CPU ms median", "switches", "clamd ms", "vs --noop (median of rounds; of sums)"
        n = split(modes, m, " ")
        for (k = 1; k <= n; k++) {
            x = m[k]; ratios = ""
            # --noop of the same build: "noop", or "2:noop" for "2:clamd".
            noop = x; sub(/[^:]*$/, "noop", noop)
            for (i in rounds) if (r[i, noop] > 0) ratios = ratios " " r[i, x] / r[i, noop]
            vs = (sum[noop] > 0 && x != noop) ? sprintf("%.0f %%; %.0f %%", 100 * median(ratios), 100 * sum[x] / sum[noop]) : "-"
            printf "%-8s %-22s %-22s %-12s %-10s %s\n", x,
                median(rate[x]) " (" range(rate[x]) ")",
                (cpu[x] == "" ? "-" : sprintf("%.3f", median(cpu[x])) " (" range(cpu[x]) ")"),
                (sw[x] == "" ? "-" : sprintf("%.1f", median(sw[x]))),
                (clamd[x] == "" ? "-" : sprintf("%.3f", median(clamd[x]))), vs
        }
    }' "$out"
