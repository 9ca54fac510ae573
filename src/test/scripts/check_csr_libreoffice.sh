#!/usr/bin/env bash
# Manual check (not a unit test) that every CSR display of the CDISC pilot opens in LibreOffice as
# RTF and as DOCX and lays out the same way in both: the same number of pages, the title and the
# "Page x of y" line on every page, the column header rows repeated on every page, and no arm name
# broken inside a word. Unit tests check the RTF and DOCX structure; this script checks a real
# word processor. Look at the PNG pages it lists at the end.
#
# Needs (Debian): libreoffice-writer-nogui (or libreoffice-writer), poppler-utils, and
# fonts-liberation2 (or fonts-liberation): Liberation Serif is metric-compatible with Times New
# Roman. Without it LibreOffice substitutes the much wider DejaVu Serif and cells wrap.
#   apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation2
#
# Usage, from the project root:
#   src/test/scripts/check_csr_libreoffice.sh [shared-folder] [output-folder]
set -euo pipefail
shared=${1:-../shared}
out=${2:-target/csr-check}
data="$shared/data/cdiscpilot01"

mvn -o -q -B package -DskipTests
rm -rf "$out"
mkdir -p "$out/rtf" "$out/docx"
java -jar target/trialstats.jar csr --shells datasets/cdiscpilot01 --data "$data" \
  --out "$out/displays" >/dev/null
libreoffice --headless --convert-to pdf --outdir "$out/rtf" "$out"/displays/*.rtf >/dev/null
libreoffice --headless --convert-to pdf --outdir "$out/docx" "$out"/displays/*.docx >/dev/null

failed=0
fail() {
  echo "FAIL: $*" >&2
  failed=1
}
for rtf in "$out"/displays/*.rtf; do
  name=$(basename "$rtf" .rtf)
  pages=()
  for format in rtf docx; do
    pdf="$out/$format/$name.pdf"
    if [ ! -s "$pdf" ]; then
      fail "LibreOffice did not convert $name.$format"
      continue
    fi
    n=$(pdfinfo "$pdf" | awk '/^Pages/ {print $2}')
    pages+=("$n")
    text=$(pdftotext -layout "$pdf" -)
    kind=Table
    [[ "$name" == *.* ]] || kind=Figure
    titles=$(grep -c "$kind $name " <<<"$text" || true)
    [ "$titles" -eq "$n" ] || fail "$name.$format: the title on $titles of $n pages"
    numbered=$(grep -cE "Page [0-9]+ of $n" <<<"$text" || true)
    [ "$numbered" -eq "$n" ] || fail "$name.$format: 'Page x of $n' on $numbered of $n pages"
    if grep -qE "(Placeb|Xanomelin|Xanomeli)$" <<<"$text"; then
      fail "$name.$format: an arm name breaks inside a word"
    fi
    if [ "$kind" = Table ] && [ "$n" -gt 1 ]; then
      header=$(grep -cE "\(N=[0-9]+\)" <<<"$text" || true)
      [ "$header" -ge "$n" ] || fail "$name.$format: column headers on $header of $n pages"
    fi
    pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$pdf" "$out/$format/$name-page1"
  done
  if [ "${#pages[@]}" -eq 2 ] && [ "${pages[0]}" != "${pages[1]}" ]; then
    fail "$name: ${pages[0]} pages as RTF, ${pages[1]} as DOCX"
  fi
  echo "$name: ${pages[*]} pages (RTF, DOCX); look at $out/rtf/$name-page1.png," \
    "$out/docx/$name-page1.png"
done
exit "$failed"
