"""SF open platform round trips against the local simulator: what a waybill costs the packer's close.

Run: .venv/bin/python benchmarks/sf_waybills.py [--orders 200]

Measures, per call over real HTTP on 127.0.0.1 (the simulator checks digest, fields, duplicates as
SF does): EXP_RECE_CREATE_ORDER for one parcel, EXP_RECE_GET_SUB_MAILNO for one child, an 8016
duplicate answered by EXP_RECE_SEARCH_ORDER_RESP (two calls), and EXP_RECE_SEARCH_ROUTES for 10
numbers. It measures the client and the wire, not SF: a real endpoint adds its own network time.
Also the 76 x 130 label with sort codes (PDF) against 100 x 150.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.partners.carriers import sf  # noqa: E402
from printing import render_label_pdf  # noqa: E402
from printing.documents import sample_label  # noqa: E402
from tests.sf_simulator import SfSimulator  # noqa: E402

SENDER = sf.Contact("仓库发货组", "075512345678", "广东省深圳市南山区科技园仓库 1 号", "广东省", "深圳市")
RECIPIENT = sf.Contact("张三", "13800138000", "上海市徐汇区漕溪北路 88 号", "上海市", "上海市", "徐汇区")


def timed(fn, count: int) -> list[float]:  # noqa: ANN001
    out = []
    for i in range(count):
        start = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - start) * 1000)
    return out


def row(name: str, times: list[float]) -> str:
    times = sorted(times)
    p95 = times[int(len(times) * 0.95) - 1]
    return f"| {name} | {len(times)} | {statistics.median(times):.2f} | {p95:.2f} | {max(times):.2f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=200)
    args = parser.parse_args()
    sim = SfSimulator(partners={"BENCH": "bench-check-word"})
    sim.start()
    client = sf.SfClient(sim.url, "BENCH", "bench-check-word")
    n = args.orders
    try:
        create = timed(lambda i: client.create_order(f"B-{i}", SENDER, RECIPIENT, [sf.Cargo("衣物")]), n)
        sub = timed(lambda i: client.sub_waybills(f"B-{i}", 1), n)
        dup = timed(lambda i: client.create_order(f"B-{i}", SENDER, RECIPIENT, [sf.Cargo("衣物")]), n)
        numbers = [w for o in sim.orders.values() for w, _k in o.waybills][:10]
        for number in numbers:
            sim.story(number, datetime(2026, 12, 1, tzinfo=UTC))
        routes = timed(lambda _i: client.routes(numbers), n)
    finally:
        sim.stop()
    label = dataclasses.replace(sample_label(), sort_code="021WE-211A", three_segment="1A-021WE-211A-S10")
    render_label_pdf(label, "76x130")  # fonts loaded
    l76 = timed(lambda i: render_label_pdf(dataclasses.replace(label, tracking_number=f"SF{i:013d}"), "76x130"), n)
    l100 = timed(lambda i: render_label_pdf(dataclasses.replace(label, tracking_number=f"SF{i:013d}"), "100x150"), n)
    print("| what | calls | median ms | p95 ms | max ms |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, times in (("create order (master)", create), ("sub mail no (one child)", sub),
                        ("duplicate 8016 → search order", dup), ("search routes, 10 numbers", routes),
                        ("label PDF 76x130 with sort codes", l76), ("label PDF 100x150 with sort codes", l100)):
        print(row(name, times))


if __name__ == "__main__":
    main()
