"""Scanning benchmark: decode time per kind of code, and wedge detection errors.

    .venv/bin/python benchmarks/scanning.py [--iterations N] [--trials N] [--seed S]

Prints two Markdown tables:

1. `decode_scan` time in microseconds per scan (p50 / p99) for each kind of code, including two
   kinds of rejection.
2. Wedge burst detection on synthetic input: false scans in human typing (ordinary and fast typists,
   including keys pressed almost together) and missed scans in scanner bursts (few-ms gaps with
   jitter and occasional longer stalls), for several `max_gap` settings.

Synthetic timing models (seconded by nothing but common sense, stated so the figures can be read):
- person: gaps log-normal, median 170 ms (fast typist: 95 ms), σ=0.45; 8 % (fast: 15 %) of gaps
  are rollovers of 8–40 ms; words of 2–20 characters, then Enter after a normal gap;
- scanner: gaps uniform 1–9 ms plus ±1 ms jitter; 0.3 % of gaps are stalls of 15–60 ms (a busy
  USB hub or OS scheduler); Enter suffix after a normal gap.
"""

from __future__ import annotations

import argparse
import random
import statistics
import string
import sys
import time

from devices.decode import ScanRejected, decode_scan
from devices.wedge import KeyPress, Verdict, WedgeConfig, WedgeDetector

GS = "\x1d"

SAMPLES: dict[str, list[str]] = {
    "GS1 DataMatrix (01)(17)(10)(21)": [
        "]d2010950110153000317260200101234" + GS + "21SER-77",
        "]d201040063813339311725123110LOT-A9",
    ],
    "GS1-128 with ^ for GS": ["]C1010950110153000310AB-12^21X99", "010950110153000317261231"],
    "GS1 bracketed (HRI)": ["(01)09501101530003(17)260200(10)AB-123"],
    "GTIN-13 (EAN)": ["]E05901234123457", "4006381333931"],
    "SSCC (00)": ["]C100106141411234567897"],
    "location LOC-": ["LOC-SZ1-A03-1-07-2", "LOC-HZ22-B12-3-40-1"],
    "tote TOTE-": ["TOTE-00042"],
    "order ORD-": ["ORD-M1-20261123-000123"],
    "parcel PCL-": ["PCL-0123456789"],
    "badge BADGE-": ["BADGE-P00001"],
    "rejected: bad check digit": ["]C10109501101530004"],
    "rejected: unknown text": ["hello world"],
}


def percentile(sorted_values: list[float], q: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[index]


def bench_decode(iterations: int) -> list[tuple[str, float, float]]:
    rows = []
    for kind, samples in SAMPLES.items():
        for raw in samples:  # warm up
            try:
                decode_scan(raw)
            except ScanRejected:
                pass
        timings = []
        for i in range(iterations):
            raw = samples[i % len(samples)]
            start = time.perf_counter_ns()
            try:
                decode_scan(raw)
            except ScanRejected:
                pass
            timings.append((time.perf_counter_ns() - start) / 1000)
        timings.sort()
        rows.append((kind, statistics.median(timings), percentile(timings, 0.99)))
    return rows


def run_keys(detector: WedgeDetector, text: str, gaps: list[float], start: float) -> tuple[list[str], float]:
    """Feed `text` + Enter with the given gaps (len(text) of them); return scans and the end time."""
    scans = []
    t = start
    for ch, gap in zip(text + "\r", gaps, strict=True):
        key = "Enter" if ch == "\r" else ch
        decision = detector.key_pressed(KeyPress(ch, key, t))
        if decision.verdict is Verdict.SWALLOW and decision.scan is not None:
            scans.append(decision.scan)
        t += gap
    detector.expire(t + 10)
    return scans, t + 10


def human_gaps(rng: random.Random, n: int, median: float, rollover: float) -> list[float]:
    gaps = []
    for _ in range(n):
        if rng.random() < rollover:
            gaps.append(rng.uniform(0.008, 0.040))
        else:
            gaps.append(rng.lognormvariate(0, 0.45) * median)
    return gaps


def scanner_gaps(rng: random.Random, n: int) -> list[float]:
    gaps = []
    for _ in range(n):
        gap = rng.uniform(0.001, 0.009) + rng.uniform(-0.001, 0.001)
        if rng.random() < 0.003:
            gap = rng.uniform(0.015, 0.060)
        gaps.append(max(gap, 0.0002))
    return gaps


def human_word(rng: random.Random) -> str:
    alphabet = string.ascii_letters + string.digits + "-. "
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(2, 20)))


def scan_code(rng: random.Random) -> str:
    return rng.choice([raw for samples in SAMPLES.values() for raw in samples])


def bench_wedge(trials: int, seed: int) -> list[tuple[str, str, int, int]]:
    rows = []
    for max_gap in (0.020, 0.030, 0.050):
        config = WedgeConfig(max_gap=max_gap, min_length=6)
        for label, median, rollover in (("person", 0.170, 0.08), ("fast typist", 0.095, 0.15)):
            rng = random.Random(seed)
            detector = WedgeDetector(config)
            false_scans = 0
            t = 0.0
            for _ in range(trials):
                word = human_word(rng)
                gaps = human_gaps(rng, len(word), median, rollover) + [rng.lognormvariate(0, 0.45) * median]
                # the gap list is per key *after* it: the last entry is the pause before the next word
                scans, t = run_keys(detector, word, gaps[: len(word) + 1], t)
                false_scans += len(scans)
            rows.append((f"{max_gap * 1000:.0f} ms", f"{label}: false scans", false_scans, trials))
        rng = random.Random(seed)
        detector = WedgeDetector(config)
        missed = 0
        t = 0.0
        for _ in range(trials):
            code = scan_code(rng)
            gaps = scanner_gaps(rng, len(code) + 1)
            scans, t = run_keys(detector, code, gaps, t)
            if scans != [code]:
                missed += 1
        rows.append((f"{max_gap * 1000:.0f} ms", "scanner: missed scans", missed, trials))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=20000, help="decodes per kind of code")
    parser.add_argument("--trials", type=int, default=20000, help="words / scans per wedge scenario")
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args(argv)

    print(f"python {sys.version.split()[0]}; {args.iterations} decodes per kind; {args.trials} trials per wedge scenario; seed {args.seed}")
    print()
    print("| kind of code | p50 µs | p99 µs |")
    print("| --- | ---: | ---: |")
    for kind, p50, p99 in bench_decode(args.iterations):
        print(f"| {kind} | {p50:.1f} | {p99:.1f} |")
    print()
    print("| max_gap | scenario | errors | of |")
    print("| --- | --- | ---: | ---: |")
    for gap, scenario, errors, total in bench_wedge(args.trials, args.seed):
        print(f"| {gap} | {scenario} | {errors} | {total} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
