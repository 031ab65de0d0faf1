"""analyze: corroboration (claim clusters), contradictions and entity profiles over stored claims."""
