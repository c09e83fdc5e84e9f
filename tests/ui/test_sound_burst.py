"""Scan sounds in bursts, as a fast scanner makes them: the window never waits and never hangs.

Issue 6: with QSoundEffect (Qt 6.11) a burst of scan sounds could leave the GUI thread looping on
"QSocketNotifier: Invalid socket N ..." for ever. Sounds now go through one long-lived audio output
(ui/feedback.py, `_SoundOutput`); these tests play real sounds on the test's PulseAudio server. Any
Qt warning fails a test (qt_log_level_fail), so the notifier warnings would too.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import textwrap
import time

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from ui.feedback import SoundPlayer

BURST = 300


def test_a_burst_of_sounds_never_holds_the_window_and_ends_quiet(qtbot, audio_server):
    sounds = SoundPlayer()
    assert sounds.audible, "the test's PulseAudio server offers an output"
    heard: list[str] = []
    sounds.played.connect(heard.append)
    sounds.play("good")  # the output is made and started before the objects are counted
    qtbot.waitUntil(lambda: sounds.playing is None, timeout=5000)
    objects_before = len(QApplication.instance().findChildren(QObject))

    took_ms = []
    for i in range(BURST):
        name = "good" if i % 3 else "bad"
        started = time.perf_counter()
        sounds.play(name)
        took_ms.append((time.perf_counter() - started) * 1000)
        assert sounds.playing == name  # the newest scan's sound replaces the one playing
        qtbot.wait(1 + i % 4)  # 1-4 ms apart, the event loop running in between

    assert heard.count("bad") == BURST // 3 and len(heard) == BURST + 1
    # Starting a sound copies ~50 ms of samples into Qt's queue; it never waits for the audio thread.
    assert statistics.median(took_ms) < 2, sorted(took_ms)[-10:]
    assert max(took_ms) < 100, sorted(took_ms)[-10:]  # room for a busy machine, not for a wait on audio
    qtbot.waitUntil(lambda: sounds.playing is None, timeout=5000)
    qtbot.wait(50)  # a hung notifier would show now, as a warning or as a loop that never returns here
    # Nothing is made per sound (QSoundEffect made a voice with its own notifier for every play).
    assert len(QApplication.instance().findChildren(QObject)) == objects_before


def test_muted_plays_nothing_even_in_a_burst(qtbot, audio_server):
    sounds = SoundPlayer(muted=True)
    with qtbot.assertNotEmitted(sounds.played):
        for _ in range(20):
            sounds.play("bad")
            assert sounds.playing is None
            qtbot.wait(1)
    sounds.muted = False  # the setting changes while the window is open
    with qtbot.waitSignal(sounds.played):
        sounds.play("good")
    assert sounds.playing == "good"


def test_without_a_sound_server_nothing_plays_and_nothing_fails(tmp_path):
    """A station with no audio at all: `played` still tells what was meant, and no error is raised."""
    script = textwrap.dedent("""
        import sys
        from PySide6.QtWidgets import QApplication
        from ui.feedback import SoundPlayer

        app = QApplication([])
        sounds = SoundPlayer()
        heard = []
        sounds.played.connect(heard.append)
        for name in ("good", "bad") * 20:
            sounds.play(name)
        app.processEvents()
        print(sounds.audible, sounds.playing, heard.count("good"), heard.count("bad"))
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PULSE_SERVER": f"unix:{tmp_path / 'no-server'}",
           "XDG_RUNTIME_DIR": str(tmp_path), "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["False", "None", "20", "20"], (done.stdout, done.stderr[-3000:])
    assert "Traceback" not in done.stderr and "QSocketNotifier" not in done.stderr, done.stderr[-3000:]
