"""The supervisor's console carries the after-sales screens: hand-over, returns, figures."""

from PySide6.QtWidgets import QTabWidget

from ui.widgets.handover_panel import HandoverPanel
from ui.widgets.returns_panel import ReturnsPanel


def test_handover_returns_and_figures_are_tabs_and_scans_reach_the_one_on_screen(qtbot, window, sign_in):
    sign_in("super1")
    ws = window.workspace
    tabs = ws.findChild(QTabWidget, "supervisor_tabs")
    names = [tabs.widget(i).objectName() for i in range(tabs.count())]
    assert {"handover_panel", "returns_panel", "figures_panel"} <= set(names)
    tabs.setCurrentWidget(ws.handover)
    qtbot.waitUntil(lambda: ws.handover.carrier_code is not None, timeout=10_000)  # the cages are loaded
    with qtbot.waitSignal(ws.handover.refused, timeout=10_000):
        window.on_scan("PCL-9999999999")  # unknown parcel: refused by the hand-over panel, not ignored
    tabs.setCurrentWidget(ws.returns)
    assert isinstance(tabs.currentWidget(), ReturnsPanel) and not isinstance(tabs.currentWidget(), HandoverPanel)
