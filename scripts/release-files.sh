#!/bin/sh
# Builds the static release binary (incrementally, in the normal .build) and writes into DIR what every way of
# installing jira-ci ships, all taken from that binary so none of it can drift from its --help:
#
#   DIR/jira-ci        the binary, stripped
#   DIR/jira-ci.bash   DIR/_jira-ci   DIR/jira-ci.fish    completions for bash, zsh and fish
#   DIR/jira-ci.1      the man page, by swift-argument-parser's generate-manual
#
#   scripts/release-files.sh DIR     (make install and scripts/dist.sh use it)
#
# SOURCE_DATE_EPOCH, when set, dates the man page (else today).
set -eu
[ "$#" -eq 1 ] || { echo "usage: scripts/release-files.sh DIR" >&2; exit 2; }
out=$1
cd "$(dirname "$0")/.."

# --disable-build-manifest-caching: the cached manifest does not record --static-swift-stdlib, so after any build
# without it in .build (`swift package generate-manual` makes one), a cached manifest links the Swift runtime
# dynamically and calls that up to date.
build="swift build -c release --static-swift-stdlib --disable-build-manifest-caching"
# generate-manual is the tool behind argument-parser's `swift package generate-manual` plugin; the plugin itself
# would rebuild the whole package without the static runtime first (about 2.5 minutes on 2 cores, every time).
$build --product jira-ci >&2
$build --product generate-manual >&2
bin=$($build --show-bin-path)
if readelf -d "$bin/jira-ci" | grep -q 'NEEDED.*libswift'; then
    echo "release-files: $bin/jira-ci links the Swift runtime dynamically; remove it and run again" >&2
    exit 1
fi

mkdir -p "$out"
strip --remove-section=.comment --remove-section=.note -o "$out/jira-ci" "$bin/jira-ci"
# The completion scripts are sourced, never run: a #! line only makes lintian warn.
"$bin/jira-ci" --generate-completion-script bash | sed '1{/^#!/d;}' >"$out/jira-ci.bash"
"$bin/jira-ci" --generate-completion-script zsh >"$out/_jira-ci"
"$bin/jira-ci" --generate-completion-script fish >"$out/jira-ci.fish"

# generate-manual keeps ASCII only (it drops every other character, so "[env: …]" became "[env: ]"): it reads
# jira-ci's help through a wrapper that transliterates ("…" becomes "...").
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '#!/bin/sh\n"%s" "$@" | LC_ALL=C.UTF-8 iconv -f UTF-8 -t ASCII//TRANSLIT\n' "$bin/jira-ci" >"$work/jira-ci"
chmod +x "$work/jira-ci"
date=$(date -u ${SOURCE_DATE_EPOCH:+-d "@$SOURCE_DATE_EPOCH"} +%Y-%m-%d)
"$bin/generate-manual" "$work/jira-ci" --date "$date" --output-directory "$work" >&2
# A blank line inside a command's discussion reaches the page as an empty input line, which mdoc warns about;
# it is a paragraph break.
sed 's/^$/.Pp/' "$work/jira-ci.1" >"$out/jira-ci.1"
