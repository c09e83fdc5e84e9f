"""The station: its own files (config), the journal of confirmed actions and their replay, a headless station."""
