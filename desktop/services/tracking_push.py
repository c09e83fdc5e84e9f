"""Tracking by push: subscribe the shipments in transit with Kuaidi100, and receive what it pushes.

* `subscribe_in_transit(uow, client)` — every shipment in transit whose carrier Kuaidi100 tracks
  (`desktop.partners.kuaidi100.company_for`) and that has no subscription yet, or whose subscription
  was aborted and is due again, is subscribed; the answer is kept in `tracking_subscriptions`
  (subscribed / refused with Kuaidi100's message; an unreachable service leaves it for next time).
* `receive_push(uow, form, salt)` — one push, checked (`parse_push`: the sign when a salt is set) and
  imported through `desktop.services.tracking.import_events` (source "kuaidi100": the same once-only
  rule as `pickdesk tracking poll`, so an `updateall` re-push adds nothing twice). `shutdown` ends the
  subscription; `abort` marks it to subscribe again after `RESUBSCRIBE_AFTER` — unless Kuaidi100 says
  the number has not moved for 60 days, then a person looks (it stays `abort`, not due).
* `PushServer` — the small HTTP endpoint `pickdesk tracking serve` runs: POST a form, get
  {"result": true, "returnCode": "200", "message": "成功"}; a push it refuses (bad sign, garbage, too
  big) gets {"result": false, "returnCode": "400", …} and a failure of ours "500" so Kuaidi100 pushes
  again. Never a traceback to the caller.
"""

from __future__ import annotations

import json
import logging
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.db import models
from desktop.db.database import Database, UnitOfWork
from desktop.db.retry import run_with_retry
from desktop.db.types import utcnow
from desktop.domain.actor import Actor
from desktop.domain.errors import PickdeskError
from desktop.domain.roles import Role, require_role
from desktop.partners.kuaidi100 import PUSH_OK, Kuaidi100Client, Kuaidi100Refused, PushRefused, company_for, parse_push
from desktop.services.tracking import ImportResult, import_events, in_transit

log = logging.getLogger(__name__)

RESUBSCRIBE_AFTER = timedelta(hours=6)
PHONE_TAIL_COMPANIES = frozenset({"shunfeng", "shunfengkuaiyun"})
MAX_PUSH_BYTES = 1_000_000


@dataclass
class SubscribeReport:
    subscribed: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (tracking no, why)
    later: list[tuple[str, str]] = field(default_factory=list)  # unreachable / server error: next run
    untracked: list[str] = field(default_factory=list)  # carrier not known to Kuaidi100

    def to_dict(self) -> dict[str, object]:
        return {"subscribed": self.subscribed, "refused": [list(r) for r in self.refused],
                "later": [list(r) for r in self.later], "untracked": self.untracked}


def subscribe_in_transit(uow: UnitOfWork, client: Kuaidi100Client, *, now: datetime | None = None) -> SubscribeReport:
    require_role(uow.actor.role, Role.SUPERVISOR)
    now = now or utcnow()
    T = models.TrackingSubscription
    report = SubscribeReport()
    existing = {s.shipment_id: s for s in uow.session.scalars(select(T))}
    for shipment in in_transit(uow):
        sub = existing.get(shipment.id)
        if sub is not None and not (sub.status == "abort" and sub.resubscribe_at is not None
                                    and sub.resubscribe_at <= now):
            continue
        company = company_for(shipment.carrier.code, shipment.carrier.definition)
        if company is None:
            report.untracked.append(shipment.tracking_no)
            continue
        tail = ""
        if company in PHONE_TAIL_COMPANIES:  # Kuaidi100 tracks these only with the recipient's phone's last 4
            phone = uow.sealer.open(shipment.order.customer_phone_sealed, "customer_phone", shipment.order.order_no)
            tail = "".join(ch for ch in phone if ch.isdigit())[-4:]
        try:
            answer = client.subscribe(company, shipment.tracking_no, phone_tail=tail,
                                      destination=shipment.order.ship_city)
        except Kuaidi100Refused as exc:
            if exc.retryable:
                report.later.append((shipment.tracking_no, exc.message))
                continue
            status, message = "refused", exc.message
            report.refused.append((shipment.tracking_no, exc.message))
        else:
            status, message = "subscribed", answer
            report.subscribed.append(shipment.tracking_no)
        if sub is None:
            sub = T(shipment_id=shipment.id, provider="kuaidi100", company=company, attempts=0, pushes=0)
            uow.session.add(sub)
        sub.status, sub.last_message, sub.updated_at = status, message[:300], now
        sub.attempts = (sub.attempts or 0) + 1
        sub.resubscribe_at = None
    uow.audit("tracking_subscribed", "tracking", "kuaidi100", subscribed=len(report.subscribed),
              refused=len(report.refused), later=len(report.later))
    uow.commit()
    return report


