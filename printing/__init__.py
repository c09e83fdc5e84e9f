"""Labels and slips as data, rendered to PDF or ZPL, sent through a transport, tracked in a queue.

Qt-free by contract. The functions the desktop layer calls are re-exported here; importing this
package is cheap (fonts and reportlab load on first render).
"""

from __future__ import annotations

from printing.sizes import LABEL_SIZES, LabelSize


def __getattr__(name: str):
    if name == "LabelOverflow":  # the layout engine, loaded when its error is first asked for
        from printing.layout import LabelOverflow

        return LabelOverflow
    raise AttributeError(f"module 'printing' has no attribute {name!r}")


def render_label_pdf(label, size="100x150") -> bytes:
    from printing.pdf import render_label_pdf as render

    return render(label, size)


def render_label_zpl(label, size="100x150", dpi: int = 203, **options) -> bytes:
    from printing.zpl import render_label_zpl as render

    return render(label, size, dpi, **options)


def render_label_cainiao(label, template_url: str) -> bytes:
    from printing.cainiao import label_document

    return label_document(label, template_url)


def render_slip_pdf(slip, page: str = "A5") -> bytes:
    from printing.pdf import render_slip_pdf as render

    return render(slip, page)


__all__ = ["LABEL_SIZES", "LabelOverflow", "LabelSize", "render_label_cainiao", "render_label_pdf", "render_label_zpl", "render_slip_pdf"]
