"""Format loaders (pdf, docx, doc, text, ocr): each turns one file into a :class:`ingest.blocks.LoadedDocument`."""
