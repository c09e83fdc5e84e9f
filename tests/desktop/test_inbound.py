"""Receiving against a notice and putting away, on SQLite and PostgreSQL, through the real services and CLI:
the ASN format accepted as written and refused whole, scans judged (over, short, unexpected, another
lot, expired, short-dated), closing posts RECEIPT movements and closes what the notice answers,
put-away suggests a bin and never mixes expiries, two receivers into one bin at once (PostgreSQL),
and the issue's end-to-end run: low stock → request → notice → receive → put away → the backordered
order released and picked."""

from __future__ import annotations

import csv
import io
import json
import threading
import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from aftersales_helpers import actor, call
from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.errors import NotAllowed
from desktop.domain.receiving import Decision, DecisionNeeded, Issue, Received, ReceiveRefused
from desktop.services import inbound, picking, putaway
from desktop.services.inbound import CloseReport, LineDifference, differences_csv
from desktop.services.stock import verify_ledger
from gs1_scans import gs1_item

TODAY = date.today()  # the CLI judges expiry against the real day: the demo is built as of it


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    database = Database.open(url)
    build_demo(database, orders=40, seed=3, as_of=TODAY)
    yield database
    database.dispose()


def one(db: Database, query):
    with db.unit_of_work() as uow:
        return uow.session.scalar(query)


def notice_lines(db: Database, asn_no: str) -> list[tuple[str, str, bool, str | None, date | None, int]]:
    with db.unit_of_work() as uow:
        n = uow.session.scalar(select(models.InboundNotice).where(models.InboundNotice.asn_no == asn_no))
        return [(ln.sku.gtin, ln.sku.sku_code, ln.sku.lot_tracked, ln.lot_code, ln.expiry, ln.expected_qty)
                for ln in n.lines]


def stock_at(db: Database, code: str, sku: str) -> int:
    S, L, K = models.Stock, models.Location, models.Sku
    return int(one(db, select(func.coalesce(func.sum(S.on_hand), 0)).join(L, S.location_id == L.id)
                   .join(K, S.sku_id == K.id).where(L.code == code, K.sku_code == sku)))


def ledger_true(db: Database) -> None:
    with db.unit_of_work() as uow:
        assert verify_ledger(uow) == []


DAY = f"{TODAY:%Y%m%d}"
SUPPLIER = f"ASN-SZ1-{DAY}-02"  # three lines, the first lot-tracked with its lot declared
ANSWER = f"ASN-SZ1-{DAY}-01"  # answers a backorder's replenishment request
TRANSFER = f"ASN-GZ2-{DAY}-01"  # from GZ2, closes the stock transfer


# ─── the notice format ─────────────────────────────────────────────────────────


def test_the_format_is_accepted_as_written_and_refused_whole(db: Database, tmp_path, sign_in_as, capsys) -> None:
    (g1, _s1, tracked, *_), (g2, *_r) = notice_lines(db, SUPPLIER)[:2]
    request_id = one(db, select(models.ReplenishmentRequest.id).where(models.ReplenishmentRequest.status == "open"))
    doc = {"notices": [{
        "asn_no": "ASN-HM1-20261203-01", "warehouse": "SZ1",
        "source": {"kind": "supplier", "code": "SUP-LJ", "name": "龙井茶厂"},
        "expected_at": "2026-12-04T09:00:00+08:00", "replenishment_request": request_id,
        "lines": [{"gtin": g1, "qty": 120, "lot": "LJ2612", "expiry": "2027-12-01"}, {"gtin": g2, "qty": 48}]}]}
    good = tmp_path / "asn.json"
    good.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    bad_doc = json.loads(json.dumps(doc))
    bad_doc["notices"][0]["asn_no"] = "ASN-HM1-20261203-02"
    bad_doc["notices"].append({"asn_no": "ASN-X", "warehouse": "XX9", "source": {"kind": "ship", "code": "A"},
                               "lines": [{"gtin": "12345", "qty": 0}, {"gtin": g2, "qty": 1, "expiry": "2027-02-30",
                                                                       "colour": "red"}]})
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(bad_doc), encoding="utf-8")
    before = one(db, select(func.count()).select_from(models.InboundNotice))
    assert main(["--db", db.url, "inbound", "import", str(bad), *sign_in_as("super1", "5555")]) == 2
    err = capsys.readouterr().err
    for word in ("warehouse", "source.kind", "lines[1].gtin", "lines[1].qty", "lines[2].expiry", "lines[2].colour"):
        assert word in err, word
    assert one(db, select(func.count()).select_from(models.InboundNotice)) == before  # nothing, not even the good one
    hostile = tmp_path / "deep.json"
    hostile.write_text('{"notices": ' + "[" * 200 + "]" * 200 + "}", encoding="utf-8")
    assert main(["--db", db.url, "inbound", "import", str(hostile), *sign_in_as("super1", "5555")]) == 2
    assert "Traceback" not in capsys.readouterr().err
    # a receiver may not import; a supervisor may, once
    assert main(["--db", db.url, "inbound", "import", str(good), *sign_in_as("receiver1", "6666")]) == 2
    assert main(["--db", db.url, "inbound", "import", str(good), *sign_in_as("super1", "5555")]) == 0
    assert main(["--db", db.url, "inbound", "import", str(good), *sign_in_as("super1", "5555")]) == 2
    assert "exists already" in capsys.readouterr().err
    assert main(["--db", db.url, "inbound", "list", "--json"]) == 0
    listed = {r["asn_no"]: r for r in json.loads(capsys.readouterr().out)}
    assert listed["ASN-HM1-20261203-01"]["units"] == 168 and listed["ASN-HM1-20261203-01"]["status"] == "expected"
    assert {SUPPLIER, ANSWER, TRANSFER} <= set(listed)  # the demo's three open notices
    assert one(db, select(models.ReplenishmentRequest.status).where(models.ReplenishmentRequest.id == request_id)) == "sent"


