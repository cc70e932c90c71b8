#!/usr/bin/env bash
# Prepare everything and run every check: ruff, mypy, pytest (unit, integration with a
# real Chroma server started by the fixtures, browser), then the eval gate.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser || exit 1
export PATH="$PWD/.venv/bin:$PATH"
export ANONYMIZED_TELEMETRY=False HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
# Local state for the checks lives in a scratch folder, never in the user's data dir.
export POLICYQA_DATA_DIR="${POLICYQA_CHECK_DATA_DIR:-$PWD/.policyqa-check}"

status=0
echo "== ruff" >&2
ruff check . || status=1
echo "== mypy" >&2
mypy || status=1

echo "== pytest" >&2
mkdir -p artifacts
pytest -p no:cacheprovider "$@"
rc=$?
if [ $rc -eq 5 ]; then
  echo "pytest collected no tests: that is a failure here" >&2
  status=1
elif [ $rc -ne 0 ]; then
  status=1
fi

echo "== eval gate" >&2
policyqa eval --gate --out artifacts/eval-report || status=1

if [ $status -ne 0 ]; then echo "checks FAILED" >&2; else echo "checks passed" >&2; fi
exit $status
