#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer, LeakSanitizer included (ASan's leak check
# is on by default on Linux; the toolchain's own runtime carries it, so no other package is
# needed). Every process the tests start is checked too: the `salama` binary the CLI tests run
# is built with the same sanitizer.
#
# Usage: scripts/asan.sh [swift test options]      e.g. scripts/asan.sh --filter SalamaModelTests
# Builds into .build-asan (git-ignored). Exits non-zero when a test fails or a sanitizer
# reports (ASan stops the process on the first error; LSan reports leaks at exit and the
# process then exits with 23).
set -euo pipefail
cd "$(dirname "$0")/.."

# Swift's own crash backtracer would hold a crashing process: let the sanitizer report.
export SWIFT_BACKTRACE=enable=no
# detect_leaks: the leak check at exit. detect_stack_use_after_return is off: Swift's async
# code and the checker disagree about fake stacks. Others may be added by the caller.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=0:halt_on_error=1:symbolize=1}
# Leaks of the toolchain's own libraries, not of Salama: XCTest's runner keeps its suite objects
# until exit, and Foundation's Process leaves the side table of a weak reference behind each
# run (the CLI tests start `salama` with it).
mkdir -p .build-asan
cat > .build-asan/lsan-suppressions.txt <<'SUPPRESSIONS'
leak:libXCTest.so
leak:Foundation7ProcessC3runyyKF
SUPPRESSIONS
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$(pwd)/.build-asan/lsan-suppressions.txt:print_suppressions=1}

swift build --build-tests --sanitize=address --scratch-path .build-asan 2>&1 \
  | grep -v "Cannot export local symbol" | grep -E "error|warning: |Compiling|Build" | grep -v "^\[" || true
swift test --skip-build --sanitize=address --scratch-path .build-asan "$@" 2>&1 | grep -v "Cannot export local symbol"
