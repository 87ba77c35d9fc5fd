#!/usr/bin/env bash
# Fuzzes the checklist and assessment loaders, and the evaluation, with libFuzzer and
# AddressSanitizer (the target is the separate package Fuzz/, see its source for the oracles).
#
# Usage: scripts/fuzz.sh [SECONDS]         fuzz for SECONDS (default 600), then print the stats
#        scripts/fuzz.sh FILE...           replay inputs (a crash found earlier, a regression)
#
# Everything it writes stays under .build-fuzz/ (git-ignored): the build, the seeds, the
# growing corpus (kept between runs) and the crashing inputs (artifacts/). A crash stops the
# run with a non-zero exit; keep the input under Tests/Fixtures/fuzz-regressions/.
#
# Environment: FUZZ_WORK (default .build-fuzz), FUZZ_MAX_LEN (65536), FUZZ_TIMEOUT (seconds
# per input, 10), FUZZ_RSS_LIMIT_MB (2048), FUZZ_ARGS (more libFuzzer options).
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$(pwd)
work=${FUZZ_WORK:-.build-fuzz}
mkdir -p "$work"
work=$(cd "$work" && pwd)

# -sanitize-coverage is explicit: with whole-module optimization (release builds), Swift 6.3's
# -sanitize=fuzzer alone leaves the code without coverage counters, and libFuzzer runs blind
# ("no interesting inputs were found… Is the code instrumented for coverage?").
build=(swift build --package-path Fuzz --scratch-path "$work/build" -c release
       --sanitize=fuzzer --sanitize=address
       -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table
       --product SalamaFuzz)
echo "building the fuzz target: ${build[*]}" >&2
# ld.gold warns about every ASan helper it cannot export; those lines say nothing.
"${build[@]}" 2>&1 | grep -v "Cannot export local symbol" >&2
binary="$("${build[@]:0:${#build[@]}-2}" --show-bin-path)/SalamaFuzz"
if ! grep -q "__sancov_cntrs" "$binary"; then
  echo "fuzz.sh: $binary has no coverage counters" >&2
  exit 1
fi
[ -x "$binary" ] || { echo "fuzz.sh: no fuzz binary at $binary" >&2; exit 1; }

# libFuzzer reports a crash itself; Swift's backtracer would only hold the process.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export SALAMA_REPOSITORY="$repository"
export TMPDIR="$work/tmp"
rm -rf "$TMPDIR" && mkdir -p "$TMPDIR"

common=(-dict="$repository/Fuzz/salama.dict"
        -max_len="${FUZZ_MAX_LEN:-65536}"
        -timeout="${FUZZ_TIMEOUT:-10}"
        -rss_limit_mb="${FUZZ_RSS_LIMIT_MB:-2048}"
        -artifact_prefix="$work/artifacts/")
mkdir -p "$work/artifacts"

if [ $# -gt 0 ] && ! [[ $1 =~ ^[0-9]+$ ]]; then
  exec "$binary" "${common[@]}" ${FUZZ_ARGS:-} "$@"
fi
seconds=${1:-600}

# Seeds: every XML file of Checklists/, Samples/ and Tests/Fixtures/, and a few pairs
# `checklist NUL assessment` that load together (so that evaluation runs from the start).
seeds="$work/seeds"
rm -rf "$seeds" && mkdir -p "$seeds" "$work/corpus"
while IFS= read -r -d '' file; do
  cp "$file" "$seeds/$(echo "${file#./}" | tr '/' '_')"
done < <(find Checklists Samples Tests/Fixtures -name '*.xml' -type f -print0 2>/dev/null)
pair() { # checklist assessment
  [ -f "$1" ] && [ -f "$2" ] || return 0
  { cat "$1"; printf '\0'; cat "$2"; } > "$seeds/pair_$(basename "$1" .xml)_$(basename "$2" .xml)"
}
pair Tests/Fixtures/checklists/valid/mini.xml Tests/Fixtures/assessments/valid/mini-self.xml
pair Tests/Fixtures/checklists/valid/minimal.xml Tests/Fixtures/assessments/valid/mini-self.xml
pair Tests/Fixtures/reports/checklist.xml Tests/Fixtures/reports/self.xml
pair Tests/Fixtures/reports/checklist.xml Tests/Fixtures/reports/inspection.xml
pair Tests/Fixtures/workbook/checklist.xml Tests/Fixtures/workbook/filled.xml
echo "seeds: $(ls "$seeds" | wc -l) files; corpus so far: $(ls "$work/corpus" | wc -l) inputs" >&2

start=$(date +%s)
status=0
"$binary" "$work/corpus" "$seeds" "${common[@]}" -max_total_time="$seconds" \
  -print_final_stats=1 ${FUZZ_ARGS:-} 2>&1 | tee "$work/last-run.log" | grep -v "Cannot export local symbol" \
  || status=$?
echo "fuzz.sh: ran $(( $(date +%s) - start )) s; corpus: $(ls "$work/corpus" | wc -l) inputs; log: $work/last-run.log" >&2
if ls "$work/artifacts" | grep -q .; then
  echo "fuzz.sh: inputs kept by libFuzzer (crashes, leaks, timeouts, out-of-memory):" >&2
  ls -l "$work/artifacts" >&2
fi
exit "$status"
