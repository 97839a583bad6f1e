"""Use cases shared by the cogs and the CLI: core (parse, score) joined with the store. No Discord here."""
