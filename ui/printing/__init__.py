"""Qt adapters for printing: the system-printer transport (QPrinter)."""
