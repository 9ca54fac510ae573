#!/usr/bin/env python3
"""Builds generated_references.csv: the reference rows of the unit-test fixtures, in the batch
format of the validation suite, so that `trialstats validate` checks every catalogue method.

Run from this folder (standard library only, Python 3.8 or later):

    python3 generated_references.py > generated_references.csv

Input: the committed fixtures in src/test/resources/org/trialstats/stats/fixtures/, each the
unedited output of the R / mpmath / SciPy script beside it (see that folder's README.md). Values
are copied digit for digit; the only computed values are the number-needed-to-treat rows, the
reciprocals of the 20-digit mpmath risk-difference limits (Decimal, 40 digits) with the
conventions of Altman (1998) as implemented by NumberNeededToTreat: NNT = 1/RD (infinite if RD =
0), lower = 1/RD upper, upper = 1/RD lower, a zero limit giving -/+ infinity, both zero giving
+infinity twice.

Every row carries the relative tolerance the fixture's unit test uses (never looser), and its id
names the fixture file and line (header = line 1), so a test can compare it with the fixture.
tolerance_kind is "relative" (relative to max(|reference|, 1e-6), i.e. 1e-12 absolute near 0)
for the binomial and NNT rows, whose unit tests use that floor, and "relative-strict" (relative
to max(|reference|, 1e-300)) for the others, whose unit tests compare purely relatively.
"""
import csv
import os
import sys
from decimal import Decimal, getcontext

getcontext().prec = 40

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.normpath(os.path.join(
    HERE, "..", "..", "..", "..", "..", "test", "resources", "org", "trialstats", "stats",
    "fixtures"))

COLUMNS = ["id", "measure", "method", "events1", "n1", "events2", "n2", "exposure1", "exposure2",
           "expected", "per", "level", "ref_estimate", "ref_lower", "ref_upper", "ref_p_value",
           "tolerance", "tolerance_kind", "ref_source"]

BINOMIAL_SOURCES = {
    "binomial_mpmath_reference.csv":
        "binomial_mpmath_reference.py (mpmath 1.3.0, 40 digits; Python 3.11.7)",
    "binomial_r_reference.csv":
        "binomial_r_reference.R (R 4.2.2: qbeta, pbinom + uniroot, prop.test)",
}


def rows(name):
    """(line number, row) of a fixture file; line 1 is the header."""
    with open(os.path.join(FIXTURES, name), newline="", encoding="utf-8") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            yield line, row


def out(fixture, line, measure, method, tolerance, source, suffix="", kind="relative-strict",
        **fields):
    row = dict.fromkeys(COLUMNS, "")
    row.update(fields)
    row["id"] = "%s:%d%s" % (fixture, line, suffix)
    row["measure"] = measure
    row["method"] = method
    row["tolerance"] = tolerance
    row["tolerance_kind"] = kind
    row["ref_source"] = "%s; fixtures/%s line %d" % (source, fixture, line)
    return row


def binomial(fixture):
    # BinomialReferenceRows: 1e-6 relative, 1e-12 absolute near zero (= 1e-6 x validate's 1e-6
    # floor).
    for line, r in rows(fixture):
        yield out(fixture, line, r["measure"], r["method"], "1e-6", BINOMIAL_SOURCES[fixture],
                  kind="relative",
                  events1=r["x1"], n1=r["n1"], events2=r["x2"], n2=r["n2"], level=r["level"],
                  ref_estimate=r["estimate"], ref_lower=r["lower"], ref_upper=r["upper"])


def reciprocal(text, zero):
    d = Decimal(text)
    if d == 0:
        return zero
    return format(1 / d, ".17g")


def nnt():
    """NNT rows from the mpmath risk-difference rows whose non-zero values are all at least
    1e-6 in magnitude: below that the RD check is absolute (1e-12), which says nothing about
    the digits of the reciprocal."""
    fixture = "binomial_mpmath_reference.csv"
    for line, r in rows(fixture):
        if r["measure"] != "rd":
            continue
        values = [Decimal(r[k]) for k in ("estimate", "lower", "upper")]
        if any(v != 0 and abs(v) < Decimal("1e-6") for v in values):
            continue
        lower, upper = Decimal(r["lower"]), Decimal(r["upper"])
        if lower == 0 and upper == 0:
            nnt_lower = nnt_upper = "inf"
        else:
            nnt_lower = reciprocal(r["upper"], "-inf")
            nnt_upper = reciprocal(r["lower"], "inf")
        yield out(fixture, line, "nnt", r["method"], "1e-6",
                  "1/RD of " + BINOMIAL_SOURCES[fixture] + ", Altman (1998) conventions",
                  suffix=":nnt", kind="relative", events1=r["x1"], n1=r["n1"], events2=r["x2"], n2=r["n2"],
                  level=r["level"], ref_estimate=reciprocal(r["estimate"], "inf"),
                  ref_lower=nnt_lower, ref_upper=nnt_upper)


