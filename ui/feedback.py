"""Scan feedback a person reads at arm's length: colour, an icon, a word, the reason, and a sound.

`ScanFeedback.good(text)` / `.refused(text)` / `.info(text)` change the panel, start the matching
sound without blocking, and paint the panel at once, before the caller goes on to the rest of the
scan (the stop list, the map, the journal): the 50 ms budget is spent on the verdict first. The colour is never the only signal: each state has its own icon and word, so the
panel reads the same to a colour-blind picker or on a monochrome handheld.

Sounds are the WAV files in resources/sounds, read once into memory and played through one
QAudioSink that the process starts once and feeds from the GUI thread (see `_SoundOutput` for why
not QSoundEffect). A new scan's sound replaces the one playing. Muting is a setting; with no audio
output (a headless station) nothing is played and nothing fails.
"""

from __future__ import annotations

import array
import enum
import logging
import sys
import time
import wave
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

import resources
from ui.appearance import feedback_colours, points

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QAudioDevice, QAudioFormat


class Verdict(enum.StrEnum):
    GOOD = "good"
    REFUSED = "refused"
    INFO = "info"
    CHECK = "check"  # differs from what was expected: a person decides (the receiver's dock)


_LOOK = {
    # verdict: (icon, word); the colours come from the theme (ui.appearance.feedback_colours)
    Verdict.GOOD: ("✔", QT_TRANSLATE_NOOP("ScanFeedback", "OK")),
    Verdict.REFUSED: ("✖", QT_TRANSLATE_NOOP("ScanFeedback", "REFUSED")),
    Verdict.INFO: ("➜", ""),
    Verdict.CHECK: ("⚠", QT_TRANSLATE_NOOP("ScanFeedback", "CHECK")),
}


_log = logging.getLogger(__name__)

SOUND_NAMES = ("good", "bad")
_VOLUME = 0.8
_AHEAD_MS = 50  # queued ahead of the speaker: a new sound replaces the old one within about this
_PUMP_MS = 10  # how often the queue is topped up while a sound plays
_SUSPEND_IDLE_MS = 3000  # quiet this long: the stream is paused (no audio wake-ups while nobody scans)
_REOPEN_AFTER_S = 10.0  # a lost output (sound server gone) is tried again at most this often


class _Sound:
    """One sound, read once: its samples in the output's format."""

    def __init__(self, name: str, pcm: bytes, output: _SoundOutput) -> None:
        self.name = name
        self.pcm = pcm
        self._output = output

    def isPlaying(self) -> bool:  # noqa: N802 — QSoundEffect's spelling, which callers already use
        """True from `play` until its last sample has been handed to the sound server."""
        return self._output.current is self


