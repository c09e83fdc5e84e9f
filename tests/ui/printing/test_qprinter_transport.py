"""The Qt system-printer transport, printing to a QPrinter in PDF file mode and reading the file back."""

from __future__ import annotations

import subprocess

import pytest

from printing import render_label_pdf, render_slip_pdf
from printing.documents import sample_label, sample_slip
from printing.transports import PrinterOffline, PrinterSettings, PrintRejected, open_transport
from ui.printing.qprinter_transport import SystemPrinterTransport, install


def decode(pdf_path, tmp_path) -> set[str]:
    subprocess.run(["pdftoppm", "-r", "203", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf_path),
                    str(tmp_path / "page")], check=True, capture_output=True, timeout=60)
    out = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "page.png")], check=True, capture_output=True,
                         text=True, timeout=60).stdout
    return set(out.split())


def page_size_pt(pdf_path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf_path)], check=True, capture_output=True, text=True, timeout=60).stdout
    line = next(line for line in info.splitlines() if line.startswith("Page size:"))
    parts = line.split()
    return float(parts[2]), float(parts[4])


def test_a_label_printed_through_qprinter_keeps_its_size_and_barcodes(qapp, tmp_path):
    label = sample_label()
    out = tmp_path / "printed.pdf"
    SystemPrinterTransport("unused", output_file=out, dpi=300).send(render_label_pdf(label, "100x150"), title="PD-1")
    width, height = page_size_pt(out)
    assert abs(width - 100 / 25.4 * 72) < 1.5 and abs(height - 150 / 25.4 * 72) < 1.5
    assert decode(out, tmp_path) == {label.tracking_number, "00" + label.sscc}


def test_a_two_page_document_prints_two_pages(qapp, tmp_path):
    from printing.pdf import render_labels_pdf

    out = tmp_path / "printed.pdf"
    SystemPrinterTransport("unused", output_file=out, dpi=203).send(
        render_labels_pdf([sample_label(1), sample_label(2)], "100x180"))
    info = subprocess.run(["pdfinfo", str(out)], check=True, capture_output=True, text=True, timeout=60).stdout
    assert "Pages:           2" in info


def test_a_slip_prints_on_a5(qapp, tmp_path):
    out = tmp_path / "slip.pdf"
    SystemPrinterTransport("unused", output_file=out, dpi=150).send(render_slip_pdf(sample_slip(), "A5"))
    width, height = page_size_pt(out)
    assert abs(width - 419.5) < 2 and abs(height - 595.3) < 2


def test_zpl_is_rejected_and_an_unknown_printer_is_offline(qapp):
    with pytest.raises(PrintRejected):
        SystemPrinterTransport("x").send(b"^XA^XZ")
    with pytest.raises(PrinterOffline):
        SystemPrinterTransport("pickdesk-no-such-printer").send(render_label_pdf(sample_label()))


def test_install_registers_the_system_kind(qapp, monkeypatch):
    from printing import transports

    monkeypatch.setattr(transports, "_FACTORIES", {})  # leave the registry as other tests expect it
    install()
    transport = open_transport(PrinterSettings(kind="system", target="Office Laser", dpi=300))
    assert isinstance(transport, SystemPrinterTransport) and transport.printer_name == "Office Laser"
