#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs to drive the packaged extension in a real VS Code for the browser:
# Debian's chromium and libkrb5-dev, a Node 24 binary (the npm package node-linux-<arch>) and code-server,
# which is VS Code for the browser. They go into a cache folder, never into the project's dependencies:
# RAC_E2E_CACHE, or .cache/e2e/ in the project (git-ignored). Does nothing for what is already there, so
# CI and developers can run it before every `npm run test:e2e`.
#
# Usage: scripts/e2e-setup.sh        (apt-get needs root when a Debian package is missing)
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24

root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${RAC_E2E_CACHE:-$root/.cache/e2e}"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "e2e-setup: no node-linux package for $(uname -m)" >&2; exit 1 ;;
esac
node_pkg="$cache/node/node_modules/node-linux-$arch"
node_bin="$node_pkg/bin/node"
cs_dir="$cache/cs"
cs_entry="$cs_dir/node_modules/code-server/out/node/entry.js"
# Written last: a code-server install that was interrupted (its postinstall builds native modules for
# minutes) has the entry file but not this marker, and is redone.
cs_marker="$cs_dir/.installed-$CODE_SERVER_VERSION"

start=$SECONDS
step() { printf 'e2e-setup: %s\n' "$*"; }

# 1. Debian packages: the browser Playwright drives, and the Kerberos headers code-server's native modules build against.
missing=()
for pkg in chromium libkrb5-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "e2e-setup: missing Debian packages: ${missing[*]}; install them as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  step "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. Node 24: code-server requires exactly this major version (the project itself builds and tests on Node 20+).
if [ ! -x "$node_bin" ] || [[ "$("$node_bin" --version)" != "v$NODE_MAJOR."* ]]; then
  step "node-linux-$arch@$NODE_MAJOR into $cache/node"
  mkdir -p "$cache/node"
  npm install --prefix "$cache/node" --no-audit --no-fund --loglevel=error "node-linux-$arch@$NODE_MAJOR"
fi

# 3. code-server, installed by npm running under Node 24 (its postinstall checks the version and runs
#    `npm install` for VS Code's own modules, whose package.json approves their install scripts).
if [ ! -f "$cs_marker" ] || [ ! -f "$cs_entry" ]; then
  step "code-server@$CODE_SERVER_VERSION into $cs_dir (builds native modules: a few minutes)"
  rm -rf "$cs_dir"
  mkdir -p "$cs_dir"
  # npm 11 runs a dependency's install scripts only when package.json approves them (allowScripts);
  # this private manifest approves the two that code-server needs, for this folder only.
  cat >"$cs_dir/package.json" <<'JSON'
{
  "private": true,
  "description": "code-server for the end-to-end tests of Relationship as Code (scripts/e2e-setup.sh)",
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
  # Native modules build against Node 24's own headers (shipped in node-linux-*), not a nodedir set in
  # ~/.npmrc for the system Node, and nothing is downloaded from nodejs.org.
  PATH="$(dirname "$node_bin"):$PATH" npm_config_nodedir="$node_pkg" \
    npm install --prefix "$cs_dir" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  # Its own config file (written on first run), so nothing lands in ~/.config/code-server.
  version="$("$node_bin" "$cs_entry" --config "$cs_dir/config.yaml" --version 2>&1 || true)"
  if ! grep -q "^$CODE_SERVER_VERSION " <<<"$version"; then
    echo "e2e-setup: code-server does not start: $node_bin $cs_entry --version printed: $version" >&2
    exit 1
  fi
  touch "$cs_marker"
fi

step "ready in $((SECONDS - start))s: $("$node_bin" --version), code-server $CODE_SERVER_VERSION, $(chromium --version 2>/dev/null || echo chromium)"
