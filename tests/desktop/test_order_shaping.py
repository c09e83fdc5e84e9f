"""Order shaping at intake (issue 20 item 2), both engines: a buyer's orders merged within the mall's
window into one shipment (合单) — not outside it, not to another address, not for a merchant that opts
out, and a cancelled member leaves it; an order one warehouse fills only in part split into a shipment
from another (拆单), shipped when both shipments are, delivered and completed when both are
(once, to the customer), never delivered while a part is refused."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update
from test_intake_world import (  # noqa: F401 - fixtures
    AS_OF, KEY, NOW, PLAIN_GTIN, SUPERVISOR, add_world, load, mall_order, world, world_template)

from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.actor import Actor
from desktop.domain.errors import InputRefused, NotAllowed
from desktop.domain.roles import Role
from desktop.partners.carriers import TrackingUpdate
from desktop.services import shipping, tracking
from desktop.services.intake import run_intake
from desktop.services.returns import complete_delivered
from desktop.services.shaping import set_merge_window
from desktop.services.supervision.floor import board_orders
from desktop.services.supervision.orders import cancel_order

ADMIN = Actor(None, "admin1", "Admin", Role.ADMIN, "ADM-01")
PACKER = Actor(None, "packer1", "Packer", Role.PACKER, "PK-01")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def shop(request, world):
    if request.param == "sqlite":
        yield world
        return
    db = Database.open(request.getfixturevalue("pg_empty_url"), sealer=KEY)
    build_demo(db, orders=0, seed=7, as_of=AS_OF)
    add_world(db)
    yield db
    db.dispose()


def _window(db: Database, minutes: int) -> None:
    with db.unit_of_work(ADMIN) as uow:
        set_merge_window(uow, minutes)


def _orders(db: Database) -> dict[str, models.Order]:
    with db.unit_of_work() as uow:
        rows = uow.session.scalars(select(models.Order).where(models.Order.order_no.like("M1-S%"))).all()
        for o in rows:
            o.split_parts, o.lines  # noqa: B018 - loaded before the unit of work closes
            if o.merge_group is not None:
                o.merge_group.orders  # noqa: B018
        return {o.order_no: o for o in rows}


def _at(hh_mm: str) -> str:
    return f"2026-11-23T{hh_mm}:00+08:00"


def test_a_buyers_orders_within_the_window_ship_as_one_and_a_cancelled_one_leaves(shop, caplog) -> None:
    _window(shop, 30)
    other_street = {"detail": "科技园南区科苑路16号"}
    load(shop, mall_order("M1-S1", created_at=_at("09:15")), mall_order("M1-S2", created_at=_at("09:40")),
         mall_order("M1-S3", created_at=_at("09:20"), address=other_street),  # another address
         mall_order("M1-S4", created_at=_at("10:00")))  # 45 minutes after the first: outside its window
    with caplog.at_level(logging.INFO, logger="desktop.services.intake"):
        run_intake(shop, now=NOW, actor=SUPERVISOR)
    assert "order by order" not in caplog.text  # merged within the group's one transaction
    o = _orders(shop)
    assert {no: x.status for no, x in o.items()} == dict.fromkeys(o, "ready")
    group = o["M1-S1"].merge_group_id
    assert group is not None and o["M1-S2"].merge_group_id == group
    assert o["M1-S3"].merge_group_id is None and o["M1-S4"].merge_group_id is None
    assert o["M1-S1"].priority_score == o["M1-S2"].priority_score  # one shipment, planned together
    assert o["M1-S1"].buyer_digest == o["M1-S4"].buyer_digest != o["M1-S3"].buyer_digest
    assert o["M1-S2"].intake_outcome["merge"]["status"] == "merged"
    # each order keeps its own number, prices and audit
    assert [str(x.total_charged) for x in (o["M1-S1"], o["M1-S2"])] == ["67.90", "67.90"]
    # a later intake joins a waiting order of the same buyer (found in the database, not in the group)
    load(shop, mall_order("M1-S5", created_at=_at("09:30")))
    run_intake(shop, now=NOW, actor=SUPERVISOR, group_size=1)
    o = _orders(shop)
    assert o["M1-S5"].merge_group_id == group
    assert sorted(x.order_no for x in o["M1-S1"].merge_group.orders) == ["M1-S1", "M1-S2", "M1-S5"]
    with shop.unit_of_work() as uow:
        merged = uow.session.scalars(select(models.AuditEntry.entity_id)
                                     .where(models.AuditEntry.action == "order_merged")).all()
    assert sorted(merged) == ["M1-S1", "M1-S2", "M1-S5"]
    with shop.unit_of_work(SUPERVISOR) as uow:  # the supervisor's orders tab sees the shipment
        rows = {r.order_no: r.shape for r in board_orders(uow, ["M1-S1", "M1-S4"])}
    assert rows["M1-S1"][0] == "merged" and sorted(rows["M1-S1"][2]) == ["M1-S2", "M1-S5"]
    assert rows["M1-S4"] == ("", "", ())
    # cancelled before picking: it leaves; the group left with one order is dissolved
    with shop.unit_of_work(SUPERVISOR) as uow:
        cancel_order(uow, "M1-S2", "customer cancelled")
    o = _orders(shop)
    assert o["M1-S2"].merge_group_id is None and o["M1-S1"].merge_group_id == group
    with shop.unit_of_work(SUPERVISOR) as uow:
        cancel_order(uow, "M1-S5", "customer cancelled")
    o = _orders(shop)
    assert o["M1-S1"].merge_group_id is None
    with shop.unit_of_work() as uow:
        assert uow.session.get(models.OrderGroup, group).status == "closed"


def test_no_merge_when_the_window_is_off_or_the_merchant_opts_out(shop) -> None:
    from desktop.formats.setup import Parsed, import_setup

    load(shop, mall_order("M1-S1"), mall_order("M1-S2"))
    run_intake(shop, now=NOW, actor=SUPERVISOR)  # no window set: merging is off
    assert all(x.merge_group_id is None for x in _orders(shop).values())
    _window(shop, 30)
    parsed = Parsed()
    parsed.merchants.append(("merchants[0]", {"code": "M1", "merge_orders": False}))
    with shop.unit_of_work(ADMIN) as uow:
        import_setup(uow, parsed)
    load(shop, mall_order("M1-S3"), mall_order("M1-S4"))
    run_intake(shop, now=NOW, actor=SUPERVISOR)
    assert all(x.merge_group_id is None for x in _orders(shop).values())


def test_only_an_admin_sets_the_window_and_a_bad_one_is_refused(world) -> None:
    with world.unit_of_work(SUPERVISOR) as uow, pytest.raises(NotAllowed):
        set_merge_window(uow, 30)
    with world.unit_of_work(ADMIN) as uow, pytest.raises(InputRefused) as info:
        set_merge_window(uow, -5)
    assert "minutes" in info.value.message and "分钟" in info.value.message_zh
    _window(world, 15)
    with world.unit_of_work(ADMIN) as uow:
        assert set_merge_window(uow, 0) == 15


def _ship(db: Database, no: str, carrier: models.Carrier, day: date) -> None:
    """The order packed and its one parcel on today's open manifest (what packing and hand-over leave)."""
    with db.unit_of_work() as uow:
        s = uow.session
        order = s.scalar(select(models.Order).where(models.Order.order_no == no))
        order.status = "packed"
        manifest = s.scalar(select(models.Manifest).where(models.Manifest.carrier_id == carrier.id,
                                                          models.Manifest.day == day, models.Manifest.status == "open"))
        if manifest is None:
            manifest = models.Manifest(carrier_id=carrier.id, warehouse_id=order.warehouse_id, day=day)
            s.add(manifest)
        shipment = models.Shipment(order=order, carrier_id=carrier.id, service="standard", tracking_no=f"T-{no}",
                                   manifest=manifest)
        s.add(models.Parcel(code=f"PCL-{no}"[:16], order=order, seq=1, of=1, status="manifested", shipment=shipment))
        uow.commit()