def proportion_exact():
    # ProportionExactReferenceTest: 1e-14 relative.
    fixture = "proportion_exact_mpmath.csv"
    for line, r in rows(fixture):
        yield out(fixture, line, "proportion", r["method"], "1e-14",
                  "proportion_exact_mpmath.py (mpmath 1.3.0, 40 digits)", events1=r["x"],
                  n1=r["n"], level=r["level"], ref_lower=r["lower"], ref_upper=r["upper"])


def poisson(fixture, tolerance):
    # PoissonReferenceTest: 1e-9 (poisson_r, poisson_python), 1e-11 (poisson_extreme);
    # RateRatioShortSideReferenceTest: 1e-14.
    for line, r in rows(fixture):
        yield out(fixture, line, r["measure"], r["method"], tolerance, r["ref_source"],
                  events1=r["events1"], exposure1=r["exposure1"], events2=r["events2"],
                  exposure2=r["exposure2"], expected=r["expected"], level=r["level"],
                  ref_estimate=r["ref_estimate"], ref_lower=r["ref_lower"],
                  ref_upper=r["ref_upper"], ref_p_value=r["ref_p_value"])


def conditional_odds_ratio():
    # OddsRatioMethodTest.matchesConditionalFixture: 1e-8 relative.
    fixture = "conditional_odds_ratio.csv"
    for line, r in rows(fixture):
        yield out(fixture, line, "or", r["method"], "1e-8",
                  "conditional_odds_ratio.py (SciPy 1.10.1, %s)" % r["source"],
                  events1=r["x1"], n1=r["n1"], events2=r["x2"], n2=r["n2"], level=r["level"],
                  ref_estimate=r["estimate"], ref_lower=r["lower"], ref_upper=r["upper"])


def score_intervals():
    # RR/OR score tests: 1e-8 for the 60-digit decimal rows, 1e-6 for statsmodels.
    fixture = "score_intervals.csv"
    for line, r in rows(fixture):
        tolerance = "1e-8" if r["source"] == "decimal60" else "1e-6"
        source = ("score_intervals.py (60-digit decimal evaluation)" if r["source"] == "decimal60"
                  else "score_intervals.py (statsmodels 0.13.5)")
        yield out(fixture, line, r["measure"], r["method"], tolerance, source,
                  events1=r["x1"], n1=r["n1"], events2=r["x2"], n2=r["n2"], level=r["level"],
                  ref_lower=r["lower"], ref_upper=r["upper"])


def chisq_fisher():
    # TwoByTwoTestMethodTest.matchesR: statistic 1e-10, p-value 1e-9 (one row each).
    fixture = "chisq_fisher.csv"
    for line, r in rows(fixture):
        counts = dict(events1=r["x1"], n1=r["n1"], events2=r["x2"], n2=r["n2"])
        source = "chisq_fisher.R (R 4.2.2 chisq.test / fisher.test)"
        if r["statistic"] not in ("", "NA", "NaN"):
            yield out(fixture, line, "test", r["method"], "1e-10", source, suffix=":statistic",
                      ref_estimate=r["statistic"], **counts)
        yield out(fixture, line, "test", r["method"], "1e-9", source, suffix=":p",
                  ref_p_value=r["p_value"], **counts)


def unconditional_tests():
    # TwoByTwoTestMethodTest.matchesScipyUnconditionalTests: 1e-6 relative.
    fixture = "unconditional_tests.csv"
    for line, r in rows(fixture):
        yield out(fixture, line, "test", r["method"], "1e-6",
                  "unconditional_tests.py (SciPy 1.10.1, %s; arms as SciPy's columns)"
                  % r["source"],
                  events1=r["x1"], n1=r["n1"], events2=r["x2"], n2=r["n2"],
                  ref_p_value=r["p_value"])


UNCONDITIONAL_SOURCE = ("unconditional_intervals.py (independent Python reference: NumPy/SciPy, "
                        "dense nuisance grid, bisection)")
