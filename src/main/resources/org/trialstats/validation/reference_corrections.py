#!/usr/bin/python3
"""Independent values behind reference_corrections.csv that are computed here rather than taken
from the statistics fixtures (src/test/resources/org/trialstats/stats/fixtures/).

Wilson interval with continuity correction, Newcombe (1998) method 4, closed form:
  lower = (2np + z^2 - 1 - z sqrt(z^2 - 2 - 1/n + 4p(nq + 1))) / (2(n + z^2))
  upper = (2np + z^2 + 1 + z sqrt(z^2 + 2 - 1/n + 4p(nq - 1))) / (2(n + z^2))
Run with Debian's python3 (SciPy 1.10.1):  /usr/bin/python3 reference_corrections.py
"""
from math import sqrt

from scipy.stats import norm


def wilson_cc(x, n, level):
    z = norm.isf((1 - level) / 2)
    p = x / n
    q = 1 - p
    lo = (2 * n * p + z * z - 1 - z * sqrt(z * z - 2 - 1 / n + 4 * p * (n * q + 1))) / (2 * (n + z * z))
    hi = (2 * n * p + z * z + 1 + z * sqrt(z * z + 2 - 1 / n + 4 * p * (n * q - 1))) / (2 * (n + z * z))
    return lo, hi


for case_id, x, n, level in [("proportion:wilson-cc:1005", 1, 2, 0.99),
                              ("proportion:wilson-cc:2100", 8, 16, 0.95)]:
    lo, hi = wilson_cc(x, n, level)
    print(case_id, repr(lo), repr(hi))
