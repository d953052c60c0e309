#!/usr/bin/env bash
# Writers and watchers on one article while git maintenance runs (issue 16, items 1 and 3).
#
#   scripts/stress-store.sh                     8 writers × 100 captures, 2 watchers
#   WRITERS=4 CAPTURES=15 scripts/stress-store.sh
#
# WRITERS processes each run CAPTURES `redline snap`s of distinct captures of the article
# `shared`, one after the other; WATCHERS `redline watch`es poll a local page server (every
# request a new page) into the same article; meanwhile a loop runs `git gc`, `git repack -ad` and
# `git pack-refs --all` (`git gc --prune=now` with PRUNE=now, which deletes loose objects no branch
# reaches however new). Then it checks: every snap succeeded, the branch holds
# exactly the writers' captures plus the versions the watchers reported, numbered 1…N without a
# gap, `git fsck --strict` and `git verify-pack` are clean, and every watcher was still running at the end.
# Prints one summary line and exits 0 when all of that holds, 1 otherwise.
#
# REDLINE names the executable (default .build/debug/redline); KEEP=1 keeps the work folder;
# PAD=N adds N paragraphs every capture and page shares (PAD=4000: some 300 KB, past the size
# from which a new version is stored as a delta ahead of its base: AppendPlan.storeAhead); GC=0
# runs no git maintenance (then every capture rewrites redline's own pack).
set -u
cd "$(dirname "$0")/.."
root=$(pwd)
redline=${REDLINE:-$root/.build/debug/redline}
writers=${WRITERS:-8}
captures=${CAPTURES:-100}
watchers=${WATCHERS:-2}
work=$(mktemp -d "${TMPDIR:-/tmp}/redline-stress-XXXXXX")
repo=$work/track.git
server_pid='' gc_pid='' watcher_pids=()
cleanup() {
    [ -n "$gc_pid" ] && kill "$gc_pid" 2>/dev/null
    for pid in "${watcher_pids[@]}"; do kill "$pid" 2>/dev/null; done
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
    wait 2>/dev/null
    [ "${KEEP:-0}" = 1 ] && echo "work folder: $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT
failures=()

# A capture of the article: six paragraphs, different for every n.
capture() {
    printf 'Live: a story that keeps changing\n\n'
    for p in 0 1 2 3 4 5; do
        printf 'Paragraph %d of capture %d: the council met again and reported progress on item %d.\n\n' "$p" "$1" $((p * 7 + $1))
    done
    printf "%s" "$padding"
}
padding=$(for p in $(seq "${PAD:-0}"); do printf 'Earlier paragraph %d: what was reported before, told at some length again.\n\n' "$p"; done)

"$redline" init --repo "$repo" >/dev/null || { echo "init failed" >&2; exit 1; }

# The page server: a new page on every request, about as long as a capture.
python3 - "$work/steps.json" "${PAD:-0}" <<'EOF'
import json, sys
pages = []
padding = "".join(f"<p>Earlier paragraph {p}: what was reported before, told at some length again.</p>" for p in range(1, int(sys.argv[2]) + 1))
for n in range(4000):
    paragraphs = "".join(f"<p>Paragraph {p} of page {n}: the council met again and reported progress on item {p * 7 + n}.</p>" for p in range(6))
    paragraphs += padding
    pages.append({"body": f"<html><head><title>Live: a story that keeps changing</title></head><body><article>"
                          f"<h1>Live: a story that keeps changing</h1>{paragraphs}</article></body></html>"})
json.dump(pages, open(sys.argv[1], "w"))
EOF
python3 "$root/Tests/RedlineTrackerTests/Fixtures/page_server.py" "$work/steps.json" "$work/requests.jsonl" "$work/port" &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$work/port")/live"

for w in $(seq "$watchers"); do
    "$redline" watch shared "$url" --every 100ms --timeout 5 --repo "$repo" >"$work/watch-$w.out" 2>"$work/watch-$w.log" &
    watcher_pids+=($!)
done

( while [ ! -e "$work/stop" ] && [ "${GC:-1}" = 1 ]; do
      git --git-dir="$repo" gc -q ${PRUNE:+--prune="$PRUNE"}
      git --git-dir="$repo" repack -adq
      git --git-dir="$repo" pack-refs --all
      echo run >>"$work/gc-runs"
  done ) 2>"$work/gc.err" &
gc_pid=$!

start=$(date +%s)
writer_pids=()
for w in $(seq 0 $((writers - 1))); do
    for i in $(seq 0 $((captures - 1))); do capture $((w * 1000 + i)) >"$work/w$w-$i.txt"; done
    ( for i in $(seq 0 $((captures - 1))); do
          "$redline" snap shared "$work/w$w-$i.txt" --repo "$repo" || echo "FAILED w$w-$i"
      done ) >"$work/writer-$w.out" 2>&1 &
    writer_pids+=($!)
done
wait "${writer_pids[@]}"
seconds=$(( $(date +%s) - start ))
touch "$work/stop"
wait "$gc_pid"; gc_pid=''

alive=0
for pid in "${watcher_pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=$((alive + 1)); done
for pid in "${watcher_pids[@]}"; do kill -INT "$pid" 2>/dev/null; done
for pid in "${watcher_pids[@]}"; do wait "$pid" || failures+=("a watcher exited with status $?"); done
watcher_pids=()
[ "$alive" = "$watchers" ] || failures+=("only $alive of $watchers watchers were still running")

failed=$(cat "$work"/writer-*.out | grep -c '^FAILED')
[ "$failed" = 0 ] || failures+=("$failed snaps failed: $(cat "$work"/writer-*.out | grep -v '^FAILED\|: version ' | head -3 | tr '\n' ' ')")
watched=$(cat "$work"/watch-*.log | grep -c '  version [0-9]')
watch_errors=$(cat "$work"/watch-*.log | grep -c '  error  ')
expected=$((writers * captures - failed + watched))
count=$(git --git-dir="$repo" rev-list --count articles/shared)
[ "$count" = "$expected" ] || failures+=("$count versions on the branch, $expected expected")
numbers=$(git --git-dir="$repo" log --format=%B articles/shared | sed -n 's/^Redline-Version: //p' | tr '\n' ' ')
[ "$numbers" = "$(seq "$count" -1 1 | tr '\n' ' ')" ] || failures+=("versions not numbered 1…$count without gaps")
git --git-dir="$repo" fsck --strict >"$work/fsck.out" 2>&1 || failures+=("git fsck: $(head -3 "$work/fsck.out" | tr '\n' ' ')")
# What fsck does not check: each object once in a pack, every delta resolved (a trial found both).
for index in "$repo"/objects/pack/*.idx; do
    [ -e "$index" ] || continue
    git --git-dir="$repo" verify-pack "$index" >"$work/verify.out" 2>&1 || failures+=("git verify-pack: $(head -2 "$work/verify.out" | tr '\n' ' ')")
done

echo "$writers writers × $captures captures, $watchers watchers ($watched versions, $watch_errors errors logged) in ${seconds}s" \
     "with $(wc -l <"$work/gc-runs" 2>/dev/null || echo 0) gc/repack/pack-refs rounds: $count versions (expected $expected)," \
     "numbered $( [ "$numbers" = "$(seq "$count" -1 1 | tr '\n' ' ')" ] && echo "1…$count without gaps" || echo "WITH GAPS"),"\
     "fsck $( git --git-dir="$repo" fsck --strict >/dev/null 2>&1 && echo clean || echo FAILED ), $alive of $watchers watchers running at the end"
if [ ${#failures[@]} -gt 0 ]; then
    printf 'FAILED: %s\n' "${failures[@]}"
    KEEP=1
    exit 1
fi