# ─── receiving at the dock ─────────────────────────────────────────────────────


def test_scans_are_judged_decided_and_closing_posts_the_stock(db: Database) -> None:
    (g1, s1, _t, lot1, exp1, q1), (g2, s2, *_x, q2), (g3, s3, *_y, q3) = notice_lines(db, SUPPLIER)
    with db.unit_of_work(actor(db, "receiver1")) as uow:
        session = inbound.open_session(uow, SUPPLIER, today=TODAY)
    assert session.dock == "SZ1-D00-0-00-0"
    first = session.scan_raw(gs1_item(g1, lot1, exp1, q1 - 4))
    assert isinstance(first, Received) and first.receipt.qty == q1 - 4
    other_lot = session.scan_raw(gs1_item(g1, "OTHER1", exp1, 4))
    assert isinstance(other_lot, DecisionNeeded) and other_lot.issues == (Issue.LOT_DIFFERS,)
    with pytest.raises(ReceiveRefused):  # nothing else until it is decided
        session.scan_raw(gs1_item(g2))
    session.decide(Decision.ACCEPT)
    with pytest.raises(ReceiveRefused) as info:  # a lot-tracked unit without its lot and expiry
        session.scan_raw(gs1_item(g1))
    assert info.value.reason == "lot_required"
    assert isinstance(session.scan_raw(gs1_item(g2, count=q2)), Received)
    over = session.scan_raw(gs1_item(g2))
    assert isinstance(over, DecisionNeeded) and over.issues == (Issue.OVER,) and over.suggested is Decision.QUARANTINE
    session.decide(Decision.QUARANTINE, "one extra case")
    expired = session.scan_raw(gs1_item(g1, lot1, TODAY - timedelta(days=1), 2))
    assert Issue.EXPIRED in expired.issues and Decision.ACCEPT not in expired.choices
    with pytest.raises(ReceiveRefused):
        session.decide(Decision.ACCEPT)
    session.decide(Decision.REFUSE)
    short_dated = session.scan_raw(gs1_item(g1, lot1, TODAY + timedelta(days=3), 1))
    assert short_dated.issues == (Issue.OVER, Issue.SHORT_DATED)  # line 1 is full by now, too
    session.decide(Decision.QUARANTINE)
    extra = one(db, select(models.Sku.gtin).where(models.Sku.gtin.not_in([g1, g2, g3]),
                                                  models.Sku.lot_tracked.is_(False)).order_by(models.Sku.id))
    unexpected = session.scan_raw(gs1_item(extra, count=2))
    assert unexpected.issues == (Issue.UNEXPECTED,)
    session.decide(Decision.ACCEPT)
    with pytest.raises(ReceiveRefused) as info:
        session.scan_raw(gs1_item("00000000000017"))
    assert info.value.reason == "unknown_item"
    # save, reopen (a notice may be received in parts): the earlier receipts come back
    with db.unit_of_work(actor(db, "receiver1")) as uow:
        assert inbound.save_receipts(uow, SUPPLIER, session.unsaved) == q1 - 4 + 4 + q2 + 1 + 1 + 2
    with db.unit_of_work(actor(db, "receiver1")) as uow:
        again = inbound.open_session(uow, SUPPLIER, today=TODAY)
    assert len(again.receipts) == 7 and again.received_of(2) == q2 + 1
    before_quarantine = stock_at(db, "SZ1-Q00-0-00-0", s2)
    with db.unit_of_work(actor(db, "receiver1")) as uow:
        report = inbound.close_notice(uow, SUPPLIER, today=TODAY)
    by_line = {d.line_no: d for d in report.lines}
    assert (by_line[1].accepted, by_line[1].quarantined, by_line[1].refused) == (q1, 1, 2)
    assert by_line[2].over == 1 and by_line[3].short == q3 and by_line[None].accepted == 2
    assert "lot_differs" in by_line[1].issues
    # accepted units at the dock, quarantined ones in quarantine: RECEIPT movements; refused ones nowhere
    assert stock_at(db, "SZ1-D00-0-00-0", s1) == q1 and stock_at(db, "SZ1-D00-0-00-0", s2) == q2
    assert stock_at(db, "SZ1-Q00-0-00-0", s2) == before_quarantine + 1
    assert one(db, select(func.count()).select_from(models.StockMovement)
               .where(models.StockMovement.kind == "receipt", models.StockMovement.ref == SUPPLIER)) == 6
    ledger_true(db)
    rows = list(csv.reader(io.StringIO(differences_csv(report))))
    assert rows[0][:4] == ["asn_no", "line", "gtin", "sku"] and len(rows) == 1 + 4
    with db.unit_of_work(actor(db, "receiver1")) as uow, pytest.raises(inbound.NoticeRefused):
        inbound.close_notice(uow, SUPPLIER)


