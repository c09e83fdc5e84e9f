"""The console's label controls against the local SF simulator: an SF order voided at SF (its order
cancelled there, the hand-over refusing the old number), then a shipped one intercepted, and SF's 20011
once it is delivered, on the message line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.services import carrier_accounts, packing, shipping
from tests.desktop.test_packing_service import TODAY, call, make_picked, pack
from tests.sf_simulator import SfSimulator
from tests.ui.supervisor.test_console_labels import do
from tests.ui.supervisor.test_supervisor_console import console

PARTNER, CHECKWORD = "PICKDESK-WH1", "qiao-checkword-8f3a"
DAY = datetime.now(UTC).date()


@pytest.fixture(scope="module")
def sim() -> Iterator[SfSimulator]:
    s = SfSimulator(partners={PARTNER: CHECKWORD})
    s.start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, sim: SfSimulator) -> Iterator[Database]:
    """The demo warehouse with an SF account on the simulator (the window's database)."""
    folder = tmp_path_factory.mktemp("sf-console")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PICKDESK_DATA_DIR", str(folder))
        mp.delenv("PICKDESK_DB_URL", raising=False)
        db = Database.open(f"sqlite:///{folder / 'central.sqlite3'}")
        build_demo(db, orders=40, seed=3, as_of=TODAY)
        call(db, "admin", carrier_accounts.set_account, "SF", "sf", sim.url, PARTNER, CHECKWORD,
             {"monthly_card": "7551234567", "privacy_waybill": True})
        yield db
        db.dispose()


def packed_on_sf(db: Database, tag: str):
    p = make_picked(db, min_lines=1)
    with db.unit_of_work() as uow:  # the simulator serves every province but Tibet
        order = uow.session.scalar(select(models.Order).where(models.Order.order_no == p.order_no))
        if order.ship_province == "西藏自治区":
            order.ship_province = "广东省"
            uow.commit()
    parcel = pack(db, p, p.units, action=tag, carrier=("SF", "standard"), carrier_reason="SF account (test)")
    call(db, "packer1", packing.record_labels_printed, [parcel.code])
    return p.order_no, parcel


def test_void_then_intercept_through_sf(qtbot, window, demo_db: Database, sim: SfSimulator, sign_in) -> None:
    voided_no, voided = packed_on_sf(demo_db, "sf-void")
    shipped_no, shipped = packed_on_sf(demo_db, "sf-ship")
    call(demo_db, "packer1", shipping.handover_scan, shipped.code, "SF", day=DAY)
    call(demo_db, "packer1", shipping.close_manifest, "SF", DAY)
    ws = console(qtbot, window, sign_in)

    text = do(qtbot, ws, voided_no, "supervisor_void", "printed on the wrong parcel", ok=True)
    assert voided.tracking_no in text and sim.orders[voided_no].status == "cancelled"
    with pytest.raises(shipping.HandoverRefused) as refused:
        call(demo_db, "packer1", shipping.handover_scan, voided.tracking_no, "SF", day=DAY)
    assert refused.value.reason == "voided"

    text = do(qtbot, ws, shipped_no, "supervisor_intercept", "customer cancelled", ok=True)
    assert shipped.tracking_no in text and sim.intercepts[shipped.tracking_no]["serviceCode"] == "2"
    sim.story(shipped.tracking_no, datetime.now(UTC) - timedelta(days=3))  # delivered meanwhile
    text = do(qtbot, ws, shipped_no, "supervisor_intercept", "again", ok=False)
    assert "20011" in text
