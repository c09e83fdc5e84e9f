"""Scans built from a stop's own data, and the supervisor's reassignment as another station writes it."""

from __future__ import annotations


from gs1_scans import gs1_item
from sqlalchemy import select

from desktop.db import models
from desktop.db.database import Database
from desktop.domain.actor import Actor
from desktop.domain.picking import Step
from desktop.domain.roles import Role


item = gs1_item  # the shared builder in tests/gs1_scans.py


def good_unit(stop) -> str:  # noqa: ANN001 - a PickStop
    return item(stop.gtin14, stop.lot_code, stop.lot_expiry) if stop.lot_code else item(stop.gtin14)


def actor(db: Database, login: str, station: str = "SUP-01") -> Actor:
    with db.unit_of_work() as uow:
        u = uow.session.scalar(select(models.User).where(models.User.login == login))
        return Actor(u.id, u.login, u.display_name, Role(u.role), station)


def reassign(db: Database, code: str, to_login: str) -> str:
    """What the supervisor's console does on its own station: a new picker, audited and announced."""
    with db.unit_of_work(actor(db, "super1")) as uow:
        batch = uow.session.scalar(select(models.PickBatch).where(models.PickBatch.code == code))
        before = batch.picker.login if batch.picker else None
        batch.picker = uow.session.scalar(select(models.User).where(models.User.login == to_login))
        uow.audit("batch_reassigned", "pick_batch", code, **{"from": before, "to": to_login})
        uow.announce("batches", code, event="reassigned", picker=to_login, from_picker=before)
        uow.commit()
        return before or ""


def to_the_cart(ws) -> None:  # noqa: ANN001 - a PickerWorkspace
    """At the cart: the suggested totes go on it (F6), as a picker in a hurry does."""
    ws.take_suggested_totes()
    assert ws.session.step is not Step.CART


def into_the_tote(window, ws) -> None:  # noqa: ANN001
    """The stop's units are in hand: into its tote, and the tote scanned."""
    if ws.session is not None and ws.session.step is Step.PUT:
        window.on_scan(ws.session.current.tote_code)


def drop_off(window, ws) -> None:  # noqa: ANN001
    """Every stop done: each tote scanned at the packing drop-off."""
    while ws.session is not None and ws.session.step is Step.DROP_OFF:
        window.on_scan(ws.session.totes_to_drop[0])
