"""Values that light modules need without importing pydantic (start-up time)."""

MODEL_VERSION = 3  # bump when a field of the model changes meaning: cached indexes are rebuilt
STATUSES = ("completed", "ongoing", "planned")
SCOPES = ("local", "municipal", "county", "multi-county", "national")
LEGACY_SOURCE = "tillvaxtverket-lokal-service"  # what `source: <section>` (model version 2) meant
