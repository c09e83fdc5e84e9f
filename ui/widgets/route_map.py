"""The warehouse from above with the pick walk drawn on it (object name `picker_map`).

Aisles, cross aisles and blocks come from the warehouse layout (docs/routing.md); the walk is a
polyline through the stops in route order, along aisles and cross aisles as the picker walks it,
from the depot and back. Visited stops are dimmed, the current stop is ringed, the depot is a
square. The widget only draws what it is given: `set_route(layout, stops, current_index)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.appearance import points as font_points


@dataclass(frozen=True)
class MapStop:
    aisle: int
    block: int
    slot: int
    label: str
    done: bool


class RouteMap(QWidget):
    """Paints the layout and the walk. Object name `picker_map`."""

    MARGIN = 28.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("picker_map")
        self.setMinimumSize(360, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.layout_data: dict[str, Any] | None = None
        self.stops: list[MapStop] = []
        self.current: int | None = None

    def set_route(self, layout: dict[str, Any] | None, stops: Sequence[MapStop], current: int | None) -> None:
        self.layout_data = dict(layout) if layout else None
        self.stops = list(stops)
        self.current = current
        self.update()

    # --- geometry -----------------------------------------------------------------------------

    def _scale(self) -> tuple[float, float, float]:
        lay = self.layout_data or {}
        width = max((lay["aisles"] - 1) * lay["aisle_spacing"], lay["depot_x"], 1.0)
        height = lay["blocks"] * lay["block_length"]
        avail_w = self.width() - 2 * self.MARGIN
        avail_h = self.height() - 2 * self.MARGIN - 14
        k = min(avail_w / width, avail_h / height)
        ox = self.MARGIN + (avail_w - width * k) / 2
        return k, ox, width

    def _pt(self, x: float, y: float) -> QPointF:
        """Warehouse metres to pixels; y grows away from the depot (drawn upwards)."""
        k, ox, _ = self._scale()
        return QPointF(ox + x * k, self.height() - self.MARGIN - y * k)

    def _stop_xy(self, stop: MapStop) -> tuple[float, float]:
        lay = self.layout_data or {}
        x = stop.aisle * lay["aisle_spacing"]
        y = stop.block * lay["block_length"] + (stop.slot + 0.5) * lay["block_length"] / lay["slots"]
        return x, y

    def _walk(self, a: tuple[float, float], b: tuple[float, float]) -> list[tuple[float, float]]:
        """Corner points of the walk from a to b: along an aisle, over the nearer cross aisle."""
        lay = self.layout_data or {}
        (x1, y1), (x2, y2) = a, b
        if abs(x1 - x2) < 1e-9:
            return [b]
        bl = lay["block_length"]
        cross = [i * bl for i in range(lay["blocks"] + 1)]
        if y1 in cross:
            return [(x2, y1), b]
        if y2 in cross:
            return [(x1, y2), b]
        b1, b2 = int(y1 // bl), int(y2 // bl)
        if b1 != b2:  # different blocks: a cross aisle between them
            c = cross[min(b1, b2) + 1] if b1 < b2 else cross[b1]
            return [(x1, c), (x2, c), b]
        front, back = b1 * bl, (b1 + 1) * bl
        c = front if (y1 + y2 - 2 * front) <= (2 * back - y1 - y2) else back
        return [(x1, c), (x2, c), b]

    # --- painting -----------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        lay = self.layout_data
        if not lay:
            p.setPen(QColor("#6b7580"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No route"))
            return
        k, ox, width = self._scale()
        spacing, bl, blocks = lay["aisle_spacing"], lay["block_length"], lay["blocks"]
        # Racks on both sides of each aisle, block by block.
        rack = QColor("#d5dbe3")
        for aisle in range(lay["aisles"]):
            for block in range(blocks):
                top = self._pt(aisle * spacing - spacing * 0.32, (block + 1) * bl - bl * 0.04)
                bottom = self._pt(aisle * spacing + spacing * 0.32, block * bl + bl * 0.04)
                p.fillRect(QRectF(top, bottom), rack)
        # Aisle numbers along the front.
        small = QFont(self.font())
        small.setPointSize(font_points(8))
        p.setFont(small)
        p.setPen(QColor("#6b7580"))
        for aisle in range(0, lay["aisles"], 2 if lay["aisles"] > 12 else 1):
            at = self._pt(aisle * spacing, blocks * bl)  # along the back, clear of the depot
            p.drawText(QRectF(at.x() - 12, at.y() - 18, 24, 14), Qt.AlignmentFlag.AlignCenter, str(aisle + 1))
        # Cross aisles.
        p.setPen(QPen(QColor("#aeb8c4"), 1, Qt.PenStyle.DashLine))
        for block in range(blocks + 1):
            p.drawLine(self._pt(-spacing * 0.5, block * bl), self._pt(width + spacing * 0.5, block * bl))
        depot = (lay["depot_x"], 0.0)
        # The walk: depot → stops in order → depot, done part grey, the rest blue.
        points = [self._stop_xy(s) for s in self.stops]
        current = self.current if self.current is not None else len(self.stops)
        legs = [depot] + points + [depot]
        for n in range(len(legs) - 1):
            path = QPainterPath(self._pt(*legs[n]))
            for corner in self._walk(legs[n], legs[n + 1]):
                path.lineTo(self._pt(*corner))
            done = n < current
            p.setPen(QPen(QColor("#9aa5b1" if done else "#1e5fa8"), 2 if done else 3, Qt.PenStyle.SolidLine,
                          Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        # Stops, numbered in walking order.
        label_font = QFont(self.font())
        label_font.setPointSize(font_points(8))
        label_font.setBold(True)
        p.setFont(label_font)
        for n, (stop, xy) in enumerate(zip(self.stops, points, strict=True)):
            centre = self._pt(*xy)
            radius = 9.0
            if stop.done:
                p.setPen(QPen(QColor("#9aa5b1"), 1))
                p.setBrush(QColor("#e4e8ed"))
            elif n == self.current:
                p.setPen(QPen(QColor("#b3261e"), 3))
                p.setBrush(QColor("#ffd54f"))
                radius = 13.0
            else:
                p.setPen(QPen(QColor("#174a83"), 1))
                p.setBrush(QColor("#1e5fa8"))
            p.drawEllipse(centre, radius, radius)
            p.setPen(QColor("#1b1f24" if (stop.done or n == self.current) else "#ffffff"))
            p.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                       Qt.AlignmentFlag.AlignCenter, str(n + 1))
        # The depot.
        d = self._pt(*depot)
        p.setPen(QPen(QColor("#1b1f24"), 1))
        p.setBrush(QColor("#1b7f3b"))
        p.drawRect(QRectF(d.x() - 8, d.y() - 8, 16, 16))
        p.setFont(small)
        p.drawText(QRectF(d.x() - 60, d.y() + 9, 120, 16), Qt.AlignmentFlag.AlignCenter, self.tr("Depot"))
        p.end()
