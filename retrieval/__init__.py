"""Retrieval: index plans (chunks, embeddings, store), search them and answer questions over them (:mod:`retrieval.answer`)."""
