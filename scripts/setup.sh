#!/usr/bin/env bash
# Installs what building and testing jira-ci needs, without asking: the libcurl and OpenSSL headers
# (a new machine has only the runtime libraries) and the Python helpers the end-to-end tests use
# (oauthlib verifies OAuth 1.0a signatures; it needs pyjwt and cryptography for RSA).
set -euo pipefail

missing=()
for package in libcurl4-openssl-dev libssl-dev; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--with-test-helpers" ]; then
    if ! python3 -c "import oauthlib, jwt, cryptography, pytest, yaml" 2>/dev/null; then
        echo "setup: installing Python test helpers" >&2
        python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore \
            oauthlib pyjwt cryptography pytest pyyaml
    fi
fi
