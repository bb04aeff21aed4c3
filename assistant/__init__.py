"""The service layer between the libraries (ingest, retrieval, drafting) and the front ends.

* :mod:`assistant.settings` – :class:`Settings`, the one configuration object
  (environment variables ``CCHC_*``), built once by an entry point;
* :mod:`assistant.runtime` – process set-up the entry points do once
  (thread waiting policy, offline model hubs, quiet third-party loggers);
* :mod:`assistant.service` – :class:`Assistant`: ask, tasks, add/remove a
  plan, draft, diff, export; used by the ``cchc`` command line, the app and
  ``cchc eval``.
"""
