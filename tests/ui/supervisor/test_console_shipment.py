"""The orders tab's Shipment column: a merged order (合单) names how many orders ship as one and,
on hover, which; a split order (拆单) its shipments; a split-off shipment that it is a part (and, on hover, of which order)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services.supervision.floor import BoardOrder
from ui.widgets.console_common import OrdersModel


def _row(no: str, shape: tuple[str, str, tuple[str, ...]]) -> BoardOrder:
    return BoardOrder(no, "M1", "ready", "normal", 1.0, None, None, None, None, None, None, 1, 1, shape=shape)


def test_the_shipment_column_says_how_intake_shaped_each_order(qtbot) -> None:
    model = OrdersModel(None, None)  # type: ignore[arg-type] - rows handed in, nothing read
    model.replace([_row("A-1", ("merged", "MG-1", ("A-2", "A-3"))), _row("B-1", ("split", "", ("B-1-S2",))),
                   _row("B-1-S2", ("part", "", ("B-1",))), _row("C-1", ("", "", ()))])
    col = OrdersModel.SHIPMENT
    assert model.headerData(col, Qt.Orientation.Horizontal) == "Shipment"
    assert [model.cells(no)[col] for no in ("A-1", "B-1", "B-1-S2", "C-1")] == [
        "Merged (3 orders)", "Split (2 shipments)", "Split part", ""]
    assert model.columns[col].tip(model.record("A-1")) == "Ships as one with A-2, A-3 (MG-1)"
    assert model.columns[col].tip(model.record("B-1-S2")) == "Split off B-1: shipped when all its shipments are"
