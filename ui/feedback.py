"""Scan feedback a person reads at arm's length: colour, an icon, a word, the reason, and a sound.

`ScanFeedback.good(text)` / `.refused(text)` / `.info(text)` change the panel at once (the panel
repaints on the next event-loop pass, well inside the 50 ms budget) and play the matching sound
without blocking. The colour is never the only signal: each state has its own icon and word, so the
panel reads the same to a colour-blind picker or on a monochrome handheld.

Sounds are the WAV files in resources/sounds, played with QSoundEffect (loaded once, low latency).
Muting is a setting; with no audio output (a headless station) nothing is played and nothing fails.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QUrl, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

import resources
from ui.appearance import feedback_colours, points


class Verdict(enum.StrEnum):
    GOOD = "good"
    REFUSED = "refused"
    INFO = "info"


_LOOK = {
    # verdict: (icon, word); the colours come from the theme (ui.appearance.feedback_colours)
    Verdict.GOOD: ("✔", QT_TRANSLATE_NOOP("ScanFeedback", "OK")),
    Verdict.REFUSED: ("✖", QT_TRANSLATE_NOOP("ScanFeedback", "REFUSED")),
    Verdict.INFO: ("➜", ""),
}


class SoundPlayer(QObject):
    """Plays the good and bad scan sounds without blocking.

    Signals:
        played(str): the sound that was started ("good" or "bad"), also when muted is False but no
            audio device exists (then `audible` is False) — so a test can tell what a person heard.
    """

    played = Signal(str)

    def __init__(self, muted: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.muted = muted
        self._effects: dict[str, object] = {}
        self.audible = self._has_output()
        if self.audible:
            from PySide6.QtMultimedia import QSoundEffect

            for name in ("good", "bad"):
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(resources.path("sounds", f"{name}.wav"))))
                effect.setVolume(0.8)
                self._effects[name] = effect

    @staticmethod
    def _has_output() -> bool:
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError:
            return False
        return bool(QMediaDevices.audioOutputs())

    def play(self, name: str) -> None:
        if self.muted:
            return
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()
        self.played.emit(name)


class ScanFeedback(QFrame):
    """The big feedback panel of the picker and packer screens (object name `scan_feedback`).

    Signals:
        shown(str, str): verdict and text, each time the panel changes.
    """

    shown = Signal(str, str)

    def __init__(self, sounds: SoundPlayer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scan_feedback")
        self.sounds = sounds or SoundPlayer(parent=self)
        self.verdict = Verdict.INFO
        self.icon = QLabel(self)
        self.icon.setObjectName("scan_feedback_icon")
        self.word = QLabel(self)
        self.word.setObjectName("scan_feedback_word")
        self.text = QLabel(self)
        self.text.setObjectName("scan_feedback_text")
        self.text.setWordWrap(True)
        for label, size in ((self.icon, 40), (self.word, 20), (self.text, 22)):
            font = label.font()
            font.setPointSize(points(size))
            font.setBold(label is not self.text)
            label.setFont(font)
        words = QVBoxLayout()
        words.addWidget(self.word)
        words.addWidget(self.text)
        row = QHBoxLayout(self)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        self.setMinimumHeight(110)
        self.info("")

    def _show(self, verdict: Verdict, text: str) -> None:
        icon, word = _LOOK[verdict]
        background, colour = feedback_colours(verdict.value)
        self.verdict = verdict
        self.icon.setText(icon)
        self.word.setText(self.tr(word) if word else "")
        self.word.setVisible(bool(word))
        self.text.setText(text)
        self.setProperty("verdict", verdict.value)
        self.setStyleSheet(f"#scan_feedback {{ background: {background}; border-radius: 8px; }}"
                           f"#scan_feedback QLabel {{ color: {colour}; background: transparent; }}")
        self.shown.emit(verdict.value, text)

    def good(self, text: str) -> None:
        self._show(Verdict.GOOD, text)
        self.sounds.play("good")

    def refused(self, text: str) -> None:
        self._show(Verdict.REFUSED, text)
        self.sounds.play("bad")

    def info(self, text: str) -> None:
        self._show(Verdict.INFO, text)
