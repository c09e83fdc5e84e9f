"""A local Cainiao print component: a real WebSocket server answering the component's protocol.

It checks each request as the component does (cmd, requestID and version "1.0" present; a print task
with a taskID never used before, a printer it has, documents each with a documentID and contents
naming an http(s) templateURL with data, or encryptedData + signature), answers `getPrinters`,
`getTaskStatus` and `print` (status success / failed with msg), then pushes `notifyPrintResult`
(rendered, then printed — or failed when the printer is out of paper).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import serve


@dataclass
class CainiaoComponent:
    printers: dict[str, str] = field(default_factory=lambda: {"菜鸟打印机 KM-118": "enable", "Zebra ZD888": "enable"})
    default: str = "菜鸟打印机 KM-118"
    out_of_paper: set[str] = field(default_factory=set)
    silent: bool = False  # takes tasks, never reports a result

    def __post_init__(self) -> None:
        self.printed: list[tuple[str, str, dict]] = []  # (printer, taskID, document)
        self.tasks: dict[str, bool] = {}  # taskID → printed
        self.requests: list[dict] = []
        self.server = None

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.server.socket.getsockname()[1]}"

    def _check_document(self, doc: object) -> str | None:
        if not isinstance(doc, dict) or not doc.get("documentID"):
            return "documentID 不能为空"
        contents = doc.get("contents")
        if not isinstance(contents, list) or not contents:
            return "contents 不能为空"
        for c in contents:
            if not isinstance(c, dict):
                return "contents 格式错误"
            url = str(c.get("templateURL") or "")
            if not url.startswith(("http://", "https://")):
                return "templateURL 不合法"
            if not (isinstance(c.get("data"), dict) or (c.get("encryptedData") and c.get("signature"))):
                return "缺少 data 或 encryptedData/signature"
        return None

    def handle(self, ws) -> None:  # noqa: ANN001
        try:
            self._serve(ws)
        except ConnectionClosed:
            pass  # the client went away (after a refusal it closes with 1011): as the component, carry on

    def _serve(self, ws) -> None:  # noqa: ANN001
        for frame in ws:
            try:
                req = json.loads(frame)
            except ValueError:
                ws.send(json.dumps({"cmd": "", "requestID": "", "status": "failed", "msg": "非法的 JSON"}))
                continue
            self.requests.append(req)
            cmd, rid = req.get("cmd"), req.get("requestID")

            def answer(**fields) -> None:  # noqa: ANN003
                ws.send(json.dumps({"cmd": cmd, "requestID": rid, **fields}, ensure_ascii=False))

            if not cmd or not rid or req.get("version") != "1.0":
                answer(status="failed", msg="协议头缺少 cmd/requestID/version")
                continue
            if cmd == "getPrinters":
                answer(status="success", msg="no error", defaultPrinter=self.default, errorCode=0,
                       printers=[{"name": n, "status": s, "type": "RAW"} for n, s in self.printers.items()])
            elif cmd == "getTaskStatus":
                ids = req.get("taskID") or []
                answer(printStatus=[{"taskID": t, "printed": self.tasks.get(t, False), "msg": ""} for t in ids])
            elif cmd == "print":
                task = req.get("task") or {}
                tid = str(task.get("taskID") or "")
                printer = task.get("printer") or self.default
                problem = None
                if not tid:
                    problem = "taskID 不能为空"
                elif tid in self.tasks:
                    problem = "taskID 重复"
                elif printer not in self.printers:
                    problem = f"打印机 {printer} 不存在"
                elif not isinstance(task.get("documents"), list) or not task["documents"]:
                    problem = "documents 不能为空"
                else:
                    problem = next((p for p in map(self._check_document, task["documents"]) if p), None)
                if problem:
                    answer(status="failed", msg=problem, taskID=tid)
                    continue
                self.tasks[tid] = False
                answer(status="success", msg="", taskID=tid)
                if self.silent:
                    continue
                docs = task["documents"]
                ws.send(json.dumps({"cmd": "notifyPrintResult", "printer": printer, "taskID": tid,
                                    "taskStatus": "rendered", "printStatus": [
                                        {"documentID": d["documentID"], "status": "success", "msg": "", "detail": ""}
                                        for d in docs]}, ensure_ascii=False))
                failed = printer in self.out_of_paper
                if not failed:
                    self.tasks[tid] = True
                    self.printed += [(printer, tid, d) for d in docs]
                ws.send(json.dumps({"cmd": "notifyPrintResult", "printer": printer, "taskID": tid,
                                    "taskStatus": "failed" if failed else "printed", "printStatus": [
                                        {"documentID": d["documentID"], "status": "failed" if failed else "success",
                                         "msg": "打印机缺纸" if failed else "", "detail": ""} for d in docs]},
                                   ensure_ascii=False))
            else:
                answer(status="failed", msg=f"不支持的命令 {cmd}")

    def start(self) -> CainiaoComponent:
        self.server = serve(self.handle, "127.0.0.1", 0)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
