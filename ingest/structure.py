"""Genre rules for the body of a plan: the entry point ``read_body``.

Pipeline (each step its own module)::

    LoadedDocument
      → ingest.lines.logical_lines      rejoin wrapped paragraph pieces
      → ingest.layout.split_parts       cover / title / note / body / annexes
      → ingest.metadata.read_metadata   title, issuer, period, number, date …
      → ingest.sections.build_sections  cover decision, preamble, outline, annexes
      → ingest.targets.find_targets     chỉ tiêu
      → ingest.responsibilities.find_responsibilities

Tables are not read here (``ingest.tables`` turns the annex table into
tasks); they only mark where the annex starts when no "Phụ lục" heading does.
"""

from __future__ import annotations

from ingest.blocks import LoadedDocument
from ingest.layout import split_parts
from ingest.lines import logical_lines
from ingest.metadata import read_metadata
from ingest.model import Plan
from ingest.responsibilities import find_responsibilities
from ingest.sections import build_sections
from ingest.targets import find_targets


def read_body(doc: LoadedDocument) -> Plan:
    """Return a :class:`Plan` for ``doc`` with ``doc`` (the file name),
    ``title``, ``metadata``, ``sections``, ``targets``, ``responsibilities``
    and ``warnings`` filled; ``tasks`` is left empty for ``ingest.tables``.

    Never raises on odd input: a document without the genre's landmarks
    gets empty metadata fields and its text in a "Mở đầu" section.
    """
    parts = split_parts(logical_lines(doc))
    metadata = read_metadata(parts)
    sections, warnings = build_sections(parts)
    return Plan(
        doc=doc.name,
        title=metadata.title,
        metadata=metadata,
        sections=sections,
        targets=find_targets(sections),
        responsibilities=find_responsibilities(sections),
        warnings=warnings,
    )
