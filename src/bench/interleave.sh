#!/usr/bin/env bash
# Interleaved A/B timing on a shared machine: runs every command once per round, ROUNDS rounds, and
# prints per command the median wall and CPU (user + sys) time and the median over rounds of its
# ratio to the first command's time in the same round (a load change then affects all alike).
#
# Usage: src/bench/interleave.sh ROUNDS OUT.tsv label1 'command 1' label2 'command 2' ...
# OUT.tsv gets one line per run: round, label, wall s, user s, sys s (appended).
set -euo pipefail
rounds=$1; out=$2; shift 2
labels=(); commands=()
while (($#)); do labels+=("$1"); commands+=("$2"); shift 2; done
for ((r = 1; r <= rounds; r++)); do
  for i in "${!labels[@]}"; do
    /usr/bin/time -f "$r ${labels[$i]} %e %U %S" -a -o "$out" bash -c "${commands[$i]}" > /dev/null 2>&1
  done
done
/usr/bin/python3 - "$out" <<'PY'
import collections, statistics as st, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
runs = collections.defaultdict(dict)
for r, label, wall, user, system in rows:
    runs[label][int(r)] = (float(wall), float(user) + float(system))
labels = list(dict.fromkeys(row[1] for row in rows))
base = runs[labels[0]]
for label in labels:
    got = runs[label]
    wall = [w for w, _ in got.values()]
    cpu = [c for _, c in got.values()]
    ratio_wall = [got[r][0] / base[r][0] for r in got if r in base]
    ratio_cpu = [got[r][1] / base[r][1] for r in got if r in base]
    print(f"{label}: n={len(wall)} wall median {st.median(wall):.3f} s"
          f" ({min(wall):.3f}-{max(wall):.3f}), CPU median {st.median(cpu):.3f} s,"
          f" / {labels[0]}: wall {st.median(ratio_wall):.3f}, CPU {st.median(ratio_cpu):.3f}")
PY
