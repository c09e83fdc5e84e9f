"""Where the messaging partners' credentials come from: `accounts_for(protocol)`.

An account is read here from the command line's flags (`overrides`) and the station's environment —
for trying an account before an admin enters it. The accounts a warehouse keeps are rows of
`carrier_accounts` (secrets sealed), read by `desktop.services.carrier_accounts.messaging_account`,
which the commands use when nothing here names one; callers only see the config dataclasses below.

| protocol | variables |
| --- | --- |
| `kuaidi100` | PICKDESK_KUAIDI100_KEY, PICKDESK_KUAIDI100_CUSTOMER, PICKDESK_KUAIDI100_SALT, PICKDESK_KUAIDI100_CALLBACK_URL, PICKDESK_KUAIDI100_POLL_URL, PICKDESK_KUAIDI100_QUERY_URL |
| `aliyun_sms` | PICKDESK_SMS_ACCESS_KEY_ID, PICKDESK_SMS_ACCESS_KEY_SECRET, PICKDESK_SMS_SIGN_NAME, PICKDESK_SMS_TEMPLATES (JSON, or @FILE), PICKDESK_SMS_ENDPOINT |

An account that is not configured at all gives an empty list; a half-configured one is a
`ConfigurationError` naming what is missing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

from desktop.domain.errors import ConfigurationError
from desktop.partners.aliyun_sms import DEFAULT_ENDPOINT, AliyunSmsAccount
from desktop.partners.kuaidi100 import POLL_URL, QUERY_URL, Kuaidi100Account

PROTOCOLS = ("kuaidi100", "aliyun_sms")


def _templates(text: str) -> dict[str, dict[str, str]]:
    try:
        raw = Path(text[1:]).read_text(encoding="utf-8") if text.startswith("@") else text
        data = json.loads(raw)
    except (OSError, ValueError) as exc:
        raise ConfigurationError(f"The SMS templates are not readable JSON: {exc}",
                                 f"短信模板配置不是可读的 JSON：{exc}") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) and all(isinstance(c, str) for c in v.values())
                                             for v in data.values()):
        raise ConfigurationError('The SMS templates must map a kind to {"zh": CODE, "en": CODE}.',
                                 '短信模板配置须为 {类型: {"zh": 模板码, "en": 模板码}}。')
    return data


def _need(protocol: str, values: Mapping[str, str | None], names: tuple[str, ...]) -> None:
    missing = [n for n in names if not values.get(n)]
    if missing:
        raise ConfigurationError(f"The {protocol} account lacks {', '.join(missing)}.",
                                 f"{protocol} 账户缺少 {', '.join(missing)}。")


def accounts_for(protocol: str, *, env: Mapping[str, str] | None = None,
                 overrides: Mapping[str, str | None] | None = None) -> list[Kuaidi100Account | AliyunSmsAccount]:
    env = os.environ if env is None else env
    given = {k: v for k, v in (overrides or {}).items() if v}
    if protocol == "kuaidi100":
        keys = ("key", "customer", "salt", "callback_url", "poll_url", "query_url")
        v = {k: given.get(k) or env.get(f"PICKDESK_KUAIDI100_{k.upper()}") for k in keys}
        if not any(v[k] for k in ("key", "customer")):
            return []
        _need(protocol, v, ("key", "customer"))
        return [Kuaidi100Account(key=v["key"], customer=v["customer"], salt=v["salt"] or "",  # type: ignore[arg-type]
                                 callback_url=v["callback_url"] or "", poll_url=v["poll_url"] or POLL_URL,
                                 query_url=v["query_url"] or QUERY_URL)]
    if protocol == "aliyun_sms":
        keys = ("access_key_id", "access_key_secret", "sign_name", "templates", "endpoint")
        v = {k: given.get(k) or env.get(f"PICKDESK_SMS_{k.upper()}") for k in keys}
        if not v["access_key_id"]:
            return []
        _need(protocol, v, ("access_key_id", "access_key_secret", "sign_name", "templates"))
        return [AliyunSmsAccount(access_key_id=v["access_key_id"], access_key_secret=v["access_key_secret"],  # type: ignore[arg-type]
                                 sign_name=v["sign_name"], templates=_templates(v["templates"]),  # type: ignore[arg-type]
                                 endpoint=v["endpoint"] or DEFAULT_ENDPOINT)]
    raise ConfigurationError(f"Unknown messaging protocol {protocol!r} (one of {', '.join(PROTOCOLS)}).",
                             f"未知的协议 {protocol!r}（可选：{', '.join(PROTOCOLS)}）。")
