"""claimgraph: news reports → a sourced, queryable knowledge base of claims.

The small public API; the CLI is a thin shell over these.
"""

from claimgraph.ingest.article import Article

__all__ = ["Article", "__version__"]
__version__ = "0.1.0"
