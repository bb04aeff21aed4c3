"""Prompt templates of the answer LLM (``answer_system.txt``, ``answer_user.txt``), read as package data."""
