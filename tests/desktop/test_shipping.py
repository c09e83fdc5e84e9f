"""Hand-over and manifests on the demo: every refusal typed and bilingual, the left-behind flagged."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from aftersales_helpers import call, packed_and_labelled, parcel_of
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.domain.errors import NotAllowed, NotFound
from desktop.services import shipping

# Labels are stamped by the wall clock when packing prints them, so the hand-over day is today's.
TODAY = datetime.now(UTC).date()


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    database = Database.open(f"sqlite:///{tmp_path / 's.sqlite3'}")
    build_demo(database, orders=40, seed=3, as_of=TODAY)
    yield database
    database.dispose()


def refusal(db, code, carrier):
    with pytest.raises(shipping.HandoverRefused) as info:
        call(db, "packer1", shipping.handover_scan, code, carrier, day=TODAY)
    assert info.value.message != info.value.message_zh  # both languages
    return info.value.reason


def test_handover_refusals_are_typed(db):
    orders = packed_and_labelled(db, TODAY)
    code, number, carrier = parcel_of(db, orders[0])
    other = "EMS" if carrier != "EMS" else "SF"
    assert refusal(db, "PCL-9999999999", carrier) == "unknown"
    assert refusal(db, code, other) == "wrong_carrier"
    with db.unit_of_work() as uow:  # a parcel sealed at packing whose label has not been printed yet
        sealed = uow.session.scalar(select(models.Parcel).where(models.Parcel.status == "labelled",
                                                                models.Parcel.code != code).order_by(models.Parcel.id))
        sealed.status, sealed.label_printed_at = "sealed", None
        demo_parcel = sealed.code
        uow.commit()
    assert refusal(db, demo_parcel, carrier) == "not_labelled"
    r = call(db, "packer1", shipping.handover_scan, number.lower(), carrier, day=TODAY)  # by tracking number
    assert (r.parcel, r.on_manifest) == (code, 1)
    assert refusal(db, code, carrier) == "already_manifested"
    with pytest.raises(NotAllowed):
        call(db, "picker1", shipping.handover_scan, code, carrier, day=TODAY)
    with pytest.raises(NotFound):
        call(db, "packer1", shipping.handover_scan, code, "DHL", day=TODAY)


def test_close_ships_complete_orders_and_flags_parcels_left_behind(db):
    orders = packed_and_labelled(db, TODAY)
    first, second = orders[0], orders[1]
    code1, _n, carrier1 = parcel_of(db, first)
    code2, _n, carrier2 = parcel_of(db, second)
    call(db, "packer1", shipping.handover_scan, code1, carrier1, day=TODAY)
    left = {p.parcel for p in call(db, "packer1", shipping.unmanifested_parcels, TODAY)}
    assert code2 in left and code1 not in left
    summary = call(db, "packer1", shipping.close_manifest, carrier1, TODAY)
    assert summary.orders_shipped == (first,) and summary.parcels == 1
    if carrier2 == carrier1:
        assert code2 in {p.parcel for p in summary.not_manifested}
        with db.unit_of_work() as uow:
            exc = uow.session.scalar(select(models.ExceptionCase).where(models.ExceptionCase.kind == "not_manifested"))
            assert exc.status == "open" and exc.detail["carrier"] == carrier1
    with pytest.raises(NotFound):  # nothing open any more
        call(db, "packer1", shipping.close_manifest, carrier1, TODAY)
    state = call(db, "packer1", shipping.manifest_state, carrier1, TODAY)
    assert state.status == "closed" and [r.parcel for r in state.parcels] == [code1]


def test_manifest_export_by_command_line(db, tmp_path, capsys, sign_in_as):
    from desktop.cli import main

    orders = packed_and_labelled(db, TODAY)
    code, number, carrier = parcel_of(db, orders[0])
    assert main(["handover", "--carrier", carrier, "--day", TODAY.isoformat(), code, "--db", db.url,
                 *sign_in_as("packer1", "3333")]) == 0
    assert main(["manifest", "close", "--carrier", carrier, "--day", TODAY.isoformat(), "--db", db.url,
                 *sign_in_as("packer1", "3333")]) == 0
    pdf, csv_path = tmp_path / "m.pdf", tmp_path / "m.csv"
    assert main(["manifest", "export", "--carrier", carrier, "--day", TODAY.isoformat(), "--pdf", str(pdf),
                 "--csv", str(csv_path), "--db", db.url]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert [(r["parcel"], r["tracking_no"], r["order"]) for r in rows] == [(code, number, orders[0])]
    assert main(["handover", "--carrier", carrier, code, "--db", db.url, *sign_in_as("packer1", "3333")]) == 1  # refused: already on a manifest
    assert "REFUSED" in capsys.readouterr().out
