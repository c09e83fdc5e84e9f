"""The packer's bench's panels: the supervisor override (inline) and the carrier change (a dialog).

The override is inline so a scan still reaches the bench while it is open — a supervisor's badge scan
fills it. The carrier change takes no scan: it is a dialog of its own over the bench, sized to its
labelled fields and buttons, so the bench's crowded left column never squeezes it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.domain.packing import CarrierOption
from ui.i18n import money, translate

# Carrier services by their code in the carrier definitions; a service not listed shows the
# definition's own label (which is data, written by whoever set the carrier up).
SERVICES = {
    "standard": QT_TRANSLATE_NOOP("CarrierPanel", "Standard"),
    "express": QT_TRANSLATE_NOOP("CarrierPanel", "Express"),
}


def service_label(service: str, label: str | None = None) -> str:
    """A carrier service in the station's language: "Standard" / "标准快递"."""
    if service in SERVICES:
        return translate("CarrierPanel", SERVICES[service])
    return label or service


def days_text(days: int) -> str:
    """Transit time: "1 day", "3 days", "3 天" (`CarrierPanel.tr`: lupdate sees the plural there)."""
    return CarrierPanel.tr("%n day(s)", "", days)


def _scan_only(field: QLineEdit) -> None:
    field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)


class OverridePanel(QFrame):
    """Object names: `packer_override_panel`, `packer_override_who`, `packer_override_pin`,
    `packer_override_reason`, `packer_override_confirm`, `packer_override_cancel`.

    Signals:
        confirmed(str, str, str): who (login or badge), PIN (empty for a badge), reason.
        cancelled()
    """

    confirmed = Signal(str, str, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packer_override_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(self.tr("Supervisor override"), self)
        title.setObjectName("packer_override_title")
        self.who = QLineEdit(self)
        self.who.setObjectName("packer_override_who")
        self.who.setPlaceholderText(self.tr("Scan the badge or type the login"))
        _scan_only(self.who)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("packer_override_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("PIN (not with a badge)"))
        _scan_only(self.pin)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("packer_override_reason")
        self.reason.setPlaceholderText(self.tr("Reason"))
        self.confirm = QPushButton(self.tr("Confirm"), self)
        self.confirm.setObjectName("packer_override_confirm")
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setObjectName("packer_override_cancel")
        self.error = QLabel(self)
        self.error.setObjectName("packer_override_error")
        self.error.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(title, 0, 0, 1, 2)
        grid.addWidget(self.who, 1, 0)
        grid.addWidget(self.pin, 1, 1)
        grid.addWidget(self.reason, 2, 0, 1, 2)
        grid.addWidget(self.error, 3, 0, 1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm)
        buttons.addWidget(self.cancel)
        grid.addLayout(buttons, 4, 0, 1, 2)
        self.confirm.clicked.connect(self._confirm)
        self.cancel.clicked.connect(self.cancelled)
        for field in (self.who, self.pin, self.reason):
            field.returnPressed.connect(self._next_or_confirm)
        self.badge = False
        self.hide()

    def open(self) -> None:
        self.who.clear()
        self.pin.clear()
        self.reason.clear()
        self.error.clear()
        self.badge = False
        self.show()
        self.who.setFocus()

    def badge_scanned(self, code: str) -> None:
        self.who.setText(code)
        self.badge = True
        self.pin.clear()
        self.reason.setFocus()

    def _next_or_confirm(self) -> None:
        if not self.who.text().strip():
            self.who.setFocus()
        elif not self.badge and not self.pin.text():
            self.pin.setFocus()
        elif not self.reason.text().strip():
            self.reason.setFocus()
        else:
            self._confirm()

    def _confirm(self) -> None:
        if not self.who.text().strip() or not self.reason.text().strip():
            self.show_error(self.tr("Both the supervisor and a reason are needed."))
            return
        self.confirmed.emit(self.who.text().strip(), "" if self.badge else self.pin.text(), self.reason.text().strip())

    def show_error(self, text: str) -> None:
        self.error.setText(text)


class CarrierPanel(QDialog):
    """Object names: `packer_carrier_panel` (the dialog), `packer_carrier_title`, `packer_carrier_choice`,
    `packer_carrier_reason`, `packer_carrier_error`, `packer_carrier_apply`, `packer_carrier_cancel`.
    Window-modal, opened without blocking (`open`); Esc or Cancel emit `cancelled`.

    Signals:
        chosen(str, str, str): carrier code, service, reason.
        cancelled()
    """

    chosen = Signal(str, str, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packer_carrier_panel")
        self.setWindowTitle(self.tr("Change carrier"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(560)
        title = QLabel(self.tr("Change carrier"), self)
        title.setObjectName("packer_carrier_title")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.choice = QComboBox(self)
        self.choice.setObjectName("packer_carrier_choice")
        self.choice.setMinimumHeight(48)
        # The whole "carrier · service · cost · days" line shows: the combo is as wide as its longest
        # choice (the panel spans the bench's left column), and its list never cuts one off.
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        choice_label = QLabel(self.tr("Carrier and service"), self)
        choice_label.setBuddy(self.choice)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("packer_carrier_reason")
        self.reason.setPlaceholderText(self.tr("Why another carrier?"))
        self.reason.setMinimumHeight(40)
        reason_label = QLabel(self.tr("Reason (recorded)"), self)
        reason_label.setBuddy(self.reason)
        self.apply = QPushButton(self.tr("Use this carrier (Enter)"), self)
        self.apply.setObjectName("packer_carrier_apply")
        self.apply.setMinimumHeight(48)
        self.cancel = QPushButton(self.tr("Cancel (Esc)"), self)
        self.cancel.setObjectName("packer_carrier_cancel")
        self.cancel.setMinimumHeight(48)
        self.error = QLabel(self)
        self.error.setObjectName("packer_carrier_error")
        self.error.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(title, 0, 0, 1, 2)
        grid.addWidget(choice_label, 1, 0, 1, 2)
        grid.addWidget(self.choice, 2, 0, 1, 2)
        grid.addWidget(reason_label, 3, 0, 1, 2)
        grid.addWidget(self.reason, 4, 0, 1, 2)
        grid.addWidget(self.error, 5, 0, 1, 2)
        grid.addWidget(self.apply, 6, 0)
        grid.addWidget(self.cancel, 6, 1)
        self.apply.clicked.connect(self._apply)
        self.reason.returnPressed.connect(self._apply)
        self.cancel.clicked.connect(self.cancelled)
        self.apply.setAutoDefault(False)
        self.cancel.setAutoDefault(False)
        self.hide()

    def open(self, options: list[CarrierOption], current: tuple[str, str] | None,
             names: dict[str, str] | None = None) -> None:
        """Offer the eligible `options`; `names` are the carriers' names by code, in the station's language."""
        self.choice.clear()
        for o in options:
            if o.eligible:
                name = (names or {}).get(o.carrier, o.carrier)
                text = f"{name} · {service_label(o.service, o.label)} · {money(o.cost)} · {days_text(o.days)}"
                self.choice.addItem(text, (o.carrier, o.service))
        for i in range(self.choice.count()):
            if self.choice.itemData(i) == current:
                self.choice.setCurrentIndex(i)
        self.choice.view().setMinimumWidth(self.choice.view().sizeHintForColumn(0) + 24)
        self.reason.clear()
        self.error.clear()
        self.adjustSize()
        self.show()
        self.activateWindow()
        self.choice.setFocus()

    def reject(self) -> None:  # Esc, the window's close button
        super().reject()
        self.cancelled.emit()

    def _apply(self) -> None:
        data = self.choice.currentData()
        if data is None:
            return
        if not self.reason.text().strip():
            self.error.setText(self.tr("Give a reason."))
            self.reason.setFocus()
            return
        self.chosen.emit(data[0], data[1], self.reason.text().strip())
