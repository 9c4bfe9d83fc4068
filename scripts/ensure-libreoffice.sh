#!/usr/bin/env bash
# The Word-output tests convert a .docx to PDF with LibreOffice headless and read the pages back
# with poppler's pdftotext (the print tests too; the screenshot script draws them with pdftoppm).
# Install LibreOffice's writer (without the desktop GUI) and poppler-utils when we are root,
# otherwise say what to run (those tests then skip).
set -uo pipefail
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "LibreOffice or poppler-utils is missing: installing them for the Word and print tests..."
    bash "$(dirname "$0")/apt-install.sh" --no-install-recommends libreoffice-writer-nogui poppler-utils && exit 0
fi
echo "note: LibreOffice or pdftotext is not installed; the Word-to-PDF and print tests will be skipped. Install it with:" >&2
echo "    sudo apt-get install --no-install-recommends libreoffice-writer-nogui poppler-utils" >&2
exit 0
