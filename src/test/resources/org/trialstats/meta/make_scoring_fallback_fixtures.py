"""REML and ML estimates of tau^2 for data/oscillating.csv, a data set on which Fisher scoring
from the Hedges estimate oscillates instead of converging (REML, with and without the moderator
x: the iterates alternate between about 0.19 and 2.6), for ScoringFallbackTest.

The (restricted) log-likelihood of y = X b + u + e, u ~ N(0, tau^2), e ~ N(0, v_i), is maximised
directly in 60-digit arithmetic with mpmath, independently of trialstats' algorithm: the root of
the score d l / d tau^2 = -1/2 tr(P) + 1/2 y'PPy (REML) or -1/2 sum w_i + 1/2 y'PPy (ML), P = W -
W X (X'WX)^-1 X'W, W = diag(1/(v_i + tau^2)) (Viechtbauer 2005, J Educ Behav Stat 30:261-293,
eqs. 9-15), found by mpmath's bisection-safeguarded Anderson-Bjorck solver in a bracket where the
score changes sign; the maximiser is checked to be the global one on a grid of 2,001 points
over [0, 1000] (as metafor, tau^2 = 0 when the likelihood there is the highest). Then b = (X'WX)^-1
X'Wy and se(b_j) = sqrt((X'WX)^-1_jj) at that tau^2 (metafor's rma(yi, vi, mods = ~ x, method =
"REML") with z tests).

Run: python3 make_scoring_fallback_fixtures.py > scoring_fallback_fixtures.csv (mpmath 1.x)
"""
import csv
import os

import mpmath as mp

mp.mp.dps = 60
HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "data", "oscillating.csv")) as f:
    rows = list(csv.DictReader(f))
y = [mp.mpf(r["yi"]) for r in rows]
v = [mp.mpf(r["vi"]) for r in rows]
xs = [mp.mpf(r["x"]) for r in rows]
k = len(y)


def fit(design, tau2):
    w = [1 / (vi + tau2) for vi in v]
    x = mp.matrix([[c for c in row] for row in design])
    wm = mp.diag(w)
    a = x.T * wm * x
    ainv = a ** -1
    b = ainv * x.T * wm * mp.matrix(y)
    p = wm - wm * x * ainv * x.T * wm
    return w, a, ainv, b, p


def loglik(design, tau2, reml):
    w, a, ainv, b, p = fit(design, tau2)
    yv = mp.matrix(y)
    ll = sum(mp.log(wi) for wi in w) / 2 - (yv.T * p * yv)[0] / 2
    if reml:
        ll -= mp.log(mp.det(a)) / 2
    return ll


def score(design, tau2, reml):
    w, a, ainv, b, p = fit(design, tau2)
    yv = mp.matrix(y)
    ypy = (yv.T * p * p * yv)[0]
    trace = sum(p[i, i] for i in range(k)) if reml else sum(w)
    return (ypy - trace) / 2


def estimate(design, reml):
    grid = [mp.mpf(0)] + [mp.mpf(10) ** (mp.mpf(j) / 250 - 4) for j in range(1751)]
    values = [loglik(design, t, reml) for t in grid]
    best = max(range(len(grid)), key=lambda j: values[j])
    if best == 0:
        return mp.mpf(0)
    lo, hi = grid[best - 1], grid[best + 1]
    tau2 = mp.findroot(lambda t: score(design, t, reml), (lo, hi), solver="anderson")
    assert lo < tau2 < hi
    assert loglik(design, tau2, reml) >= max(values)
    return tau2


print("model,method,tau2,b0,se_b0,b1,se_b1")
designs = {"intercept": [[1] for _ in range(k)], "moderator": [[1, xi] for xi in xs]}
for model, design in designs.items():
    for method in ("REML", "ML"):
        tau2 = estimate(design, method == "REML")
        w, a, ainv, b, p = fit(design, tau2)
        out = [model, method, mp.nstr(tau2, 20), mp.nstr(b[0], 20), mp.nstr(mp.sqrt(ainv[0, 0]), 20)]
        if len(design[0]) > 1:
            out += [mp.nstr(b[1], 20), mp.nstr(mp.sqrt(ainv[1, 1]), 20)]
        else:
            out += ["NA", "NA"]
        print(",".join(out))
