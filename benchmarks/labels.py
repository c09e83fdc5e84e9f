"""Milliseconds per shipping label: PDF, and ZPL at 203 and 300 dpi; and a 1000-label batch.

Run: .venv/bin/python benchmarks/labels.py [--repeat 200] [--batch 1000]
Each label differs (parcel number, tracking number) so layout caches do not make the figures lie
about a real packing shift; the first render (font loading) is reported apart.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time

from printing import render_label_pdf, render_label_zpl
from printing.documents import sample_label


def labels(count: int):
    base = sample_label()
    for i in range(count):
        yield dataclasses.replace(base, tracking_number=f"SF{1000000000000 + i:013d}", order_number=f"PD-2024-{i:06d}")


def measure(render, count: int) -> list[float]:
    times = []
    for label in labels(count):
        start = time.perf_counter()
        render(label)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()

    start = time.perf_counter()
    render_label_pdf(sample_label(), "100x150")
    render_label_zpl(sample_label(), "100x150", 203)
    first = (time.perf_counter() - start) * 1000

    cases = [
        ("PDF 100x150", lambda lb: render_label_pdf(lb, "100x150")),
        ("PDF 100x180", lambda lb: render_label_pdf(lb, "100x180")),
        ("ZPL 100x150 203 dpi", lambda lb: render_label_zpl(lb, "100x150", 203)),
        ("ZPL 100x150 300 dpi", lambda lb: render_label_zpl(lb, "100x150", 300)),
        ("ZPL 100x180 203 dpi", lambda lb: render_label_zpl(lb, "100x180", 203)),
        ("ZPL 100x180 300 dpi", lambda lb: render_label_zpl(lb, "100x180", 300)),
    ]
    print(f"First label (fonts loaded): {first:.0f} ms\n")
    print("| label | p50 ms | p95 ms | size |")
    print("| --- | ---: | ---: | ---: |")
    for name, render in cases:
        times = measure(render, args.repeat)
        q = statistics.quantiles(times, n=20)
        size = len(render(sample_label()))
        print(f"| {name} | {statistics.median(times):.1f} | {q[18]:.1f} | {size / 1024:.0f} KiB |")

    print()
    print(f"| batch of {args.batch} labels | seconds | labels/s |")
    print("| --- | ---: | ---: |")
    for name, render in (cases[0], cases[2]):
        start = time.perf_counter()
        for label in labels(args.batch):
            render(label)
        elapsed = time.perf_counter() - start
        print(f"| {name} | {elapsed:.1f} | {args.batch / elapsed:.0f} |")


if __name__ == "__main__":
    main()
