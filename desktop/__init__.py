"""Pickdesk's application core: domain rules, the central database, services, demo data, CLI.

Qt-free by contract (see the import-linter contracts in pyproject.toml).
"""

__version__ = "0.1.0"
