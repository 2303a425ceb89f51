#!/usr/bin/env bash
# The project's one test command (README, .ci/run and the CI "test" job all run it):
#   bash scripts/test-all.sh
# Installs the Debian tools the interop tests need, installs node_modules when missing or
# stale, then runs typecheck, lint, the Jest suites and check-dist. It goes through every step
# even when one fails, and ends with exactly one line "N passed, N failed": N counts Jest tests
# plus one for each other step (typecheck, lint, check-dist). Exit status is non-zero if
# anything failed. CI=true (set by CI, not here) makes tests that need a missing tool fail.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

passed=0
failed=0
failures=()

note() { printf '\n==> %s\n' "$*"; }

# Runs one counted step: its name, then the command.
step() {
  local name=$1
  shift
  note "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
  fi
}

finish() {
  if [ "${#failures[@]}" -gt 0 ]; then
    printf '\nfailed: %s\n' "${failures[*]}"
  fi
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

note "test dependencies"
if ! bash scripts/install-test-deps.sh; then
  echo "warning: could not install every test dependency; tests that need a missing tool will say so" >&2
fi

# npm writes node_modules/.package-lock.json on every install; an older one means the lock
# file changed since (a pull, a branch switch) and node_modules may not match it.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  note "npm ci"
  if ! npm ci --no-audit --no-fund; then
    failed=$((failed + 1))
    failures+=("npm ci")
    finish
  fi
fi

step typecheck npm run --silent typecheck
step lint npm run --silent lint

note "jest"
report=$(mktemp "${TMPDIR:-/tmp}/jest-report.XXXXXX")
trap 'rm -f "$report"' EXIT
npm test -- --json --outputFile="$report"
jest_status=$?
# Tests passed and failed, plus suites that failed to run at all (a compile error leaves no
# test behind to count), plus one failure if Jest failed without reporting a failed test.
counts=$(node -e '
  const fs = require("node:fs");
  let r;
  try { r = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); } catch { console.log("0 0 0"); process.exit(); }
  const broken = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.every((a) => a.status !== "failed")).length;
  console.log(r.numPassedTests, r.numFailedTests, broken);
' "$report")
read -r jest_passed jest_failed jest_broken <<<"$counts"
passed=$((passed + jest_passed))
failed=$((failed + jest_failed + jest_broken))
if [ $((jest_failed + jest_broken)) -gt 0 ]; then
  failures+=("jest ($jest_failed tests, $jest_broken suites that did not run)")
elif [ "$jest_status" -ne 0 ]; then
  failed=$((failed + 1))
  failures+=("jest (exit $jest_status without a failed test)")
fi

step check-dist npm run --silent check-dist

finish
