"""The Streamlit app (``app.py`` + ``ui/``): helpers, and the pages through AppTest.

The AppTest part indexes the real Word plan of seed 001
(``tests/data/docx/001_nam_an_phu_2026.docx``) once per module into a
temporary ``CCHC_HOME`` with a temporary ``CCHC_CORPUS``; each test works
on its own copy of both. Expected values were read from the source table of
that plan (row 22: lead "Trung tâm Phục vụ hành chính công", coordinating
"Các phòng chuyên môn"), or are computed here from the Word table with
python-docx, independently of the parser.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import unicodedata
import zipfile
from datetime import date
from pathlib import Path

import pytest

from assistant.corpus import sanitize_filename
from ingest.model import Due
from ingest.textnorm import fold
from ui.due import next_deadline
from ui.highlight import highlight_html
from ui.units import split_units, unit_groups, unit_key

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
PLAN_DOCX = "001_nam_an_phu_2026.docx"
QUESTION_22 = "Nhiệm vụ 22 trong kế hoạch Nam An Phụ do ai chủ trì?"
TIMEOUT = 180


# ------------------------------------------------------------------ helpers, no index


def test_lead_unit_spellings_group_together():
    spellings = ["Phòng Văn hóa – Xã hội", "Phòng Văn hoá- Xã hội", "Phòng VH-XH",
                 "Phòng VHXH", "Phòng Văn hóa - Xã hội xã"]
    keys = {unit_key(s) for s in spellings}
    assert len(keys) == 1
    assert unit_key("Phòng Kinh tế xã") not in keys
    assert unit_key("Văn phòng HĐND và UBND xã") == unit_key(
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân")
    # The label of a group is its most frequent spelling.
    names = ["Phòng VH-XH", "Phòng Văn hóa – Xã hội", "Phòng Văn hóa – Xã hội"]
    assert unit_groups(names) == {unit_key("Phòng VH-XH"): "Phòng Văn hóa – Xã hội"}


def test_split_units_keeps_names_whole():
    assert split_units("Phòng Kinh tế; Phòng VH-XH, Văn phòng HĐND và UBND") == [
        "Phòng Kinh tế", "Phòng VH-XH", "Văn phòng HĐND và UBND"]
    assert split_units("Sở Nội vụ/Sở Y tế") == ["Sở Nội vụ", "Sở Y tế"]
    assert split_units("Văn phòng HĐND/UBND xã") == ["Văn phòng HĐND/UBND xã"]
    assert split_units("Các phòng, ban, ngành") == ["Các phòng, ban, ngành"]
    assert split_units(None) == []


@pytest.mark.parametrize("due, ref, expected", [
    (Due("2026-01-01", "2026-03-31", "once"), date(2026, 3, 1), date(2026, 3, 31)),
    (Due("2026-01-01", "2026-03-31", "once"), date(2026, 4, 1), None),       # past
    (Due(None, "2026-01-15", "once"), date(2026, 1, 1), date(2026, 1, 15)),
    (Due("2026-04-01", "2026-06-30", "annual"), date(2026, 8, 1), date(2027, 6, 30)),
    (Due(None, None, "quarterly"), date(2026, 5, 10), date(2026, 6, 30)),
    (Due(None, None, "monthly"), date(2026, 2, 3), date(2026, 2, 28)),
    (Due("2026-01-01", "2026-12-31", "regular"), date(2026, 5, 1), None),    # thường xuyên
    (Due(None, None, None), date(2026, 5, 1), None),
])
def test_next_deadline(due, ref, expected):
    assert next_deadline(due, ref) == expected


@pytest.mark.parametrize("text, ref, expected", [
    # the genre's quarterly reporting deadline names the day of the quarter's last month
    ("Trước ngày 05 của tháng cuối quý", date(2026, 1, 10), date(2026, 3, 5)),
    ("Trước ngày 05 của tháng cuối quý", date(2026, 3, 6), date(2026, 6, 5)),   # passed: next quarter
    ("Trước ngày 20 của tháng cuối quý", date(2026, 12, 21), date(2027, 3, 20)),
    ("Hàng quý", date(2026, 5, 10), date(2026, 6, 30)),                          # no day: quarter end
])
def test_next_deadline_uses_the_day_written(text, ref, expected):
    assert next_deadline(Due(None, None, "quarterly"), ref, text) == expected


def test_sanitize_filename_blocks_traversal():
    assert sanitize_filename("../../etc/passwd", "text") == "passwd.txt"
    assert sanitize_filename("..\\..\\Windows\\Kế hoạch CCHC.pdf", "pdf") == "Ke_hoach_CCHC.pdf"
    assert sanitize_filename("ghi chú.md", "text") == "ghi_chu.md"
    # The extension follows the content, not the name.
    assert sanitize_filename("bang_tinh.pdf", "docx") == "bang_tinh.docx"
    assert sanitize_filename("...", "pdf") == "ke_hoach.pdf"
    assert "/" not in sanitize_filename("a/../../b.docx", "docx")


def test_md_escape_keeps_task_numbers_literal():
    from ui.highlight import md_escape

    text = md_escape("Nhiệm vụ 10, 12:\n- 10. Rà soát *văn bản*\n- 12. Kiểm tra <b>")
    assert "- 10\\. Rà soát \\*văn bản\\*" in text
    assert "- 12\\. Kiểm tra \\<b\\>" in text
    assert text.count("  \n") == 2  # line breaks kept as hard breaks


def test_highlight_marks_question_words_without_diacritics():
    html = highlight_html("Số hóa hồ sơ TTHC <đạt> 100%", "so hoa ho so thu tuc hanh chinh")
    assert "<mark>Số</mark> <mark>hóa</mark>" in html
    assert "<mark>TTHC</mark>" in html          # abbreviation meets its full words
    assert "&lt;đạt&gt;" in html and "<mark>đạt" not in html
    # Written with diacritics: the same word only, whatever the tone-mark placement.
    html = highlight_html("Mức độ hài lòng do hoá", "mức độ hóa")
    assert html == "<mark>Mức</mark> <mark>độ</mark> hài lòng do <mark>hoá</mark>"


# ------------------------------------------------------------------ AppTest


def _docx_rows(path: Path) -> list[list[str]]:
    """Task rows of the Word annex table, cells as NFC text (independent oracle).

    A numbered row keeps its number; a row with an empty number cell under
    it (a sub-row) gets the number of the task above.
    """
    import docx

    rows, number = [], None
    for table in docx.Document(str(path)).tables:
        for row in table.rows:
            cells = [unicodedata.normalize("NFC", c.text).strip() for c in row.cells]
            if cells and re.fullmatch(r"\d+", cells[0]):
                number = cells[0]
                rows.append(cells)
            elif cells and not cells[0] and number and any(cells[1:]):
                rows.append([number] + cells[1:])
    return rows


def _tree_digest(folder: str) -> dict[str, str]:
    """Relative path → SHA-256 of every file under ``folder`` (``{}`` if absent),
    leaving out the empty writer-lock file an upload attempt creates (no data)."""
    out = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            if name.endswith(".lock"):
                continue
            full = os.path.join(root, name)
            with open(full, "rb") as fh:
                out[os.path.relpath(full, folder)] = hashlib.sha256(fh.read()).hexdigest()
    return out


@pytest.fixture
def built_index(docx_index):
    """A corpus holding the real Word plan, and its index (conftest's ``docx_index``)."""
    return docx_index


@pytest.fixture
def app_env(docx_env):
    """Fresh copies of the corpus and index, with CCHC_CORPUS/CCHC_HOME pointing at them."""
    return docx_env


def _app():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _go(at, page: str):
    at.sidebar.radio(key="page").set_value(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _assistant_texts(at) -> list[str]:
    return [" ".join(m.value for m in msg.markdown) + " ".join(i.value for i in msg.info)
            for msg in at.chat_message if msg.name == "assistant"]


def test_ask_question_shows_answer_with_openable_citation(app_env):
    at = _app()
    assert at.button(key="chat_example_0")  # example questions for first-time users
    at.chat_input(key="chat_input").set_value(QUESTION_22).run()
    assert not at.exception
    answers = _assistant_texts(at)
    assert len(answers) == 1
    assert "Trung tâm Phục vụ hành chính công" in answers[0]
    labels = [e.label for e in at.expander]
    assert any(label.startswith("[1]") and "nhiệm vụ 22" in label for label in labels), labels
    table = at.table[0].value
    assert table.loc["Cơ quan chủ trì", "Giá trị"] == "Trung tâm Phục vụ hành chính công"
    assert table.loc["Số", "Giá trị"] == "22"

    # A follow-up resolves against the previous turn.
    at.chat_input(key="chat_input").set_value("thế ai phối hợp?").run()
    answers = _assistant_texts(at)
    assert len(answers) == 2 and "Các phòng chuyên môn" in answers[1]

    # A task the plan does not have: an abstention that says so (shown as info).
    at.chat_input(key="chat_input").set_value(
        "Nhiệm vụ 999 trong kế hoạch Nam An Phụ do ai chủ trì?").run()
    assert any("không có nhiệm vụ 999" in i.value for i in at.info), [i.value for i in at.info]

    at.button(key="chat_new").click().run()
    assert not _assistant_texts(at)


def _numbers(table) -> set[str]:
    """Task numbers of the shown rows; a sub-row "24 (dòng con)" counts as 24."""
    return {str(n).split(" ")[0] for n in table["Số"]}


def test_filter_tasks(app_env, fixtures_dir):
    rows = _docx_rows(fixtures_dir / PLAN_DOCX)
    at = _go(_app(), "Nhiệm vụ")
    table = at.dataframe[0].value
    assert set(str(n) for n in table["Số"]) >= {r[0] for r in rows}

    # Lead unit: every spelling of Phòng Văn hóa - Xã hội in the Word table.
    vhxh = re.compile(r"van hoa\s*-\s*xa hoi|vh\s*-?\s*xh")
    expected = {r[0] for r in rows if vhxh.search(fold(r[2]))}
    spellings = {r[2] for r in rows if vhxh.search(fold(r[2]))}
    assert len(spellings) >= 2  # the source writes it several ways
    at.multiselect(key="tasks_units").set_value([unit_key("Phòng VH-XH")]).run()
    table = at.dataframe[0].value
    assert _numbers(table) == expected
    assert set(table["Chủ trì"]) == spellings

    # Free text without diacritics, on top of no unit filter.
    at.multiselect(key="tasks_units").set_value([]).run()
    at.text_input(key="tasks_text").set_value("thanh toan truc tuyen").run()
    table = at.dataframe[0].value
    expected = {r[0] for r in rows if "thanh toan truc tuyen" in fold(r[1])}
    assert expected and _numbers(table) == expected

    # Due period: quarter I of 2026 keeps the "Quý I/2026" row.
    at.text_input(key="tasks_text").set_value("").run()
    at.selectbox(key="tasks_year").set_value(2026).run()
    at.selectbox(key="tasks_quarter").set_value(1).run()
    table = at.dataframe[0].value
    quarter_one = {r[0] for r in rows if re.fullmatch(r"Quý I/2026", r[4])}
    assert quarter_one and quarter_one <= _numbers(table)
    assert not any(re.fullmatch(r"Quý (II|III|IV)/2026", d) for d in table["Thời hạn"])

    # "Sắp đến hạn": within 30 days of 10/3/2026 → the "Quý I/2026" rows (due 31/3),
    # never a "Quý IV/2026" row nor a "Thường xuyên" one.
    at.selectbox(key="tasks_year").set_value(0).run()  # "Tất cả"
    at.radio(key="tasks_view").set_value("Sắp đến hạn").run()
    at.date_input(key="tasks_ref").set_value(date(2026, 3, 10)).run()
    at.radio(key="tasks_days").set_value(30).run()
    table = at.dataframe[0].value
    assert quarter_one <= _numbers(table)
    assert set(table["Hạn kế tiếp"]) == {"2026-03-31"}
    late = {r[0] for r in rows if re.fullmatch(r"Quý IV/2026|Thường xuyên", r[4])}
    assert late and not late & _numbers(table)


def test_without_index_the_app_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("CCHC_HOME", str(tmp_path / "no_index"))
    monkeypatch.setenv("CCHC_CORPUS", str(tmp_path / "corpus"))
    at = _app()
    assert any("Chưa có chỉ mục" in w.value for w in at.warning)
    assert at.button(key="build_index").disabled  # empty corpus: nothing to index


def test_exports_hold_the_filtered_rows(app_env):
    from openpyxl import load_workbook

    from drafting.export import COLUMNS
    from retrieval.store import IndexStore
    from ui.exports import to_csv_bytes, to_xlsx_bytes
    from ui.tasks_data import TaskFilter, apply_filters, shown_columns, tasks_frame

    plans = IndexStore.open(str(app_env[1])).plans()
    frame = apply_filters(tasks_frame(plans), TaskFilter(text="bao cao"))
    assert 0 < len(frame) < len(tasks_frame(plans))
    sheet = load_workbook(io.BytesIO(to_xlsx_bytes(frame))).active
    values = list(sheet.values)
    headers = [name for name, _ in COLUMNS]
    assert list(values[0]) == headers
    number, sub_of = headers.index("TT"), headers.index("Thuộc nhiệm vụ")
    shown = [v[number] or f"{v[sub_of]} (dòng con)" for v in values[1:]]
    assert shown == list(frame["Số"])
    csv_text = to_csv_bytes(frame).decode("utf-8-sig")
    assert csv_text.splitlines()[0].split(",")[:4] == ["Kế hoạch", "Mục", "Mục con", "TT"]
    # With the columns on screen (the page's downloads): those first, same order and
    # headers, a view's own column included, then the export's other fields.
    frame = frame.assign(**{"Hạn kế tiếp": "2026-03-31"})
    on_screen = shown_columns(frame, ["Hạn kế tiếp"])
    assert on_screen[:5] == ["Số", "Nội dung", "Chủ trì", "Thời hạn", "Hạn kế tiếp"]
    rows = list(load_workbook(io.BytesIO(to_xlsx_bytes(frame, on_screen))).active.values)
    assert list(rows[0][:len(on_screen)]) == on_screen
    assert [r[0] for r in rows[1:]] == list(frame["Số"])
    assert {r[4] for r in rows[1:]} == {"2026-03-31"}
    header = to_csv_bytes(frame, on_screen).decode("utf-8-sig").splitlines()[0].split(",")
    assert header[:len(on_screen)] == on_screen and "Tệp" in header and "Trang" in header
    assert len(header) == len(set(header))  # no column twice


def test_upload_corrupt_file_leaves_corpus_and_index_unchanged(app_env, fixtures_dir):
    corpus, home = app_env
    good = (fixtures_dir / PLAN_DOCX).read_bytes()
    # A Word file cut in half: a ZIP whose directory is gone.
    truncated = good[: len(good) // 2]
    assert zipfile.is_zipfile(io.BytesIO(good)) and not zipfile.is_zipfile(io.BytesIO(truncated))

    at = _go(_app(), "Kế hoạch")
    # Taken once the app is loaded (loading may write caches); the uploads must change nothing.
    before = (_tree_digest(str(corpus)), _tree_digest(str(home)))
    at.file_uploader[0].set_value(("../../ke_hoach_moi.docx", truncated,
                                   "application/octet-stream")).run()
    at.button(key="plans_add").click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert errors and "Không nạp được tệp" in errors[0] and "hỏng" in errors[0]
    # The message names the user's file, not a temporary one.
    assert "ke_hoach_moi.docx" in errors[0] and "upload.bin" not in errors[0]
    assert (_tree_digest(str(corpus)), _tree_digest(str(home))) == before

    # The same bytes as a plan already loaded: refused as a duplicate.
    at.file_uploader[0].set_value(("ban_sao.docx", good, "application/octet-stream")).run()
    at.button(key="plans_add").click().run()
    assert any("trùng nội dung" in e.value for e in at.error)
    assert (_tree_digest(str(corpus)), _tree_digest(str(home))) == before


def _new_plan_docx() -> bytes:
    """A small plan the corpus has never seen (xã Tân Lập), as a Word file.

    It follows the genre: header, numbered body sections, then an annex
    table "TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp |
    Thời gian hoàn thành | Sản phẩm" with a merged group row and 3 tasks.
    """
    import docx

    d = docx.Document()
    for line in [
        "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Số: 12/KH-UBND", "Tân Lập, ngày 05 tháng 01 năm 2026",
        "KẾ HOẠCH", "Cải cách hành chính nhà nước xã Tân Lập năm 2026",
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
        "a) Nâng cao chất lượng phục vụ người dân, doanh nghiệp trong giải quyết thủ tục hành chính.",
        "II. NHIỆM VỤ, GIẢI PHÁP", "1. Cải cách thủ tục hành chính",
        "a) Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền của xã.",
        "Phụ lục", "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026",
    ]:
        d.add_paragraph(line)
    rows = [
        ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp",
         "Thời gian hoàn thành", "Sản phẩm"],
        ["I. Cải cách thủ tục hành chính"] * 6,
        ["1", "Xây dựng kế hoạch kiểm soát thủ tục hành chính năm 2026",
         "Văn phòng HĐND và UBND", "Các phòng chuyên môn", "Quý I/2026", "Kế hoạch"],
        ["2", "Tổ chức đối thoại với doanh nghiệp về thủ tục đất đai", "Phòng Kinh tế",
         "Trung tâm Phục vụ hành chính công", "Tháng 6/2026", "Biên bản đối thoại"],
        ["3", "Niêm yết công khai thủ tục hành chính tại bộ phận một cửa",
         "Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND", "Thường xuyên",
         "Bảng niêm yết"],
    ]
    table = d.add_table(rows=len(rows), cols=6)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    table.cell(1, 0).merge(table.cell(1, 5)).text = rows[1][0]
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_upload_new_plan_then_ask_then_remove(app_env):
    corpus, home = app_env
    files_before = sorted(os.listdir(corpus))
    at = _go(_app(), "Kế hoạch")
    at.file_uploader[0].set_value(("Kế hoạch Tân Lập.docx", _new_plan_docx(),
                                   "application/octet-stream")).run()
    at.button(key="plans_add").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("3 nhiệm vụ" in s.value for s in at.success), [s.value for s in at.success]
    assert sorted(os.listdir(corpus)) == sorted(files_before + ["Ke_hoach_Tan_Lap.docx"])
    assert "Ke_hoach_Tan_Lap.docx" in at.dataframe[0].value["Tệp"].tolist()

    _go(at, "Hỏi đáp")
    at.chat_input(key="chat_input").set_value(
        "Nhiệm vụ 2 trong kế hoạch Tân Lập do ai chủ trì?").run()
    answer = _assistant_texts(at)[-1]
    assert "Phòng Kinh tế" in answer
    assert any("Tân Lập" in e.label and "nhiệm vụ 2" in e.label for e in at.expander)

    _go(at, "Kế hoạch")
    box = at.selectbox(key="plans_remove_doc_0")
    assert "Tân Lập" in box.format_func("Ke_hoach_Tan_Lap.docx")  # listed by the plan's name
    box.set_value("Ke_hoach_Tan_Lap.docx").run()
    at.checkbox(key="plans_remove_sure_0_Ke_hoach_Tan_Lap.docx").check().run()
    at.button(key="plans_remove").click().run()
    assert not at.error, [e.value for e in at.error]
    assert any("Đã gỡ" in s.value and "Tân Lập" in s.value for s in at.success)
    assert sorted(os.listdir(corpus)) == files_before
    assert at.dataframe[0].value["Tệp"].tolist() == [PLAN_DOCX]
    # The confirmation is a new, unticked box: the next plan needs its own tick.
    assert at.checkbox(key=f"plans_remove_sure_1_{PLAN_DOCX}").value is False
    assert at.button(key="plans_remove").disabled


# ------------------------------------------------------------------ issue 12: tasks agree with the chat


def _chat_numbers(at, question: str) -> set[str]:
    """Task numbers the chat cites for ``question`` (asked on a fresh page)."""
    _go(at, "Hỏi đáp")
    at.chat_input(key="chat_input").set_value(question).run()
    assert not at.exception
    engine_answer = at.session_state["chat_messages"][-1]["answer"]
    return {c.locator.split()[-1] for c in engine_answer.citations}


@pytest.mark.parametrize("question, quarter, month", [
    ("Kế hoạch Nam An Phụ có những nhiệm vụ nào phải hoàn thành trong quý I/2026?", 1, 0),
    ("Nam An Phụ: nhiệm vụ nào hoàn thành trong tháng 10 năm 2026?", 0, 10),
])
def test_period_filter_lists_the_tasks_the_chat_lists(app_env, question, quarter, month):
    at = _app()
    chat = _chat_numbers(at, question)
    assert chat  # the chat lists some tasks for this period
    _go(at, "Nhiệm vụ")
    at.selectbox(key="tasks_year").set_value(2026).run()
    at.selectbox(key="tasks_quarter").set_value(quarter).run()
    at.selectbox(key="tasks_month").set_value(month).run()
    assert at.radio(key="tasks_period_mode").value == "due"  # the chat's meaning by default
    assert _numbers(at.dataframe[0].value) == chat
    # The overlap reading is a separate, labelled choice and lists more.
    radio = at.radio(key="tasks_period_mode")
    assert radio.options == ["Đến hạn trong kỳ", "Đang thực hiện trong kỳ"]
    radio.set_value("running").run()
    assert _numbers(at.dataframe[0].value) > chat
    # Every box reads "Tất cả" again when set back.
    at.selectbox(key="tasks_year").set_value(0).run()
    assert [at.selectbox(key=k).format_func(at.selectbox(key=k).value)
            for k in ("tasks_year", "tasks_quarter", "tasks_month")] == ["Tất cả"] * 3


@pytest.mark.parametrize("typed", ["van phong", "VP HĐND và UBND", "vh xh", "VH-XH", "Văn hóa"])
def test_unit_search_ignores_diacritics_and_abbreviations(app_env, fixtures_dir, typed):
    rows = _docx_rows(fixtures_dir / PLAN_DOCX)
    folded = fold(typed).replace("-", " ")
    pattern = {"van phong": r"van phong", "vp hdnd va ubnd": r"van phong hdnd va ubnd",
               "vh xh": r"van hoa\s*-\s*xa hoi|vh\s*-?\s*xh", "van hoa": r"van hoa"}[
        "vh xh" if folded == "vh xh" else folded]
    expected = {r[0] for r in rows if re.search(pattern, fold(r[2]).replace("–", "-"))}
    at = _go(_app(), "Nhiệm vụ")
    at.text_input(key="tasks_unit_text").set_value(typed).run()
    assert expected and _numbers(at.dataframe[0].value) == expected
    # The unit list offers only the units the typed name finds.
    options = at.multiselect(key="tasks_units").options
    assert options and all(re.search(pattern, fold(o)) for o in options), options


def test_overdue_view_as_of_a_day(app_env, fixtures_dir):
    rows = _docx_rows(fixtures_dir / PLAN_DOCX)
    at = _go(_app(), "Nhiệm vụ")
    at.radio(key="tasks_view").set_value("Quá hạn").run()
    at.date_input(key="tasks_ref").set_value(date(2026, 7, 1)).run()
    table = at.dataframe[0].value
    quarter_one = {r[0] for r in rows if re.fullmatch(r"Quý I/2026", r[4])}
    regular = {r[0] for r in rows if r[4] == "Thường xuyên"}
    assert quarter_one <= _numbers(table) and not regular & _numbers(table)
    assert (table["Quá (ngày)"] > 0).all() and (table["Hạn"] < "2026-07-01").all()
    assert list(table.columns[:5]) == ["Số", "Nội dung", "Chủ trì", "Thời hạn", "Hạn"]
    # One meaning of "Quá hạn" with the Tiến độ page: a task marked done leaves the view.
    from retrieval.store import IndexStore
    from tracking.model import DONE, validated
    from tracking.progress import tracked
    from tracking.store import StatusStore

    done = sorted(quarter_one)[0]
    with StatusStore(str(app_env[1])) as store:
        (tp,) = tracked(IndexStore.open(str(app_env[1])), store).values()
        task = next(t for t in tp.plan.tasks if t.number == done)
        store.set(tp.plan_id, tp.plan, tp.key_of(task), validated(DONE, completed_on="2026-03-20"))
    at.date_input(key="tasks_ref").set_value(date(2026, 7, 2)).run()
    assert done not in _numbers(at.dataframe[0].value)
    assert (quarter_one - {done}) <= _numbers(at.dataframe[0].value)
    # After the plan's period (2026) has ended: nothing, unless asked.
    at.date_input(key="tasks_ref").set_value(date(2027, 2, 1)).run()
    assert at.dataframe[0].value.empty
    at.checkbox(key="tasks_ended").check().run()
    assert (quarter_one - {done}) <= _numbers(at.dataframe[0].value)
    # "Sắp đến hạn" of an ended plan: nothing either (no 2027 occurrence of a 2026 plan).
    at.checkbox(key="tasks_ended").uncheck().run()
    at.radio(key="tasks_view").set_value("Sắp đến hạn").run()
    assert at.dataframe[0].value.empty


# ------------------------------------------------------------------ issue 12: chat


def test_chat_history_survives_a_reload_and_lists_answers_as_one_table(app_env):
    question = "Kế hoạch Nam An Phụ có những nhiệm vụ nào phải hoàn thành trong quý I/2026?"
    at = _app()
    at.chat_input(key="chat_input").set_value(question).run()
    conv = at.query_params["c"]
    conv = conv[0] if isinstance(conv, list) else conv
    answer = at.session_state["chat_messages"][-1]["answer"]
    assert len(answer.citations) >= 2
    # One table of the rows with their citation numbers, not one expander per row.
    table = at.dataframe[0].value
    assert list(table["Nguồn"]) == [f"[{i}]" for i in range(1, len(answer.citations) + 1)]
    assert set(table["Số"]) == {c.locator.split()[-1] for c in answer.citations}
    assert not at.expander
    at.chat_input(key="chat_input").set_value("thế ai phối hợp?").run()

    # A new page load with the address's ?c= shows the same conversation.
    from streamlit.testing.v1 import AppTest

    again = AppTest.from_file(APP, default_timeout=TIMEOUT)
    again.query_params["c"] = conv
    again.run()
    assert not again.exception
    assert [m.name for m in again.chat_message] == ["user", "assistant"] * 2
    assert question in again.chat_message[0].markdown[0].value
    # ... and lists it among past conversations, titled by its first question.
    assert any(b.label.startswith(question[:40]) for b in again.sidebar.button)
    # A follow-up after the reload still refers to the conversation.
    again.chat_input(key="chat_input").set_value("còn nhiệm vụ 22?").run()
    assert "Trung tâm Phục vụ hành chính công" in _assistant_texts(again)[-1]


def test_switching_scope_starts_a_fresh_context(app_env):
    at = _app()
    at.chat_input(key="chat_input").set_value(QUESTION_22).run()
    doc = next(iter(at.session_state["chat_messages"][-1]["answer"].citations)).doc
    at.selectbox(key="chat_scope").set_value(doc).run()
    at.chat_input(key="chat_input").set_value("thế ai phối hợp?").run()
    # Without the previous turn, "ai phối hợp" names no task: not row 22's units.
    assert "Các phòng chuyên môn" not in _assistant_texts(at)[-1]
    assert any("Đã đổi phạm vi" in c.value for c in at.caption)


def test_save_conversation_as_word_and_markdown(app_env):
    import docx

    at = _app()
    at.chat_input(key="chat_input").set_value(QUESTION_22).run()
    msgs = at.session_state["chat_messages"]
    from ui.conversation_export import to_docx, to_markdown

    labels = {c.doc: "Nam An Phụ (năm 2026)" for c in msgs[-1]["answer"].citations}
    md = to_markdown(msgs, labels).decode("utf-8")
    assert f"**Hỏi:** {QUESTION_22}" in md
    assert "Trung tâm Phục vụ hành chính công" in md and "[1] Nam An Phụ (năm 2026) — nhiệm vụ 22" in md
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(to_docx(msgs, labels))).paragraphs)
    assert QUESTION_22 in text and "[1] Nam An Phụ (năm 2026) — nhiệm vụ 22" in text
    # The page offers both, built in the run that shows the buttons.
    keys = {b.key for b in at.get("download_button")}
    assert {"chat_save_docx", "chat_save_md"} <= keys