class _SoundOutput(QObject):
    """The process's one sound output: a QAudioSink in push mode, started once, fed on the GUI thread.

    Why not QSoundEffect: in Qt 6.11 every `QSoundEffect.play()` makes a voice that owns a
    QSocketNotifier of the GUI thread, and the voice can be freed on the audio thread
    (`QRtAudioEngine::audioCallback` holds the last reference when the GUI thread has already handled
    the voice's end). The notifier is then disabled from the wrong thread, stays registered, its
    eventfd is closed, and the GUI thread loops for ever on "QSocketNotifier: Invalid socket N and
    type 'Read', disabling..." — the hang of issue 6 (5 of 20 runs of the packer bench with real
    sounds; a 10 ms sound played every 1 ms hangs a bare QSoundEffect within seconds). Here nothing
    is made or freed per sound: the sink and its stream live as long as the application, and Python
    only ever runs on the GUI thread.

    `play(sound)` writes the first ~50 ms of samples at once (a memory copy, no waiting) and a 10 ms
    timer tops the queue up until the sound is handed over; a new sound replaces the one playing.
    After a few quiet seconds the stream is paused, and the next sound resumes it.
    """

    _shared: _SoundOutput | None = None

    @classmethod
    def shared(cls) -> _SoundOutput | None:
        """The application's output, made on first use; None without an audio output."""
        if cls._shared is not None and shiboken6.isValid(cls._shared):
            return cls._shared
        cls._shared = None
        app = QCoreApplication.instance()
        if app is None:
            return None
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError:
            return None
        if not QMediaDevices.audioOutputs():
            return None
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            return None
        output = cls(device, app)  # a child of the application: freed with it, on the GUI thread
        if not output.sounds:
            output.deleteLater()
            return None
        cls._shared = output
        return output

    def __init__(self, device: QAudioDevice, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("scan_sound_output")
        self.device = device
        self.sounds: dict[str, _Sound] = {}
        self.current: _Sound | None = None
        self._pcm = b""
        self._pos = 0
        self._sink = None
        self._io = None
        self._empty = 0  # bytesFree() of an empty queue
        self._opened_at = 0.0
        self._pump = QTimer(self)
        self._pump.setInterval(_PUMP_MS)
        self._pump.timeout.connect(self._feed)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(_SUSPEND_IDLE_MS)
        self._idle.timeout.connect(self._suspend)
        self.format = self._load()
        if self.sounds and not self._open():
            self.sounds.clear()

    # --- set-up ---------------------------------------------------------------------------------

    def _load(self) -> QAudioFormat:
        """Read the WAV files; the output's format is theirs when the device takes it."""
        from PySide6.QtMultimedia import QAudioFormat

        clips = {}
        for name in SOUND_NAMES:
            path = resources.path("sounds", f"{name}.wav")
            try:
                with wave.open(str(path), "rb") as wav:
                    if wav.getsampwidth() != 2 or wav.getcomptype() != "NONE":
                        raise wave.Error("not 16-bit PCM")
                    samples = array.array("h", wav.readframes(wav.getnframes()))
                    clips[name] = (samples, wav.getnchannels(), wav.getframerate())
            except (OSError, EOFError, wave.Error) as exc:
                _log.warning("scan sound %s not loaded: %s", path, exc)
        if sys.byteorder == "big":
            for samples, _, _ in clips.values():
                samples.byteswap()  # WAV is little-endian; Qt's samples are native
        fmt = QAudioFormat()
        if clips:
            _, channels, rate = next(iter(clips.values()))
            fmt.setSampleRate(rate)
            fmt.setChannelCount(channels)
            fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if not clips or not self.device.isFormatSupported(fmt):
            fmt = self.device.preferredFormat()
        for name, (samples, channels, rate) in clips.items():
            self.sounds[name] = _Sound(name, _convert(samples, channels, rate, fmt), self)
        return fmt

    def _open(self) -> bool:
        from PySide6.QtMultimedia import QAudioSink, QtAudio

        self._opened_at = time.monotonic()
        sink = QAudioSink(self.device, self.format, self)
        sink.setBufferSize(self.format.bytesForDuration(_AHEAD_MS * 1000))
        sink.setVolume(_VOLUME)
        io = sink.start()  # push mode: we write, Qt's audio thread reads from its queue
        if io is None or sink.state() == QtAudio.State.StoppedState:
            _log.warning("no scan sounds: the audio output did not start (%s)", sink.error().name)
            sink.deleteLater()
            return False
        self._sink, self._io, self._empty = sink, io, sink.bytesFree()
        self._idle.start()
        return True

    def _usable(self) -> bool:
        """The sink is there and running; a stopped one (sound server lost) is reopened now and then."""
        from PySide6.QtMultimedia import QtAudio

        if self._sink is not None and self._sink.state() != QtAudio.State.StoppedState:
            return True
        if self._sink is not None:
            _log.warning("scan sounds: the audio output stopped (%s)", self._sink.error().name)
            self._sink.deleteLater()
            self._sink = self._io = None
        if time.monotonic() - self._opened_at < _REOPEN_AFTER_S:
            return False
        return self._open()

    # --- playing --------------------------------------------------------------------------------

    def play(self, sound: _Sound) -> None:
        """Start `sound` now, in place of any sound still playing. Never waits."""
        from PySide6.QtMultimedia import QtAudio

        if not self._usable():
            return
        self.current, self._pcm, self._pos = sound, sound.pcm, 0
        self._idle.stop()
        self._feed()
        if self._sink.state() == QtAudio.State.SuspendedState:
            self._sink.resume()
        if self.current is not None:
            self._pump.start()

    def _feed(self) -> None:
        """Top the sink's queue up with the current sound; notice when all of it has left the queue."""
        from PySide6.QtMultimedia import QtAudio

        sink = self._sink
        if self.current is None or sink is None or sink.state() == QtAudio.State.StoppedState:
            self._done()
            return
        left = len(self._pcm) - self._pos
        if left > 0:
            frame = self.format.bytesPerFrame()
            count = min(sink.bytesFree(), left) // frame * frame
            if count > 0:
                written = self._io.write(self._pcm[self._pos:self._pos + count])
                if written < 0:
                    self._done()
                    return
                self._pos += written
        elif sink.bytesFree() >= self._empty:
            self._done()

    def _done(self) -> None:
        self.current = None
        self._pump.stop()
        self._idle.start()

    def _suspend(self) -> None:
        from PySide6.QtMultimedia import QtAudio

        if self.current is None and self._sink is not None and self._sink.state() in (
                QtAudio.State.ActiveState, QtAudio.State.IdleState):
            self._sink.suspend()


def _convert(samples: array.array, channels: int, rate: int, fmt: QAudioFormat) -> bytes:
    """16-bit PCM into `fmt`: channels mixed or spread, rate by linear interpolation, sample type."""
    from PySide6.QtMultimedia import QAudioFormat

    SampleFormat = QAudioFormat.SampleFormat  # noqa: N806
    out_channels, out_rate, out_type = fmt.channelCount(), fmt.sampleRate(), fmt.sampleFormat()
    if (channels, rate, out_type) == (out_channels, out_rate, SampleFormat.Int16):
        return samples.tobytes()
    frames = len(samples) // channels
    mono = [sum(samples[i * channels:(i + 1) * channels]) / channels for i in range(frames)]
    if out_rate != rate and frames > 1:
        step = rate / out_rate
        resampled = []
        for i in range(int((frames - 1) / step) + 1):
            x = i * step
            j = int(x)
            nxt = mono[j + 1] if j + 1 < frames else mono[j]
            resampled.append(mono[j] + (nxt - mono[j]) * (x - j))
        mono = resampled
    if out_type == SampleFormat.Float:
        out = array.array("f", (v / 32768.0 for v in mono for _ in range(out_channels)))
    elif out_type == SampleFormat.Int32:
        out = array.array("i", (int(v) * 65536 for v in mono for _ in range(out_channels)))
    elif out_type == SampleFormat.UInt8:
        out = array.array("B", ((int(v) >> 8) + 128 for v in mono for _ in range(out_channels)))
    else:
        out = array.array("h", (int(v) for v in mono for _ in range(out_channels)))
    return out.tobytes()


class SoundPlayer(QObject):
    """Plays the good and bad scan sounds without blocking.

    All players of the process share one audio output (`_SoundOutput`); a sound replaces the one
    playing. Use from the GUI thread.

    Signals:
        played(str): the sound that was started ("good" or "bad"), also when muted is False but no
            audio device exists (then `audible` is False) — so a test can tell what a person heard.
    """

    played = Signal(str)

    def __init__(self, muted: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.muted = muted
        self._output = _SoundOutput.shared()
        self._effects: dict[str, _Sound] = dict(self._output.sounds) if self._output is not None else {}
        self.audible = bool(self._effects)

    @property
    def playing(self) -> str | None:
        """The sound being heard now ("good" or "bad"), or None."""
        current = self._output.current if self._output is not None else None
        return current.name if current is not None else None

    def play(self, name: str) -> None:
        if self.muted:
            return
        sound = self._effects.get(name)
        if sound is not None and self._output is not None:
            self._output.play(sound)
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

    def _show(self, verdict: Verdict, text: str, sound: str | None = None) -> None:
        icon, word = _LOOK[verdict]
        self.verdict = verdict
        self.icon.setText(icon)
        self.word.setText(self.tr(word) if word else "")
        resized = self.word.isVisibleTo(self) != bool(word)
        self.word.setVisible(bool(word))
        self.text.setText(text)
        self._restyle(verdict)
        if sound is not None:
            self.sounds.play(sound)
        self._paint_now(resized)
        self.shown.emit(verdict.value, text)

    def _restyle(self, verdict: Verdict) -> None:
        """The verdict's colours. One style sheet per theme names every verdict by the `verdict`
        property; a scan changes the property and re-polishes the panel, and the labels only when
        their colour changes (parsing a new sheet each scan cost more than the rest of the panel)."""
        colours = {v: feedback_colours(v.value) for v in Verdict}
        sheet = "".join(
            f'#scan_feedback[verdict="{v.value}"] {{ background: {back}; border-radius: 8px; }}'
            f'#scan_feedback[verdict="{v.value}"] QLabel {{ color: {fore}; background: transparent; }}'
            for v, (back, fore) in colours.items())
        before = self.property("verdict")
        self.setProperty("verdict", verdict.value)
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)  # the first time, and after the theme changed
            return
        if before == verdict.value:
            return
        style = self.style()
        same_text_colour = before in colours and colours[Verdict(before)][1] == colours[verdict][1]
        for widget in (self,) if same_text_colour else (self, self.icon, self.word, self.text):
            style.unpolish(widget)
            style.polish(widget)
        self.update()

    def _paint_now(self, resized: bool) -> None:
        """Put the verdict on the screen before the caller goes on (the stop list, the map, the
        journal): whatever the scan's handler does next, the picker already sees the colour. When
        the new text needs more height (or the word came or went), the pending layouts are
        applied first, so the text is painted in its new size, never cut."""
        if not self.isVisible():
            return
        if resized or self.text.heightForWidth(self.text.width()) > self.text.height():
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.repaint()

    def good(self, text: str) -> None:
        self._show(Verdict.GOOD, text, "good")

    def refused(self, text: str) -> None:
        self._show(Verdict.REFUSED, text, "bad")

    def info(self, text: str) -> None:
        self._show(Verdict.INFO, text)

    def check(self, text: str) -> None:
        """Not refused, not accepted: a person must decide (amber, the bad sound to look up)."""
        self._show(Verdict.CHECK, text, "bad")
