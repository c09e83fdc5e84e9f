"""The console's models on a real database (SQLite and PostgreSQL): they page with fetchMore in board order,
a changed order refreshes its own row and no other, rows leave and come in as orders leave and reach the
floor; and through the console, a feed event from another connection reaches just that row and actions are
addressed by order number and `OrderAction`, not by what a cell says."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex
from sqlalchemy import func, select

from aftersales_helpers import actor
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.services import supervision as sv
from ui.main_window import MainWindow
from ui.tasks import TaskRunner
from ui.widgets.console_common import OrdersModel
from ui.widgets.console_model import Column, KeyedModel
from ui.widgets.console_orders import OrderAction


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def console_db(request, tmp_path_factory) -> Iterator[Database]:
    """A small demo warehouse on each engine, built once for the module."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('console-models') / 'central.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_module_url")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PICKDESK_DATA_DIR", str(tmp_path_factory.mktemp("console-data")))
        db = Database.open(url)
        build_demo(db, orders=40, seed=5)
        yield db
        db.dispose()


@pytest.fixture
def boss(console_db: Database):
    return actor(console_db, "super1")


@pytest.fixture
def model_runner(console_db: Database) -> Iterator[TaskRunner]:
    runner = TaskRunner(console_db)
    yield runner
    runner.wait_for_done(10_000)


def floor_in_board_order(db: Database) -> list[str]:
    with db.unit_of_work() as uow:
        return [o.order_no for o in sv.floor_orders(uow, None, 10_000)]


def load(qtbot, model: KeyedModel) -> None:
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.reload()


def test_the_orders_model_pages_with_fetch_more_in_board_order(qtbot, console_db, boss, model_runner) -> None:
    expected = floor_in_board_order(console_db)
    assert len(expected) > 10
    model = OrdersModel(model_runner, boss)
    model.page_size = 4
    load(qtbot, model)
    assert model.rowCount() == 4 and model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        before = model.rowCount()
        with qtbot.waitSignal(model.page_loaded, timeout=10_000):
            model.fetchMore(QModelIndex())
        assert model.rowCount() > before or not model.has_more
    assert model.keys() == expected  # every floor order once, in the order one query gives them
    with console_db.unit_of_work() as uow:
        on_floor = uow.session.scalar(select(func.count()).select_from(models.Order)
                                      .where(models.Order.status.in_(sorted(sv.FLOOR_STATUSES))))
    assert model.rowCount() == on_floor
    assert not model.canFetchMore(QModelIndex())


def test_a_changed_order_refreshes_its_own_row_only(qtbot, console_db, boss, model_runner) -> None:
    model = OrdersModel(model_runner, boss)
    load(qtbot, model)
    target = next(o for o in model.records() if o.status == "ready" and o.priority_class == "normal")
    others = {o.order_no: o for o in model.records() if o.order_no != target.order_no}
    for row in range(model.rowCount()):  # every row's texts built once, as a view would
        model.cells(model.key(row))
    with console_db.unit_of_work(boss) as uow:
        sv.raise_priority(uow, target.order_no, "urgent", "the customer called")
        uow.commit()
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, *_: changed.append((top.row(), bottom.row())))
    moves: list[tuple[str, int, int]] = []
    model.rowsRemoved.connect(lambda _p, first, last: moves.append(("out", first, last)))
    model.rowsInserted.connect(lambda _p, first, last: moves.append(("in", first, last)))
    old_row = model.row_of(target.order_no)
    with qtbot.waitSignal(model.rows_refreshed, timeout=10_000):
        model.touch([target.order_no])
    now = model.record(target.order_no)
    assert now is not None and now.priority_class == "urgent"
    row = model.row_of(target.order_no)
    assert model.index(row, OrdersModel.PRIORITY).data() == "Urgent"
    assert all(model.record(no) is o for no, o in others.items())  # the other rows' records are untouched
    # Its score rose, so its place on the board changed: that one row out, and in at its new place; or,
    # where the place stayed, that one row changed. Nothing else was touched.
    assert (moves == [("out", old_row, old_row), ("in", row, row)] and changed == []) or (
        moves == [] and changed == [(row, row)]), (moves, changed)
    assert model.keys() == floor_in_board_order(console_db)[:model.rowCount()]


