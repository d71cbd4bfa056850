"""planctl speaks Vietnamese: the catalog is complete, numbers and dates read the documents' way,
the language is chosen in the documented order, and Vietnamese output holds no English from the
catalog or the rule files."""

from __future__ import annotations

import datetime
import gettext
import re
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl import i18n
from planctl.cli import app
from planctl.config import load_config
from planctl.lint.examples import run_example
from planctl.lint.rules import catalogue
from planctl.model import BUILTIN_RULES

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "planctl" / "locale" / "vi" / "LC_MESSAGES" / "planctl.po"
MO = PO.with_suffix(".mo")


def read_po() -> dict[str, str]:
    from babel.messages.pofile import read_po as babel_read_po

    with PO.open("rb") as file:
        return {m.id: m.string for m in babel_read_po(file) if m.id}


def source_msgids() -> set[str]:
    """Every message id marked in planctl's source (_, N_, ngettext), as pybabel extract finds them."""
    from babel.messages.extract import extract_from_dir

    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT / "planctl"), method_map=[("**.py", "python")],
            keywords={"_": None, "N_": None, "ngettext": (1, 2)}):
        found.update(message if isinstance(message, tuple) else (message,))
    return found


def fields(template: str) -> set[str]:
    return {name for _t, name, _s, _c in string.Formatter().parse(template) if name is not None}


def test_every_message_id_has_a_vietnamese_translation_with_the_same_fields():
    catalog = read_po()
    missing = sorted(m for m in source_msgids() if not catalog.get(m))
    assert not missing, f"not in the Vietnamese catalog (run python tools/vi_catalog.py): {missing}"
    for msgid, msgstr in catalog.items():
        assert fields(msgid) == fields(msgstr), (msgid, msgstr)


def test_the_compiled_catalog_agrees_with_the_po_file():
    with MO.open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    for msgid, msgstr in read_po().items():
        assert compiled.gettext(msgid) == msgstr, f"planctl.mo is stale (python tools/vi_catalog.py): {msgid!r}"


def test_every_rule_and_builtin_rule_reads_in_vietnamese():
    for rule in catalogue():
        assert rule.summary_vi and rule.description_vi and rule.message_vi and (rule.hint_vi or not rule.hint), rule.id
    catalog = read_po()
    for rule in BUILTIN_RULES.values():
        assert catalog.get(rule.summary) and catalog.get(rule.help), rule.id


@pytest.mark.parametrize("lang,expected", [
    ("vi", ["439.050", "1.234,5", "45,5%", "22/9/2010", "439.050 triệu đồng", "439.050.000.000 đồng",
            "-1.000 triệu đồng", "+1.500 nghìn đồng", "2 tỷ đồng"]),
    ("en", ["439,050", "1,234.5", "45.5%", "2010-09-22", "439,050 million VND", "439,050,000,000 VND",
            "-1,000 million VND", "+1,500 thousand VND", "2 billion VND"]),
])
def test_numbers_money_percentages_and_dates(lang, expected):
    i18n.set_language(lang)
    assert [i18n.number(439050), i18n.number(1234.5), i18n.percent(45.5), i18n.date(datetime.date(2010, 9, 22)),
            i18n.money(439_050_000_000, "million VND"), i18n.money(439_050_000_000, "VND"),
            i18n.money(-1_000_000_000, "million VND", signed=True), i18n.money(1_500_000, "thousand VND", signed=True),
            i18n.money(2_000_000_000, "billion VND")] == expected


def test_language_order_option_then_configuration_then_locale_then_english():
    env = {"LC_ALL": "", "LC_MESSAGES": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}
    assert i18n.choose("en", "vi", env) == "en"
    assert i18n.choose(None, "vi", {"LANG": "en_US.UTF-8"}) == "vi"
    assert i18n.choose(None, None, env) == "vi"  # LC_MESSAGES before LANG; an empty LC_ALL does not count
    assert i18n.choose(None, None, {"LC_ALL": "C.UTF-8", "LANG": "vi_VN"}) == "en"  # LC_ALL first
    assert i18n.choose(None, None, {}) == "en"


