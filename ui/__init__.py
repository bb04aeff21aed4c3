"""Streamlit user interface of the assistant (``app.py`` is the entry point).

Page modules render with Streamlit (``chat``, ``tasks_page``, ``plans_page``);
the helpers they use are plain Python and tested without a browser
(``units``, ``due``, ``tasks_data``, ``exports``, ``highlight``). The
pages hold only Streamlit code: plan changes, answers and exports go through
:class:`assistant.service.Assistant`.
"""