UNCONDITIONAL_METHODS = {"rd": ("rd", "exact-unconditional"),
                         "raw": ("rd", "exact-unconditional-raw"),
                         "rr": ("rr", "exact-unconditional")}
# NNT rows only from RD rows whose non-zero values are all at least this large: the RD check is
# 2e-8 absolute, so 1/RD is then known to 2e-8 / 0.005 = 4e-6 relative
UNCONDITIONAL_NNT_FLOOR = Decimal("0.005")


BERGER_BOOS_SOURCE = ("berger_boos_mpmath.py (independent reference: mpmath 1.3.0, 40 digits, "
                      "direct tails, restricted supremum refined at 40 digits)")


def unconditional_intervals(fixture="unconditional_intervals.csv", tolerance="2e-8",
                            source=UNCONDITIONAL_SOURCE):
    # UnconditionalExactIntervalTest.agreesWithIndependentPythonImplementation: 2e-8, and
    # agreesWithMpmathBergerBoosReference (berger_boos_mpmath.csv): 1e-9; absolute for the
    # difference, relative for the ratio. Only the rows without the Berger-Boos restriction
    # (gamma = 0): the catalogue methods take the supremum over the whole nuisance range.
    for line, r in rows(fixture):
        if float(r["gamma"]) != 0:
            continue
        measure, method = UNCONDITIONAL_METHODS[r["statistic"]]
        yield out(fixture, line, measure, method, tolerance, source,
                  kind="relative-strict" if measure == "rr" else "absolute",
                  events1=r["x1"], n1=r["n1"], events2=r["x2"], n2=r["n2"], level=r["level"],
                  ref_lower=r["lower"], ref_upper=r["upper"])


def unconditional_nnt(fixture="unconditional_intervals.csv", tolerance="2e-8",
                      source=UNCONDITIONAL_SOURCE):
    """NNT rows from the exact unconditional RD rows (estimate x1/n1 - x2/n2 in Decimal), with the
    relative tolerance tolerance / UNCONDITIONAL_NNT_FLOOR that the RD tolerance implies."""
    for line, r in rows(fixture):
        if float(r["gamma"]) != 0 or r["statistic"] == "rr":
            continue
        estimate = Decimal(r["x1"]) / Decimal(r["n1"]) - Decimal(r["x2"]) / Decimal(r["n2"])
        values = [estimate, Decimal(r["lower"]), Decimal(r["upper"])]
        if any(v != 0 and abs(v) < UNCONDITIONAL_NNT_FLOOR for v in values):
            continue
        lower, upper = Decimal(r["lower"]), Decimal(r["upper"])
        if lower == 0 and upper == 0:
            nnt_lower = nnt_upper = "inf"
        else:
            nnt_lower = reciprocal(r["upper"], "-inf")
            nnt_upper = reciprocal(r["lower"], "inf")
        yield out(fixture, line, "nnt", UNCONDITIONAL_METHODS[r["statistic"]][1],
                  format(Decimal(tolerance) / UNCONDITIONAL_NNT_FLOOR, "g"),
                  "1/RD of " + source + ", Altman (1998) conventions",
                  suffix=":nnt", events1=r["x1"], n1=r["n1"], events2=r["x2"], n2=r["n2"],
                  level=r["level"], ref_estimate=reciprocal(str(estimate), "inf"),
                  ref_lower=nnt_lower, ref_upper=nnt_upper)


def main():
    writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    generators = [
        binomial("binomial_mpmath_reference.csv"),
        binomial("binomial_r_reference.csv"),
        proportion_exact(),
        nnt(),
        poisson("poisson_r.csv", "1e-9"),
        poisson("poisson_python.csv", "1e-9"),
        poisson("poisson_extreme.csv", "1e-11"),
        poisson("rate_ratio_short_side.csv", "1e-14"),
        conditional_odds_ratio(),
        score_intervals(),
        chisq_fisher(),
        unconditional_tests(),
        unconditional_intervals(),
        unconditional_nnt(),
        unconditional_intervals("berger_boos_mpmath.csv", "1e-9", BERGER_BOOS_SOURCE),
        unconditional_nnt("berger_boos_mpmath.csv", "1e-9", BERGER_BOOS_SOURCE),
    ]
    for generator in generators:
        for row in generator:
            writer.writerow(row)


if __name__ == "__main__":
    main()