def test_the_differences_csv_escapes_formulas() -> None:
    from datetime import UTC, datetime

    line = LineDifference(1, "06900000000017", "=HYPERLINK(\"http://x\")", 5, 4, 0, 0, ("over",))
    report = CloseReport("+ASN", "SZ1", "supplier X", datetime.now(UTC), "D", "Q", (line,), None, None)
    row = list(csv.reader(io.StringIO(differences_csv(report))))[1]
    assert row[0] == "'+ASN" and row[3].startswith("'=")


def test_a_scan_file_is_received_whole_or_not_at_all(db: Database, tmp_path, sign_in_as, capsys) -> None:
    (g1, s1, _t, lot1, exp1, _q1), (g2, s2, *_x) = notice_lines(db, SUPPLIER)[:2]
    bad = tmp_path / "bad.txt"
    bad.write_text(f"# batch scanner 7\n{gs1_item(g1, lot1, exp1)}\nQTY:10\n\nLOC-SZ1-D00-0-00-0\nQTY:3\n"
                   f"{gs1_item(g1)}\nnot a barcode\n{g2}\nQTY:x\n", encoding="utf-8")
    assert main(["--db", db.url, "inbound", "receive", SUPPLIER, "--scans", str(bad),
                 *sign_in_as("receiver1", "6666")]) == 2
    err = capsys.readouterr().err
    for n in (6, 7, 8, 10):
        assert f"line {n}:" in err, (n, err)
    assert "line 2:" not in err and "line 3:" not in err
    assert one(db, select(func.count()).select_from(models.InboundReceipt)) == 0
    good = tmp_path / "good.txt"
    good.write_text(f"LOC-SZ1-D00-0-00-0\n{gs1_item(g1, lot1, exp1)}\nQTY:10\n{g2}\n{g2}\n", encoding="utf-8")
    assert main(["--db", db.url, "inbound", "receive", SUPPLIER, "--scans", str(good),
                 *sign_in_as("receiver1", "6666")]) == 0
    assert "12 units received" in capsys.readouterr().out
    report = tmp_path / "diff.csv"
    assert main(["--db", db.url, "inbound", "close", SUPPLIER, "--report", str(report),
                 *sign_in_as("receiver1", "6666")]) == 0
    out = capsys.readouterr().out
    assert "12 accepted" in out and s2 in out
    rows = list(csv.DictReader(io.StringIO(report.read_text(encoding="utf-8"))))
    assert [int(r["accepted"]) for r in rows] == [10, 2, 0] and int(rows[2]["short"]) > 0
    assert stock_at(db, "SZ1-D00-0-00-0", s1) == 10
    assert main(["--db", db.url, "inbound", "list"]) == 0
    assert SUPPLIER not in capsys.readouterr().out  # closed: no longer listed as open


