"""Following a plan through the year: task statuses (SQLite), progress,
answers about progress, the XLSX round trip and the quarterly report.

* :mod:`tracking.model` – status vocabulary, task keys, validation;
* :mod:`tracking.store` – the SQLite status store under ``CCHC_HOME``;
* :mod:`tracking.progress` – statuses joined to tasks, "Quá hạn", summaries;
* :mod:`tracking.answer` – chat/CLI answers from the statuses;
* :mod:`tracking.xlsx` – export and validated import;
* :mod:`tracking.report` – the quarterly report DOCX and its change log.
"""
