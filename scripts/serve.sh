#!/usr/bin/env bash
# Prepare everything and run the chat on http://127.0.0.1:7860 (the index is built
# from corpus/ on first run). Extra arguments go to `policyqa serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export ANONYMIZED_TELEMETRY=False HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
exec .venv/bin/policyqa serve "$@"
