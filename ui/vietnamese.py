"""Streamlit's own English words shown in Vietnamese, and the page icon, with nothing from the internet.

Streamlit writes some labels in its browser code with no option to change
them: the file uploader ("Drag and drop file here", "Browse files", "Limit
50MB per file • PDF, DOCX"), the select boxes ("Choose an option", "No
results", "Select all"), the text box hint ("Press Enter to apply"), the
running indicator ("Running...", "Stop"), the date picker's month names and
the table's menus. :func:`install` adds one small script to the page that
rewrites those words, as they appear, into the Vietnamese of
:data:`TEXTS` / :data:`PATTERNS` (text nodes and the ``placeholder``,
``title`` and ``aria-label`` attributes); our own labels are already
Vietnamese. The script is inline (no download) and only reads and writes
the page's own text.

:data:`PAGE_ICON` is the app's favicon, a PNG shipped in ``ui/static``
(a ``:material/…:`` icon would be fetched from fonts.gstatic.com).
"""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

PAGE_ICON = str(Path(__file__).resolve().parent / "static" / "icon.png")
"""Path of the app's favicon (a local PNG)."""

TEXTS: dict[str, str] = {
    "Drag and drop file here": "Kéo và thả tệp vào đây",
    "Drag and drop files here": "Kéo và thả tệp vào đây",
    "Browse files": "Chọn tệp",
    "Upload": "Tải lên",
    "Choose an option": "Chọn",
    "Choose options": "Chọn",
    "No results": "Không có kết quả",
    "Select all": "Chọn tất cả",
    "Clear all": "Bỏ chọn tất cả",
    "Press Enter to apply": "Nhấn Enter để áp dụng",
    "Press Enter to submit form": "Nhấn Enter để gửi",
    "Running...": "Đang xử lý…",
    "Stop": "Dừng",
    "Connecting": "Đang kết nối",
    "Please wait...": "Xin chờ…",
    "Download as CSV": "Tải CSV",
    "Search": "Tìm",
    "Fullscreen": "Toàn màn hình",
    "Close fullscreen": "Thoát toàn màn hình",
    "Sort ascending": "Sắp xếp tăng dần",
    "Sort descending": "Sắp xếp giảm dần",
    "Autosize": "Tự động co giãn",
    "Pin column": "Ghim cột",
    "Unpin column": "Bỏ ghim cột",
    "Hide column": "Ẩn cột",
    "Show/hide columns": "Hiện/ẩn cột",
    "Format": "Định dạng",
    "Copy to clipboard": "Sao chép",
    "Copied to clipboard": "Đã sao chép",
    "Open sidebar": "Mở thanh bên",
    "Close sidebar": "Đóng thanh bên",
    "Collapse sidebar": "Thu gọn thanh bên",
    "Expand sidebar": "Mở rộng thanh bên",
    "Clear value": "Xóa",
    "Remove": "Xóa",
    "Delete": "Xóa",
    "Send": "Gửi",
    "Open": "Mở",
    "Choose date": "Chọn ngày",
    "Previous": "Trước",
    "Next": "Sau",
    "Today": "Hôm nay",
    "Use arrow keys to navigate dates. Enter to select. Escape to close.":
        "Dùng phím mũi tên để chuyển ngày, Enter để chọn, Esc để đóng.",
    "Close": "Đóng",
    "Save as SVG": "Lưu dạng SVG",
    "Save as PNG": "Lưu dạng PNG",
    "View Source": "Xem mã nguồn",
    "View Compiled Vega": "Xem Vega đã biên dịch",
    "Open in Vega Editor": "Mở trong Vega Editor",
    "Help": "Trợ giúp",
    "Skip to main content": "Chuyển đến nội dung chính",
    "January": "Tháng 1", "February": "Tháng 2", "March": "Tháng 3", "April": "Tháng 4",
    "May": "Tháng 5", "June": "Tháng 6", "July": "Tháng 7", "August": "Tháng 8",
    "September": "Tháng 9", "October": "Tháng 10", "November": "Tháng 11",
    "December": "Tháng 12",
    "Mo": "T2", "Tu": "T3", "We": "T4", "Th": "T5", "Fr": "T6", "Sa": "T7", "Su": "CN",
}
"""Whole English texts (trimmed) → Vietnamese."""

PATTERNS: list[tuple[str, str]] = [
    (r"^(?:Limit )?(\d+(?:\.\d+)?)\s*([KMG]B) per file(?: • (.*))?$", "Tối đa $1 $2 mỗi tệp"),
    ((r"^(January|February|March|April|May|June|July|August|September|October|November|December)"
     r" (\d{4})$"), "$1 $2"),
    (r"^You can only select up to (\d+) options?\.?.*$", "Chỉ chọn được tối đa $1 mục"),
    (r"^(\d+) rows?$", "$1 dòng"),
    (r"^(\d+) (?:options?|results?) available\.?$", "$1 lựa chọn"),
    (r"^option (.+), selected\.?$", "đã chọn $1"),
    (r"^Choose date, (.+)$", "Chọn ngày, $1"),
    (r"^option (.+), deselected\.?$", "đã bỏ chọn $1"),
]
"""Regular expressions (JavaScript syntax) of English texts and their Vietnamese replacement
(``$1`` … are the groups; month names in a group are translated by :data:`TEXTS`)."""

_SCRIPT = """
<script>
(() => {
  if (window.__cchcVietnamese) return;
  window.__cchcVietnamese = true;
  const texts = %(texts)s;
  const patterns = %(patterns)s.map(([re, to]) => [new RegExp(re), to]);
  const translate = (value) => {
    const trimmed = value.trim();
    if (!trimmed) return null;
    if (Object.prototype.hasOwnProperty.call(texts, trimmed)) {
      return value.replace(trimmed, texts[trimmed]);
    }
    for (const [re, to] of patterns) {
      const m = trimmed.match(re);
      if (m) {
        const out = to.replace(/\\$(\\d)/g, (_, i) => {
          const g = m[Number(i)] || '';
          return Object.prototype.hasOwnProperty.call(texts, g) ? texts[g] : g;
        });
        return value.replace(trimmed, out);
      }
    }
    return null;
  };
  const ATTRS = ['placeholder', 'title', 'aria-label'];
  const fix = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const out = translate(node.nodeValue);
      if (out !== null && out !== node.nodeValue) node.nodeValue = out;
    }
    const elements = root.querySelectorAll ? root.querySelectorAll('[placeholder],[title],[aria-label]') : [];
    for (const el of [root, ...elements]) {
      if (!el.getAttribute) continue;
      for (const a of ATTRS) {
        const v = el.getAttribute(a);
        if (v) { const out = translate(v); if (out !== null && out !== v) el.setAttribute(a, out); }
      }
    }
  };
  let queued = false;
  const run = () => { queued = false; fix(document.body); };
  new MutationObserver(() => { if (!queued) { queued = true; requestAnimationFrame(run); } })
    .observe(document.body, {childList: true, subtree: true, characterData: true,
                             attributes: true, attributeFilter: ATTRS});
  run();
})();
</script>
"""


def script() -> str:
    """The ``<script>`` element that translates Streamlit's own words (see the module docstring)."""
    return _SCRIPT % {"texts": json.dumps(TEXTS, ensure_ascii=False),
                      "patterns": json.dumps(PATTERNS, ensure_ascii=False)}


def install() -> None:
    """Add the translating script to the page (once per browser tab; harmless on reruns)."""
    st.html(script(), unsafe_allow_javascript=True)
