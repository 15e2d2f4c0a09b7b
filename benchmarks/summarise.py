#!/usr/bin/env python3
"""Prints a text summary of one benchmarks/run.sh result directory (the JMH JSON files)."""
import json
import os
import sys


def load(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return json.load(f)


def num(x):
    """JMH writes "NaN" as a string (e.g. the error of a single iteration)."""
    try:
        return float(x)
    except (TypeError, ValueError):
        return float("nan")


def alloc(entry):
    for name, metric in entry.get("secondaryMetrics", {}).items():
        if name.endswith("gc.alloc.rate.norm"):
            return metric["score"]
    return float("nan")


def main(out):
    print("# per input (SampleTime, us; alloc = JMH gc.alloc.rate.norm per measured op, includes the set-up's)")
    print(f"{'engine':8} {'shape':10} {'input':10} {'samples':>8} {'p50':>10} {'p99':>10} {'p99.9':>10} {'max':>10} {'alloc B/op':>11}")
    for name in ("per-input", "per-input-naive"):
        for e in load(os.path.join(out, name + ".json")):
            p = e["params"]
            pm = e["primaryMetric"]
            pc = pm["scorePercentiles"]
            n = sum(c for fork in pm.get("rawDataHistogram", []) for it in fork for _, c in it)
            print(f"{p['engine']:8} {p['shape']:10} {p['input']:10} {n:>8}"
                  f" {pc['50.0']:10.2f} {pc['99.0']:10.2f} {pc['99.9']:10.2f} {pc['100.0']:10.2f} {alloc(e):11.0f}")
    print()
    print("# steady-cycle throughput (inputs/s on one thread; alloc = bytes per input including building it)")
    for name in ("throughput", "throughput-naive"):
        for e in load(os.path.join(out, name + ".json")):
            p = e["params"]
            pm = e["primaryMetric"]
            print(f"{p['engine']:8} {p['shape']:10} {num(pm['score']):14.0f} ± {num(pm['scoreError']):10.0f} {pm['scoreUnit']:8} alloc {alloc(e):8.0f} B/input")
    print()
    print("# pathological single shots (ms)")
    for e in load(os.path.join(out, "pathological.json")):
        pm = e["primaryMetric"]
        pc = pm["scorePercentiles"]
        shots = [x for fork in pm["rawData"] for x in fork]
        bench = e["benchmark"].rsplit(".", 1)[1]
        params = ",".join(f"{k}={v}" for k, v in e.get("params", {}).items())
        print(f"{bench:14} {params:16} shots {len(shots):3}  mean {pm['score']:9.2f}  p50 {pc['50.0']:9.2f}  max {pc['100.0']:9.2f}  alloc {alloc(e) / 1e6:8.1f} MB/shot")
    journal = load(os.path.join(out, "journal.json"))
    if journal:
        print()
        print("# journal codec, one arrival's entry (us/op; sealed = two personal attributes sealed, clear = baseline)")
        scores = {}
        for e in journal:
            bench = e["benchmark"].rsplit(".", 1)[1]
            mode = e["params"]["attributes"]
            pm = e["primaryMetric"]
            scores[(bench, mode)] = pm["score"]
            print(f"{bench:8} {mode:7} {num(pm['score']):8.2f} ± {num(pm['scoreError']):6.2f}  alloc {alloc(e):8.0f} B/op")
        for bench in ("encode", "decode"):
            if (bench, "clear") in scores and (bench, "sealed") in scores:
                print(f"{bench:8} sealed / clear = {scores[(bench, 'sealed')] / scores[(bench, 'clear')]:.2f}")


if __name__ == "__main__":
    main(sys.argv[1])
