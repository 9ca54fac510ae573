#!/usr/bin/env bash
# Wall time and peak memory of `trialstats survival` (Kaplan-Meier + log-rank + Cox with Efron
# ties, JSON out) against R survival (read.csv + survfit + survdiff + coxph) on the same
# 1,000,000-subject CSV in two groups (integer days, heavy ties, about a third censored), each
# tool started fresh per run (JVM and R start-up included). Prints the median of RUNS runs per
# tool (default 5, in rounds that run each tool once) and the ratio; trialstats is also run
# with -Xmx64m to show that memory is bounded by the columns read, and with the AppCDS archive
# (JDK class-data sharing: the classes a survival run loads, parsed and verified once) that the
# build makes by a training run on a different, generated file, to show what start-up costs when
# the archive is used.
#
# Usage (from the repository root): src/bench/compare_survival.sh [OUT_DIR]  (default
# target/compare)
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/target/compare}"
runs="${RUNS:-5}"
mkdir -p "$out"
csv="$out/survival_1m.csv"
awk 'BEGIN { srand(20261205); print "time,status,arm"
  for (i = 0; i < 1000000; i++) {
    arm = (i % 2 == 0) ? "Control" : "Treatment"; rate = (arm == "Control") ? 0.002 : 0.0015
    t = -log(1 - rand()) / rate; c = 200 + rand() * 800; s = (t <= c) ? 1 : 0
    if (t > c) t = c
    printf "%d,%d,%s\n", int(t) + 1, s, arm } }' > "$csv"

jar="$root/target/trialstats.jar"
if [[ ! -f "$jar" ]]; then
  (cd "$root" && mvn -o -q -B package -DskipTests)
fi

# The AppCDS archive: the build's (mvn package writes target/trialstats.jsa from a training run on
# a generated 2,000-subject file, not on the timed one); when the build skipped it (-Dcds.skip),
# one made here by a training run on 1,000 other subjects (another seed).
archive="$root/target/trialstats.jsa"
if [[ ! -f "$archive" || "$archive" -ot "$jar" ]]; then
  training="$out/survival_cds_training.csv"
  awk 'BEGIN { srand(7); print "time,status,arm"
    for (i = 0; i < 1000; i++) {
      arm = (i % 2 == 0) ? "Control" : "Treatment"; t = int(-log(1 - rand()) / 0.002) + 1
      printf "%d,%d,%s\n", t, (rand() < 0.7) ? 1 : 0, arm } }' > "$training"
  archive="$out/trialstats.jsa"
  rm -f "$archive"
  java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" survival --input "$training" --time time \
    --event status --group arm --format json > /dev/null 2>&1
fi

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

time_run() {  # label, command...; appends "label<TAB>wall<TAB>maxrss_kb"
  local label="$1"; shift
  /usr/bin/time -f "$label\t%e\t%M" -a -o "$out/survival_times.tsv" "$@" > /dev/null
}

: > "$out/survival_times.tsv"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
has_r=0
if command -v Rscript > /dev/null 2>&1; then
  has_r=1
else
  echo "compare_survival.sh: Rscript not found; skipping R" >&2
fi
# Rounds: each runs every tool once, so that a change of the machine's load (it is shared)
# affects all tools alike and the ratios stay comparable.
for ((i = 1; i <= runs; i++)); do
  echo "compare_survival.sh: round $i of $runs" >&2
  time_run trialstats java -jar "$jar" survival --input "$csv" --time time --event status \
    --group arm --format json
  time_run "trialstats -Xmx64m" java -Xmx64m -jar "$jar" survival --input "$csv" --time time \
    --event status --group arm --format json
  time_run "trialstats AppCDS" java -XX:SharedArchiveFile="$archive" -Xlog:cds*=off -jar "$jar" survival \
    --input "$csv" --time time --event status --group arm --format json
  if ((has_r)); then
    time_run "R survival" Rscript "$root/src/bench/time_survival.R" "$csv"
  fi
done

{
  echo "| tool (1,000,000 subjects, KM + log-rank + Cox Efron, from CSV) | median wall s | median peak RSS MiB |"
  echo "|---|---:|---:|"
  for label in "trialstats" "trialstats -Xmx64m" "trialstats AppCDS" "R survival"; do
    wall=$(awk -F'\t' -v l="$label" '$1 == l { print $2 }' "$out/survival_times.tsv" | median)
    rss=$(awk -F'\t' -v l="$label" '$1 == l { print $3 / 1024 }' "$out/survival_times.tsv" | median)
    [[ -n "$wall" ]] && printf "| %s | %.2f | %.0f |\n" "$label" "$wall" "$rss"
  done
  ts=$(awk -F'\t' '$1 == "trialstats" { print $2 }' "$out/survival_times.tsv" | median)
  r=$(awk -F'\t' '$1 == "R survival" { print $2 }' "$out/survival_times.tsv" | median)
  [[ -n "$r" ]] && printf "\nR / trialstats wall-time ratio: %.1f\n" "$(echo "$r $ts" | awk '{ print $1 / $2 }')"
  cds=$(awk -F'\t' '$1 == "trialstats AppCDS" { print $2 }' "$out/survival_times.tsv" | median)
  [[ -n "$r" ]] && printf "R / trialstats AppCDS wall-time ratio: %.1f\n" "$(echo "$r $cds" | awk '{ print $1 / $2 }')"
  echo "load average (1, 5, 15 min) before the runs: $load_before;" \
    "after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/compare_survival.md"
