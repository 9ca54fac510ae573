#!/usr/bin/python3
"""Times SciPy's Barnard test, scipy.stats.barnard_exact (pooled Z, two-sided), on the tables of
UnconditionalIntervalBenchmark: ONE p-value of the exact unconditional test of p1 = p2, the
building block an interval by test inversion would call at many shifted deltas (SciPy has no
interval and no shifted null). For comparison with trialstats' exact unconditional intervals in
BENCHMARKS.md (issue 14). Prints CPU and elapsed seconds (medians of 3 runs; CPU time is the
comparable figure on a loaded machine) and the p-value per table.

Usage: /usr/bin/python3 src/bench/time_unconditional.py [n ...]   (default: 100 500)
"""
import sys
import time

import scipy
from scipy.stats import barnard_exact


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [100, 500]
    print("SciPy", scipy.__version__)
    for n in sizes:
        for a, b in ((50, 40), (10, 3), (90, 80), (2, 0)):
            x1, x2 = n * a // 100, n * b // 100
            table = [[x1, x2], [n - x1, n - x2]]
            cpu, elapsed = [], []
            for _ in range(3):
                start, start_cpu = time.perf_counter(), time.process_time()
                p = barnard_exact(table, pooled=True).pvalue
                cpu.append(time.process_time() - start_cpu)
                elapsed.append(time.perf_counter() - start)
            print(f"n={n} {x1} vs {x2}: CPU {sorted(cpu)[1]:.3f} s, elapsed "
                  f"{sorted(elapsed)[1]:.3f} s  p = {p:.6g}", flush=True)


if __name__ == "__main__":
    main()
