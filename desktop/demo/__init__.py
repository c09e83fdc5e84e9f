"""The demo warehouse: its fixed vocabularies (data) and the builder that writes it."""
