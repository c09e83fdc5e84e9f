"""Getting a rendered document to a printer: CUPS (`lp`), raw TCP port 9100, a folder, or the Cainiao
print component (`printing.cainiao`, kind "cainiao": its WebSocket protocol, documents in format
"cainiao").

Every transport has one method, `send(document, title=...) -> receipt | None`, and fails with a typed
error the print queue acts on:

* `PrinterOffline` — nobody answered (refused, unreachable, timed out, no reply to ~HS). Retried.
* `PrinterNotReady(reason)` — the printer answered and cannot print now: paper out, head open,
  paused, ribbon out… Retried; the reason is shown to the packer, who can fix it.
* `PrintRejected` — sending again will not help (unknown CUPS queue, wrong format, no permission).
  Not retried.

A station keeps its printer as a `PrinterSettings`; `open_transport(settings)` makes the transport.
The Qt system-printer transport lives in `ui.printing` and registers itself under kind "system"
(this package must not import Qt).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import errno
import json
import os
import re
import socket
import subprocess
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from printing.layout import LABEL_SIZES

KINDS = ("cups", "tcp", "folder", "system", "cainiao")
FORMATS = ("pdf", "zpl", "cainiao")


# --- errors -------------------------------------------------------------------------------------

class PrintError(Exception):
    """A job could not be printed. `retryable` says whether trying again later can help."""

    retryable = False

    def __init__(self, message: str, message_zh: str = ""):
        super().__init__(message)
        self.message = message
        self.message_zh = message_zh or message

    def for_screen(self) -> str:
        return f"{self.message_zh} / {self.message}"


class PrinterOffline(PrintError):
    retryable = True

    def __init__(self, detail: str = ""):
        super().__init__(f"Printer offline{': ' + detail if detail else ''}",
                         f"打印机离线{'：' + detail if detail else ''}")
        self.detail = detail


NOT_READY_REASONS = {
    "paper_out": ("paper out", "缺纸"),
    "head_open": ("print head open", "打印头未合上"),
    "paused": ("paused", "已暂停"),
    "ribbon_out": ("ribbon out", "碳带用完"),
    "buffer_full": ("receive buffer full", "接收缓冲区已满"),
    "head_too_hot": ("print head too hot", "打印头过热"),
    "head_too_cold": ("print head too cold", "打印头温度过低"),
    "not_accepting": ("queue not accepting jobs", "打印队列不接受任务"),
    "disk_full": ("disk full", "磁盘已满"),
}


class PrinterNotReady(PrintError):
    retryable = True

    def __init__(self, reason: str, *more: str):
        self.reasons = (reason, *more)
        self.reason = reason
        en = ", ".join(NOT_READY_REASONS.get(r, (r, r))[0] for r in self.reasons)
        zh = "，".join(NOT_READY_REASONS.get(r, (r, r))[1] for r in self.reasons)
        super().__init__(f"Printer not ready: {en}", f"打印机未就绪：{zh}")


class PrintRejected(PrintError):
    retryable = False

    def __init__(self, detail: str):
        super().__init__(f"Print job rejected: {detail}", f"打印任务被拒绝：{detail}")
        self.detail = detail


# --- settings -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class PrinterSettings:
    """A station's label printer, kept as a setting.

    `target` depends on `kind`: a CUPS queue name (optionally `queue@server[:port]`); `host[:port]`
    for raw TCP (port 9100 by default); a folder path; a system printer name as Qt lists it (empty: the
    system's default printer).
    `query_status=False` sends to a TCP printer without asking ~HS first (for printers that do not
    answer it). `label_size`, `dpi` and `format` say what to render for this printer.
    """

    kind: str
    target: str
    format: str = "pdf"
    dpi: int = 203
    label_size: str = "100x150"
    query_status: bool = True
    timeout: float = 10.0
    status_timeout: float = 3.0
    zpl_text_mode: str = "graphic"
    printer_font: str = "E:SIMSUN.TTF"
    template_url: str = ""  # kind "cainiao": the Cainiao cloud-print template the labels' data fill

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"printer kind must be one of {', '.join(KINDS)}, not {self.kind!r}")
        if self.format not in FORMATS:
            raise ValueError(f"print format must be one of {', '.join(FORMATS)}, not {self.format!r}")
        if (self.kind == "cainiao") != (self.format == "cainiao"):
            raise ValueError("the Cainiao print component prints format 'cainiao', and only it does")
        if self.kind == "cainiao" and not self.template_url.startswith(("http://", "https://")):
            raise ValueError("a Cainiao printer needs its template URL (http(s)://…)")
        if self.dpi not in (203, 300):
            raise ValueError(f"dpi must be 203 or 300, not {self.dpi}")
        if self.label_size not in LABEL_SIZES:
            raise ValueError(f"label size must be one of {', '.join(LABEL_SIZES)}, not {self.label_size!r}")
        if not self.target and self.kind != "system":  # a system printer without a name: the system's default
            raise ValueError("a printer needs a target (queue, host, folder or printer name)")

    @property
    def printer_key(self) -> str:
        """Jobs for the same physical printer share this key (and print in order)."""
        return f"{self.kind}:{self.target}"

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> PrinterSettings:
        data = json.loads(text)
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


class Transport(Protocol):
    def send(self, document: bytes, *, title: str = "") -> str | None:
        """Deliver the document or raise a PrintError; returns a receipt (e.g. a CUPS job id) if any."""


# --- CUPS -----------------------------------------------------------------------------------------

class CupsTransport:
    """`lp -d QUEUE` with the document on stdin; `raw` adds `-o raw` (ZPL, or a PDF printer's own RIP)."""

    def __init__(self, queue: str, *, raw: bool = False, server: str | None = None, lp: str = "lp",
                 timeout: float = 30.0):
        self.queue, self.raw, self.server, self.lp, self.timeout = queue, raw, server, lp, timeout

    def command(self, title: str = "") -> list[str]:
        cmd = [self.lp]
        if self.server:
            cmd += ["-h", self.server]
        cmd += ["-d", self.queue]
        if title:
            cmd += ["-t", title]
        if self.raw:
            cmd += ["-o", "raw"]
        return cmd

    def send(self, document: bytes, *, title: str = "") -> str | None:
        try:
            done = subprocess.run(self.command(title), input=document, capture_output=True, timeout=self.timeout)
        except FileNotFoundError:
            raise PrintRejected(f"the CUPS client '{self.lp}' is not installed") from None
        except subprocess.TimeoutExpired:
            raise PrinterOffline(f"CUPS did not take the job within {self.timeout:g} s") from None
        err = done.stderr.decode("utf-8", "replace").strip()
        if done.returncode != 0:
            lowered = err.lower()
            if "not accepting" in lowered:
                raise PrinterNotReady("not_accepting")
            if "unable to connect" in lowered or "scheduler is not running" in lowered or "connection refused" in lowered:
                raise PrinterOffline(f"CUPS scheduler: {err}")
            raise PrintRejected(err or f"lp exited with {done.returncode}")
        out = done.stdout.decode("utf-8", "replace")
        match = re.search(r"request id is (\S+)", out)
        return match.group(1) if match else None


# --- raw TCP 9100 ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class HostStatus:
    """The flags of a ZPL printer's ~HS reply that decide whether a label can print now."""

    paper_out: bool = False
    paused: bool = False
    buffer_full: bool = False
    head_too_cold: bool = False
    head_too_hot: bool = False
    head_open: bool = False
    ribbon_out: bool = False
    thermal_transfer: bool = False
    formats_in_buffer: int = 0
    labels_remaining: int = 0

    @property
    def problems(self) -> tuple[str, ...]:
        found = []
        for flag in ("paper_out", "head_open", "paused", "buffer_full", "head_too_hot", "head_too_cold"):
            if getattr(self, flag):
                found.append(flag)
        if self.ribbon_out and self.thermal_transfer:  # direct thermal printers report no ribbon: fine
            found.append("ribbon_out")
        return tuple(found)


def parse_host_status(reply: bytes) -> HostStatus:
    """Parse the three <STX>…<ETX><CR><LF> strings of a ~HS reply (ZPL II programming guide)."""
    strings = re.findall(rb"\x02([^\x02\x03]*)\x03", reply)
    if len(strings) < 2:
        raise ValueError(f"not a ~HS reply: {reply[:80]!r}")
    one = strings[0].decode("ascii", "replace").split(",")
    two = strings[1].decode("ascii", "replace").split(",")
    if len(one) < 12 or len(two) < 8:
        raise ValueError(f"short ~HS reply: {reply[:80]!r}")

    def flag(fields: list[str], i: int) -> bool:
        return fields[i].strip() == "1"

    def number(fields: list[str], i: int) -> int:
        try:
            return int(fields[i])
        except (IndexError, ValueError):
            return 0

    # String 1: aaa,b(paper out),c(pause),dddd(label length),eee(formats),f(buffer full),g,h,iii,j,k(under),l(over)
    # String 2: mmm,n,o(head up),p(ribbon out),q(thermal transfer),r,s,t,uuuuuuuu(labels remaining),v,www
    return HostStatus(
        paper_out=flag(one, 1), paused=flag(one, 2), formats_in_buffer=number(one, 4), buffer_full=flag(one, 5),
        head_too_cold=flag(one, 10), head_too_hot=flag(one, 11),
        head_open=flag(two, 2), ribbon_out=flag(two, 3), thermal_transfer=flag(two, 4),
        labels_remaining=number(two, 8),
    )


def parse_target(target: str, default_port: int = 9100) -> tuple[str, int]:
    match = re.fullmatch(r"\[([^\]]+)\](?::(\d+))?|([^:]+)(?::(\d+))?", target.strip())
    if not match:
        raise ValueError(f"not a host[:port]: {target!r}")
    host = match.group(1) or match.group(3)
    port = match.group(2) or match.group(4)
    return host, int(port) if port else default_port


class TcpTransport:
    """Raw socket printing (JetDirect / port 9100). Asks ~HS first unless `query_status` is off."""

    def __init__(self, host: str, port: int = 9100, *, query_status: bool = True, timeout: float = 10.0,
                 status_timeout: float = 3.0, clock: Callable[[], float] = time.monotonic):
        self.host, self.port = host, port
        self.query_status, self.timeout, self.status_timeout = query_status, timeout, status_timeout
        self.clock = clock

    def _read_status(self, sock: socket.socket) -> HostStatus:
        sock.sendall(b"~HS")
        reply = b""
        deadline = self.clock() + self.status_timeout
        while reply.count(b"\x03") < 3:
            remaining = deadline - self.clock()
            if remaining <= 0:
                break
            sock.settimeout(remaining)
            try:
                chunk = sock.recv(1024)
            except TimeoutError:
                break
            if not chunk:
                break
            reply += chunk
        try:
            return parse_host_status(reply)
        except ValueError:
            raise PrinterOffline(f"{self.host}:{self.port} did not answer the status query (~HS)") from None

    def send(self, document: bytes, *, title: str = "") -> str | None:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError as exc:
            raise PrinterOffline(f"{self.host}:{self.port}: {exc.strerror or exc}") from None
        with sock:
            try:
                if self.query_status:
                    problems = self._read_status(sock).problems
                    if problems:
                        raise PrinterNotReady(*problems)
                sock.settimeout(self.timeout)
                sock.sendall(document)
            except OSError as exc:
                raise PrinterOffline(f"{self.host}:{self.port}: {exc.strerror or exc}") from None
        return None


# --- folder ------------------------------------------------------------------------------------------

class FolderTransport:
    """Writes each job as a file, atomically (temp file in the same folder, fsync, rename), readable by
    its owner only (0600).

    For print servers and label software that watch a hot folder, and for tests. A missing folder
    counts as offline (a network share that is not mounted comes back).
    """

    def __init__(self, folder: str | os.PathLike, extension: str = "pdf",
                 clock: Callable[[], _dt.datetime] = lambda: _dt.datetime.now(_dt.UTC)):
        self.folder, self.extension, self.clock = Path(folder), extension, clock

    def send(self, document: bytes, *, title: str = "") -> str | None:
        if not self.folder.is_dir():
            raise PrinterOffline(f"folder {self.folder} is not there")
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", title).strip("._")[:60] or "job"
        stamp = self.clock().strftime("%Y%m%dT%H%M%S%fZ")
        name = f"{stamp}-{safe}-{uuid.uuid4().hex[:8]}.{self.extension}"
        tmp = self.folder / f".{name}.tmp"
        try:
            # Owner-only: the spooled label holds the customer's name, phone and address.
            with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as fh:
                fh.write(document)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.folder / name)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            if exc.errno == errno.ENOSPC:
                raise PrinterNotReady("disk_full") from None
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise PrintRejected(f"cannot write to {self.folder}: {exc.strerror}") from None
            raise PrinterOffline(f"{self.folder}: {exc.strerror or exc}") from None
        return name


# --- opening a transport from settings ------------------------------------------------------------------

_FACTORIES: dict[str, Callable[[PrinterSettings], Transport]] = {}


def register_transport(kind: str, factory: Callable[[PrinterSettings], Transport]) -> None:
    """Let an outer layer provide a kind this package cannot (the Qt system printer: kind 'system')."""
    if kind not in KINDS:
        raise ValueError(f"unknown printer kind {kind!r}")
    _FACTORIES[kind] = factory


def open_transport(settings: PrinterSettings) -> Transport:
    if settings.kind in _FACTORIES:
        return _FACTORIES[settings.kind](settings)
    if settings.kind == "cups":
        queue, _, server = settings.target.partition("@")
        return CupsTransport(queue, raw=settings.format == "zpl", server=server or None,
                             timeout=max(settings.timeout, 30.0))
    if settings.kind == "tcp":
        host, port = parse_target(settings.target)
        return TcpTransport(host, port, query_status=settings.query_status, timeout=settings.timeout,
                            status_timeout=settings.status_timeout)
    if settings.kind == "folder":
        return FolderTransport(settings.target, extension="json" if settings.format == "cainiao" else settings.format)
    if settings.kind == "cainiao":
        from printing.cainiao import CainiaoTransport, parse_target as cainiao_target

        printer, url = cainiao_target(settings.target)
        return CainiaoTransport(printer, url, timeout=settings.timeout)
    raise PrintRejected("system printers are opened by the desktop application "
                        "(ui.printing.qprinter_transport.install())")
