"""A conversation over an :class:`retrieval.answer.Answerer`: :class:`Conversation`.

``cchc ask`` (standard input), the app's chat and ``cchc eval``'s
conversation sets keep their turns here, so follow-ups resolve the same way
everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrieval.answer import Answer, Answerer


__all__ = ["Conversation"]


class Conversation:
    """One conversation's state, as ``cchc ask`` keeps it on standard input.

    ``answerer`` an :class:`retrieval.answer.Answerer`; ``plan`` the fixed
    scope (``--plan``) or ``None``. :meth:`ask` answers a question against
    the earlier turns (oldest first) and records the turn, so a follow-up
    ("còn nhiệm vụ 23?", "thế ai phối hợp?", "trong đó cái nào…") resolves
    against the previous answer. ``cchc eval`` judges conversation sets
    through this class, so the figures measure what the command line does.
    """

    def __init__(self, answerer: Answerer, plan: str | None = None) -> None:
        self.answerer = answerer
        self.plan = plan
        self.history: list = []

    def ask(self, question: str) -> Answer:
        """The :class:`retrieval.answer.Answer` to ``question`` in this conversation."""
        from retrieval.answer import Turn

        answer = self.answerer.answer(question, plan=self.plan, history=self.history)
        self.history.append(Turn(question, answer))
        return answer
