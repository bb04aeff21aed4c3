"""Evaluation: the question sets, the runner and metrics behind ``cchc eval``, the baseline and benchmarks."""
