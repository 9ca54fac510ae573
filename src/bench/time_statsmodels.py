"""Times statsmodels on the tables in TABLES.csv (x1,n1,x2,n2); prints
"trialstats-method<TAB>ops/s" lines (median of 3 rounds of >= 0.5 s each).

statsmodels' 'score' risk-difference interval is not Miettinen-Nurminen (it lacks the
n / (n - 1) variance factor; see ../shared/engineering-notes.md), so rd:mn is a cost
comparison of the same kind of computation, not of identical numbers.

Usage: python3 time_statsmodels.py TABLES.csv
"""
import csv
import statistics
import sys
import time
import warnings

from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint


def rate(body, ops):
    rates = []
    for _ in range(3):
        calls = 0
        start = time.perf_counter()
        while True:
            body()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= 0.5:
                break
        rates.append(calls * ops / elapsed)
    return statistics.median(rates)


def main():
    warnings.simplefilter("ignore", RuntimeWarning)
    with open(sys.argv[1], newline="") as f:
        rows = [tuple(int(r[k]) for k in ("x1", "n1", "x2", "n2")) for r in csv.DictReader(f)]

    failures = {}

    def two(method, compare):
        def body():
            for x1, n1, x2, n2 in rows:
                try:
                    confint_proportions_2indep(x1, n1, x2, n2, method=method, compare=compare)
                except ValueError:
                    # statsmodels' score inversion fails to bracket a root on some tables; the
                    # failed call still counts as one operation, and the count is reported
                    failures[(method, compare, x1, n1, x2, n2)] = True
        return body

    def one(method):
        def body():
            for x1, n1, _, _ in rows:
                proportion_confint(x1, n1, alpha=0.05, method=method)
        return body

    cases = [
        ("proportion:wilson", one("wilson")),
        ("proportion:clopper-pearson", one("beta")),
        ("rd:wald", two("wald", "diff")),
        ("rd:newcombe", two("newcomb", "diff")),
        ("rd:mn", two("score", "diff")),
        ("rr:katz", two("log", "ratio")),
        ("or:woolf", two("logit", "odds-ratio")),
    ]
    for name, body in cases:
        body()
        print("%s\t%.1f" % (name, rate(body, len(rows))))
    if failures:
        print("time_statsmodels.py: %d (method, table) pairs raised ValueError (e.g. %s)"
              % (len(failures), next(iter(failures))), file=sys.stderr)


if __name__ == "__main__":
    main()
