"""extract: spaCy parse of an article → mentions, times, places and claims (records.py)."""
