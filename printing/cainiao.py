"""The Cainiao print component (菜鸟打印组件) as a print transport: its local WebSocket protocol.

The component is a separate program on the packing PC (`ws://localhost:13528`, `wss://…:13529`).
Every request is a JSON text frame {cmd, requestID, version: "1.0", …}; the answer echoes `cmd` and
`requestID`. Pickdesk uses:

* `getPrinters` → {printers: [{name, status: "enable"|…}], defaultPrinter} — the printer must be there;
* `print` with `task` {taskID, preview: false, printer, documents: [{documentID, contents: [{templateURL,
  data} | {templateURL, encryptedData, signature, ver}]}]} → {status: "success"|"failed", msg};
* then the component pushes `notifyPrintResult` {taskID, taskStatus: "rendered"|"printed"|"failed",
  printStatus: [{documentID, status, msg}]} — the job counts as printed on "printed".

The component renders a *template* with data; it does not print a PDF. So a station printing through
it renders its labels in format "cainiao": `label_document(label, template_url)` gives the document
(the label's fields as the template's data; a carrier's encrypted waybill content, where it gives one,
goes in `contents` as it came). Errors map onto the print queue's: no component listening or no
result in time → `PrinterOffline` (retried); the printer disabled or a failed print → `PrinterNotReady`
(retried, the reason shown); an unknown printer, a refused task or a document that is not a Cainiao
document → `PrintRejected`.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from typing import Any

from printing.documents import ShippingLabel

DEFAULT_URL = "ws://localhost:13528"
VERSION = "1.0"


def label_data(label: ShippingLabel) -> dict[str, Any]:
    """The label's fields under the names a Pickdesk custom template uses (docs/carriers.md)."""
    def party(p) -> dict[str, str]:  # noqa: ANN001
        a = p.address
        return {"name": p.name, "phone": p.phone, "address": "\n".join(a.lines()), "province": a.province,
                "city": a.city, "district": a.district, "detail": " ".join(a.detail_parts()),
                "postalCode": a.postal_code, "country": a.country}

    return {
        "waybillCode": label.tracking_number, "carrier": label.carrier, "service": label.service,
        "orderNo": label.order_number, "parcel": label.parcel_text, "weight": label.weight_text,
        "recipient": party(label.recipient), "sender": party(label.sender),
        "cod": f"{label.cod_amount} {label.currency}" if label.cod_amount is not None else "",
        "fragile": label.fragile, "insured": label.insured, "shipDate": label.ship_date.isoformat(),
        "sscc": label.sscc or "",
    }


def label_document(label: ShippingLabel, template_url: str, *, waybill_content: dict[str, Any] | None = None) -> bytes:
    """One Cainiao print document for one parcel (JSON bytes, what the print queue stores)."""
    if not template_url.startswith(("http://", "https://")):
        raise ValueError(f"a Cainiao template URL is http(s)://…, not {template_url!r}")
    contents: list[dict[str, Any]] = []
    if waybill_content:  # the carrier's encrypted standard waybill, as the waybill service returned it
        contents.append(waybill_content)
    contents.append({"templateURL": template_url, "data": label_data(label)})
    doc = {"documentID": f"{label.tracking_number}-{label.parcel_index}", "contents": contents}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def parse_target(target: str) -> tuple[str, str]:
    """"PRINTER@ws://host:port" (or "PRINTER", or "@ws://…" for the default printer) → (printer, url)."""
    printer, sep, url = target.partition("@")
    if sep and not url.startswith(("ws://", "wss://")):
        raise ValueError(f"the Cainiao component is ws://host:port, not {url!r}")
    return printer.strip(), (url.strip() if sep else DEFAULT_URL)