def _split_orders(shop: Database) -> None:
    """M1-SPLIT, which SZ1 fills only in part (GZ2 has the rest), and M1-SHORT, which no pair fills."""
    with shop.unit_of_work() as uow:  # SZ1 has no T-PLAIN left: GZ2 (20) has
        plain = uow.session.scalar(select(models.Sku.id).where(models.Sku.sku_code == "T-PLAIN"))
        sz1 = uow.session.scalar(select(models.Warehouse.id).where(models.Warehouse.code == "SZ1"))
        sz1_locations = select(models.Location.id).where(models.Location.warehouse_id == sz1)
        uow.session.execute(update(models.Stock).where(models.Stock.sku_id == plain,
                                                       models.Stock.location_id.in_(sz1_locations))
                            .values(on_hand=0))
        uow.commit()
    lines = [{"sku": "T-SCARCE", "qty": 1, "unit_price": "99.90"}, {"gtin": PLAIN_GTIN, "qty": 1, "unit_price": "59.90"}]
    load(shop, mall_order("M1-SPLIT", lines=lines, shipping_fee="0.00", total_charged="159.80"),
         mall_order("M1-SHORT", lines=[{"sku": "T-SCARCE", "qty": 1, "unit_price": "99.90"},
                                        {"gtin": PLAIN_GTIN, "qty": 30, "unit_price": "59.90"}],
                    shipping_fee="0.00", discount_total="20.00", total_charged="1876.90"))


