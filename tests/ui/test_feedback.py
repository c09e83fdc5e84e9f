"""The scan feedback panel: each verdict reads without colour, and sounds the right sound."""

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
