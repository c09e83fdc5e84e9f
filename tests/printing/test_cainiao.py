"""The Cainiao print component transport against a local WebSocket component that checks every request."""

from __future__ import annotations

import json

import pytest

from printing import render_label_cainiao, render_label_pdf
from printing.cainiao import CainiaoTransport, label_document, parse_target
from printing.documents import sample_label
from printing.transports import PrinterNotReady, PrinterOffline, PrinterSettings, PrintRejected, open_transport
from tests.simulators.cainiao_component import CainiaoComponent

TEMPLATE = "https://cloudprint.cainiao.com/template/custom/pickdesk/100x150"


@pytest.fixture
def component():
    c = CainiaoComponent().start()
    yield c
    c.stop()


def test_a_label_prints_through_the_component_and_the_result_is_awaited(component):
    label = sample_label(2)
    doc = render_label_cainiao(label, TEMPLATE)
    settings = PrinterSettings("cainiao", f"Zebra ZD888@{component.url}", format="cainiao", template_url=TEMPLATE)
    task = open_transport(settings).send(doc, title="PD-1")
    ((printer, tid, got),) = component.printed
    assert (printer, tid) == ("Zebra ZD888", task)
    content = got["contents"][-1]
    assert content["templateURL"] == TEMPLATE
    assert content["data"]["waybillCode"] == label.tracking_number and content["data"]["parcel"] == label.parcel_text
    assert content["data"]["recipient"]["name"] == label.recipient.name
    kinds = [r["cmd"] for r in component.requests]
    assert kinds == ["getPrinters", "print"]
    assert all(r["version"] == "1.0" and r["requestID"] for r in component.requests)
    assert component.requests[1]["task"]["preview"] is False


def test_the_default_printer_is_used_when_none_is_named(component):
    CainiaoTransport("", component.url).send(label_document(sample_label(), TEMPLATE))
    assert component.printed[0][0] == component.default
    printers, default = CainiaoTransport("", component.url).printers()
    assert default == component.default and {p["name"] for p in printers} == set(component.printers)


def test_a_carriers_encrypted_waybill_goes_first(component):
    waybill = {"templateURL": "https://cloudprint.cainiao.com/template/standard/101/1", "encryptedData": "AES:xyz",
               "signature": "sig", "ver": "waybill_print_secret_version_1"}
    CainiaoTransport("", component.url).send(label_document(sample_label(), TEMPLATE, waybill_content=waybill))
    assert component.printed[0][2]["contents"][0] == waybill


def test_each_refusal_maps_to_the_queues_errors(component):
    doc = label_document(sample_label(), TEMPLATE)
    with pytest.raises(PrintRejected) as err:
        CainiaoTransport("Nobody's printer", component.url).send(doc)
    assert "has no printer" in err.value.message and "Zebra ZD888" in err.value.message
    with pytest.raises(PrintRejected):  # a PDF is not a Cainiao document
        CainiaoTransport("", component.url).send(render_label_pdf(sample_label()))
    bad = json.dumps({"documentID": "X", "contents": [{"templateURL": "ftp://x", "data": {}}]}).encode()
    with pytest.raises(PrintRejected) as err:
        CainiaoTransport("", component.url).send(bad)
    assert "templateURL" in err.value.message
    component.out_of_paper.add(component.default)
    with pytest.raises(PrinterNotReady) as err:
        CainiaoTransport("", component.url).send(doc)
    assert "缺纸" in err.value.message and err.value.retryable
    component.printers["Zebra ZD888"] = "disable"
    with pytest.raises(PrinterNotReady):
        CainiaoTransport("Zebra ZD888", component.url).send(doc)


def test_no_component_or_no_result_is_offline(component):
    doc = label_document(sample_label(), TEMPLATE)
    component.silent = True
    with pytest.raises(PrinterOffline) as err:
        CainiaoTransport("", component.url, result_timeout=0.5).send(doc)
    assert "did not answer in time" in err.value.message
    url = component.url
    component.stop()
    with pytest.raises(PrinterOffline):
        CainiaoTransport("", url, timeout=2).send(doc)


def test_settings_and_targets():
    assert parse_target("KM-118@ws://10.0.0.5:13528") == ("KM-118", "ws://10.0.0.5:13528")
    assert parse_target("KM-118") == ("KM-118", "ws://localhost:13528")
    with pytest.raises(ValueError):
        parse_target("KM@http://x")
    with pytest.raises(ValueError):
        PrinterSettings("cainiao", "KM", format="pdf", template_url=TEMPLATE)
    with pytest.raises(ValueError):
        PrinterSettings("cainiao", "KM", format="cainiao")
    s = PrinterSettings("cainiao", "KM", format="cainiao", template_url=TEMPLATE)
    assert PrinterSettings.from_json(s.to_json()) == s


def test_through_the_print_queue_a_paper_out_is_retried_then_printed(component, tmp_path):
    from printing.queue import PRINTED, RETRYING, PrintQueue

    now = [1000.0]
    settings = PrinterSettings("cainiao", f"@{component.url}", format="cainiao", template_url=TEMPLATE)
    with PrintQueue(tmp_path / "q.sqlite3", clock=lambda: now[0]) as queue:
        job_id = queue.submit(render_label_cainiao(sample_label(), TEMPLATE), "cainiao", settings, order_ref="M-1",
                              parcel_ref="P-1", title="M-1 1/1")
        component.out_of_paper.add(component.default)
        job = queue.process_next()
        assert job.state == RETRYING and "缺纸" in (job.last_error or "")
        component.out_of_paper.clear()
        now[0] += 3600
        job = queue.process_next()
        assert job.id == job_id and job.state == PRINTED
        receipt = queue.get(job_id).attempts[-1].receipt
    assert [tid for _p, tid, _d in component.printed] == [receipt]
