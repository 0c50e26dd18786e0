#!/usr/bin/env bash
# What the test suite needs from the system, installed when missing: Debian's Chromium
# (browser tests), a Java runtime (the Nu Html Checker), nginx and openssl (deploy tests),
# gettext (catalog checks), PostgreSQL and Redis (the second engine, shared rate limits),
# npm (vnu-jar). A machine that has them all installs nothing. As root, or with
# password-less sudo, through apt-get; otherwise it stops at once with the command to run.
set -euo pipefail

# command that proves it is there → the Debian package that provides it
declare -A NEEDS=(
    [/usr/bin/chromium]=chromium
    [java]=default-jre-headless
    [nginx]=nginx-light
    [openssl]=openssl
    [msgfmt]=gettext
    [redis-server]=redis-server
    [npm]=npm
)

missing=()
for probe in "${!NEEDS[@]}"; do
    if [[ $probe == /* ]]; then [ -x "$probe" ] && continue; else command -v "$probe" >/dev/null && continue; fi
    missing+=("${NEEDS[$probe]}")
done
# PostgreSQL's server programs are not on PATH on Debian: /usr/lib/postgresql/<version>/bin.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)

[ ${#missing[@]} -eq 0 ] && exit 0

mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
command="apt-get update && apt-get install -y ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    run=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    run=(sudo)
else
    echo "make test needs these Debian packages: ${missing[*]}" >&2
    echo "Install them once, as root:  sudo sh -c '$command'" >&2
    exit 1
fi
command -v apt-get >/dev/null || { echo "no apt-get: install ${missing[*]} by hand" >&2; exit 1; }
echo "== make test: installing ${missing[*]} (apt-get) =="
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
