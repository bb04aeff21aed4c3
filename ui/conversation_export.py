""""Lưu cuộc trò chuyện": a conversation as a Markdown or a Word file.

``messages`` are the chat page's messages (``{"role", "text", ...}``; an
answer also has ``"answer"``, a :class:`retrieval.answering.model.Answer`);
``labels`` maps file names to plan names ("Nam An Phụ (năm 2026)"). Each
answer is followed by its sources, numbered as on screen, written as
:func:`ui.citations.citation_title` writes them, with the quoted source
words.
"""

from __future__ import annotations

import io
from datetime import datetime

from ui.citations import citation_title

TITLE = "Cuộc trò chuyện với Trợ lý kế hoạch CCHC"


def to_markdown(messages: list[dict], labels: dict[str, str], when: datetime | None = None) -> bytes:
    """UTF-8 Markdown: a title, the date, then "**Hỏi:** …" / "**Trả lời:** …" with
    each answer's "Nguồn" list (plan name, place, quoted words)."""
    when = when or datetime.now()
    out = [f"# {TITLE}", "", f"Lưu lúc {when:%H:%M ngày %d/%m/%Y}", ""]
    for msg in messages:
        if msg["role"] == "user":
            out += [f"**Hỏi:** {msg['text']}", ""]
            continue
        out += ["**Trả lời:**", "", msg["text"], ""]
        answer = msg.get("answer")
        if answer and answer.citations:
            out.append("Nguồn:")
            for i, c in enumerate(answer.citations, start=1):
                quote = " ".join((c.quote or "").split())
                out.append(f"- {citation_title(i, c, labels)}: “{quote}”")
            out.append("")
    return "\n".join(out).encode("utf-8")


def to_docx(messages: list[dict], labels: dict[str, str], when: datetime | None = None) -> bytes:
    """Word (.docx) bytes with the same content as :func:`to_markdown`."""
    import docx

    when = when or datetime.now()
    d = docx.Document()
    d.add_heading(TITLE, level=1)
    d.add_paragraph(f"Lưu lúc {when:%H:%M ngày %d/%m/%Y}")
    for msg in messages:
        if msg["role"] == "user":
            p = d.add_paragraph()
            p.add_run("Hỏi: ").bold = True
            p.add_run(msg["text"])
            continue
        p = d.add_paragraph()
        p.add_run("Trả lời: ").bold = True
        for i, line in enumerate(msg["text"].splitlines()):
            if i:
                p.add_run().add_break()
            p.add_run(line)
        answer = msg.get("answer")
        if answer and answer.citations:
            d.add_paragraph("Nguồn:")
            for i, c in enumerate(answer.citations, start=1):
                quote = " ".join((c.quote or "").split())
                d.add_paragraph(f"{citation_title(i, c, labels)}: “{quote}”", style="List Bullet")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
