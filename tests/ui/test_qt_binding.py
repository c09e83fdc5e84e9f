"""The Qt binding must not leak or steal references to Python's singletons.

PySide6 6.12.0 on Python 3.11 dropped one reference to True per signal emit and one to None per
void method call, which crashes a station within a shift ("deallocating True or False"). This test
fails on such a binding long before a station would.
"""

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    fired = Signal(int)


def test_void_calls_and_emits_keep_singleton_refcounts(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    emitter = _Emitter()
    received = []
    emitter.fired.connect(received.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(500):
        label.setText(str(i))
        emitter.fired.emit(i)
    assert len(received) == 500
    # A little slack for objects created meanwhile; a leaking binding is off by ~500.
    assert abs(sys.getrefcount(None) - none_before) < 50
    assert abs(sys.getrefcount(True) - true_before) < 50
