"""Benchmarks and the corpus generator they share (``benchmarks.make_corpus``)."""
