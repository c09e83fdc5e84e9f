"""The station: where its files live (config.StationPaths), the journal of confirmed actions and their
replay (journal, sync, actions), a headless station."""