def test_closing_answers_the_request_and_the_transfer(db: Database) -> None:
    req_id = one(db, select(models.InboundNotice.replenishment_request_id).where(models.InboundNotice.asn_no == ANSWER))
    transfer_id = one(db, select(models.InboundNotice.stock_transfer_id).where(models.InboundNotice.asn_no == TRANSFER))
    for asn in (ANSWER, TRANSFER):
        (gtin, _s, tracked, lot, expiry, qty), = notice_lines(db, asn)
        with db.unit_of_work(actor(db, "receiver1")) as uow:
            session = inbound.open_session(uow, asn, today=TODAY)
        verdict = session.scan_raw(gs1_item(gtin, lot or ("X1" if tracked else None),
                                            expiry or (TODAY + timedelta(days=800) if tracked else None), qty))
        assert isinstance(verdict, Received)
        with db.unit_of_work(actor(db, "receiver1")) as uow:
            inbound.save_receipts(uow, asn, session.unsaved)
        with db.unit_of_work(actor(db, "receiver1")) as uow:
            report = inbound.close_notice(uow, asn, today=TODAY)
        assert not report.differences
    assert one(db, select(models.ReplenishmentRequest.status).where(models.ReplenishmentRequest.id == req_id)) == "received"
    transfer = one(db, select(models.StockTransfer).where(models.StockTransfer.id == transfer_id))
    assert transfer.status == "received" and transfer.received_at is not None
    with db.unit_of_work(actor(db, "picker1")) as uow, pytest.raises(NotAllowed):
        inbound.open_session(uow, SUPPLIER)


# ─── put-away ──────────────────────────────────────────────────────────────────


def _land_at_dock(db: Database, asn: str) -> list[tuple]:
    lines = notice_lines(db, asn)
    with db.unit_of_work(actor(db, "receiver1")) as uow:
        session = inbound.open_session(uow, asn, today=TODAY)
    for gtin, _s, tracked, lot, expiry, qty in lines:
        verdict = session.scan_raw(gs1_item(gtin, lot or ("X1" if tracked else None),
                                            expiry or (TODAY + timedelta(days=800) if tracked else None), qty))
        assert isinstance(verdict, Received), verdict
    with db.unit_of_work(actor(db, "receiver1")) as uow:
        inbound.save_receipts(uow, asn, session.unsaved)
    with db.unit_of_work(actor(db, "receiver1")) as uow:
        inbound.close_notice(uow, asn, today=TODAY)
    return lines


