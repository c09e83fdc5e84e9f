"""Sending e-mail over SMTP with the standard library: the outbox's one way out.

`SmtpSettings` says where the relay is; `send_message` opens one connection per call (the outbox is
small and sends rarely), with STARTTLS or implicit TLS when configured, and raises `SmtpFailed`
(a typed, bilingual error) for anything the relay or the network refuses.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

from desktop.domain.errors import PickdeskError


class SmtpFailed(PickdeskError):
    code = "smtp_failed"


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 25
    sender: str = "Pickdesk <noreply@pickdesk.invalid>"
    username: str | None = None
    password: str | None = None
    security: str = "none"  # none, starttls, tls
    timeout_s: float = 10.0


def send_message(settings: SmtpSettings, message: EmailMessage) -> None:
    try:
        if settings.security == "tls":
            client: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout_s,
                                                    context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout_s)
        with client:
            if settings.security == "starttls":
                client.starttls(context=ssl.create_default_context())
            if settings.username:
                client.login(settings.username, settings.password or "")
            client.send_message(message)
    except (smtplib.SMTPException, OSError, socket.timeout) as exc:
        raise SmtpFailed(f"The mail server refused or could not be reached: {exc}",
                         f"邮件服务器拒绝或无法连接：{exc}") from exc