class CainiaoTransport:
    """Sends one document per task and waits for the component's `notifyPrintResult`."""

    def __init__(self, printer: str = "", url: str = DEFAULT_URL, *, timeout: float = 10.0,
                 result_timeout: float = 60.0, connect: Callable[..., Any] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.printer, self.url, self.timeout, self.result_timeout = printer, url, timeout, result_timeout
        self.clock = clock
        self._connect = connect

    def _open(self):  # noqa: ANN202
        from printing.transports import PrinterOffline

        connect = self._connect
        if connect is None:
            from websockets.sync.client import connect
        try:
            return connect(self.url, open_timeout=self.timeout, close_timeout=2, max_size=2 ** 22)
        except (OSError, TimeoutError) as exc:
            raise PrinterOffline(f"the Cainiao print component at {self.url}: {getattr(exc, 'strerror', None) or exc}"
                                 ) from None
        except Exception as exc:  # noqa: BLE001 - websockets' handshake errors: not the component there
            raise PrinterOffline(f"the Cainiao print component at {self.url}: {exc}") from None

    @staticmethod
    def _request(cmd: str, **fields: Any) -> dict[str, Any]:
        return {"cmd": cmd, "requestID": uuid.uuid4().hex, "version": VERSION, **fields}

    def _await(self, ws, deadline: float, match: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:  # noqa: ANN001
        from printing.transports import PrinterOffline

        while True:
            remaining = deadline - self.clock()
            if remaining <= 0:
                raise PrinterOffline("the Cainiao print component did not answer in time")
            try:
                frame = ws.recv(timeout=remaining)
            except TimeoutError:
                raise PrinterOffline("the Cainiao print component did not answer in time") from None
            except Exception as exc:  # noqa: BLE001 - the connection closed under us
                raise PrinterOffline(f"the Cainiao print component closed the connection: {exc}") from None
            try:
                message = json.loads(frame)
            except (TypeError, ValueError):
                continue  # not ours to read
            if isinstance(message, dict) and match(message):
                return message

    def printers(self) -> tuple[list[dict[str, Any]], str]:
        """The component's printers and its default printer."""
        ws = self._open()
        with ws:
            return self._printers(ws)

    def _printers(self, ws) -> tuple[list[dict[str, Any]], str]:  # noqa: ANN001
        request = self._request("getPrinters")
        ws.send(json.dumps(request))
        answer = self._await(ws, self.clock() + self.timeout,
                             lambda m: m.get("cmd") == "getPrinters" and str(m.get("requestID")) == request["requestID"])
        return list(answer.get("printers") or []), str(answer.get("defaultPrinter") or "")

    def send(self, document: bytes, *, title: str = "") -> str | None:
        from printing.transports import PrinterNotReady, PrintRejected

        try:
            doc = json.loads(document)
            if not (isinstance(doc, dict) and doc.get("documentID") and isinstance(doc.get("contents"), list)
                    and doc["contents"]):
                raise ValueError
        except (ValueError, UnicodeDecodeError):
            raise PrintRejected("the Cainiao print component prints Cainiao documents (label format "
                                "'cainiao'), not this file") from None
        ws = self._open()
        with ws:
            printers, default = self._printers(ws)
            name = self.printer or default
            found = next((p for p in printers if p.get("name") == name), None)
            if found is None:
                names = ", ".join(str(p.get("name")) for p in printers) or "none"
                raise PrintRejected(f"the Cainiao component has no printer {name!r} (it has: {names})")
            if str(found.get("status", "enable")) != "enable":
                raise PrinterNotReady("not_accepting")
            task_id = uuid.uuid4().hex[:20]
            request = self._request("print", task={"taskID": task_id, "preview": False, "printer": name,
                                                   "documents": [doc]})
            ws.send(json.dumps(request, ensure_ascii=False))
            answer = self._await(ws, self.clock() + self.timeout,
                                 lambda m: m.get("cmd") == "print" and str(m.get("requestID")) == request["requestID"])
            if answer.get("status") != "success":
                raise PrintRejected(f"the Cainiao component refused the task: {answer.get('msg') or answer}")
            deadline = self.clock() + self.result_timeout
            while True:
                note = self._await(ws, deadline, lambda m: m.get("cmd") == "notifyPrintResult"
                                   and str(m.get("taskID")) == task_id)
                state = note.get("taskStatus")
                if state == "printed":
                    return task_id
                if state == "failed":
                    why = "; ".join(str(s.get("msg") or s.get("detail") or "") for s in note.get("printStatus") or [])
                    raise PrinterNotReady(why or "print failed")
