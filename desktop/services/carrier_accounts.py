"""Carrier accounts: how the warehouse reaches a carrier (or a messaging provider), entered as data.

* `set_account(uow, code, protocol, endpoint, partner_id, secret, options)` — an admin enters or
  changes an account; the secret is sealed like customer data (field "carrier_secret", bound to the
  code), so a copy of the database without the station key gives nothing away.
* `list_accounts(uow)` — what there is, never a secret (only whether one is kept).
* `sf_client(uow, carrier_code)` — the SF client of the carrier's account, its check word opened
  for this call, or None when the carrier has no active "sf" account (the demo carrier, offline).

Only the kinds that call a carrier may read an account (packer, supervisor, admin; the database
grants say the same: desktop/db/roles.py). Pickers and receivers get `NotAllowed` here and
"permission denied" at the server.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from desktop.db import models
from desktop.db.database import UnitOfWork
from desktop.db.types import utcnow
from desktop.domain.errors import InputRefused, NotFound
from desktop.domain.roles import Role, require_role

PROTOCOLS = ("sf", "kuaidi100", "cainiao", "aliyun_sms", "demo")
SECRET_FIELD = "carrier_secret"
CODE = re.compile(r"^[A-Z0-9_]{2,32}$")


@dataclass(frozen=True)
class AccountView:
    code: str
    protocol: str
    endpoint: str
    partner_id: str
    has_secret: bool
    options: dict[str, Any]
    active: bool
    updated_at: datetime | None
    id: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "protocol": self.protocol, "endpoint": self.endpoint,
                "partner_id": self.partner_id, "has_secret": self.has_secret, "options": self.options,
                "active": self.active, "updated_at": self.updated_at.isoformat() if self.updated_at else None}


def _view(a: models.CarrierAccount) -> AccountView:
    return AccountView(a.code, a.protocol, a.endpoint, a.partner_id, a.secret_sealed is not None,
                       dict(a.options or {}), a.active, a.updated_at, a.id)


def _checked(code: str, protocol: str, endpoint: str, partner_id: str) -> tuple[str, str, str, str]:
    code = (code or "").strip().upper()
    if not CODE.match(code):
        raise InputRefused("code", f"{code!r} is not an account code (2–32 letters, digits or _).",
                           f"{code!r} 不是有效的账户代码（2 至 32 位字母、数字或下划线）。")
    protocol = (protocol or "").strip().lower()
    if protocol not in PROTOCOLS:
        raise InputRefused("protocol", f"Unknown protocol {protocol!r}: one of {', '.join(PROTOCOLS)}.",
                           f"未知协议 {protocol!r}：可选 {', '.join(PROTOCOLS)}。")
    endpoint = (endpoint or "").strip()
    if protocol != "demo":
        parts = urllib.parse.urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.hostname or len(endpoint) > 300:
            raise InputRefused("url", f"{endpoint!r} is not an http(s) URL.", f"{endpoint!r} 不是 http(s) 地址。")
        if not (partner_id or "").strip():
            raise InputRefused("partner_id", "Give the partner / customer id the carrier issued.",
                               "请填写承运商分配的顾客编码 / 客户号。")
    partner_id = (partner_id or "").strip()
    if len(partner_id) > 80:
        raise InputRefused("partner_id", "The partner id is longer than 80 characters.", "顾客编码超过 80 个字符。")
    return code, protocol, endpoint, partner_id


def set_account(uow: UnitOfWork, code: str, protocol: str, endpoint: str, partner_id: str,
                secret: str | None, options: Mapping[str, Any] | None = None, *, active: bool = True) -> AccountView:
    """Enter or change an account (an admin's). `secret=None` keeps the one already sealed."""
    require_role(uow.actor.role, Role.ADMIN)
    code, protocol, endpoint, partner_id = _checked(code, protocol, endpoint, partner_id)
    if secret is not None and (not secret.strip() or len(secret) > 500):
        raise InputRefused("secret", "The secret is empty or longer than 500 characters.", "密钥为空或超过 500 个字符。")
    A = models.CarrierAccount
    account = uow.session.scalar(select(A).where(A.code == code))
    created = account is None
    if account is None:
        account = A(code=code, protocol=protocol)
        uow.session.add(account)
    account.protocol, account.endpoint, account.partner_id = protocol, endpoint, partner_id
    if options is not None:
        account.options = dict(options)
    if secret is not None:
        account.secret_sealed = uow.sealer.seal(secret.strip(), SECRET_FIELD, code)
    if protocol != "demo" and account.secret_sealed is None:
        raise InputRefused("secret", f"The {protocol} account needs its secret (--secret-stdin).",
                           f"{protocol} 账户需要密钥（--secret-stdin）。")
    account.active, account.updated_at, account.updated_by = active, utcnow(), uow.actor.user_id
    uow.session.flush()
    uow.audit("carrier_account_set", "carrier_account", code, protocol=protocol, endpoint=endpoint,
              partner_id=partner_id, secret_changed=secret is not None, created=created)
    uow.commit()
    return _view(account)


def list_accounts(uow: UnitOfWork) -> list[AccountView]:
    require_role(uow.actor.role, Role.PACKER, Role.SUPERVISOR)
    A = models.CarrierAccount
    return [_view(a) for a in uow.session.scalars(select(A).order_by(A.code))]


def account_secret(uow: UnitOfWork, account: models.CarrierAccount) -> str:
    require_role(uow.actor.role, Role.PACKER, Role.SUPERVISOR)
    if account.secret_sealed is None:
        raise NotFound(f"The {account.code} account keeps no secret.", f"{account.code} 账户没有密钥。")
    return uow.sealer.open(account.secret_sealed, SECRET_FIELD, account.code)


def active_account(uow: UnitOfWork, code: str) -> models.CarrierAccount | None:
    A = models.CarrierAccount
    return uow.session.scalar(select(A).where(A.code == code.strip().upper(), A.active.is_(True)))


def sf_client(uow: UnitOfWork, carrier_code: str):  # noqa: ANN201 — SfClient | None
    """The carrier's SF client, or None when it has no active "sf" account (the demo carrier)."""
    from desktop.partners.carriers.sf import SfClient

    require_role(uow.actor.role, Role.PACKER, Role.SUPERVISOR)
    account = active_account(uow, carrier_code)
    if account is None or account.protocol != "sf":
        return None
    options = account.options or {}
    return SfClient(account.endpoint, account.partner_id, account_secret(uow, account),
                    monthly_card=str(options.get("monthly_card", "")),
                    timeout=float(options.get("timeout_s", 10)))


def messaging_account(uow: UnitOfWork, protocol: str):  # noqa: ANN201 — Kuaidi100Account | AliyunSmsAccount | None
    """The tracking or SMS provider's account kept in `carrier_accounts`, its secret opened for this call;
    None when there is no active account of that protocol.

    How the row's fields map (docs/carriers.md, "Accounts"):
    * `kuaidi100` — partner id = the customer id, secret = the key, endpoint = the subscribe (poll) URL;
      options `salt`, `callback_url`, `query_url`.
    * `aliyun_sms` — partner id = the AccessKey id, secret = the AccessKey secret, endpoint = the API;
      options `sign_name`, `templates` ({kind: {"zh": CODE, "en": CODE}}).
    """
    from desktop.domain.errors import ConfigurationError
    from desktop.partners.aliyun_sms import AliyunSmsAccount
    from desktop.partners.kuaidi100 import POLL_URL, QUERY_URL, Kuaidi100Account

    require_role(uow.actor.role, Role.PACKER, Role.SUPERVISOR)
    A = models.CarrierAccount
    account = uow.session.scalar(select(A).where(A.protocol == protocol, A.active.is_(True)).order_by(A.code))
    if account is None:
        return None
    options = dict(account.options or {})
    secret = account_secret(uow, account)
    if protocol == "kuaidi100":
        return Kuaidi100Account(key=secret, customer=account.partner_id, salt=str(options.get("salt", "")),
                                callback_url=str(options.get("callback_url", "")),
                                poll_url=account.endpoint or POLL_URL,
                                query_url=str(options.get("query_url") or QUERY_URL))
    if protocol == "aliyun_sms":
        templates = options.get("templates")
        if isinstance(templates, str):  # entered as JSON text with --option templates=…
            import json

            try:
                templates = json.loads(templates)
            except ValueError:
                templates = None
        if not options.get("sign_name") or not isinstance(templates, dict):
            raise ConfigurationError(
                f"The {account.code} SMS account needs the options sign_name and templates.",
                f"{account.code} 短信账户需要选项 sign_name 与 templates。")
        return AliyunSmsAccount(access_key_id=account.partner_id, access_key_secret=secret,
                                sign_name=str(options["sign_name"]), templates=templates,
                                endpoint=account.endpoint)
    raise ConfigurationError(f"{protocol!r} is not a messaging protocol (kuaidi100, aliyun_sms).",
                             f"{protocol!r} 不是消息服务协议（kuaidi100、aliyun_sms）。")
