"""No customer data left behind on a station (issue 17, item 4): print jobs drop their bytes once
printed, the queue and spool files are owner-only, ZPL comments name boxes not people, badges are
stored as keyed hashes, and no export cell runs as a spreadsheet formula."""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import shutil
import stat
import subprocess
import zipfile
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, select, text

from desktop.db import migrate, models
from desktop.db.database import Database
from desktop.demo import data as demo_data
from desktop.demo.builder import build_demo
from desktop.services import auth
from desktop.services.figures import CategoryScore
from desktop.services.replenishment import ReplenishmentRow, replenishment_csv
from printing import render_label_pdf, render_label_zpl
from printing.documents import Address, sample_label
from printing.manifest import ManifestRow, ManifestSheet, manifest_csv
from printing.queue import PRINTED, PrintQueue
from printing.spreadsheet import safe_cell
from printing.transports import FolderTransport, PrinterSettings, PrintRejected

PRINTER = PrinterSettings(kind="tcp", target="10.9.9.1", format="zpl")
NAME = "欧阳娜娜"


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


class Printer:
    def __init__(self, *outcomes):
        self.outcomes, self.received = list(outcomes), []

    def factory(self, settings):
        printer = self

        class Transport:
            def send(self, document, *, title=""):
                if printer.outcomes and (outcome := printer.outcomes.pop(0)) is not None:
                    raise outcome
                printer.received.append(document)

        return Transport()


