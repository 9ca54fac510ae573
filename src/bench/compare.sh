#!/usr/bin/env bash
# Side-by-side timing of trialstats, R (stats, epitools, metafor) and Python statsmodels on the
# same inputs, in one run: 1000 seeded two-by-two tables (half with 10-50, half with 100-1000
# subjects per arm, no zero cells so every reference function applies) and one k = 10
# meta-analysis. Prints ops/s per tool (median of rounds of >= 0.5 s) and trialstats / other.
# R or statsmodels columns are skipped, with a message, when Rscript or the Python modules are
# absent.
#
# Usage (from the repository root): src/bench/compare.sh [OUT_DIR]   (default target/compare)
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
bench="$root/src/bench"
out="${1:-$root/target/compare}"
mkdir -p "$out"
python="${PYTHON:-/usr/bin/python3}"

# --- inputs ---------------------------------------------------------------------------------
awk 'BEGIN {
  srand(20261122); print "x1,n1,x2,n2"
  for (i = 0; i < 1000; i++) {
    hi = (i % 2 == 0) ? 41 : 901; lo = (i % 2 == 0) ? 10 : 100
    n1 = lo + int(rand() * hi); n2 = lo + int(rand() * hi)
    x1 = 1 + int(rand() * (n1 - 1)); x2 = 1 + int(rand() * (n2 - 1))
    print x1 "," n1 "," x2 "," n2
  } }' > "$out/tables.csv"
awk 'BEGIN {
  srand(7); print "x1,n1,x2,n2"
  for (i = 0; i < 10; i++) {
    n1 = 20 + int(rand() * 380); n2 = 20 + int(rand() * 380)
    x1 = 1 + int(rand() * 0.4 * n1); x2 = 1 + int(rand() * 0.4 * n2)
    print x1 "," n1 "," x2 "," n2
  } }' > "$out/studies.csv"

# --- trialstats -------------------------------------------------------------------------------
jar="$root/target/trialstats.jar"
harness="$root/target/test-classes/org/trialstats/bench/TimingHarness.class"
if [[ ! -f "$jar" || ! -f "$harness" ]]; then
  echo "compare.sh: building the jar and the benchmark classes (mvn package -DskipTests; mvn -Pbench test-compile)" >&2
  (cd "$root" && mvn -o -q -B package -DskipTests && mvn -o -q -B -Pbench test-compile)
fi
cp="$root/target/test-classes:$jar"
methods=(proportion:wilson proportion:clopper-pearson rd:wald rd:newcombe rd:mn rr:katz or:woolf
  or:exact-conditional test:fisher rate:exact rate-ratio:exact-conditional)
echo "compare.sh: timing trialstats" >&2
java -Xmx512m -cp "$cp" org.trialstats.bench.TimingHarness "$out/tables.csv" "${methods[@]}" \
  > "$out/trialstats.tsv"
java -Xmx512m -cp "$cp" org.trialstats.bench.TimingHarness --meta "$out/studies.csv" reml dl \
  >> "$out/trialstats.tsv"

# --- R ----------------------------------------------------------------------------------------
: > "$out/r.tsv"
if command -v Rscript > /dev/null 2>&1; then
  echo "compare.sh: timing R" >&2
  Rscript "$bench/time_r.R" "$out/tables.csv" "$out/studies.csv" > "$out/r.tsv"
else
  echo "compare.sh: Rscript not found; skipping the R column" >&2
fi

# --- statsmodels ------------------------------------------------------------------------------
: > "$out/statsmodels.tsv"
if command -v "$python" > /dev/null 2>&1 && "$python" -c "import statsmodels" 2> /dev/null; then
  echo "compare.sh: timing statsmodels" >&2
  "$python" "$bench/time_statsmodels.py" "$out/tables.csv" > "$out/statsmodels.tsv"
else
  echo "compare.sh: $python with statsmodels not found; skipping the statsmodels column" >&2
fi

# --- table ------------------------------------------------------------------------------------
awk -F'\t' '
  FILENAME ~ /trialstats.tsv$/ { order[++n] = $1; ts[$1] = $2; next }
  FILENAME ~ /r.tsv$/ { r[$1] = $2; next }
  FILENAME ~ /statsmodels.tsv$/ { sm[$1] = $2; next }
  function cell(v) { return v == "" ? "-" : sprintf("%.0f", v) }
  function ratio(a, b) { return b == "" ? "-" : sprintf("%.1f", a / b) }
  END {
    printf "| %-30s | %16s | %12s | %8s | %17s | %8s |\n", "operation", "trialstats ops/s", \
      "R ops/s", "ts/R", "statsmodels ops/s", "ts/sm"
    printf "|%s|%s|%s|%s|%s|%s|\n", "--------------------------------", "-----------------:", \
      "-------------:", "---------:", "------------------:", "---------:"
    for (i = 1; i <= n; i++) {
      m = order[i]
      printf "| %-30s | %16s | %12s | %8s | %17s | %8s |\n", m, cell(ts[m]), cell(r[m]), \
        ratio(ts[m], r[m]), cell(sm[m]), ratio(ts[m], sm[m])
    }
  }' "$out/trialstats.tsv" "$out/r.tsv" "$out/statsmodels.tsv" | tee "$out/compare.md"

# --- time-to-event: 1,000,000 subjects from CSV, trialstats survival vs R survival -------------
"$bench/compare_survival.sh" "$out"
