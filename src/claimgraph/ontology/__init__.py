"""Data files: boilerplate patterns now; event types, triggers and roles later."""
