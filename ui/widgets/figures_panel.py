"""The figures with charts (QtCharts): time per stage with the slowest named and highlighted, orders per
hour, pick and error rate per picker, returns by reason, satisfaction; CSV and XLSX export.

Mounted with one line: `FiguresPanel(context)` (actor, db, runner, settings). The figures are
computed by `desktop.services.figures.compute_figures` through the task runner.

Signals:
    loaded(object): new figures are on screen (a `Figures`).
    load_failed(object): computing them failed (the exception).
    exported(str): a CSV or XLSX file was written (its path).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QDateEdit, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.db.types import utcnow
from desktop.services.figures import Figures, compute_figures, period_of
from ui.errors import error_text
from ui.i18n import number
from ui.labels import category_name, return_reason_name, stage_name
from ui.widgets.aftersales_common import TOUCH_PX, big_button, date_edit_format, month_day_format

HIGHLIGHT = QColor("#c62828")
NORMAL = QColor("#3b6ea8")
SECOND = QColor("#e0a030")
def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont()
    font.setPointSize(10)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(False)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def _hours(minutes: float | None) -> float:
    return 0.0 if minutes is None else round(minutes / 60, 2)


class FiguresPanel(QWidget):
    loaded = Signal(object)
    load_failed = Signal(object)
    exported = Signal(str)

    def __init__(self, context, parent: QWidget | None = None, *, today: date | None = None,  # noqa: ANN001
                 load: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("figures_panel")
        self.actor, self.runner = context.actor, context.runner
        self.figures: Figures | None = None
        today = today or utcnow().date()

        title = QLabel(self.tr("Figures"), self)
        title.setObjectName("figures_title")
        self.start = QDateEdit(self)
        self.start.setObjectName("figures_from")
        self.end = QDateEdit(self)
        self.end.setObjectName("figures_to")
        for edit, day in ((self.start, today - timedelta(days=13)), (self.end, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_edit_format())
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.setMinimumHeight(TOUCH_PX)
        self.refresh_button = big_button(self.tr("Show"), "figures_refresh", self)
        self.refresh_button.clicked.connect(self.refresh)
        self.csv_button = big_button(self.tr("Export CSV"), "figures_export_csv", self)
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.xlsx_button = big_button(self.tr("Export XLSX"), "figures_export_xlsx", self)
        self.xlsx_button.clicked.connect(lambda: self._ask_export("xlsx"))
        self.slowest = QLabel(self)
        self.slowest.setObjectName("figures_slowest")
        self.slowest.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("figures_summary")
        self.summary.setWordWrap(True)

        self.views: dict[str, QChartView] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        places = {"stages": (0, 0, 1, 2), "hours": (0, 2, 1, 1), "pickers": (1, 0, 1, 1), "returns": (1, 1, 1, 1),
                  "satisfaction": (1, 2, 1, 1)}
        for name, place in places.items():
            view = QChartView(self)
            view.setObjectName(f"figures_{name}_chart")
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumSize(300, 220)
            view.setChart(_chart(""))
            self.views[name] = view
            grid.addWidget(view, *place)
        texts = QHBoxLayout()
        texts.addWidget(self.slowest, 1)
        texts.addWidget(self.summary, 1)

        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(QLabel(self.tr("From"), self))
        top.addWidget(self.start)
        top.addWidget(QLabel(self.tr("to"), self))
        top.addWidget(self.end)
        top.addWidget(self.refresh_button)
        top.addWidget(self.csv_button)
        top.addWidget(self.xlsx_button)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(texts)
        outer.addLayout(grid, 1)
        if load:  # False: the owner calls refresh() when the panel is first shown (the console's tab)
            self.refresh()

    # --- loading ------------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def refresh(self) -> None:
        first, last = self.period()
        if last < first:
            first, last = last, first
        start, end = period_of(first, last)
        self.runner.run(lambda uow: compute_figures(uow, start, end), self.show_figures, self._failed,
                        actor=self.actor, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.slowest.setText(error_text(exc))
        self.load_failed.emit(exc)

    def show_figures(self, f: Figures) -> None:
        self.figures = f
        self._stages(f)
        self._hours(f)
        self._pickers(f)
        self._returns(f)
        self._satisfaction(f)
        if f.slowest_stage:
            s = f.stage(f.slowest_stage)
            text = self.tr("Slowest stage: <b>{stage}</b> (mean {mean} h, p90 {p90} h)").format(
                stage=stage_name(s.stage), mean=number(_hours(s.mean_min), 1), p90=number(_hours(s.p90_min), 1))
            if f.slowest_warehouse_stage and f.slowest_warehouse_stage != f.slowest_stage:
                w = f.stage(f.slowest_warehouse_stage)
                text += "<br>" + self.tr("Slowest in the warehouse: <b>{stage}</b> (mean {mean} h)").format(
                    stage=stage_name(w.stage), mean=number(_hours(w.mean_min), 1))
        else:
            text = self.tr("No orders moved in this period")
        self.slowest.setText(text)
        sla = "—" if f.sla_rate is None else f"{number(f.sla_rate * 100, 0)}%"
        score = "—" if f.satisfaction_mean is None else number(f.satisfaction_mean, 2)
        self.summary.setText("<br>".join([
            self.tr("Orders received: {n} ({per_hour} an hour)").format(
                n=number(f.orders_received), per_hour=number(f.mean_orders_per_hour, 2)),
            self.tr("SLA kept: {rate} ({kept} of {shipped})").format(
                rate=sla, kept=number(f.sla_kept), shipped=number(f.shipped_with_promise)),
            # Named as what it counts: short-pick cases raised in the period, not the exceptions tab's open cases.
            self.tr("Short picks: %n event(s); short-pick exceptions raised in the period: {x}", "",
                    f.short_pick_events).format(x=number(f.short_pick_exceptions)),
            self.tr("Satisfaction: {score} of 5 (%n answer(s))", "", f.satisfaction_responses).format(score=score)]))
        self.loaded.emit(f)

    def _set(self, name: str, chart: QChart) -> None:
        view = self.views[name]
        old = view.chart()
        view.setChart(chart)
        old.deleteLater()

    def _bar_chart(self, title: str, categories: list[str], sets: list[QBarSet], stacked: bool = False,
                   legend: bool = False, top: float | None = None, value_title: str = "",
                   horizontal: bool = False) -> QChart:
        """Bars over categories; `horizontal` puts the categories down the left, for names too long to
        stand side by side under a narrow chart."""
        chart = _chart(title)
        if horizontal:
            series = QHorizontalStackedBarSeries() if stacked else QHorizontalBarSeries()
        else:
            series = QStackedBarSeries() if stacked else QBarSeries()
        for s in sets:
            series.append(s)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(categories or [""])
        # Whole names, never "…": a name that does not fit its category slot wraps or overlaps a little,
        # which reads; an ellipsis does not. Vertical bars turn their names to fit more of them.
        names.setTruncateLabels(False)
        if not horizontal and len(categories) > 4:
            names.setLabelsAngle(-45)
        values = QValueAxis()
        shown = [s.at(i) for s in sets for i in range(s.count())]
        values.setRange(0, top if top is not None else max([1.0, *shown]) * 1.15)
        values.setLabelFormat("%.1f")
        values.setTruncateLabels(False)
        values.setTitleText(value_title)
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        series.attachAxis(values)
        chart.legend().setVisible(legend)
        if legend:
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    def _stages(self, f: Figures) -> None:
        normal, slow = QBarSet(self.tr("Mean hours")), QBarSet(self.tr("Slowest"))
        normal.setColor(NORMAL)
        slow.setColor(HIGHLIGHT)
        cats = []
        for s in f.stages:
            cats.append(stage_name(s.stage))
            is_slow = s.stage == f.slowest_stage
            normal.append(0.0 if is_slow else _hours(s.mean_min))
            slow.append(_hours(s.mean_min) if is_slow else 0.0)
        if f.slowest_stage:
            title = self.tr("Time per stage — slowest: {stage}").format(stage=stage_name(f.slowest_stage))
        else:
            title = self.tr("Time per stage")
        self._set("stages", self._bar_chart(title, cats, [normal, slow], stacked=True,
                                            value_title=self.tr("Mean hours")))

    def _hours(self, f: Figures) -> None:
        chart = _chart(self.tr("Orders per hour"))
        series = QLineSeries()
        series.setName(self.tr("Orders"))
        series.setColor(NORMAL)
        top = 1
        for hour, n in f.orders_per_hour:
            series.append(QDateTime.fromSecsSinceEpoch(int(hour.timestamp())).toMSecsSinceEpoch(), n)
            top = max(top, n)
        chart.addSeries(series)
        x = QDateTimeAxis()
        x.setFormat(month_day_format())
        x.setTickCount(5)
        x.setTruncateLabels(False)
        if f.orders_per_hour:
            x.setRange(QDateTime.fromSecsSinceEpoch(int(f.orders_per_hour[0][0].timestamp())),
                       QDateTime.fromSecsSinceEpoch(int(f.orders_per_hour[-1][0].timestamp())))
        y = QValueAxis()
        y.setRange(0, top + 1)
        y.setLabelFormat("%d")
        y.setTruncateLabels(False)
        y.setTitleText(self.tr("Orders"))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        self._set("hours", chart)

    def _pickers(self, f: Figures) -> None:
        rate, errors = QBarSet(self.tr("Units per hour")), QBarSet(self.tr("Errors, %"))
        rate.setColor(NORMAL)
        errors.setColor(SECOND)
        for p in f.pickers:
            rate.append(p.pick_rate_uph or 0.0)
            errors.append(round((p.error_rate or 0.0) * 100, 1))
        self._set("pickers", self._bar_chart(self.tr("Pick rate and errors per picker"),
                                             [p.login for p in f.pickers], [rate, errors], legend=True))

    def _returns(self, f: Figures) -> None:
        chart = _chart(self.tr("Returns by reason"))
        series = QPieSeries()
        series.setName(self.tr("Returns"))
        for reason, n in f.returns_by_reason:
            series.append(self.tr("{reason}: {n}").format(reason=return_reason_name(reason), n=number(n)), n)
        if not f.returns_by_reason:
            series.append(self.tr("None"), 1)
        series.setPieSize(0.7)
        chart.addSeries(series)
        # The reasons and their counts in the legend under the pie: long names never run over the edge.
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._set("returns", chart)

    def _satisfaction(self, f: Figures) -> None:
        scores = QBarSet(self.tr("Mean score"))
        scores.setColor(NORMAL)
        cats = []
        for c in f.satisfaction_by_category:
            cats.append(f"{category_name(c.category)} ({number(c.count)})")
            scores.append(c.mean_score or 0.0)
        if f.satisfaction_mean is not None:
            title = self.tr("Satisfaction by category — {score} of 5").format(score=number(f.satisfaction_mean, 2))
        else:
            title = self.tr("Satisfaction by category")
        self._set("satisfaction", self._bar_chart(title, cats, [scores], top=5.0, value_title=self.tr("Mean score"),
                                                  horizontal=True))

    # --- exporting ----------------------------------------------------------------------------

    def _ask_export(self, fmt: str) -> None:
        if self.figures is None:
            return
        first, last = self.period()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export figures"),
                                              f"figures-{first}-{last}.{fmt}",
                                              "CSV (*.csv)" if fmt == "csv" else "Excel (*.xlsx)")
        if path:
            self.export(Path(path), fmt)

    def export(self, path: Path, fmt: str) -> None:
        """Write the figures on screen to `path` (csv or xlsx) off the GUI thread."""
        figures = self.figures
        if figures is None:
            return

        def write() -> str:
            if fmt == "csv":
                path.write_text(figures.to_csv(), encoding="utf-8")
            else:
                figures.to_xlsx(path)
            return str(path)

        self.runner.call(write, self.exported.emit, self._failed, owner=self)
