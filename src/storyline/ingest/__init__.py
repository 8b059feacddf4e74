"""Read articles from files and folders into Documents.

Formats: plain text, HTML (through trafilatura), JSON Lines (one article, or
one Multi-News cluster, per line) and Multi-News-style text clusters
(documents separated by ``|||||``).
"""

from .read import RawArticle, ReadResult, read_inputs, read_path

__all__ = ["RawArticle", "ReadResult", "read_inputs", "read_path"]
