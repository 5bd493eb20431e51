"""hkweb3.queries."""
