"""Settings: typed, with defaults, round-tripped through an ini file; the dialog refuses bad URLs."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from ui.settings import Settings
from ui.settings_dialog import SettingsDialog, database_url_problem


def test_defaults_when_nothing_is_stored(tmp_path) -> None:
    s = Settings.from_file(tmp_path / "empty.ini")
    assert s.database_url == ""
    assert (s.printer_kind, s.label_format, s.label_size) == ("system", "pdf", "100x150")
    assert (s.scanner_baud, s.scale_baud, s.scale_protocol) == (9600, 9600, "mt-sics")
    assert s.language == "system" and s.last_user == ""
    assert 0 < len(s.station_name) <= 40


def test_round_trip_through_an_ini_file(tmp_path) -> None:
    path = tmp_path / "station.ini"
    s = Settings.from_file(path)
    s.station_name, s.data_dir = "PACK-07", "/srv/pickdesk"
    s.database_url = "postgresql+psycopg://pickdesk@db.example/wh"
    s.printer_kind, s.printer_target = "tcp", "10.0.0.9:9100"
    s.label_format, s.label_size = "zpl", "100x180"
    s.scanner_port, s.scanner_baud = "/dev/ttyACM0", 115200
    s.scale_port, s.scale_baud, s.scale_protocol = "/dev/ttyUSB0", 2400, "continuous"
    s.language, s.last_user = "zh_CN", "packer1"
    s.theme, s.large_type, s.muted = "high_contrast", True, True
    s.window_geometry = "AdnQywADAAA="
    s.sync()
    text = path.read_text()
    assert "[printer]" in text and "kind=tcp" in text
    again = Settings.from_file(path).as_dict()
    assert again == {
        "station_name": "PACK-07", "data_dir": "/srv/pickdesk", "database_url": "postgresql+psycopg://pickdesk@db.example/wh",
        "printer_kind": "tcp", "printer_target": "10.0.0.9:9100", "label_format": "zpl",
        "printer_template_url": "", "label_size": "100x180", "scanner_port": "/dev/ttyACM0", "scanner_baud": 115200,
        "scale_port": "/dev/ttyUSB0", "scale_baud": 2400, "scale_protocol": "continuous",
        "language": "zh_CN", "last_user": "packer1", "theme": "high_contrast", "large_type": True,
        "muted": True, "window_geometry": "AdnQywADAAA=",
    }
    assert isinstance(again["scanner_baud"], int)


def test_a_hand_edited_bad_value_falls_back_to_the_default(tmp_path) -> None:
    path = tmp_path / "station.ini"
    path.write_text("[printer]\nformat=postscript\n[scale]\nbaud=fast\n")
    s = Settings.from_file(path)
    assert s.label_format == "pdf" and s.scale_baud == 9600


def test_setting_a_value_outside_the_choices_is_refused(tmp_path) -> None:
    s = Settings.from_file(tmp_path / "station.ini")
    with pytest.raises(ValueError):
        s.printer_kind = "carrier-pigeon"
    assert s.printer_kind == "system"


@pytest.mark.parametrize("url", ["not a url", "mysql://u@h/db", "sqlite://", "postgresql+psycopg://host:notaport/x"])
def test_unusable_database_urls_are_named(url: str) -> None:
    assert database_url_problem(url) is not None


@pytest.mark.parametrize("url", ["", "sqlite:////var/lib/pickdesk/central.sqlite3",
                                 "postgresql+psycopg://pickdesk@10.0.0.5:5432/warehouse"])
def test_usable_database_urls_pass(url: str) -> None:
    assert database_url_problem(url) is None


def test_dialog_refuses_a_bad_url_and_keeps_the_settings(qtbot, settings: Settings) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    url = dialog.findChild(QLineEdit, "settings_database_url")
    url.setText("postgres//oops")
    with qtbot.assertNotEmitted(dialog.accepted):
        dialog.findChild(type(dialog.save_button), "settings_save").click()
    error = dialog.findChild(QLabel, "settings_error")
    assert error.isVisible()
    assert "Not a database URL" in error.text() and "不是有效的数据库地址" not in error.text()
    assert dialog.isVisible()
    assert settings.database_url == ""


def test_dialog_saves_what_was_edited(qtbot, settings: Settings) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QLineEdit, "settings_station_name").setText("PICK-09")
    dialog.findChild(QLineEdit, "settings_database_url").setText("sqlite:////tmp/elsewhere.sqlite3")
    kind = dialog.findChild(QComboBox, "settings_printer_kind")
    kind.setCurrentIndex(kind.findData("folder"))
    dialog.findChild(QComboBox, "settings_scanner_port").setEditText("/dev/ttyACM3")
    lang = dialog.findChild(QComboBox, "settings_language")
    lang.setCurrentIndex(lang.findData("zh_CN"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.findChild(type(dialog.save_button), "settings_save").click()
    assert settings.station_name == "PICK-09"
    assert settings.database_url == "sqlite:////tmp/elsewhere.sqlite3"
    assert (settings.printer_kind, settings.scanner_port, settings.language) == ("folder", "/dev/ttyACM3", "zh_CN")
    assert settings.scale_port == ""


def test_the_cainiao_component_is_a_printer_kind_with_its_template(qtbot, settings: Settings) -> None:
    from ui.station import printer_from_settings

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    kind = dialog.findChild(QComboBox, "settings_printer_kind")
    kind.setCurrentIndex(kind.findData("cainiao"))
    dialog.findChild(QLineEdit, "settings_printer_target").setText("KM-118@ws://localhost:13528")
    dialog.findChild(type(dialog.save_button), "settings_save").click()
    error = dialog.findChild(QLabel, "settings_error")
    assert "Cainiao" in error.text() and settings.printer_kind != "cainiao"  # the format must be Cainiao's
    fmt = dialog.findChild(QComboBox, "settings_label_format")
    fmt.setCurrentIndex(fmt.findData("cainiao"))
    dialog.findChild(type(dialog.save_button), "settings_save").click()
    assert "template URL" in error.text() and settings.printer_kind != "cainiao"
    dialog.findChild(QLineEdit, "settings_printer_template_url").setText("https://cloudprint.cainiao.com/template/x")
    with qtbot.waitSignal(dialog.accepted):
        dialog.findChild(type(dialog.save_button), "settings_save").click()
    printer = printer_from_settings(settings)
    assert (printer.kind, printer.format, printer.target) == ("cainiao", "cainiao", "KM-118@ws://localhost:13528")
    assert printer.template_url == "https://cloudprint.cainiao.com/template/x"


def test_cancel_writes_nothing(qtbot, settings: Settings) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QLineEdit, "settings_station_name").setText("CHANGED")
    with qtbot.waitSignal(dialog.rejected):
        dialog.cancel_button.click()
    assert settings.station_name != "CHANGED"
