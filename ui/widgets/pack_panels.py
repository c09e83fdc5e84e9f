"""Inline panels of the packer's bench: the supervisor override and the carrier change.

Inline (not modal dialogs) so a scan still reaches the bench while they are open — a supervisor's
badge scan fills the override panel — and so a touch screen never hides the checklist behind a window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.domain.packing import CarrierOption


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
        title = QLabel(self.tr("Supervisor override · 主管放行"), self)
        title.setObjectName("packer_override_title")
        self.who = QLineEdit(self)
        self.who.setObjectName("packer_override_who")
        self.who.setPlaceholderText(self.tr("Scan badge or type login · 扫工牌或输入用户名"))
        _scan_only(self.who)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("packer_override_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("PIN (not for a badge) · PIN 码"))
        _scan_only(self.pin)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("packer_override_reason")
        self.reason.setPlaceholderText(self.tr("Reason · 原因"))
        self.confirm = QPushButton(self.tr("Confirm · 确认"), self)
        self.confirm.setObjectName("packer_override_confirm")
        self.cancel = QPushButton(self.tr("Cancel · 取消"), self)
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
            self.show_error(self.tr("Supervisor and reason are both needed. · 需要主管和原因。"))
            return
        self.confirmed.emit(self.who.text().strip(), "" if self.badge else self.pin.text(), self.reason.text().strip())

    def show_error(self, text: str) -> None:
        self.error.setText(text)


class CarrierPanel(QFrame):
    """Object names: `packer_carrier_panel`, `packer_carrier_choice`, `packer_carrier_reason`,
    `packer_carrier_apply`, `packer_carrier_cancel`.

    Signals:
        chosen(str, str, str): carrier code, service, reason.
        cancelled()
    """

    chosen = Signal(str, str, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packer_carrier_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.choice = QComboBox(self)
        self.choice.setObjectName("packer_carrier_choice")
        self.choice.setMinimumHeight(48)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("packer_carrier_reason")
        self.reason.setPlaceholderText(self.tr("Why another carrier? · 更换承运商的原因"))
        self.apply = QPushButton(self.tr("Use it · 使用"), self)
        self.apply.setObjectName("packer_carrier_apply")
        self.cancel = QPushButton(self.tr("Cancel · 取消"), self)
        self.cancel.setObjectName("packer_carrier_cancel")
        self.error = QLabel(self)
        self.error.setObjectName("packer_carrier_error")
        grid = QGridLayout(self)
        grid.addWidget(self.choice, 0, 0, 1, 2)
        grid.addWidget(self.reason, 1, 0, 1, 2)
        grid.addWidget(self.error, 2, 0, 1, 2)
        grid.addWidget(self.apply, 3, 0)
        grid.addWidget(self.cancel, 3, 1)
        self.apply.clicked.connect(self._apply)
        self.reason.returnPressed.connect(self._apply)
        self.cancel.clicked.connect(self.cancelled)
        self.hide()

    def open(self, options: list[CarrierOption], current: tuple[str, str] | None) -> None:
        self.choice.clear()
        for o in options:
            if o.eligible:
                self.choice.addItem(f"{o.carrier} · {o.label} · ¥{o.cost} · {o.days} d", (o.carrier, o.service))
        for i in range(self.choice.count()):
            if self.choice.itemData(i) == current:
                self.choice.setCurrentIndex(i)
        self.reason.clear()
        self.error.clear()
        self.show()
        self.choice.setFocus()

    def _apply(self) -> None:
        data = self.choice.currentData()
        if data is None:
            return
        if not self.reason.text().strip():
            self.error.setText(self.tr("Give a reason. · 请填写原因。"))
            self.reason.setFocus()
            return
        self.chosen.emit(data[0], data[1], self.reason.text().strip())
