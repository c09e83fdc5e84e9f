"""Customer data sealed at rest, and next the keys and the station's credentials."""