def test_an_order_two_warehouses_fill_is_split_and_shipped_when_both_shipments_are(shop, caplog) -> None:
    _split_orders(shop)
    with caplog.at_level(logging.INFO, logger="desktop.services.intake"):
        summary = run_intake(shop, now=NOW, actor=SUPERVISOR)
    assert "order by order" not in caplog.text  # the group committed whole: the split is set-based too
    assert {r.order_no: r.status for r in summary.results} == {"M1-SPLIT": "ready", "M1-SHORT": "backordered"}
    with shop.unit_of_work() as uow:
        s = uow.session
        order = s.scalar(select(models.Order).where(models.Order.order_no == "M1-SPLIT"))
        (part,) = order.split_parts
        assert part.order_no == "M1-SPLIT-S2" and part.status == "ready"
        assert (order.warehouse.code, part.warehouse.code) == ("SZ1", "GZ2")
        assert [ln.sku.sku_code for ln in order.lines] == ["T-SCARCE"]
        assert [ln.sku.sku_code for ln in part.lines] == ["T-PLAIN"]
        assert [r.stock.location.warehouse.code for ln in part.lines for r in ln.reservations] == ["GZ2"]
        assert str(order.total_charged) == "159.80" and str(part.total_charged) == "0.00"
        assert s.scalar(select(models.AuditEntry.entity_id).where(models.AuditEntry.action == "order_split")) == "M1-SPLIT"
        # the part opens under its own number: the buyer's contact was sealed again for it
        assert KEY.open(part.customer_name_sealed, "customer_name", part.order_no) == "张伟"
        short = s.scalar(select(models.Order).where(models.Order.order_no == "M1-SHORT"))
        assert not short.split_parts and all(not ln.reservations for ln in short.lines)  # nothing half-written
        carrier = s.scalar(select(models.Carrier).order_by(models.Carrier.id))
        s.expunge(carrier)
    day = NOW.date()
    _ship(shop, "M1-SPLIT", carrier, day)
    with shop.unit_of_work(PACKER) as uow:
        first = shipping.close_manifest(uow, carrier.code, day)
    assert first.orders_shipped == ()  # its own parcel left; the part has not
    assert _orders(shop)["M1-SPLIT"].status == "packed"
    _ship(shop, "M1-SPLIT-S2", carrier, day)
    with shop.unit_of_work(PACKER) as uow:
        second = shipping.close_manifest(uow, carrier.code, day)
    assert second.orders_shipped == ("M1-SPLIT",)
    o = _orders(shop)
    assert (o["M1-SPLIT"].status, o["M1-SPLIT-S2"].status) == ("shipped", "shipped")
    with shop.unit_of_work(SUPERVISOR) as uow:
        rows = {r.order_no: r.shape for r in board_orders(uow, ["M1-SPLIT", "M1-SPLIT-S2"])}
    assert rows == {"M1-SPLIT": ("split", "", ("M1-SPLIT-S2",)), "M1-SPLIT-S2": ("part", "", ("M1-SPLIT",))}

    # delivered: the part's parcel alone does not deliver the order; both do, and the customer hears once
    def told(kind: str) -> list[str]:
        with shop.unit_of_work() as uow:
            N = models.Notification
            return list(uow.session.scalars(select(N.payload).join(models.Order).where(
                models.Order.order_no.like("M1-SPLIT%"), N.kind == kind).order_by(N.id)))
    at = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    with shop.unit_of_work(SUPERVISOR) as uow:
        tracking.import_events(uow, [TrackingUpdate("T-M1-SPLIT-S2", at, "delivered", "广州")])
    o = _orders(shop)
    assert (o["M1-SPLIT"].status, o["M1-SPLIT-S2"].status) == ("shipped", "delivered")
    assert told("delivered") == []
    with shop.unit_of_work(SUPERVISOR) as uow:
        result = tracking.import_events(uow, [TrackingUpdate("T-M1-SPLIT", at + timedelta(hours=1), "delivered"),
                                              TrackingUpdate("T-M1-SPLIT-S2", at + timedelta(hours=2), "delivered")])
    assert result.orders_changed == [("M1-SPLIT", "delivered")] and result.notifications == 1
    assert _orders(shop)["M1-SPLIT"].status == "delivered"
    (shipped,) = told("shipped")
    assert [m["tracking_no"] for m in told("delivered")] == [shipped["tracking_no"]] == ["T-M1-SPLIT, T-M1-SPLIT-S2"]
    with shop.unit_of_work(SUPERVISOR) as uow:  # completed together, one survey
        assert complete_delivered(uow, now=at + timedelta(days=8)) == ["M1-SPLIT"]
    o = _orders(shop)
    assert (o["M1-SPLIT"].status, o["M1-SPLIT-S2"].status) == ("completed", "completed")
    assert len(told("survey")) == 1


