"""The command line of the messaging partners: `pickdesk notify send --sms`, `pickdesk tracking subscribe`
and `pickdesk tracking serve` (a real process on a real port, pushed to by the Kuaidi100 simulator)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.db import models
from desktop.db.database import Database
from desktop.demo.builder import build_demo
from desktop.services.notifications import queue_notification
from tests.simulators.aliyun_sms import AliyunSmsSimulator
from tests.simulators.kuaidi100 import Kuaidi100Simulator

TEMPLATES = {"shipped": {"zh": "SMS_1", "en": "SMS_1"}}


@pytest.fixture
def central(tmp_path, monkeypatch):
    monkeypatch.setenv("PICKDESK_DATA_DIR", str(tmp_path))
    db = Database.open(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    build_demo(db, orders=30, seed=3)
    yield db
    db.dispose()


def queue_sms(db: Database) -> str:
    with db.unit_of_work() as uow:
        o = uow.session.scalar(select(models.Order).where(models.Order.status == "shipped").order_by(models.Order.id))
        o.customer_email_sealed = None
        o.customer_phone_sealed = uow.sealer.seal("+86 139 0013 9000", "customer_phone", o.order_no)
        queue_notification(uow, o, "shipped", tracking_no="SF1", carrier="顺丰")
        uow.commit()
        return o.order_no


def test_notify_send_learns_sms(central, capsys, sign_in_as, monkeypatch):
    sim = AliyunSmsSimulator(templates={"SMS_1": "订单${order}已发货"}).start()
    try:
        queue_sms(central)
        monkeypatch.setenv("PICKDESK_SMS_ACCESS_KEY_SECRET", "pickdesk-test-secret")
        base = ["notify", "send", "--sms", "--sms-key-id", "LTAI5tPickdeskTest", "--sms-sign-name", "拣货台商城",
                "--sms-templates", json.dumps(TEMPLATES), "--sms-endpoint", sim.url, "--db", central.url]
        assert main([*base, *sign_in_as("super1", "5555")]) == 0
        out = json.loads(capsys.readouterr().out)
        assert out["sms"]["sent"] >= 1 and out["sms"]["failed"] == 0, out
        assert sim.sent and all(s.content.startswith("【拣货台商城】订单") for s in sim.sent)
        assert main(["notify", "send", "--sms-reports", "--sms-key-id", "LTAI5tPickdeskTest", "--sms-sign-name",
                     "拣货台商城", "--sms-templates", json.dumps(TEMPLATES), "--sms-endpoint", sim.url,
                     "--db", central.url, *sign_in_as("super1", "5555")]) == 0
        assert json.loads(capsys.readouterr().out)["sms_reports"]["delivered"] == len(sim.sent)
        # half an account, or none: a clear refusal, status 2
        assert main(["notify", "send", "--sms", "--sms-key-id", "X", "--db", central.url,
                     *sign_in_as("super1", "5555")]) == 2
        err = capsys.readouterr().err
        assert "lacks sign_name, templates" in err and "Traceback" not in err
        monkeypatch.delenv("PICKDESK_SMS_ACCESS_KEY_SECRET")
        assert main(["notify", "send", "--db", central.url, *sign_in_as("super1", "5555")]) == 2
        assert "say what to send" in capsys.readouterr().err
    finally:
        sim.stop()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_tracking_serve_is_a_real_endpoint_kuaidi100_pushes_to(central, tmp_path, capsys, sign_in_as):
    kd = Kuaidi100Simulator().start()
    port = free_port()
    program = str(Path(sys.executable).with_name("pickdesk"))
    env = {**os.environ, "PICKDESK_KUAIDI100_SALT": "s4lt"}
    server = subprocess.Popen([program, "tracking", "serve", "--port", str(port), "--db", central.url,
                               "--user", "super1", "--pin-stdin"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env)
    try:
        server.stdin.write("5555\n")
        server.stdin.flush()
        line = server.stdout.readline()
        assert f"127.0.0.1:{port}" in line, line + server.stderr.read() if server.poll() is not None else line
        assert main(["tracking", "subscribe", "--key", kd.key, "--customer", kd.customer, "--salt", "s4lt",
                     "--callback-url", f"http://127.0.0.1:{port}/", "--poll-url", kd.url + "/poll",
                     "--db", central.url, *sign_in_as("super1", "5555")]) == 0
        subscribed = json.loads(capsys.readouterr().out)["subscribed"]
        assert subscribed
        number = subscribed[0]
        kd.add(number, "2026-11-24 09:00:00", "揽收", "已揽收")
        kd.add(number, "2026-11-25 10:00:00", "签收", "已签收")
        assert kd.push(number, "shutdown") == (200, {"result": True, "returnCode": "200", "message": "成功"})
        assert kd.push(number, sign="BAD")[0] == 400
        assert "2 new event(s)" in server.stdout.readline()
    finally:
        server.send_signal(signal.SIGINT)
        try:
            _out, err = server.communicate(timeout=20)
        finally:
            kd.stop()
    assert server.returncode == 0 and "Traceback" not in err
    with central.unit_of_work() as uow:
        S = models.Shipment
        assert uow.session.scalar(select(S.status).where(S.tracking_no == number)) == "delivered"


def test_the_providers_accounts_kept_as_data_serve_the_commands(central, capsys, sign_in_as, monkeypatch):
    """An admin enters the SMS and Kuaidi100 accounts once (`carrier_accounts`, secrets sealed); the
    commands then need no flags or environment."""
    from desktop.services import auth, carrier_accounts

    for name in [k for k in os.environ if k.startswith(("PICKDESK_SMS_", "PICKDESK_KUAIDI100_"))]:
        monkeypatch.delenv(name)
    sms, kd = AliyunSmsSimulator(templates={"SMS_1": "订单${order}已发货"}).start(), Kuaidi100Simulator().start()
    try:
        with central.unit_of_work() as uow:
            admin = auth.sign_in_with_pin(uow, "admin", "9999", "ADMIN-01")
        with central.unit_of_work(admin) as uow:
            carrier_accounts.set_account(uow, "ALIYUN_SMS", "aliyun_sms", sms.url, "LTAI5tPickdeskTest",
                                         "pickdesk-test-secret", {"sign_name": "拣货台商城",
                                                                  "templates": json.dumps(TEMPLATES)})
        with central.unit_of_work(admin) as uow:
            carrier_accounts.set_account(uow, "KUAIDI100", "kuaidi100", kd.url + "/poll", kd.customer, kd.key,
                                         {"salt": "s4lt", "callback_url": "http://127.0.0.1:9/"})
        queue_sms(central)
        assert main(["notify", "send", "--sms", "--db", central.url, *sign_in_as("super1", "5555")]) == 0
        assert json.loads(capsys.readouterr().out)["sms"]["sent"] >= 1
        assert sms.sent and sms.sent[0].content.startswith("【拣货台商城】")
        assert main(["tracking", "subscribe", "--db", central.url, *sign_in_as("super1", "5555")]) == 0
        assert json.loads(capsys.readouterr().out)["subscribed"]
        with central.unit_of_work(admin) as uow:  # an account without its options: refused by name, status 2
            carrier_accounts.set_account(uow, "ALIYUN_SMS", "aliyun_sms", sms.url, "LTAI5tPickdeskTest", None, {})
        assert main(["notify", "send", "--sms", "--db", central.url, *sign_in_as("super1", "5555")]) == 2
        err = capsys.readouterr().err
        assert "sign_name and templates" in err and "Traceback" not in err
    finally:
        sms.stop()
        kd.stop()
