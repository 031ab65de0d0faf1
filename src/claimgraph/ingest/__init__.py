"""ingest: sources (files, HTML, URLs, feeds, JSONL) → cleaned `Article` objects."""
