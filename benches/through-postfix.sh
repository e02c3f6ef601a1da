#!/bin/bash
# canhgac behind a real, private Postfix, at the rate Postfix really sends (issue 21): messages
# per second end to end, and the milter's CPU time and voluntary context switches per message
# (all its processes and threads, from /proc, before and after the run).
#
#   sudo benches/through-postfix.sh                  # MODE=noop: `canhgac serve --noop`
#   sudo MODE=full benches/through-postfix.sh        # every scanner but clamd
#   sudo MODE=none benches/through-postfix.sh        # bare Postfix, no milter
#   sudo MODE=clamd benches/through-postfix.sh       # every scanner, a private clamd on rules/clamav
#
# Postfix (`postfix -c DIR`, loopback only) relays to smtp-sink; smtp-source sends N messages
# of SIZE bytes over SESSIONS concurrent SMTP sessions, one message per session as MTAs do.
# Needs root and the postfix package (smtp-source, smtp-sink). Environment: N (2000), SESSIONS
# (8), SIZE (10240), CANHGAC (target/release/canhgac), BASE_PORT (27020), EXTRA_CONFIG (TOML
# appended to the milter's configuration, e.g. "[spam]\nbayes_db = \"/path/bayes.db\""),
# MESSAGE (a message file, lines ending in LF, sent with `smtp-source -F` instead of SIZE bytes
# of smtp-source's own filler; `canhgac-tools bench --write-message FILE` writes the harness's
# built-in 10 KB Vietnamese letter), RATE (offer this many messages a second instead of as
# fast as SESSIONS sessions go: an smtp-source of BATCH (4) one-message sessions is started
# every BATCH/RATE seconds, as MTAs send), CLAMD_TMP (clamd's TemporaryDirectory, /dev/shm:
# clamd writes each message and each part it unpacks there; on disk that is a third of its CPU
# on small mail, and `canhgac doctor` warns of it).
set -eu
N=${N:-2000}
SESSIONS=${SESSIONS:-8}
SIZE=${SIZE:-10240}
MODE=${MODE:-noop}
CANHGAC=${CANHGAC:-target/release/canhgac}
BASE=${BASE_PORT:-27020}
SINK=$BASE
SMTPD=$((BASE + 1))
MILTER=$((BASE + 2))
METRICS=$((BASE + 3))

dir=$(mktemp -d /tmp/canhgac-through-postfix.XXXXXX)
chmod 755 "$dir"
mkdir "$dir/conf" "$dir/queue" "$dir/data" "$dir/milter"
chown postfix "$dir/data"
pids=""
cleanup() {
    postfix -c "$dir/conf" stop >/dev/null 2>&1 || true
    for p in $pids; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM

smtp-sink -u postfix 127.0.0.1:$SINK 256 &
pids="$pids $!"

milters=""
mpid=""
cpid=""
clamd="[clamd]\nenabled = false"
if [ "$MODE" = clamd ]; then
    # A private clamd on the project's own signatures (never freshclam), as the tests run it.
    mkdir "$dir/clamd"
    printf 'Foreground yes\nLocalSocket %s/clamd/clamd.sock\nDatabaseDirectory %s\nLogFile %s/clamd/clamd.log\nStreamMaxLength 40M\nMaxFileSize 40M\nMaxScanSize 100M\nUser root\nTemporaryDirectory %s\n' \
        "$dir" "$(cd "$(dirname "$0")/.." && pwd)/rules/clamav" "$dir" "${CLAMD_TMP:-/dev/shm}" >"$dir/clamd/clamd.conf"
    clamd -c "$dir/clamd/clamd.conf" >/dev/null 2>&1 &
    cpid=$!
    pids="$pids $cpid"
    i=0
    until [ -S "$dir/clamd/clamd.sock" ]; do
        i=$((i + 1)); [ $i -lt 600 ] || { cat "$dir/clamd/clamd.log"; exit 1; }; sleep 0.1
    done
    clamd="[clamd]\nenabled = true\nendpoints = [\"unix:$dir/clamd/clamd.sock\"]"
fi
if [ "$MODE" != none ]; then
    printf '%b\n[auth]\nenabled = false\n[web]\nenabled = false\n[metrics]\nlisten = "127.0.0.1:%s"\n[store]\npath = "%s/milter/q.db"\n[audit]\nkey_file = "%s/milter/audit.key"\n%b\n' \
        "$clamd" "$METRICS" "$dir" "$dir" "${EXTRA_CONFIG:-}" > "$dir/milter/canhgac.toml"
    noop=""
    [ "$MODE" = noop ] && noop=--noop
    "$CANHGAC" serve $noop --listen "inet:127.0.0.1:$MILTER" --config "$dir/milter/canhgac.toml" \
        >"$dir/milter/log" 2>&1 &
    mpid=$!
    pids="$pids $mpid"
    milters="inet:127.0.0.1:$MILTER"
    i=0
    until (echo >/dev/tcp/127.0.0.1/$MILTER) 2>/dev/null; do
        i=$((i + 1)); [ $i -lt 100 ] || { cat "$dir/milter/log"; exit 1; }; sleep 0.1
    done
fi

cat >"$dir/conf/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $dir/queue
data_directory = $dir/data
maillog_file_prefixes = $dir
maillog_file = $dir/maillog
mail_owner = postfix
setgid_group = postdrop
shlib_directory = /usr/lib/postfix
meta_directory = /etc/postfix
myhostname = mx.bench.lamdong.gov.vn
mydomain = bench.lamdong.gov.vn
myorigin = \$myhostname
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relay_domains = lamdong.gov.vn
relayhost = [127.0.0.1]:$SINK
smtp_host_lookup = native
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtp_tls_security_level = none
smtpd_tls_security_level = none
alias_maps =
alias_database =
local_recipient_maps =
biff = no
smtputf8_enable = no
message_size_limit = 36700160
smtpd_milters = $milters
milter_protocol = 6
milter_default_action = tempfail
default_process_limit = 100
import_environment = MAIL_CONFIG MAIL_DEBUG MAIL_LOGTAG TZ LANG=C
EOF
cat >"$dir/conf/master.cf" <<EOF
127.0.0.1:$SMTPD inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
postfix -c "$dir/conf" start >/dev/null || { cat "$dir/maillog" 2>/dev/null; exit 1; }
i=0
until (echo >/dev/tcp/127.0.0.1/$SMTPD) 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 200 ] || { echo "postfix did not start"; exit 1; }; sleep 0.1
done

