"""hkweb3: a knowledge graph of the Hong Kong Web3 and digital-asset ecosystem.

Scripts import :mod:`hkweb3.api`; the ``hkweb3`` command is a thin layer over it.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hkweb3")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
