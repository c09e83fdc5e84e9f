"""Transports against a pretend 9100 printer, a real CUPS queue pointed at it, and a folder."""

from __future__ import annotations

import pytest
from printer_sink import hs_reply

from printing import render_label_zpl
from printing.documents import sample_label
from printing.transports import (
    CupsTransport,
    FolderTransport,
    PrinterNotReady,
    PrinterOffline,
    PrinterSettings,
    PrintRejected,
    TcpTransport,
    open_transport,
    parse_host_status,
    parse_target,
)


def test_tcp_asks_status_then_sends_the_exact_bytes(sink):
    zpl = render_label_zpl(sample_label(), "100x150", 203)
    TcpTransport("127.0.0.1", sink.port).send(zpl, title="PD-1")
    assert sink.wait_for_jobs(1) == [zpl]
    assert sink.status_queries == 1


@pytest.mark.parametrize(("flags", "reason"), [
    ({"paper_out": True}, "paper_out"),
    ({"head_open": True}, "head_open"),
    ({"paused": True}, "paused"),
    ({"ribbon_out": True, "thermal_transfer": True}, "ribbon_out"),
])
def test_tcp_printer_not_ready_is_reported_with_its_reason_and_nothing_is_sent(sink, flags, reason):
    sink.status = hs_reply(**flags)
    with pytest.raises(PrinterNotReady) as info:
        TcpTransport("127.0.0.1", sink.port).send(b"^XA^XZ")
    assert info.value.reason == reason and info.value.retryable
    assert "打印机未就绪" in info.value.for_screen()
    sink.stop()
    assert sink.jobs == []


def test_ribbon_out_does_not_matter_to_a_direct_thermal_printer(sink):
    sink.status = hs_reply(ribbon_out=True, thermal_transfer=False)
    TcpTransport("127.0.0.1", sink.port).send(b"^XA^XZ")
    assert sink.wait_for_jobs(1) == [b"^XA^XZ"]


def test_a_printer_that_does_not_answer_the_status_query_is_offline_unless_told_not_to_ask(sink):
    sink.status = None
    with pytest.raises(PrinterOffline):
        TcpTransport("127.0.0.1", sink.port, status_timeout=0.3).send(b"^XA^XZ")
    TcpTransport("127.0.0.1", sink.port, query_status=False).send(b"^XA^FDok^XZ")
    assert sink.wait_for_jobs(1) == [b"^XA^FDok^XZ"]


def test_a_closed_port_is_offline(sink):
    sink.stop()
    with pytest.raises(PrinterOffline) as info:
        TcpTransport("127.0.0.1", sink.port, timeout=2).send(b"^XA^XZ")
    assert info.value.retryable


def test_host_status_parsing():
    status = parse_host_status(hs_reply(paper_out=True, head_open=True))
    assert status.paper_out and status.head_open and not status.paused
    assert status.problems == ("paper_out", "head_open")
    assert parse_host_status(hs_reply()).problems == ()
    with pytest.raises(ValueError):
        parse_host_status(b"garbage")


def test_targets_and_settings(monkeypatch):
    assert parse_target("10.0.0.5") == ("10.0.0.5", 9100)
    assert parse_target("printer.local:6101") == ("printer.local", 6101)
    assert parse_target("[::1]:9100") == ("::1", 9100)
    settings = PrinterSettings(kind="tcp", target="10.0.0.5", format="zpl", dpi=300, label_size="100x180")
    assert PrinterSettings.from_json(settings.to_json()) == settings
    assert settings.printer_key == "tcp:10.0.0.5"
    with pytest.raises(ValueError):
        PrinterSettings(kind="usb", target="x")
    with pytest.raises(ValueError):
        PrinterSettings(kind="tcp", target="x", format="ps")
    with pytest.raises(ValueError):
        PrinterSettings(kind="tcp", target="x", label_size="4x6")
    for kind in ("cups", "tcp", "folder"):  # these need to be told where
        with pytest.raises(ValueError):
            PrinterSettings(kind=kind, target="")
    assert PrinterSettings(kind="system", target="").printer_key == "system:"  # the system's default printer
    assert isinstance(open_transport(settings), TcpTransport)
    cups = open_transport(PrinterSettings(kind="cups", target="zebra@printserver:631", format="zpl"))
    assert cups.command("t") == ["lp", "-h", "printserver:631", "-d", "zebra", "-t", "t", "-o", "raw"]
    # Without the desktop application (which registers the QPrinter factory, and may have done so
    # earlier in this worker's process), a system printer cannot be opened.
    import printing.transports

    monkeypatch.setattr(printing.transports, "_FACTORIES", {})
    with pytest.raises(PrintRejected):
        open_transport(PrinterSettings(kind="system", target="Office"))


def test_folder_writes_atomically(tmp_path):
    transport = open_transport(PrinterSettings(kind="folder", target=str(tmp_path), format="zpl"))
    name = transport.send(b"^XA^XZ", title="PD 1/2")
    assert name.endswith(".zpl") and "PD_1_2" in name
    assert (tmp_path / name).read_bytes() == b"^XA^XZ"
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temp file left behind


def test_a_missing_folder_is_offline(tmp_path):
    with pytest.raises(PrinterOffline):
        FolderTransport(tmp_path / "not-mounted").send(b"x")


def test_cups_raw_queue_delivers_the_exact_bytes(cups_queue, sink):
    zpl = render_label_zpl(sample_label(), "100x180", 300)
    receipt = CupsTransport(cups_queue, raw=True).send(zpl, title="PD-2024-000815 1/2")
    assert receipt and receipt.startswith(cups_queue + "-")
    assert sink.wait_for_jobs(1) == [zpl]
    assert sink.status_queries == 0  # CUPS's socket backend sends straight away


def test_cups_unknown_queue_is_rejected(cups_scheduler):
    with pytest.raises(PrintRejected) as info:
        CupsTransport("pickdesk-no-such-queue", raw=True).send(b"^XA^XZ")
    assert "does not exist" in str(info.value)


def test_cups_queue_that_rejects_jobs_is_not_ready(cups_queue):
    import subprocess

    subprocess.run(["cupsreject", cups_queue], check=True, capture_output=True, timeout=30)
    with pytest.raises(PrinterNotReady) as info:
        CupsTransport(cups_queue, raw=True).send(b"^XA^XZ")
    assert info.value.reason == "not_accepting"


def test_missing_lp_is_rejected():
    with pytest.raises(PrintRejected):
        CupsTransport("q", lp="/nonexistent/lp").send(b"x")
