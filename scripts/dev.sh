#!/usr/bin/env bash
# The project's two front-door commands (see README.md):
#   ./scripts/dev.sh serve   build and serve the app with demo data on http://127.0.0.1:8080
#   ./scripts/dev.sh test    run every check and test: fmt, clippy, host, wasm-in-Chromium, end-to-end
# Each installs whatever is missing (wasm target, trunk, wasm-bindgen-cli at the locked version,
# Debian chromium + chromium-driver, npm packages) and skips what is already present.
# Also: ./scripts/dev.sh build (release site in dist/), ./scripts/dev.sh bench (browser benchmark
# and Lighthouse). The release site is for the site root unless PUBLIC_URL says where it will be
# served, e.g.  PUBLIC_URL=/console/ ./scripts/dev.sh build      (DIST=dir writes it elsewhere than dist/)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

# Where tests/pingone-emulator/ serves its API and authorization server: in `try-pingone`, and
# for each of the two end-to-end workers (tests/e2e/support/pingone.mjs names the same ports).
EMULATOR_ORIGINS="http://127.0.0.1:4191 http://127.0.0.1:4192"
E2E_EMULATOR_ORIGINS="$EMULATOR_ORIGINS http://127.0.0.1:4201 http://127.0.0.1:4202"

step() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
}

# ensure_cargo_tool BINARY CRATE VERSION [extra cargo install flags]
ensure_cargo_tool() {
  local binary=$1 crate=$2 version=$3
  shift 3
  if command -v "$binary" >/dev/null && "$binary" --version 2>/dev/null | grep -q " $version\b"; then
    return
  fi
  step "installing $crate $version (one time, a few minutes)"
  cargo install "$crate" --version "$version" --force "$@"
}

ensure_chromium() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then return; fi
  step "installing Debian chromium and chromium-driver"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
}

ensure_npm_packages() {
  if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then return; fi
  step "installing npm packages (Playwright, binaryen for wasm-opt, terser, axe-core, Lighthouse)"
  npm ci --no-audit --no-fund
}

ensure_build_tools() {
  ensure_wasm_target
  # Trunk 0.22 needs a newer rustc than this toolchain; 0.21.14 with its lock file builds.
  ensure_cargo_tool trunk trunk "$TRUNK_VERSION" --locked
  # Not --locked: the registry lacks one of its locked dependency versions.
  ensure_cargo_tool wasm-bindgen wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
  ensure_npm_packages
}

# build_release [PUBLIC_URL] [DIST]: the post-build hook also writes 404.html (static hosts serve it
# for unknown paths, so deep links reach the app's router) and the .br/.gz twins.
build_release() {
  local public_url=${1:-/} dist=${2:-dist}
  step "building the release site for $public_url into $dist/"
  trunk build --release --public-url "$public_url" --dist "$dist"
}

case "${1:-}" in
  serve)
    ensure_build_tools
    step "serving on http://127.0.0.1:8080 (Ctrl+C to stop)"
    exec trunk serve --release
    ;;
  build)
    ensure_build_tools
    build_release "${PUBLIC_URL:-/}" "${DIST:-dist}"
    ;;
  test)
    ensure_build_tools
    ensure_chromium
    step "format and lints"
    cargo fmt --all -- --check
    cargo clippy --all-targets -- -D warnings
    cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
    step "host tests: domain, generator, storage rules"
    cargo test
    step "wasm tests in headless Chromium: storage and components"
    cargo test --target wasm32-unknown-unknown --tests
    step "PingOne emulator: its own tests, with real curl"
    node --test tests/pingone-emulator/
    # The end-to-end build may also reach the emulator's API and authorization server (their
    # origins join PingOne's in the CSP's connect-src), as a release for a custom domain would.
    CONNECT_ORIGINS="$E2E_EMULATOR_ORIGINS" build_release / dist
    # The same site for a sub-path, which tests/e2e/sub_path.spec.mjs serves under /console/.
    build_release /console/ dist-subpath
    step "end-to-end tests: Playwright driving Chromium against dist/ and dist-subpath/"
    # No stdin: nothing may wait for a key (the HTML report never opens, see playwright.config.mjs).
    npm run --silent test:e2e </dev/null
    ;;
  try-pingone)
    # The console beside the PingOne emulator, to try the connection without a PingOne account.
    ensure_build_tools
    CONNECT_ORIGINS="$EMULATOR_ORIGINS" build_release / dist
    node tests/pingone-emulator/server.mjs --api-port 4191 --auth-port 4192 --control-port 4193 \
      --console-origin http://127.0.0.1:8080 --redirect-uri http://127.0.0.1:8080/ &
    emulator=$!
    trap 'kill $emulator' EXIT
    step "console on http://127.0.0.1:8080: Connect to PingOne, Region Custom, the values above"
    node scripts/static-host.mjs --root dist --port 8080
    ;;
  bench)
    ensure_build_tools
    ensure_chromium
    build_release
    node bench/run.mjs
    # Lighthouse (mobile, simulated throttling) on the same dist/, served gzip-encoded.
    CHROME_PATH=/usr/bin/chromium node bench/lighthouse.mjs
    ;;
  *)
    echo "usage: $0 serve|test|build|bench|try-pingone" >&2
    exit 2
    ;;
esac
