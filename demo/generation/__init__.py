"""Synthetic catalogues for benchmarks and load tests: ``manage.py generate_services``."""