def test_a_split_order_whose_part_is_refused_is_never_delivered(shop) -> None:
    _split_orders(shop)
    run_intake(shop, now=NOW, actor=SUPERVISOR)
    with shop.unit_of_work() as uow:
        carrier = uow.session.scalar(select(models.Carrier).order_by(models.Carrier.id))
        uow.session.expunge(carrier)
    for no in ("M1-SPLIT", "M1-SPLIT-S2"):
        _ship(shop, no, carrier, NOW.date())
    with shop.unit_of_work(PACKER) as uow:
        assert shipping.close_manifest(uow, carrier.code, NOW.date()).orders_shipped == ("M1-SPLIT",)
    at = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    with shop.unit_of_work(SUPERVISOR) as uow:
        result = tracking.import_events(uow, [TrackingUpdate("T-M1-SPLIT-S2", at, "refused", "广州"),
                                              TrackingUpdate("T-M1-SPLIT", at + timedelta(hours=1), "delivered")])
    assert result.orders_changed == [("M1-SPLIT-S2", "refused")]  # the part as a refused order is left today
    o = _orders(shop)
    assert (o["M1-SPLIT"].status, o["M1-SPLIT-S2"].status) == ("shipped", "refused")
    with shop.unit_of_work(SUPERVISOR) as uow:
        assert complete_delivered(uow, now=at + timedelta(days=8)) == []
        kinds = uow.session.scalars(select(models.Notification.kind).where(
            models.Notification.kind.in_(("delivered", "survey")))).all()
    assert kinds == [] and _orders(shop)["M1-SPLIT"].status == "shipped"


def test_the_command_sets_the_window_and_refuses_a_bad_one(tmp_path, capsys, monkeypatch) -> None:
    import io

    from desktop.cli import main

    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    db = Database.open(url)
    build_demo(db, orders=0, seed=3, as_of=AS_OF)
    db.dispose()
    monkeypatch.setattr("sys.stdin", io.StringIO("9999\n"))
    assert main(["merge-window", "30", "--db", url, "--user", "admin", "--pin-stdin"]) == 0
    assert "merge window: 30 minutes (was off)" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("9999\n"))
    assert main(["merge-window", "-1", "--db", url, "--user", "admin", "--pin-stdin"]) == 2
    err = capsys.readouterr().err
    assert "merge window" in err and "Traceback" not in err