def test_highlight_marks_the_figure_not_common_syllables():
    from ui.highlight import highlight_answer_html

    passage = ("Phấn đấu 100% cơ quan chuyên môn thực hiện kiểm tra cải cách hành chính; "
               "tỷ lệ hài lòng đạt trên 90%.")
    html = highlight_answer_html(passage, "tỷ lệ hài lòng của cơ quan kiểm tra đạt bao nhiêu?",
                                 "Tỷ lệ hài lòng đạt trên 90%.")
    assert "<mark>90%</mark>" in html
    assert "<mark>100%</mark>" not in html            # a figure the answer does not give
    assert "<mark>kiểm</mark>" not in html and "<mark>cơ</mark>" not in html
    assert "<mark>tỷ lệ hài lòng đạt</mark>" in html  # the phrase asked, as one run


# ------------------------------------------------------------------ issue 12: plans page


def test_same_plan_in_another_format_is_recognised(fixtures_dir):
    from ingest.pipeline import parse_file
    from ingest.plan_match import find_same_plan, same_plan

    docx_plan = parse_file(str(fixtures_dir / PLAN_DOCX))
    pdf_plan = parse_file(str(REPO / "tests" / "data" / "pdf" / "001_nam_an_phu_2026.pdf"))
    others = [parse_file(str(p)) for p in sorted((REPO / "corpus").glob("00[0234]_*"))]
    assert same_plan(docx_plan, pdf_plan)
    assert find_same_plan(pdf_plan, [docx_plan, *others]) == [docx_plan.doc]
    assert find_same_plan(docx_plan, others) == []  # other communes' plans, same genre