# The milter's processes (the daemon and its workers) and their CPU ticks and voluntary switches.
family() { [ -n "$mpid" ] && { echo "$mpid"; pgrep -P "$mpid" || true; }; }
ticks() {
    t=0
    for p in ${1:-$(family)}; do
        set -- $(cut -d')' -f2 "/proc/$p/stat")
        t=$((t + ${12} + ${13}))
    done
    echo $t
}
switches() {
    s=0
    for p in $(family); do
        for f in /proc/$p/task/*/status; do
            v=$(awk '/^voluntary_ctxt_switches/ {print $2}' "$f")
            s=$((s + v))
        done
    done
    echo $s
}
drained() { postqueue -c "$dir/conf" -p 2>/dev/null | grep -q 'Mail queue is empty'; }
body="-l $SIZE"
[ -n "${MESSAGE:-}" ] && { body="-F $MESSAGE"; SIZE=$(wc -c <"$MESSAGE"); }
send() {
    smtp-source $body -m "$1" -s "$SESSIONS" -f a@lamdong.gov.vn -t b@lamdong.gov.vn \
        127.0.0.1:$SMTPD
    until drained; do sleep 0.05; done
}

# RATE messages a second, open loop: BATCH sessions started together on schedule.
paced() {
    local n=$1 b=${BATCH:-4} i=0 t0 next now d srcs=""
    t0=$(date +%s%N)
    while [ "$i" -lt "$n" ]; do
        next=$((t0 + i * 1000000000 / RATE))
        now=$(date +%s%N)
        d=$((next - now))
        [ "$d" -gt 0 ] && sleep "$(printf '%d.%09d' $((d / 1000000000)) $((d % 1000000000)))"
        smtp-source $body -m "$b" -s "$b" -f a@lamdong.gov.vn -t b@lamdong.gov.vn 127.0.0.1:$SMTPD &
        srcs="$srcs $!"
        i=$((i + b))
    done
    wait $srcs
    until drained; do sleep 0.05; done
}

send 200 # warm-up: workers started, caches filled
hz=$(getconf CLK_TCK)
t0=$(ticks); g0=0; [ -n "$mpid" ] && g0=$(ticks "$mpid"); s0=$(switches); c0=0; [ -n "$cpid" ] && c0=$(ticks "$cpid"); start=$(date +%s.%N)
if [ -n "${RATE:-}" ]; then paced "$N"; else send "$N"; fi
end=$(date +%s.%N); t1=$(ticks); g1=0; [ -n "$mpid" ] && g1=$(ticks "$mpid"); s1=$(switches); c1=0; [ -n "$cpid" ] && c1=$(ticks "$cpid")
awk -v n="$N" -v a="$start" -v b="$end" -v t="$((t1 - t0))" -v hz="$hz" -v s="$((s1 - s0))" -v mode="$MODE" \
    -v c="$((c1 - c0))" -v g="$((g1 - g0))" -v rate="${RATE:-}" \
    -v sessions="$SESSIONS" -v size="$SIZE" 'BEGIN {
    secs = b - a
    if (rate != "")
        printf "mode %s: %d messages of %d bytes, %s msg/s offered, in %.2f s = %.0f msg/s\n", mode, n, size, rate, secs, n / secs
    else
        printf "mode %s: %d messages of %d bytes, %d sessions, in %.2f s = %.0f msg/s\n", mode, n, size, sessions, secs, n / secs
    if (mode != "none")
        printf "milter CPU %.3f ms per message (the daemon %.3f, its workers %.3f), %.1f voluntary context switches per message\n", t * 1000 / hz / n, g * 1000 / hz / n, (t - g) * 1000 / hz / n, s / n
    if (mode == "clamd")
        printf "clamd CPU %.3f ms per message\n", c * 1000 / hz / n
}'
