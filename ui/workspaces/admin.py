"""The admin's workspace: the warehouse's master data, one tab each (object name `admin_tabs`).

* People — add, retire, role, badge, PIN, unlock, who is signed in where (ui/widgets/admin_people.py)
* Stations — `admin_stations` (ui/widgets/admin_stations.py)
* Warehouses — the warehouses, their locations and the layout map (ui/widgets/admin_warehouses.py)
* Merchants — their terms (ui/widgets/admin_merchants.py)
* SKUs — search, edit, retire, product picture (ui/widgets/admin_skus.py)
* Promotions — validity and the orders they touched (ui/widgets/admin_promotions.py)
* Carriers — the carrier accounts: protocol, endpoint, partner id, sealed secret (ui/widgets/admin_carriers.py)

Each tab loads when it is first shown and again when shown later; the workspace timer reloads only
the people and stations tabs (who is signed in where changes by itself) while they are on screen.
Every edit goes through `desktop.services.admin` or `desktop.services.people`, which check the
admin role and audit it. A badge scanned on the people tab goes into the chosen person's badge field.

Signals:
    action_done(str): an edit was saved in some tab (its name).
    action_failed(str): an edit was refused (the message shown).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.domain.roles import Role
from ui.widgets.admin_carriers import CarriersPanel
from ui.widgets.admin_common import AdminPanel
from ui.widgets.admin_merchants import MerchantsPanel
from ui.widgets.admin_people import PeoplePanel
from ui.widgets.admin_promotions import PromotionsPanel
from ui.widgets.admin_skus import SkusPanel
from ui.widgets.admin_stations import StationsPanel
from ui.widgets.admin_warehouses import WarehousesPanel
from ui.workspaces.base import Workspace, WorkspaceContext


class AdminWorkspace(Workspace):
    """The admin's tabs; object names and signals are listed in the module docstring."""

    action_done = Signal(str)
    action_failed = Signal(str)

    role = Role.ADMIN
    object_name = "workspace_admin"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("admin_tabs")
        self.people = PeoplePanel(context, self)
        self.stations = StationsPanel(context, self)
        self.warehouses = WarehousesPanel(context, self)
        self.merchants = MerchantsPanel(context, self)
        self.skus = SkusPanel(context, self)
        self.promotions = PromotionsPanel(context, self)
        self.carriers = CarriersPanel(context, self)
        self.panels: list[AdminPanel] = [self.people, self.stations, self.warehouses, self.merchants, self.skus,
                                         self.promotions, self.carriers]
        titles = [self.tr("People"), self.tr("Stations"), self.tr("Warehouses"), self.tr("Merchants"), self.tr("SKUs"),
                  self.tr("Promotions"), self.tr("Carriers")]
        for panel, title in zip(self.panels, titles, strict=True):
            self.tabs.addTab(panel, title)
            panel.action_done.connect(self.action_done)
            panel.action_failed.connect(self.action_failed)
        self.body.addWidget(self.tabs, 1)
        self._loaded: set[int] = set()
        self.tabs.currentChanged.connect(self._tab_shown)

    def refresh(self) -> None:
        """The tab on screen loads; after that the timer reloads the stations tab only."""
        panel = self.tabs.currentWidget()
        if isinstance(panel, AdminPanel) and (id(panel) not in self._loaded or panel in (self.people, self.stations)):
            self._loaded.add(id(panel))
            panel.refresh()

    def _tab_shown(self, _index: int) -> None:
        panel = self.tabs.currentWidget()
        if isinstance(panel, AdminPanel):
            self._loaded.add(id(panel))
            panel.refresh()

    def panel(self, name: str) -> AdminPanel:
        """The tab by its panel name (people, stations, warehouses, merchants, skus, promotions, carriers), on screen."""
        panel = next(p for p in self.panels if p.name == name)
        self.tabs.setCurrentWidget(panel)
        return panel

    def on_scan(self, raw: str) -> bool:
        if self.tabs.currentWidget() is self.people:
            return self.people.on_scan(raw)
        return super().on_scan(raw)
