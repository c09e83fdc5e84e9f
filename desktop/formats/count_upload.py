"""A batch scanner's count upload (`pickdesk count import FILE`): one scan per line, read whole first.

The format (docs/counts.md):

    # a comment; blank lines are skipped
    COUNT CNT-000012              the count the following scans belong to
    LOC-SZ1-A01-1-03-1            a bin: what follows lies in it (a bin with no item after it is empty)
    (01)06901234567892(10)L2401(17)270131(30)12    a GS1 item with lot, expiry and a quantity (AI 30)
    ]C1010690123456789210L2401…   the same as the scanner sends it (with or without the symbology prefix)
    06901234567892                a bare GTIN: one unit per scan (scan it as often as units lie there)
    QTY 12                        sets the quantity of the item scanned just before (a keyed-in count)

Every line is decoded by `devices.decode.decode_scan`, the same as at the workspace. Any problem —
an undecodable scan, an item before any bin or count, a quantity out of range, a count named twice
— refuses the whole file, every problem listed by line; nothing is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.counting import CountedKey, CountRefused, CountSheet
from desktop.domain.errors import PickdeskError
from desktop.formats.checks import decode_text, read_bytes
from devices.decode import ItemScan, LocationScan, ScanRejected, decode_scan

MAX_UPLOAD_BYTES = 4 * 1024 * 1024
MAX_LINES = 100_000
MAX_QTY = 1_000_000


@dataclass(frozen=True)
class UploadProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class UploadRefused(PickdeskError):
    code = "upload_refused"

    def __init__(self, name: str, problems: list[UploadProblem]) -> None:
        super().__init__(f"{name} was refused ({len(problems)} problems); nothing was recorded.",
                         f"{name} 被拒绝（{len(problems)} 个问题），未记录任何盘点。")
        self.problems = problems

    def __str__(self) -> str:
        return self.message + " " + "; ".join(str(p) for p in self.problems[:20])


@dataclass
class CountUpload:
    """The counts of one file, in the order they appear: (count code as written, what was found)."""

    sections: list[tuple[str, CountSheet]] = field(default_factory=list)


def parse_upload(text: str, name: str = "the file") -> CountUpload:
    upload = CountUpload()
    problems: list[UploadProblem] = []
    sheet: CountSheet | None = None
    last: CountedKey | None = None
    last_scan_qty = 0
    seen: set[str] = set()
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise UploadRefused(name, [UploadProblem(MAX_LINES + 1, f"more than {MAX_LINES} lines")])
    for n, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        head, _, rest = line.partition(" ")
        word = head.upper()
        try:
            if word == "COUNT":
                code = rest.strip().upper()
                if not code:
                    raise CountRefused("COUNT names no count.", "COUNT 后缺少盘点单号。")
                if code in seen:
                    raise CountRefused(f"{code} appears twice.", f"{code} 出现了两次。")
                seen.add(code)
                sheet = CountSheet()
                upload.sections.append((code, sheet))
                last = None
                continue
            if sheet is None:
                raise CountRefused("A scan before any COUNT line.", "在 COUNT 行之前出现了扫描。")
            if word == "QTY":
                if last is None:
                    raise CountRefused("QTY follows no item.", "QTY 之前没有商品。")
                value = rest.strip()
                if not value.isdigit() or int(value) > MAX_QTY:
                    raise CountRefused(f"QTY {value!r} is not a whole number up to {MAX_QTY}.",
                                       f"QTY {value!r} 不是不超过 {MAX_QTY} 的整数。")
                sheet.set_qty(last, sheet.units[last] - last_scan_qty + int(value))
                last_scan_qty = int(value)
                continue
            scan = decode_scan(line)
            if isinstance(scan, LocationScan):
                sheet.at_bin(scan.code)
                last = None
            elif isinstance(scan, ItemScan):
                qty = scan.count if scan.count is not None else 1
                if qty > MAX_QTY:
                    raise CountRefused(f"quantity {qty} is over {MAX_QTY}.", f"数量 {qty} 超过 {MAX_QTY}。")
                last = sheet.add(scan.gtin, scan.lot, qty, scan.expiry)
                last_scan_qty = qty
            else:
                raise CountRefused(f"a {scan.kind} scan has no place in a count.", f"盘点中不能使用{scan.kind}扫描。")
        except ScanRejected as exc:
            problems.append(UploadProblem(n, str(getattr(exc, "message", exc))))
        except PickdeskError as exc:
            problems.append(UploadProblem(n, exc.message))
    if not upload.sections and not problems:
        problems.append(UploadProblem(1, "no COUNT line: the file names no count"))
    if problems:
        raise UploadRefused(name, problems)
    return upload


def read_upload(path: str | Path) -> CountUpload:
    path = Path(path)
    return parse_upload(decode_text(read_bytes(path, max_bytes=MAX_UPLOAD_BYTES), path.name), path.name)
