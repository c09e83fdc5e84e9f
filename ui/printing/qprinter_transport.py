"""Printing a PDF label or slip to a system printer through Qt (QPrinter), for office printers and
label printers installed with a vendor driver.

Pages are rasterised at the printer's resolution (capped at 600 dpi) and painted full-page with no
margins, at the PDF's own page size. Rasterising uses QtPdf (PySide6-Addons) when it is installed
and poppler's `pdftoppm` otherwise (the QtPdf module is missing from some PySide6 builds).

Safe off the GUI thread: QPainter may paint on a QPrinter and QImages in a worker thread.
`install()` registers this transport as kind "system" for `printing.transports.open_transport`.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from printing.transports import PrinterOffline, PrinterSettings, PrintRejected, register_transport

MAX_RASTER_DPI = 600

Rasterizer = Callable[[bytes, int], list[QImage]]


def rasterize_with_qtpdf(document: bytes, dpi: int) -> list[QImage]:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(document))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    pdf = QPdfDocument()
    pdf.load(buffer)
    if pdf.status() != QPdfDocument.Status.Ready:
        raise PrintRejected(f"not a readable PDF ({pdf.error()})")
    pages = []
    for index in range(pdf.pageCount()):
        points = pdf.pagePointSize(index)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        pages.append(pdf.render(index, size))
    pdf.close()
    return pages


def rasterize_with_poppler(document: bytes, dpi: int) -> list[QImage]:
    with tempfile.TemporaryDirectory(prefix="pickdesk-print-") as tmp:
        src = Path(tmp) / "job.pdf"
        src.write_bytes(document)
        try:
            done = subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(src), str(Path(tmp) / "page")],
                                  capture_output=True, timeout=120)
        except FileNotFoundError:
            raise PrintRejected("neither QtPdf nor poppler's pdftoppm is installed to render the PDF") from None
        if done.returncode != 0:
            raise PrintRejected(f"not a readable PDF: {done.stderr.decode('utf-8', 'replace').strip()}")
        pages = []
        for png in sorted(Path(tmp).glob("page*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[-1])):
            image = QImage(str(png))
            image.setDotsPerMeterX(round(dpi / 0.0254))
            image.setDotsPerMeterY(round(dpi / 0.0254))
            pages.append(image)
        return pages


def default_rasterizer() -> Rasterizer:
    try:
        import PySide6.QtPdf  # noqa: F401
    except ImportError:
        return rasterize_with_poppler
    return rasterize_with_qtpdf


class SystemPrinterTransport:
    """Send a PDF to a named system printer, or (with `output_file`) to a PDF file through QPrinter."""

    def __init__(self, printer_name: str, *, output_file: str | Path | None = None, dpi: int = 300,
                 rasterizer: Rasterizer | None = None):
        self.printer_name = printer_name
        self.output_file = output_file
        self.dpi = min(dpi, MAX_RASTER_DPI)
        self.rasterizer = rasterizer or default_rasterizer()

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.output_file is not None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.output_file))
        elif not self.printer_name:  # the system's default printer, as the desktop has it now
            default = QPrinterInfo.defaultPrinterName()
            if not default:
                raise PrinterOffline("this computer has no default printer: choose one in the system's "
                                     "printer settings, or name one in Settings → Label printer")
            printer.setPrinterName(default)
            if not printer.isValid():
                raise PrinterOffline(f"the default system printer {default!r} is not valid")
        else:
            if self.printer_name not in QPrinterInfo.availablePrinterNames():
                raise PrinterOffline(f"system printer {self.printer_name!r} is not available")
            printer.setPrinterName(self.printer_name)
            if not printer.isValid():
                raise PrinterOffline(f"system printer {self.printer_name!r} is not valid")
        return printer

    def send(self, document: bytes, *, title: str = "") -> str | None:
        if not document.startswith(b"%PDF"):
            raise PrintRejected("a system printer takes PDF; this job is not a PDF (ZPL goes to cups or tcp)")
        pages = self.rasterizer(document, self.dpi)
        if not pages:
            raise PrintRejected("the PDF has no pages")
        printer = self._printer()
        printer.setDocName(title or "Pickdesk")
        printer.setFullPage(True)
        first = pages[0]
        size_mm = QSizeF(first.width() * 25.4 / self.dpi, first.height() * 25.4 / self.dpi)
        layout = QPageLayout(QPageSize(size_mm, QPageSize.Unit.Millimeter, "Pickdesk label",
                                       QPageSize.SizeMatchPolicy.ExactMatch),
                             QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        printer.setPageLayout(layout)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterOffline(f"could not start printing on {self.printer_name!r}")
        try:
            for index, image in enumerate(pages):
                if index and not printer.newPage():
                    raise PrinterOffline("the printer stopped taking pages")
                target = printer.pageLayout().fullRectPixels(printer.resolution())
                painter.drawImage(target, image)
        finally:
            painter.end()
        return None


def open_system_transport(settings: PrinterSettings) -> SystemPrinterTransport:
    return SystemPrinterTransport(settings.target, dpi=settings.dpi)


def install() -> None:
    """Make `open_transport(PrinterSettings(kind='system', ...))` use this transport."""
    register_transport("system", open_system_transport)
