#!/usr/bin/env bash
# Benchmark of `salama summary` against libxml2's bare parse (`xmllint --noout --nonet`) over
# N seeded synthetic assessments of the bundled checklist, plus peak memory.
#
# Usage: scripts/benchmark.sh [N] [RUNS]     (defaults: 10000 files, 5 runs each)
# Prints files per second for both, the ratio (salama ÷ xmllint; ≤ 1.0 means salama, which
# also validates and evaluates, is no slower than the bare parse), peak resident memory of
# salama for N and for N/10 files (flat memory: the two should be close), and `salama check`
# of one sample from start to result against `xmllint --noout --nonet --xinclude` of the
# checklist and the sample.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
RUNS=${2:-5}
WORK=${SALAMA_BENCH_DIR:-.build-bench}

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v xmllint >/dev/null || need+=(libxml2-utils)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

swift build -c release --product salama 2>&1 | { grep -E 'error|warning:|complete' || true; } | tail -1
SALAMA=$(swift build -c release --show-bin-path)/salama
CHECKLIST=Checklists/onssa-hygiene.xml

generate() { # count folder
  if [ ! -f "$2/.complete-$1" ]; then
    rm -rf "$2"
    python3 scripts/generate-assessments.py "$CHECKLIST" "$2" "$1" --seed 2026 >/dev/null
    touch "$2/.complete-$1"
  fi
}
generate "$N" "$WORK/n$N"
SMALL=$((N / 10))
generate "$SMALL" "$WORK/n$SMALL"
find "$WORK/n$N" -name '*.xml' | sort > "$WORK/files-$N.txt"

echo "files: $N synthetic assessments ($(du -sh "$WORK/n$N" | cut -f1)), $(nproc) cores, libxml2 $(xmllint --version 2>&1 | head -1 | awk '{print $NF}')"
hyperfine --warmup 1 --runs "$RUNS" --export-json "$WORK/hyperfine.json" \
  -n "xmllint --noout --nonet" "xargs -a $WORK/files-$N.txt xmllint --noout --nonet" \
  -n "salama summary" "$SALAMA summary $WORK/n$N --checklist $CHECKLIST --format json --output /dev/null" \
  >/dev/null

python3 - "$WORK/hyperfine.json" "$N" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
n = int(sys.argv[2])
lint = results["xmllint --noout --nonet"]["median"]
salama = results["salama summary"]["median"]
print(f"xmllint --noout --nonet: {lint:.3f} s median, {n / lint:,.0f} files/s")
print(f"salama summary:          {salama:.3f} s median, {n / salama:,.0f} files/s")
print(f"ratio salama / xmllint:  {salama / lint:.2f}")
PY

peak() { /usr/bin/time -v "$SALAMA" summary "$1" --checklist "$CHECKLIST" --format json --output /dev/null 2>&1 >/dev/null | awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}'; }
echo "peak memory: $(( $(peak "$WORK/n$N") / 1024 )) MB for $N files, $(( $(peak "$WORK/n$SMALL") / 1024 )) MB for $SMALL files"

SAMPLE=Samples/nakhil-erfoud-self.xml
hyperfine -N --warmup 3 --runs $((RUNS * 10)) --export-json "$WORK/hyperfine-check.json" \
  -n "xmllint --xinclude" "xmllint --noout --nonet --xinclude $CHECKLIST $SAMPLE" \
  -n "salama check" "$SALAMA check $SAMPLE --checklist $CHECKLIST" \
  >/dev/null
python3 - "$WORK/hyperfine-check.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
lint = results["xmllint --xinclude"]["median"] * 1000
salama = results["salama check"]["median"] * 1000
print(f"check of one sample:     salama {salama:.1f} ms median, xmllint --xinclude {lint:.1f} ms: {salama / lint:.1f}x")
PY
