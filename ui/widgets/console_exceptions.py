"""The console's exceptions tab: the open cases, and the decision on the selected one.

Object names: `supervisor_exceptions` (open cases, keyed by id) and the decision panel:
`supervisor_exception_detail`, `supervisor_decision`, `supervisor_decision_reason`,
`supervisor_substitute_sku`, `supervisor_consent`, `supervisor_decide`. A case is chosen by its id
(`select_exception`); the list is short (open cases only) and read whole (`show_exceptions`).
"""

from __future__ import annotations

import datetime as dt
from datetime import date as Date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.services import supervision as sv
from ui.i18n import date as date_text
from ui.i18n import date_time, is_chinese, money, weight
from ui.labels import exception_decision_name, kind_name, order_status_name, tracking_event_name
from ui.widgets.aftersales_common import TOUCH_PX, big_button, month_day_time
from ui.widgets.console_common import Console
from ui.widgets.console_model import Column, KeyedModel, KeyedView
from ui.widgets.console_audit import ISO_DAY


class ExceptionsModel(KeyedModel):
    def __init__(self, summary, parent=None) -> None:  # noqa: ANN001
        super().__init__([], lambda e: e.id, parent=parent)
        self.columns = [
            Column("#", lambda e: str(e.id)),
            Column(self.tr("Kind"), lambda e: kind_name(e.kind)),
            Column(self.tr("Order"), lambda e: e.order_no or ""),
            Column(self.tr("Order status"), lambda e: order_status_name(e.order_status) if e.order_status else ""),
            Column(self.tr("Raised"), lambda e: month_day_time(e.created_at), tip=lambda e: date_time(e.created_at)),
            Column(self.tr("What happened"), summary, tip=summary),  # the whole story, however narrow the column
        ]


