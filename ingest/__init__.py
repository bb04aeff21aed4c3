"""Ingest: load a CCHC plan (PDF, DOCX, DOC, TXT/MD) into blocks and parse it into a :class:`ingest.model.Plan` (see :mod:`ingest.pipeline`)."""