def test_rows_leave_and_come_as_orders_leave_and_reach_the_floor(qtbot, console_db, boss, model_runner) -> None:
    model = OrdersModel(model_runner, boss)
    load(qtbot, model)
    leaving = next(o for o in model.records() if o.status == "ready")
    with console_db.unit_of_work(boss) as uow:
        sv.cancel_order(uow, leaving.order_no, "the customer cancelled")
        uow.commit()
    with qtbot.waitSignal(model.rows_refreshed, timeout=10_000):
        model.touch([leaving.order_no])
    assert model.row_of(leaving.order_no) == -1
    # A reload finds the same rows the feed left it with.
    kept = model.keys()
    load(qtbot, model)
    assert model.keys() == kept == floor_in_board_order(console_db)[:len(kept)]


def test_a_keyed_model_replaces_only_the_rows_that_changed(qtbot) -> None:
    model = KeyedModel([Column("n", lambda r: str(r[1]))], key=lambda r: r[0])
    model.replace([(1, "a"), (2, "b"), (3, "c")])
    changed: list[int] = []
    reset: list[bool] = []
    model.dataChanged.connect(lambda top, _bottom, *_: changed.append(top.row()))
    model.modelReset.connect(lambda: reset.append(True))
    model.replace([(1, "a"), (2, "B"), (3, "c")])
    assert changed == [1] and not reset and model.index(1, 0).data() == "B"
    model.replace([(3, "c"), (1, "a")])
    assert reset and model.keys() == [3, 1] and model.row_of(2) == -1


# ─── through the console, on the UI tests' demo database ─────────────────────────


def test_a_feed_event_from_another_station_reaches_just_that_row(qtbot, window: MainWindow, demo_db: Database,
                                                                 sign_in) -> None:
    sign_in("super1")
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.orders_model.rowCount() > 0 and ws.watcher.last_id is not None, timeout=10_000)
    target = next(o for o in ws.board_orders if o.status == "ready" and o.priority_class != "urgent")
    others = {o.order_no: o for o in ws.board_orders if o.order_no != target.order_no}
    other_db = Database.open(demo_db.url, key_store=demo_db.key_store)  # another station's connection
    try:
        with other_db.unit_of_work(actor(other_db, "super1", "SUP-02")) as uow:
            sv.raise_priority(uow, target.order_no, "urgent", "rush")
            uow.commit()
    finally:
        other_db.dispose()
    qtbot.waitUntil(lambda: ws.orders_model.record(target.order_no).priority_class == "urgent", timeout=10_000)
    assert all(ws.orders_model.record(no) is o for no, o in others.items() if ws.orders_model.record(no) is not None)


def test_actions_are_addressed_by_order_number_and_action(qtbot, window: MainWindow, demo_db: Database,
                                                           sign_in) -> None:
    sign_in("super1")
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.orders_model.rowCount() > 0, timeout=10_000)
    order_no = next(o.order_no for o in ws.board_orders if o.status == "ready")
    assert ws.selected_order() is None  # nothing chosen on screen: the action names its order
    ws.reason.setText("stock count first")
    with qtbot.waitSignal(ws.action_done, timeout=10_000) as done:
        ws.order_action(OrderAction.HOLD, order_no)
    assert done.args == ["hold"]
    with demo_db.unit_of_work() as uow:
        assert uow.session.scalar(select(models.Order.status).where(models.Order.order_no == order_no)) == "held"
    qtbot.waitUntil(lambda: ws.orders.held_model.row_of(order_no) >= 0, timeout=10_000)
    assert ws.select_order(order_no) and ws.selected_order() == order_no
