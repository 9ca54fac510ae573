"""Prints a Markdown table of a JMH JSON result (target/jmh-result.json by default): one row per
benchmark and parameter set, with the median of the measurement iterations (the machine is shared
and noisy, so the median rather than the mean is reported) and the min-max range.

Usage: python3 src/bench/jmh_table.py [target/jmh-result.json]
"""
import json
import statistics
import sys


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "target/jmh-result.json"
    with open(path) as f:
        results = json.load(f)
    print("| benchmark | parameters | median | min - max | unit |")
    print("|---|---|---:|---:|---|")
    for r in results:
        name = r["benchmark"].rsplit(".", 2)[-2]
        params = ", ".join("%s=%s" % kv for kv in sorted(r.get("params", {}).items(),
                                                         key=lambda kv: kv[0] != "method"))
        metric = r["primaryMetric"]
        raw = [x for fork in metric["rawData"] for x in fork]
        print("| %s | %s | %s | %s - %s | %s |" % (
            name, params, fmt(statistics.median(raw)), fmt(min(raw)), fmt(max(raw)),
            metric["scoreUnit"]))


def fmt(x):
    if x >= 100:
        return "{:,.0f}".format(x)
    return "{:.3g}".format(x)


if __name__ == "__main__":
    main()
