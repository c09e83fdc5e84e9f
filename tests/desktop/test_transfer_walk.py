"""The sending warehouse walks a transfer by scans (desktop.domain.transfer_pick + transfers.take_stop),
on SQLite and PostgreSQL: a wrong item, a wrong lot and an expired unit refused, a short bin rolling
to the next bin, the walk ended short keeping the rest as a new request, the ledger replaying."""

from __future__ import annotations

from datetime import timedelta

import pytest

from aftersales_helpers import actor, call
from desktop.db.database import Database
from desktop.domain.transfer_pick import TransferWalkRefused, WalkReason
from desktop.services import transfers
from desktop.services.intake import run_intake
from desktop.services.stock import verify_ledger
from gs1_scans import gs1_item
from test_intake_world import NOW, SUPERVISOR, load, mall_order
from test_transfers import TODAY, TRF_GTIN, db  # noqa: F401  (the two-warehouse fixture)


def test_a_transfer_walked_by_scans_with_refusals_and_a_short_bin(db: Database) -> None:  # noqa: F811
    load(db, mall_order("M1-TRF-W", lines=[{"gtin": TRF_GTIN, "qty": 6, "unit_price": "10.00"}],
                        shipping_fee="8.00", total_charged="68.00"))
    run_intake(db, now=NOW, actor=SUPERVISOR)
    (row,) = call(db, "super1", transfers.request_transfer, "M1-TRF-W", "customer waits")
    with db.unit_of_work(actor(db, "receiver1")) as uow:
        walk = transfers.start_walk(uow, row.code, today=TODAY)
    first = walk.current
    assert (first.lot, first.qty) == ("L1", 4)
    walk.scan_bin(first.location)
    with pytest.raises(TransferWalkRefused) as e:
        walk.scan_raw(gs1_item("0" * 13 + "0", "L1", TODAY + timedelta(days=100), 1))
    assert e.value.reason in (WalkReason.WRONG_ITEM, WalkReason.UNREADABLE)
    with pytest.raises(TransferWalkRefused) as e:
        walk.scan_raw(gs1_item(TRF_GTIN, "L2", TODAY + timedelta(days=300), 1))
    assert e.value.reason is WalkReason.WRONG_LOT
    with pytest.raises(TransferWalkRefused) as e:
        walk.scan_raw(gs1_item(TRF_GTIN, "L1", TODAY - timedelta(days=1), 1))
    assert e.value.reason is WalkReason.EXPIRED
    walk.scan_raw(gs1_item(TRF_GTIN, "L1", TODAY + timedelta(days=100), 1))
    take = walk.check_qty(3)  # the bin is short by one
    assert call(db, "receiver1", transfers.take_stop, row.id, location=take.location, lot=take.lot,
                qty=take.qty, today=TODAY) == 3
    taken = walk.record(take)
    assert taken.short and taken.remaining == 3 and taken.next_stop.lot == "L2"
    walk.scan_bin(taken.next_stop.location)
    walk.scan_raw(gs1_item(TRF_GTIN, "L2", TODAY + timedelta(days=300), 1))
    take = walk.check_qty(1)
    call(db, "receiver1", transfers.take_stop, row.id, location=take.location, lot=take.lot, qty=1, today=TODAY)
    walk.record(take)
    with pytest.raises(transfers.TransferRefused):  # more than the bin holds free is refused at the server
        call(db, "receiver1", transfers.take_stop, row.id, location=take.location, lot="L1", qty=1, today=TODAY)
    sent = call(db, "receiver1", transfers.finish_transfer, row.id)
    assert (sent.qty, sent.rest_qty) == (4, 2) and sent.asn_no == f"ASN-{row.code}"
    rows = {t.code: t for t in call(db, None, transfers.list_transfers)}
    assert rows[row.code].status == "in_transit" and rows[sent.rest].status == "requested"
    with db.unit_of_work() as uow:
        assert verify_ledger(uow) == []


def _plan(today):  # noqa: ANN001, ANN202
    from desktop.domain.transfer_pick import TransferPick, WalkBin

    return TransferPick(1, "TRF-000001", "T-TRF", TRF_GTIN, True, 6, "GZ2", "SZ1",
                        [WalkBin("GZ2-A", "L1", today + timedelta(days=100), 4),
                         WalkBin("GZ2-B", "L2", today + timedelta(days=300), 20)], today)


def test_a_scanner_upload_is_judged_line_by_line_as_at_the_shelf() -> None:
    """No database: `walk_scan_lines` on a planned walk — units per scan, QTY lines, an empty bin rolling on,
    and every refused line named (wrong bin, wrong lot, expired, too many)."""
    from desktop.domain.receiving import read_scan_lines
    from desktop.domain.transfer_pick import Take, walk_scan_lines

    l1, l2 = TODAY + timedelta(days=100), TODAY + timedelta(days=300)
    text = "\n".join(["# empty first bin", "LOC-GZ2-A", "LOC-GZ2-B", gs1_item(TRF_GTIN, "L2", l2), "QTY:5",
                      gs1_item(TRF_GTIN, "L2", l2)])
    walked, refused = walk_scan_lines(_plan(TODAY), read_scan_lines(text)[0])
    assert refused == [] and walked.remaining == 0
    assert walked.takes == [Take("GZ2-A", "L1", 0), Take("GZ2-B", "L2", 6)]
    text = "\n".join(["LOC-GZ2-B", "LOC-GZ2-A", gs1_item(TRF_GTIN, "L2", l2), gs1_item(TRF_GTIN, "L1", TODAY),
                      gs1_item(TRF_GTIN, "L1", l1, 5)])
    walked, refused = walk_scan_lines(_plan(TODAY), read_scan_lines(text)[0])
    assert [(r.line_no, r.reason) for r in refused] == [(1, "wrong_bin"), (3, "wrong_lot"), (4, "expired"),
                                                        (5, "bad_qty")]
