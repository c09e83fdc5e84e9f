"""The scan feedback panel: each verdict reads without colour, and sounds the right sound."""

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.appearance import feedback_colours
from ui.feedback import ScanFeedback, SoundPlayer


def test_verdicts_carry_icon_word_text_and_sound(qtbot):
    sounds = SoundPlayer()
    panel = ScanFeedback(sounds)
    qtbot.addWidget(panel)
    heard = []
    sounds.played.connect(heard.append)
    panel.good("Location SZ1-A03-1-07-2 — now scan the item")
    assert (panel.icon.text(), panel.word.text().split()[0]) == ("✔", "OK")
    assert panel.property("verdict") == "good"
    panel.refused("Wrong item: this is not Green Tea 250g")
    assert (panel.icon.text(), panel.word.text().split()[0]) == ("✖", "REFUSED")
    assert "Wrong item" in panel.text.text()
    panel.info("Scan the location")
    assert heard == ["good", "bad"]


def test_muted_plays_nothing(qtbot):
    sounds = SoundPlayer(muted=True)
    panel = ScanFeedback(sounds)
    qtbot.addWidget(panel)
    with qtbot.assertNotEmitted(sounds.played):
        panel.refused("x")


def test_a_refused_scan_is_heard(qtbot, audio_server):
    """Record the null sink's monitor while the panel refuses a scan: the buzz is really there."""
    import array
    import subprocess

    sounds = SoundPlayer()
    assert sounds.audible, "the test's PulseAudio server offers an output"
    panel = ScanFeedback(sounds)
    qtbot.addWidget(panel)
    rec = subprocess.Popen(["parec", "--server", audio_server, "-d", "pickdesk_null.monitor", "--raw",
                            "--format=s16le", "--channels=1", "--rate=22050", "--latency-msec=20"],
                           stdout=subprocess.PIPE)
    qtbot.wait(300)  # let the recorder attach before the sound starts
    effect = sounds._effects["bad"]
    panel.refused("Expired: lot L2401 expired on 2026-11-20")
    qtbot.waitUntil(effect.isPlaying, timeout=3000)
    qtbot.waitUntil(lambda: not effect.isPlaying(), timeout=5000)
    qtbot.wait(200)
    rec.terminate()
    data, _ = rec.communicate(timeout=5)
    samples = array.array("h", data[: len(data) // 2 * 2])
    assert samples and max(abs(s) for s in samples) > 3000, "nothing audible reached the sink"


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802, ANN001 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


@pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")  # the window's size hints
def test_the_verdict_is_painted_before_the_scan_handler_goes_on(qtbot):
    """The panel paints inside good() / refused(), not on some later pass of the event loop: what a
    scan's handler does next (the stop list, the map, the journal) cannot hold the colour back."""
    screen = QWidget()  # in a window, as on the picker and packer screens
    qtbot.addWidget(screen)
    panel = ScanFeedback(SoundPlayer(muted=True))
    column = QVBoxLayout(screen)
    column.addWidget(panel)
    column.addStretch(1)
    paints = _Paints()
    panel.installEventFilter(paints)
    screen.resize(600, 400)
    screen.show()
    qtbot.waitUntil(lambda: paints.count > 0)  # on the screen once
    for show, verdict in ((panel.refused, "refused"), (panel.good, "good"),
                          (panel.info, "info"), (panel.refused, "refused")):
        before = paints.count
        show("A much longer reason than before, so that it wraps onto a second line of the panel " * 2)
        assert paints.count > before, f"{verdict}: painted only later"
        # In its colours, read back from the pixels just painted.
        background, text = feedback_colours(verdict)
        assert panel.grab().toImage().pixelColor(panel.width() // 2, 3).name() == background
        assert panel.text.palette().windowText().color().name() == text
        # And the longer text was laid out before it was painted: not cut off at the bottom.
        assert panel.text.height() >= panel.text.heightForWidth(panel.text.width())
