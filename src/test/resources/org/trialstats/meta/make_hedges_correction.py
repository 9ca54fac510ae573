"""Hedges' exact small-sample correction J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)) to 30
significant digits with mpmath (50-digit arithmetic), for ContinuousEffectsTest.

metafor computes J(m) as exp(lgamma(m/2) - log(sqrt(m/2)) - lgamma((m-1)/2)), which loses about
log10(m) digits to cancellation; the unbiased SMD variance 1/n1 + 1/n2 + (1 - (m-2)/(m J^2)) g^2
cancels further, so metafor's vtype = "UB" variances agree with these values to about 1e-12 only.

Run with Debian's Python: /usr/bin/python3 make_hedges_correction.py > hedges_correction.csv
"""
import mpmath as mp

mp.mp.dps = 50
print("m,j")
for m in [2, 3, 4, 5, 8, 10, 18, 30, 98, 101, 250, 1000, 12345, 10**6, 10**9]:
    m = mp.mpf(m)
    j = mp.gamma(m / 2) / (mp.sqrt(m / 2) * mp.gamma((m - 1) / 2))
    print(f"{int(m)},{mp.nstr(j, 30)}")
