#!/usr/bin/env bash
# Make sure the system packages the build and tests need are present.
# On Debian/Ubuntu as root: installs what is missing (and says so). Elsewhere: says what to install.
#   tools/system-deps.sh build   -> Pango and fonts for WeasyPrint, poppler for PDF checks,
#                                   Node.js and npm (npm ci installs the in-browser Python runtime)
#   tools/system-deps.sh test    -> the above plus Debian's Chromium for the browser tests,
#                                   hunspell-nl/-en-us and a Java runtime for the quality gates,
#                                   epubcheck and Node.js/npm for the EPUB checks
set -euo pipefail
need=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core poppler-utils)
# npm ci (package-lock.json): the pinned front-end assets (pyodide, reveal.js) and DAISY Ace;
# any Node.js with npm will do, Debian's when none is there.
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
if [ "${1:-build}" = "test" ]; then need+=(chromium); fi
# Quality gates (tests/test_quality.py): hunspell with its Dutch and English dictionaries for the spelling
# check, a Java runtime for the Nu HTML Checker (vnu.jar from npm's vnu-jar, package.json).
# The EPUB checks (tests/test_epub.py): epubcheck; Node.js and npm for DAISY Ace (package.json).
if [ "${1:-build}" = "test" ]; then
  need+=(hunspell hunspell-nl hunspell-en-us epubcheck)
  command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: geen Debian-systeem; installeer zelf Pango (WeasyPrint) en, voor de tests, Chromium. Zie README.md." >&2
  exit 0
fi
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: deze Debian-pakketten ontbreken: ${missing[*]}" >&2
  echo "system-deps: installeer ze met: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "system-deps: installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
