"""The admin's carrier-accounts tab: how the warehouse reaches each carrier (and messaging provider).

An account is data, not code: the protocol its client speaks, the endpoint, the partner / customer id
the carrier issued and the secret (SF's check word, a key), kept sealed by the service; it is never
shown again — the secret field stays empty, and typing in it replaces the one kept.

Object names: `admin_carriers` (table), `admin_carrier_code`, `admin_carrier_protocol`,
`admin_carrier_endpoint`, `admin_carrier_partner`, `admin_carrier_secret`, `admin_carrier_monthly_card`,
`admin_carrier_privacy`, `admin_carrier_active`, `admin_carrier_new` (F4), `admin_carrier_save` (F6),
`admin_carriers_message`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from desktop.services import carrier_accounts
from ui.i18n import date_time, translate
from ui.widgets.admin_common import AdminPanel, IdTableModel, admin_button, admin_table, select_id, selected_row, side_panel
from ui.workspaces.base import WorkspaceContext

PROTOCOL_NAMES = {
    "sf": QT_TRANSLATE_NOOP("CarrierProtocol", "SF open platform"),
    "kuaidi100": QT_TRANSLATE_NOOP("CarrierProtocol", "Kuaidi100 tracking"),
    "cainiao": QT_TRANSLATE_NOOP("CarrierProtocol", "Cainiao print component"),
    "aliyun_sms": QT_TRANSLATE_NOOP("CarrierProtocol", "Alibaba Cloud SMS"),
    "demo": QT_TRANSLATE_NOOP("CarrierProtocol", "Demo (offline)"),
}


def protocol_name(code: str) -> str:
    return translate("CarrierProtocol", PROTOCOL_NAMES[code]) if code in PROTOCOL_NAMES else code


class CarriersPanel(AdminPanel):
    name = "carriers"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = IdTableModel([
            (self.tr("Code"), lambda r: r.code),
            (self.tr("Protocol"), lambda r: protocol_name(r.protocol)),
            (self.tr("Partner id"), lambda r: r.partner_id or "—"),
            (self.tr("Secret"), lambda r: self.tr("kept (sealed)") if r.has_secret else self.tr("none")),
            (self.tr("In use"), lambda r: self.tr("yes") if r.active else self.tr("no")),
            (self.tr("Changed"), lambda r: date_time(r.updated_at)),
            (self.tr("Endpoint"), lambda r: r.endpoint or "—"),
        ], parent=self)
        self.table = admin_table("admin_carriers", self.model, self)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.code = self._line("admin_carrier_code")
        self.code.setPlaceholderText(self.tr("SF, KUAIDI100 …"))
        self.protocol = QComboBox(self)
        self.protocol.setObjectName("admin_carrier_protocol")
        self.protocol.setMinimumHeight(36)
        for code in carrier_accounts.PROTOCOLS:
            self.protocol.addItem(protocol_name(code), code)
        self.endpoint = self._line("admin_carrier_endpoint")
        self.partner = self._line("admin_carrier_partner")
        self.secret = self._line("admin_carrier_secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.monthly_card = self._line("admin_carrier_monthly_card")
        self.privacy = QCheckBox(self.tr("Privacy waybills (masked phone)"), self)
        self.privacy.setObjectName("admin_carrier_privacy")
        self.active = QCheckBox(self.tr("In use"), self)
        self.active.setObjectName("admin_carrier_active")
        self.active.setChecked(True)
        new = admin_button(self.tr("New account"), "admin_carrier_new", self, self.new_account, "F4")
        self.save = admin_button(self.tr("Save account"), "admin_carrier_save", self, self.save_account, "F6")
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Protocol"), self.protocol)
        form.addRow(self.tr("Endpoint URL"), self.endpoint)
        form.addRow(self.tr("Partner / customer id"), self.partner)
        form.addRow(self.tr("Secret"), self.secret)
        form.addRow(self.tr("Monthly card"), self.monthly_card)
        form.addRow("", self.privacy)
        form.addRow("", self.active)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(new)
        side.addWidget(self.save)
        side.addWidget(self.message)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(side_panel(side, "admin_carrier_side", self), 1)
        self.new_account()

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setMinimumHeight(36)
        return edit

    def load_op(self):  # noqa: ANN201
        return carrier_accounts.list_accounts

    def show_data(self, data: object) -> None:
        chosen = selected_row(self.table)
        self.model.set_rows(data)  # type: ignore[arg-type]
        if chosen is not None:
            select_id(self.table, chosen.id)

    def select_account(self, code: str) -> bool:
        for n in range(self.model.rowCount()):
            if self.model.row(n).code == code:
                return select_id(self.table, self.model.ids[n])
        return False

    def new_account(self) -> None:
        self.table.clearSelection()
        for edit in (self.code, self.endpoint, self.partner, self.secret, self.monthly_card):
            edit.clear()
        self.code.setReadOnly(False)
        self.protocol.setCurrentIndex(0)
        self.privacy.setChecked(True)
        self.active.setChecked(True)
        self.secret.setPlaceholderText(self.tr("the check word or key the carrier issued"))

    def _selected(self, *_args: object) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        self.code.setText(row.code)
        self.code.setReadOnly(True)
        self.protocol.setCurrentIndex(max(0, self.protocol.findData(row.protocol)))
        self.endpoint.setText(row.endpoint)
        self.partner.setText(row.partner_id)
        self.secret.clear()
        self.secret.setPlaceholderText(self.tr("kept — type a new one to replace it") if row.has_secret
                                       else self.tr("the check word or key the carrier issued"))
        self.monthly_card.setText(str(row.options.get("monthly_card", "")))
        self.privacy.setChecked(bool(row.options.get("privacy_waybill")))
        self.active.setChecked(row.active)

    def save_account(self) -> None:
        row = selected_row(self.table)
        options = dict(row.options) if row is not None else {}
        if self.monthly_card.text().strip():
            options["monthly_card"] = self.monthly_card.text().strip()
        else:
            options.pop("monthly_card", None)
        options["privacy_waybill"] = self.privacy.isChecked()
        code, protocol, endpoint = self.code.text(), self.protocol.currentData(), self.endpoint.text()
        partner, active = self.partner.text(), self.active.isChecked()
        secret = self.secret.text() or None
        self.secret.clear()
        self.run_action("carrier_account_saved",
                        lambda uow: carrier_accounts.set_account(uow, code, protocol, endpoint, partner, secret, options,
                                                                 active=active),
                        self.tr("Account saved; the secret is kept sealed."))
