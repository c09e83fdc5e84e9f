"""The `pickdesk` command line. Subcommands register themselves from their own packages."""