def test_warnings_in_plain_words_with_their_row():
    from ingest.pipeline import parse_file
    from ui.warning_text import clerk_warning

    plan = parse_file(str(next((REPO / "corpus").glob("003_*"))))
    notes = [clerk_warning(w, plan) for w in plan.warnings]
    assert notes and all(plan.doc not in n for n in notes)
    grouped = [n for n in notes if "dòng tiêu đề nhóm" in n]
    assert grouped and "mang thêm dữ liệu" not in grouped[0]
    number = re.search(r"nhiệm vụ (\S+)", grouped[0]).group(1).rstrip(".;")
    task = next(t for t in plan.tasks if t.number == number)
    assert " ".join(task.content.split()[:5]) in grouped[0]  # the row it concerns


def test_password_guards_upload_removal_and_drafting(app_env, monkeypatch):
    monkeypatch.setenv("CCHC_APP_PASSWORD", "mat-khau-thu")
    at = _go(_app(), "Kế hoạch")
    assert not at.file_uploader
    assert "plans_remove" not in {b.key for b in at.button}
    at.text_input(key="plans_guard_password").set_value("sai").run()
    at.button(key="plans_guard_unlock").click().run()
    assert any("Mật khẩu không đúng" in e.value for e in at.error)
    assert not at.file_uploader
    at.text_input(key="plans_guard_password").set_value("mat-khau-thu").run()
    at.button(key="plans_guard_unlock").click().run()
    assert at.file_uploader and at.button(key="plans_remove")
    # Drafting asks too, in a fresh session.
    fresh = _go(_app(), "Soạn kế hoạch mới")
    assert fresh.text_input(key="draft_guard_password")
    assert "draft_docx" not in {b.key for b in fresh.get("download_button")}


def test_upload_of_the_same_plan_in_another_format_offers_keep_or_replace(app_env):
    corpus, _home = app_env
    pdf = REPO / "tests" / "data" / "pdf" / "001_nam_an_phu_2026.pdf"
    at = _go(_app(), "Kế hoạch")
    at.file_uploader[0].set_value(("Kế hoạch Nam An Phụ.pdf", pdf.read_bytes(),
                                   "application/pdf")).run()
    at.button(key="plans_add").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    warning = [w.value for w in at.warning if "cùng kế hoạch" in w.value]
    assert warning and "Kế hoạch Nam An Phụ.pdf" in warning[0] and "Nam An Phụ" in warning[0]
    assert sorted(os.listdir(corpus)) == sorted([PLAN_DOCX, "Ke_hoach_Nam_An_Phu.pdf"])
    at.button(key="plans_same_replace").click().run()
    assert not at.error, [e.value for e in at.error]
    assert sorted(os.listdir(corpus)) == ["Ke_hoach_Nam_An_Phu.pdf"]  # the old file replaced
    assert any("Đã thay" in s.value for s in at.success)
    assert not [w for w in at.warning if "cùng kế hoạch" in w.value]
