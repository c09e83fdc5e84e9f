"""The packer's bench: scan a tote or order, scan every unit again, weigh, check the carrier, print.

Everything a person does here is a scan, a key or a large button. Business rules are the domain's
(`desktop.domain.packing`), shown live while scanning; the services check them again when a parcel
is closed (`desktop.services.packing`). Database work and printing run off the GUI thread.

Keys: F5 re-weigh · F6 supervisor override · F7 change carrier · F8 close parcel and start the next ·
F9 print label + slip · Esc closes an open panel.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.domain.errors import PickdeskError
from desktop.domain.lifecycle import OrderStatus
from desktop.domain.packing import (
    FRAGILE_NOTES,
    NoCarrier,
    PackChecklist,
    UnitRefused,
    WeightVerdict,
    carrier_options,
    choose_carrier,
    expected_weight,
    suggest_carton,
    weight_check,
)
from desktop.domain.roles import Role
from desktop.services import packing
from desktop.services.orders import count_by_status
from devices.decode import BadgeScan, ItemScan, OrderScan, ScanRejected, ToteScan, decode_scan
from devices.scale import ScaleReading
from printing.queue import PrintJob, PrintQueue, PrintWorker
from printing.transports import PrinterSettings
from ui.feedback import ScanFeedback
from ui.widgets.message import MessageBanner
from ui.widgets.pack_checklist import PackChecklistTable
from ui.widgets.pack_panels import CarrierPanel, OverridePanel
from ui.workspaces.base import Workspace, WorkspaceContext


class _QueueBridge(QObject):
    """The print queue's failure callback runs on the print worker; this hops it to the GUI thread."""

    failed = Signal(object)


def printer_from_settings(settings) -> PrinterSettings | None:  # noqa: ANN001
    try:
        return PrinterSettings(settings.printer_kind, settings.printer_target, format=settings.label_format,
                               label_size=settings.label_size)
    except ValueError:
        return None


def scale_from_settings(settings):  # noqa: ANN001, ANN201
    """A SerialDeviceThread for the station's scale, as the settings describe it, or None."""
    if not settings.scale_port:
        return None
    from devices.scale import ContinuousScale, MtSicsScale
    from devices.serial_reader import SerialSettings
    from ui.devices.serial_thread import SerialDeviceThread

    serial = SerialSettings(port=settings.scale_port, baudrate=settings.scale_baud, terminator=b"\r\n",
                            reconnect_interval=0.2, read_timeout=0.02)
    kind = MtSicsScale if settings.scale_protocol == "mt-sics" else ContinuousScale
    return SerialDeviceThread(lambda on_event: kind("pack-scale", serial, on_event))


