"""The pick-to-light line protocol against a real TCP controller stand-in that checks every command."""

from __future__ import annotations

import socket
import threading

import pytest

from devices.put_light import PutLightFailed, TcpPutLight, command


class Controller:
    """Accepts one connection, checks each line as a controller would, answers OK or ERR."""

    def __init__(self, answer_every: bool = True) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.lines: list[str] = []
        self.answer_every = answer_every
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        with conn:
            buf = b""
            while True:
                data = conn.recv(256)
                if not data:
                    return
                buf += data
                while b"\r\n" in buf:
                    raw, buf = buf.split(b"\r\n", 1)
                    line = raw.decode("ascii")
                    self.lines.append(line)
                    parts = line.split()
                    ok = (parts[:1] == ["LIGHT"] and len(parts) == 3 and parts[1].isdigit() or
                          parts[:1] == ["CLEAR"] and len(parts) == 2 and parts[1].isdigit())
                    if self.answer_every:
                        conn.sendall(b"OK\r\n" if ok and int(parts[1]) <= 24 else b"ERR no such slot\r\n")

    def close(self) -> None:
        self.server.close()


def test_light_and_clear_are_sent_and_acknowledged():
    c = Controller()
    light = TcpPutLight("127.0.0.1", c.port)
    light.light(7)
    light.light(12, "RED")
    light.clear(7)
    light.close()
    c.thread.join(2)
    assert c.lines == ["LIGHT 07 GREEN", "LIGHT 12 RED", "CLEAR 07"]
    c.close()


def test_a_refusal_a_silent_controller_and_no_controller_are_put_light_failures():
    c = Controller()
    light = TcpPutLight("127.0.0.1", c.port)
    with pytest.raises(PutLightFailed, match="no such slot"):
        light.light(30)
    light.light(3)  # a refusal leaves the connection usable
    light.close()
    c.close()
    silent = Controller(answer_every=False)
    with pytest.raises(PutLightFailed, match="did not answer"):
        TcpPutLight("127.0.0.1", silent.port, timeout_s=0.2).light(3)
    silent.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    with pytest.raises(PutLightFailed):
        TcpPutLight("127.0.0.1", free, timeout_s=0.2).light(3)


def test_bad_commands_are_refused_before_sending():
    with pytest.raises(ValueError):
        command("LIGHT", 0, "GREEN")
    with pytest.raises(ValueError):
        command("LIGHT", 3, "PINK")
