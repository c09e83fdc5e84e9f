"""Writes the two scan sounds (resources/sounds/*.wav): short, distinct, pleasant enough for a shift.

good: two rising sine tones (1047 Hz then 1568 Hz, 70 ms each); bad: a low, rough 196 Hz buzz of
three pulses (about 420 ms). 16-bit mono, 22.05 kHz, with 5 ms fades so they never click.
Run: .venv/bin/python scripts/make_sounds.py
"""

import math
import struct
import wave
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parents[1] / "resources" / "sounds"


def tone(freq: float, ms: int, volume: float = 0.5, rough: bool = False) -> list[float]:
    n = int(RATE * ms / 1000)
    fade = int(RATE * 0.005)
    out = []
    for i in range(n):
        t = i / RATE
        v = math.sin(2 * math.pi * freq * t)
        if rough:  # add odd harmonics: a buzz people read as "no"
            v = 0.6 * v + 0.25 * math.sin(6 * math.pi * freq * t) + 0.15 * math.sin(10 * math.pi * freq * t)
        env = min(1.0, i / fade, (n - i) / fade)
        out.append(volume * env * v)
    return out


def silence(ms: int) -> list[float]:
    return [0.0] * int(RATE * ms / 1000)


def write(name: str, samples: list[float]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT / name), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1, min(1, s)) * 32767)) for s in samples))


if __name__ == "__main__":
    write("good.wav", tone(1047, 70) + tone(1568, 90))
    write("bad.wav", tone(196, 120, 0.6, rough=True) + silence(30) + tone(196, 120, 0.6, rough=True)
          + silence(30) + tone(175, 120, 0.6, rough=True))
    print(f"wrote {OUT}/good.wav and bad.wav")