def test_put_away_suggests_a_bin_moves_the_stock_and_never_mixes_expiries(db: Database, capsys, sign_in_as) -> None:
    lines = _land_at_dock(db, SUPPLIER)
    (g1, s1, _t, lot1, exp1, q1), (g2, s2, *_x, q2) = lines[:2]
    with db.unit_of_work() as uow:
        waiting = {w.sku: w for w in putaway.waiting_at_dock(uow)}
    assert waiting[s1].qty == q1 and waiting[s1].lot == lot1 and waiting[s1].suggested
    # a bin holding another expiry of the lot-tracked SKU is never suggested, and refused when scanned
    S, L, Lo, K = models.Stock, models.Location, models.Lot, models.Sku
    other = one(db, select(L.code).join(S, S.location_id == L.id).join(K, S.sku_id == K.id)
                .join(Lo, S.lot_id == Lo.id).where(K.sku_code == s1, S.on_hand > 0, Lo.expiry != exp1))
    if other:
        assert waiting[s1].suggested != other
        with db.unit_of_work(actor(db, "receiver1")) as uow, pytest.raises(putaway.PutAwayRefused) as info:
            putaway.put_away(uow, sku=s1, lot=lot1, target=f"LOC-{other}")
        assert "expiry" in info.value.message and "有效期" in info.value.message_zh
    with db.unit_of_work(actor(db, "receiver1")) as uow:
        done = putaway.put_away(uow, sku=s1, lot=lot1, qty=q1 - 2)
    assert done.target == waiting[s1].suggested and done.qty == q1 - 2
    assert stock_at(db, done.target, s1) >= q1 - 2 and stock_at(db, "SZ1-D00-0-00-0", s1) == 2
    # the rest of the lot: the same bin is now the first suggestion (same SKU and lot)
    with db.unit_of_work() as uow:
        assert {w.sku: w for w in putaway.waiting_at_dock(uow)}[s1].suggested == done.target
    # the plain SKU by the CLI, to a bin of our choosing, then bin to bin with `stock move`
    empty = one(db, select(L.code).where(L.kind == "reserve", L.code.like("SZ1-%"),
                                         ~select(S.id).where(S.location_id == L.id, S.on_hand > 0).exists())
                .order_by(L.code))
    assert main(["--db", db.url, "putaway", "--sku", s2, "--to", f"LOC-{empty}", *sign_in_as("receiver1", "6666")]) == 0
    assert f"{q2} × {s2}" in capsys.readouterr().out and stock_at(db, empty, s2) == q2
    assert main(["--db", db.url, "stock", "move", "--sku", s2, "--from", empty, "--to", "SZ1-A01-1-01-1",
                 "--qty", "1", *sign_in_as("receiver1", "6666")]) == 0
    assert stock_at(db, empty, s2) == q2 - 1
    assert main(["--db", db.url, "putaway", "--sku", s2, "--from", empty, "--to", "SZ1-Q00-0-00-0",
                 *sign_in_as("receiver1", "6666")]) == 2  # quarantine is no bin to put away to
    assert "not a bin" in capsys.readouterr().err
    with db.unit_of_work() as uow:
        M = models.StockMovement
        got = dict(uow.session.execute(select(M.kind, func.count()).group_by(M.kind)).all())
    assert got["putaway"] == 4 and got["move"] == 2
    ledger_true(db)


