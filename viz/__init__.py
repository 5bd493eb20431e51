"""hkweb3.viz."""
