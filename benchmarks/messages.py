"""Messaging partners: Kuaidi100 pushes received per second, SMS sent per second, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/messages.py [--pushes 200] [--sms 200] [--pg postgresql+psycopg://postgres@127.0.0.1:5432]

For each engine: the demo warehouse (max(40, --sms) orders, its shipped parcels), every parcel in transit
subscribed with the local Kuaidi100 simulator, then `--pushes` pushes (each two new events for one
parcel, signed) sent over HTTP to the real `PushServer` one after the other — the time is the
simulator's POST until the endpoint's answer (check, import, commit). Then `--sms` queued SMS sent
by `send_pending_sms` to the local Alibaba Cloud SMS simulator (signature recomputed for each),
unpaced (`max_per_second=0`): one transaction, one open of the phone and one signed HTTPS-less POST
per message. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from desktop.db import models  # noqa: E402
from desktop.db.database import Database  # noqa: E402
from desktop.demo.builder import build_demo  # noqa: E402
from desktop.domain.actor import Actor  # noqa: E402
from desktop.domain.roles import Role  # noqa: E402
from desktop.partners.aliyun_sms import AliyunSmsAccount  # noqa: E402
from desktop.partners.kuaidi100 import Kuaidi100Account, Kuaidi100Client  # noqa: E402
from desktop.services.notifications import queue_notification, send_pending_sms  # noqa: E402
from desktop.services.tracking_push import PushServer, subscribe_in_transit  # noqa: E402
from tests.simulators.aliyun_sms import AliyunSmsSimulator  # noqa: E402
from tests.simulators.kuaidi100 import Kuaidi100Simulator  # noqa: E402

ACTOR = Actor(None, "super1", "Bench", Role.SUPERVISOR, "BENCH")
SALT = "bench-salt"


def pushes(db: Database, n: int) -> tuple[float, float, float]:
    kd = Kuaidi100Simulator().start()
    server = PushServer(db, ACTOR, salt=SALT).start()
    try:
        account = Kuaidi100Account(kd.key, kd.customer, SALT, server.url, kd.url + "/poll", kd.url + "/poll/query.do")
        with db.unit_of_work(ACTOR) as uow:
            numbers = subscribe_in_transit(uow, Kuaidi100Client(account)).subscribed
        if not numbers:
            raise SystemExit("no parcel in transit to push for")
        start = datetime(2026, 12, 1, 8, 0)
        times = []
        for i in range(n):
            number = numbers[i % len(numbers)]
            for k in range(2):
                at = start + timedelta(minutes=2 * i + k)
                kd.add(number, at.strftime("%Y-%m-%d %H:%M:%S"), "在途", f"转运中心 {i}-{k}")
            t0 = time.perf_counter()
            status, _body = kd.push(number)
            times.append(time.perf_counter() - t0)
            assert status == 200, _body
        total = sum(times)
        return n / total, statistics.median(times) * 1000, sorted(times)[int(len(times) * 0.95) - 1] * 1000
    finally:
        server.stop()
        kd.stop()


def sms(db: Database, n: int) -> tuple[float, float]:
    with db.unit_of_work() as uow:
        uow.session.execute(models.Notification.__table__.update().where(models.Notification.status == "queued")
                            .values(status="failed"))  # the demo's own queued rows are not measured
        orders = list(uow.session.scalars(select(models.Order).order_by(models.Order.id).limit(n)))
        for i in range(n):
            o = orders[i]  # one message per order, each its own number (the per-number flow control)
            phone = f"+86 139 {i // 10000:04d} {i % 10000:04d}"
            o.customer_phone_sealed = uow.sealer.seal(phone, "customer_phone", o.order_no)
            o.customer_phone_tail = uow.sealer.phone_digest(phone)  # the seal and its search digest go together
            queue_notification(uow, o, "shipped", channel="sms", tracking_no=f"SF{i:010d}", carrier="顺丰速运")
        uow.commit()
    sim = AliyunSmsSimulator(templates={"SMS_1": "订单${order}已发货：${carrier} ${tracking}"}).start()
    try:
        account = AliyunSmsAccount("LTAI5tPickdeskTest", "pickdesk-test-secret", "拣货台商城",
                                   {"shipped": {"zh": "SMS_1", "en": "SMS_1"}}, endpoint=sim.url, max_per_second=0)
        t0 = time.perf_counter()
        report = send_pending_sms(db, account, actor=ACTOR, limit=100_000)
        elapsed = time.perf_counter() - t0
        assert report.sent == n and report.retried == report.failed == 0, report
        return report.sent / elapsed, elapsed * 1000 / max(report.sent, 1)
    finally:
        sim.stop()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pushes", type=int, default=200)
    ap.add_argument("--sms", type=int, default=200)
    ap.add_argument("--pg", default=None, help="a PostgreSQL server URL (a database is created and dropped)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pickdesk-bench-messages-"))
    os.environ["PICKDESK_DATA_DIR"] = str(work)
    engines = [("SQLite", f"sqlite:///{work / 'central.sqlite3'}")]
    admin = None
    if args.pg:
        name = f"pickdesk_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(f"{args.pg}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        engines.append(("PostgreSQL", f"{args.pg}/{name}"))
    rows = []
    try:
        for label, url in engines:
            db = Database.open(url)
            build_demo(db, orders=max(40, args.sms), seed=3, as_of=date(2026, 11, 23))
            rate, p50, p95 = pushes(db, args.pushes)
            sms_rate, per = sms(db, args.sms)
            rows.append((label, rate, p50, p95, sms_rate, per))
            db.dispose()
    finally:
        if admin is not None:
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    print(f"| engine | pushes/s ({args.pushes}, 2 events each) | push p50 ms | push p95 ms | SMS/s ({args.sms}) | ms per SMS |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, rate, p50, p95, sms_rate, per in rows:
        print(f"| {label} | {rate:.1f} | {p50:.1f} | {p95:.1f} | {sms_rate:.1f} | {per:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
