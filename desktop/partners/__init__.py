"""Outside partners: carriers (definitions as data, the demo carrier), SMTP, and next the carriers' and SMS providers' own protocols."""
