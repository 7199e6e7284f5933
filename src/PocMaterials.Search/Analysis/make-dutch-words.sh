#!/usr/bin/env bash
# Derives dutch-words.txt.gz, the word list the Dutch analysis splits and joins compounds with, from
# OpenTaal's list as Debian's wdutch package ships it (/usr/share/dict/dutch; apt-get install wdutch).
# Kept: lower-case words of three or more letters (names, abbreviations and words with digits,
# hyphens or apostrophes left out), as written; the analyzer folds accents when it loads them.
# Run again after a wdutch upgrade and commit the result: builds and tests then need no system package.
set -euo pipefail
source="${1:-/usr/share/dict/dutch}"
LC_ALL=C.UTF-8 grep -x '[[:lower:]]\{3,\}' "$source" | LC_ALL=C sort -u | gzip -9n > "$(dirname "$0")/dutch-words.txt.gz"
