"""A fake Mettler Toledo MT-SICS scale on a serial port, for tests. Not collected by pytest.

    python fake_mtsics.py PORT

Answers S, SI, Z, T (anything else: ES). Its state is changed through stdin, one command per
line, each answered with "ok": `weight 1.250 kg`, `moving N` (the next N SI replies are dynamic
and an S waits until the scale settles), `overload on|off`.
"""

from __future__ import annotations

import sys
import threading
from decimal import Decimal

import serial

state = {"value": Decimal("0.000"), "unit": "kg", "moving": 0, "overload": False, "tare": Decimal(0)}
lock = threading.Lock()


def weight_line(status: str) -> bytes:
    net = state["value"] - state["tare"]
    return f"S {status} {net:>10} {state['unit']}\r\n".encode()


def answer(command: str) -> bytes:
    with lock:
        if command in ("S", "SI") and state["overload"]:
            return b"S +\r\n"
        if command == "S":
            state["moving"] = 0  # S waits for stability, then answers once
            return weight_line("S")
        if command == "SI":
            if state["moving"] > 0:
                state["moving"] -= 1
                return weight_line("D")
            return weight_line("S")
        if command == "Z":
            state["value"] = Decimal("0.000")
            state["tare"] = Decimal(0)
            return b"Z A\r\n"
        if command == "T":
            state["tare"] = state["value"]
            return f"T S {state['tare']:>10} {state['unit']}\r\n".encode()
        return b"ES\r\n"


def serve(port: serial.Serial) -> None:
    buffer = b""
    while True:
        try:
            chunk = port.read(port.in_waiting or 1)
        except (serial.SerialException, OSError):
            return
        buffer += chunk
        while b"\r\n" in buffer:
            line, buffer = buffer.split(b"\r\n", 1)
            port.write(answer(line.decode("ascii", "replace").strip()))


def control() -> None:
    for line in sys.stdin:
        words = line.split()
        with lock:
            if words[0] == "weight":
                state["value"] = Decimal(words[1])
                state["unit"] = words[2]
            elif words[0] == "moving":
                state["moving"] = int(words[1])
            elif words[0] == "overload":
                state["overload"] = words[1] == "on"
        sys.stdout.write("ok\n")
        sys.stdout.flush()


def main() -> None:
    port = serial.Serial(sys.argv[1], timeout=0.2)
    threading.Thread(target=control, daemon=True).start()
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    serve(port)


if __name__ == "__main__":
    main()
