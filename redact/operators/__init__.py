"""De-identification operators, one per file, each with typed parameters."""
