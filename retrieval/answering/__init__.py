"""The answer builders behind :class:`retrieval.answer.Answerer`: one module per kind of answer
(task rows and filters, aggregates, look-ups, body sections and lists, duties, targets, reporting,
cross-plan answers), the answer types (:mod:`retrieval.answering.model`) and passage scoring."""
