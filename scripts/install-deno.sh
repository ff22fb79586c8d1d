#!/usr/bin/env bash
# Deno, the runtime of Supabase Edge Functions, from the npm registry into .tools/ (no other
# download). The tests type-check, unit-test and run the edge functions with it.
set -euo pipefail
cd "$(dirname "$0")/.."
DENO_VERSION=2.9.6
bin=.tools/node_modules/@deno/linux-x64-glibc/deno
if [ -x "$bin" ] && "$bin" --version | grep -q "deno $DENO_VERSION "; then
    exit 0
fi
npm install --prefix .tools --no-audit --no-fund --silent "deno@$DENO_VERSION" >/dev/null
"$bin" --version | head -1
