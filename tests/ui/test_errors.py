"""One error-to-text path (`ui.errors.error_text`), in both of the station's languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import OperationalError

from desktop.domain.errors import NotFound
from devices.decode import decode_scan
from ui import i18n
from ui.errors import error_text


@pytest.fixture
def chinese(qapp):
    i18n.apply_language(qapp, "zh_CN")
    yield
    i18n.apply_language(qapp, "en")


def _unreachable(tmp_path) -> OperationalError:
    engine = create_engine(f"sqlite:///{tmp_path / 'no' / 'such' / 'folder.sqlite3'}")
    try:
        with pytest.raises(OperationalError) as caught:
            engine.connect()
    finally:
        engine.dispose()
    return caught.value


def _scan_refusal() -> Exception:
    from devices.decode import ScanRejected

    with pytest.raises(ScanRejected) as caught:
        decode_scan("\x00\x01")
    return caught.value


def test_typed_errors_speak_for_themselves_in_english(qapp):
    assert error_text(NotFound("There is no order X.", "没有订单 X。")) == "There is no order X."
    refusal = _scan_refusal()
    assert error_text(refusal) == refusal.message


def test_typed_errors_speak_for_themselves_in_chinese(chinese):
    assert error_text(NotFound("There is no order X.", "没有订单 X。")) == "没有订单 X。"
    refusal = _scan_refusal()
    assert error_text(refusal) == refusal.message_zh


def test_an_unreachable_database_says_so(qapp, tmp_path):
    text = error_text(_unreachable(tmp_path))
    assert text.startswith("Cannot reach the central database: ") and "unable to open database file" in text


def test_an_unreachable_database_says_so_in_chinese(chinese, tmp_path):
    assert error_text(_unreachable(tmp_path)).startswith("无法连接中央数据库：")


def test_anything_else_is_a_fault_with_its_type(qapp, chinese):
    assert error_text(KeyError("line")) == "出错了：KeyError: 'line'"


def test_there_is_one_error_to_text_path(qapp):
    """The stopgaps are gone: ui.i18n keeps no error_text, and no workspace frames errors itself."""
    import ui.i18n

    assert not hasattr(ui.i18n, "error_text")
    root = Path(ui.i18n.__file__).parent
    framed_here = [str(path.relative_to(root)) for path in root.rglob("*.py")
                   if path.name != "errors.py" and "Something went wrong" in path.read_text(encoding="utf-8")]
    assert framed_here == []
