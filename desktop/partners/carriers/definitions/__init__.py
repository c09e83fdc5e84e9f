"""Carrier definitions as data (JSON), read with importlib.resources."""
