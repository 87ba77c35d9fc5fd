#!/usr/bin/env bash
# Runs the `salama` binary under valgrind's memcheck (--leak-check=full): `validate` on every
# hostile fixture and on the bundled checklist, `check` on the samples, the fixture
# assessments, the hostile fixtures and the inputs the fuzzer kept. Prints, per run, the exit code, memcheck's error count
# and the bytes "definitely lost" and "possibly lost"; the full logs stay in .build-valgrind/.
# It complements scripts/asan.sh: the binary here is the ordinary one, libxml2 included, with
# no instrumentation.
#
# Usage: scripts/valgrind.sh           Environment: SALAMA (a built binary; default: a release
#                                      build in .build-valgrind)
set -uo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null; }
logs=.build-valgrind/logs
if [ -z "${SALAMA:-}" ]; then
  swift build -c release --scratch-path .build-valgrind --product salama 2>&1 | grep -E "error|Build" >&2
  SALAMA="$(swift build -c release --scratch-path .build-valgrind --show-bin-path)/salama"
fi
rm -rf "$logs" && mkdir -p "$logs"
export SWIFT_BACKTRACE=enable=no

status=0
printf '%-58s | %-4s | %-6s | %-16s | %s\n' run exit errors "definitely lost" "possibly lost"
memcheck() { # NAME ARGUMENTS...
  local name=$1; shift
  local log="$logs/$(echo "$name" | tr '/ ' '__').log"
  valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,possible --errors-for-leak-kinds=definite \
    --num-callers=30 --log-file="$log" "$SALAMA" "$@" >/dev/null 2>&1
  local code=$?
  local errors definite possible
  errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$log" | tail -1)
  definite=$(sed -n 's/.*definitely lost: \([0-9,]* bytes\).*/\1/p' "$log" | tail -1)
  possible=$(sed -n 's/.*possibly lost: \([0-9,]* bytes\).*/\1/p' "$log" | tail -1)
  printf '%-58s | %-4s | %-6s | %-16s | %s\n' "$name" "$code" "${errors:-?}" "${definite:-0 bytes}" "${possible:-0 bytes}"
  if [ "${errors:-1}" != "0" ]; then status=1; fi
}

for file in Tests/Fixtures/hostile/*.xml Checklists/onssa-hygiene.xml; do
  memcheck "validate ${file#Tests/Fixtures/}" validate "$file"
done
for file in Samples/*.xml Tests/Fixtures/hostile/*.xml Tests/Fixtures/fuzz-regressions/*.xml; do
  [ -f "$file" ] || continue
  memcheck "check ${file#Tests/Fixtures/}" check --checklists Checklists "$file"
done
for file in Tests/Fixtures/assessments/*/*.xml; do
  memcheck "check ${file#Tests/Fixtures/}" check --checklist Tests/Fixtures/checklists/valid/mini.xml --format json "$file"
done
exit "$status"
