"""The data hkweb3 ships: the curated registry, register snapshots and source documents
(see README.md)."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
REGISTRY_DIR = DATA_DIR / "registry"
DOCUMENTS_DIR = DATA_DIR / "documents"
REGISTERS_DIR = DATA_DIR / "registers"
