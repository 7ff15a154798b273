#!/usr/bin/env bash
# Fetches the npm `onvif` client (agsh/onvif) and its dependencies for the ONVIF interop test
# (tests/e2e/onvif_interop.mjs) and unpacks them into OUT_DIR/node_modules:
#   onvif 0.8.3 -> xml2js 0.6.2 -> sax 1.4.1, xmlbuilder 11.0.1
#
# Like scripts/fetch-models.sh: the tarballs come from the npm registry with `npm pack` (never
# `npm install`: no install scripts run, no other package is resolved), are kept in
# ${VMS_NPM_CACHE:-$HOME/.cache/vms/npm}, checked against the SHA-256 pinned below and reused,
# so that a filled cache works offline. Idempotent: OUT_DIR/node_modules/.complete is newer than
# the tarballs and this script once done.
set -euo pipefail

out=${1:?usage: fetch-onvif-npm.sh OUT_DIR}
cache=${VMS_NPM_CACHE:-$HOME/.cache/vms/npm}

# name version tarball sha256
packages=(
    "onvif 0.8.3 onvif-0.8.3.tgz 65ec5f4984a8500cecbdff0da70774750dbb592a15e315d163a6b3201c9a6c36"
    "xml2js 0.6.2 xml2js-0.6.2.tgz 6386154e63b28c5f4411bf2348596105d262e36600104dd9584e2b7251f56a11"
    "sax 1.4.1 sax-1.4.1.tgz ce758b585dd0f6e010bb375db1c081be70fddea7f1af129404e6f07db2ed9309"
    "xmlbuilder 11.0.1 xmlbuilder-11.0.1.tgz 8af7744b545bc3c8883589dafd5536b06194edb6ea667d5fd7f2cfee4c121c94"
)

say() { echo "fetch-onvif-npm: $*"; }
die() { echo "fetch-onvif-npm: $*" >&2; exit 1; }

mkdir -p "$cache" "$out"
# Builds in several build directories may share the cache.
exec 9>"$cache/.lock"
flock 9

# sha_ok and fetch (npm pack, pinned SHA-256, cache).
. "$(dirname "${BASH_SOURCE[0]}")/npm-fetch.sh"

for p in "${packages[@]}"; do
    read -r name version tgz sha <<<"$p"
    fetch "$name@$version" "$tgz" "$sha"
done

modules="$out/node_modules"
stamp="$modules/.complete"
if [ -f "$stamp" ] && [ "$stamp" -nt "${BASH_SOURCE[0]}" ]; then
    fresh=1
    for p in "${packages[@]}"; do
        read -r name version tgz sha <<<"$p"
        [ "$stamp" -nt "$cache/$tgz" ] || fresh=0
    done
    if [ "$fresh" = 1 ]; then
        say "node_modules in $out are up to date"
        exit 0
    fi
fi

# A flat node_modules tree: every dependency resolves from the top level.
rm -rf "$modules"
mkdir -p "$modules"
for p in "${packages[@]}"; do
    read -r name version tgz sha <<<"$p"
    mkdir -p "$modules/$name"
    tar -xzf "$cache/$tgz" -C "$modules/$name" --strip-components=1 --no-same-owner
done
touch "$stamp"
say "onvif@0.8.3 and its dependencies unpacked into $modules"
