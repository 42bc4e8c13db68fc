"""Values that light modules need without importing pydantic (start-up time)."""

MODEL_VERSION = 2  # bump when a field of the model changes meaning: cached indexes are rebuilt
STATUSES = ("completed", "ongoing", "planned")
SCOPES = ("local", "municipal", "county", "multi-county", "national")
