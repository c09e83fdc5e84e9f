"""The manifest PDF holds every parcel with real Chinese text; the CSV has one row per parcel."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from printing.manifest import CSV_HEADER, ManifestRow, ManifestSheet, manifest_csv, render_manifest_pdf


def sheet(n: int) -> ManifestSheet:
    rows = tuple(ManifestRow(f"PCL-{i:010d}", f"M1-20261123-{i:06d}", f"ZT{i:012d}", "standard", "1/1", 500 + i,
                             "新疆维吾尔自治区", "乌鲁木齐市", Decimal("1200.00") if i == 3 else None,
                             Decimal("88.50") if i == 2 else None) for i in range(1, n + 1))
    return ManifestSheet("MF-ZTO-20261123-0001", "ZTO", "中通快递 ZTO Express", "SZ1", date(2026, 11, 23),
                         datetime(2026, 11, 23, 10, 0, tzinfo=UTC), rows)


def test_every_parcel_is_on_the_pdf_over_pages():
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: run scripts/system-deps.sh")
    pdf = render_manifest_pdf(sheet(60))
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "交接清单" in text and "中通快递" in text and "乌鲁木齐市" in text
    for i in range(1, 61):
        assert f"PCL-{i:010d}" in text
    assert "page 页 1/3" in text and "page 页 3/3" in text
    assert "Parcels 包裹数: 60" in text and "承运商签收" in text


def test_csv_has_one_row_per_parcel():
    rows = list(csv.reader(io.StringIO(manifest_csv(sheet(3)))))
    assert rows[0] == CSV_HEADER
    assert [r[4] for r in rows[1:]] == ["PCL-0000000001", "PCL-0000000002", "PCL-0000000003"]
    assert rows[2][-1] == "88.50" and rows[3][-2] == "1200.00" and rows[1][10] == "新疆维吾尔自治区"
