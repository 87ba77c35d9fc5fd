#!/usr/bin/env bash
# Load benchmark of the workshop server: PHONES (default 200) simulated phones on loopback, each
# filling its own cooperative's self-assessment answer by answer (scripts/serve-load.py), against
# a release build of salama-serve on a fresh data folder. Prints throughput, p50/p99 latency,
# errors, the answers found in the files afterwards, and the server's memory. Exits non-zero on
# any error or lost answer.
#   scripts/benchmark-serve.sh [PHONES [THINK_MS]]
# THINK_MS (default 0: as fast as the server answers) is each phone's pause between answers.
set -euo pipefail
cd "$(dirname "$0")/.."
phones="${1:-200}"
think="${2:-0}"
swift build -c release --product salama-serve >/dev/null
binary="$(swift build -c release --show-bin-path)/salama-serve"
work="$(mktemp -d "${TMPDIR:-/tmp}/salama-bench-serve.XXXXXX")"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -INT "$server"; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
echo "bench-passphrase-$$" > "$work/passphrase"
"$binary" --data "$work/data" --checklists Checklists --port 0 --passphrase-file "$work/passphrase" > "$work/out" 2> "$work/err" &
server=$!
for _ in $(seq 1 100); do
  grep -q "Listening on" "$work/out" 2>/dev/null && break
  sleep 0.1
done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out" | tail -1)"
echo "salama-serve $binary on $url, $phones phones, ${think} ms between answers, $(nproc) cores" >&2
python3 scripts/serve-load.py "$url" "$work/data" "bench-passphrase-$$" "$phones" "$server" "$think"