class ExceptionsPanel(QWidget):
    def __init__(self, console: Console, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("console_exceptions")
        self.console = console
        self.model = ExceptionsModel(self.exception_summary, self)
        self.table = KeyedView("supervisor_exceptions", self.model, self, stretch=5)
        self.table.key_selected.connect(lambda _key: self._exception_selected())
        # Rows as tall as their wrapped story, measured again once the columns have their widths.
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._fit_rows.start())
        self.model.modelReset.connect(self._exception_selected)
        panel = QVBoxLayout()
        title = QLabel(self.tr("Decision"), self)
        title.setObjectName("section_title")
        self.detail = QLabel(self.tr("Choose an exception."), self)
        self.detail.setObjectName("supervisor_exception_detail")
        self.detail.setWordWrap(True)
        self.detail.setMinimumWidth(300)
        self.decision = QComboBox(self)
        self.decision.setObjectName("supervisor_decision")
        self.decision.setMinimumHeight(TOUCH_PX)
        self.decision.setMinimumWidth(380)
        self.decision.currentIndexChanged.connect(self._decision_changed)
        self.reason = self._field("supervisor_decision_reason", self.tr("Reason (recorded)"))
        self.substitute_sku = self._field("supervisor_substitute_sku", self.tr("Substitute SKU or GTIN"))
        self.consent = self._field("supervisor_consent", self.tr("Customer's consent: how, when"))
        self.decide_button = big_button(self.tr("Decide"), "supervisor_decide", self, "F5")
        self.decide_button.clicked.connect(self.decide)
        for w in (title, self.detail, self.decision, self.reason, self.substitute_sku, self.consent, self.decide_button):
            panel.addWidget(w)
        panel.addStretch(1)
        self._decision_changed()
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(panel, 1)

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        field.setMinimumHeight(TOUCH_PX)
        return field

    @property
    def exceptions(self) -> list[sv.ExceptionRow]:
        return self.model.records()

    def show_exceptions(self, rows: list[sv.ExceptionRow]) -> None:
        selected = self.table.selected_key()
        keys = [e.id for e in self.model.records()]
        at = keys.index(selected) if selected in keys else None
        self.model.replace(rows)  # other keys: the model is reset, and the table's selection with it
        # What happened wraps onto more lines rather than end in "…" (the list is short: open cases only).
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.resizeRowsToContents()
        if selected is None:
            return
        if self.model.record(selected) is not None:
            if self.table.selected_key() != selected:
                self.table.select_key(selected)  # the same case stays chosen
            if self.model.record(selected) != getattr(self, "_shown", None):
                self._exception_selected()  # the selected case changed under it: its detail again
        elif at is not None and rows:
            # The case was settled (here or elsewhere): the one that took its place is chosen, not the top.
            left = [e.id for e in self.model.records()]
            self.table.select_key(left[min(at, len(left) - 1)])
        else:
            self._exception_selected()

    def selected_exception(self) -> sv.ExceptionRow | None:
        return self.model.record(self.table.selected_key())

    def select_exception(self, exception_id: int) -> bool:
        return self.table.select_key(exception_id)

    def _exception_selected(self) -> None:
        case = self.selected_exception()
        self._shown = case
        current = self.decision.currentData()
        self.decision.blockSignals(True)
        self.decision.clear()
        if case is None:
            self.detail.setText(self.tr("Choose an exception."))
        else:
            if case.order_no:
                order = self.tr("Order {order} ({status})").format(
                    order=case.order_no, status=order_status_name(case.order_status))
            else:
                order = self.tr("No order")
            lines = [f"#{case.id} {kind_name(case.kind)}", order, self.exception_summary(case)]
            findings = (case.detail or {}).get("findings") or []
            if len(findings) > 1:  # an intake hold lists everything wrong with the order, from every gate
                lines.append(self.tr("Everything intake found wrong with this order:"))
                zh = is_chinese()
                lines += [f"• {f.get('field', '?')}: {(f.get('message_zh') if zh else None) or f.get('message', '')}"
                          for f in findings]
            asked = (case.detail or {}).get("customer_asked")
            if case.kind == "address_hold" and asked:
                lines.append(self.customer_asked_text(asked))
            story = (case.detail or {}).get("story") or []
            if story:  # a shipment's case: what the carrier reported, step by step
                lines.append(self.tr("The shipment's story:"))
                lines += [self.story_line(e) for e in story]
            self.detail.setText("\n".join(lines))
            for d in case.decisions:
                self.decision.addItem(exception_decision_name(d), d)
            if current is not None and self.decision.findData(current) >= 0:
                self.decision.setCurrentIndex(self.decision.findData(current))
        self.decision.blockSignals(False)
        self._decision_changed()

    def _decision_changed(self) -> None:
        substitute = self.decision.currentData() == "substitute"
        self.substitute_sku.setVisible(substitute)
        self.consent.setVisible(substitute)
        self.decide_button.setEnabled(self.decision.count() > 0)

    def decide(self) -> None:
        case = self.selected_exception()
        if case is None:
            self.console.refuse(self.tr("Choose an exception first."))
            return
        decision = self.decision.currentData()
        reason = self.reason.text().strip()
        if not reason:
            self.console.refuse(self.tr("Give a reason: it is recorded."))
            self.reason.setFocus()
            return
        sku = self.substitute_sku.text().strip() or None
        consent = self.consent.text().strip() or None
        self.console.run("decide", lambda uow: sv.decide_exception(uow, case.id, decision, reason,
                                                                   expected_version=case.version, substitute_sku=sku,
                                                                   customer_consent=consent),
                         lambda _r: self.tr("#{id}: “{decision}” recorded").format(
                             id=case.id, decision=exception_decision_name(decision)))
        self.reason.clear()

    def story_line(self, event: dict) -> str:
        """One tracking event of a shipment's story: when, what, where (and the carrier's note)."""
        at = event.get("at") or ""
        when = month_day_time(dt.datetime.fromisoformat(at)) if at else "—"
        parts = [p for p in (event.get("place"), event.get("detail")) if p]
        return f"• {when} {tracking_event_name(event.get('kind'))}" + (f" · {' · '.join(parts)}" if parts else "")

    def customer_asked_text(self, asked: dict) -> str:
        """Whether the customer was asked to complete the address (seed §1.1), as the outbox has it now."""
        channel = {"sms": self.tr("SMS"), "email": self.tr("e-mail")}.get(asked.get("channel") or "", "")
        status = asked.get("status")
        if not channel:
            return self.tr("Customer not asked: no SMS or e-mail can reach them.")
        if status == "sent":
            when = asked.get("sent_at") or ""
            text = self.tr("Customer asked to complete the address by {channel}: sent {when}.").format(
                channel=channel, when=date_time(dt.datetime.fromisoformat(when)) if when else "—")
            if asked.get("report") == "delivered":
                text += " " + self.tr("Delivered.")
            return text
        if status == "failed":
            return self.tr("Asking the customer by {channel} failed: {error}").format(
                channel=channel, error=asked.get("error") or "—")
        return self.tr("Customer to be asked by {channel}: queued.").format(channel=channel)

    def exception_summary(self, case: sv.ExceptionRow) -> str:
        """What happened, from the exception's recorded detail, in the station's language.

        Notes the services recorded as text (an intake gate's finding, a carrier's remark, an error) are
        shown as recorded, in Chinese where the record has a Chinese note too."""
        d = case.detail or {}
        if case.kind == "short_pick" and d.get("sku"):
            return self.tr("{sku} short by {qty} at {location} (batch {batch}, {picker})").format(
                sku=d["sku"], qty=d.get("missing_qty", d.get("short_qty", "?")), location=d.get("location", "?"),
                batch=d.get("batch", "?"), picker=d.get("picker", "?"))
        if case.kind == "count_variance" and d.get("count"):
            head = self.tr("Count {count}, round {round}, by {counter}: {bins}").format(
                count=d["count"], round=d.get("round", 1), counter=d.get("counter", "?"),
                bins=", ".join(d.get("bins", [])))
            rows = [self.tr("• {bin} {sku} {lot}: record {expected}, counted {counted} ({variance:+d})").format(
                bin=ln["location"], sku=ln["sku"], lot=ln.get("lot") or "", expected=ln["expected"],
                counted=ln["counted"], variance=ln["variance"]) for ln in d.get("lines", [])]
            return "\n".join([head, *rows])
        if case.kind == "weight_override" and d.get("expected_g") is not None:
            return self.tr("Expected {expected}, weighed {measured} (±{tolerance})").format(
                expected=weight(d["expected_g"]), measured=weight(d.get("measured_g") or 0),
                tolerance=weight(d.get("tolerance_g") or 0))
        if case.kind == "not_manifested":
            day = d.get("day", "")
            return self.tr("Labelled for {carrier} on {day}, not handed over ({tracking})").format(
                carrier=d.get("carrier", "?"), day=date_text(Date.fromisoformat(day)) if ISO_DAY.match(day) else day,
                tracking=d.get("tracking_no") or "—")
        if case.kind == "print_failed" and "job" in d:
            return self.tr("Print job {job} failed: {error}").format(job=d["job"], error=d.get("error") or "—")
        if case.kind in ("delayed", "refused", "lost") and "tracking_no" in d:
            parts = [d["tracking_no"]]
            eta = d.get("eta") or ""
            if eta:
                parts.append(self.tr("expected {day}").format(
                    day=date_text(Date.fromisoformat(eta[:10])) if ISO_DAY.match(eta[:10]) else eta))
            parts += [str(d[k]) for k in ("place", "note") if d.get(k)]
            if d.get("rma"):
                parts.append(self.tr("return {rma}").format(rma=d["rma"]))
            if isinstance(d.get("claim"), dict) and d["claim"].get("insured_value"):
                parts.append(self.tr("insurance claim filed for {amount}").format(
                    amount=money(d["claim"]["insured_value"])))
            return " · ".join(parts)
        if case.kind == "intercept":
            numbers = ", ".join(d.get("tracking_no") or []) or "—"
            if d.get("stage") == "cage":
                return self.tr("Cancelled after packing: stop {numbers} at the cage").format(numbers=numbers)
            return self.tr("Shipped, carrier asked to intercept {numbers}").format(numbers=", ".join(d.get("asked") or [])
                                                                                   or numbers)
        if case.kind == "conflict" and d.get("by"):
            return self.tr("{who} at {station}: {reason}").format(
                who=d["by"], station=d.get("station") or "—", reason=d.get("reason") or "—")
        note_zh = d.get("note_zh") or d.get("reason_zh")
        if is_chinese() and note_zh:
            return str(note_zh)
        return case.summary
