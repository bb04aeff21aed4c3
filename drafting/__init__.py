"""Working from parsed plans: next year's draft, plan comparison, task exports.

* :mod:`drafting.citations` – spans of citations of other documents (never edited);
* :mod:`drafting.shift` – year-shifting rules and the change log of a draft;
* :mod:`drafting.changelog` – the change log as Markdown / CSV;
* :mod:`drafting.docx_writer` – the draft as a Word document in the genre's layout;
* :mod:`drafting.diff` – tasks and targets matched across two plans by meaning;
* :mod:`drafting.export` – tasks as XLSX, CSV or ICS.
"""
