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
    QLineSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QDateEdit, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.db.types import utcnow
from desktop.services.figures import STAGE_ZH, Figures, compute_figures, period_of
from ui.widgets.aftersales_common import TOUCH_PX, big_button, failure_text

HIGHLIGHT = QColor("#c62828")
NORMAL = QColor("#3b6ea8")
SECOND = QColor("#e0a030")
REASON_ZH = {"no_reason": "无理由", "quality": "质量", "damaged": "损坏", "wrong_item": "错发", "refused": "拒收"}
CATEGORY_ZH = {"delivery_speed": "配送速度", "packaging": "包装", "product_quality": "商品质量", "service": "服务",
               "other": "其他"}


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

    def __init__(self, context, parent: QWidget | None = None, *, today: date | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("figures_panel")
        self.actor, self.runner = context.actor, context.runner
        self.figures: Figures | None = None
        today = today or utcnow().date()

        title = QLabel(self.tr("Figures · 运营数据"), self)
        title.setObjectName("figures_title")
        self.start = QDateEdit(self)
        self.start.setObjectName("figures_from")
        self.end = QDateEdit(self)
        self.end.setObjectName("figures_to")
        for edit, day in ((self.start, today - timedelta(days=13)), (self.end, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.setMinimumHeight(TOUCH_PX)
        self.refresh_button = big_button(self.tr("Show · 查询"), "figures_refresh", self)
        self.refresh_button.clicked.connect(self.refresh)
        self.csv_button = big_button(self.tr("Export CSV · 导出 CSV"), "figures_export_csv", self)
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.xlsx_button = big_button(self.tr("Export XLSX · 导出 Excel"), "figures_export_xlsx", self)
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
        top.addWidget(QLabel(self.tr("From · 从"), self))
        top.addWidget(self.start)
        top.addWidget(QLabel(self.tr("to · 到"), self))
        top.addWidget(self.end)
        top.addWidget(self.refresh_button)
        top.addWidget(self.csv_button)
        top.addWidget(self.xlsx_button)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(texts)
        outer.addLayout(grid, 1)
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
        self.slowest.setText(failure_text(exc))
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
            text = self.tr("Slowest stage: <b>{stage}</b> · 最慢环节：<b>{zh}</b> (mean {h:.1f} h, p90 {p:.1f} h)").format(
                stage=s.stage, zh=s.label_zh, h=_hours(s.mean_min), p=_hours(s.p90_min))
            if f.slowest_warehouse_stage and f.slowest_warehouse_stage != f.slowest_stage:
                w = f.stage(f.slowest_warehouse_stage)
                text += self.tr("<br>In the warehouse: <b>{stage}</b> · 仓内最慢：<b>{zh}</b> ({h:.1f} h)").format(
                    stage=w.stage, zh=w.label_zh, h=_hours(w.mean_min))
        else:
            text = self.tr("No orders moved in this period · 本期间无订单流转")
        self.slowest.setText(text)
        sla = "—" if f.sla_rate is None else f"{f.sla_rate:.0%}"
        score = "—" if f.satisfaction_mean is None else f"{f.satisfaction_mean:.2f} / 5"
        self.summary.setText(self.tr(
            "Orders received · 接单: {n} ({ph:.2f}/h)<br>SLA kept · 按时发货: {sla} ({k}/{w})<br>"
            "Short picks · 缺货拣选: {se} events, {sx} exceptions<br>Satisfaction · 满意度: {score} ({r} answers)").format(
            n=f.orders_received, ph=f.mean_orders_per_hour, sla=sla, k=f.sla_kept, w=f.shipped_with_promise,
            se=f.short_pick_events, sx=f.short_pick_exceptions, score=score, r=f.satisfaction_responses))
        self.loaded.emit(f)

    def _set(self, name: str, chart: QChart) -> None:
        view = self.views[name]
        old = view.chart()
        view.setChart(chart)
        old.deleteLater()

    def _bar_chart(self, title: str, categories: list[str], sets: list[QBarSet], stacked: bool = False,
                   legend: bool = False, top: float | None = None) -> QChart:
        chart = _chart(title)
        series = QStackedBarSeries() if stacked else QBarSeries()
        for s in sets:
            series.append(s)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(categories or [""])
        y = QValueAxis()
        values = [s.at(i) for s in sets for i in range(s.count())]
        y.setRange(0, top if top is not None else max([1.0, *values]) * 1.15)
        y.setLabelFormat("%.1f")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        chart.legend().setVisible(legend)
        if legend:
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    def _stages(self, f: Figures) -> None:
        normal, slow = QBarSet(self.tr("hours")), QBarSet(self.tr("slowest · 最慢"))
        normal.setColor(NORMAL)
        slow.setColor(HIGHLIGHT)
        cats = []
        for s in f.stages:
            cats.append(f"{s.stage}\n{STAGE_ZH[s.stage]}")
            is_slow = s.stage == f.slowest_stage
            normal.append(0.0 if is_slow else _hours(s.mean_min))
            slow.append(_hours(s.mean_min) if is_slow else 0.0)
        title = self.tr("Time per stage, mean hours · 各环节平均耗时（小时）")
        if f.slowest_stage:
            title += f" — {self.tr('slowest')} 最慢: {f.slowest_stage} {STAGE_ZH[f.slowest_stage]}"
        self._set("stages", self._bar_chart(title, cats, [normal, slow], stacked=True))

    def _hours(self, f: Figures) -> None:
        chart = _chart(self.tr("Orders per hour · 每小时接单"))
        series = QLineSeries()
        series.setColor(NORMAL)
        top = 1
        for hour, n in f.orders_per_hour:
            series.append(QDateTime.fromSecsSinceEpoch(int(hour.timestamp())).toMSecsSinceEpoch(), n)
            top = max(top, n)
        chart.addSeries(series)
        x = QDateTimeAxis()
        x.setFormat("MM-dd")
        x.setTickCount(5)
        if f.orders_per_hour:
            x.setRange(QDateTime.fromSecsSinceEpoch(int(f.orders_per_hour[0][0].timestamp())),
                       QDateTime.fromSecsSinceEpoch(int(f.orders_per_hour[-1][0].timestamp())))
        y = QValueAxis()
        y.setRange(0, top + 1)
        y.setLabelFormat("%d")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        self._set("hours", chart)

    def _pickers(self, f: Figures) -> None:
        rate, errors = QBarSet(self.tr("units/h · 件/时")), QBarSet(self.tr("errors % · 差错率"))
        rate.setColor(NORMAL)
        errors.setColor(SECOND)
        for p in f.pickers:
            rate.append(p.pick_rate_uph or 0.0)
            errors.append(round((p.error_rate or 0.0) * 100, 1))
        self._set("pickers", self._bar_chart(self.tr("Pick rate and errors per picker · 拣货效率与差错"),
                                             [p.login for p in f.pickers], [rate, errors], legend=True))

    def _returns(self, f: Figures) -> None:
        chart = _chart(self.tr("Returns by reason · 退货原因"))
        series = QPieSeries()
        for reason, n in f.returns_by_reason:
            sl = series.append(f"{reason} {REASON_ZH.get(reason, '')} {n}", n)
            sl.setLabelVisible(True)
        if not f.returns_by_reason:
            series.append(self.tr("none · 无"), 1).setLabelVisible(True)
        series.setPieSize(0.6)
        chart.addSeries(series)
        self._set("returns", chart)

    def _satisfaction(self, f: Figures) -> None:
        scores = QBarSet(self.tr("mean score · 平均分"))
        scores.setColor(NORMAL)
        cats = []
        for c in f.satisfaction_by_category:
            cats.append(f"{CATEGORY_ZH.get(c.category, c.category)} ({c.count})")
            scores.append(c.mean_score or 0.0)
        title = self.tr("Satisfaction by category · 满意度")
        if f.satisfaction_mean is not None:
            title += f" — {f.satisfaction_mean:.2f}/5"
        self._set("satisfaction", self._bar_chart(title, cats, [scores], top=5.0))

    # --- exporting ----------------------------------------------------------------------------

    def _ask_export(self, fmt: str) -> None:
        if self.figures is None:
            return
        first, last = self.period()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export figures · 导出数据"),
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
