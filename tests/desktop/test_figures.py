"""The figures on a small fixed data set built by hand, against values worked out by hand.

The period is 2 March 2026, 00:00 to 3 March 00:00 UTC. Four orders (times UTC):

    A  received 08:10  ready 08:20  picked 09:20  packed 09:50  shipped 11:50  (promised 12:00: kept)
    B  received 08:40  ready 09:10  picked 09:30  packed 10:30  shipped 14:30  (promised 12:00: missed)
    C  received 09:20  ready 09:40  picked 11:40
    D  received 1 Mar 22:00, ready 1 Mar 23:00 (out of the period), picked 00:30, packed 01:00,
       shipped 02:00 (no promise), delivered 20:00

Stage minutes counted (the stage *ended* in the period):
    released  A 10, B 30, C 20          → n 3, mean 20,   median 20, p90 (3rd of 3) 30
    picked    A 60, B 20, C 120, D 90   → n 4, mean 72.5, median 75, p90 (4th of 4) 120
    packed    A 30, B 60, D 30          → n 3, mean 40,   median 30, p90 60
    shipped   A 120, B 240, D 60        → n 3, mean 140,  median 120, p90 240
    delivered D 1080                    → n 1, 1080 each
    slowest: delivered; slowest in the warehouse: shipped.
Orders received: A, B, C → hour 08: 2, hour 09: 1; 3 over 24 hours = 0.125 per hour.
SLA: shipped in the period A, B, D; with a promise A, B; kept A → 1 / 2 = 0.5.
Pick events: picker1 picks 2 @09:00, 3 @09:30, an error @09:45, 1 @10:00 → 6 units over a 1 h span
    = 6.0 units/h, error rate 1/4 = 0.25; picker2 picks 4 @11:00 and reports a short @11:30 →
    4 units over 0.5 h = 8.0 units/h, error rate 0, 1 short; picker2's pick on 3 March is out.
Short picks: 1 event; 1 short_pick exception in the period (one more on 1 March is out).
Returns: 2 no_reason, 1 quality in the period (a refused one on 1 March is out).
Satisfaction: scores 5, 4 (delivery_speed), 2 (packaging), a text without score (service) →
    4 responses, mean (5+4+2)/3 = 3.67; delivery_speed 2 × 4.5, packaging 1 × 2.0, service 1 × none.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.domain.actor import Actor
from desktop.domain.errors import NotAllowed
from desktop.domain.roles import Role
from desktop.services.figures import compute_figures, p90


def T(day: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2026, 3, day, hh, mm, tzinfo=UTC)


START, END = T(2, 0), T(3, 0)


def build(db: Database) -> None:
    with db.unit_of_work() as uow:
        s = uow.session
        wh = models.Warehouse(code="W1", name="W1", layout={})
        loc = models.Location(warehouse=wh, code="W1-A01-1-01-1", zone="A", aisle=0, block=0, slot=0, level=1, x=0, y=0)
        m = models.Merchant(code="M", name="M")
        sku = models.Sku(merchant=m, sku_code="S1", gtin="00000000000017", name="thing", weight_g=100, length_mm=1,
                         width_mm=1, height_mm=1, unit_value=Decimal("10.00"))
        stock = models.Stock(location=loc, sku=sku, on_hand=100)
        p1 = models.User(login="picker1", display_name="P1", role="picker", pin_hash="x")
        p2 = models.User(login="picker2", display_name="P2", role="picker", pin_hash="x")
        s.add_all([wh, loc, m, sku, stock, p1, p2])

        def order(no: str, history: list[tuple[str, datetime]], promised: datetime | None) -> models.Order:
            o = models.Order(order_no=no, merchant=m, created_at=history[0][1], received_at=history[0][1],
                             customer_name_sealed=b"x", customer_phone_sealed=b"x", ship_country="CN",
                             ship_detail_sealed=b"x", goods_total=Decimal(10), shipping_fee=Decimal(0),
                             discount_total=Decimal(0), total_charged=Decimal(10), payment_method="online",
                             payment_status="paid", promised_ship_by=promised, status=history[-1][0])
            prev = None
            for status, at in history:
                o.status_history.append(models.OrderStatusChange(from_status=prev, to_status=status, at=at))
                prev = status
            o.lines.append(models.OrderLine(line_no=1, sku=sku, qty=1, unit_price=Decimal(10)))
            s.add(o)
            return o

        a = order("A", [("received", T(2, 8, 10)), ("ready", T(2, 8, 20)), ("picking", T(2, 8, 30)),
                        ("picked", T(2, 9, 20)), ("packed", T(2, 9, 50)), ("shipped", T(2, 11, 50))], T(2, 12))
        b = order("B", [("received", T(2, 8, 40)), ("ready", T(2, 9, 10)), ("picking", T(2, 9, 15)),
                        ("picked", T(2, 9, 30)), ("packed", T(2, 10, 30)), ("shipped", T(2, 14, 30))], T(2, 12))
        order("C", [("received", T(2, 9, 20)), ("ready", T(2, 9, 40)), ("picking", T(2, 10)), ("picked", T(2, 11, 40))],
              None)
        d = order("D", [("received", T(1, 22)), ("ready", T(1, 23)), ("picking", T(2, 0, 10)), ("picked", T(2, 0, 30)),
                        ("packed", T(2, 1)), ("shipped", T(2, 2)), ("delivered", T(2, 20))], None)
        batch = models.PickBatch(code="B1", warehouse=wh, status="done")
        task = models.PickTask(batch=batch, line=a.lines[0], stock=stock, location=loc, seq=1, qty=1)
        s.add_all([batch, task])
        s.flush()
        for n, (user, kind, qty, at) in enumerate([
                (p1, "pick", 2, T(2, 9)), (p1, "pick", 3, T(2, 9, 30)), (p1, "error", 0, T(2, 9, 45)),
                (p1, "pick", 1, T(2, 10)), (p2, "pick", 4, T(2, 11)), (p2, "short", 0, T(2, 11, 30)),
                (p2, "pick", 9, T(3, 1))]):
            s.add(models.PickEvent(action_id=f"a{n}", task_id=task.id, user_id=user.id, qty=qty, kind=kind, at=at))
        s.add_all([models.ExceptionCase(kind="short_pick", order=b, created_at=T(2, 11, 30)),
                   models.ExceptionCase(kind="short_pick", order=b, created_at=T(1, 11))])
        for reason, at in (("no_reason", T(2, 10)), ("no_reason", T(2, 11)), ("quality", T(2, 12)),
                           ("refused", T(1, 12))):
            s.add(models.ReturnRequest(rma_no=f"RMA-{reason}-{at:%d%H}", order=d, reason=reason, created_at=at))
        for score, category, text in ((5, "delivery_speed", ""), (4, "delivery_speed", ""), (2, "packaging", "dented"),
                                      (None, "service", "friendly")):
            s.add(models.Feedback(order=d, score=score, category=category, text=text, at=T(2, 21)))
        uow.commit()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'f.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    database = Database.open(url)
    build(database)
    yield database
    database.dispose()


SUPER = Actor(None, "super1", "S", Role.SUPERVISOR, "T")


def figures(db: Database):
    with db.unit_of_work(SUPER) as uow:
        return compute_figures(uow, START, END)


def test_time_per_stage_matches_the_hand_computed_values(db):
    f = figures(db)
    got = {s.stage: (s.count, s.mean_min, s.median_min, s.p90_min) for s in f.stages}
    assert got == {"released": (3, 20.0, 20.0, 30.0), "picked": (4, 72.5, 75.0, 120.0),
                   "packed": (3, 40.0, 30.0, 60.0), "shipped": (3, 140.0, 120.0, 240.0),
                   "delivered": (1, 1080.0, 1080.0, 1080.0)}
    assert f.slowest_stage == "delivered"
    assert f.slowest_warehouse_stage == "shipped"


def test_orders_per_hour_sla_pickers_shorts_returns_satisfaction(db):
    f = figures(db)
    assert f.orders_received == 3
    per_hour = {h.hour: n for h, n in f.orders_per_hour}
    assert len(f.orders_per_hour) == 24 and per_hour[8] == 2 and per_hour[9] == 1 and sum(per_hour.values()) == 3
    assert f.mean_orders_per_hour == 0.125
    assert (f.shipped, f.shipped_with_promise, f.sla_kept, f.sla_rate) == (3, 2, 1, 0.5)
    pickers = {p.login: (p.units_picked, p.events, p.errors, p.shorts, p.active_hours, p.pick_rate_uph, p.error_rate)
               for p in f.pickers}
    assert pickers == {"picker1": (6, 4, 1, 0, 1.0, 6.0, 0.25), "picker2": (4, 2, 0, 1, 0.5, 8.0, 0.0)}
    assert (f.short_pick_events, f.short_pick_exceptions) == (1, 1)
    assert f.returns_by_reason == (("no_reason", 2), ("quality", 1))
    assert f.satisfaction_responses == 4 and f.satisfaction_mean == 3.67
    assert [(c.category, c.count, c.mean_score) for c in f.satisfaction_by_category] == [
        ("delivery_speed", 2, 4.5), ("packaging", 1, 2.0), ("service", 1, None)]


def test_a_long_period_is_counted_in_days_or_months_never_more_buckets_than_it_holds(db):
    with db.unit_of_work(SUPER) as uow:
        month = compute_figures(uow, datetime(2026, 2, 1, tzinfo=UTC), datetime(2026, 5, 1, tzinfo=UTC))
        century = compute_figures(uow, datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
    assert month.orders_bucket == "day" and len(month.orders_per_hour) == 28 + 31 + 30
    per_day = dict(month.orders_per_hour)
    assert per_day[datetime(2026, 3, 2, tzinfo=UTC)] == 3 and per_day[datetime(2026, 3, 1, tzinfo=UTC)] == 1
    assert sum(per_day.values()) == month.orders_received == 4
    assert century.orders_bucket == "month" and len(century.orders_per_hour) == 1200
    assert dict(century.orders_per_hour)[datetime(2026, 3, 1, tzinfo=UTC)] == 4
    # The stages of a long period are those that ended in it, each once.
    assert century.stage("picked").count == 4 and century.stage("delivered").count == 1


def test_exports_json_csv_and_xlsx_carry_the_same_numbers(db, tmp_path):
    f = figures(db)
    data = json.loads(f.to_json())
    assert data["slowest_stage"] == "delivered" and data["returns_by_reason"] == {"no_reason": 2, "quality": 1}
    assert data["stages"][1]["p90_min"] == 120.0
    rows = f.to_csv().splitlines()
    assert rows[0] == "section,key,metric,value"
    assert "stage,picked,mean_min,72.5" in rows and "picker,picker2,pick_rate_uph,8.0" in rows
    assert "sla,,rate,0.5" in rows
    path = tmp_path / "f.xlsx"
    f.to_xlsx(path)
    import zipfile

    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        sheets = z.read("xl/workbook.xml").decode()
        strings = z.read("xl/sharedStrings.xml").decode()
    assert "xl/worksheets/sheet6.xml" in names
    for title in ("Summary", "Stages", "Orders per hour", "Pickers", "Returns", "Satisfaction"):
        assert f'name="{title}"' in sheets
    assert "delivered" in strings and "picker2" in strings


def test_p90_is_the_nearest_rank():
    assert p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) == 9
    assert p90([5]) == 5
    assert p90([30, 10, 20]) == 30


def test_only_supervisors_see_the_figures(db):
    with db.unit_of_work(Actor(None, "picker1", "P", Role.PICKER, "T")) as uow, pytest.raises(NotAllowed):
        compute_figures(uow, START, END)


def test_report_command_prints_the_same_figures(db, capsys, monkeypatch, sign_in_as):
    from desktop.cli import main
    from desktop.services.auth import hash_pin

    with db.unit_of_work() as uow:  # the report is a supervisor's, signed in at the command line
        uow.session.add(models.User(login="super9", display_name="S9", role="supervisor", pin_hash=hash_pin("5599")))
        uow.commit()
    assert main(["report", "--from", "2026-03-02", "--to", "2026-03-02", "--json", "--db", db.url]) == 2
    assert "--user" in capsys.readouterr().err
    assert main(["report", "--from", "2026-03-02", "--to", "2026-03-02", "--json", "--db", db.url,
                 *sign_in_as("super9", "5599")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["slowest_warehouse_stage"] == "shipped" and data["sla_rate"] == 0.5
    with db.unit_of_work() as uow:
        assert uow.session.scalar(select(models.Order.status).where(models.Order.order_no == "D")) == "delivered"
