"""A real warehouse's set-up file, imported: 50 000 SKUs and 20 000 locations on SQLite and PostgreSQL.

    nice .venv/bin/python benchmarks/setup_import.py [--skus 50000] [--locations 20000] [--engines sqlite postgresql]

The document (warehouse-setup.md) is generated once into a temporary folder, streamed to disk item
by item: two warehouses sharing the locations, 25 merchants with shipping terms and regional fees,
the SKUs (a quarter lot-tracked), a few promotions of every kind, 60 people, and an opening
balance in every second location. For each engine a fresh process (so its peak memory is its own)
opens an empty database and times, each from the file on disk:

* **import** — `read_setup` (ijson, item by item, every row checked) + `import_setup` (checked
  against the file and the database, written in one transaction, audited row by row);
* **again** — the same file a second time: every row compared, nothing written (a no-op);
* **export** — `write_setup` to a file, then that file's size.

Peak memory is the process's maximum resident set (`ru_maxrss`) after each step, and the resident
set before the first (interpreter, SQLAlchemy, the empty database) for reference. Prints a Markdown
table; the target is under a minute for the import on each engine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SERVER = os.environ.get("PICKDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
PROVINCES = ["广东省", "浙江省", "江苏省", "北京市", "上海市", "四川省", "湖北省", "新疆维吾尔自治区", "西藏自治区"]


def _gtin14(n: int) -> str:
    from biip.checksums import gs1_standard_check_digit

    body = f"0697{n:09d}"  # GS1 China prefix range, one item reference per SKU
    return body + str(gs1_standard_check_digit(body))


def layout_for(locations: int) -> tuple[dict, int]:
    """A rectangular layout holding `locations` / 2 bins at 4 levels (one per warehouse)."""
    per_level = locations // 2 // 4
    aisles, blocks = 50, 2
    slots = -(-per_level // (aisles * blocks))
    return {"aisles": aisles, "blocks": blocks, "block_length": 30.0, "aisle_spacing": 3.0, "slots": slots,
            "depot_x": 0.0}, per_level


def write_document(path: Path, n_skus: int, n_locations: int) -> dict[str, int]:
    """The set-up document, written row by row (never one tree in memory)."""
    counts = {"locations": 0, "skus": 0, "stock": 0}
    layout, per_level = layout_for(n_locations)
    merchants = [f"MB{n:02d}" for n in range(25)]
    lot_tracked = {i for i in range(n_skus) if i % 4 == 0}
    with path.open("w", encoding="utf-8") as out:
        out.write('{"warehouses": [')
        location_codes: list[str] = []
        for w, code in enumerate(("BJ1", "TJ2")):
            out.write(("," if w else "") + "\n" + json.dumps({"code": code, "name": f"Bench {code} 仓",
                                                               "city": "北京市", "layout": layout})[:-1])
            out.write(', "locations": [')
            n = 0
            for aisle in range(layout["aisles"]):
                for block in range(layout["blocks"]):
                    for slot in range(layout["slots"]):
                        for level in range(1, 5):
                            if n >= per_level * 4:
                                break
                            loc = f"{code}-A{aisle:02d}-{block}-{slot:02d}-{level}"
                            out.write(("," if n else "") + "\n" + json.dumps(
                                {"code": loc, "aisle": aisle, "block": block, "slot": slot, "level": level,
                                 "kind": "pick" if level < 4 else "reserve"}))
                            location_codes.append(loc)
                            n += 1
            counts["locations"] += n
            out.write("]}")
        out.write('],\n"merchants": [')
        for m, code in enumerate(merchants):
            out.write(("," if m else "") + "\n" + json.dumps({
                "code": code, "name": f"Bench Merchant {m} 商家{m}", "phone": f"+86 10 8800 {1000 + m}",
                "address": "北京市朝阳区建国路 1 号", "return_days": 7, "warranty_days": 365,
                "shipping": {"free_threshold": "99.00", "standard_fee": "8.00",
                             "regions": [{"provinces": ["新疆维吾尔自治区", "西藏自治区"], "fee": "20.00"}]}},
                ensure_ascii=False))
        out.write('],\n"skus": [')
        for i in range(n_skus):
            out.write(("," if i else "") + "\n" + json.dumps({
                "merchant": merchants[i % len(merchants)], "sku": f"{merchants[i % len(merchants)]}-{i:06d}",
                "gtin": _gtin14(i), "name": f"Bench product {i}", "name_zh": f"测试商品 {i}",
                "weight_g": 100 + i % 900, "dims_mm": [100 + i % 200, 80, 40 + i % 60], "fragile": i % 11 == 0,
                "unit_value": f"{19 + i % 300}.90", "lot_tracked": i in lot_tracked,
                "min_remaining_shelf_days": 30 if i in lot_tracked else 0, "low_stock_threshold": 5 + i % 10},
                ensure_ascii=False))
        counts["skus"] = n_skus
        out.write('],\n"promotions": [')
        promotions = [{"code": "B-SAVE10", "kind": "coupon", "amount_off": "10.00", "min_spend": "100.00",
                       "valid_from": "2026-11-01T00:00:00+08:00", "valid_to": "2026-12-31T23:59:59+08:00"},
                      {"code": "B-GOLD", "kind": "tier", "tier": "gold", "percent": "5"},
                      {"code": "B-300-30", "kind": "threshold", "threshold": "300.00", "amount_off": "30.00"}]
        promotions += [{"code": f"{code}-NEW", "kind": "coupon", "merchant": code, "amount_off": "5.00",
                        "min_spend": "50.00"} for code in merchants[:5]]
        out.write(",\n".join(json.dumps(p) for p in promotions))
        out.write('],\n"users": [')
        roles = ["picker"] * 30 + ["packer"] * 15 + ["receiver"] * 8 + ["supervisor"] * 5 + ["admin"] * 2
        out.write(",\n".join(json.dumps({"login": f"bench{n:02d}", "name": f"Bench Person {n}", "role": role,
                                         "badge": f"BB-{n:05d}"}) for n, role in enumerate(roles)))
        out.write('],\n"stock": [')
        for n, loc in enumerate(location_codes[::2]):
            i = (n * 7919) % n_skus
            row = {"location": loc, "gtin": _gtin14(i), "qty": 5 + n % 50}
            if i in lot_tracked:
                row.update(lot=f"L{i % 97:02d}{n % 5}", expiry=f"2027-{1 + n % 12:02d}-15")
            out.write(("," if n else "") + "\n" + json.dumps(row))
            counts["stock"] += 1
        out.write("]}\n")
    return counts


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def child(url: str, document: Path, out_dir: Path) -> None:
    """One engine, in its own process: import, import again, export."""
    from desktop.db.database import Database
    from desktop.formats.setup import import_setup, read_setup, write_setup
    from desktop.security.crypto import Sealer

    db = Database.open(url, sealer=Sealer(b"s" * 32))
    result: dict[str, float | int | str] = {"engine": db.backend, "base_mb": current_mb()}
    try:
        for step in ("import", "again"):
            t0 = time.perf_counter()
            parsed = read_setup(document)
            assert not parsed.problems, parsed.problems[:5]
            t1 = time.perf_counter()
            with db.unit_of_work() as uow:
                report = import_setup(uow, parsed)
            t2 = time.perf_counter()
            del parsed
            result[f"{step}_read_s"], result[f"{step}_write_s"] = t1 - t0, t2 - t1
            result[f"{step}_s"], result[f"{step}_peak_mb"] = t2 - t0, peak_mb()
            result[f"{step}_changed"] = report.changed
        exported = out_dir / f"export-{db.backend}.json"
        t0 = time.perf_counter()
        with db.unit_of_work() as uow, exported.open("w", encoding="utf-8") as out:
            counts = write_setup(uow, out)
        result["export_s"], result["export_peak_mb"] = time.perf_counter() - t0, peak_mb()
        result["export_mb"] = exported.stat().st_size / 2**20
        result["exported"] = ", ".join(f"{n} {name}" for name, n in counts.items())
    finally:
        db.dispose()
    print("RESULT " + json.dumps(result), flush=True)


def fresh_pg() -> str:
    import psycopg

    name = f"pickdesk_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(SERVER.replace("postgresql+psycopg://", "postgresql://") + "/postgres", autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    return f"{SERVER}/{name}"


def drop_pg(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(SERVER.replace("postgresql+psycopg://", "postgresql://") + "/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skus", type=int, default=50_000)
    parser.add_argument("--locations", type=int, default=20_000)
    parser.add_argument("--engines", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    parser.add_argument("--child", nargs=3, metavar=("URL", "DOCUMENT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return 0
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        document = Path(folder) / "setup.json"
        t0 = time.perf_counter()
        made = write_document(document, args.skus, args.locations)
        print(f"document: {document.stat().st_size / 2**20:.1f} MB, {made['skus']} SKUs, {made['locations']} "
              f"locations, {made['stock']} stock lines, written in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        for engine in args.engines:
            url = f"sqlite:///{folder}/bench.sqlite3" if engine == "sqlite" else fresh_pg()
            try:
                env = dict(os.environ, PICKDESK_DATA_DIR=folder)
                proc = subprocess.run([sys.executable, __file__, "--child", url, str(document), folder],
                                      capture_output=True, text=True, env=env, check=False)
                line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
                if proc.returncode or line is None:
                    print(proc.stdout, proc.stderr, file=sys.stderr)
                    return 1
                rows.append(json.loads(line[len("RESULT "):]))
            finally:
                if engine == "postgresql":
                    drop_pg(url)
    print(f"{args.skus} SKUs, {made['locations']} locations, {made['stock']} opening-stock lines, 25 merchants, "
          f"8 promotions, 60 people\n")
    print("| engine | import s (read + write) | peak MB | again (no-op) s | changed | peak MB | export s | MB "
          "written | peak MB | before MB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r['engine']} | {r['import_s']:.1f} ({r['import_read_s']:.1f} + {r['import_write_s']:.1f}) | "
              f"{r['import_peak_mb']:.0f} | {r['again_s']:.1f} | {r['again_changed']} | {r['again_peak_mb']:.0f} | "
              f"{r['export_s']:.1f} | {r['export_mb']:.1f} | {r['export_peak_mb']:.0f} | {r['base_mb']:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
