#!/usr/bin/env bash
# Manual check (not a unit test) that the ae-table RTF and DOCX outputs open in LibreOffice and
# that the PDF shows the table, on the CDISC pilot data. Unit tests check the RTF structure;
# this script checks a real word processor. Look at the PNG pages it prints at the end.
#
# Needs (Debian): libreoffice-writer-nogui (or libreoffice-writer), poppler-utils, and
# fonts-liberation2: Liberation Serif is metric-compatible with Times New Roman. Without it
# LibreOffice substitutes the much wider DejaVu Serif and numbers wrap inside their cells.
#   apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation2
#
# Usage, from the project root:
#   src/test/scripts/check_ae_table_libreoffice.sh [shared-folder] [output-folder] [ae-table options...]
# Known LibreOffice 7.4 limitation: its RTF import ignores \trhdr, so the RTF header row is not
# repeated on later pages there (Word repeats it); the DOCX header row repeats in both.
set -euo pipefail
shared=${1:-../shared}
out=${2:-target/ae-table-check}
shift $(( $# < 2 ? $# : 2 ))
data="$shared/data/cdiscpilot01"

mvn -o -q -B package -DskipTests
rm -rf "$out"
mkdir -p "$out"
java -jar target/trialstats.jar ae-table --adsl "$data/adsl.xpt" --adae "$data/adae.xpt" \
  --out "$out/tables" "$@"

for format in rtf docx; do
  mkdir -p "$out/$format"
  libreoffice --headless --convert-to pdf --outdir "$out/$format" "$out/tables/ae_table.$format" \
    >/dev/null
  pdf="$out/$format/ae_table.pdf"
  test -s "$pdf" || { echo "FAIL: LibreOffice did not convert ae_table.$format" >&2; exit 1; }
  text=$(pdftotext -layout "$pdf" -)
  # pilot study report counts (Placebo, Low, High): 6 (7.0%), 22 (26.2%), 22 (26.2%)
  echo "$text" | grep -E "APPLICATION SITE PRURITUS +6 \(7\.0\) +22 \(26\.2\) +22 \(26\.2\)" \
    >/dev/null || { echo "FAIL: $format PDF lacks the APPLICATION SITE PRURITUS row" >&2; exit 1; }
  echo "$text" | grep -E "Any treatment-emergent adverse event +65 \(75\.6\) +77 \(91\.7\) +76 \(90\.5\)" \
    >/dev/null || { echo "FAIL: $format PDF lacks the any-TEAE row" >&2; exit 1; }
  pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$pdf" "$out/$format/page1"
  echo "ok: $format -> $pdf ($(pdfinfo "$pdf" | awk '/^Pages/ {print $2}') pages); look at:" \
    "$out/$format/page1.png"
done