def _panel(name: str, title: str, parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName(f"{name}_box")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(10, 6, 10, 6)
    layout.setSpacing(4)
    heading = QLabel(title, frame)
    heading.setObjectName(f"{name}_title")
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    layout.addWidget(heading)
    return frame, layout


class PackerWorkspace(Workspace):
    """Object names: `workspace_packer`, `packer_prompt`, `packer_scan` (scan field), `packer_order`,
    `scan_feedback`, `packer_checklist`, `packer_scan_result`, `packer_waiting_count`, `packer_carton`,
    `packer_fragile_notes`, `packer_weight`, `packer_weight_manual`, `packer_reweigh`, `packer_override`,
    `packer_carrier`, `packer_carrier_change`, `packer_parcels`, `packer_close_parcel`, `packer_print`,
    `packer_print_status`; the panels of `ui.widgets.pack_panels`.

    Signals:
        order_opened(str): an order is on the bench.
        parcel_closed(str): a parcel was packed (its code).
        printed(str): every label of the order came out of the printer (the order number).
        print_failed(int): a print job failed for good; the exception's id.
        state_changed(): what blocks or allows closing and printing changed.
    """

    order_opened = Signal(str)
    parcel_closed = Signal(str)
    printed = Signal(str)
    print_failed = Signal(int)
    state_changed = Signal()

    role = Role.PACKER
    object_name = "workspace_packer"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None, *,
                 print_queue: PrintQueue | None = None, scale=None,  # noqa: ANN001
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(context, parent)
        self.settings = context.settings
        self.today = today
        self.view: packing.PackView | None = None
        self.checklist: PackChecklist | None = None
        self.reading: int | None = None
        self.verdict: WeightVerdict | None = None
        self.override: packing.WeightOverride | None = None
        self.carrier: tuple[str, str] | None = None
        self.carrier_reason: str | None = None
        self.busy = False
        self.order_packed = False
        self.jobs: dict[int, str] = {}  # print job id → parcel code or "slip"
        self.job_states: dict[int, str] = {}
        self._build()

        # The print queue: the station's own file, drained by a worker thread.
        self.printer = printer_from_settings(self.settings)
        self._bridge = _QueueBridge(self)
        self._bridge.failed.connect(self._job_failed)
        self._own_queue = print_queue is None
        if print_queue is None:
            if self.settings.printer_kind == "system":
                from ui.printing import qprinter_transport

                qprinter_transport.install()
            print_queue = PrintQueue(packing.print_queue_path(), on_failed=self._bridge.failed.emit)
        elif print_queue.on_failed is None:
            print_queue.on_failed = self._bridge.failed.emit
        self.queue = print_queue
        self.worker = PrintWorker(self.queue, idle_wait=1.0)
        self.worker.start()
        self.print_timer = QTimer(self)
        self.print_timer.setObjectName("packer_print_timer")
        self.print_timer.setInterval(150)
        self.print_timer.timeout.connect(self._poll_jobs)
        self._polling = False

        # The scale: a serial one from the settings, or readings handed to on_weighed().
        self.scale = scale if scale is not None else scale_from_settings(self.settings)
        if self.scale is not None:
            self.scale.weighed.connect(self.on_weighed)
            self.scale.scale_failed.connect(
                lambda error: self.feedback.refused(f"{error.message}\n{error.message_zh}"))
            if not self.scale.running:
                self.scale.start()
        self._show_state()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        prompt = QLabel(self.tr("Scan a tote or order · 请扫描周转箱或订单"), self)
        prompt.setObjectName("packer_prompt")
        self.prompt = prompt
        self.scan = QLineEdit(self)
        self.scan.setObjectName("packer_scan")
        self.scan.setPlaceholderText("TOTE-…  /  ORD-…  /  GS1")
        self.scan.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.scan.returnPressed.connect(lambda: self.on_scan(self.scan.text()))
        self.order_label = QLabel(self)
        self.order_label.setObjectName("packer_order")
        self.order_label.setWordWrap(True)
        self.feedback = ScanFeedback(parent=self)
        self.feedback.setMinimumHeight(96)
        font = self.feedback.text.font()
        font.setPointSize(15)  # the bench's messages are two languages long
        self.feedback.text.setFont(font)
        self.table = PackChecklistTable(self)
        self.result = MessageBanner("packer_scan_result", self)
        self.waiting = QLabel(self.tr("Counting picked orders… · 正在统计…"), self)
        self.waiting.setObjectName("packer_waiting_count")

        left = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(prompt)
        top.addWidget(self.scan, 1)
        left.addLayout(top)
        left.addWidget(self.order_label)
        left.addWidget(self.feedback)
        left.addWidget(self.table, 1)
        left.addWidget(self.result)
        left.addWidget(self.waiting)

        right = QVBoxLayout()
        right.setSpacing(8)
        box, lay = _panel("packer_carton", self.tr("Carton · 纸箱"), self)
        self.carton = QLabel(box)
        self.carton.setObjectName("packer_carton")
        self.fragile_notes = QLabel(box)
        self.fragile_notes.setObjectName("packer_fragile_notes")
        self.fragile_notes.setWordWrap(True)
        lay.addWidget(self.carton)
        lay.addWidget(self.fragile_notes)
        right.addWidget(box)

        box, lay = _panel("packer_weight", self.tr("Weight · 重量"), self)
        self.weight = QLabel(box)
        self.weight.setObjectName("packer_weight")
        self.weight_manual = QLineEdit(box)
        self.weight_manual.setObjectName("packer_weight_manual")
        self.weight_manual.setPlaceholderText(self.tr("No scale? Type grams + Enter · 无秤：输入克数回车"))
        self.weight_manual.returnPressed.connect(self._manual_weight)
        self.reweigh = self._button("packer_reweigh", self.tr("Re-weigh · 重新称重 (F5)"), "F5", self._reweigh)
        self.override_button = self._button("packer_override", self.tr("Supervisor override · 主管放行 (F6)"), "F6",
                                            self._open_override)
        lay.addWidget(self.weight)
        lay.addWidget(self.weight_manual)
        row = QHBoxLayout()
        row.addWidget(self.reweigh)
        row.addWidget(self.override_button)
        lay.addLayout(row)
        self.override_panel = OverridePanel(self)
        self.override_panel.confirmed.connect(self._verify_override)
        self.override_panel.cancelled.connect(self._close_panels)
        left.insertWidget(3, self.override_panel)
        right.addWidget(box)

        box, lay = _panel("packer_carrier", self.tr("Carrier · 承运商"), self)
        self.carrier_label = QLabel(box)
        self.carrier_label.setObjectName("packer_carrier")
        self.carrier_label.setWordWrap(True)
        self.carrier_change = self._button("packer_carrier_change", self.tr("Change… · 更换 (F7)"), "F7",
                                           self._open_carrier)
        lay.addWidget(self.carrier_label)
        lay.addWidget(self.carrier_change)
        self.carrier_panel = CarrierPanel(self)
        self.carrier_panel.chosen.connect(self._carrier_chosen)
        self.carrier_panel.cancelled.connect(self._close_panels)
        left.insertWidget(3, self.carrier_panel)
        right.addWidget(box)

        box, lay = _panel("packer_parcel", self.tr("Parcels · 包裹"), self)
        self.parcels = QLabel(box)
        self.parcels.setObjectName("packer_parcels")
        self.close_parcel = self._button("packer_close_parcel", self.tr("Close parcel, start next · 封箱并开始下一箱 (F8)"),
                                         "F8", self._close_parcel)
        lay.addWidget(self.parcels)
        lay.addWidget(self.close_parcel)
        right.addWidget(box)

        self.print_button = self._button("packer_print", self.tr("Print label + slip · 打印面单和装箱单 (F9)"), "F9",
                                         self._print)
        self.print_button.setMinimumHeight(64)
        self.print_status = QLabel(self)
        self.print_status.setObjectName("packer_print_status")
        self.print_status.setWordWrap(True)
        right.addWidget(self.print_button)
        right.addWidget(self.print_status)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        self.body.addLayout(columns, 1)
        self.setFocusProxy(self.scan)
        self.setStyleSheet(
            "#packer_weight[verdict=\"bad\"] { color: #b3261e; font-weight: bold; }"
            "#packer_weight[verdict=\"ok\"] { color: #1b7f3b; font-weight: bold; }"
            "#packer_print { font-size: 15pt; }"
            "#packer_scan { min-height: 48px; font-size: 16pt; }"
            "#packer_fragile_notes { font-size: 9pt; color: #7a4b00; }")

    def _button(self, name: str, text: str, key: str, slot) -> QPushButton:  # noqa: ANN001
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setMinimumHeight(48)
        button.setShortcut(QKeySequence(key))
        button.clicked.connect(slot)
        return button

    # --- loading -----------------------------------------------------------------------------

    def load_op(self):  # noqa: ANN201
        return lambda uow: count_by_status(uow)[OrderStatus.PICKED]

    def show_data(self, data: object) -> None:
        self.waiting_orders = int(data)  # type: ignore[arg-type]
        self.waiting.setText(self.tr("Picked, waiting to pack: {n} orders · 已拣货待打包：{n} 单")
                             .format(n=self.waiting_orders))

    # --- scans -------------------------------------------------------------------------------

    def on_scan(self, raw: str) -> bool:
        self.scan.clear()
        if not raw.strip():
            return False
        try:
            scan = decode_scan(raw)
        except ScanRejected as exc:
            self.feedback.refused(f"{exc.message}\n{exc.message_zh}")
            self.result.show_message(f"{exc.message}\n{exc.message_zh}", "error")
            return True
        if isinstance(scan, BadgeScan) and self.override_panel.isVisible():
            self.override_panel.badge_scanned(scan.code)
            self.feedback.info(self.tr("Badge read: give the reason. · 已读取工牌：请填写原因。"))
        elif isinstance(scan, (ToteScan, OrderScan)):
            self._open_order(scan)
        elif isinstance(scan, ItemScan):
            self._item(scan)
        else:
            text = self.tr("Scan a tote, an order or an item here. · 此处请扫描周转箱、订单或商品。")
            self.feedback.refused(text)
            self.result.show_message(text, "error")
        return True

    def _open_order(self, scan: ToteScan | OrderScan) -> None:
        if self.checklist is not None and self.checklist.current and not self.order_packed:
            self.feedback.refused(self.tr("Finish this parcel first: {n} unit(s) are in it. · 请先完成当前包裹：已装 {n} 件。")
                                  .format(n=len(self.checklist.current)))
            return
        today = self.today()
        what = (self.tr("Tote {code} · 周转箱 {code}").format(code=scan.code) if isinstance(scan, ToteScan)
                else self.tr("Order {code} · 订单 {code}").format(code=scan.order_no))
        self.feedback.info(self.tr("Opening… · 正在打开…"))
        self.result.show_message(what + " — " + self.tr("opening… · 正在打开…"), "info")
        self.runner.run(lambda uow: packing.open_for_packing(uow, scan, today=today), self._opened,
                        self._open_failed, actor=self.actor, owner=self)

    def _opened(self, view: packing.PackView) -> None:
        self.view = view
        self.checklist = PackChecklist(view.lines, view.today)
        self.reading = self.verdict = self.override = None
        self.carrier, self.carrier_reason = None, None
        self.order_packed = False
        self.jobs.clear()
        self.job_states.clear()
        self.result.clear()
        self.print_status.clear()
        self._close_panels()
        units = sum(ln.qty for ln in view.lines)
        self.feedback.info(self.tr("Order {o}: scan each of the {n} units. · 订单 {o}：请逐件扫描 {n} 件商品。")
                           .format(o=view.order_no, n=units))
        self._show_state()
        self.order_opened.emit(view.order_no)

    def _open_failed(self, exc: BaseException) -> None:
        self._refuse_error(exc)

    def _item(self, scan: ItemScan) -> None:
        if self.checklist is None or self.order_packed:
            self.feedback.refused(self.tr("Scan a tote or order first. · 请先扫描周转箱或订单。"))
            return
        try:
            unit = self.checklist.scan(scan.gtin, scan.lot, scan.expiry)
        except UnitRefused as exc:
            self.feedback.refused(f"{exc.message}\n{exc.message_zh}")
            return
        ln = self.checklist.lines[unit.line_no]
        lot = f" · {unit.lot}" if unit.lot else ""
        self.feedback.good(f"{ln.name_zh} {ln.name}{lot} — {self.checklist.packed(ln.line_no)}/{ln.qty}")
        self.reading = self.verdict = self.override = None  # the contents changed: weigh again
        self._show_state()

    # --- weight ------------------------------------------------------------------------------

    def on_weighed(self, reading: ScaleReading) -> None:
        """A stable reading from the scale (or typed in)."""
        if not reading.stable:
            return
        if self.checklist is None or not self.checklist.current:
            self.feedback.info(self.tr("Scale: {g} g — nothing in the parcel yet. · 秤：{g} 克——包裹内还没有商品。")
                               .format(g=int(reading.grams)))
            return
        expected = self._expected()
        self.verdict = weight_check(expected, reading.grams)
        self.reading = self.verdict.measured_g
        self.override = None
        note = self.verdict.describe()
        if self.verdict.ok:
            self.feedback.good(f"{note.en}\n{note.zh}")
        else:
            self.feedback.refused(f"{note.en}\n{note.zh}")
        self._show_state()

    def _manual_weight(self) -> None:
        from decimal import Decimal, InvalidOperation

        text = self.weight_manual.text().strip()
        self.weight_manual.clear()
        try:
            grams = Decimal(text)
        except InvalidOperation:
            self.feedback.refused(self.tr("Type the weight in grams. · 请输入克数。"))
            return
        self.on_weighed(ScaleReading(grams, True))
        self.scan.setFocus()

    def _reweigh(self) -> None:
        self.reading = self.verdict = self.override = None
        device = getattr(self.scale, "device", None)
        if device is not None and hasattr(device, "request_weight"):
            device.request_weight()
        self.feedback.info(self.tr("Put the parcel on the scale. · 请把包裹放到秤上。"))
        self._show_state()

    def _expected(self) -> int:
        assert self.checklist is not None
        return expected_weight(self.checklist.parcel_items(), self._carton().carton)

    def _carton(self):  # noqa: ANN202
        assert self.checklist is not None
        items = self.checklist.remaining_items()
        return suggest_carton(items or self.checklist.parcel_items())

    # --- override ----------------------------------------------------------------------------

    def _open_override(self) -> None:
        if self.verdict is None or self.verdict.ok or self.busy:
            return
        self.carrier_panel.hide()
        self.override_panel.open()

    def _verify_override(self, who: str, pin: str, reason: str) -> None:
        self.runner.run(lambda uow: packing.verify_supervisor(uow, who, pin or None),
                        lambda actor: self._overridden(actor, reason), self._override_failed,
                        actor=self.actor, owner=self)

    def _overridden(self, supervisor, reason: str) -> None:  # noqa: ANN001
        self.override = packing.WeightOverride(supervisor, reason)
        self.override_panel.hide()
        self.feedback.good(self.tr("Override by {who}: {why} · {who} 已放行：{why}")
                           .format(who=supervisor.display_name, why=reason))
        self._show_state()
        self.scan.setFocus()

    def _override_failed(self, exc: BaseException) -> None:
        text = f"{exc.message}\n{exc.message_zh}" if isinstance(exc, PickdeskError) else str(exc)
        self.override_panel.show_error(text)
        self.feedback.refused(text)

    # --- carrier -----------------------------------------------------------------------------

    def _options(self):  # noqa: ANN202
        assert self.view is not None and self.checklist is not None
        weight = self.reading or self._expected()
        return weight, self.checklist.parcel_value()

    def _rule_choice(self):  # noqa: ANN202
        if self.view is None or self.checklist is None:
            return None
        if not self.checklist.current:
            return self.view.carrier
        weight, value = self._options()
        try:
            return choose_carrier(self.view.carriers, self.view.destination, weight, self.view.priority_class,
                                  self.view.cod, value)
        except NoCarrier:
            return None

    def _open_carrier(self) -> None:
        if self.view is None or self.checklist is None or self.busy:
            return
        weight, value = self._options() if self.checklist.current else (self.view.expected_weight_g or 0, 0)
        options = carrier_options(self.view.carriers, self.view.destination, weight, cod=self.view.cod, value=value)
        self.override_panel.hide()
        choice = self._current_carrier()
        self.carrier_panel.open(options, choice)

    def _carrier_chosen(self, carrier: str, service: str, reason: str) -> None:
        self.carrier, self.carrier_reason = (carrier, service), reason
        self.carrier_panel.hide()
        self._show_state()
        self.scan.setFocus()

    def _current_carrier(self) -> tuple[str, str] | None:
        if self.carrier is not None:
            return self.carrier
        rule = self._rule_choice()
        return (rule.carrier, rule.service) if rule else None

    def _close_panels(self) -> None:
        self.override_panel.hide()
        self.carrier_panel.hide()
        self.scan.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if event.key() == Qt.Key.Key_Escape and (self.override_panel.isVisible() or self.carrier_panel.isVisible()):
            self._close_panels()
            return
        super().keyPressEvent(event)

    # --- what blocks -------------------------------------------------------------------------

    def blockers(self) -> list[str]:
        """Why the current parcel cannot be closed (empty: it can)."""
        if self.checklist is None:
            return [self.tr("No order · 没有订单")]
        out = []
        if not self.checklist.current:
            out.append(self.tr("Parcel is empty · 包裹为空"))
        if self.verdict is None:
            out.append(self.tr("Not weighed · 未称重"))
        elif not self.verdict.ok and self.override is None:
            out.append(self.tr("Weight mismatch · 重量不符"))
        if self._current_carrier() is None:
            out.append(self.tr("No carrier · 无承运商"))
        return out

    def can_close(self) -> bool:
        return not self.busy and not self.blockers() and self.checklist is not None and \
            not self._closes_order()

    def can_print(self) -> bool:
        if self.busy or self.checklist is None:
            return False
        if self.order_packed:
            return not self.jobs
        return self._closes_order() and not self.blockers()

    def _closes_order(self) -> bool:
        assert self.checklist is not None
        return self.checklist.complete

    def _show_state(self) -> None:
        checklist, view = self.checklist, self.view
        self.table.show_checklist(checklist)
        if view is None or checklist is None:
            self.order_label.setText(self.tr("No order on the bench. · 工作台上没有订单。"))
            for label in (self.carton, self.fragile_notes, self.weight, self.carrier_label, self.parcels):
                label.clear()
            self.print_button.setEnabled(False)
            self.close_parcel.setEnabled(False)
            self.override_button.setEnabled(False)
            self.carrier_change.setEnabled(False)
            self.reweigh.setEnabled(False)
            self.state_changed.emit()
            return
        where = f" · {view.tote}" if view.tote else ""
        flags = (" · 🎁 gift 礼品" if view.gift else "") + (" · COD 货到付款" if view.cod else "")
        self.order_label.setText(f"<b>{view.order_no}</b>{where} · {view.priority_class}{flags}<br>"
                                 f"{view.recipient} · {view.phone} · {view.city}")
        if self.order_packed:
            carton_text = self.tr("All parcels closed · 所有包裹已封箱")
            self.carton.setText(carton_text)
            self.fragile_notes.clear()
        else:
            choice = self._carton()
            self.carton.setText(f"<b>{choice.carton.describe()}</b> · {choice.fill:.0%} "
                                + self.tr("full · 装满度"))
            # Short on screen (the bench is busy); the full instructions are in the tooltip and docs/packing.md.
            first = choice.notes[0] if choice.notes else None
            short = ""
            if first is not None:
                short = f"⚠ {first.en}<br>{first.zh}"
                if any(n in choice.notes for n in FRAGILE_NOTES):
                    short += "<br>" + self.tr("Bubble wrap · fill gaps · FRAGILE sticker<br>气泡膜包裹 · 填满空隙 · 贴易碎标签")
            self.fragile_notes.setText(short)
            self.fragile_notes.setToolTip("\n".join(str(n) for n in choice.notes))
            self.fragile_notes.setVisible(bool(choice.notes))
        # Weight.
        if checklist.current and not self.order_packed:
            expected = self._expected()
            if self.verdict is None:
                text = self.tr("Expected {e} g · measured — · 预期 {e} 克，请称重").format(e=expected)
                state = "none"
            else:
                v = self.verdict
                diff = abs(v.difference_g)
                if v.ok:
                    short = self.tr("OK: {d:+d} g within ±{t} g · 重量正确").format(d=v.difference_g, t=v.tolerance_g)
                elif v.difference_g > 0:
                    short = self.tr("{d} g heavier (±{t} g) · 偏重 {d} 克").format(d=diff, t=v.tolerance_g)
                else:
                    short = self.tr("{d} g lighter (±{t} g) · 偏轻 {d} 克").format(d=diff, t=v.tolerance_g)
                text = (self.tr("Expected {e} g · measured {m} g<br>预期 {e} 克 · 实测 {m} 克")
                        .format(e=v.expected_g, m=v.measured_g) + f"<br>{short}")
                state = "ok" if self.verdict.ok else "bad"
                if self.override is not None:
                    text += "<br>" + self.tr("Override by {who}: {why}<br>主管已放行").format(
                        who=self.override.supervisor.display_name, why=self.override.reason)
                    state = "ok"
        else:
            text, state = self.tr("Scan units into the parcel, then weigh it.<br>先扫描装箱，再称重。"), "none"
        self.weight.setText(text)
        self.weight.setProperty("verdict", state)
        self.weight.style().unpolish(self.weight)
        self.weight.style().polish(self.weight)
        # Carrier.
        rule = self._rule_choice()
        current = self._current_carrier()
        if current is None:
            self.carrier_label.setText(self.tr("No carrier can take this parcel. · 没有承运商可承运。"))
        else:
            label = self._service_label(*current)
            if self.carrier is not None and rule is not None and (rule.carrier, rule.service) != self.carrier:
                why = self.tr("Changed by the packer: {r} (rules: {c} {s}) · 打包员更换").format(
                    r=self.carrier_reason, c=rule.carrier, s=rule.service)
            elif rule is not None:
                why = f"{rule.reason.en}<br>{rule.reason.zh}"
            else:
                why = ""
            self.carrier_label.setText(f"<b>{label}</b><br>{why}")
        # Parcels.
        closed = list(view.parcels) + list(self._closed_here)
        lines = [f"#{p.seq} {p.code} · {p.carton} · {p.units} · {p.actual_weight_g} g · {p.tracking_no}" for p in closed]
        if not self.order_packed:
            lines.append(self.tr("#{n} open · {u} in it, {m} to scan · 第 {n} 箱：已装 {u}，还差 {m}")
                         .format(n=len(closed) + 1, u=len(checklist.current), m=checklist.missing_units))
        self.parcels.setText("\n".join(lines))
        blockers = self.blockers()
        self.close_parcel.setEnabled(self.can_close())
        self.print_button.setEnabled(self.can_print())
        self.print_button.setToolTip("" if self.can_print() else " · ".join(blockers))
        self.override_button.setEnabled(self.verdict is not None and not self.verdict.ok and self.override is None
                                        and not self.busy)
        self.carrier_change.setEnabled(not self.order_packed and not self.busy)
        self.reweigh.setEnabled(bool(checklist.current) and not self.busy)
        self.state_changed.emit()

    @property
    def _closed_here(self) -> list[packing.ParcelView]:
        return getattr(self, "_closed_parcels", [])

    def _service_label(self, carrier: str, service: str) -> str:
        assert self.view is not None
        for c in self.view.carriers:
            if c.code == carrier:
                svc = c.definition.get("services", {}).get(service, {})
                cost = ""
                if self.checklist is not None and self.checklist.current:
                    weight, value = self._options()
                    for o in carrier_options([c], self.view.destination, weight, cod=self.view.cod, value=value):
                        if o.service == service and o.cost is not None:
                            cost = f" · ¥{o.cost}"
                elif self.view.carrier and (self.view.carrier.carrier, self.view.carrier.service) == (carrier, service):
                    cost = f" · ¥{self.view.carrier.cost}"
                return f"{c.name_zh} {c.name} · {svc.get('label', service)} · {svc.get('days', '?')} d{cost}"
        return f"{carrier} {service}"

    # --- closing and printing ----------------------------------------------------------------

    def _pack_op(self):  # noqa: ANN202
        assert self.view is not None and self.checklist is not None and self.verdict is not None
        order_no, contents = self.view.order_no, self.checklist.contents()
        carton = self._carton().carton.code
        measured = self.verdict.measured_g
        carrier, service = self._current_carrier()
        override, reason = self.override, self.carrier_reason
        action_id = uuid.uuid4().hex
        today = self.view.today
        return lambda uow: packing.pack_parcel(uow, order_no, contents, carton, measured, carrier, service,
                                               override=override, carrier_reason=reason, action_id=action_id,
                                               today=today)

    def _close_parcel(self) -> None:
        if not self.can_close():
            return
        self._set_busy(True)
        self.runner.run(self._pack_op(), self._parcel_packed, self._failed, actor=self.actor, owner=self)

    def _parcel_packed(self, parcel: packing.ParcelView, then: Callable[[], None] | None = None) -> None:
        assert self.checklist is not None
        self.checklist.close_parcel()
        self._closed_parcels = [*self._closed_here, parcel]
        self.reading = self.verdict = self.override = None
        self.order_packed = parcel.order_packed
        if parcel.order_packed:  # every parcel is "n of m" now
            self._closed_parcels = [p if p.of == parcel.of else _with_of(p, parcel.of) for p in self._closed_here]
            self.view = _with_parcels(self.view, parcel.of)
        self._set_busy(False)
        self.feedback.good(self.tr("Parcel {n} closed: {code} · {t} · 第 {n} 箱已封：{code}")
                           .format(n=parcel.seq, code=parcel.code, t=parcel.tracking_no))
        self.parcel_closed.emit(parcel.code)
        if then is not None:
            then()

    def _print(self) -> None:
        if not self.can_print():
            return
        if self.printer is None:
            self.print_status.setText(self.tr("No printer set up: Settings → Printer. · 未设置打印机：设置 → 打印机。"))
            self.feedback.refused(self.print_status.text())
            return
        self._set_busy(True)
        if self.order_packed:
            self._submit_print()
        else:
            self.runner.run(self._pack_op(), lambda parcel: self._parcel_packed(parcel, self._submit_print),
                            self._failed, actor=self.actor, owner=self)

    def _submit_print(self) -> None:
        assert self.view is not None
        self._set_busy(True)
        order_no, queue, printer = self.view.order_no, self.queue, self.printer
        self.print_status.setText(self.tr("Sending to the printer… · 正在发送到打印机…"))
        self.runner.run(lambda uow: packing.print_documents(uow, order_no, queue, printer), self._submitted,
                        self._failed, actor=self.actor, owner=self)

    def _submitted(self, submission: packing.PrintSubmission) -> None:
        self.jobs = {job: code for job, code, _title in submission.jobs}
        self.job_states = {job: "queued" for job in self.jobs}
        if submission.note is not None:
            self.result.show_message(f"{submission.note.en}\n{submission.note.zh}", "info")
        self._set_busy(False)
        self._show_print_status()
        self.print_timer.start()

    def _poll_jobs(self) -> None:
        if self._polling or not self.jobs:
            return
        self._polling = True
        queue, ids = self.queue, set(self.jobs)
        self.runner.call(lambda: {j.id: (j.state, j.last_error) for j in queue.list_jobs(limit=200) if j.id in ids},
                         self._jobs_polled, lambda exc: setattr(self, "_polling", False), owner=self)

    def _jobs_polled(self, states: dict[int, tuple[str, str | None]]) -> None:
        self._polling = False
        newly_printed = [self.jobs[j] for j, (state, _e) in states.items()
                         if state == "printed" and self.job_states.get(j) != "printed" and self.jobs[j] != "slip"]
        self.job_states.update({j: s for j, (s, _e) in states.items()})
        self._errors = {j: e for j, (_s, e) in states.items() if e}
        self._show_print_status()
        if newly_printed:
            self.runner.run(lambda uow: packing.record_labels_printed(uow, newly_printed), None, self._failed,
                            actor=self.actor, owner=self)
        labels = [j for j, code in self.jobs.items() if code != "slip"]
        if labels and all(self.job_states.get(j) == "printed" for j in labels) and \
                all(self.job_states.get(j) in ("printed", "failed") for j in self.jobs):
            self.print_timer.stop()
            assert self.view is not None
            self.feedback.good(self.tr("Labels printed: put them on the parcels. · 面单已打印：请贴到包裹上。"))
            self.printed.emit(self.view.order_no)
        elif all(self.job_states.get(j) in ("printed", "failed") for j in self.jobs):
            self.print_timer.stop()

    def _show_print_status(self) -> None:
        words = {"queued": "queued · 排队", "sending": "sending · 发送中", "printed": "printed ✔ · 已打印",
                 "retrying": "retrying · 重试中", "failed": "FAILED ✖ · 失败"}
        lines = []
        errors = getattr(self, "_errors", {})
        for job, code in self.jobs.items():
            state = self.job_states.get(job, "queued")
            what = self.tr("Slip · 装箱单") if code == "slip" else self.tr("Label {c} · 面单").format(c=code)
            line = f"{what}: {words.get(state, state)}"
            if state in ("retrying", "failed") and errors.get(job):
                line += f" — {errors[job]}"
            lines.append(line)
        self.print_status.setText("\n".join(lines))

    def _job_failed(self, job: PrintJob) -> None:
        """On the GUI thread: a job failed for good — record an exception a supervisor sees."""
        self.job_states[job.id] = "failed"
        self._show_print_status()
        self.feedback.refused(self.tr("Printing failed: {e} · 打印失败，已通知主管").format(e=job.last_error))
        self.runner.run(lambda uow: packing.report_print_failure(uow, job), self.print_failed.emit, self._failed,
                        actor=self.actor, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._refuse_error(exc)

    def _refuse_error(self, exc: BaseException) -> None:
        if isinstance(exc, PickdeskError):
            text = f"{exc.message}\n{exc.message_zh}"
        else:
            text = self.tr("Something went wrong: {e} · 出错了").format(e=exc)
        self.feedback.refused(text)
        self.result.show_message(text, "error")
        self._show_state()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._show_state()

    def stop(self) -> None:
        super().stop()
        self.print_timer.stop()
        self.worker.stop(10)
        if self.scale is not None:
            self.scale.stop()
        if self._own_queue:
            self.queue.close()


def _with_of(parcel: packing.ParcelView, of: int) -> packing.ParcelView:
    from dataclasses import replace

    return replace(parcel, of=of)


def _with_parcels(view: packing.PackView | None, of: int) -> packing.PackView | None:
    from dataclasses import replace

    if view is None:
        return None
    return replace(view, parcels=tuple(replace(p, of=of) for p in view.parcels))