def queue_bytes(path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


# ─── the print queue ────────────────────────────────────────────────────────────


def test_a_printed_label_leaves_no_trace_in_the_queue_files(tmp_path):
    label = render_label_zpl(dataclasses.replace(sample_label()), "100x150", 203, text_mode="printer-font")
    assert NAME.encode() in label
    path = tmp_path / "print-queue.sqlite3"
    printer = Printer(PrintRejected("head open"))
    with PrintQueue(path, transport_factory=printer.factory) as queue:
        failed = queue.submit(label, "zpl", PRINTER, order_ref="PD-1")
        assert queue.process_next().state == "failed"
        # Still to be printed (a supervisor may retry it): the bytes are kept, owner-only.
        assert queue.get(failed, with_document=True).document == label
        assert NAME.encode() in queue_bytes(path)
        for p in path.parent.glob(path.name + "*"):
            assert mode(p) == 0o600, p
        queue.retry(failed)
        assert queue.process_next().state == PRINTED
        assert printer.received == [label]
        assert queue.get(failed, with_document=True).document is None
        assert NAME.encode() not in queue_bytes(path)  # not in the database, its free pages or its log
    assert NAME.encode() not in queue_bytes(path)


def test_an_old_queue_file_is_made_private_and_its_printed_labels_dropped(tmp_path):
    path = tmp_path / "print-queue.sqlite3"
    with PrintQueue(path, transport_factory=Printer().factory) as queue:
        job = queue.submit(f"^XA^FD{NAME}^FS^XZ".encode(), "zpl", PRINTER, order_ref="PD-1")
        queue.process_next()
    # As an earlier version left it: world-readable, the printed job's bytes still in it.
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("UPDATE print_job SET document=? WHERE id=?", (f"^XA^FD{NAME}^FS^XZ".encode(), job))
    conn.commit()
    conn.close()
    os.chmod(path, 0o644)
    with PrintQueue(path, transport_factory=Printer().factory) as queue:
        assert mode(path) == 0o600
        assert queue.get(job, with_document=True).document is None
    assert NAME.encode() not in queue_bytes(path)


def test_spooled_files_are_owner_only(tmp_path):
    name = FolderTransport(tmp_path).send(b"%PDF-1.4 label", title="PD-1 1/1")
    assert mode(tmp_path / name) == 0o600


def test_zpl_comments_name_boxes_not_people():
    label = sample_label()
    zpl = render_label_zpl(label, "100x150", 203).decode()  # graphic mode: text goes as bitmaps
    comments = [line for line in zpl.splitlines() if line.startswith("^FX")]
    assert comments and "^FX recipient-address" in comments
    for personal in (label.recipient.name, label.recipient.phone, label.recipient.address.detail[:6], "深圳市"):
        assert personal not in zpl


def test_an_address_with_cr_lf_prints_as_pdf_and_zpl(tmp_path):
    base = sample_label()
    street = "科苑路15号\r\n3栋\r1201室\n前台"
    label = dataclasses.replace(base, recipient=dataclasses.replace(
        base.recipient, address=dataclasses.replace(base.recipient.address, detail=street)))
    assert Address(detail=street).detail_parts() == ["科苑路15号", "3栋", "1201室", "前台"]
    assert Address(detail="Flat 3\r\n12 High St", city="Leeds", country="GB").lines()[:2] == ("Flat 3", "12 High St")
    zpl = render_label_zpl(label, "100x150", 203, text_mode="printer-font").decode()
    assert "科苑路15号 3栋 1201室 前台" in zpl and "\r" not in zpl
    assert zpl.count("^XA") == 1 and zpl.rstrip().endswith("^XZ")
    assert render_label_zpl(label, "100x180", 300).startswith(b"^XA")
    pdf = tmp_path / "label.pdf"
    pdf.write_bytes(render_label_pdf(label, "100x150"))
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: run scripts/system-deps.sh")
    shown = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    assert "1201" in shown and "前台" in shown


# ─── badges ─────────────────────────────────────────────────────────────────────


@pytest.fixture
def demo(tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    db = Database.open(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    build_demo(db, orders=0, seed=1)
    yield db
    db.dispose()


def test_badges_are_stored_as_keyed_hashes_and_the_demo_badges_sign_in(demo, tmp_path):
    badges = [badge for *_rest, badge in demo_data.USERS]
    assert "BADGE-P00001" in badges and "BADGE-A00001" in badges  # the README's table
    raw = (tmp_path / "demo.sqlite3").read_bytes()
    for badge in badges:
        assert badge.encode() not in raw
    with demo.unit_of_work() as uow:
        stored = set(uow.session.scalars(select(models.User.badge_hash)))
        key = uow.session.scalar(select(models.BadgeKey.key))
        assert len(key) == 32
        assert stored == {auth.badge_digest(uow.session, b) for b in badges}
    for login, _name, role, _pin, badge in demo_data.USERS:
        with demo.unit_of_work() as uow:
            actor = auth.sign_in_with_badge(uow, f" {badge}\n", "PICK-01")
            assert (actor.login, actor.role.value) == (login, role)
    with demo.unit_of_work() as uow, pytest.raises(auth.SignInRefused):
        auth.sign_in_with_badge(uow, "BADGE-P00009", "PICK-01")


def test_a_badge_hash_from_another_database_does_not_match(demo, tmp_path, monkeypatch):
    other = Database.open(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        with demo.unit_of_work() as a, other.unit_of_work() as b:
            assert auth.badge_digest(a.session, "BADGE-P00001") != auth.badge_digest(b.session, "BADGE-P00001")
    finally:
        other.dispose()


def _badges_survive_the_migration(url: str) -> None:
    engine = create_engine(url)
    try:
        migrate.upgrade(engine, "0001")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO users (login, display_name, role, pin_hash, badge_code, active,"
                              " failed_attempts) VALUES ('old1', 'Old', 'picker', 'x', 'BADGE-OLD001', :t, 0)"),
                         {"t": True})
            conn.execute(text("INSERT INTO stations (name, kind) VALUES ('PICK-09', 'pick')"))
        migrate.upgrade(engine)
        with engine.connect() as conn:
            columns = {c["name"] for c in __import__("sqlalchemy").inspect(conn).get_columns("users")}
            assert "badge_code" not in columns and "badge_hash" in columns
            (stored,) = conn.execute(text("SELECT badge_hash FROM users WHERE login = 'old1'")).one()
            assert stored != "BADGE-OLD001" and len(stored) == 64
    finally:
        engine.dispose()
    db = Database.open(url)
    try:
        with db.unit_of_work() as uow:
            assert auth.sign_in_with_badge(uow, "BADGE-OLD001", "PICK-09").login == "old1"
    finally:
        db.dispose()


def test_migration_hashes_existing_badges_on_sqlite(tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    _badges_survive_the_migration(f"sqlite:///{tmp_path / 'old.sqlite3'}")


@pytest.mark.postgres
def test_migration_hashes_existing_badges_on_postgresql(pg_empty_url, tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    _badges_survive_the_migration(pg_empty_url)


# ─── spreadsheet cells ──────────────────────────────────────────────────────────

EVIL = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_safe_cell_neutralises_formula_starts_only_in_text():
    assert [safe_cell(v) for v in EVIL] == ["'" + v for v in EVIL]
    assert safe_cell(-5) == -5 and safe_cell(Decimal("-1.50")) == Decimal("-1.50") and safe_cell(None) == ""
    assert safe_cell("张伟 = ok") == "张伟 = ok"


def assert_no_formula_cell(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_manifest_and_replenishment_csv_cells_are_neutralised():
    row = ManifestRow("PCL-1", EVIL[0], EVIL[3], "standard", "1/1", 500, EVIL[1], EVIL[2], None, None)
    sheet = ManifestSheet("MF-1", "ZTO", "ZTO", "SZ1", datetime(2026, 11, 23).date(),
                          datetime(2026, 11, 23, tzinfo=UTC), (row,))
    rows = list(csv.reader(io.StringIO(manifest_csv(sheet))))[1:]
    assert_no_formula_cell(rows)
    assert rows[0][5] == "'" + EVIL[0]
    r = ReplenishmentRow(1, datetime(2026, 11, 23, tzinfo=UTC), "open", "low_stock", "SZ1", EVIL[3], EVIL[4],
                         EVIL[1], "06901234567892", EVIL[0], 5, -2, 10)
    rows = list(csv.reader(io.StringIO(replenishment_csv([r]))))[1:]
    assert rows[0][9] == "'" + EVIL[0] and rows[0][11] == "-2"  # a negative number stays a number
    assert_no_formula_cell([rows[0][:11] + rows[0][12:]])


def test_report_csv_and_xlsx_cells_are_neutralised(tmp_path, monkeypatch):
    from test_figures import END, START, build

    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    db = Database.open(f"sqlite:///{tmp_path / 'f.sqlite3'}")
    try:
        build(db)
        from desktop.domain.actor import Actor
        from desktop.domain.roles import Role
        from desktop.services.figures import compute_figures

        with db.unit_of_work(Actor(None, "super1", "S", Role.SUPERVISOR, "T")) as uow:
            figures = compute_figures(uow, START, END)
    finally:
        db.dispose()
    figures = dataclasses.replace(
        figures, pickers=tuple(dataclasses.replace(p, display_name=EVIL[0], login=EVIL[3]) for p in figures.pickers),
        satisfaction_by_category=(CategoryScore(EVIL[1], 1, 5.0),), returns_by_reason=((EVIL[2], 1),))
    rows = list(csv.reader(io.StringIO(figures.to_csv())))
    assert any(cell == "'" + EVIL[1] for row in rows for cell in row)
    assert_no_formula_cell([[c for c in row if not c.lstrip("-").replace(".", "").isdigit()] for row in rows])
    path = tmp_path / "figures.xlsx"
    figures.to_xlsx(path)
    with zipfile.ZipFile(path) as book:
        sheets = [book.read(n).decode() for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
        strings = book.read("xl/sharedStrings.xml").decode()
    assert all("<f>" not in s for s in sheets)  # no formula cells at all
    assert "'=HYPERLINK" in strings.replace("&quot;", '"') and "'@SUM(A1)" in strings
