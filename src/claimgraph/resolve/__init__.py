"""resolve: mentions → canonical entities, place names → gazetteer, time expressions → values."""
