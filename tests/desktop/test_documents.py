"""Labels and slips from the database: the right data, opened only for those allowed, audited."""

import json
import subprocess

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.actor import Actor
from desktop.domain.errors import NotAllowed, NotFound
from desktop.domain.roles import Role
from desktop.services.documents import NotReadyToPrint, packing_slip, shipping_labels


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("docs") / "d.sqlite3"
    db = Database.open(f"sqlite:///{path}")
    build_demo(db, orders=40, seed=11)
    yield db
    db.dispose()


def order_in(db, *statuses, multi=False):
    with db.unit_of_work() as uow:
        q = select(models.Order.order_no).where(models.Order.status.in_(statuses))
        if multi:
            q = q.join(models.Parcel).where(models.Parcel.of > 1).distinct()
        return uow.session.scalars(q.order_by(models.Order.order_no)).first()


PACKER = Actor(user_id=None, login="packer1", display_name="Zhao Min", role=Role.PACKER, station="PACK-01")
PICKER = Actor(user_id=None, login="picker1", display_name="Li Na", role=Role.PICKER, station="PICK-01")


def test_one_label_per_parcel_with_the_opened_recipient(db):
    order_no = order_in(db, "shipped", "delivered", "completed", "refused", "returned", "lost", multi=True)
    with db.unit_of_work(PACKER) as uow:
        labels = shipping_labels(uow, order_no)
        order = uow.session.scalar(select(models.Order).where(models.Order.order_no == order_no))
        name = uow.sealer.open(order.customer_name_sealed, "customer_name", order_no)
        tracking = {p.shipment.tracking_no for p in order.parcels}
        uow.commit()
    assert [(lb.parcel_index, lb.parcel_count) for lb in labels] == [(1, 2), (2, 2)]
    assert {lb.tracking_number for lb in labels} == tracking
    assert all(lb.recipient.name == name and lb.order_number == order_no for lb in labels)
    with db.unit_of_work() as uow:
        audit = uow.session.scalars(select(models.AuditEntry).where(models.AuditEntry.action == "customer_data_opened")
                                    .where(models.AuditEntry.entity_id == order_no)).all()
    assert audit and audit[-1].detail["purpose"] == "shipping_label"


def test_pickers_may_not_open_customer_data(db):
    with db.unit_of_work(PICKER) as uow, pytest.raises(NotAllowed):
        shipping_labels(uow, order_in(db, "shipped"))
    with db.unit_of_work(PICKER) as uow, pytest.raises(NotAllowed):
        packing_slip(uow, order_in(db, "shipped"))


def test_unknown_order_and_unpacked_order_are_typed_errors(db):
    with db.unit_of_work(PACKER) as uow, pytest.raises(NotFound):
        shipping_labels(uow, "NOPE-1")
    with db.unit_of_work(PACKER) as uow, pytest.raises(NotReadyToPrint):
        shipping_labels(uow, order_in(db, "ready"))
    with db.unit_of_work(PACKER) as uow, pytest.raises(NotFound):
        shipping_labels(uow, order_in(db, "shipped"), parcel=9)


def test_slip_lists_every_line_with_lots(db):
    order_no = order_in(db, "packed")
    with db.unit_of_work(PACKER) as uow:
        slip = packing_slip(uow, order_no)
        order = uow.session.scalar(select(models.Order).where(models.Order.order_no == order_no))
        assert [ln.sku for ln in slip.lines] == [ln.sku.sku_code for ln in order.lines]
        assert slip.return_instructions == order.merchant.return_instructions


def test_label_command_writes_a_pdf_whose_barcode_decodes(db, tmp_path, capsys, monkeypatch, sign_in_as):
    monkeypatch.delenv("PICKDESK_DB_URL", raising=False)
    order_no = order_in(db, "shipped")
    out = tmp_path / "label.pdf"
    # Its labels came out at packing: printing them again is a reprint, which needs a reason (issue 18).
    assert main(["label", order_no, "--db", db.url, "-o", str(out), *sign_in_as("packer1", "3333")]) == 2
    assert "a reprint needs a reason" in capsys.readouterr().err and not out.exists()
    assert main(["label", order_no, "--db", db.url, "-o", str(out), "--reason", "label torn",
                 *sign_in_as("packer1", "3333")]) == 0
    with db.unit_of_work() as uow:
        counted = uow.session.scalars(select(models.Parcel.reprints).join(models.Order)
                                      .where(models.Order.order_no == order_no)).all()
        reason = uow.session.scalar(select(models.AuditEntry.detail).where(models.AuditEntry.action == "label_reprinted")
                                    .order_by(models.AuditEntry.id.desc()).limit(1))
    assert counted and all(n == 1 for n in counted) and reason["reason"] == "label torn"
    subprocess.run(["pdftoppm", "-r", "203", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p*.png"))
    decoded = subprocess.run(["zbarimg", "--raw", "-q", "-Scode128.enable=1", str(png)], capture_output=True,
                             text=True).stdout.split()
    with db.unit_of_work() as uow:
        numbers = set(uow.session.scalars(select(models.Shipment.tracking_no).join(models.Order)
                                          .where(models.Order.order_no == order_no)))
    assert set(decoded) & numbers
    zpl = tmp_path / "label.zpl"
    assert main(["label", order_no, "--db", db.url, "--format", "zpl", "--size", "100x180", "-o", str(zpl),
                 "--reason", "printer swapped", *sign_in_as("packer1", "3333")]) == 0
    assert zpl.read_bytes().startswith(b"^XA") and b"^CI28" in zpl.read_bytes()
    capsys.readouterr()
    assert main(["label", "NOPE-1", "--db", db.url, "-o", str(tmp_path / "x.pdf"), *sign_in_as("packer1", "3333")]) == 2
    assert "No order" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()
    slip = tmp_path / "slip.pdf"
    assert main(["slip", order_no, "--db", db.url, "-o", str(slip), *sign_in_as("super1", "5555")]) == 0
    text = subprocess.run(["pdftotext", str(slip), "-"], capture_output=True, text=True).stdout
    assert order_no in text
