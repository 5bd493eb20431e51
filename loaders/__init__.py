"""hkweb3.loaders."""
