"""Pick-to-light at the put wall: a controller that lights a slot's lamp, behind one small interface.

The wall's screen always shows the lit slot; a station with a controller also sends it there.
`TcpPutLight` speaks a plain line protocol many controllers offer (and a gateway can translate):
``LIGHT 07 GREEN`` / ``CLEAR 07``, one command per line (CR LF), each answered by a line ``OK`` (or
``ERR text``). A controller that does not answer in time, or refuses, raises `PutLightFailed`; the
screen still shows the slot, so sorting goes on.
"""

from __future__ import annotations

import socket
from typing import Protocol

COLOURS = ("GREEN", "RED", "BLUE", "WHITE")


class PutLightFailed(Exception):
    """The controller was unreachable, too slow, or refused the command."""


class PutLight(Protocol):
    def light(self, slot_no: int, colour: str = "GREEN") -> None: ...

    def clear(self, slot_no: int) -> None: ...


class ScreenOnly:
    """No controller: the screen is the only light."""

    def light(self, slot_no: int, colour: str = "GREEN") -> None:
        return None

    def clear(self, slot_no: int) -> None:
        return None


def command(verb: str, slot_no: int, colour: str | None = None) -> bytes:
    if not 1 <= slot_no <= 999:
        raise ValueError(f"slot {slot_no} is not 1 to 999")
    if colour is not None and colour not in COLOURS:
        raise ValueError(f"colour {colour!r} is not one of {', '.join(COLOURS)}")
    return (f"{verb} {slot_no:02d}" + (f" {colour}" if colour else "") + "\r\n").encode("ascii")


class TcpPutLight:
    """A controller at host:port; one connection, opened on first use and again after a failure."""

    def __init__(self, host: str, port: int, *, timeout_s: float = 0.5) -> None:
        self.host, self.port, self.timeout_s = host, port, timeout_s
        self._sock: socket.socket | None = None
        self._buffer = b""

    def _send(self, payload: bytes) -> None:
        try:
            if self._sock is None:
                self._sock = socket.create_connection((self.host, self.port), timeout=self.timeout_s)
            self._sock.sendall(payload)
            while b"\n" not in self._buffer:
                chunk = self._sock.recv(256)
                if not chunk:
                    raise PutLightFailed(f"the controller at {self.host}:{self.port} closed the connection")
                self._buffer += chunk
        except OSError as exc:
            self.close()
            raise PutLightFailed(f"the controller at {self.host}:{self.port} did not answer: {exc}") from exc
        except PutLightFailed:
            self.close()
            raise
        line, _, self._buffer = self._buffer.partition(b"\n")
        answer = line.decode("ascii", "replace").strip()
        if answer != "OK":
            raise PutLightFailed(f"the controller refused {payload.decode().strip()!r}: {answer}")

    def light(self, slot_no: int, colour: str = "GREEN") -> None:
        self._send(command("LIGHT", slot_no, colour))

    def clear(self, slot_no: int) -> None:
        self._send(command("CLEAR", slot_no))

    def close(self) -> None:
        if self._sock is not None:
            try:
                self._sock.close()
            finally:
                self._sock = None
                self._buffer = b""