def _repo(tmp_path, lang: str | None) -> Path:
    (tmp_path / ".git").mkdir()
    setting = f'lang = "{lang}"\n' if lang else ""
    (tmp_path / "pyproject.toml").write_text(f"[tool.planctl]\n{setting}", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("option,configured,env,expected", [
    (["--lang", "en"], "vi", {"LANG": "vi_VN.UTF-8"}, "planctl: error:"),
    ([], "vi", {"LANG": "en_US.UTF-8"}, "planctl: lỗi:"),
    ([], None, {"LANG": "vi_VN.UTF-8"}, "planctl: lỗi:"),
    ([], None, {}, "planctl: error:"),
    (["--lang", "vi"], "en", {}, "planctl: lỗi:"),
])
def test_the_cli_chooses_the_language_in_order(tmp_path, monkeypatch, option, configured, env, expected):
    monkeypatch.chdir(_repo(tmp_path, configured))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(app, [*option, "rules", "explain", "no.such-rule"])
    assert result.exit_code == 2
    assert result.output.startswith(expected), result.output


def test_a_bad_lang_in_the_configuration_names_the_key(tmp_path, monkeypatch):
    monkeypatch.chdir(_repo(tmp_path, "fr"))
    with pytest.raises(Exception) as raised:
        load_config()
    assert "[tool.planctl] lang must be one of" in str(raised.value) and '"fr"' in str(raised.value)


def _english_fragments() -> set[str]:
    """Literal pieces of English message texts (catalog msgids, rule messages, hints and summaries),
    long enough to be unmistakable, that the Vietnamese text does not itself contain."""
    texts = {msgid: msgstr for msgid, msgstr in read_po().items()}
    for rule in catalogue():
        texts.update({rule.message: rule.message_vi, rule.hint: rule.hint_vi, rule.summary: rule.summary_vi,
                      rule.description: rule.description_vi})
    fragments = set()
    for english, vietnamese in texts.items():
        for piece in re.split(r"\{[^}]*\}", english):
            piece = piece.strip(" :;,.()'")
            if len(piece) >= 8 and " " in piece and piece not in vietnamese:
                fragments.add(piece)
    return fragments


def test_vietnamese_lint_output_holds_no_english_from_the_catalog_or_the_rules(monkeypatch):
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    outputs = [runner.invoke(app, ["--lang", "vi", "lint", "--fail-on", "info", "--format", fmt, "plans/"]).output
               for fmt in ("text", "markdown", "junit")]
    outputs.append(runner.invoke(app, ["--lang", "vi", "rules", "list"]).output)
    # rules explain, less what is not translated: the fact kinds' descriptions (for rule authors) and the example plans
    outputs += ["\n".join(line for line in runner.invoke(app, ["--lang", "vi", "rules", "explain", rule.id]).output.split("\n")
                          if not line.startswith(("  Áp dụng cho:", "    "))) for rule in catalogue()]
    i18n.set_language("vi")
    config = load_config(ROOT)
    for rule in catalogue():
        for example in rule.examples:
            for f in run_example(rule, example, config):
                outputs.append(f"{f.message}\n{f.hint}")
    text = "\n".join(outputs)
    assert "triệu đồng" in text and "gợi ý:" in text
    leaked = sorted(fragment for fragment in _english_fragments() if fragment in text)
    assert not leaked, leaked
    assert not re.search(r"\d,\d{3}\b(?!\.)", text.replace("2,3", "")), "English thousands separator in Vietnamese"


def test_findings_are_the_same_in_both_languages_apart_from_the_text(monkeypatch):
    import json

    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    reports = [json.loads(runner.invoke(app, ["--lang", lang, "lint", "--format", "json", "plans/"]).output)
               for lang in ("en", "vi")]
    strip = [[{k: v for k, v in f.items() if k not in ("message", "hint")} for f in r["findings"]] for r in reports]
    assert strip[0] == strip[1] and reports[0]["summary"] == reports[1]["summary"]
    assert [f["message"] for f in reports[0]["findings"]] != [f["message"] for f in reports[1]["findings"]]


def test_every_help_text_reads_in_vietnamese(monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("vi_catalog", ROOT / "tools" / "vi_catalog.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    catalog = read_po()
    missing = [text for text in tool.help_texts() if not catalog.get(text)]
    assert not missing, f"--help texts without Vietnamese (add them to tools/vi_catalog.py HELP): {missing}"
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    for command in ([], ["lint"], ["diff"], ["log"], ["schema"], ["rules"], ["rules", "list"], ["rules", "explain"]):
        shown = runner.invoke(app, ["--lang", "vi", *command, "--help"]).output
        assert "Cách dùng:" in shown and "Tùy chọn:" in shown and "Options:" not in shown, command
        assert "Show this message" not in shown and "Exit code" not in shown, (command, shown)
