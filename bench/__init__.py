"""Benchmarks: ``python -m bench`` prints figures; it asserts nothing."""
