# Sourced by scripts/fetch-models.sh and scripts/fetch-onvif-npm.sh (not run on its own):
# verified npm tarballs in a cache. The sourcing script sets $cache and defines say() and die().
#
#   sha_ok FILE SHA256       the file exists and has that SHA-256
#   fetch SPEC TARBALL SHA256
#       the verified tarball in $cache, from the npm registry with `npm pack` when missing (never
#       `npm install`: no install scripts run, no other package is resolved); a download whose
#       SHA-256 differs from the pinned one is refused.

sha_ok() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]; }

fetch() {
    local spec=$1 tgz=$2 sha=$3
    if sha_ok "$cache/$tgz" "$sha"; then
        return
    fi
    [ -f "$cache/$tgz" ] && say "$tgz in the cache does not match its SHA-256; fetching it again"
    command -v npm >/dev/null || die "npm is needed to fetch $spec (or put $tgz into $cache)"
    local tmp
    tmp=$(mktemp -d "$cache/.pack.XXXXXX")
    say "npm pack $spec"
    if ! (cd "$tmp" && npm pack "$spec" --silent >/dev/null); then
        rm -rf "$tmp"
        die "npm pack $spec failed"
    fi
    if ! sha_ok "$tmp/$tgz" "$sha"; then
        local got
        got=$( [ -f "$tmp/$tgz" ] && sha256sum "$tmp/$tgz" | cut -d' ' -f1 || echo "no $tgz")
        rm -rf "$tmp"
        die "$spec: SHA-256 mismatch (expected $sha, got $got); refusing to use it"
    fi
    mv -f "$tmp/$tgz" "$cache/$tgz"
    rm -rf "$tmp"
}