@dataclass(frozen=True)
class PushOutcome:
    number: str
    status: str
    imported: ImportResult


def receive_push(uow: UnitOfWork, form: dict[str, str], salt: str = "", *,
                 now: datetime | None = None) -> PushOutcome:
    """One push from Kuaidi100, checked and imported; one commit. Raises PushRefused for a bad one."""
    require_role(uow.actor.role, Role.SUPERVISOR)
    notice = parse_push(form, salt)
    now = now or utcnow()
    T, S = models.TrackingSubscription, models.Shipment
    sub = uow.session.scalar(select(T).join(S, T.shipment_id == S.id).where(S.tracking_no == notice.number)
                             .options(selectinload(T.shipment)))
    if sub is not None:
        sub.pushes = (sub.pushes or 0) + 1
        sub.last_message = (notice.message or notice.status)[:300]
        sub.updated_at = now
        if notice.status == "shutdown":
            sub.status, sub.resubscribe_at = "shutdown", None
        elif notice.status == "abort":
            sub.status = "abort"
            # "60天无变化": the number has gone quiet for good — a person decides; else subscribe again later
            sub.resubscribe_at = None if "60天" in notice.message else now + RESUBSCRIBE_AFTER
        else:
            sub.status, sub.resubscribe_at = "polling", None
    result = import_events(uow, list(notice.events), "kuaidi100")  # commits
    return PushOutcome(notice.number, notice.status, result)


def _answer(ok: bool, code: str, message: str) -> bytes:
    body = PUSH_OK if ok else {"result": False, "returnCode": code, "message": message}
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


class PushServer:
    """The push endpoint: a threading HTTP server whose every push runs in its own unit of work."""

    def __init__(self, db: Database, actor: Actor, salt: str = "", host: str = "127.0.0.1", port: int = 0,
                 on_push: Callable[[PushOutcome], None] | None = None) -> None:
        self.db, self.actor, self.salt, self.on_push = db, actor, salt, on_push
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _send(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json;charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802
                self._send(405, _answer(False, "405", "POST a form (param, sign)"))

            def do_POST(self) -> None:  # noqa: N802
                try:
                    length = int(self.headers.get("Content-Length") or 0)
                except ValueError:
                    length = -1
                if length < 0 or length > MAX_PUSH_BYTES:
                    self._send(413, _answer(False, "400", "push too large or without a length"))
                    return
                raw = self.rfile.read(length)
                self._send(*server.handle(raw, self.headers.get("Content-Type", "")))

            def log_message(self, fmt: str, *args: object) -> None:
                log.info("push %s", fmt % args)

        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.thread: threading.Thread | None = None

    @property
    def address(self) -> tuple[str, int]:
        host, port = self.httpd.server_address[:2]
        return str(host), int(port)

    @property
    def url(self) -> str:
        host, port = self.address
        return f"http://{host}:{port}/"

    def handle(self, raw: bytes, content_type: str) -> tuple[int, bytes]:
        """(HTTP status, answer) for one request body."""
        try:
            text = raw.decode("utf-8")
            if "json" in content_type.lower():
                raise PushRefused("not_form", "a push is a form, not JSON", "推送应为表单而非 JSON")
            form = {k: v[0] for k, v in urllib.parse.parse_qs(text, keep_blank_values=True, strict_parsing=False,
                                                              max_num_fields=20).items()}
            # two pushes at once (the server is threaded) may collide: a lost race is run again
            outcome = run_with_retry(self.db, lambda uow: receive_push(uow, form, self.salt), actor=self.actor)
        except UnicodeDecodeError:
            return 400, _answer(False, "400", "the body is not UTF-8")
        except ValueError as exc:  # parse_qs: too many fields
            return 400, _answer(False, "400", str(exc)[:200])
        except PushRefused as exc:
            log.warning("push refused: %s", exc.message)
            return 400, _answer(False, "400", exc.message_zh)
        except PickdeskError as exc:
            log.warning("push not imported: %s", exc.message)
            return 500, _answer(False, "500", exc.message_zh)
        except Exception:  # noqa: BLE001 - the database, anything: Kuaidi100 pushes again later
            log.exception("push failed")
            return 500, _answer(False, "500", "服务器错误，请稍后重推")
        if self.on_push:
            self.on_push(outcome)
        return 200, _answer(True, "200", "成功")

    def start(self) -> PushServer:
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="kuaidi100-push", daemon=True)
        self.thread.start()
        return self

    def serve_forever(self) -> None:
        self.httpd.serve_forever()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
