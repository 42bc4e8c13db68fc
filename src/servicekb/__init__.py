"""servicekb: a command-line knowledge base of Sweden's rural-service pilot projects."""

__version__ = "0.1.0"