@pytest.mark.postgres
def test_two_receivers_put_two_expiries_into_one_empty_bin_at_once(pg_empty_url, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    db = Database.open(pg_empty_url)
    try:
        build_demo(db, orders=20, seed=3, as_of=TODAY)
        (g1, s1, _t, lot1, exp1, q1), *_ = notice_lines(db, SUPPLIER)
        with db.unit_of_work(actor(db, "receiver1")) as uow:
            session = inbound.open_session(uow, SUPPLIER, today=TODAY)
        session.scan_raw(gs1_item(g1, lot1, exp1, 5))
        session.scan_raw(gs1_item(g1, "LATER1", exp1 + timedelta(days=30), 5))
        session.decide(Decision.ACCEPT)
        with db.unit_of_work(actor(db, "receiver1")) as uow:
            inbound.save_receipts(uow, SUPPLIER, session.unsaved)
        with db.unit_of_work(actor(db, "receiver1")) as uow:
            inbound.close_notice(uow, SUPPLIER, today=TODAY)
        L, S = models.Location, models.Stock
        empty = one(db, select(L.code).where(L.kind == "reserve", L.code.like("SZ1-%"),
                                             ~select(S.id).where(S.location_id == L.id).exists())
                    .order_by(L.code))
        second = Database.open(pg_empty_url)  # another station: its own engine and connections
        barrier = threading.Barrier(2)
        results: dict[str, object] = {}

        def receiver(database: Database, lot: str) -> None:
            try:
                with database.unit_of_work(actor(database, "receiver1")) as uow:
                    barrier.wait(timeout=10)
                    results[lot] = putaway.put_away(uow, sku=s1, lot=lot, target=empty)
            except Exception as exc:  # noqa: BLE001 - the loser's refusal is the result
                results[lot] = exc

        threads = [threading.Thread(target=receiver, args=(db, lot1)), threading.Thread(target=receiver, args=(second, "LATER1"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        second.dispose()
        refused = [r for r in results.values() if isinstance(r, putaway.PutAwayRefused)]
        done = [r for r in results.values() if isinstance(r, putaway.PutAwayDone)]
        assert len(done) == 1 and len(refused) == 1, results
        with db.unit_of_work() as uow:
            lots = uow.session.execute(select(models.Lot.lot_code, S.on_hand).join(models.Lot, S.lot_id == models.Lot.id)
                                       .join(L, S.location_id == L.id).where(L.code == empty, S.on_hand > 0)).all()
        assert lots == [(done[0].lot, 5)]
        ledger_true(db)
    finally:
        db.dispose()


# ─── the issue's end-to-end run ────────────────────────────────────────────────


def test_low_stock_to_request_to_notice_to_put_away_releases_and_picks_the_backorder(db: Database, tmp_path,
                                                                                   sign_in_as) -> None:
    from desktop.services.intake import release_backordered
    from desktop.services.replenishment import available_in_pick

    O, K, R = models.Order, models.Sku, models.ReplenishmentRequest
    with db.unit_of_work() as uow:  # the demo's backordered order with the fewest lines, and what it lacks
        orders = uow.session.scalars(select(O).where(O.status == "backordered")).all()
        order = min(orders, key=lambda o: (len(o.lines), o.id))
        order_no, wh = order.order_no, order.warehouse_id
        short = []
        for line in order.lines:
            gap = line.qty - available_in_pick(uow, line.sku_id, wh)
            if gap > 0:
                req = uow.session.scalar(select(R.id).where(R.sku_id == line.sku_id, R.status.in_(("open", "sent")))
                                         .order_by(R.id))
                short.append((line.sku.gtin, line.sku.sku_code, line.sku.lot_tracked, gap, req))
    assert short and all(req for *_x, req in short)  # the shortage raised its replenishment requests
    # stock landing elsewhere does not release it, nor raise another request
    requests_before = one(db, select(func.count()).select_from(R))
    with db.unit_of_work(actor(db, "receiver1")) as uow:
        assert release_backordered(uow, [k for k in uow.session.scalars(select(K.id))][:5], wh) == []
        uow.commit()
    assert one(db, select(func.count()).select_from(R)) == requests_before
    for n, (gtin, code, tracked, gap, req) in enumerate(short):
        asn_no = f"ASN-E2E-{n}"
        line = {"gtin": gtin, "qty": gap + 2} | ({"lot": f"E2E{n}", "expiry": f"{TODAY.year + 2}-06-30"} if tracked else {})
        asn_file = tmp_path / f"asn{n}.json"
        asn_file.write_text(json.dumps({"notices": [{
            "asn_no": asn_no, "warehouse": "SZ1", "source": {"kind": "supplier", "code": "SUP-E2E"},
            "expected_at": f"{TODAY}T09:00:00+08:00", "replenishment_request": req, "lines": [line]}]}), encoding="utf-8")
        assert main(["--db", db.url, "inbound", "import", str(asn_file), *sign_in_as("super1", "5555")]) == 0
        scans = tmp_path / f"scans{n}.txt"
        expiry = date(TODAY.year + 2, 6, 30)
        scans.write_text(f"{gs1_item(gtin, f'E2E{n}' if tracked else None, expiry if tracked else None, gap + 2)}\n",
                         encoding="utf-8")
        assert main(["--db", db.url, "inbound", "receive", asn_no, "--scans", str(scans),
                     *sign_in_as("receiver1", "6666")]) == 0
        assert main(["--db", db.url, "inbound", "close", asn_no, *sign_in_as("receiver1", "6666")]) == 0
        assert one(db, select(R.status).where(R.id == req)) == "received"
        assert one(db, select(O.status).where(O.order_no == order_no)) == "backordered"  # at the dock: not yet
        with db.unit_of_work(actor(db, "receiver1")) as uow:
            done = putaway.put_away(uow, sku=code, lot=f"E2E{n}" if tracked else None)
        assert one(db, select(models.Location.kind).where(models.Location.code == done.target)) == "pick"
    assert done.released == (order_no,)
    assert one(db, select(O.status).where(O.order_no == order_no)) == "ready"
    # and a picker picks it
    for _ in range(20):
        view = call(db, "picker1", picking.next_batch, today=TODAY)
        for stop in view.open_stops:
            call(db, "picker1", picking.confirm_pick, stop.task_id, stop.qty, stop.lot_code, str(uuid.uuid4()))
        if one(db, select(O.status).where(O.order_no == order_no)) == "picked":
            break
    assert one(db, select(O.status).where(O.order_no == order_no)) == "picked"
    ledger_true(db)
