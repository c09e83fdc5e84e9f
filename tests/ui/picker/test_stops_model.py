"""The stop list paints without entering Python: a repaint under a busy background thread must not
take the interpreter lock once per cell and role (benchmarks/scan_feedback.py)."""

from __future__ import annotations

import sys
from datetime import date

from PySide6.QtCore import Qt

from desktop.services.picking import StopView
from ui.appearance import colour
from ui.widgets.pick_stops import StopsTable


def stop(task_id: int, qty: int = 2, status: str = "open") -> StopView:
    return StopView(task_id=task_id, seq=task_id, status=status, location_code=f"SZ1-A01-1-0{task_id}-1", aisle=1,
                    block=1, slot=task_id, level=1, x=0.0, y=0.0, sku=f"SKU-{task_id}", gtin14="06901234567892",
                    product_name=f"Green Tea {task_id}", product_name_zh=f"绿茶 {task_id}", image=None,
                    lot_code="L1" if task_id == 2 else None, lot_expiry=date(2027, 3, 9) if task_id == 2 else None,
                    qty=qty, picked_qty=0, tote_code="TOTE-00001", order_no=f"SO-{task_id}", line_no=1,
                    min_expiry=None)


def python_calls_during(action) -> list[str]:  # noqa: ANN001
    calls: list[str] = []

    def watch(frame, event, _arg) -> None:  # noqa: ANN001
        if event == "call" and frame.f_code.co_filename.endswith("pick_stops.py"):
            calls.append(frame.f_code.co_name)

    sys.setprofile(watch)
    try:
        action()
    finally:
        sys.setprofile(None)
    return calls


def test_the_stop_list_repaints_without_calling_python(qtbot) -> None:
    table = StopsTable()
    qtbot.addWidget(table)
    table.resize(900, 400)
    table.show()
    qtbot.waitExposed(table)
    model = table.stops_model
    model.set_stops([stop(1), stop(2), stop(3, status="short")])
    model.set_progress(1, 1, 1)

    assert python_calls_during(lambda: (table.resizeColumnsToContents(), table.viewport().repaint())) == []

    # What it paints: marks, counts, the current row bold on its highlight, done rows greyed.
    assert [model.index(row, 0).data() for row in range(3)] == ["▶ 1", "2", "✖ 3"]
    assert model.index(0, 3).data() == "1 / 2"
    assert model.index(1, 4).data().startswith("L1 · ") and "2027" in model.index(1, 4).data()
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole).color() == colour("current_back")
    assert model.index(1, 2).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(2, 2).data(Qt.ItemDataRole.ForegroundRole).color() == colour("done_text")
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole).endswith("Green Tea 1 · SO-1 · SKU-1")

    # The stop done, the next one current: both rows follow, the first loses its highlight.
    model.set_progress(1, 2, 2)
    assert [model.index(row, 0).data() for row in range(3)] == ["✔ 1", "▶ 2", "✖ 3"]
    assert model.index(0, 3).data() == "2 / 2"
    assert model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is None
    assert not (model.index(0, 1).data(Qt.ItemDataRole.FontRole) or table.font()).bold()
    assert model.index(1, 1).data(Qt.ItemDataRole.FontRole).bold()
