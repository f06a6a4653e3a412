#!/bin/sh
# Makes the release artifacts in dist/, for people without a Swift toolchain (`make dist` runs this):
#
#   jira-ci_<version>_<debian arch>.deb          for apt-get install ./jira-ci_….deb (Debian 12+, Ubuntu 22.04+)
#   jira-ci-<version>-linux-<machine>.tar.gz     bin/jira-ci and the rest, runs in place
#   SHA256SUMS                                   cd dist && sha256sum -c SHA256SUMS
#
# The version is the built binary's (`jira-ci --version`, set in Sources/JiraCICLI/Output/Version.swift only).
# Builds are reproducible: every date comes from SOURCE_DATE_EPOCH, by default the time of the HEAD commit.
# The package's Maintainer is DEBFULLNAME <DEBEMAIL> when DEBEMAIL is set (as for Debian's own tools), else the
# author of the repository's first commit.
set -eu
cd "$(dirname "$0")/.."

# Each tool this script and release-files.sh run, as command:Debian package; swift comes from swift.org.
missing=""
packages=""
for pair in dpkg-deb:dpkg dpkg:dpkg strip:binutils readelf:binutils gzip:gzip tar:tar sha256sum:coreutils \
    md5sum:coreutils iconv:libc-bin git:git; do
    command -v "${pair%%:*}" >/dev/null 2>&1 && continue
    missing="$missing ${pair%%:*}"
    case " $packages " in *" ${pair#*:} "*) ;; *) packages="$packages ${pair#*:}" ;; esac
done
toolchain=""
if ! command -v swift >/dev/null 2>&1; then
    missing="$missing swift"
    toolchain="a Swift 6.2+ toolchain (swift.org/install)"
fi
if [ -n "$missing" ]; then
    echo "dist: missing$missing; install${packages:+ with: apt-get install$packages}${toolchain:+${packages:+ and} $toolchain}" >&2
    exit 1
fi
scripts/setup.sh --check

SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
export SOURCE_DATE_EPOCH
if [ -n "${DEBEMAIL:-}" ]; then
    maintainer="${DEBFULLNAME:-$DEBEMAIL} <$DEBEMAIL>"
else
    maintainer=$(git log --reverse --format='%an <%ae>' | head -n 1)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scripts/release-files.sh "$work/files"
files=$work/files
version=$("$files/jira-ci" --version | head -n 1)
case "$version" in
    [0-9]*.[0-9]*) ;;
    *) echo "dist: '$files/jira-ci --version' printed '$version', not a version" >&2; exit 1 ;;
esac
debarch=$(dpkg --print-architecture)
machine=$(uname -m)
rm -rf dist
mkdir dist

# Files and folders as a package ships them: owned by root (the archives record 0/0), world-readable, dated.
normalize() {
    chmod -R u+rwX,go+rX,go-w "$1"
    find "$1" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
}

# -- the Debian package -------------------------------------------------------------------------------------------
root=$work/deb
doc=$root/usr/share/doc/jira-ci
install -D -m 755 "$files/jira-ci" "$root/usr/bin/jira-ci"
install -D -m 644 "$files/jira-ci.bash" "$root/usr/share/bash-completion/completions/jira-ci"
install -D -m 644 "$files/_jira-ci" "$root/usr/share/zsh/vendor-completions/_jira-ci"
install -D -m 644 "$files/jira-ci.fish" "$root/usr/share/fish/vendor_completions.d/jira-ci.fish"
mkdir -p "$root/usr/share/man/man1" "$doc"
gzip -9n <"$files/jira-ci.1" >"$root/usr/share/man/man1/jira-ci.1.gz"
# Policy 12.3: documentation over 4 kB is compressed; examples stay as they are, ready to copy.
gzip -9n <README.md >"$doc/README.md.gz"
cp -R ci-examples "$doc/examples"
install -m 644 packaging/copyright "$doc/copyright"
# One changelog, upstream's and Debian's at once (a native package): changelog.gz, as policy 12.7 names it.
cat >"$work/changelog" <<EOF
jira-ci ($version) stable; urgency=medium

  * jira-ci $version.

 -- $maintainer  $(date -u -R -d "@$SOURCE_DATE_EPOCH")
EOF
gzip -9n <"$work/changelog" >"$doc/changelog.gz"

mkdir "$root/DEBIAN"
# Measured: what the binary links (see Tests/EndToEnd/test_packaging.py, which checks this against it), the
# names and versions that resolve on Debian 12 and 13 alike (13's t64 packages provide the names of 12's), and
# git, which jira-ci runs.
cat >"$root/DEBIAN/control" <<EOF
Package: jira-ci
Version: $version
Architecture: $debarch
Maintainer: $maintainer
Installed-Size: $(du -sk "$root/usr" | cut -f 1)
Depends: libc6 (>= 2.35), libcurl4 (>= 7.63.0), libgcc-s1 (>= 3.3), libssl3 (>= 3.0.0), libstdc++6 (>= 11), git
Recommends: ca-certificates
Section: devel
Priority: optional
Description: tell Jira what CI/CD did
 jira-ci finds the Jira issue keys in git data (branch name, commit
 messages, pull request title) and reports builds, deployments and
 development information to Jira Cloud, or remote links to Jira Server
 and Data Center. Jenkins steps, Bitbucket Server hooks and build-agent
 scripts run it.
EOF
(cd "$root" && find usr -type f -exec md5sum {} +) >"$work/md5sums"
LC_ALL=C sort -k 2 "$work/md5sums" >"$root/DEBIAN/md5sums"
normalize "$root"
deb=jira-ci_${version}_${debarch}.deb
dpkg-deb --root-owner-group --build "$root" "dist/$deb" >/dev/null

# -- the tarball ----------------------------------------------------------------------------------------------------
name=jira-ci-$version-linux-$machine
tree=$work/tar/$name
install -D -m 755 "$files/jira-ci" "$tree/bin/jira-ci"
install -D -m 644 "$files/jira-ci.bash" "$tree/share/bash-completion/completions/jira-ci"
install -D -m 644 "$files/_jira-ci" "$tree/share/zsh/site-functions/_jira-ci"
install -D -m 644 "$files/jira-ci.fish" "$tree/share/fish/vendor_completions.d/jira-ci.fish"
install -D -m 644 "$files/jira-ci.1" "$tree/share/man/man1/jira-ci.1"
install -m 644 README.md "$tree/README.md"
install -m 644 packaging/copyright "$tree/copyright"
normalize "$tree"
tar -C "$work/tar" --sort=name --owner=0 --group=0 --numeric-owner -cf "$work/$name.tar" "$name"
gzip -9n <"$work/$name.tar" >"dist/$name.tar.gz"

(cd dist && sha256sum "$deb" "$name.tar.gz" >SHA256SUMS)
echo "dist: jira-ci $version: dist/$deb, dist/$name.tar.gz, dist/SHA256SUMS" >&2
